package wire

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/mailwire/imap/literal"
)

// binaryPolicy lets re-encoding write literal8, as the decoded values may
// need it.
var binaryPolicy = LiteralPolicy(literal.Policy{Binary: true})

// messageVectors are whole messages with their canonical re-encoding (empty
// when it is the input itself) and the quirks lenient decoding reports.
var messageVectors = []struct {
	name   string
	in     string
	want   string
	quirks []Quirk
}{
	// RFC 3501 §8 and RFC 9051 §8 sample lines.
	{name: "greeting", in: "* OK IMAP4rev1 Service Ready\r\n"},
	{name: "tagged OK with code", in: "a002 OK [READ-WRITE] SELECT completed\r\n"},
	{name: "code with argument", in: "* OK [UIDVALIDITY 3857529045] UIDs valid\r\n"},
	{name: "flags", in: "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"},
	{name: "exists", in: "* 18 EXISTS\r\n"},
	{name: "login", in: "a001 login mrc secret\r\n"},
	{name: "store", in: "a005 store 12 +flags \\deleted\r\n"},
	{name: "fetch full", in: "* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" " +
		"RFC822.SIZE 4286 ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" " +
		"\"IMAP4rev1 WG mtg summary and minutes\" ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) " +
		"((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL " +
		"\"<B27397-0100000@cac.washington.edu>\") BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92))\r\n"},
	{name: "literal body", in: "* 12 FETCH (BODY[HEADER] {5}\r\nab\r\nc)\r\n"},
	{name: "section with list and partial", in: "a FETCH 1 BODY.PEEK[HEADER.FIELDS (FROM TO)]<0.100>\r\n"},
	{name: "section path", in: "a FETCH 1 (BODY[1.2.MIME] BINARY.SIZE[1])\r\n"},
	{name: "sequence set", in: "a UID FETCH 1:*,5,7:9 (FLAGS)\r\n"},
	{name: "search", in: "* SEARCH 2 84 882\r\n"},
	{name: "namespace adjacent lists", in: "* NAMESPACE ((\"\" \"/\")) ((\"Other/\" \"/\")(\"Shared/\" \"/\")) NIL\r\n"},
	{name: "thread", in: "* THREAD (2)(3 6 (4 23)(44 7 96))\r\n"},
	{name: "escapes", in: `a1 LOGIN "a\"b" "c\\d"` + "\r\n"},
	{name: "empty quoted", in: `a1 LOGIN "" ""` + "\r\n"},
	{name: "continuation", in: "+ Ready for literal data\r\n"},
	{name: "continuation base64", in: "+ YGgGCSqGSIb3EgECAgIAb1kwV6ADAgEFoQMCAQ+iSzBJoAMCAQGiQgRA\r\n"},
	{name: "continuation with code", in: "+ [ALERT] go on\r\n"},
	{name: "empty continuation", in: "+ \r\n"},
	{name: "bye", in: "* BYE Autologout; idle for too long\r\n"},
	{name: "preauth", in: "* PREAUTH [CAPABILITY IMAP4rev1 LITERAL+] IMAP4rev1 server logged in as Smith\r\n"},
	{name: "text with specials", in: "a NO [TRYCREATE] No such mailbox \"foo ( ] {3}\r\n"},
	{name: "code without argument", in: "a OK [ALERT] System shutdown in 10 minutes\r\n"},
	{name: "status without text (RFC 9051)", in: "a OK \r\n"},
	{name: "permanentflags", in: "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n"},
	{name: "gmail mailbox", in: `* LIST (\HasNoChildren) "/" [Gmail]/Sent` + "\r\n"},
	{name: "bracket in unquoted mailbox (ASTRING-CHAR)", in: `* LIST () "/" foo]bar` + "\r\n"},
	{name: "leading bracket in word", in: `* LIST () "/" ]x` + "\r\n"},
	{name: "brackets inside a list", in: "* X (a] b)\r\n"},
	{name: "list wildcards", in: `a LIST "" %/*` + "\r\n"},
	{name: "empty message", in: "\r\n"},
	{name: "done", in: "DONE\r\n"},
	{name: "nil any case", in: "* 1 FETCH (ENVELOPE (nil Nil))\r\n", want: "* 1 FETCH (ENVELOPE (NIL NIL))\r\n"},
	{name: "short literal becomes quoted", in: "a1 LOGIN {4}\r\nuser {4}\r\npass\r\n", want: "a1 LOGIN \"user\" \"pass\"\r\n"},
	{name: "non-synchronising literal", in: "a APPEND x {3+}\r\nabc\r\n", want: "a APPEND x \"abc\"\r\n"},
	{name: "empty literals", in: "a LOGIN {0}\r\n {0}\r\n\r\n", want: "a LOGIN \"\" \"\"\r\n"},
	{name: "literal8", in: "* 1 FETCH (BINARY[1] ~{3}\r\na\x00b)\r\n"},
	{name: "literal8 text", in: "* 1 FETCH (BINARY[1] ~{3}\r\nabc)\r\n"},
	{name: "long string becomes literal", in: `a X "` + strings.Repeat("x", 1100) + "\"\r\n",
		want: "a X {1100}\r\n" + strings.Repeat("x", 1100) + "\r\n"},
	{name: "utf8 in text", in: "* OK Grüße\r\n"},
	{name: "big number", in: "* 1 FETCH (MODSEQ (18446744073709551615))\r\n"},
	{name: "number too big is an atom", in: "* 1 X 18446744073709551616\r\n"},

	{name: "RFC 7888 LITERAL+ example", in: "A001 LOGIN {11+}\r\nFRED FOOBAR {7+}\r\nfat man\r\n", want: "A001 LOGIN \"FRED FOOBAR\" \"fat man\"\r\n"},
	{name: "RFC 9051 ESEARCH", in: "* ESEARCH (TAG \"A282\") MIN 2 COUNT 3\r\n"},
	{name: "RFC 9051 LIST", in: "* LIST (\\Noselect) \"/\" ~/Mail/foo\r\n"},
	{name: "RFC 9051 STATUS", in: "* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\n"},
	{name: "RFC 9051 SEARCH with CHARSET", in: "A284 SEARCH CHARSET UTF-8 TEXT {12}\r\n\xd0\x9d\xd0\xb0\xd1\x82\xd0\xb0\xd1\x88\xd0\xb0\r\n"},
	{name: "RFC 3516 literal8 APPEND", in: "A003 APPEND Drafts (\\Seen \\Draft $MDNSent) ~{5}\r\nab\x00cd\r\n"},
	{name: "RFC 9051 response code with list", in: "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n"},
	{name: "RFC 9051 APPENDUID", in: "A003 OK [APPENDUID 38505 3955] APPEND completed\r\n"},
	{name: "RFC 9051 continuation for AUTHENTICATE", in: "+ \r\n"},

	// Real-world deviations.
	{name: "trailing space", in: "* SEARCH 2 84 882 \r\n", want: "* SEARCH 2 84 882\r\n", quirks: []Quirk{QuirkTrailingSpace}},
	{name: "trailing space capability", in: "* CAPABILITY IMAP4rev1 IDLE \r\n", want: "* CAPABILITY IMAP4rev1 IDLE\r\n", quirks: []Quirk{QuirkTrailingSpace}},
	{name: "bare LF", in: "* 5 EXISTS\n", want: "* 5 EXISTS\r\n", quirks: []Quirk{QuirkBareLF}},
	{name: "bare LF after literal announcement", in: "* 1 FETCH (BODY[] {3}\nabc)\r\n", want: "* 1 FETCH (BODY[] \"abc\")\r\n", quirks: []Quirk{QuirkBareLF}},
	{name: "space before paren", in: "* 1 FETCH (FLAGS (\\Seen ))\r\n", want: "* 1 FETCH (FLAGS (\\Seen))\r\n", quirks: []Quirk{QuirkSpaceBeforeParen}},
	{name: "space after paren", in: "* 1 FETCH ( UID 1)\r\n", want: "* 1 FETCH (UID 1)\r\n", quirks: []Quirk{QuirkExtraSpace}},
	{name: "extra space", in: "* 1 FETCH (UID 1  RFC822.HEADER {0}\r\n)\r\n", want: "* 1 FETCH (UID 1 RFC822.HEADER \"\")\r\n", quirks: []Quirk{QuirkExtraSpace}},
	{name: "extra spaces in QUOTA", in: "* QUOTA \"\" (STORAGE  10 512)\r\n", want: "* QUOTA \"\" (STORAGE 10 512)\r\n", quirks: []Quirk{QuirkExtraSpace}},
	{name: "eight-bit quoted", in: "* LIST () \"/\" \"Entw\xc3\xbcrfe\"\r\n", want: "* LIST () \"/\" {9}\r\nEntw\xc3\xbcrfe\r\n", quirks: []Quirk{QuirkEightBit}},
	{name: "unescaped quote", in: `* LIST () "/" "a"b"` + "\r\n", want: `* LIST () "/" "a\"b"` + "\r\n", quirks: []Quirk{QuirkUnescapedQuote}},
	{name: "unescaped quotes 163.com", in: `* LIST () "/" """"` + "\r\n", want: `* LIST () "/" "\"\""` + "\r\n", quirks: []Quirk{QuirkUnescapedQuote}},
	{name: "bad escape", in: `a LOGIN "a\b" x` + "\r\n", want: `a LOGIN "a\\b" x` + "\r\n", quirks: []Quirk{QuirkBadEscape}},
	{name: "continuation without space", in: "+\r\n", want: "+ \r\n", quirks: []Quirk{QuirkContinuationNoSpace}},
	{name: "code without text", in: "* OK [HIGHESTMODSEQ 715194045007]\r\n", want: "* OK [HIGHESTMODSEQ 715194045007] \r\n", quirks: []Quirk{QuirkCodeWithoutText}},
	{name: "status without space", in: "a1 OK\r\n", want: "a1 OK \r\n", quirks: []Quirk{QuirkCodeWithoutText}},
	{name: "text right after the code (RFC 2193 §4)", in: "A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/REMOTE]Remote Mailbox\r\n",
		want: "A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/REMOTE] Remote Mailbox\r\n", quirks: []Quirk{QuirkCodeWithoutSpace}},
	// Text that starts with "[" but no response code: Exchange's
	// [Error="..." ...], a code left open, one that ends like a literal.
	{name: "exchange error code", in: "R1 OK [Error=\"Cross Server access\" Proxy=x:1993:SSL] AUTHENTICATE completed.\r\n", quirks: []Quirk{QuirkBadResponseCode}},
	{name: "text ending like a literal", in: "* OK [BAD) {3}\r\n", quirks: []Quirk{QuirkBadResponseCode}},
	{name: "bare bracket", in: "* OK [\r\n", quirks: []Quirk{QuirkBadResponseCode}},
	{name: "unclosed code", in: "* OK [ALERT\r\n", quirks: []Quirk{QuirkBadResponseCode}},
	// Gmail's keywords with brackets in PERMANENTFLAGS.
	{name: "brackets in code arguments", in: "* OK [PERMANENTFLAGS (\\Seen OIB-Seen-[Gmail]/All Mail \\*)] Flags permitted.\r\n", quirks: []Quirk{QuirkBracketInAtom}},
	{name: "bracket left open in code arguments", in: "* OK [X-Y a[b] c\r\n"},
	{name: "NUL in literal", in: "* 1 FETCH (BODY[] {3}\r\na\x00b)\r\n", want: "* 1 FETCH (BODY[] ~{3}\r\na\x00b)\r\n", quirks: []Quirk{QuirkNULInLiteral}},
	{name: "leading space", in: " a NOOP\r\n", want: "a NOOP\r\n", quirks: []Quirk{QuirkExtraSpace}},
}

