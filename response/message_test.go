package response

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mailwire/imap/wire"
)

var messageCases = []testCase{
	{name: "RFC 3501 §6.3.1, RFC 9051 §6.3.2 example", in: "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n",
		want: &Flags{Flags: []string{`\Answered`, `\Flagged`, `\Deleted`, `\Seen`, `\Draft`}}},
	{name: "RFC 9051 §6.3.13 example", in: "* FLAGS (\\Deleted \\Seen \\Flagged)\r\n",
		want: &Flags{Flags: []string{`\Deleted`, `\Seen`, `\Flagged`}}},
	{name: "RFC 7162 §3.2.5 example", in: "* FLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen)\r\n",
		want: &Flags{Flags: []string{`\Answered`, `\Flagged`, `\Draft`, `\Deleted`, `\Seen`}}},
	{name: "keywords", in: "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded NonJunk)\r\n",
		want: &Flags{Flags: []string{`\Answered`, `\Flagged`, `\Deleted`, `\Seen`, `\Draft`, "$Forwarded", "NonJunk"}}},
	{name: "Gmail 2023 without the bracketed keywords",
		in: "* FLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen $Forwarded $Junk $MailFlagBit0 $NotJunk $NotPhishing $Phishing Junk NonJunk OIB-Seen-INBOX Redirected)\r\n",
		want: &Flags{Flags: []string{`\Answered`, `\Flagged`, `\Draft`, `\Deleted`, `\Seen`, "$Forwarded", "$Junk", "$MailFlagBit0",
			"$NotJunk", "$NotPhishing", "$Phishing", "Junk", "NonJunk", "OIB-Seen-INBOX", "Redirected"}}},
	{name: "RFC 3501 §9 empty list", in: "* FLAGS ()\r\n", want: &Flags{Flags: []string{}}},
	{name: "Zoho \\* in FLAGS, kept", in: "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)\r\n",
		want:   &Flags{Flags: []string{`\Answered`, `\Flagged`, `\Deleted`, `\Seen`, `\Draft`, `\*`}},
		quirks: []string{"star-flag-in-flags@50"}},
	{name: "system flags in other cases, keyword case kept", in: "* FLAGS (\\SEEN \\answered \\dRaFt $junk)\r\n",
		canon: "* FLAGS (\\Seen \\Answered \\Draft $junk)\r\n",
		want:  &Flags{Flags: []string{`\Seen`, `\Answered`, `\Draft`, "$junk"}}},
	{name: "SmarterMail \\Recent (a flag-extension)", in: "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\recent)\r\n",
		canon: "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\Recent)\r\n",
		want:  &Flags{Flags: []string{`\Answered`, `\Flagged`, `\Deleted`, `\Seen`, `\Draft`, `\Recent`}}},
	{name: "extension flag kept as sent", in: "* FLAGS (\\Seen \\XCustom)\r\n", want: &Flags{Flags: []string{`\Seen`, `\XCustom`}}},
	{name: "SurgeMail space before ')'", in: "* FLAGS (\\Answered \\Flagged \\Deleted \\Draft \\Seen $Forwarded )\r\n",
		canon:  "* FLAGS (\\Answered \\Flagged \\Deleted \\Draft \\Seen $Forwarded)\r\n",
		want:   &Flags{Flags: []string{`\Answered`, `\Flagged`, `\Deleted`, `\Draft`, `\Seen`, "$Forwarded"}},
		quirks: []string{"space-before-paren@60"}},
	{name: "trailing space", in: "* FLAGS (\\Seen) \r\n", canon: "* FLAGS (\\Seen)\r\n",
		want: &Flags{Flags: []string{`\Seen`}}, quirks: []string{"trailing-space@15"}},

	{name: "RFC 3501 §6.1.2, RFC 9051 §6.1.2 example", in: "* 23 EXISTS\r\n", want: &Exists{Count: 23}},
	{name: "RFC 3501 §8 example", in: "* 18 EXISTS\r\n", want: &Exists{Count: 18}},
	{name: "EXISTS zero", in: "* 0 EXISTS\r\n", want: &Exists{}},
	{name: "EXISTS at the 32-bit limit", in: "* 4294967295 EXISTS\r\n", want: &Exists{Count: 4294967295}},
	{name: "DavMail two spaces before EXISTS", in: "*  522 EXISTS\r\n", canon: "* 522 EXISTS\r\n",
		want: &Exists{Count: 522}, quirks: []string{"extra-space@2"}},
	{name: "exists in lower case", in: "* 3 exists\r\n", canon: "* 3 EXISTS\r\n", want: &Exists{Count: 3}},
	{name: "RFC 3501 §6.1.2 RECENT", in: "* 3 RECENT\r\n", want: &Recent{Count: 3}},
	{name: "RFC 9051 §6.3.2 RECENT zero", in: "* 0 RECENT\r\n", want: &Recent{}},
	{name: "David.fx Recent in mixed case", in: "* 3 Recent\r\n", canon: "* 3 RECENT\r\n", want: &Recent{Count: 3}},
	{name: "RFC 3501 §7.4.1, RFC 9051 §7.5.1 example", in: "* 44 EXPUNGE\r\n", want: &Expunge{Seq: 44}},
	{name: "RFC 3501 §6.4.3 example", in: "* 3 EXPUNGE\r\n", want: &Expunge{Seq: 3}},
	{name: "EXPUNGE of message 1", in: "* 1 EXPUNGE\r\n", want: &Expunge{Seq: 1}},
	{name: "EXPUNGE trailing space", in: "* 1 EXPUNGE \r\n", canon: "* 1 EXPUNGE\r\n",
		want: &Expunge{Seq: 1}, quirks: []string{"trailing-space@11"}},
}

