package command

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/mailwire/imap/literal"
	"github.com/mailwire/imap/wire"
)

// The messages of the examples of RFC 9051 §6.3.12 and RFC 3502.
const (
	appendFredMsg = "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\n" +
		"From: Fred Foobar <foobar@Blurdybloop.example>\r\n" +
		"Subject: afternoon meeting\r\n" +
		"To: mooch@owatagu.siam.edu.example\r\n" +
		"Message-Id: <B27397-0100000@Blurdybloop.example>\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n" +
		"\r\n" +
		"Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n"
	appendMultiMsg1 = "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\n" +
		"From: Fred Foobar <foobar@Blurdybloop.example.COM>\r\n" +
		"Subject: afternoon meeting\r\n" +
		"To: mooch@owatagu.example.net\r\n" +
		"Message-Id: <B27397-0100000@Blurdybloop.example.COM>\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n" +
		"\r\n" +
		"Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n"
	appendMultiMsg2 = "Date: Mon, 7 Feb 1994 22:43:04 -0800 (PST)\r\n" +
		"From: Joe Mooch <mooch@OWaTaGu.example.net>\r\n" +
		"Subject: Re: afternoon meeting\r\n" +
		"To: foobar@blurdybloop.example.com\r\n" +
		"Message-Id: <a0434793874930@OWaTaGu.example.net>\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n" +
		"\r\n" +
		"3:30 is fine with me.\r\n"
	// The TEXT parts of the CATENATE example of RFC 4469 Appendix A.
	appendCatText1 = "\r\n--------------030308070208000400050907\r\n"
	appendCatText2 = "\r\n--------------030308070208000400050907--\r\n"
	// A draft for the REPLACE cases.
	appendDraftMsg = "Date: Thu, 1 Jan 2015 00:05:00 -0500 (EST)\r\n" +
		"From: Fritz Schmidt <fritz.ze@example.org>\r\n" +
		"Subject: happy new year !!\r\n" +
		"\r\n" +
		"Just saw the best fireworks show. Wish you were here.\r\n"
)

// appendText is buffered message data as a Decoder returns it.
func appendText(s string) MessageData {
	return MessageData{Bytes: []byte(s), Size: int64(len(s))}
}

// appendBin is buffered literal8 data as a Decoder returns it.
func appendBin(s string) MessageData {
	d := appendText(s)
	d.Binary = true
	return d
}

var (
	appendPST    = time.FixedZone("", -8*3600)
	appendBinary = []wire.Option{wire.LiteralPolicy(literal.Policy{Binary: true})}
)

