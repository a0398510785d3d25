package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
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
		{prefix("+\r\n"), "", "+", []string{"continuation-no-space"}},
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
	if got, want := *lines[1].Wire, "* 1 FETCH (FLAGS (\\Seen) BODY[TEXT] {12}\r\nhello\r\nworld)\r\n"; got != want {
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
		{"server tagged non-status", "server", "* OK hi\r\n", "a1 FOO bar\r\n", "a1 OK x\r\n", []string{"OK"}},
		{"server tagged BYE", "server", "", "a1 BYE x\r\n", "* BYE x\r\n", []string{"BYE"}},
		{"server number without a name", "server", "* 1 EXISTS\r\n", "* 3 (x)\r\n", "+ go\r\n* 4 EXISTS\r\n", []string{"+", "EXISTS"}},
		{"server string for a name", "server", "", "* \"x\"\r\n", "a1 NO x\r\n", []string{"NO"}},
		{"server literal in broken response", "server", "", "* 1 FETCH (BODY[] {5}\r\nab\r\nc ]\r\n", "* 2 EXPUNGE\r\n", []string{"EXPUNGE"}},
		{"server empty line", "server", "* OK x\r\n", "\r\n", "a1 OK x\r\n", []string{"OK"}},
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

// TestClientKinds: the client's commands come out typed by package
// command: the tag, the kind as the type (with UID for UID forms), unknown
// where something was kept raw, and the canonical form as wire.
func TestClientKinds(t *testing.T) {
	yes, no := new(bool), new(bool)
	*yes = true
	cases := []struct {
		name     string
		in       string
		tag, typ string
		unknown  *bool
		canon    string // the wire field; in itself when empty
	}{
		{"lower-case LOGIN", "a1 login a b\r\n", "a1", "LOGIN", no, "a1 LOGIN a \"***\"\r\n"},
		{"RFC 9051 §6.1.2 NOOP", "a002 NOOP\r\n", "a002", "NOOP", no, ""},
		{"DONE", "done\r\n", "", "DONE", no, "DONE\r\n"},
		{"UID FETCH", "1 uid fetch 1:* flags\r\n", "1", "UID FETCH", no, "1 UID FETCH 1:* (FLAGS)\r\n"},
		{"SEARCH", "a SEARCH OR FROM fred NOT SEEN\r\n", "a", "SEARCH", no, ""},
		{"SELECT with an unknown parameter", "a SELECT INBOX (X-FOO 1)\r\n", "a", "SELECT", yes, ""},
		{"RFC 2971 ID", "a ID (\"name\" \"x\")\r\n", "a", "ID", no, ""},
		{"unknown command", "a xyzzy 1 (2)\r\n", "a", "XYZZY", yes, "a XYZZY 1 (2)\r\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, stderr := runIt([]string{"-json", "-format", "client"}, c.in, false)
			if code != 0 {
				t.Fatalf("exit %d, stderr %q, output\n%s", code, stderr, out)
			}
			lines := parseJSON(t, out)
			if len(lines) != 1 {
				t.Fatalf("%d messages, want 1:\n%s", len(lines), out)
			}
			l := lines[0]
			if l.Tag != c.tag || l.Type != c.typ {
				t.Errorf("tag %q type %q, want %q %q", l.Tag, l.Type, c.tag, c.typ)
			}
			if (l.Unknown != nil) != *c.unknown {
				t.Errorf("unknown %v, want %v", l.Unknown != nil, *c.unknown)
			}
			canon := c.canon
			if canon == "" {
				canon = c.in
			}
			if *l.Wire != canon {
				t.Errorf("wire %q, want %q", *l.Wire, canon)
			}
			refeed(t, lines, "C")
			refeed(t, lines, "C", "-strict")
		})
	}
}

