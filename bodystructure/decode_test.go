package bodystructure

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/mailwire/imap/wire"
)

// bodyCase is one wire-form body structure: how it decodes and re-encodes.
type bodyCase struct {
	name string
	in   string
	// want is the canonical encoding, when it differs from in.
	want string
	// quirks are the quirks lenient decoding reports; strict decoding
	// refuses the first one.
	quirks []wire.Quirk
	// env marks an envelope rather than a body.
	env bool
}

var bodyCases = []bodyCase{
	// RFC 3501 §7.4.2 and §8, RFC 9051 §7.5.2.
	{name: "rfc3501 text", in: `("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 3028 92)`},
	{name: "rfc3501 multipart", in: `(("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 1152 23)("TEXT" "PLAIN" ("CHARSET" "US-ASCII" "NAME" "cc.diff") "<960723163407.20117h@cac.washington.edu>" "Compiler diff" "BASE64" 4554 73) "MIXED")`},
	{name: "rfc3501 envelope", env: true, in: `("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)" "IMAP4rev1 WG mtg summary and minutes" (("Terry Gray" NIL "gray" "cac.washington.edu")) (("Terry Gray" NIL "gray" "cac.washington.edu")) (("Terry Gray" NIL "gray" "cac.washington.edu")) ((NIL NIL "imap" "cac.washington.edu")) ((NIL NIL "minutes" "CNRI.Reston.VA.US")("John Klensin" NIL "KLENSIN" "MIT.EDU")) NIL NIL "<B27397-0100000@cac.washington.edu>")`},
	{name: "rfc9051 basic", in: `("APPLICATION" "PDF" ("NAME" "x.pdf") "<id@x>" "A document" "BASE64" 4096)`},

	// What Dovecot 2.3 sends (captured in wire/testdata/dovecot-session).
	{name: "dovecot text", in: `("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 33 2 NIL NIL NIL NIL)`},
	{name: "dovecot alternative", in: `(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 7 0 NIL NIL NIL NIL)("text" "html" ("charset" "us-ascii") NIL NIL "7bit" 14 0 NIL NIL NIL NIL) "alternative" ("boundary" "b1") NIL NIL NIL)`},
	{name: "dovecot envelope", env: true, in: `("Wed, 15 Nov 2023 08:00:00 +0100" "Re: agenda" (("Bob Example" NIL "bob" "example.net")) (("Bob Example" NIL "bob" "example.net")) (("Bob Example" NIL "bob" "example.net")) (("Alice Example" NIL "alice" "example.org")(NIL NIL "carol" "example.com")) NIL NIL "<draft-1@example.org>" "<reply-1@example.net>")`},

	// Every field of the extension data.
	{name: "extension data", in: `("text" "html" ("charset" "utf-8") "<c1@x>" "desc" "quoted-printable" 120 4 "Q2hlY2s=" ("inline" ("filename" "a.html" "size" "120")) ("en" "de") "http://example.com/a.html" 1 "x" (2 ("y" NIL)))`},
	{name: "one language", in: `("text" "plain" NIL NIL NIL "7bit" 1 1 NIL NIL "en" NIL)`, want: `("text" "plain" NIL NIL NIL "7bit" 1 1 NIL NIL ("en") NIL)`},
	{name: "partial extension", in: `("text" "plain" NIL NIL NIL "7bit" 1 1 NIL)`, want: `("text" "plain" NIL NIL NIL "7bit" 1 1 NIL NIL NIL NIL)`},
	{name: "multipart params only", in: `(("text" "plain" NIL NIL NIL "7bit" 1 1)("image" "png" NIL NIL NIL "base64" 10) "related" ("type" "text/html"))`, want: `(("text" "plain" NIL NIL NIL "7bit" 1 1)("image" "png" NIL NIL NIL "base64" 10) "related" ("type" "text/html") NIL NIL NIL)`},
	{name: "message rfc822", in: `("message" "rfc822" NIL NIL NIL "7bit" 300 ("Mon, 1 Jan 2024 00:00:00 +0000" "inner" (("A" NIL "a" "x.org")) (("A" NIL "a" "x.org")) (("A" NIL "a" "x.org")) NIL NIL NIL NIL "<i@x>") ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 10 1 NIL NIL NIL NIL) 12 NIL NIL NIL NIL)`},
	{name: "message global", in: `("message" "global" NIL NIL NIL "8bit" 300 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ("text" "plain" NIL NIL NIL "8bit" 10 1) 12)`},
	{name: "message global basic", in: `("message" "global" NIL NIL NIL "8bit" 300)`},
	{name: "message other", in: `("MESSAGE" "DELIVERY-STATUS" NIL NIL NIL "7BIT" 324)`},
	{name: "group", env: true, in: `(NIL NIL NIL NIL NIL ((NIL NIL "team" NIL)("B" NIL "b" "y.org")(NIL NIL NIL NIL)) NIL NIL NIL NIL)`},
	{name: "literal", in: "(\"text\" \"plain\" (\"name\" {3}\r\na\"b) NIL NIL \"7bit\" 1 1)", want: `("text" "plain" ("name" "a\"b") NIL NIL "7bit" 1 1)`},
	{name: "long string", in: `("text" "plain" ("name" "` + strings.Repeat("x", 1100) + `") NIL NIL "7bit" 1 1)`, want: "(\"text\" \"plain\" (\"name\" {1100}\r\n" + strings.Repeat("x", 1100) + ") NIL NIL \"7bit\" 1 1)"},
	{name: "nested multipart", in: `((("text" "plain" NIL NIL NIL "7bit" 1 1)("text" "html" NIL NIL NIL "7bit" 1 1) "alternative")("image" "gif" NIL "<i>" NIL "base64" 8) "related")`},

	// Shapes real servers send, as collected by Ruby's net-imap.
	{name: "delivery status in BODY", in: `(("MESSAGE" "DELIVERY-STATUS" NIL NIL NIL "7BIT" 324) "REPORT")`},
	{name: "deep extensions, NiL", in: `(("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 1152 23 "md5" ("x-dsp" ("a" "1" "b" "2")) ("l1" "l2") "loc" "ext0" 1 (2) "ext3" ((((((4)))))) ("ext number" 5))("TEXT" "PLAIN" NIL NIL NIL "BASE64" 4554 73 NiL NIL "l3" "loc2" "ext") "MIXED" ("a" "b") ("m-dsp" ("p" "v")) ("l" "L") "where" "more" ((((((1) (2) (3)))) "done")))`,
		want: `(("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 1152 23 "md5" ("x-dsp" ("a" "1" "b" "2")) ("l1" "l2") "loc" "ext0" 1 (2) "ext3" ((((((4)))))) ("ext number" 5))("TEXT" "PLAIN" NIL NIL NIL "BASE64" 4554 73 NIL NIL ("l3") "loc2" "ext") "MIXED" ("a" "b") ("m-dsp" ("p" "v")) ("l" "L") "where" "more" ((((((1) (2) (3)))) "done")))`},
	{name: "multipart extension without language", in: `(("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 257 9 NIL NIL NIL NIL) "alternative" ("boundary" "b1") NIL)`,
		want: `(("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 257 9 NIL NIL NIL NIL) "alternative" ("boundary" "b1") NIL NIL NIL)`},
	{name: "rfc822 holding an empty multipart", in: `(("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 2177 (NIL "Re: x" NIL NIL NIL NIL NIL NIL NIL NIL) ("MIXED" ("BOUNDARY" "b2") NIL NIL) 37 NIL NIL NIL) "REPORT")`,
		want:   `(("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 2177 (NIL "Re: x" NIL NIL NIL NIL NIL NIL NIL NIL) (("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0) "MIXED" ("BOUNDARY" "b2") NIL NIL NIL) 37 NIL NIL NIL NIL) "REPORT")`,
		quirks: []wire.Quirk{wire.QuirkEmptyMultipart}},
	{name: "rfc822 sent as basic with extension data", in: `(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 416 21 NIL NIL NIL)("MESSAGE" "RFC822" ("NAME" "fw.eml") NIL NIL "7BIT" 1980088 NIL ("ATTACHMENT" ("FILENAME" "fw.eml")) NIL) "MIXED" ("BOUNDARY" "b3") NIL NIL)`,
		want:   `(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 416 21 NIL NIL NIL NIL)("MESSAGE" "RFC822" ("NAME" "fw.eml") NIL NIL "7BIT" 1980088 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0) 0 NIL ("ATTACHMENT" ("FILENAME" "fw.eml")) NIL NIL) "MIXED" ("BOUNDARY" "b3") NIL NIL NIL)`,
		quirks: []wire.Quirk{wire.QuirkMissingBodyFields}},

	// Quirks of DESIGN.md.
	{name: "negative sizes", in: `("TEXT" "PLAIN" NIL NIL NIL "7BIT" -1 -1)`, want: `("TEXT" "PLAIN" NIL NIL NIL "7BIT" 0 0)`,
		quirks: []wire.Quirk{wire.QuirkNegativeNumber, wire.QuirkNegativeNumber}},
	{name: "nil encoding", in: `("TEXT" "PLAIN" NIL NIL NIL NIL 10 1)`, want: `("TEXT" "PLAIN" NIL NIL NIL "" 10 1)`,
		quirks: []wire.Quirk{wire.QuirkNILString}},
	{name: "nil param value", in: `("TEXT" "PLAIN" ("CHARSET" NIL) NIL NIL "7BIT" 10 1)`, want: `("TEXT" "PLAIN" ("CHARSET" "") NIL NIL "7BIT" 10 1)`,
		quirks: []wire.Quirk{wire.QuirkNILString}},
	{name: "nil boundary", in: `(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1) "MIXED" ("BOUNDARY" NIL) NIL NIL NIL)`, want: `(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1) "MIXED" ("BOUNDARY" "") NIL NIL NIL)`,
		quirks: []wire.Quirk{wire.QuirkNILString}},
	{name: "rfc822 without envelope", in: `("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 100)`,
		want:   `("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 100 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0) 0)`,
		quirks: []wire.Quirk{wire.QuirkMissingBodyFields}},
	{name: "rfc822 without envelope, extension", in: `("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 100 NIL ("attachment" NIL) NIL NIL)`,
		want:   `("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 100 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0) 0 NIL ("attachment" NIL) NIL NIL)`,
		quirks: []wire.Quirk{wire.QuirkMissingBodyFields}},
	{name: "rfc822 without lines", in: `("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 100 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1))`,
		want:   `("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 100 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1) 0)`,
		quirks: []wire.Quirk{wire.QuirkMissingBodyFields}},
	{name: "text without lines", in: `("TEXT" "PLAIN" NIL NIL NIL "7BIT" 10)`, want: `("TEXT" "PLAIN" NIL NIL NIL "7BIT" 10 0)`,
		quirks: []wire.Quirk{wire.QuirkMissingBodyFields}},
	{name: "empty multipart", in: `("MIXED" ("BOUNDARY" "x") NIL NIL NIL)`,
		want:   `(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0) "MIXED" ("BOUNDARY" "x") NIL NIL NIL)`,
		quirks: []wire.Quirk{wire.QuirkEmptyMultipart}},
	{name: "empty multipart bare", in: `("MIXED")`, want: `(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0) "MIXED")`,
		quirks: []wire.Quirk{wire.QuirkEmptyMultipart}},
	{name: "disposition as body", in: `(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1)("ATTACHMENT" ("FILENAME" "a.pdf")) "MIXED")`,
		want:   `(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1)("APPLICATION" "OCTET-STREAM" NIL NIL NIL "7BIT" 0 NIL ("ATTACHMENT" ("FILENAME" "a.pdf")) NIL NIL) "MIXED")`,
		quirks: []wire.Quirk{wire.QuirkDispositionAsBody}},
	{name: "space between parts", in: `(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1) ("TEXT" "HTML" NIL NIL NIL "7BIT" 1 1) "ALTERNATIVE")`,
		want:   `(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1)("TEXT" "HTML" NIL NIL NIL "7BIT" 1 1) "ALTERNATIVE")`,
		quirks: []wire.Quirk{wire.QuirkExtraSpace}},
	{name: "outlook address space", env: true, in: `(NIL "s" (("A" NIL "a" "x.org") ("B" NIL "b" "x.org")) NIL NIL NIL NIL NIL NIL NIL)`,
		want:   `(NIL "s" (("A" NIL "a" "x.org")("B" NIL "b" "x.org")) NIL NIL NIL NIL NIL NIL NIL)`,
		quirks: []wire.Quirk{wire.QuirkNoAddressSpace}},
	{name: "space before paren", in: `("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1 )`, want: `("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1)`,
		quirks: []wire.Quirk{wire.QuirkSpaceBeforeParen}},
	{name: "eight-bit name", in: "(\"TEXT\" \"PLAIN\" (\"NAME\" \"caf\xc3\xa9\") NIL NIL \"8BIT\" 1 1)", want: "(\"TEXT\" \"PLAIN\" (\"NAME\" {5}\r\ncaf\xc3\xa9) NIL NIL \"8BIT\" 1 1)",
		quirks: []wire.Quirk{wire.QuirkEightBit}},
}