// errorVectors are streams whose first message is bad: the error's offset
// and cause, and the canonical form of the message that follows it, which
// must decode after Skip.
var errorVectors = []struct {
	name string
	in   string
	off  int64
	err  error
	next string
}{
	{"unterminated quoted", "a \"abc\r\nb NOOP\r\n", int64(len("a \"abc")), ErrSyntax, "b NOOP\r\n"},
	{"NUL in quoted", "a \"a\x00\"\r\nb NOOP\r\n", int64(len("a \"a")), ErrSyntax, "b NOOP\r\n"},
	{"unbalanced paren", "a b)\r\nb NOOP\r\n", int64(len("a b")), ErrSyntax, "b NOOP\r\n"},
	{"mismatched bracket", "a [b)\r\nb NOOP\r\n", int64(len("a [b")), ErrSyntax, "b NOOP\r\n"},
	{"unclosed list, bracket in word", "a (b]\r\nb NOOP\r\n", int64(len("a (b]")), ErrSyntax, "b NOOP\r\n"},
	{"unclosed list", "a (b\r\nb NOOP\r\n", int64(len("a (b")), ErrSyntax, "b NOOP\r\n"},
	{"control byte", "a \x01\r\nb NOOP\r\n", int64(len("a ")), ErrSyntax, "b NOOP\r\n"},
	{"announcement not at end of line", "a {3}x\r\nb NOOP\r\n", int64(len("a {3}")), ErrSyntax, "b NOOP\r\n"},
	{"malformed announcement", "a {3x}\r\nb NOOP\r\n", int64(len("a {3")), ErrSyntax, "b NOOP\r\n"},
	{"literal size overflow", "a {18446744073709551616}\r\nb NOOP\r\n", int64(len("a {1844674407370955161")), ErrLiteralTooLarge, "b NOOP\r\n"},
	{"skip over literal of broken message", "a ) {7}\r\nhe\r\nllo\r\nb NOOP\r\n", int64(len("a ")), ErrSyntax, "b NOOP\r\n"},
	{"skip over two literals", "a ) {1}\r\nx {2}\r\n\r\n\r\nb NOOP\r\n", int64(len("a ")), ErrSyntax, "b NOOP\r\n"},
}

