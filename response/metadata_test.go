package response

import (
	"testing"

	"github.com/mailwire/imap/literal"
	"github.com/mailwire/imap/wire"
)

var metadataCases = []testCase{
	{name: "RFC 5464 §4.2 example", in: "* METADATA \"\" (/shared/comment \"Shared comment\")\r\n",
		want: &Metadata{Entries: []MetadataEntry{{"/shared/comment", wire.Str("Shared comment")}}}},
	{name: "RFC 5464 §4.2 example 2", in: "* METADATA \"INBOX\" (/private/comment \"My own comment\")\r\n",
		canon: "* METADATA INBOX (/private/comment \"My own comment\")\r\n",
		want:  &Metadata{Mailbox: "INBOX", Entries: []MetadataEntry{{"/private/comment", wire.Str("My own comment")}}}},
	{name: "RFC 5464 §4.2 example 3", in: "* METADATA \"INBOX\" (/shared/comment \"Shared comment\" /private/comment \"My own comment\")\r\n",
		canon: "* METADATA INBOX (/shared/comment \"Shared comment\" /private/comment \"My own comment\")\r\n",
		want: &Metadata{Mailbox: "INBOX", Entries: []MetadataEntry{
			{"/shared/comment", wire.Str("Shared comment")}, {"/private/comment", wire.Str("My own comment")}}}},
	{name: "RFC 5464 §4.2.2 example", in: "* METADATA \"INBOX\" (/private/filters/values/small \"SMALLER 5000\" /private/filters/values/boss \"FROM \\\"boss@example.com\\\"\")\r\n",
		canon: "* METADATA INBOX (/private/filters/values/small \"SMALLER 5000\" /private/filters/values/boss \"FROM \\\"boss@example.com\\\"\")\r\n",
		want: &Metadata{Mailbox: "INBOX", Entries: []MetadataEntry{
			{"/private/filters/values/small", wire.Str("SMALLER 5000")},
			{"/private/filters/values/boss", wire.Str("FROM \"boss@example.com\"")}}}},
	{name: "RFC 5464 §4.4.1 example", in: "* METADATA \"\" (/shared/comment \"My comment\")\r\n",
		want: &Metadata{Entries: []MetadataEntry{{"/shared/comment", wire.Str("My comment")}}}},
	{name: "RFC 5464 §4.4.1 example 2", in: "* METADATA \"INBOX\" (/private/comment \"My comment\" /shared/comment \"Its sunny outside!\")\r\n",
		canon: "* METADATA INBOX (/private/comment \"My comment\" /shared/comment \"Its sunny outside!\")\r\n",
		want: &Metadata{Mailbox: "INBOX", Entries: []MetadataEntry{
			{"/private/comment", wire.Str("My comment")}, {"/shared/comment", wire.Str("Its sunny outside!")}}}},
	{name: "RFC 5464 §4.4.2 example", in: "* METADATA \"\" /shared/comment\r\n",
		want: &Metadata{Names: []string{"/shared/comment"}}},
	{name: "RFC 5464 §4.4.2 example 2", in: "* METADATA \"INBOX\" /shared/comment /private/comment\r\n",
		canon: "* METADATA INBOX /shared/comment /private/comment\r\n",
		want:  &Metadata{Mailbox: "INBOX", Names: []string{"/shared/comment", "/private/comment"}}},
	{name: "RFC 5464 §4.3 value as a literal over two lines", in: "* METADATA INBOX (/private/comment {35}\r\nMy new comment across\r\ntwo lines.\r\n)\r\n",
		want: &Metadata{Mailbox: "INBOX", Entries: []MetadataEntry{{"/private/comment", wire.Str("My new comment across\r\ntwo lines.\r\n")}}}},
	{name: "RFC 5464 §5 value as a literal8", in: "* METADATA \"INBOX\" (/private/vendor/example/blob ~{5}\r\nab cd)\r\n",
		canon: "* METADATA INBOX (/private/vendor/example/blob \"ab cd\")\r\n",
		want:  &Metadata{Mailbox: "INBOX", Entries: []MetadataEntry{{"/private/vendor/example/blob", wire.Str("ab cd")}}}},
	{name: "RFC 5464 §5 binary value as a literal8, BINARY", in: "* METADATA INBOX (/private/vendor/example/blob ~{3}\r\na\x00b)\r\n",
		want: &Metadata{Mailbox: "INBOX", Entries: []MetadataEntry{{"/private/vendor/example/blob", wire.Str("a\x00b")}}},
		opts: []wire.Option{wire.LiteralPolicy(literal.Policy{Binary: true})}},
	{name: "RFC 5464 §5 NIL value", in: "* METADATA \"INBOX\" (/private/comment NIL)\r\n",
		canon: "* METADATA INBOX (/private/comment NIL)\r\n",
		want:  &Metadata{Mailbox: "INBOX", Entries: []MetadataEntry{{"/private/comment", wire.NString{}}}}},
	{name: "RFC 6154 §5.4 example", in: "* METADATA \"MyDrafts\" (/private/specialuse \"\\\\Drafts\")\r\n",
		canon: "* METADATA MyDrafts (/private/specialuse \"\\\\Drafts\")\r\n",
		want:  &Metadata{Mailbox: "MyDrafts", Entries: []MetadataEntry{{"/private/specialuse", wire.Str("\\Drafts")}}}},
	{name: "RFC 6154 §5.4 example 2", in: "* METADATA \"MyDrafts\" (/private/specialuse NIL)\r\n",
		canon: "* METADATA MyDrafts (/private/specialuse NIL)\r\n",
		want:  &Metadata{Mailbox: "MyDrafts", Entries: []MetadataEntry{{"/private/specialuse", wire.NString{}}}}},
	{name: "Dovecot 2.3 GETMETADATA, values as literals",
		in:    "* METADATA INBOX (/private/comment {10}\r\nMy comment /shared/comment {7}\r\nab\r\ncde /private/nothing NIL)\r\n",
		canon: "* METADATA INBOX (/private/comment \"My comment\" /shared/comment {7}\r\nab\r\ncde /private/nothing NIL)\r\n",
		want: &Metadata{Mailbox: "INBOX", Entries: []MetadataEntry{
			{"/private/comment", wire.Str("My comment")}, {"/shared/comment", wire.Str("ab\r\ncde")}, {"/private/nothing", wire.NString{}}}}},
	{name: "Dovecot 2.3 GETMETADATA server entry", in: "* METADATA \"\" (/shared/comment NIL)\r\n",
		want: &Metadata{Entries: []MetadataEntry{{"/shared/comment", wire.NString{}}}}},
	{name: "empty value, quoted entry name", in: "* METADATA INBOX (\"/shared/a b\" \"\")\r\n",
		want: &Metadata{Mailbox: "INBOX", Entries: []MetadataEntry{{"/shared/a b", wire.Str("")}}}},
	{name: "entry list, trailing space", in: "* METADATA INBOX /shared/comment \r\n", canon: "* METADATA INBOX /shared/comment\r\n",
		want: &Metadata{Mailbox: "INBOX", Names: []string{"/shared/comment"}}, quirks: []string{"trailing-space@32"}},
	{name: "space before paren", in: "* METADATA INBOX (/shared/comment NIL )\r\n", canon: "* METADATA INBOX (/shared/comment NIL)\r\n",
		want: &Metadata{Mailbox: "INBOX", Entries: []MetadataEntry{{"/shared/comment", wire.NString{}}}}, quirks: []string{"space-before-paren@37"}},
}

