package wire

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/mailwire/imap/literal"
)

func encodeOne(t *testing.T, opts []Option, f func(e *Encoder)) (string, error) {
	t.Helper()
	var b bytes.Buffer
	e := NewEncoder(&b, opts...)
	f(e)
	err := e.CRLF()
	return b.String(), err
}

func TestEncoderStringForms(t *testing.T) {
	utf8On := []Option{UTF8(true)}
	binary := []Option{LiteralPolicy(literal.Policy{Binary: true})}
	for _, tc := range []struct {
		name string
		opts []Option
		f    func(e *Encoder)
		want string
		err  bool
	}{
		{"astring atom", nil, func(e *Encoder) { e.AString("INBOX") }, "INBOX", false},
		{"astring resp-specials", nil, func(e *Encoder) { e.AString("[Gmail]/Sent") }, "[Gmail]/Sent", false},
		{"astring empty", nil, func(e *Encoder) { e.AString("") }, `""`, false},
		{"astring NIL is quoted", nil, func(e *Encoder) { e.AString("nil") }, `"nil"`, false},
		{"astring space", nil, func(e *Encoder) { e.AString("a b") }, `"a b"`, false},
		{"astring wildcard", nil, func(e *Encoder) { e.AString("a*") }, `"a*"`, false},
		{"astring brace", nil, func(e *Encoder) { e.AString("{5}") }, `"{5}"`, false},
		{"string escapes", nil, func(e *Encoder) { e.String(`a"b\c`) }, `"a\"b\\c"`, false},
		{"string atom-like stays a string", nil, func(e *Encoder) { e.String("abc") }, `"abc"`, false},
		{"string CRLF", nil, func(e *Encoder) { e.String("a\r\nb") }, "{4}\r\na\r\nb", false},
		{"string 8-bit", nil, func(e *Encoder) { e.String("Grüße") }, "{7}\r\nGrüße", false},
		{"string 8-bit UTF8", utf8On, func(e *Encoder) { e.String("Grüße") }, `"Grüße"`, false},
		{"string invalid UTF-8 under UTF8", utf8On, func(e *Encoder) { e.String("\xff") }, "{1}\r\n\xff", false},
		{"string long", nil, func(e *Encoder) { e.String(strings.Repeat("a", 1025)) }, "{1025}\r\n" + strings.Repeat("a", 1025), false},
		{"string at quoted limit", nil, func(e *Encoder) { e.String(strings.Repeat("a", 1024)) }, `"` + strings.Repeat("a", 1024) + `"`, false},
		{"string NUL without BINARY", nil, func(e *Encoder) { e.String("a\x00") }, "", true},
		{"string NUL with BINARY", binary, func(e *Encoder) { e.String("a\x00") }, "~{2}\r\na\x00", false},
		{"literal forced", nil, func(e *Encoder) { e.Literal([]byte("abc")) }, "{3}\r\nabc", false},
		{"literal8", binary, func(e *Encoder) { e.Literal8([]byte("abc")) }, "~{3}\r\nabc", false},
		{"atom", nil, func(e *Encoder) { e.Tag("a1").SP().Atom("NOOP") }, "a1 NOOP", false},
		{"atom empty", nil, func(e *Encoder) { e.Atom("") }, "", true},
		{"atom with space", nil, func(e *Encoder) { e.Atom("a b") }, "", true},
		{"tag with plus", nil, func(e *Encoder) { e.Tag("a+") }, "", true},
		{"flags", nil, func(e *Encoder) { e.ListStart().Flag(`\Seen`).SP().Flag("$Junk").SP().Flag(`\*`).ListEnd() }, `(\Seen $Junk \*)`, false},
		{"flag bad", nil, func(e *Encoder) { e.Flag(`\`) }, "", true},
		{"flag bracket inside", nil, func(e *Encoder) { e.Flag("OIB-Seen-[Gmail]/Trash").SP().Flag(`\a]b`) }, `OIB-Seen-[Gmail]/Trash \a]b`, false},
		// Decoding would end the atom at these "]".
		{"flag bracket last", nil, func(e *Encoder) { e.Flag(`\0]`) }, "", true},
		{"flag brackets", nil, func(e *Encoder) { e.Flag("a]]b") }, "", true},
		{"numbers", nil, func(e *Encoder) { e.Number(4294967295).SP().Number64(1<<63 - 1) }, "4294967295 9223372036854775807", false},
		{"number64 too big", nil, func(e *Encoder) { e.Number64(1 << 63) }, "", true},
		{"nil", nil, func(e *Encoder) { e.NIL() }, "NIL", false},
		{"section and partial", nil, func(e *Encoder) {
			e.Atom("BODY").SectionStart().Atom("1.2").SectionEnd().Punct('<').Number(0).Punct('.').Number(10).Punct('>')
		}, "BODY[1.2]<0.10>", false},
		{"punct bad", nil, func(e *Encoder) { e.Punct('"') }, "", true},
		{"unbalanced close", nil, func(e *Encoder) { e.ListEnd() }, "", true},
		{"unclosed list", nil, func(e *Encoder) { e.ListStart() }, "", true},
		{"text", nil, func(e *Encoder) { e.Punct('*').SP().Atom("OK").SP().Text("Grüße [x] (y") }, "* OK Grüße [x] (y", false},
		{"mailbox", nil, func(e *Encoder) { e.Mailbox("~peter/mail/台北/日本語") }, "~peter/mail/&U,BTFw-/&ZeVnLIqe-", false},
		{"mailbox inbox", nil, func(e *Encoder) { e.Mailbox("inbox") }, "INBOX", false},
		{"mailbox with space", nil, func(e *Encoder) { e.Mailbox("Sent Items") }, `"Sent Items"`, false},
		{"mailbox UTF8", utf8On, func(e *Encoder) { e.Mailbox("Entwürfe") }, `"Entwürfe"`, false},
		{"seq-set", nil, func(e *Encoder) { e.SeqSet(SeqSet{Ranges: []SeqRange{{1, 0}, {5, 5}}}) }, "1:*,5", false},
		{"seq-set empty", nil, func(e *Encoder) { e.SeqSet(SeqSet{}) }, "", true},
		{"date", nil, func(e *Encoder) { e.Date(time.Date(1994, 2, 1, 0, 0, 0, 0, time.UTC)) }, "1-Feb-1994", false},
		{"date-time", nil, func(e *Encoder) {
			e.DateTime(time.Date(1996, 7, 17, 2, 44, 25, 0, time.FixedZone("", -7*3600)))
		}, `"17-Jul-1996 02:44:25 -0700"`, false},
		{"date-time year 10000", nil, func(e *Encoder) { e.DateTime(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)) }, "", true},
		{"space at the start", nil, func(e *Encoder) { e.SP().Atom("a") }, "", true},
		{"two spaces", nil, func(e *Encoder) { e.Atom("a").SP().SP().Atom("b") }, "", true},
		{"space after paren", nil, func(e *Encoder) { e.ListStart().SP().Atom("a").ListEnd() }, "", true},
		{"space before paren", nil, func(e *Encoder) { e.ListStart().Atom("a").SP().ListEnd() }, "", true},
		{"trailing space", nil, func(e *Encoder) { e.Atom("a").SP() }, "", true},
		{"space before empty text", nil, func(e *Encoder) { e.Tag("a1").SP().Atom("OK").SP().Text("") }, "a1 OK ", false},
		{"space after an atom ending in [", nil, func(e *Encoder) { e.AString("a[").SP().Atom("b") }, "a[ b", false},
		{"space after a literal ending in a space", nil, func(e *Encoder) { e.Literal([]byte("x \r\n ")).SP().Atom("b") }, "{5}\r\nx \r\n  b", false},
		{"text with CRLF", nil, func(e *Encoder) { e.Text("a\r\nb") }, "", true},
		{"text invalid UTF-8", nil, func(e *Encoder) { e.Text("\xff") }, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := encodeOne(t, tc.opts, tc.f)
			if tc.err {
				if err == nil || got != "" {
					t.Errorf("got %q, %v; want an error and nothing written", got, err)
				}
				if !errors.Is(err, ErrUnrepresentable) {
					t.Errorf("error %v does not wrap ErrUnrepresentable", err)
				}
				return
			}
			if err != nil || got != tc.want+"\r\n" {
				t.Errorf("got %q, %v; want %q", got, err, tc.want+"\r\n")
			}
			// What the encoder writes decodes back, in strict mode (but an
			// atom ending in "[" has no generic reading).
			if strings.Contains(tc.name, "ending in [") {
				return
			}
			utf := strings.Contains(tc.name, "UTF8")
			if _, err := NewDecoder(strings.NewReader(got), Strict(true), UTF8(utf)).ReadMessage(); err != nil {
				t.Errorf("decoding %q: %v", got, err)
			}
		})
	}
}

func TestEncoderStickyError(t *testing.T) {
	var b bytes.Buffer
	e := NewEncoder(&b)
	e.Tag("a1").SP().Atom("bad atom").SP().String("x")
	if err := e.CRLF(); err == nil {
		t.Fatal("no error")
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q for a failed message", b.String())
	}
	// The encoder is ready for the next message.
	if err := e.Tag("a2").SP().Atom("NOOP").CRLF(); err != nil || b.String() != "a2 NOOP\r\n" {
		t.Errorf("next message: %q %v", b.String(), err)
	}
}

// TestEncoderSynchronisingLiteral: the announcement is flushed before the
// hook runs, and the body only follows once it returns.
func TestEncoderSynchronisingLiteral(t *testing.T) {
	var out bytes.Buffer
	w := bufio.NewWriter(&out)
	var seen []string
	hook := func(a literal.Announcement) error {
		seen = append(seen, out.String())
		return nil
	}
	e := NewEncoder(w, Continuation(hook))
	err := e.Tag("a").SP().Atom("LOGIN").SP().String("us\ner").SP().String("pa\rss").CRLF()
	if err != nil {
		t.Fatal(err)
	}
	w.Flush()
	want := []string{"a LOGIN {5}\r\n", "a LOGIN {5}\r\nus\ner {5}\r\n"}
	if strings.Join(seen, "|") != strings.Join(want, "|") {
		t.Errorf("at each continuation the peer had seen %q, want %q", seen, want)
	}
	if out.String() != "a LOGIN {5}\r\nus\ner {5}\r\npa\rss\r\n" {
		t.Errorf("wrote %q", out.String())
	}

	// A refusal stops the message before its body.
	out.Reset()
	refused := errors.New("NO [TOOBIG]")
	e = NewEncoder(&out, Continuation(func(literal.Announcement) error { return refused }))
	err = e.Tag("a").SP().Atom("APPEND").SP().AString("INBOX").SP().Literal([]byte("body")).CRLF()
	if err != refused || out.String() != "a APPEND INBOX {4}\r\n" {
		t.Errorf("got %q, %v", out.String(), err)
	}
}

func TestEncoderNonSynchronisingLiterals(t *testing.T) {
	called := 0
	hook := func(literal.Announcement) error { called++; return nil }
	for _, tc := range []struct {
		policy literal.Policy
		size   int
		want   string
		calls  int
	}{
		{literal.Policy{LiteralPlus: true}, 5000, "{5000+}", 0},
		{literal.Policy{LiteralMinus: true}, 4096, "{4096+}", 0},
		{literal.Policy{LiteralMinus: true}, 4097, "{4097}", 1},
		{literal.Policy{}, 10, "{10}", 1},
	} {
		called = 0
		body := bytes.Repeat([]byte("\r"), tc.size)
		got, err := encodeOne(t, []Option{LiteralPolicy(tc.policy), Continuation(hook)}, func(e *Encoder) { e.Literal(body) })
		if err != nil || !strings.HasPrefix(got, tc.want+"\r\n") || called != tc.calls {
			t.Errorf("%+v size %d: got %.12q, %v, %d calls; want %s and %d calls", tc.policy, tc.size, got, err, called, tc.want, tc.calls)
		}
	}
}

func TestEncoderLiteralFrom(t *testing.T) {
	got, err := encodeOne(t, nil, func(e *Encoder) {
		e.Tag("a").SP().Atom("APPEND").SP().AString("INBOX").SP().LiteralFrom(strings.NewReader("hello world"), 11, false)
	})
	if err != nil || got != "a APPEND INBOX {11}\r\nhello world\r\n" {
		t.Errorf("got %q, %v", got, err)
	}
	_, err = encodeOne(t, nil, func(e *Encoder) { e.LiteralFrom(strings.NewReader("short"), 11, false) })
	if err != io.ErrUnexpectedEOF {
		t.Errorf("short body: %v", err)
	}
}

// TestEncodeCanonical: values that decode the same encode the same.
func TestEncodeCanonical(t *testing.T) {
	forms := []string{"a X \"abc\"\r\n", "a X {3}\r\nabc\r\n", "a X {3+}\r\nabc\r\n", "a  X  \"abc\" \r\n", "a X \"abc\"\n"}
	var first []byte
	for _, in := range forms {
		m, err := NewDecoder(strings.NewReader(in)).ReadMessage()
		if err != nil {
			t.Fatal(err)
		}
		b, err := AppendMessage(nil, m)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = b
		} else if !bytes.Equal(b, first) {
			t.Errorf("%q encodes as %q, want %q", in, b, first)
		}
	}
}