// errorCases are bodies no mode accepts, with the offset of the error.
var errorCases = []struct {
	name string
	in   string
	off  int64
	env  bool // an envelope rather than a body
}{
	{"not a list", `"TEXT"`, 0, false},
	{"missing subtype space", `(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1)"MIXED")`, int64(len(`(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1)`)), false},
	{"atom type", `(TEXT "PLAIN" NIL NIL NIL "7BIT" 1 1)`, 1, false},
	{"missing size", `("APPLICATION" "X" NIL NIL NIL "7BIT")`, int64(len(`("APPLICATION" "X" NIL NIL NIL "7BIT"`)), false},
	{"size too large", `("APPLICATION" "X" NIL NIL NIL "7BIT" 4294967296)`, int64(len(`("APPLICATION" "X" NIL NIL NIL "7BIT" `)), false},
	{"empty params", `("APPLICATION" "X" () NIL NIL "7BIT" 1)`, int64(len(`("APPLICATION" "X" (`)), false},
	{"odd params", `("APPLICATION" "X" ("A") NIL NIL "7BIT" 1)`, int64(len(`("APPLICATION" "X" ("A"`)), false},
	{"bad extension", `("APPLICATION" "X" NIL NIL NIL "7BIT" 1 NIL NIL NIL NIL [)`, int64(len(`("APPLICATION" "X" NIL NIL NIL "7BIT" 1 NIL NIL NIL NIL `)), false},
	{"empty address list", `(NIL NIL () NIL NIL NIL NIL NIL NIL NIL)`, int64(len(`(NIL NIL (`)), true},
	{"short address", `(NIL NIL ((NIL NIL "a")) NIL NIL NIL NIL NIL NIL NIL)`, int64(len(`(NIL NIL ((NIL NIL "a"`)), true},
	{"unterminated", `("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1`, -1, false},
}