var metadataErrorCases = []errorCase{
	{name: "no entries", in: "* METADATA INBOX\r\n", off: int64(len("* METADATA INBOX"))},
	{name: "empty entry values", in: "* METADATA INBOX ()\r\n", off: int64(len("* METADATA INBOX "))},
	{name: "entry without value", in: "* METADATA INBOX (/shared/comment)\r\n", off: int64(len("* METADATA INBOX (/shared/comment"))},
	{name: "value an atom", in: "* METADATA INBOX (/shared/comment abc)\r\n", off: int64(len("* METADATA INBOX (/shared/comment "))},
	{name: "names then values", in: "* METADATA INBOX /shared/comment (/a NIL)\r\n", off: int64(len("* METADATA INBOX /shared/comment "))},
	{name: "values then names", in: "* METADATA INBOX (/a NIL) /b\r\n", off: int64(len("* METADATA INBOX (/a NIL) "))},
	{name: "no mailbox", in: "* METADATA\r\n", off: int64(len("* METADATA"))},
}

func init() {
	allCases = append(allCases, metadataCases...)
	allErrorCases = append(allErrorCases, metadataErrorCases...)
}

func TestMetadata(t *testing.T)       { checkCases(t, metadataCases) }
func TestMetadataErrors(t *testing.T) { checkErrorCases(t, metadataErrorCases) }

func TestMetadataEncodeRefuses(t *testing.T) {
	for _, r := range []*Metadata{
		{Mailbox: "INBOX"},
		{Mailbox: "INBOX", Names: []string{"/a"}, Entries: []MetadataEntry{{"/b", wire.NString{}}}},
		// A NUL needs literal8, which the Encoder's policy does not allow.
		{Mailbox: "INBOX", Entries: []MetadataEntry{{"/b", wire.Str("a\x00b")}}},
	} {
		if b, err := encodeOne(r); err == nil {
			t.Errorf("%#v encoded as %q, want an error", r, b)
		}
	}
}
