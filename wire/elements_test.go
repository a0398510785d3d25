package wire

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/mailwire/imap/literal"
)

type readFunc func(d *Decoder) (string, error)

func bytesOf(f func(d *Decoder) ([]byte, error)) readFunc {
	return func(d *Decoder) (string, error) {
		b, err := f(d)
		return string(b), err
	}
}

func numOf[T uint32 | uint64](f func(d *Decoder) (T, error)) readFunc {
	return func(d *Decoder) (string, error) {
		n, err := f(d)
		return fmt.Sprint(n), err
	}
}

var (
	readAtom    = bytesOf((*Decoder).ReadAtom)
	readTag     = bytesOf((*Decoder).ReadTag)
	readQuoted  = bytesOf((*Decoder).ReadQuoted)
	readString  = bytesOf((*Decoder).ReadString)
	readAString = bytesOf((*Decoder).ReadAString)
	readFlag    = bytesOf((*Decoder).ReadFlag)
	readText    = bytesOf((*Decoder).ReadText)
	readNumber  = numOf((*Decoder).ReadNumber)
	readNZ      = numOf((*Decoder).ReadNZNumber)
	readNum64   = numOf((*Decoder).ReadNumber64)
	readNString = func(d *Decoder) (string, error) {
		b, ok, err := d.ReadNString()
		if !ok && err == nil {
			return "<nil>", nil
		}
		return string(b), err
	}
	readAtomList = func(d *Decoder) (string, error) {
		var items []string
		var item func() error
		item = func() error {
			if c, err := d.Peek(); err != nil {
				return err
			} else if c == '(' {
				items = append(items, "(")
				err := d.List(item)
				items = append(items, ")")
				return err
			}
			b, err := d.ReadAtom()
			items = append(items, string(b))
			return err
		}
		err := d.List(item)
		return strings.Join(items, ","), err
	}
	readLiteralStream = func(d *Decoder) (string, error) {
		ann, r, err := d.ReadLiteral()
		if err != nil {
			return "", err
		}
		b, err := io.ReadAll(r)
		return ann.String() + string(b), err
	}
	readEOL     = func(d *Decoder) (string, error) { return "", d.ReadEOL() }
	readMailbox = func(d *Decoder) (string, error) { return d.ReadMailbox() }
	readValue   = func(d *Decoder) (string, error) {
		v, err := d.ReadValue()
		if err != nil {
			return "", err
		}
		b, err := AppendMessage(nil, &Message{Items: []Value{v}}, binaryPolicy)
		return strings.TrimSuffix(string(b), "\r\n"), err
	}
	readSeqSet = func(d *Decoder) (string, error) {
		s, err := d.ReadSeqSet()
		return s.String(), err
	}
	readDate = func(d *Decoder) (string, error) {
		t, err := d.ReadDate()
		return t.Format("2006-01-02"), err
	}
	readDateTime = func(d *Decoder) (string, error) {
		t, err := d.ReadDateTime()
		return t.Format(time.RFC3339), err
	}
)