func init() {
	const cat1 = `A003 APPEND Drafts (\Seen \Draft $MDNSent) CATENATE (URL "/Drafts;UIDVALIDITY=385759045/;UID=20/;section=HEADER" TEXT {42}` + "\r\n" +
		appendCatText1 + ` URL "/Drafts;UIDVALIDITY=385759045/;UID=20/;section=1.MIME" URL "/Drafts;UIDVALIDITY=385759045/;UID=20/;section=1" TEXT {42}` + "\r\n" +
		appendCatText1 + ` URL "/Drafts;UIDVALIDITY=385759045/;UID=30" TEXT {44}` + "\r\n" +
		appendCatText2 + ")\r\n"
	allCases = append(allCases, []testCase{
		{name: "RFC 9051 §6.3.12 example", in: "A003 APPEND saved-messages (\\Seen) {326}\r\n" + appendFredMsg + "\r\n",
			want: &Append{Mailbox: "saved-messages", Messages: []AppendMessage{{Flags: []string{`\Seen`}, Data: appendText(appendFredMsg)}}}},
		{name: "RFC 3502 MULTIAPPEND example",
			in: "A003 APPEND saved-messages (\\Seen) {329}\r\n" + appendMultiMsg1 +
				" (\\Seen) \" 7-Feb-1994 22:43:04 -0800\" {295}\r\n" + appendMultiMsg2 + "\r\n",
			canon: "A003 APPEND saved-messages (\\Seen) {329}\r\n" + appendMultiMsg1 +
				" (\\Seen) \"07-Feb-1994 22:43:04 -0800\" {295}\r\n" + appendMultiMsg2 + "\r\n",
			want: &Append{Mailbox: "saved-messages", Messages: []AppendMessage{
				{Flags: []string{`\Seen`}, Data: appendText(appendMultiMsg1)},
				{Flags: []string{`\Seen`}, Date: time.Date(1994, 2, 7, 22, 43, 4, 0, appendPST), Data: appendText(appendMultiMsg2)},
			}}},
		{name: "RFC 4469 Appendix A CATENATE example", in: cat1,
			// URLs are astrings, atoms when they can be.
			canon: strings.NewReplacer(`"/`, "/", `" `, " ").Replace(cat1),
			want: &Append{Mailbox: "Drafts", Messages: []AppendMessage{{
				Flags: []string{`\Seen`, `\Draft`, "$MDNSent"},
				Catenate: []CatenatePart{
					{Kind: CatenateURL, URL: "/Drafts;UIDVALIDITY=385759045/;UID=20/;section=HEADER"},
					{Kind: CatenateText, Data: appendText(appendCatText1)},
					{Kind: CatenateURL, URL: "/Drafts;UIDVALIDITY=385759045/;UID=20/;section=1.MIME"},
					{Kind: CatenateURL, URL: "/Drafts;UIDVALIDITY=385759045/;UID=20/;section=1"},
					{Kind: CatenateText, Data: appendText(appendCatText1)},
					{Kind: CatenateURL, URL: "/Drafts;UIDVALIDITY=385759045/;UID=30"},
					{Kind: CatenateText, Data: appendText(appendCatText2)},
				},
			}}}},
		{name: "RFC 3502 MULTIAPPEND with a CATENATE message (URL of RFC 4469 errata 4046)",
			in:    "A003 APPEND Drafts {5}\r\nhello (\\Seen) CATENATE (URL \"/INBOX;UIDVALIDITY=785799047/;UID=113330;section=1.5.9\" TEXT {2}\r\n\r\n)\r\n",
			canon: "A003 APPEND Drafts {5}\r\nhello (\\Seen) CATENATE (URL /INBOX;UIDVALIDITY=785799047/;UID=113330;section=1.5.9 TEXT {2}\r\n\r\n)\r\n",
			want: &Append{Mailbox: "Drafts", Messages: []AppendMessage{
				{Data: appendText("hello")},
				{Flags: []string{`\Seen`}, Catenate: []CatenatePart{
					{Kind: CatenateURL, URL: "/INBOX;UIDVALIDITY=785799047/;UID=113330;section=1.5.9"},
					{Kind: CatenateText, Data: appendText("\r\n")},
				}},
			}}},
		{name: "RFC 3516 APPEND with literal8", opts: appendBinary,
			in:   "a APPEND INBOX (\\Seen) ~{6}\r\nab\x00\x01\xffz\r\n",
			want: &Append{Mailbox: "INBOX", Messages: []AppendMessage{{Flags: []string{`\Seen`}, Data: appendBin("ab\x00\x01\xffz")}}}},
		{name: "RFC 3516 literal8 without a policy", in: "a APPEND INBOX ~{1}\r\nx\r\n", canon: "a APPEND INBOX ~{1}\r\nx\r\n", opts: appendBinary,
			want: &Append{Mailbox: "INBOX", Messages: []AppendMessage{{Data: appendBin("x")}}}},
		{name: "RFC 6855 UTF8 data item", opts: appendBinary,
			in:   "a APPEND INBOX UTF8 (~{22}\r\nSubject: caf\xc3\xa9\r\n\r\nhi\r\n)\r\n",
			want: &Append{Mailbox: "INBOX", Messages: []AppendMessage{{UTF8: true, Data: appendBin("Subject: caf\xc3\xa9\r\n\r\nhi\r\n")}}}},
		{name: "RFC 6855 UTF8 part of CATENATE", opts: appendBinary,
			in:    "a APPEND Drafts CATENATE (utf8 (~{3}\r\nabc) url \"/Drafts;UID=1\" text {1}\r\nz)\r\n",
			canon: "a APPEND Drafts CATENATE (UTF8 (~{3}\r\nabc) URL /Drafts;UID=1 TEXT {1}\r\nz)\r\n",
			want: &Append{Mailbox: "Drafts", Messages: []AppendMessage{{Catenate: []CatenatePart{
				{Kind: CatenateUTF8, Data: appendBin("abc")},
				{Kind: CatenateURL, URL: "/Drafts;UID=1"},
				{Kind: CatenateText, Data: appendText("z")},
			}}}}},
		{name: "RFC 8508 REPLACE (the example's command line)", in: "A003 REPLACE 4 Drafts (\\Seen \\Draft) {173}\r\n" + appendDraftMsg + "\r\n",
			want: &Replace{Number: 4, Mailbox: "Drafts", Message: AppendMessage{Flags: []string{`\Seen`, `\Draft`}, Data: appendText(appendDraftMsg)}}},
		{name: "RFC 8508 UID REPLACE (the example's command line)", in: "B003 UID REPLACE 2000 Drafts (\\Seen \\Draft) {173}\r\n" + appendDraftMsg + "\r\n",
			want: &Replace{UID: true, Number: 2000, Mailbox: "Drafts", Message: AppendMessage{Flags: []string{`\Seen`, `\Draft`}, Data: appendText(appendDraftMsg)}}},
		{name: "RFC 8508 REPLACE of the last message, with a date and CATENATE",
			in:    "a replace * Sent \"01-Jan-2015 00:05:00 -0500\" catenate (url \"/Drafts;UIDVALIDITY=1/;UID=7\")\r\n",
			canon: "a REPLACE * Sent \"01-Jan-2015 00:05:00 -0500\" CATENATE (URL /Drafts;UIDVALIDITY=1/;UID=7)\r\n",
			want: &Replace{Mailbox: "Sent", Message: AppendMessage{Date: time.Date(2015, 1, 1, 0, 5, 0, 0, time.FixedZone("", -5*3600)),
				Catenate: []CatenatePart{{Kind: CatenateURL, URL: "/Drafts;UIDVALIDITY=1/;UID=7"}}}}},
		{name: "REPLACE with literal8", opts: appendBinary, in: "a UID REPLACE 9 INBOX ~{1}\r\n\x00\r\n",
			want: &Replace{UID: true, Number: 9, Mailbox: "INBOX", Message: AppendMessage{Data: appendBin("\x00")}}},

		{name: "empty flag list and an empty message", in: "a APPEND INBOX () {0}\r\n\r\n",
			want: &Append{Mailbox: "INBOX", Messages: []AppendMessage{{Flags: []string{}, Data: appendText("")}}}},
		{name: "lower case, system flags in canonical case, keywords as sent", in: "a append inbox (\\seen \\DRAFT $Forwarded NonJunk \\X-Ext) {1}\r\nx\r\n",
			canon: "a APPEND INBOX (\\Seen \\Draft $Forwarded NonJunk \\X-Ext) {1}\r\nx\r\n",
			want:  &Append{Mailbox: "INBOX", Messages: []AppendMessage{{Flags: []string{`\Seen`, `\Draft`, "$Forwarded", "NonJunk", `\X-Ext`}, Data: appendText("x")}}}},
		{name: "date without flags", in: "a APPEND Sent \"17-Jul-1996 02:44:25 +0000\" {1}\r\nx\r\n",
			want: &Append{Mailbox: "Sent", Messages: []AppendMessage{{Date: time.Date(1996, 7, 17, 2, 44, 25, 0, time.UTC), Data: appendText("x")}}}},
		{name: "mailbox in modified UTF-7 and a quoted name", in: "a APPEND \"Entw&APw-rfe x\" {1}\r\nx\r\n",
			want: &Append{Mailbox: "Entwürfe x", Messages: []AppendMessage{{Data: appendText("x")}}}},
		{name: "RFC 4466 append-ext (ANNOTATION of RFC 5257)", in: "a APPEND INBOX (\\Seen) annotation (/comment (value.priv \"My comment\")) {1}\r\nx\r\n",
			canon: "a APPEND INBOX (\\Seen) ANNOTATION (/comment (value.priv \"My comment\")) {1}\r\nx\r\n",
			want: &Append{Mailbox: "INBOX", Messages: []AppendMessage{{Flags: []string{`\Seen`},
				Ext: []Param{{Name: "ANNOTATION", Value: wire.Value{Kind: wire.KindList, Items: []wire.Value{
					{Kind: wire.KindAtom, Bytes: []byte("/comment")},
					{Kind: wire.KindList, Items: []wire.Value{{Kind: wire.KindAtom, Bytes: []byte("value.priv")}, {Kind: wire.KindString, Bytes: []byte("My comment")}}},
				}}}},
				Data: appendText("x")}}}},
		{name: "RFC 7888 LITERAL+ kept under LITERAL+", in: "a APPEND INBOX {5+}\r\nhello\r\n",
			opts: []wire.Option{wire.LiteralPolicy(literal.Policy{LiteralPlus: true})},
			want: &Append{Mailbox: "INBOX", Messages: []AppendMessage{{Data: appendText("hello")}}}},
		{name: "RFC 7888 LITERAL+ synchronising without it", in: "a APPEND INBOX {5+}\r\nhello\r\n", canon: "a APPEND INBOX {5}\r\nhello\r\n",
			want: &Append{Mailbox: "INBOX", Messages: []AppendMessage{{Data: appendText("hello")}}}},
		{name: "extra spaces", in: "a APPEND INBOX  (\\Seen)  {1}\r\nx\r\n", canon: "a APPEND INBOX (\\Seen) {1}\r\nx\r\n",
			quirks: []string{"extra-space@15", "extra-space@24"},
			want:   &Append{Mailbox: "INBOX", Messages: []AppendMessage{{Flags: []string{`\Seen`}, Data: appendText("x")}}}},
		{name: "trailing space after MULTIAPPEND", in: "a APPEND INBOX {1}\r\nx \r\n", canon: "a APPEND INBOX {1}\r\nx\r\n",
			quirks: []string{"trailing-space@21"},
			want:   &Append{Mailbox: "INBOX", Messages: []AppendMessage{{Data: appendText("x")}}}},
	}...)
	allErrorCases = append(allErrorCases, []errorCase{
		{name: "APPEND without a message", in: "a APPEND INBOX\r\n", off: 14},
		{name: "APPEND flags without a message", in: "a APPEND INBOX (\\Seen)\r\n", off: 22},
		{name: "APPEND a quoted message", in: "a APPEND INBOX (\\Seen) \"17-Jul-1996 02:44:25 +0000\" \"hello\"\r\n", off: 52},
		{name: "APPEND a bad date", in: "a APPEND INBOX \"hello\" {1}\r\nx\r\n", off: 16},
		{name: "APPEND the zero date", in: "a APPEND INBOX \"01-Jan-0001 00:00:00 +0000\" {1}\r\nx\r\n", off: 15},
		{name: "APPEND date before flags", in: "a APPEND INBOX \"17-Jul-1996 02:44:25 +0000\" (\\Seen) {1}\r\nx\r\n", off: 44},
		{name: `APPEND \* flag`, in: "a APPEND INBOX (\\Seen \\*) {1}\r\nx\r\n", off: 22},
		{name: "APPEND 8-bit flag", in: "a APPEND INBOX (caf\xc3\xa9) {1}\r\nx\r\n", off: 19},
		{name: "APPEND an atom", in: "a APPEND INBOX hello\r\n", off: 20},
		{name: "APPEND not a label", in: "a APPEND INBOX 12 {1}\r\nx\r\n", off: 15},
		{name: "APPEND ext without data", in: "a APPEND INBOX X-EXT 1\r\n", off: 22},
		{name: "APPEND MULTIAPPEND trailing nothing", in: "a APPEND INBOX {1}\r\nx (\\Seen)\r\n", off: 29},
		{name: "CATENATE empty", in: "a APPEND INBOX CATENATE ()\r\n", off: 25},
		{name: "CATENATE not a list", in: "a APPEND INBOX CATENATE TEXT {1}\r\nx\r\n", off: 24},
		{name: "CATENATE unknown part", in: "a APPEND INBOX CATENATE (FOO \"x\")\r\n", off: 25},
		{name: "CATENATE TEXT quoted", in: "a APPEND INBOX CATENATE (TEXT \"x\")\r\n", off: 30},
		{name: "CATENATE TEXT literal8", in: "a APPEND INBOX CATENATE (TEXT ~{1}\r\nx)\r\n", off: 30},
		{name: "CATENATE URL list", in: "a APPEND INBOX CATENATE (URL (\"/INBOX/;UID=1\"))\r\n", off: 29},
		{name: "UTF8 with a literal", in: "a APPEND INBOX UTF8 ({1}\r\nx)\r\n", off: 21},
		{name: "UTF8 unclosed", in: "a APPEND INBOX UTF8 (~{1}\r\nx ~{1}\r\ny)\r\n", off: 28},
		{name: "REPLACE zero", in: "a REPLACE 0 Drafts {1}\r\nx\r\n", off: 10},
		{name: "REPLACE without a message", in: "a REPLACE 1 Drafts\r\n", off: 18},
		{name: "REPLACE two messages", in: "a REPLACE 1 Drafts {1}\r\nx {1}\r\ny\r\n", off: 26},
		{name: "literal larger than MaxLiteralBuffer", in: "a APPEND INBOX {5}\r\nhello\r\n", off: 15, opts: []wire.Option{wire.MaxLiteralBuffer(4)}},
		{name: "literal8 refused by the policy", in: "a APPEND INBOX ~{1}\r\nx\r\n", off: 15, opts: []wire.Option{wire.LiteralPolicy(literal.Policy{})}},
	}...)
}