// TestServerKinds: the server's responses come out typed by package
// response: the tag of tagged status responses only, the kind as the type,
// unknown where something was kept raw, and the canonical form as wire.
func TestServerKinds(t *testing.T) {
	yes, no := new(bool), new(bool)
	*yes = true
	cases := []struct {
		name     string
		in       string
		tag, typ string
		// unknown is nil where it depends on how much package response
		// types (response codes, data responses it names).
		unknown *bool
		canon   string // the wire field; in itself when empty
	}{
		{"RFC 9051 §7.1.1 greeting", "* OK IMAP4rev2 server ready\r\n", "", "OK", no, ""},
		{"RFC 9051 §7.1.2 example", "A222 NO COPY failed: disk is full\r\n", "A222", "NO", no, ""},
		{"RFC 9051 §7.1.3 example", "* BAD Command line too long\r\n", "", "BAD", no, ""},
		{"tagged BAD", "a2 bad what?\r\n", "a2", "BAD", no, "a2 BAD what?\r\n"},
		{"RFC 9051 §7.1.4 example", "* PREAUTH IMAP4rev2 server logged in as Smith\r\n", "", "PREAUTH", no, ""},
		{"RFC 9051 §7.1.5 example", "* BYE Autologout; idle for too long\r\n", "", "BYE", no, ""},
		{"lower-case condition", "* bye now\r\n", "", "BYE", no, "* BYE now\r\n"},
		{"RFC 9051 §7.5 example", "+ Ready for additional command text\r\n", "", "+", no, ""},
		{"RFC 9051 §6.2.2 GSSAPI challenge", "+ YGgGCSqGSIb3EgECAgIBAAD/////6jcyG4GE3KkTzBeBiVHeceP2CWY0SR0fAQAgAAQEBAQ=\r\n", "", "+", no, ""},
		{"response code", "a1 no [trycreate] nope\r\n", "a1", "NO", nil, "a1 NO [TRYCREATE] nope\r\n"},
		{"RFC 9051 §7.1 UIDVALIDITY", "* OK [UIDVALIDITY 3857529045] UIDs valid\r\n", "", "OK", nil, ""},
		{"unknown response code", "a1 OK [X-EXAMPLE 1 2] done\r\n", "a1", "OK", yes, ""},
		{"unknown code in a continuation", "+ [X-EXAMPLE] go on\r\n", "", "+", yes, ""},
		{"RFC 9051 §7.4.1 EXISTS", "* 23 EXISTS\r\n", "", "EXISTS", nil, ""},
		{"RFC 9051 §7.5.2 FETCH", "* 23 FETCH (FLAGS (\\Seen) RFC822.SIZE 44827)\r\n", "", "FETCH", nil, ""},
		{"RFC 9051 §7.2.2 CAPABILITY", "* CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI LOGINDISABLED\r\n", "", "CAPABILITY", nil, ""},
		{"RFC 9051 §7.3.1 LIST", "* LIST (\\Noselect) \"/\" ~/Mail/foo\r\n", "", "LIST", nil, ""},
		{"Dovecot XAPPLEPUSHSERVICE", "* XAPPLEPUSHSERVICE aps-version \"2\" aps-topic \"com.apple.mail\"\r\n", "", "XAPPLEPUSHSERVICE", yes, ""},
		{"unknown with a number", "* 3 xfoo (x \"y\")\r\n", "", "XFOO", yes, "* 3 XFOO (x \"y\")\r\n"},
		{"unknown, long name", "* xverylongresponsename foo\r\n", "", "XVERYLONGRESPONSENAME", yes, "* XVERYLONGRESPONSENAME foo\r\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, stderr := runIt([]string{"-json", "-format", "server"}, c.in, false)
			if code != 0 {
				t.Fatalf("exit %d, stderr %q, output\n%s", code, stderr, out)
			}
			lines := parseJSON(t, out)
			if len(lines) != 1 {
				t.Fatalf("%d messages, want 1:\n%s", len(lines), out)
			}
			l := lines[0]
			if l.Tag != c.tag || l.Type != c.typ {
				t.Errorf("tag %q type %q, want %q %q", l.Tag, l.Type, c.tag, c.typ)
			}
			if c.unknown != nil && (l.Unknown != nil) != *c.unknown {
				t.Errorf("unknown %v, want %v", l.Unknown != nil, *c.unknown)
			}
			canon := c.canon
			if canon == "" {
				canon = c.in
			}
			if *l.Wire != canon {
				t.Errorf("wire %q, want %q", *l.Wire, canon)
			}
			refeed(t, lines, "S")
			refeed(t, lines, "S", "-strict")
		})
	}
}

// TestServerStream: the kinds of a whole server stream, with the greeting,
// each condition, a continuation request and an unknown response, in JSON
// and in text.
func TestServerStream(t *testing.T) {
	in := "* OK [CAPABILITY IMAP4rev1] Dovecot ready.\r\n" +
		"a1 OK Logged in\r\n" +
		"+ \r\n" +
		"* XSTATE 1\r\n" +
		"a2 NO [NONEXISTENT] Mailbox doesn't exist: x\r\n" +
		"a3 BAD Error in IMAP command: Unknown command.\r\n" +
		"* PREAUTH hi\r\n" +
		"* BYE Logging out\r\n"
	code, out, stderr := runIt([]string{"-json", "-format", "server"}, in, false)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q, output\n%s", code, stderr, out)
	}
	var got []string
	for _, l := range parseJSON(t, out) {
		s := l.Tag + " " + l.Type
		if l.Unknown != nil {
			s += " unknown"
		}
		got = append(got, s)
	}
	want := []string{" OK", "a1 OK", " +", " XSTATE unknown", "a2 NO", "a3 BAD", " PREAUTH", " BYE"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range got {
		// The codes CAPABILITY and NONEXISTENT are kept raw until
		// package response types them.
		if g := strings.TrimSuffix(got[i], " unknown"); got[i] != want[i] && (i != 0 && i != 4 || g != want[i]) {
			t.Errorf("message %d: %q, want %q", i, got[i], want[i])
		}
	}
	// The text output is the input, whose messages are canonical, one
	// line each.
	code, out, _ = runIt([]string{"-format", "server"}, in, false)
	wantText := "# stdin: server stream\n"
	for off := 0; off < len(in); {
		n := strings.Index(in[off:], "\r\n") + 2
		wantText += fmt.Sprintf("S %7d  %s\n", off, in[off:off+n-2])
		off += n
	}
	if code != 0 || out != wantText {
		t.Errorf("text: exit %d\n%s\nwant\n%s", code, out, wantText)
	}
}

// TestRefeedQuirkyValues: inputs whose values only lenient decoding accepts
// (8-bit text and atoms, a literal8 next to an atom) still decode, re-encode
// and re-feed to the same wire strings.
func TestRefeedQuirkyValues(t *testing.T) {
	cases := []struct{ name, format, in string }{
		// A literal directly after an atom must not be written adjacent
		// to it: "B~{3}" would read back as the atom "B~".
		{"literal8 adjacent to an atom", "server", "* 1 XFETCH (B{3}\r\na\x00b)\r\n"},
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

// TestServerRefeedTestdata: the server halves of the captures in testdata
// re-feed to the same wire strings, lenient and strict.
func TestServerRefeedTestdata(t *testing.T) {
	files, err := filepath.Glob("testdata/*.out")
	if err != nil || len(files) == 0 {
		t.Fatalf("no captures in testdata (%v)", err)
	}
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			code, out, stderr := runIt([]string{"-json", "-format", "rawlog", name}, "", false)
			if code != 0 {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			lines := parseJSON(t, out)
			refeed(t, lines, "S")
			refeed(t, lines, "S", "-strict")
		})
	}
}