// elementCases decode one grammar element each, followed by what ends it.
// err is nil for success; off is the error's offset otherwise.
var elementCases = []struct {
	name   string
	in     string
	read   readFunc
	want   string
	err    error
	off    int64
	quirks []Quirk
	strict bool // decode in strict mode
	// composite reads (lists, streamed literals) cannot be repeated
	// after a transient error, so the flaky reader is not used for them.
	composite bool
}{
	{name: "atom", in: "NOOP\r\n", read: readAtom, want: "NOOP"},
	{name: "atom with bracket open", in: "BODY[1] ", read: readAtom, want: "BODY[1"},
	{name: "atom ends at ]", in: "ALERT] x", read: readAtom, want: "ALERT"},
	{name: "atom with ] inside (Gmail)", in: "[Gmail]/Sent ", read: readAtom, want: "[Gmail]/Sent", quirks: []Quirk{QuirkBracketInAtom}},
	{name: "atom with ] inside, strict", in: "[Gmail]/Sent ", read: readAtom, strict: true, err: ErrQuirk, off: 6},
	{name: "atom before ], strict", in: "ALERT] x", read: readAtom, want: "ALERT", strict: true},
	{name: "atom eight-bit", in: "f\xc3\xbcr ", read: readAtom, want: "f\xc3\xbcr", quirks: []Quirk{QuirkEightBit}},
	{name: "atom eight-bit strict", in: "f\xc3\xbcr ", read: readAtom, strict: true, err: ErrQuirk, off: 1},
	{name: "atom empty", in: "(x", read: readAtom, err: ErrSyntax, off: 0},
	{name: "atom wildcard", in: "*", read: readAtom, err: ErrSyntax, off: 0},
	{name: "tag", in: "a001 ", read: readTag, want: "a001"},
	{name: "tag plus", in: "+ ", read: readTag, err: ErrSyntax, off: 0},
	{name: "tag stops at plus", in: "a+ ", read: readTag, want: "a"},
	{name: "number", in: "4294967295 ", read: readNumber, want: "4294967295"},
	{name: "number leading zeros", in: "007)", read: readNumber, want: "7"},
	{name: "number too big", in: "4294967296 ", read: readNumber, err: ErrSyntax, off: 0},
	{name: "number not digits", in: "x1 ", read: readNumber, err: ErrSyntax, off: 0},
	{name: "number64", in: "9223372036854775807 ", read: readNum64, want: "9223372036854775807"},
	{name: "number64 too big", in: "9223372036854775808 ", read: readNum64, err: ErrSyntax, off: 0},
	{name: "nz-number", in: "1 ", read: readNZ, want: "1"},
	{name: "nz-number zero", in: "0 ", read: readNZ, err: ErrSyntax, off: 0},
	{name: "quoted", in: `"a\"b\\c" `, read: readQuoted, want: `a"b\c`},
	{name: "quoted empty", in: `"")`, read: readQuoted, want: ""},
	{name: "quoted CR", in: "\"a\rb\" ", read: readQuoted, err: ErrSyntax, off: 2},
	{name: "quoted LF", in: "\"a\nb\" ", read: readQuoted, err: ErrSyntax, off: 2},
	{name: "quoted NUL", in: "\"a\x00b\" ", read: readQuoted, err: ErrSyntax, off: 2},
	{name: "quoted not quoted", in: "abc ", read: readQuoted, err: ErrSyntax, off: 0},
	{name: "quoted eight-bit", in: "\"\xe4\" ", read: readQuoted, want: "\xe4", quirks: []Quirk{QuirkEightBit}},
	{name: "quoted eight-bit strict", in: "\"a\xe4\" ", read: readQuoted, strict: true, err: ErrQuirk, off: 2},
	{name: "quoted unescaped quote strict", in: `"a"b" `, read: readQuoted, strict: true, err: ErrQuirk, off: 2},
	{name: "quoted bad escape strict", in: `"a\b" `, read: readQuoted, strict: true, err: ErrQuirk, off: 2},
	{name: "string quoted", in: `"x y" `, read: readString, want: "x y"},
	{name: "string literal", in: "{5}\r\na\r\nbc ", read: readString, want: "a\r\nbc"},
	{name: "string literal+", in: "{2+}\r\nab ", read: readString, want: "ab"},
	{name: "string literal8", in: "~{2}\r\na\x00 ", read: readString, want: "a\x00"},
	{name: "string atom", in: "abc ", read: readString, err: ErrSyntax, off: 0},
	{name: "astring atom", in: "INBOX ", read: readAString, want: "INBOX"},
	{name: "astring resp-specials", in: "[Gmail]/Sent ", read: readAString, want: "[Gmail]/Sent"},
	{name: "astring quoted", in: `"x y" `, read: readAString, want: "x y"},
	{name: "astring literal", in: "{1}\r\nx ", read: readAString, want: "x"},
	{name: "astring tilde", in: "~peter/mail ", read: readAString, want: "~peter/mail"},
	{name: "astring literal8", in: "~{1}\r\nx ", read: readAString, want: "x"},
	{name: "nstring NIL", in: "NIL ", read: readNString, want: "<nil>"},
	{name: "nstring nil", in: "nil)", read: readNString, want: "<nil>"},
	{name: "nstring string", in: `"NIL" `, read: readNString, want: "NIL"},
	{name: "nstring atom", in: "NILS ", read: readNString, err: ErrSyntax, off: 0},
	{name: "flag system", in: `\Seen `, read: readFlag, want: `\Seen`},
	{name: "flag wildcard", in: `\*)`, read: readFlag, want: `\*`},
	{name: "flag keyword", in: `$Forwarded)`, read: readFlag, want: `$Forwarded`},
	{name: "flag empty", in: `\ `, read: readFlag, err: ErrSyntax, off: 1},
	{name: "text", in: "Hello [world] (x\r\n", read: readText, want: "Hello [world] (x"},
	{name: "text empty", in: "\r\n", read: readText, want: ""},
	{name: "text utf-8", in: "Grüße\r\n", read: readText, want: "Grüße"},
	{name: "text latin-1", in: "Gr\xfc\xdfe\r\n", read: readText, want: "Gr\xfc\xdfe", quirks: []Quirk{QuirkEightBit}},
	{name: "text NUL", in: "a\x00\r\n", read: readText, err: ErrSyntax, off: 1},
	{name: "list", in: "(a b c) ", read: readAtomList, want: "a,b,c", composite: true},
	{name: "list empty", in: "() ", read: readAtomList, want: "", composite: true},
	{name: "list nested", in: "(a (b c) d) ", read: readAtomList, want: "a,(,b,c,),d", composite: true},
	{name: "list space before paren", in: "(a b ) ", read: readAtomList, want: "a,b", quirks: []Quirk{QuirkSpaceBeforeParen}, composite: true},
	{name: "list space after paren", in: "( a b) ", read: readAtomList, want: "a,b", quirks: []Quirk{QuirkExtraSpace}, composite: true},
	{name: "list double space", in: "(a  b) ", read: readAtomList, want: "a,b", quirks: []Quirk{QuirkExtraSpace}, composite: true},
	{name: "list double space strict", in: "(a  b) ", read: readAtomList, want: "a", strict: true, err: ErrQuirk, off: 3, composite: true},
	{name: "list unclosed", in: "(a b\r\n", read: readAtomList, want: "a,b", err: ErrSyntax, off: 4, composite: true},
	{name: "literal stream", in: "{5}\r\nhello)", read: readLiteralStream, want: "{5}hello", composite: true},
	{name: "literal8 stream", in: "~{1+}\r\n\x00)", read: readLiteralStream, want: "~{1+}\x00", composite: true},
	{name: "mailbox RFC 3501 example", in: "~peter/mail/&U,BTFw-/&ZeVnLIqe- ", read: readMailbox, want: "~peter/mail/台北/日本語"},
	{name: "mailbox quoted", in: `"Sent &AMQ-" `, read: readMailbox, want: "Sent Ä"},
	{name: "mailbox literal", in: "{5}\r\n&AMQ-)", read: readMailbox, want: "Ä"},
	{name: "mailbox inbox any case", in: "iNbOx ", read: readMailbox, want: "INBOX"},
	{name: "mailbox inbox child keeps case", in: "inbox/Foo ", read: readMailbox, want: "inbox/Foo"},
	{name: "mailbox ampersand", in: "&- ", read: readMailbox, want: "&"},
	{name: "mailbox unencoded ampersand", in: `"Tom & Jerry" `, read: readMailbox, want: "Tom & Jerry", quirks: []Quirk{QuirkUnencodedAmpersand}},
	{name: "mailbox unencoded ampersand strict", in: `"Tom & Jerry" `, read: readMailbox, strict: true, err: ErrQuirk, off: 5},
	{name: "mailbox encoded ASCII", in: "&AGE- ", read: readMailbox, err: ErrSyntax, off: 1},
	{name: "mailbox wildcard", in: "Foo* ", read: readMailbox, want: "Foo*", quirks: []Quirk{QuirkMailboxSpecials}},
	{name: "mailbox UTF-8 without UTF8=ACCEPT", in: "\"Entw\xc3\xbcrfe\" ", read: readMailbox, want: "Entwürfe", quirks: []Quirk{QuirkEightBit}},
	{name: "seq-set", in: "1:*,5,7:9 ", read: readSeqSet, want: "1:*,5,7:9"},
	{name: "seq-set reversed", in: "9:7)", read: readSeqSet, want: "7:9"},
	{name: "seq-set saved", in: "$ ", read: readSeqSet, want: "$"},
	{name: "seq-set zero", in: "1,0 ", read: readSeqSet, err: ErrSyntax, off: 2},
	{name: "seq-set empty", in: " ", read: readSeqSet, err: ErrSyntax, off: 0},
	{name: "date", in: "1-Feb-1994 ", read: readDate, want: "1994-02-01"},
	{name: "date quoted", in: `"17-Jul-1996" `, read: readDate, want: "1996-07-17"},
	{name: "date bad month", in: "1-Fev-1994 ", read: readDate, err: ErrSyntax, off: 2},
	{name: "date-time", in: `"17-Jul-1996 02:44:25 -0700" `, read: readDateTime, want: "1996-07-17T02:44:25-07:00"},
	{name: "date-time space day", in: `" 7-Jul-1996 02:44:25 +0000")`, read: readDateTime, want: "1996-07-07T02:44:25Z"},
	{name: "date-time bad hour", in: `"17-Jul-1996 24:44:25 -0700" `, read: readDateTime, err: ErrSyntax, off: 13},
	{name: "date-time unquoted", in: `17-Jul-1996 `, read: readDateTime, err: ErrSyntax, off: 0},
	// A quote followed by an atom byte is, leniently, inside the string:
	// the date-time does not end there, whatever reads it.
	{name: "date-time quote inside", in: `"17-Jul-1996 02:44:25 -0700"0" `, read: readDateTime, err: ErrSyntax, off: 27, quirks: []Quirk{QuirkUnescapedQuote}},
	{name: "date-time quote inside strict", in: `"17-Jul-1996 02:44:25 -0700"0" `, read: readDateTime, strict: true, err: ErrQuirk, off: 27},
	{name: "value atom", in: "X-GM-MSGID ", read: readValue, want: "X-GM-MSGID", composite: true},
	{name: "value nested list", in: "(a (b NIL) \"c d\" {1}\r\ne) ", read: readValue, want: "(a (b NIL) \"c d\" \"e\")", composite: true},
	{name: "value section", in: "[HEADER.FIELDS (FROM)] ", read: readValue, want: "[HEADER.FIELDS (FROM)]", composite: true},
	{name: "value missing", in: "\r\n", read: readValue, err: ErrSyntax, off: 0, composite: true},
	{name: "EOL", in: "\r\n", read: readEOL},
	{name: "EOL trailing space", in: "  \r\n", read: readEOL, quirks: []Quirk{QuirkTrailingSpace}},
	{name: "EOL bare LF", in: "\n", read: readEOL, quirks: []Quirk{QuirkBareLF}},
	{name: "EOL bare LF strict", in: "\n", read: readEOL, strict: true, err: ErrQuirk, off: 0},
	{name: "EOL missing", in: "x\r\n", read: readEOL, err: ErrSyntax, off: 0},
}