// flakyReader fails every other Read with errFlaky before returning data,
// like a network connection with transient errors.
type flakyReader struct {
	r    io.Reader
	fail bool
}

var errFlaky = errors.New("flaky")

func (f *flakyReader) Read(p []byte) (int, error) {
	f.fail = !f.fail
	if f.fail {
		return 0, errFlaky
	}
	return f.r.Read(p)
}

// readers returns the ways a test feeds input to a decoder: all of them
// must give the same result.
func readers(in string) map[string]io.Reader {
	return map[string]io.Reader{
		"whole":    strings.NewReader(in),
		"one byte": iotest.OneByteReader(strings.NewReader(in)),
		"half":     iotest.HalfReader(strings.NewReader(in)),
		"data+EOF": iotest.DataErrReader(strings.NewReader(in)),
		"flaky":    &flakyReader{r: iotest.OneByteReader(strings.NewReader(in))},
	}
}

// decodeAll reads every message of r and describes each: its canonical
// encoding and quirks, or its error.
func decodeAll(t testing.TB, r io.Reader, opts ...Option) []string {
	t.Helper()
	d := NewDecoder(r, opts...)
	var out []string
	for i, retries := 0, 0; i < 10000; i++ {
		m, err := d.ReadMessage()
		if err == errFlaky {
			if retries++; retries > 1<<24 {
				break
			}
			i--
			continue
		}
		if err == io.EOF {
			return out
		}
		if err != nil {
			out = append(out, describeErr(err))
			if err == io.ErrUnexpectedEOF {
				return out
			}
			for {
				err := d.Skip()
				if err == nil {
					break
				}
				if err != errFlaky {
					out = append(out, "skip: "+describeErr(err))
					return out
				}
			}
			continue
		}
		b, err := AppendMessage(nil, m, binaryPolicy)
		s := fmt.Sprintf("%q", b)
		if err != nil {
			s = "encode: " + err.Error()
		}
		for _, q := range m.Quirks {
			s += fmt.Sprintf(" %v@%d", q.Quirk, q.Offset)
		}
		out = append(out, s)
	}
	t.Fatal("decoder does not make progress")
	return nil
}