// decodeOne decodes one body or envelope followed by CRLF from r.
func decodeOne(r io.Reader, env bool, opts ...wire.Option) (any, []wire.QuirkReport, error) {
	d := wire.NewDecoder(r, opts...)
	var v any
	var err error
	if env {
		v, err = ReadEnvelope(d)
	} else {
		v, err = ReadBody(d)
	}
	if err != nil {
		return nil, d.Quirks(), err
	}
	if err := d.ReadEOL(); err != nil {
		return nil, d.Quirks(), err
	}
	return v, d.Quirks(), nil
}

func encodeOne(v any, extended bool) (string, error) {
	var buf bytes.Buffer
	e := wire.NewEncoder(&buf)
	switch v := v.(type) {
	case *Body:
		EncodeBody(e, v, extended)
	case *Envelope:
		EncodeEnvelope(e, v)
	}
	err := e.CRLF()
	return strings.TrimSuffix(buf.String(), "\r\n"), err
}

func TestBodyCases(t *testing.T) {
	for _, c := range bodyCases {
		t.Run(c.name, func(t *testing.T) {
			v, quirks, err := decodeOne(strings.NewReader(c.in+"\r\n"), c.env)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			var got []wire.Quirk
			for _, q := range quirks {
				got = append(got, q.Quirk)
			}
			if !cmp.Equal(got, c.quirks) {
				t.Errorf("quirks = %v, want %v", got, c.quirks)
			}
			enc, err := encodeOne(v, true)
			if err != nil {
				t.Fatalf("encode: %v", err)
			}
			want := c.want
			if want == "" {
				want = c.in
			}
			if enc != want {
				t.Errorf("encode:\n got %s\nwant %s", enc, want)
			}
			// Fixed point: the canonical form decodes strictly to the
			// same value and encodes to itself.
			v2, _, err := decodeOne(strings.NewReader(enc+"\r\n"), c.env, wire.Strict(true))
			if err != nil {
				t.Fatalf("decode canonical: %v", err)
			}
			if diff := cmp.Diff(v, v2); diff != "" {
				t.Errorf("value changed through the canonical form (-first +second):\n%s", diff)
			}
			// One byte at a time gives the same.
			v3, _, err := decodeOne(iotest.OneByteReader(strings.NewReader(c.in+"\r\n")), c.env)
			if err != nil {
				t.Fatalf("decode byte by byte: %v", err)
			}
			if diff := cmp.Diff(v, v3); diff != "" {
				t.Errorf("byte by byte differs:\n%s", diff)
			}
			// Strict mode refuses the first quirk, by name.
			_, _, err = decodeOne(strings.NewReader(c.in+"\r\n"), c.env, wire.Strict(true))
			if len(c.quirks) == 0 {
				if err != nil {
					t.Errorf("strict: %v", err)
				}
				return
			}
			var se *wire.SyntaxError
			if !errors.As(err, &se) || se.Quirk != c.quirks[0] || !errors.Is(err, wire.ErrQuirk) {
				t.Errorf("strict: err = %v, want quirk %v", err, c.quirks[0])
			} else if se.Offset != quirks[0].Offset {
				t.Errorf("strict offset %d, lenient %d", se.Offset, quirks[0].Offset)
			}
		})
	}
}