func TestAppendRefusals(t *testing.T) {
	msg := func(m AppendMessage) *Append {
		return &Append{Mailbox: "INBOX", Messages: []AppendMessage{m}}
	}
	text := appendText("x")
	checkRefused(t,
		&Append{Mailbox: "INBOX"},
		msg(AppendMessage{Flags: []string{`\*`}, Data: text}),
		msg(AppendMessage{Flags: []string{"a b"}, Data: text}),
		msg(AppendMessage{Flags: []string{""}, Data: text}),
		msg(AppendMessage{Data: appendBin("x")}), // no BINARY in the policy
		msg(AppendMessage{Data: MessageData{Bytes: []byte("x"), Size: 2}}),
		msg(AppendMessage{Data: MessageData{Bytes: []byte("x"), Reader: strings.NewReader("x"), Size: 1}}),
		msg(AppendMessage{Data: MessageData{Reader: strings.NewReader("x"), Size: -1}}),
		msg(AppendMessage{Data: MessageData{Size: 10, Streamed: true}}),
		msg(AppendMessage{UTF8: true, Data: text}),
		msg(AppendMessage{Catenate: []CatenatePart{}}),
		msg(AppendMessage{Catenate: []CatenatePart{{Kind: CatenateURL, URL: "/x"}}, Data: text}),
		msg(AppendMessage{Catenate: []CatenatePart{{Kind: CatenateURL, URL: "/x"}}, UTF8: true}),
		msg(AppendMessage{Catenate: []CatenatePart{{Kind: CatenateURL, URL: "/x", Data: text}}}),
		msg(AppendMessage{Catenate: []CatenatePart{{Kind: CatenateText, Data: appendBin("x")}}}),
		msg(AppendMessage{Catenate: []CatenatePart{{Kind: CatenateText, URL: "/x", Data: text}}}),
		msg(AppendMessage{Catenate: []CatenatePart{{Kind: CatenateUTF8, Data: text}}}),
		msg(AppendMessage{Catenate: []CatenatePart{{Kind: 7}}}),
		msg(AppendMessage{Ext: []Param{{Name: "CATENATE", Value: wire.Value{Kind: wire.KindNIL}}}, Data: text}),
		msg(AppendMessage{Ext: []Param{{Name: "utf8", Value: wire.Value{Kind: wire.KindNIL}}}, Data: text}),
		msg(AppendMessage{Ext: []Param{{Name: "X-ext", Value: wire.Value{Kind: wire.KindNIL}}}, Data: text}),
		msg(AppendMessage{Ext: []Param{{Name: "1X", Value: wire.Value{Kind: wire.KindNIL}}}, Data: text}),
		msg(AppendMessage{Ext: []Param{{Name: "", Value: wire.Value{Kind: wire.KindNIL}}}, Data: text}),
		msg(AppendMessage{Date: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), Data: text}),
		&Replace{Number: 1, Mailbox: "Drafts", Message: AppendMessage{Catenate: []CatenatePart{}}},
	)
}

