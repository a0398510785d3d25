package main

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mailwire/imap/wire"
)

// quirkyServer is a server stream with literals, a literal8 and the
// deviations real servers send.
const quirkyServer = "* OK [CAPABILITY IMAP4rev1 LITERAL+ BINARY] ready\r\n" +
	"* 1 FETCH (BODY[TEXT] {12}\r\nhello\r\nworld FLAGS (\\Seen ))\r\n" + // space before ")" (SurgeMail)
	"* SEARCH 1 2 3 \r\n" + // trailing space (Office 365)
	"* OK [HIGHESTMODSEQ 5]\r\n" + // code without text (Gmail)
	"+\r\n" + // continuation without a space (Yandex)
	"* 2 FETCH (BINARY[1] ~{3}\r\na\x00b)\r\n" +
	"* LIST (\\Noselect) \"/\" \"a\\\"b\"\r\n" +
	"* 3 EXISTS\n" + // bare LF
	"a1 OK done\r\n"

// literalClient is a client stream with synchronising, LITERAL+ and empty
// literals.
const literalClient = "a1 CAPABILITY\r\n" +
	"a2 APPEND INBOX (\\Seen) {11}\r\nSubject: x\n\r\n" +
	"a3 APPEND INBOX {6+}\r\nhi\r\nyo\r\n" +
	"a4 SELECT {0}\r\n\r\n" +
	"a5 UID FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)]<0.100>)\r\n" +
	"a6 IDLE\r\n" +
	"DONE\r\n" +
	"a7 LOGOUT\r\n"

func TestQuirkyServer(t *testing.T) {
	code, out, stderr := runIt([]string{"-json", "-format", "server"}, quirkyServer, false)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q, output\n%s", code, stderr, out)
	}
	lines := parseJSON(t, out)
	type want struct {
		offset int
		tag    string
		typ    string
		quirks []string
	}
	prefix := func(line string) int { return strings.Index(quirkyServer, line) }
	wants := []want{
		{0, "", "OK", nil},
		{prefix("* 1 FETCH"), "", "FETCH", []string{"space-before-paren"}},
		{prefix("* SEARCH"), "", "SEARCH", []string{"trailing-space"}},
		{prefix("* OK [HIGHEST"), "", "OK", []string{"code-without-text"}},
		{prefix("+\r\n"), "", "CONTINUE", []string{"continuation-no-space"}},
		{prefix("* 2 FETCH"), "", "FETCH", nil},
		{prefix("* LIST"), "", "LIST", nil},
		{prefix("* 3 EXISTS"), "", "EXISTS", []string{"bare-lf"}},
		{prefix("a1 OK"), "a1", "OK", nil},
	}
	if len(lines) != len(wants) {
		t.Fatalf("%d messages, want %d:\n%s", len(lines), len(wants), out)
	}
	for i, w := range wants {
		l := lines[i]
		if int(*l.Offset) != w.offset || l.Tag != w.tag || l.Type != w.typ || !slices.Equal(l.Quirks, w.quirks) {
			t.Errorf("message %d: offset %d tag %q type %q quirks %q, want %d %q %q %q",
				i, *l.Offset, l.Tag, l.Type, l.Quirks, w.offset, w.tag, w.typ, w.quirks)
		}
	}
	if got, want := *lines[1].Wire, "* 1 FETCH (BODY[TEXT] {12}\r\nhello\r\nworld FLAGS (\\Seen))\r\n"; got != want {
		t.Errorf("wire %q, want %q", got, want)
	}
	if got, want := *lines[5].Wire, "* 2 FETCH (BINARY[1] ~{3}\r\na\x00b)\r\n"; got != want {
		t.Errorf("wire %q, want %q", got, want)
	}
	refeed(t, lines, "S")
}

func TestLiteralClient(t *testing.T) {
	code, out, stderr := runIt([]string{"-json", "-format", "client"}, literalClient, false)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q, output\n%s", code, stderr, out)
	}
	lines := parseJSON(t, out)
	var types, tags []string
	for _, l := range lines {
		types = append(types, l.Type)
		tags = append(tags, l.Tag)
	}
	wantTypes := []string{"CAPABILITY", "APPEND", "APPEND", "SELECT", "UID FETCH", "IDLE", "DONE", "LOGOUT"}
	wantTags := []string{"a1", "a2", "a3", "a4", "a5", "a6", "", "a7"}
	if !slices.Equal(types, wantTypes) || !slices.Equal(tags, wantTags) {
		t.Errorf("types %q tags %q, want %q %q", types, tags, wantTypes, wantTags)
	}
	// LITERAL+ re-encodes canonically, as a synchronising literal.
	if got, want := *lines[2].Wire, "a3 APPEND INBOX {6}\r\nhi\r\nyo\r\n"; got != want {
		t.Errorf("wire %q, want %q", got, want)
	}
	refeed(t, lines, "C")
}