func describeErr(err error) string {
	var se *SyntaxError
	if errors.As(err, &se) {
		// The quote depends on what was buffered, so it is left out.
		return fmt.Sprintf("error at %d: %s %v %v", se.Offset, se.Rule, se.Quirk, se.Err)
	}
	return "error: " + err.Error()
}

func TestMessageVectors(t *testing.T) {
	for _, v := range messageVectors {
		t.Run(v.name, func(t *testing.T) {
			want := v.want
			if want == "" {
				want = v.in
			}
			d := NewDecoder(strings.NewReader(v.in))
			m, err := d.ReadMessage()
			if err != nil {
				t.Fatalf("ReadMessage: %v", err)
			}
			got, err := AppendMessage(nil, m, binaryPolicy)
			if err != nil {
				t.Fatalf("encode: %v", err)
			}
			if string(got) != want {
				t.Errorf("canonical form\n got %q\nwant %q", got, want)
			}
			var quirks []Quirk
			for _, q := range m.Quirks {
				quirks = append(quirks, q.Quirk)
			}
			if fmt.Sprint(quirks) != fmt.Sprint(v.quirks) {
				t.Errorf("quirks %v, want %v", quirks, v.quirks)
			}
			if _, err := d.ReadMessage(); err != io.EOF {
				t.Errorf("after the message: %v, want io.EOF", err)
			}

			// The canonical form is a fixed point.
			d2 := NewDecoder(bytes.NewReader(got))
			m2, err := d2.ReadMessage()
			if err != nil {
				t.Fatalf("decoding the canonical form: %v", err)
			}
			got2, err := AppendMessage(nil, m2, binaryPolicy)
			if err != nil || !bytes.Equal(got, got2) {
				t.Errorf("not a fixed point: %q -> %q (%v)", got, got2, err)
			}
			for _, q := range m2.Quirks {
				if !keptQuirk(q.Quirk) {
					t.Errorf("canonical form has quirks %v", m2.Quirks)
					break
				}
			}

			// Strict decoding refuses exactly the vectors with quirks,
			// naming one of them.
			_, err = NewDecoder(strings.NewReader(v.in), Strict(true)).ReadMessage()
			if len(v.quirks) == 0 {
				if err != nil {
					t.Errorf("strict: %v", err)
				}
			} else {
				var se *SyntaxError
				if !errors.As(err, &se) || !errors.Is(err, ErrQuirk) || !containsQuirk(v.quirks, se.Quirk) {
					t.Errorf("strict: %v, want a SyntaxError naming one of %v", err, v.quirks)
				}
			}
		})
	}
}

