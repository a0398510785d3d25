package response

import (
	"testing"

	"github.com/mailwire/imap/bodystructure"
	"github.com/mailwire/imap/wire"
)

// quirkCases hold one response for each deviation of DESIGN.md's table that
// reaches the response layer and no other table here covers, as the servers
// named send it: accepted and reported in lenient mode, refused by name in
// strict mode (checkCases checks both).
var quirkCases = []testCase{
	{name: "bare LF line endings", in: "* 3 EXISTS\n",
		canon: "* 3 EXISTS\r\n", want: &Exists{Count: 3}, quirks: []string{"bare-lf@10"}},
	{name: "Dovecot/Exchange -1 as a body size", in: `* 1 FETCH (BODY ("TEXT" "PLAIN" NIL NIL NIL "7BIT" -1 -1))` + "\r\n",
		canon:  `* 1 FETCH (BODY ("TEXT" "PLAIN" NIL NIL NIL "7BIT" 0 0))` + "\r\n",
		want:   &Fetch{Seq: 1, Has: FetchBody, Body: &bodystructure.Body{Type: "TEXT", Subtype: "PLAIN", Encoding: "7BIT"}},
		quirks: []string{"negative-number@51", "negative-number@54"}},
	{name: "Mail.ru NIL for the encoding", in: `* 1 FETCH (BODY ("TEXT" "PLAIN" NIL NIL NIL NIL 12 1))` + "\r\n",
		canon:  `* 1 FETCH (BODY ("TEXT" "PLAIN" NIL NIL NIL "" 12 1))` + "\r\n",
		want:   &Fetch{Seq: 1, Has: FetchBody, Body: &bodystructure.Body{Type: "TEXT", Subtype: "PLAIN", Size: 12, Lines: 1}},
		quirks: []string{"nil-string@44"}},
	{name: "Dovecot message/rfc822 without envelope, body and lines", in: `* 1 FETCH (BODY ("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 100))` + "\r\n",
		canon: `* 1 FETCH (BODY ("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 100 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0) 0))` + "\r\n",
		want: &Fetch{Seq: 1, Has: FetchBody, Body: &bodystructure.Body{Type: "MESSAGE", Subtype: "RFC822", Encoding: "7BIT", Size: 100,
			Envelope: &bodystructure.Envelope{},
			Part:     &bodystructure.Body{Type: "text", Subtype: "plain", Params: []bodystructure.Param{{Name: "charset", Value: "us-ascii"}}, Encoding: "7bit"}}},
		quirks: []string{"missing-body-fields@58"}},
	{name: "multipart with zero parts", in: `* 1 FETCH (BODYSTRUCTURE ("MIXED"))` + "\r\n",
		canon: `* 1 FETCH (BODYSTRUCTURE (("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0) "MIXED"))` + "\r\n",
		want: &Fetch{Seq: 1, Has: FetchBodyStructure, BodyStructure: &bodystructure.Body{Type: "MULTIPART", Subtype: "MIXED",
			Parts: []*bodystructure.Body{{Type: "text", Subtype: "plain", Params: []bodystructure.Param{{Name: "charset", Value: "us-ascii"}}, Encoding: "7bit"}}}},
		quirks: []string{"empty-multipart@33"}},
	{name: "outlook.com space between addresses", in: `* 1 FETCH (ENVELOPE (NIL NIL NIL NIL NIL ((NIL NIL "a" "x") (NIL NIL "b" "x")) NIL NIL NIL NIL))` + "\r\n",
		canon: `* 1 FETCH (ENVELOPE (NIL NIL NIL NIL NIL ((NIL NIL "a" "x")(NIL NIL "b" "x")) NIL NIL NIL NIL))` + "\r\n",
		want: &Fetch{Seq: 1, Has: FetchEnvelope, Envelope: &bodystructure.Envelope{
			To: []bodystructure.Address{{Mailbox: wire.Str("a"), Host: wire.Str("x")}, {Mailbox: wire.Str("b"), Host: wire.Str("x")}}}},
		quirks: []string{"no-address-space@59"}},
	{name: "a disposition where a body part belongs", in: `* 1 FETCH (BODYSTRUCTURE (("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1)("ATTACHMENT" ("FILENAME" "a.bin")) "MIXED"))` + "\r\n",
		canon: `* 1 FETCH (BODYSTRUCTURE (("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1)("APPLICATION" "OCTET-STREAM" NIL NIL NIL "7BIT" 0 NIL ("ATTACHMENT" ("FILENAME" "a.bin")) NIL NIL) "MIXED"))` + "\r\n",
		want: &Fetch{Seq: 1, Has: FetchBodyStructure, BodyStructure: &bodystructure.Body{Type: "MULTIPART", Subtype: "MIXED",
			Parts: []*bodystructure.Body{
				{Type: "TEXT", Subtype: "PLAIN", Encoding: "7BIT", Size: 1, Lines: 1},
				{Type: "APPLICATION", Subtype: "OCTET-STREAM", Encoding: "7BIT", Ext: &bodystructure.Extension{
					Disposition: &bodystructure.Disposition{Type: "ATTACHMENT", Params: []bodystructure.Param{{Name: "FILENAME", Value: "a.bin"}}}}},
			}}},
		quirks: []string{"disposition-as-body@79"}},
	{name: "8-bit bytes in a quoted string without UTF8=ACCEPT", in: "* 1 FETCH (ENVELOPE (NIL \"Gr\xfc\xdfe\" NIL NIL NIL NIL NIL NIL NIL NIL))\r\n",
		canon:  "* 1 FETCH (ENVELOPE (NIL {5}\r\nGr\xfc\xdfe NIL NIL NIL NIL NIL NIL NIL NIL))\r\n",
		want:   &Fetch{Seq: 1, Has: FetchEnvelope, Envelope: &bodystructure.Envelope{Subject: wire.Str("Gr\xfc\xdfe")}},
		quirks: []string{"eight-bit@28"}},
	{name: "163.com unescaped quote in a quoted string", in: `* 1 FETCH (ENVELOPE (NIL "say "hi"" NIL NIL NIL NIL NIL NIL NIL NIL))` + "\r\n",
		canon:  `* 1 FETCH (ENVELOPE (NIL "say \"hi\"" NIL NIL NIL NIL NIL NIL NIL NIL))` + "\r\n",
		want:   &Fetch{Seq: 1, Has: FetchEnvelope, Envelope: &bodystructure.Envelope{Subject: wire.Str(`say "hi"`)}},
		quirks: []string{"unescaped-quote@30"}},
	{name: "Gmail brackets in a PERMANENTFLAGS keyword", in: "* OK [PERMANENTFLAGS (\\Seen OIB-Seen-[Gmail]/Trash \\*)] Flags permitted.\r\n",
		want:   &Status{Type: OK, Code: PermanentFlagsCode{Flags: []string{`\Seen`, "OIB-Seen-[Gmail]/Trash", `\*`}}, Text: "Flags permitted."},
		quirks: []string{"bracket-in-atom@43"}},
}

func TestQuirks(t *testing.T) { checkCases(t, quirkCases) }

func init() { allCases = append(allCases, quirkCases...) }