// TestProperPrefixes checks that every proper prefix of every case is
// io.ErrUnexpectedEOF, never a value.
func TestProperPrefixes(t *testing.T) {
	for _, c := range bodyCases {
		in := c.in + "\r\n"
		for i := 0; i < len(in)-1; i++ {
			_, _, err := decodeOne(strings.NewReader(in[:i]), c.env)
			if i == 0 && err == io.EOF {
				continue
			}
			if !errors.Is(err, io.ErrUnexpectedEOF) {
				t.Fatalf("%s: prefix %q: err = %v", c.name, in[:i], err)
			}
		}
	}
}

func TestBodyErrors(t *testing.T) {
	for _, c := range errorCases {
		t.Run(c.name, func(t *testing.T) {
			for _, strict := range []bool{false, true} {
				_, _, err := decodeOne(strings.NewReader(c.in+"\r\n"), c.env, wire.Strict(strict))
				if c.off < 0 {
					if err == nil {
						t.Fatalf("no error")
					}
					continue
				}
				var se *wire.SyntaxError
				if !errors.As(err, &se) {
					t.Fatalf("err = %v, want a SyntaxError", err)
				}
				if se.Offset != c.off || !errors.Is(err, wire.ErrSyntax) {
					t.Errorf("err = %v, want offset %d", err, c.off)
				}
			}
		})
	}
}