func TestElements(t *testing.T) {
	for _, tc := range elementCases {
		t.Run(tc.name, func(t *testing.T) {
			for rname, r := range readers(tc.in) {
				if tc.composite && rname == "flaky" {
					continue
				}
				d := NewDecoder(r, Strict(tc.strict))
				var got string
				var err error
				for {
					got, err = tc.read(d)
					if err != errFlaky {
						break
					}
				}
				if tc.err == nil {
					if err != nil || got != tc.want {
						t.Errorf("%s: got %q, %v; want %q", rname, got, err, tc.want)
					}
				} else {
					var se *SyntaxError
					if !errors.As(err, &se) || !errors.Is(err, tc.err) || se.Offset != tc.off {
						t.Errorf("%s: got %q, %v; want an error wrapping %v at offset %d", rname, got, err, tc.err, tc.off)
					}
				}
				var quirks []Quirk
				for _, q := range d.Quirks() {
					quirks = append(quirks, q.Quirk)
				}
				if fmt.Sprint(quirks) != fmt.Sprint(tc.quirks) {
					t.Errorf("%s: quirks %v, want %v", rname, quirks, tc.quirks)
				}
			}
			if tc.err != nil {
				return
			}
			// A proper prefix needs more input or gives the same value:
			// never a different one.
			for k := 0; k < len(tc.in); k++ {
				d := NewDecoder(strings.NewReader(tc.in[:k]), Strict(tc.strict))
				got, err := tc.read(d)
				if err == nil && got != tc.want || err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
					t.Errorf("prefix %q: got %q, %v", tc.in[:k], got, err)
				}
			}
		})
	}
}