func containsQuirk(qs []Quirk, q Quirk) bool {
	for _, x := range qs {
		if x == q {
			return true
		}
	}
	return false
}

// TestChunkedEqualsWhole feeds every vector, and all of them at once, one
// byte at a time, in halves and with transient errors: the result must be
// the same as for the whole input.
func TestChunkedEqualsWhole(t *testing.T) {
	var all strings.Builder
	inputs := map[string]string{}
	for _, v := range messageVectors {
		inputs[v.name] = v.in
		all.WriteString(v.in)
	}
	for _, v := range errorVectors {
		inputs["error: "+v.name] = v.in
		all.WriteString(v.in)
	}
	for _, f := range sessions {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[f] = string(b)
		all.Write(b)
	}
	inputs["all"] = all.String()
	for name, in := range inputs {
		want := decodeAll(t, strings.NewReader(in))
		for rname, r := range readers(in) {
			got := decodeAll(t, r)
			if i, ok := firstDiff(got, want); !ok {
				t.Errorf("%s, %s reader: message %d:\n got %.300q\nwant %.300q", name, rname, i, at(got, i), at(want, i))
			}
		}
	}
}

// TestProperPrefixes checks that every proper prefix of a valid message
// needs more input: io.ErrUnexpectedEOF, never a value.
func TestProperPrefixes(t *testing.T) {
	for _, v := range messageVectors {
		for k := 1; k < len(v.in); k++ {
			d := NewDecoder(strings.NewReader(v.in[:k]))
			m, err := d.ReadMessage()
			if err != io.ErrUnexpectedEOF {
				t.Errorf("%s: prefix %q: got %v, %v; want io.ErrUnexpectedEOF", v.name, v.in[:k], m, err)
				break
			}
		}
		if _, err := NewDecoder(strings.NewReader("")).ReadMessage(); err != io.EOF {
			t.Errorf("empty input: %v, want io.EOF", err)
		}
	}
}

