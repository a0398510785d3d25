package response

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mailwire/imap/bodystructure"
	"github.com/mailwire/imap/literal"
	"github.com/mailwire/imap/wire"
)

var pdt = time.FixedZone("", -7*3600)

var fetchCases = []testCase{
	{name: "RFC 9051 §7.5.2 flags", in: "* 23 FETCH (FLAGS (\\Seen) RFC822.SIZE 44827)\r\n",
		want: &Fetch{Seq: 23, Has: FetchFlags | FetchSize, Flags: []string{`\Seen`}, Size: 44827}},
	{name: "RFC 3501 §8 fetch", in: "* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286 " +
		"ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\" " +
		"((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) " +
		"((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((NIL NIL \"imap\" \"cac.washington.edu\")) " +
		"((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL " +
		"\"<B27397-0100000@cac.washington.edu>\") " +
		"BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92))\r\n",
		want: &Fetch{Seq: 12, Has: FetchFlags | FetchInternalDate | FetchSize | FetchEnvelope | FetchBody,
			Flags: []string{`\Seen`}, InternalDate: time.Date(1996, 7, 17, 2, 44, 25, 0, pdt), Size: 4286,
			Envelope: &bodystructure.Envelope{
				Date:    wire.Str("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)"),
				Subject: wire.Str("IMAP4rev1 WG mtg summary and minutes"),
				From:    []bodystructure.Address{{Name: wire.Str("Terry Gray"), Mailbox: wire.Str("gray"), Host: wire.Str("cac.washington.edu")}},
				Sender:  []bodystructure.Address{{Name: wire.Str("Terry Gray"), Mailbox: wire.Str("gray"), Host: wire.Str("cac.washington.edu")}},
				ReplyTo: []bodystructure.Address{{Name: wire.Str("Terry Gray"), Mailbox: wire.Str("gray"), Host: wire.Str("cac.washington.edu")}},
				To:      []bodystructure.Address{{Mailbox: wire.Str("imap"), Host: wire.Str("cac.washington.edu")}},
				Cc: []bodystructure.Address{{Mailbox: wire.Str("minutes"), Host: wire.Str("CNRI.Reston.VA.US")},
					{Name: wire.Str("John Klensin"), Mailbox: wire.Str("KLENSIN"), Host: wire.Str("MIT.EDU")}},
				MessageID: wire.Str("<B27397-0100000@cac.washington.edu>"),
			},
			Body: &bodystructure.Body{Type: "TEXT", Subtype: "PLAIN", Params: []bodystructure.Param{{Name: "CHARSET", Value: "US-ASCII"}},
				Encoding: "7BIT", Size: 3028, Lines: 92},
		}},
	{name: "RFC 9051 §6.4.5 body section", in: "* 2 FETCH (BODY[HEADER] {21}\r\nSubject: x\r\nTo: y\r\n\r\n)\r\n",
		want: &Fetch{Seq: 2, Sections: []Section{{Kind: SectionBody,
			Section: bodystructure.Section{Specifier: bodystructure.SpecifierHeader}, Data: []byte("Subject: x\r\nTo: y\r\n\r\n")}}}},
	{name: "uid, partial, quoted data", in: "* 1 FETCH (UID 7 BODY[1.2]<10> \"abc\")\r\n",
		canon: "* 1 FETCH (UID 7 BODY[1.2]<10> {3}\r\nabc)\r\n",
		want: &Fetch{Seq: 1, Has: FetchUID, UID: 7, Sections: []Section{{Kind: SectionBody,
			Section: bodystructure.Section{Part: []int{1, 2}}, Origin: 10, HasOrigin: true, Data: []byte("abc")}}}},
	{name: "body nil", in: "* 1 FETCH (BODY[] NIL)\r\n",
		want: &Fetch{Seq: 1, Sections: []Section{{Kind: SectionBody, Nil: true}}}},
	{name: "rfc822 items", in: "* 3 FETCH (RFC822.HEADER {3}\r\nA:  RFC822.TEXT {2}\r\nhi RFC822 {0}\r\n)\r\n",
		want: &Fetch{Seq: 3, Sections: []Section{
			{Kind: SectionRFC822Header, Data: []byte("A: ")},
			{Kind: SectionRFC822Text, Data: []byte("hi")},
			{Kind: SectionRFC822, Data: []byte{}}}}},
	{name: "RFC 3516 binary", in: "* 1 FETCH (BINARY.SIZE[2] 5 BINARY[2] ~{5}\r\na\x00b\r\n)\r\n",
		opts: []wire.Option{wire.LiteralPolicy(literal.Policy{Binary: true})},
		want: &Fetch{Seq: 1, BinarySizes: []BinarySize{{Part: []int{2}, Size: 5}},
			Sections: []Section{{Kind: SectionBinary, Section: bodystructure.Section{Part: []int{2}}, Data: []byte("a\x00b\r\n")}}}},
	{name: "NUL in BODY[] (no literal8 outside BINARY)", in: "* 1 FETCH (BODY[] {3}\r\na\x00b)\r\n",
		opts:   []wire.Option{wire.LiteralPolicy(literal.Policy{Binary: true})},
		want:   &Fetch{Seq: 1, Sections: []Section{{Kind: SectionBody, Data: []byte("a\x00b")}}},
		quirks: []string{"nul-in-literal@24"}},
	{name: "RFC 7162 modseq", in: "* 4 FETCH (UID 8 MODSEQ (12121231000))\r\n",
		want: &Fetch{Seq: 4, Has: FetchUID | FetchModSeq, UID: 8, ModSeq: 12121231000}},
	{name: "RFC 8474 ids", in: "* 3 FETCH (EMAILID (M6d99ac3275bb4e) THREADID (T64b478a75b7ea9))\r\n",
		want: &Fetch{Seq: 3, Has: FetchEmailID | FetchThreadID, EmailID: "M6d99ac3275bb4e", ThreadID: wire.Str("T64b478a75b7ea9")}},
	{name: "RFC 8474 nil thread", in: "* 2 FETCH (THREADID NIL)\r\n",
		want: &Fetch{Seq: 2, Has: FetchThreadID}},
	{name: "RFC 8514 savedate", in: "* 1 FETCH (SAVEDATE \"17-Jul-1996 02:44:25 -0700\")\r\n",
		want: &Fetch{Seq: 1, Has: FetchSaveDate, SaveDate: time.Date(1996, 7, 17, 2, 44, 25, 0, pdt)}},
	{name: "RFC 8514 savedate nil", in: "* 1 FETCH (SAVEDATE NIL)\r\n", want: &Fetch{Seq: 1, Has: FetchSaveDate}},
	{name: "RFC 8970 preview", in: "* 1 FETCH (PREVIEW \"Hello, here is the text\")\r\n",
		want: &Fetch{Seq: 1, Has: FetchPreview, Preview: wire.Str("Hello, here is the text")}},
	{name: "RFC 8970 preview nil", in: "* 1 FETCH (PREVIEW NIL)\r\n", want: &Fetch{Seq: 1, Has: FetchPreview}},
	{name: "Dovecot 2.3 snippet", in: "* 1 FETCH (SNIPPET (FUZZY \"Please find the report attached.\"))\r\n",
		want: &Fetch{Seq: 1, Has: FetchSnippet, SnippetAlgorithm: "FUZZY", Snippet: wire.Str("Please find the report attached.")}},
	{name: "Gmail", in: "* 1 FETCH (X-GM-MSGID 1278455344230334865 X-GM-THRID 1266894439832287888 X-GM-LABELS (\\Inbox \\Sent Important \"Muy Importante\"))\r\n",
		want: &Fetch{Seq: 1, Has: FetchGmailMsgID | FetchGmailThreadID | FetchGmailLabels,
			GmailMsgID: 1278455344230334865, GmailThreadID: 1266894439832287888,
			GmailLabels: []string{`\Inbox`, `\Sent`, "Important", "Muy Importante"}}},
	{name: "Gmail labels with a backslash and no flag form", in: "* 1 FETCH (X-GM-LABELS (\"\\\\a b\" \"\\\\0]\" \\Starred))\r\n",
		want: &Fetch{Seq: 1, Has: FetchGmailLabels, GmailLabels: []string{`\a b`, `\0]`, `\Starred`}}},
	{name: "order is canonical", in: "* 5 FETCH (FLAGS () UID 9)\r\n", canon: "* 5 FETCH (UID 9 FLAGS ())\r\n",
		want: &Fetch{Seq: 5, Has: FetchUID | FetchFlags, UID: 9, Flags: []string{}}},
	{name: "flags canonical case", in: "* 5 FETCH (FLAGS (\\SEEN \\answered $Forwarded $label1))\r\n",
		canon: "* 5 FETCH (FLAGS (\\Seen \\Answered $Forwarded $label1))\r\n",
		want:  &Fetch{Seq: 5, Has: FetchFlags, Flags: []string{`\Seen`, `\Answered`, "$Forwarded", "$label1"}}},
	{name: "unknown item", in: "* 5 FETCH (UID 1 X-FOO (1 2) X-BAR[1] \"v\")\r\n",
		want: &Fetch{Seq: 5, Has: FetchUID, UID: 1, Unknown: []FetchUnknown{
			{Name: "X-FOO", Value: wire.Value{Kind: wire.KindList, Items: []wire.Value{
				{Kind: wire.KindNumber, Num: 1, Bytes: []byte("1")}, {Kind: wire.KindNumber, Num: 2, Bytes: []byte("2")}}}},
			{Name: "X-BAR", HasSection: true, Section: []wire.Value{{Kind: wire.KindNumber, Num: 1, Bytes: []byte("1")}},
				Value: wire.Value{Kind: wire.KindString, Bytes: []byte("v")}},
		}}},
	{name: "Zoho star flag", in: "* 1 FETCH (FLAGS (\\Seen \\*))\r\n",
		want:   &Fetch{Seq: 1, Has: FetchFlags, Flags: []string{`\Seen`, `\*`}},
		quirks: []string{"star-flag-in-flags@24"}},
	{name: "SurgeMail space before paren", in: "* 1 FETCH (UID 4 )\r\n", canon: "* 1 FETCH (UID 4)\r\n",
		want:   &Fetch{Seq: 1, Has: FetchUID, UID: 4},
		quirks: []string{"space-before-paren@16"}},
	{name: "DavMail extra space", in: "* 1 FETCH (UID 4  RFC822.HEADER {0}\r\n)\r\n", canon: "* 1 FETCH (UID 4 RFC822.HEADER {0}\r\n)\r\n",
		want:   &Fetch{Seq: 1, Has: FetchUID, UID: 4, Sections: []Section{{Kind: SectionRFC822Header, Data: []byte{}}}},
		quirks: []string{"extra-space@17"}},
}