// TestStrictRefusesEachLenientQuirk checks that every element case that
// reports a quirk is refused in strict mode with that quirk named.
func TestStrictRefusesEachLenientQuirk(t *testing.T) {
	for _, tc := range elementCases {
		if len(tc.quirks) == 0 || tc.strict {
			continue
		}
		d := NewDecoder(strings.NewReader(tc.in), Strict(true))
		_, err := tc.read(d)
		var se *SyntaxError
		if !errors.As(err, &se) || se.Quirk != tc.quirks[0] || !errors.Is(err, ErrQuirk) {
			t.Errorf("%s: strict gave %v, want the quirk %v", tc.name, err, tc.quirks[0])
		}
	}
}

func TestContinuationHook(t *testing.T) {
	var asked []literal.Announcement
	accept := func(a literal.Announcement) error { asked = append(asked, a); return nil }
	in := "a LOGIN {4}\r\nuser {4+}\r\npass\r\n"
	d := NewDecoder(strings.NewReader(in), Continuation(accept))
	m, err := d.ReadMessage()
	if err != nil {
		t.Fatal(err)
	}
	if len(asked) != 1 || asked[0] != (literal.Announcement{Size: 4}) {
		t.Errorf("hook called for %v, want once for the synchronising literal", asked)
	}
	if got, _ := AppendMessage(nil, m); string(got) != "a LOGIN \"user\" \"pass\"\r\n" {
		t.Errorf("got %q", got)
	}

	// A refused literal ends the message at its announcement: the client
	// does not send the body, and the next line is the next command.
	errTooBig := errors.New("TOOBIG")
	refuse := func(a literal.Announcement) error {
		if a.Size > 10 {
			return errTooBig
		}
		return nil
	}
	in = "a APPEND INBOX {100}\r\nb NOOP\r\nc APPEND INBOX {3}\r\nabc\r\n"
	d = NewDecoder(strings.NewReader(in), Continuation(refuse))
	if _, err := d.ReadMessage(); err != errTooBig {
		t.Fatalf("got %v, want the hook's error", err)
	}
	if d.InMessage() {
		t.Error("the refused message has not ended")
	}
	for _, want := range []string{"b NOOP\r\n", "c APPEND INBOX \"abc\"\r\n"} {
		m, err := d.ReadMessage()
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := AppendMessage(nil, m); string(got) != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}

	// A server skipping a bad command does not invite its literal.
	in = "a BAD) {100}\r\nb NOOP\r\n"
	d = NewDecoder(strings.NewReader(in), Continuation(accept))
	asked = nil
	if _, err := d.ReadMessage(); err == nil {
		t.Fatal("no error")
	}
	if err := d.Skip(); err != nil {
		t.Fatal(err)
	}
	m, err = d.ReadMessage()
	if err != nil || len(asked) != 0 {
		t.Fatalf("%v, hook called %v", err, asked)
	}
	if got, _ := AppendMessage(nil, m); string(got) != "b NOOP\r\n" {
		t.Errorf("got %q", got)
	}
}