// TestNestingBomb checks that a body nested 16384 deep fails fast with
// ErrTooDeep, having read little of it.
func TestNestingBomb(t *testing.T) {
	in := strings.Repeat("(", 16384) + strings.Repeat(")", 16384)
	r := &countingReader{r: strings.NewReader(in)}
	_, _, err := decodeOne(r, false)
	if !errors.Is(err, wire.ErrTooDeep) {
		t.Fatalf("err = %v, want ErrTooDeep", err)
	}
	var se *wire.SyntaxError
	if errors.As(err, &se) && se.Offset != 100 {
		t.Errorf("offset %d, want 100", se.Offset)
	}
	if r.n > 64<<10 {
		t.Errorf("read %d bytes before failing", r.n)
	}
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestEncodeRefuses checks the values that have no wire form.
func TestEncodeRefuses(t *testing.T) {
	text := &Body{Type: "TEXT", Subtype: "PLAIN", Encoding: "7BIT"}
	deep := text
	for range 1100 {
		deep = &Body{Subtype: "MIXED", Parts: []*Body{deep}}
	}
	deepList := wire.Value{Kind: wire.KindNumber, Num: 1}
	for range 1100 {
		deepList = wire.Value{Kind: wire.KindList, Items: []wire.Value{deepList}}
	}
	for name, v := range map[string]any{
		"empty multipart":   &Body{Subtype: "MIXED", Parts: []*Body{}},
		"nil part":          &Body{Subtype: "MIXED", Parts: []*Body{nil}},
		"rfc822 without":    &Body{Type: "MESSAGE", Subtype: "RFC822", Encoding: "7BIT"},
		"nul in subtype":    &Body{Type: "TEXT", Subtype: "A\x00", Encoding: "7BIT"},
		"too deep":          deep,
		"empty ext list":    &Body{Type: "A", Subtype: "B", Ext: &Extension{More: []wire.Value{{Kind: wire.KindList}}}},
		"section extension": &Body{Type: "A", Subtype: "B", Ext: &Extension{More: []wire.Value{{Kind: wire.KindSection}}}},
		"deep extension":    &Body{Type: "A", Subtype: "B", Ext: &Extension{More: []wire.Value{deepList}}},
		"nil envelope":      (*Envelope)(nil),
		"nil body":          (*Body)(nil),
	} {
		if _, err := encodeOne(v, true); !errors.Is(err, wire.ErrUnrepresentable) {
			t.Errorf("%s: err = %v, want ErrUnrepresentable", name, err)
		}
	}
}

// TestBodyForm checks that BODY leaves the extension data out.
func TestBodyForm(t *testing.T) {
	in := `(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 7 0 NIL NIL NIL NIL)("message" "rfc822" NIL NIL NIL "7bit" 20 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ("text" "plain" NIL NIL NIL "7bit" 1 1 "md5" NIL NIL NIL) 3 NIL NIL NIL NIL) "alternative" ("boundary" "b1") NIL NIL NIL)`
	v, _, err := decodeOne(strings.NewReader(in+"\r\n"), false)
	if err != nil {
		t.Fatal(err)
	}
	got, err := encodeOne(v, false)
	want := `(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 7 0)("message" "rfc822" NIL NIL NIL "7bit" 20 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ("text" "plain" NIL NIL NIL "7bit" 1 1) 3) "alternative")`
	if err != nil || got != want {
		t.Errorf("got %s, %v\nwant %s", got, err, want)
	}
}