// TestSessionPrefixes applies the proper-prefix rule to every message of the
// committed sessions.
func TestSessionPrefixes(t *testing.T) {
	for _, f := range sessions {
		in, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := NewDecoder(bytes.NewReader(in))
		for {
			start := d.Offset()
			if _, err := d.ReadMessage(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			msg := in[start:d.Offset()]
			for k := 1; k < len(msg); k++ {
				if m, err := NewDecoder(bytes.NewReader(msg[:k])).ReadMessage(); err != io.ErrUnexpectedEOF {
					t.Fatalf("%s: prefix %q: got %v, %v; want io.ErrUnexpectedEOF", f, msg[:k], m, err)
				}
			}
		}
	}
}

func TestErrorVectors(t *testing.T) {
	for _, v := range errorVectors {
		t.Run(v.name, func(t *testing.T) {
			for _, strict := range []bool{false, true} {
				d := NewDecoder(strings.NewReader(v.in), Strict(strict))
				_, err := d.ReadMessage()
				var se *SyntaxError
				if !errors.As(err, &se) {
					t.Fatalf("got %v, want a *SyntaxError", err)
				}
				if se.Offset != v.off || !errors.Is(err, v.err) {
					t.Errorf("got %v (offset %d), want offset %d wrapping %v", err, se.Offset, v.off, v.err)
				}
				if !strings.HasPrefix(err.Error(), "imap/wire: offset ") {
					t.Errorf("message %q lacks the package prefix", err)
				}
				if _, err2 := d.ReadMessage(); err2 != err {
					t.Errorf("broken message: second call gave %v, want the same error", err2)
				}
				if err := d.Skip(); err != nil {
					t.Fatalf("Skip: %v", err)
				}
				m, err := d.ReadMessage()
				if err != nil {
					t.Fatalf("message after Skip: %v", err)
				}
				got, _ := AppendMessage(nil, m, binaryPolicy)
				if string(got) != v.next {
					t.Errorf("after Skip got %q, want %q", got, v.next)
				}
				if _, err := d.ReadMessage(); err != io.EOF {
					t.Errorf("at the end: %v, want io.EOF", err)
				}
			}
		})
	}
}

// sessions are whole sessions committed as test data: the RFC 3501 §8
// example, and a session with Dovecot 2.3 captured with its rawlog (the
// time prefixes removed) by internal/testdata-capture.
var sessions = []string{
	"testdata/rfc3501-session.client", "testdata/rfc3501-session.server",
	"testdata/dovecot-session.client", "testdata/dovecot-session.server",
}

func TestRFC3501Session(t *testing.T) {
	for _, f := range []string{"testdata/rfc3501-session.client", "testdata/rfc3501-session.server"} {
		in, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := NewDecoder(bytes.NewReader(in), Strict(true))
		var out []byte
		n := 0
		for {
			m, err := d.ReadMessage()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: message %d: %v", f, n, err)
			}
			if out, err = AppendMessage(out, m); err != nil {
				t.Fatalf("%s: message %d: %v", f, n, err)
			}
			n++
		}
		// The RFC's session is in canonical form already.
		if !bytes.Equal(out, in) {
			t.Errorf("%s: re-encoding differs:\n%q\n%q", f, out, in)
		}
		if want := bytes.Count(in, []byte("\r\n")) - bytes.Count(in, []byte("}\r\n")); f == "testdata/rfc3501-session.client" && n != want {
			t.Errorf("%s: %d messages, want %d", f, n, want)
		}
	}
}