func TestLiteralPolicy(t *testing.T) {
	for _, tc := range []struct {
		in     string
		policy literal.Policy
		err    error
	}{
		{"a {5+}\r\nhello\r\n", literal.Policy{}, literal.ErrNonSync},
		{"a {5+}\r\nhello\r\n", literal.Policy{LiteralPlus: true}, nil},
		{"a {5+}\r\nhello\r\n", literal.Policy{LiteralMinus: true}, nil},
		{"a ~{5}\r\nhello\r\n", literal.Policy{}, literal.ErrBinary},
		{"a ~{5}\r\nhello\r\n", literal.Policy{Binary: true}, nil},
		{"a {5}\r\nhello\r\n", literal.Policy{MaxSize: 4}, ErrLiteralTooLarge},
	} {
		d := NewDecoder(strings.NewReader(tc.in+"b NOOP\r\n"), LiteralPolicy(tc.policy))
		_, err := d.ReadMessage()
		if tc.err == nil && err != nil || tc.err != nil && !errors.Is(err, tc.err) {
			t.Errorf("%q with %+v: got %v, want %v", tc.in, tc.policy, err, tc.err)
		}
		if err != nil {
			if err := d.Skip(); err != nil {
				t.Fatal(err)
			}
		}
		if m, err := d.ReadMessage(); err != nil || len(m.Items) != 2 {
			t.Errorf("%q: next message: %v", tc.in, err)
		}
	}
}

