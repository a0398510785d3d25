package response

import (
	"testing"

	"github.com/mailwire/imap/wire"
)

// ns is a shorthand for a namespace description without extensions.
func ns(prefix string, delim byte) NamespaceDescr {
	return NamespaceDescr{Prefix: prefix, Delim: delim}
}

var namespaceCases = []testCase{
	{name: "RFC 2342 §5 example 5.1, RFC 9051 §6.3.10 example 1", in: "* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n",
		want: &Namespace{Personal: []NamespaceDescr{ns("", '/')}}},
	{name: "RFC 2342 §5 example 5.2, RFC 9051 §6.3.10 example 2", in: "* NAMESPACE NIL NIL ((\"\" \".\"))\r\n",
		want: &Namespace{Shared: []NamespaceDescr{ns("", '.')}}},
	{name: "RFC 2342 §5 example 5.3, RFC 9051 §6.3.10 example 3", in: "* NAMESPACE ((\"\" \"/\")) NIL ((\"Public Folders/\" \"/\"))\r\n",
		want: &Namespace{Personal: []NamespaceDescr{ns("", '/')}, Shared: []NamespaceDescr{ns("Public Folders/", '/')}}},
	{name: "RFC 2342 §5 example 5.4",
		in: "* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) ((\"#shared/\" \"/\")(\"#public/\" \"/\")(\"#ftp/\" \"/\")(\"#news.\" \".\"))\r\n",
		want: &Namespace{
			Personal: []NamespaceDescr{ns("", '/')},
			Other:    []NamespaceDescr{ns("~", '/')},
			Shared:   []NamespaceDescr{ns("#shared/", '/'), ns("#public/", '/'), ns("#ftp/", '/'), ns("#news.", '.')},
		}},
	{name: "RFC 2342 §5 example 5.5 (two spaces before the last NIL, as printed)",
		in: "* NAMESPACE ((\"INBOX.\" \".\")) NIL  NIL\r\n", canon: "* NAMESPACE ((\"INBOX.\" \".\")) NIL NIL\r\n",
		want: &Namespace{Personal: []NamespaceDescr{ns("INBOX.", '.')}}, quirks: []string{"extra-space@33"}},
	{name: "RFC 2342 §5 example 5.6",
		in: "* NAMESPACE ((\"\" \"/\")(\"#mh/\" \"/\" \"X-PARAM\" (\"FLAG1\" \"FLAG2\"))) NIL NIL\r\n",
		want: &Namespace{Personal: []NamespaceDescr{
			ns("", '/'),
			{Prefix: "#mh/", Delim: '/', Ext: []NamespaceExt{{Name: "X-PARAM", Values: []string{"FLAG1", "FLAG2"}}}},
		}}},
	{name: "RFC 2342 §5 example 5.7", in: "* NAMESPACE ((\"\" \"/\")) ((\"Other Users/\" \"/\")) NIL\r\n",
		want: &Namespace{Personal: []NamespaceDescr{ns("", '/')}, Other: []NamespaceDescr{ns("Other Users/", '/')}}},
	{name: "RFC 2342 §5 example 5.8", in: "* NAMESPACE ((\"\" \"/\")) ((\"#Users/\" \"/\")) NIL\r\n",
		want: &Namespace{Personal: []NamespaceDescr{ns("", '/')}, Other: []NamespaceDescr{ns("#Users/", '/')}}},
	{name: "RFC 2342 §5 example 5.9", in: "* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) NIL\r\n",
		want: &Namespace{Personal: []NamespaceDescr{ns("", '/')}, Other: []NamespaceDescr{ns("~", '/')}}},
	{name: "RFC 5255 §3.4 example (TRANSLATION, kept in modified UTF-7)",
		in: "* NAMESPACE ((\"\" \"/\")) ((\"Other Users/\" \"/\" \"TRANSLATION\" (\"Andere Ben&APw-tzer/\"))) " +
			"((\"Public Folders/\" \"/\" \"TRANSLATION\" (\"Gemeinsame Postf&AM8-cher/\")))\r\n",
		want: &Namespace{
			Personal: []NamespaceDescr{ns("", '/')},
			Other: []NamespaceDescr{{Prefix: "Other Users/", Delim: '/',
				Ext: []NamespaceExt{{Name: "TRANSLATION", Values: []string{"Andere Ben&APw-tzer/"}}}}},
			Shared: []NamespaceDescr{{Prefix: "Public Folders/", Delim: '/',
				Ext: []NamespaceExt{{Name: "TRANSLATION", Values: []string{"Gemeinsame Postf&AM8-cher/"}}}}},
		}},
	{name: "Dovecot default", in: "* NAMESPACE ((\"\" \".\")) NIL NIL\r\n",
		want: &Namespace{Personal: []NamespaceDescr{ns("", '.')}}},
	{name: "Cyrus shape (INBOX. prefix, other users and shared)",
		in:   "* NAMESPACE ((\"INBOX.\" \".\")) ((\"user.\" \".\")) ((\"\" \".\"))\r\n",
		want: &Namespace{Personal: []NamespaceDescr{ns("INBOX.", '.')}, Other: []NamespaceDescr{ns("user.", '.')}, Shared: []NamespaceDescr{ns("", '.')}}},
	{name: "RFC 2342 §6 no namespace at all", in: "* NAMESPACE NIL NIL NIL\r\n", want: &Namespace{}},
	{name: "RFC 2342 §6 NIL delimiter", in: "* NAMESPACE ((\"\" NIL)) NIL NIL\r\n",
		want: &Namespace{Personal: []NamespaceDescr{ns("", 0)}}},
	{name: "escaped delimiter", in: "* NAMESPACE ((\"Quote\\\"d\\\\\" \"\\\\\")) nil nil\r\n",
		canon: "* NAMESPACE ((\"Quote\\\"d\\\\\" \"\\\\\")) NIL NIL\r\n",
		want:  &Namespace{Personal: []NamespaceDescr{ns("Quote\"d\\", '\\')}}},
	{name: "literal prefix", in: "* NAMESPACE (({6}\r\nINBOX. \".\")) NIL NIL\r\n",
		canon: "* NAMESPACE ((\"INBOX.\" \".\")) NIL NIL\r\n", want: &Namespace{Personal: []NamespaceDescr{ns("INBOX.", '.')}}},
	{name: "modified UTF-7 prefix kept as sent", in: "* NAMESPACE ((\"\" \"/\")) ((\"&BBQEQAQzBDgENQ- &BD8EPgQ7BEwENwQ+BDIEMARCBDUEOwQ4-/\" \"/\")) NIL\r\n",
		want: &Namespace{Personal: []NamespaceDescr{ns("", '/')},
			Other: []NamespaceDescr{ns("&BBQEQAQzBDgENQ- &BD8EPgQ7BEwENwQ+BDIEMARCBDUEOwQ4-/", '/')}}},
	{name: "RFC 9051 §9 UTF-8 prefix under UTF8=ACCEPT", in: "* NAMESPACE ((\"\" \"/\")) ((\"Другие пользователи/\" \"/\")) NIL\r\n",
		want: &Namespace{Personal: []NamespaceDescr{ns("", '/')}, Other: []NamespaceDescr{ns("Другие пользователи/", '/')}},
		opts: []wire.Option{wire.UTF8(true)}},
	{name: "UTF-8 prefix without UTF8=ACCEPT", in: "* NAMESPACE ((\"\" \"/\")) ((\"Другие пользователи/\" \"/\")) NIL\r\n",
		canon:  "* NAMESPACE ((\"\" \"/\")) (({38}\r\nДругие пользователи/ \"/\")) NIL\r\n",
		want:   &Namespace{Personal: []NamespaceDescr{ns("", '/')}, Other: []NamespaceDescr{ns("Другие пользователи/", '/')}},
		quirks: []string{"eight-bit@26"}},
	{name: "space before the ')' of a description", in: "* NAMESPACE ((\"\" \"/\" )) NIL NIL\r\n",
		canon: "* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n",
		want:  &Namespace{Personal: []NamespaceDescr{ns("", '/')}}, quirks: []string{"space-before-paren@20"}},
	{name: "trailing space", in: "* NAMESPACE ((\"\" \"/\")) NIL NIL \r\n", canon: "* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n",
		want: &Namespace{Personal: []NamespaceDescr{ns("", '/')}}, quirks: []string{"trailing-space@30"}},
}