var messageErrorCases = []errorCase{
	// A flag is an atom: 8-bit bytes, which lenient reading of atoms
	// accepts elsewhere, have no wire form in one.
	{name: "8-bit keyword in FLAGS", in: "* FLAGS (Erledigt\xe2\x9c\x93)\r\n", off: 17},
	{name: "EXPUNGE of message 0", in: "* 0 EXPUNGE\r\n", off: 2},
	{name: "EXPUNGE of message 00", in: "* 00 EXPUNGE\r\n", off: 2},
	{name: "EXISTS above 32 bits", in: "* 4294967296 EXISTS\r\n", off: 2},
	{name: "EXISTS with an argument", in: "* 23 EXISTS x\r\n", off: 12},
	{name: "FLAGS without a list", in: "* FLAGS \\Seen\r\n", off: 8},
	{name: "FLAGS unclosed", in: "* FLAGS (\\Seen\r\n", off: 14},
	{name: "InterMail quoted flag", in: "* FLAGS (\"\\\\Deleted\" \\Answered)\r\n", off: 9},
	{name: "FLAGS nested list", in: "* FLAGS ((\\Seen))\r\n", off: 9},
	{name: "FLAGS nothing", in: "* FLAGS\r\n", off: 7},
	{name: "FLAGS bare backslash", in: "* FLAGS (\\)\r\n", off: 10},
}

var messageRefusals = []refuseCase{
	{name: "EXPUNGE of message 0", r: &Expunge{}},
	{name: "flag with a space", r: &Flags{Flags: []string{"OIB-Seen-[Gmail]/All Mail"}}},
	{name: "empty flag", r: &Flags{Flags: []string{""}}},
	{name: "8-bit flag", r: &Flags{Flags: []string{"Erledigt✓"}}},
}

func init() {
	allCases = append(allCases, messageCases...)
	allErrorCases = append(allErrorCases, messageErrorCases...)
}

func TestMessage(t *testing.T)         { checkCases(t, messageCases) }
func TestMessageErrors(t *testing.T)   { checkErrorCases(t, messageErrorCases) }
func TestMessageRefusals(t *testing.T) { checkRefusals(t, messageRefusals) }

// TestLenientOnly covers responses that lenient decoding accepts with a
// quirk that stays in the canonical form, and that strict decoding refuses
// without naming the quirk (Gmail's keywords with brackets: "]" ends an
// atom in strict mode, and a space is then missing).
func TestLenientOnly(t *testing.T) {
	for _, c := range []struct {
		name   string
		in     string
		want   Response
		quirks []string
		// strict is the offset where strict decoding fails.
		strict int64
	}{
		{name: "Gmail bracketed keywords (MailKit#193)",
			in: "* FLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen OIB-Seen-[Gmail]/Trash OIB-Seen-[Gmail]/Important $MailFlagBit2 OIB-Seen-Unsubscribe $Phishing $Forwarded $MDNSent OIB-Seen-INBOX JunkRecorded NotJunk $NotJunk $NotPhishing $Junk OIB-Seen-[Gmail]/All Mail OIB-Seen-[Gmail]/Spam)\r\n",
			want: &Flags{Flags: []string{`\Answered`, `\Flagged`, `\Draft`, `\Deleted`, `\Seen`, "OIB-Seen-[Gmail]/Trash",
				"OIB-Seen-[Gmail]/Important", "$MailFlagBit2", "OIB-Seen-Unsubscribe", "$Phishing", "$Forwarded", "$MDNSent",
				"OIB-Seen-INBOX", "JunkRecorded", "NotJunk", "$NotJunk", "$NotPhishing", "$Junk",
				// "OIB-Seen-[Gmail]/All Mail" has a space: two flags.
				"OIB-Seen-[Gmail]/All", "Mail", "OIB-Seen-[Gmail]/Spam"}},
			quirks: []string{"bracket-in-atom@65", "bracket-in-atom@88", "bracket-in-atom@244", "bracket-in-atom@270"}, strict: 65},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, quirks, err := decodeOne(strings.NewReader(c.in))
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if diff := cmp.Diff(c.want, got, cmpOpts...); diff != "" {
				t.Errorf("decode (-want +got):\n%s", diff)
			}
			if fmt.Sprint(quirks) != fmt.Sprint(c.quirks) {
				t.Errorf("quirks %q, want %q", quirks, c.quirks)
			}
			_, _, err = decodeOne(strings.NewReader(c.in), wire.Strict(true))
			var se *wire.SyntaxError
			if !errors.As(err, &se) || se.Offset != c.strict {
				t.Errorf("strict decode: %v, want an error at %d", err, c.strict)
			}
			b, err := Append(nil, got)
			if err != nil {
				t.Fatalf("encode: %v", err)
			}
			again, _, err := decodeOne(strings.NewReader(string(b)))
			if err != nil {
				t.Fatalf("canonical %q: %v", b, err)
			}
			if diff := cmp.Diff(got, again, cmpOpts...); diff != "" {
				t.Errorf("canonical %q decodes differently (-first +again):\n%s", b, diff)
			}
		})
	}
}