// TestStreamedLiteralLeftUnread: the next call discards what the caller did
// not read, and the stale reader refuses to go on.
func TestStreamedLiteralLeftUnread(t *testing.T) {
	in := "a APPEND INBOX {11}\r\nhello world\r\nb NOOP\r\n"
	for rname, r := range readers(in) {
		d := NewDecoder(r)
		var body io.Reader
		read := 0
		for _, step := range []func() error{
			func() error { _, err := d.ReadTag(); return err },
			d.SP,
			func() error { _, err := d.ReadAtom(); return err },
			d.SP,
			func() error { _, err := d.ReadAString(); return err },
			d.SP,
			func() (err error) { _, body, err = d.ReadLiteral(); return err },
			func() error {
				for read < 5 {
					n, err := body.Read(make([]byte, 5-read))
					read += n
					if err != nil {
						return err
					}
				}
				return nil
			},
			d.ReadEOL,
		} {
			for {
				err := step()
				if err == errFlaky {
					continue
				}
				if err != nil {
					t.Fatalf("%s: %v", rname, err)
				}
				break
			}
		}
		if _, err := body.Read(make([]byte, 1)); err == nil {
			t.Errorf("%s: stale literal reader still reads", rname)
		}
		for {
			m, err := d.ReadMessage()
			if err == errFlaky {
				continue
			}
			if err != nil || string(m.Items[1].Bytes) != "NOOP" {
				t.Errorf("%s: next message: %v %v", rname, m, err)
			}
			break
		}
	}
}

func TestStreamedLiteralCut(t *testing.T) {
	d := NewDecoder(strings.NewReader("{10}\r\nabc"))
	_, r, err := d.ReadLiteral()
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(r)
	if err != io.ErrUnexpectedEOF || string(b) != "abc" {
		t.Errorf("got %q, %v; want abc and io.ErrUnexpectedEOF", b, err)
	}
}

func TestPeekAtEnd(t *testing.T) {
	d := NewDecoder(strings.NewReader("a NOOP\r\n"))
	if c, err := d.Peek(); c != 'a' || err != nil {
		t.Fatalf("Peek: %q %v", c, err)
	}
	if _, err := d.ReadMessage(); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Peek(); err != io.EOF {
		t.Errorf("Peek at the end: %v, want io.EOF", err)
	}
	if _, err := d.ReadTag(); err != io.EOF {
		t.Errorf("ReadTag at the end: %v, want io.EOF", err)
	}
}

// TestReadValue reads an unknown FETCH item's value as a generic tree in the
// middle of a typed parse.
func TestReadValue(t *testing.T) {
	in := "* 1 FETCH (X-UNKNOWN (a \"b c\" (NIL 7) {3}\r\nxyz BODY[1]<0>) UID 5 X-EMPTY ())\r\n"
	// The typed parse starts after "* ".
	for rname, r := range readers(in[2:]) {
		if rname == "flaky" {
			continue // composite reads cannot be repeated after an I/O error
		}
		d := NewDecoder(r)
		var v, empty Value
		var uid uint32
		steps := []func() error{
			func() error { _, err := d.ReadNumber(); return err },
			d.SP,
			func() error { _, err := d.ReadAtom(); return err },
			d.SP,
			d.ListStart,
			func() error { _, err := d.ReadAtom(); return err },
			d.SP,
			func() (err error) { v, err = d.ReadValue(); return err },
			d.SP,
			func() error { _, err := d.ReadAtom(); return err },
			d.SP,
			func() (err error) { uid, err = d.ReadNumber(); return err },
			d.SP,
			func() error { _, err := d.ReadAtom(); return err },
			d.SP,
			func() (err error) { empty, err = d.ReadValue(); return err },
			func() error {
				if ok, err := d.ListEnd(); !ok || err != nil {
					return fmt.Errorf("no list end: %v", err)
				}
				return nil
			},
			d.ReadEOL,
		}
		for i, step := range steps {
			if err := step(); err != nil {
				t.Fatalf("%s: step %d: %v", rname, i, err)
			}
		}
		m := Message{Items: []Value{v}}
		got, err := AppendMessage(nil, &m)
		if err != nil || string(got) != "(a \"b c\" (NIL 7) \"xyz\" BODY[1]<0>)\r\n" || uid != 5 {
			t.Errorf("%s: value %q, %v, uid %d", rname, got, err, uid)
		}
		if empty.Kind != KindList || len(empty.Items) != 0 {
			t.Errorf("%s: empty list read as %+v", rname, empty)
		}
	}
	// Where no value comes, ReadValue fails without taking the line end.
	d := NewDecoder(strings.NewReader("a \r\n"))
	d.ReadAtom()
	d.SP()
	if _, err := d.ReadValue(); !errors.Is(err, ErrSyntax) {
		t.Errorf("at the line end: %v", err)
	}
	d = NewDecoder(strings.NewReader("(a b"))
	if _, err := d.ReadValue(); err != io.ErrUnexpectedEOF {
		t.Errorf("cut list: %v", err)
	}
}