var namespaceErrorCases = []errorCase{
	{name: "two namespaces", in: "* NAMESPACE ((\"\" \"/\")) NIL\r\n", off: 26},
	{name: "empty namespace list", in: "* NAMESPACE () NIL NIL\r\n", off: 13},
	{name: "space between descriptions", in: "* NAMESPACE ((\"\" \"/\") (\"x\" \"/\")) NIL NIL\r\n", off: 21},
	{name: "NIL prefix", in: "* NAMESPACE ((NIL \"/\")) NIL NIL\r\n", off: 14},
	{name: "atom prefix", in: "* NAMESPACE ((INBOX. \".\")) NIL NIL\r\n", off: 14},
	{name: "two-character delimiter", in: "* NAMESPACE ((\"\" \"//\")) NIL NIL\r\n", off: 17},
	{name: "empty delimiter", in: "* NAMESPACE ((\"\" \"\")) NIL NIL\r\n", off: 17},
	{name: "unquoted delimiter", in: "* NAMESPACE ((\"\" /)) NIL NIL\r\n", off: 17},
	{name: "extension without values", in: "* NAMESPACE ((\"\" \"/\" \"X-PARAM\")) NIL NIL\r\n", off: 30},
	{name: "extension with an empty list", in: "* NAMESPACE ((\"\" \"/\" \"X-PARAM\" ())) NIL NIL\r\n", off: 32},
	{name: "extension with an atom value", in: "* NAMESPACE ((\"\" \"/\" \"X-PARAM\" (FLAG1))) NIL NIL\r\n", off: 32},
	{name: "a string instead of a namespace", in: "* NAMESPACE \"\" NIL NIL\r\n", off: 12},
	{name: "a description outside a list", in: "* NAMESPACE (\"\" \"/\") NIL NIL\r\n", off: 13},
}

var namespaceRefusals = []refuseCase{
	{name: "empty, not nil, personal list", r: &Namespace{Personal: []NamespaceDescr{}}},
	{name: "empty, not nil, shared list", r: &Namespace{Personal: []NamespaceDescr{ns("", '/')}, Shared: []NamespaceDescr{}}},
	{name: "extension without values", r: &Namespace{Personal: []NamespaceDescr{{Prefix: "", Delim: '/', Ext: []NamespaceExt{{Name: "X-PARAM"}}}}}},
	{name: "8-bit delimiter", r: &Namespace{Personal: []NamespaceDescr{ns("", 0xe9)}}},
	{name: "line feed delimiter", r: &Namespace{Personal: []NamespaceDescr{ns("", '\n')}}},
}

func init() {
	allCases = append(allCases, namespaceCases...)
	allErrorCases = append(allErrorCases, namespaceErrorCases...)
}

func TestNamespace(t *testing.T)         { checkCases(t, namespaceCases) }
func TestNamespaceErrors(t *testing.T)   { checkErrorCases(t, namespaceErrorCases) }
func TestNamespaceRefusals(t *testing.T) { checkRefusals(t, namespaceRefusals) }