var fetchErrorCases = []errorCase{
	{name: "seq 0", in: "* 0 FETCH (UID 1)\r\n", off: 2},
	{name: "uid 0", in: "* 1 FETCH (UID 0)\r\n", off: 15},
	{name: "uid twice", in: "* 1 FETCH (UID 1 UID 2)\r\n", off: 17},
	{name: "no items", in: "* 1 FETCH ()\r\n", off: 11},
	{name: "modseq 0", in: "* 1 FETCH (MODSEQ (0))\r\n", off: 19},
	{name: "bad objectid", in: "* 1 FETCH (EMAILID (a.b))\r\n", off: 20},
	{name: "binary with specifier", in: "* 1 FETCH (BINARY[1.TEXT] {1}\r\nx)\r\n", off: 17},
	{name: "literal8 in BODY", in: "* 1 FETCH (BODY[] ~{1}\r\nx)\r\n", off: 18,
		opts: []wire.Option{wire.LiteralPolicy(literal.Policy{Binary: true})}},
	{name: "not a name", in: "* 1 FETCH (\"UID\" 1)\r\n", off: 11},
	{name: "unclosed", in: "* 1 FETCH (UID 1\r\n", off: 16},
}

func init() {
	allCases = append(allCases, fetchCases...)
	allErrorCases = append(allErrorCases, fetchErrorCases...)
}

func TestFetch(t *testing.T)       { checkCases(t, fetchCases) }
func TestFetchErrors(t *testing.T) { checkErrorCases(t, fetchErrorCases) }

// TestFetchDepth checks the nesting limit on the lists of FETCH items that
// fastValue reads straight from the buffer: FLAGS one level deeper than
// MaxDepth allows fails at its "(" with wire.ErrTooDeep, as the element
// methods make it fail.
func TestFetchDepth(t *testing.T) {
	in := "* 1 FETCH (FLAGS (\\Seen))\r\n"
	_, _, err := decodeOne(strings.NewReader(in), wire.MaxDepth(1))
	var se *wire.SyntaxError
	if !errors.As(err, &se) || !errors.Is(err, wire.ErrTooDeep) || se.Offset != int64(len("* 1 FETCH (FLAGS ")) {
		t.Fatalf("%v, want wire.ErrTooDeep at the FLAGS list", err)
	}
	if _, _, err := decodeOne(strings.NewReader(in), wire.MaxDepth(2)); err != nil {
		t.Fatalf("at the limit: %v", err)
	}
}