// TestAppendNUL checks that lenient decoding accepts a NUL in a literal,
// as a quirk, and that the encoder writes the value back as it came (a
// literal holding the NUL, as package response does with message data):
// lenient decoding reads it again to the same value; strict decoding
// refuses it.
func TestAppendNUL(t *testing.T) {
	in := "a APPEND INBOX {3}\r\na\x00b\r\n"
	_, c, quirks, err := decodeOne("", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"nul-in-literal@21"}; !slicesEqual(quirks, want) {
		t.Errorf("quirks %q, want %q", quirks, want)
	}
	b, err := AppendCommand(nil, "a", c, appendBinary...)
	if err != nil || string(b) != in {
		t.Errorf("encode: %q, %v; want %q", b, err, in)
	}
	if _, _, _, err := decodeOne("", strings.NewReader(in), wire.Strict(true)); !errors.Is(err, wire.ErrQuirk) {
		t.Errorf("strict: %v, want the quirk", err)
	}
}

// appendCountReader counts the reads of a message's Reader.
type appendCountReader struct {
	r     io.Reader
	reads int
}

func (r *appendCountReader) Read(p []byte) (int, error) {
	r.reads++
	return r.r.Read(p)
}

// TestAppendReader encodes message data from a Reader: as a literal of the
// given size, literal8 when Binary, the Reader read once the command is
// checked, and never when the command is refused.
func TestAppendReader(t *testing.T) {
	src := &appendCountReader{r: strings.NewReader(appendFredMsg + "extra bytes the encoder leaves")}
	c := &Append{Mailbox: "saved-messages", Messages: []AppendMessage{
		{Flags: []string{`\Seen`}, Data: MessageData{Reader: src, Size: int64(len(appendFredMsg))}},
		{Data: MessageData{Reader: strings.NewReader("\x00\x01"), Size: 2, Binary: true}},
	}}
	var buf bytes.Buffer
	if err := NewEncoder(&buf, appendBinary...).Encode("A003", c); err != nil {
		t.Fatal(err)
	}
	want := "A003 APPEND saved-messages (\\Seen) {326}\r\n" + appendFredMsg + " ~{2}\r\n\x00\x01\r\n"
	if buf.String() != want {
		t.Errorf("got %q\nwant %q", buf.String(), want)
	}

	for _, tc := range []struct {
		name string
		c    *Append
		opts []wire.Option
		is   error
	}{
		{"bad flag after", &Append{Mailbox: "INBOX", Messages: []AppendMessage{
			{Data: MessageData{Reader: src, Size: 5}}, {Flags: []string{"a b"}, Data: appendText("x")}}}, nil, wire.ErrUnrepresentable},
		{"over the policy's MaxSize", &Append{Mailbox: "INBOX", Messages: []AppendMessage{
			{Data: MessageData{Reader: src, Size: 1 << 40}}}}, []wire.Option{wire.LiteralPolicy(literal.Policy{MaxSize: 1 << 30})}, literal.ErrTooLarge},
		{"binary without BINARY", &Append{Mailbox: "INBOX", Messages: []AppendMessage{
			{Data: MessageData{Reader: src, Size: 5, Binary: true}}}}, nil, wire.ErrUnrepresentable},
		{"binary without BINARY in the policy", &Append{Mailbox: "INBOX", Messages: []AppendMessage{
			{Data: MessageData{Reader: src, Size: 5, Binary: true}}}}, []wire.Option{wire.LiteralPolicy(literal.Policy{})}, literal.ErrBinary},
	} {
		src.reads = 0
		buf.Reset()
		err := NewEncoder(&buf, tc.opts...).Encode("a", tc.c)
		if !errors.Is(err, tc.is) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.is)
		}
		if buf.Len() != 0 || src.reads != 0 {
			t.Errorf("%s: wrote %q, read the source %d times", tc.name, buf.String(), src.reads)
		}
	}

	// A Reader that ends early: the literal is cut short.
	buf.Reset()
	short := &Append{Mailbox: "INBOX", Messages: []AppendMessage{{Data: MessageData{Reader: strings.NewReader("abc"), Size: 5}}}}
	if err := NewEncoder(&buf).Encode("a", short); err != io.ErrUnexpectedEOF {
		t.Errorf("short reader: %v, want io.ErrUnexpectedEOF", err)
	}
}

// TestAppendCanonicalLiteral checks that message data is always a literal,
// also where a quoted string could hold it.
func TestAppendCanonicalLiteral(t *testing.T) {
	c := &Replace{Number: 1, Mailbox: "INBOX", Message: AppendMessage{Data: appendText("hello")}}
	b, err := AppendCommand(nil, "a", c)
	if err != nil {
		t.Fatal(err)
	}
	if want := "a REPLACE 1 INBOX {5}\r\nhello\r\n"; string(b) != want {
		t.Errorf("got %q, want %q", b, want)
	}
	// Data with Size 0 and Bytes is the same value.
	c.Message.Data.Size = 0
	if b2, err := AppendCommand(nil, "a", c); err != nil || !bytes.Equal(b, b2) {
		t.Errorf("Size 0: %q, %v", b2, err)
	}
}