// TestErrorInTheMiddle: a broken message is reported with its offset and
// decoding goes on with the next one.
func TestErrorInTheMiddle(t *testing.T) {
	cases := []struct {
		name, format, before, broken, after string
		wantAfter                           []string // types after the error
	}{
		{"client quoted", "client", "a1 NOOP\r\n", "a2 SELECT \"unterminated\r\n", "a3 NOOP\r\na4 LOGOUT\r\n", []string{"NOOP", "LOGOUT"}},
		{"client bad byte", "client", "a1 NOOP\r\n", "a2 SELECT foo)\r\n", "a3 NOOP\r\n", []string{"NOOP"}},
		{"client literal in broken message", "client", "", "a2 FOO ) {5}\r\nab\r\nc\r\n", "a3 NOOP\r\n", []string{"NOOP"}},
		{"server unclosed list", "server", "* OK hi\r\n", "* 1 FETCH (FLAGS (\\Seen)\r\n", "* 2 EXISTS\r\na1 OK x\r\n", []string{"EXISTS", "OK"}},
		{"server unbalanced", "server", "", "* 1 FETCH (FLAGS ]\r\n", "* BYE\r\n", []string{"BYE"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := c.before + c.broken + c.after
			code, out, _ := runIt([]string{"-json", "-format", c.format}, in, false)
			if code != 1 {
				t.Fatalf("exit %d, want 1:\n%s", code, out)
			}
			lines := parseJSON(t, out)
			i := slices.IndexFunc(lines, func(l jsonLine) bool { return l.Error != "" })
			if i < 0 {
				t.Fatalf("no error:\n%s", out)
			}
			if int(*lines[i].Offset) != len(c.before) {
				t.Errorf("error at offset %d, want %d", *lines[i].Offset, len(c.before))
			}
			var after []string
			for _, l := range lines[i+1:] {
				after = append(after, l.Type)
			}
			if !slices.Equal(after, c.wantAfter) {
				t.Errorf("after the error: %q, want %q", after, c.wantAfter)
			}

			// The text output carries the offset on the error line.
			code, out, _ = runIt([]string{"-format", c.format}, in, false)
			if code != 1 {
				t.Fatalf("text: exit %d, want 1", code)
			}
			var errLine string
			for _, l := range strings.Split(out, "\n") {
				if strings.Contains(l, "ERROR") {
					errLine = l
				}
			}
			fields := strings.Fields(errLine)
			if len(fields) < 3 || fields[1] != strconv.Itoa(len(c.before)) || fields[2] != "ERROR:" {
				t.Errorf("error line %q, want offset %d", errLine, len(c.before))
			}
		})
	}
}

// A stream cut inside a message is one failure, the last.
func TestCutStream(t *testing.T) {
	in := "a1 NOOP\r\na2 LOGIN {10}\r\nabc"
	code, out, _ := runIt([]string{"-json", "-format", "client"}, in, false)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	lines := parseJSON(t, out)
	if len(lines) != 2 || lines[1].Error == "" || *lines[1].Offset != int64(len("a1 NOOP\r\n")) {
		t.Fatalf("want NOOP then an error at 9:\n%s", out)
	}
}

func TestKinds(t *testing.T) {
	cases := []struct {
		dir      byte
		in       string
		tag, typ string
	}{
		{'C', "a1 login a b\r\n", "a1", "LOGIN"},
		{'C', "1 uid fetch 1 FLAGS\r\n", "1", "UID FETCH"},
		{'C', "a UID\r\n", "a", "UID"},
		{'C', "done\r\n", "", "DONE"},
		{'C', "\"x\"\r\n", "", "UNKNOWN"},
		{'C', "a \"x\"\r\n", "a", "UNKNOWN"},
		{'S', "* 12 exists\r\n", "", "EXISTS"},
		{'S', "* 1 FETCH (FLAGS ())\r\n", "", "FETCH"},
		{'S', "* bye now\r\n", "", "BYE"},
		{'S', "* PREAUTH hi\r\n", "", "PREAUTH"},
		{'S', "+ go ahead\r\n", "", "CONTINUE"},
		{'S', "a1 no [TRYCREATE] nope\r\n", "a1", "NO"},
		{'S', "* CAPABILITY IMAP4rev1\r\n", "", "CAPABILITY"},
		{'S', "* 3 (x)\r\n", "", "UNKNOWN"},
		{'S', "* \"x\"\r\n", "", "UNKNOWN"},
	}
	for _, c := range cases {
		d := wire.NewDecoder(strings.NewReader(c.in))
		m, err := d.ReadMessage()
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		var tag, typ string
		if c.dir == 'C' {
			tag, typ = clientKind(m.Items, false)
		} else {
			tag, typ = serverKind(m.Items)
		}
		if tag != c.tag || typ != c.typ {
			t.Errorf("%c %q: tag %q type %q, want %q %q", c.dir, c.in, tag, typ, c.tag, c.typ)
		}
	}
}

// TestRefeedQuirkyValues: inputs whose values only lenient decoding accepts
// (8-bit text and atoms, a literal8 next to an atom) still decode, re-encode
// and re-feed to the same wire strings.
func TestRefeedQuirkyValues(t *testing.T) {
	cases := []struct{ name, format, in string }{
		// A literal directly after an atom must not be written adjacent
		// to it: "B~{3}" would read back as the atom "B~".
		{"literal8 adjacent to an atom", "server", "* 1 FETCH (B{3}\r\na\x00b)\r\n"},
		// Lenient decoding accepts 8-bit text and atoms (QuirkEightBit):
		// text is written back as it came, an 8-bit atom as a string.
		{"8-bit text", "server", "* OK caf\xe9\r\n"},
		{"8-bit response code", "server", "* OK [ALERT caf\xe9] x\r\n"},
		{"8-bit atom", "client", "a SELECT caf\xc3\xa9\r\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, _ := runIt([]string{"-json", "-format", c.format}, c.in, false)
			lines := parseJSON(t, out)
			if code != 0 {
				t.Fatalf("%q does not re-encode (exit %d): %s", c.in, code, out)
			}
			if err := refeedErr(t, lines, map[string]string{"client": "C", "server": "S"}[c.format]); err != nil {
				t.Fatal(err)
			}
		})
	}
}