func TestTokens(t *testing.T) {
	in := "* 12 FETCH (BODY[HEADER] {5}\r\nab\r\nc FLAGS (\\Seen) X NIL \"q\")\r\n"
	want := []struct {
		kind  Kind
		text  string
		space bool
		off   int
	}{
		{KindAtom, "*", false, 0},
		{KindNumber, "12", true, 2},
		{KindAtom, "FETCH", true, 5},
		{KindListStart, "", true, 11},
		{KindAtom, "BODY", false, 12},
		{KindSectionStart, "", false, 16},
		{KindAtom, "HEADER", false, 17},
		{KindSectionEnd, "", false, 23},
		{KindString, "ab\r\nc", true, 25},
		{KindAtom, "FLAGS", true, len("* 12 FETCH (BODY[HEADER] {5}\r\nab\r\nc ")},
		{KindListStart, "", true, len("* 12 FETCH (BODY[HEADER] {5}\r\nab\r\nc FLAGS ")},
		{KindAtom, "\\Seen", false, len("* 12 FETCH (BODY[HEADER] {5}\r\nab\r\nc FLAGS (")},
		{KindListEnd, "", false, len("* 12 FETCH (BODY[HEADER] {5}\r\nab\r\nc FLAGS (\\Seen")},
		{KindAtom, "X", true, len("* 12 FETCH (BODY[HEADER] {5}\r\nab\r\nc FLAGS (\\Seen) ")},
		{KindNIL, "NIL", true, len("* 12 FETCH (BODY[HEADER] {5}\r\nab\r\nc FLAGS (\\Seen) X ")},
		{KindString, "q", true, len("* 12 FETCH (BODY[HEADER] {5}\r\nab\r\nc FLAGS (\\Seen) X NIL ")},
		{KindListEnd, "", false, len(in) - 3},
		{KindEOL, "", false, len(in) - 2},
	}
	for rname, r := range readers(in) {
		d := NewDecoder(r)
		for i := 0; i < len(want); {
			tok, err := d.ReadToken()
			if err == errFlaky {
				continue
			}
			if err != nil {
				t.Fatalf("%s: token %d: %v", rname, i, err)
			}
			w := want[i]
			if tok.Kind != w.kind || string(tok.Bytes()) != w.text && w.kind != KindListStart && w.kind != KindListEnd || tok.Space() != w.space || tok.Offset != int64(w.off) {
				t.Errorf("%s: token %d = %v %q space=%v off=%d; want %v %q space=%v off=%d",
					rname, i, tok.Kind, tok.Bytes(), tok.Space(), tok.Offset, w.kind, w.text, w.space, w.off)
			}
			if tok.Kind == KindNumber && tok.Number() != 12 {
				t.Errorf("number %d", tok.Number())
			}
			i++
		}
		for {
			_, err := d.ReadToken()
			if err == errFlaky {
				continue
			}
			if err != io.EOF {
				t.Errorf("%s: at end: %v", rname, err)
			}
			break
		}
	}
}

func TestTokenAllocs(t *testing.T) {
	in := fetchStream(1 << 20)
	r := bytes.NewReader(in)
	d := NewDecoder(r)
	// Warm up: let the buffer reach its size.
	for range 1000 {
		if _, err := d.ReadToken(); err != nil {
			t.Fatal(err)
		}
	}
	allocs := testing.AllocsPerRun(10000, func() {
		if _, err := d.ReadToken(); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("ReadToken allocates %v times per token", allocs)
	}
}

// firstDiff returns the index of the first difference between a and b.
func firstDiff(a, b []string) (int, bool) {
	for i := range max(len(a), len(b)) {
		if at(a, i) != at(b, i) {
			return i, false
		}
	}
	return 0, true
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return "<none>"
}

// TestDovecotSession decodes both directions of a real Dovecot session in
// strict mode: every message decodes without a quirk and its canonical form
// is a fixed point; most of it is byte-identical to what Dovecot sent.
func TestDovecotSession(t *testing.T) {
	for _, f := range []string{"testdata/dovecot-session.client", "testdata/dovecot-session.server"} {
		in, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := NewDecoder(bytes.NewReader(in), Strict(true))
		n, same := 0, 0
		for {
			start := d.Offset()
			m, err := d.ReadMessage()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: message at %d: %v", f, start, err)
			}
			enc, err := AppendMessage(nil, m)
			if err != nil {
				t.Fatalf("%s: message at %d: %v", f, start, err)
			}
			m2, err := NewDecoder(bytes.NewReader(enc), Strict(true)).ReadMessage()
			if err != nil || !m2.Equal(m) {
				t.Errorf("%s: message at %d: canonical form %q reads back as %v, %v", f, start, enc, m2, err)
			}
			n++
			if bytes.Equal(enc, in[start:d.Offset()]) {
				same++
			}
		}
		t.Logf("%s: %d messages, %d byte-identical in canonical form", f, n, same)
		if n < 20 {
			t.Errorf("%s: only %d messages", f, n)
		}
	}
}

// keptQuirk reports whether the canonical form keeps the quirk q, because
// what it tolerated cannot be written otherwise: text starting with "[" that
// is not a response code, brackets in a code's arguments.
func keptQuirk(q Quirk) bool {
	return q == QuirkBadResponseCode || q == QuirkBracketInAtom
}
