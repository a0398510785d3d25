package response

import (
	"strings"
	"testing"

	"github.com/mailwire/imap/wire"
)

// atom, str and num are shorthands for generic values.
func atom(s string) wire.Value { return wire.Value{Kind: wire.KindAtom, Bytes: []byte(s)} }
func str(s string) wire.Value  { return wire.Value{Kind: wire.KindString, Bytes: []byte(s)} }
func num(n uint64, s string) wire.Value {
	return wire.Value{Kind: wire.KindNumber, Num: n, Bytes: []byte(s)}
}
func list(items ...wire.Value) wire.Value { return wire.Value{Kind: wire.KindList, Items: items} }

// lst is a shorthand for a LIST response without extended data.
func lst(delim byte, mailbox string, attrs ...string) *List {
	return &List{Command: "LIST", Attrs: attrs, Delim: delim, Mailbox: mailbox}
}

var subscribed = []string{"SUBSCRIBED"}

var listCases = []testCase{
	// RFC 3501 and RFC 9051 base examples.
	{name: "RFC 3501 §6.3.8, RFC 9051 §6.3.9.8 example: root of a hierarchy", in: "* LIST (\\Noselect) \"/\" \"\"\r\n",
		want: lst('/', "", `\Noselect`)},
	{name: "RFC 3501 §6.3.8 example: #news.", in: "* LIST (\\Noselect) \".\" #news.\r\n",
		want: lst('.', "#news.", `\Noselect`)},
	{name: "RFC 3501 §6.3.8, RFC 9051 §7.3.1 example", in: "* LIST (\\Noselect) \"/\" ~/Mail/foo\r\n",
		want: lst('/', "~/Mail/foo", `\Noselect`)},
	{name: "RFC 3501 §6.3.4 example", in: "* LIST () \"/\" blurdybloop\r\n", want: lst('/', "blurdybloop")},
	{name: "RFC 3501 §6.3.5 example: INBOX", in: "* LIST () \".\" INBOX.bar\r\n", want: lst('.', "INBOX.bar")},
	{name: "RFC 3501 §6.3.9 example: LSUB", in: "* LSUB () \".\" #news.comp.mail.misc\r\n",
		want: &List{Command: "LSUB", Delim: '.', Mailbox: "#news.comp.mail.misc"}},
	{name: "RFC 3501 §6.3.9 example: LSUB \\NoSelect", in: "* LSUB (\\NoSelect) \".\" #news.comp.mail\r\n",
		canon: "* LSUB (\\Noselect) \".\" #news.comp.mail\r\n",
		want:  &List{Command: "LSUB", Attrs: []string{`\Noselect`}, Delim: '.', Mailbox: "#news.comp.mail"}},
	{name: "RFC 3348 §4 example: LSUB with attributes", in: "* LSUB (\\HasChildren) \"/\" ITEM_1\r\n",
		want: &List{Command: "LSUB", Attrs: []string{`\HasChildren`}, Delim: '/', Mailbox: "ITEM_1"}},
	{name: "RFC 9051 §6.3.9.7 example", in: "* LIST (\\NonExistent) \".\" \"INBOX.DeletedMailbox\"\r\n",
		canon: "* LIST (\\NonExistent) \".\" INBOX.DeletedMailbox\r\n",
		want:  lst('.', "INBOX.DeletedMailbox", `\NonExistent`)},
	{name: "RFC 9051 §6.3.9.8 example: inbox in lower case", in: "* LIST (\\Marked \\NoInferiors) \"/\" \"inbox\"\r\n",
		canon: "* LIST (\\Marked \\Noinferiors) \"/\" INBOX\r\n", want: lst('/', "INBOX", `\Marked`, `\Noinferiors`)},
	{name: "RFC 9051 §6.3.9.8 example: \\Remote", in: "* LIST (\\Remote \\HasNoChildren) \"/\" \"Bread\"\r\n",
		canon: "* LIST (\\Remote \\HasNoChildren) \"/\" Bread\r\n", want: lst('/', "Bread", `\Remote`, `\HasNoChildren`)},
	{name: "RFC 9051 §6.3.10 example: special use on a \\NonExistent name", in: "* LIST (\\NonExistent \\Sent) \"/\" \"#mh/Sent Mail\"\r\n",
		want: lst('/', "#mh/Sent Mail", `\NonExistent`, `\Sent`)},
	{name: "RFC 2342 §5 example 5.7", in: "* LIST () \"/\" \"Other Users/Mike\"\r\n", want: lst('/', "Other Users/Mike")},

	// Extended data: OLDNAME (RFC 9051) and CHILDINFO (RFC 5258).
	{name: "RFC 9051 §6.3.4 example: OLDNAME after normalisation",
		in:    "* LIST () \"/\" \"Normalized\" (\"OLDNAME\" (\"NonNormalized\"))\r\n",
		canon: "* LIST () \"/\" Normalized (\"OLDNAME\" (NonNormalized))\r\n",
		want:  &List{Command: "LIST", Delim: '/', Mailbox: "Normalized", OldName: "NonNormalized"}},
	{name: "RFC 9051 §6.3.9.7 example: OLDNAME after RENAME",
		in:    "* LIST () \"/\" \"NewMailbox\" (\"OLDNAME\" (\"OldMailbox\"))\r\n",
		canon: "* LIST () \"/\" NewMailbox (\"OLDNAME\" (OldMailbox))\r\n",
		want:  &List{Command: "LIST", Delim: '/', Mailbox: "NewMailbox", OldName: "OldMailbox"}},
	{name: "RFC 9051 §8 example: OLDNAME of INBOX", in: "* LIST () \"/\" INBOX (\"OLDNAME\" (\"inbox\"))\r\n",
		canon: "* LIST () \"/\" INBOX (\"OLDNAME\" (INBOX))\r\n",
		want:  &List{Command: "LIST", Delim: '/', Mailbox: "INBOX", OldName: "INBOX"}},
	{name: "RFC 5258 §5 example: \\Subscribed \\NonExistent", in: "* LIST (\\Subscribed \\NonExistent) \"/\" \"Fruit/Peach\"\r\n",
		canon: "* LIST (\\Subscribed \\NonExistent) \"/\" Fruit/Peach\r\n", want: lst('/', "Fruit/Peach", `\Subscribed`, `\NonExistent`)},
	{name: "RFC 5258 §5 example: CHILDINFO",
		in:    "* LIST (\\Subscribed \\HasChildren) \"/\" \"Foo\" (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n",
		canon: "* LIST (\\Subscribed \\HasChildren) \"/\" Foo (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n",
		want:  &List{Command: "LIST", Attrs: []string{`\Subscribed`, `\HasChildren`}, Delim: '/', Mailbox: "Foo", ChildInfo: subscribed}},
	{name: "RFC 5258 §5 example: CHILDINFO of a \\NonExistent parent",
		in:    "* LIST (\\NonExistent) \"/\" \"qux2\" (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n",
		canon: "* LIST (\\NonExistent) \"/\" qux2 (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n",
		want:  &List{Command: "LIST", Attrs: []string{`\NonExistent`}, Delim: '/', Mailbox: "qux2", ChildInfo: subscribed}},
	{name: "RFC 5258 §5 example: CHILDINFO with no attribute", in: "* LIST () \"/\" \"Foo\" (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n",
		canon: "* LIST () \"/\" Foo (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n",
		want:  &List{Command: "LIST", Delim: '/', Mailbox: "Foo", ChildInfo: subscribed}},
	{name: "RFC 5258 §5 example: \\NonExistent \\HasChildren", in: "* LIST (\\NonExistent \\HasChildren) \"/\" music\r\n",
		want: lst('/', "music", `\NonExistent`, `\HasChildren`)},
	{name: "RFC 9051 §6.3.9.8 example: CHILDINFO tag unquoted", in: "* LIST () \".\" \"foo\" (CHILDINFO (\"SUBSCRIBED\"))\r\n",
		canon: "* LIST () \".\" foo (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n",
		want:  &List{Command: "LIST", Delim: '.', Mailbox: "foo", ChildInfo: subscribed}},
	{name: "CHILDINFO in lower case, two options",
		in:    "* LIST (\\NonExistent) \".\" Parent (childinfo (\"subscribed\" \"vendor.example-PINNED\"))\r\n",
		canon: "* LIST (\\NonExistent) \".\" Parent (\"CHILDINFO\" (\"SUBSCRIBED\" \"vendor.example-PINNED\"))\r\n",
		want:  &List{Command: "LIST", Attrs: []string{`\NonExistent`}, Delim: '.', Mailbox: "Parent", ChildInfo: []string{"SUBSCRIBED", "vendor.example-PINNED"}}},
	{name: "RFC 9051 §7.3.1 example: unknown extended data",
		in:    "* LIST (\\Marked) \":\" Tables (tablecloth ((\"edge\" \"lacy\") (\"color\" \"red\")) Sample \"text\")\r\n",
		canon: "* LIST (\\Marked) \":\" Tables (\"tablecloth\" ((\"edge\" \"lacy\") (\"color\" \"red\")) \"Sample\" \"text\")\r\n",
		want: &List{Command: "LIST", Attrs: []string{`\Marked`}, Delim: ':', Mailbox: "Tables", Ext: []ListExt{
			{Tag: "tablecloth", Value: list(list(str("edge"), str("lacy")), list(str("color"), str("red")))},
			{Tag: "Sample", Value: str("text")},
		}}},
	{name: "RFC 9051 §7.3.1 example: unknown extended data, second",
		in:    "* LIST () \":\" Tables:new (tablecloth (\"edge\" \"lacy\") Sample (\"text\" \"more text\"))\r\n",
		canon: "* LIST () \":\" Tables:new (\"tablecloth\" (\"edge\" \"lacy\") \"Sample\" (\"text\" \"more text\"))\r\n",
		want: &List{Command: "LIST", Delim: ':', Mailbox: "Tables:new", Ext: []ListExt{
			{Tag: "tablecloth", Value: list(str("edge"), str("lacy"))},
			{Tag: "Sample", Value: list(str("text"), str("more text"))},
		}}},
	{name: "RFC 5258 §6 vendor items",
		in:    "* LIST (\\HasNoChildren) \"/\" \"Lists\" (\"vendor.example-COLOR\" (\"red\") \"vendor.example-UNREAD\" 42)\r\n",
		canon: "* LIST (\\HasNoChildren) \"/\" Lists (\"vendor.example-COLOR\" (\"red\") \"vendor.example-UNREAD\" 42)\r\n",
		want: &List{Command: "LIST", Attrs: []string{`\HasNoChildren`}, Delim: '/', Mailbox: "Lists", Ext: []ListExt{
			{Tag: "vendor.example-COLOR", Value: list(str("red"))},
			{Tag: "vendor.example-UNREAD", Value: num(42, "42")},
		}}},
	{name: "RFC 5258 §6 CHILDINFO with a sequence set after it",
		in:    "* LIST (\\NonExistent) \".\" \"Parent\" (\"vendor.example-RANGE\" 1:5,7 CHILDINFO (\"SUBSCRIBED\"))\r\n",
		canon: "* LIST (\\NonExistent) \".\" Parent (\"CHILDINFO\" (\"SUBSCRIBED\") \"vendor.example-RANGE\" 1:5,7)\r\n",
		want: &List{Command: "LIST", Attrs: []string{`\NonExistent`}, Delim: '.', Mailbox: "Parent", ChildInfo: subscribed,
			Ext: []ListExt{{Tag: "vendor.example-RANGE", Value: atom("1:5,7")}}}},
	{name: "RFC 5258 §6 empty extended data", in: "* LIST () \"/\" \"Empty\" ()\r\n", canon: "* LIST () \"/\" Empty\r\n",
		want: lst('/', "Empty")},
	{name: "literal name, then extended data", in: "* LIST (\\HasChildren) \"/\" {7}\r\nPa (x)s (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n",
		canon: "* LIST (\\HasChildren) \"/\" \"Pa (x)s\" (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n",
		want:  &List{Command: "LIST", Attrs: []string{`\HasChildren`}, Delim: '/', Mailbox: "Pa (x)s", ChildInfo: subscribed}},
	{name: "CHILDINFO twice", in: "* LIST () \"/\" a (\"CHILDINFO\" (\"SUBSCRIBED\") \"CHILDINFO\" (\"X-OTHER\"))\r\n",
		canon: "* LIST () \"/\" a (\"CHILDINFO\" (\"SUBSCRIBED\" \"X-OTHER\"))\r\n",
		want:  &List{Command: "LIST", Delim: '/', Mailbox: "a", ChildInfo: []string{"SUBSCRIBED", "X-OTHER"}}},

	// Attributes: RFC 3348, RFC 6154, RFC 8457.
	{name: "RFC 3348 §4 example", in: "* LIST (\\HasNoChildren) \"/\" ITEM_1/ITEM_1A\r\n", want: lst('/', "ITEM_1/ITEM_1A", `\HasNoChildren`)},
	{name: "RFC 6154 §5.1 example: Inbox", in: "* LIST (\\Marked \\HasNoChildren) \"/\" Inbox\r\n",
		canon: "* LIST (\\Marked \\HasNoChildren) \"/\" INBOX\r\n", want: lst('/', "INBOX", `\Marked`, `\HasNoChildren`)},
	{name: "RFC 6154 §5.1 example: \\Sent", in: "* LIST (\\Sent \\HasNoChildren) \"/\" SentMail\r\n",
		want: lst('/', "SentMail", `\Sent`, `\HasNoChildren`)},
	{name: "RFC 6154 §5.1 example: \\Drafts", in: "* LIST (\\Marked \\Drafts \\HasNoChildren) \"/\" MyDrafts\r\n",
		want: lst('/', "MyDrafts", `\Marked`, `\Drafts`, `\HasNoChildren`)},
	{name: "RFC 6154 §5.1 example: \\Trash", in: "* LIST (\\Trash \\HasNoChildren) \"/\" Trash\r\n",
		want: lst('/', "Trash", `\Trash`, `\HasNoChildren`)},
	{name: "RFC 6154 §6 every use-attr", in: "* LIST (\\All \\Archive \\Drafts \\Flagged \\Junk \\Sent \\Trash \\XImportant \\HasNoChildren) \"/\" Everything\r\n",
		want: lst('/', "Everything", `\All`, `\Archive`, `\Drafts`, `\Flagged`, `\Junk`, `\Sent`, `\Trash`, `\XImportant`, `\HasNoChildren`)},
	{name: "RFC 8457 §3.2.1 example", in: "* LIST (\\HasNoChildren \\Important) \"/\" \"Important Messages\"\r\n",
		want: lst('/', "Important Messages", `\HasNoChildren`, `\Important`)},
	{name: "known attributes in other cases", in: "* LIST (\\NOSELECT \\hasnochildren \\UnMarked \\nonexistent \\ALL) \"/\" x\r\n",
		canon: "* LIST (\\Noselect \\HasNoChildren \\Unmarked \\NonExistent \\All) \"/\" x\r\n",
		want:  lst('/', "x", `\Noselect`, `\HasNoChildren`, `\Unmarked`, `\NonExistent`, `\All`)},

	// Real servers.
	{name: "Dovecot INBOX", in: "* LIST (\\HasNoChildren) \"/\" INBOX\r\n", want: lst('/', "INBOX", `\HasNoChildren`)},
	{name: "Dovecot, NIL delimiter style of a flat namespace", in: "* LIST (\\Noinferiors) NIL inbox\r\n",
		canon: "* LIST (\\Noinferiors) NIL INBOX\r\n", want: lst(0, "INBOX", `\Noinferiors`)},
	{name: "Gmail [Gmail]/Sent Mail", in: "* LIST (\\HasNoChildren \\Sent) \"/\" \"[Gmail]/Sent Mail\"\r\n",
		want: lst('/', "[Gmail]/Sent Mail", `\HasNoChildren`, `\Sent`)},
	{name: "Gmail [Gmail]", in: "* LIST (\\Noselect \\HasChildren) \"/\" \"[Gmail]\"\r\n",
		canon: "* LIST (\\Noselect \\HasChildren) \"/\" [Gmail]\r\n", want: lst('/', "[Gmail]", `\Noselect`, `\HasChildren`)},
	{name: "Gmail INBOX quoted", in: "* LIST (\\HasNoChildren) \"/\" \"INBOX\"\r\n",
		canon: "* LIST (\\HasNoChildren) \"/\" INBOX\r\n", want: lst('/', "INBOX", `\HasNoChildren`)},
	{name: "[Gmail]/All unquoted: a valid astring, no quirk", in: "* LIST (\\HasNoChildren \\All) \"/\" [Gmail]/All\r\n",
		want: lst('/', "[Gmail]/All", `\HasNoChildren`, `\All`)},
	{name: "Dovecot 2.2 [label]/Trash unquoted", in: "* LIST (\\HasNoChildren) \"/\" [label]/Trash\r\n",
		want: lst('/', "[label]/Trash", `\HasNoChildren`)},
	{name: "imapflow INBOX.[Airmail].Snooze, \\UnMarked", in: "* LIST (\\UnMarked) \".\" INBOX.[Airmail].Snooze\r\n",
		canon: "* LIST (\\Unmarked) \".\" INBOX.[Airmail].Snooze\r\n", want: lst('.', "INBOX.[Airmail].Snooze", `\Unmarked`)},
	{name: "Exchange Calendar/Birthdays", in: "* LIST (\\HasNoChildren) \"/\" Calendar/Birthdays\r\n",
		want: lst('/', "Calendar/Birthdays", `\HasNoChildren`)},
	{name: "Yahoo \\Inbox attribute kept as sent", in: "* LIST (\\Inbox \\HasNoChildren) \"/\" \"Inbox\"\r\n",
		canon: "* LIST (\\Inbox \\HasNoChildren) \"/\" INBOX\r\n", want: lst('/', "INBOX", `\Inbox`, `\HasNoChildren`)},
	{name: "Stalwart numeric name", in: "* LIST (\\Subscribed \\HasNoChildren \\UnMarked) \"/\" 200\r\n",
		canon: "* LIST (\\Subscribed \\HasNoChildren \\Unmarked) \"/\" 200\r\n", want: lst('/', "200", `\Subscribed`, `\HasNoChildren`, `\Unmarked`)},
	{name: "Exchange literal name with a quote", in: "* LIST (\\HasNoChildren) \"/\" {7}\r\nHell\"oh\r\n",
		canon: "* LIST (\\HasNoChildren) \"/\" \"Hell\\\"oh\"\r\n", want: lst('/', "Hell\"oh", `\HasNoChildren`)},

	// Delimiters and names.
	{name: "backslash delimiter", in: "* LIST (\\HasNoChildren) \"\\\\\" \"Work\\\\Reports\"\r\n",
		want: lst('\\', "Work\\Reports", `\HasNoChildren`)},
	{name: "quote delimiter", in: "* LIST () \"\\\"\" a\r\n", want: lst('"', "a")},
	{name: "RFC 6154 §6 special use with a NIL delimiter", in: "* LIST (\\Archive) NIL Archive\r\n", want: lst(0, "Archive", `\Archive`)},
	{name: "RFC 3501 §5.1.3 modified UTF-7 name", in: "* LIST () \"/\" ~peter/mail/&U,BTFw-/&ZeVnLIqe-\r\n",
		want: lst('/', "~peter/mail/台北/日本語")},
	{name: "RFC 9051 UTF-8 name under UTF8=ACCEPT", in: "* LIST (\\HasNoChildren) \"/\" \"Входящие/Работа\"\r\n",
		want: lst('/', "Входящие/Работа", `\HasNoChildren`), opts: []wire.Option{wire.UTF8(true)}},
	{name: "UTF-8 name without UTF8=ACCEPT", in: "* LIST (\\HasNoChildren) \"/\" \"Входящие\"\r\n",
		canon: "* LIST (\\HasNoChildren) \"/\" &BBIERQQ+BDQETwRJBDgENQ-\r\n",
		want:  lst('/', "Входящие", `\HasNoChildren`), quirks: []string{"eight-bit@29"}},
	{name: "literal name", in: "* LIST () \"/\" {15}\r\na \"quoted\" name\r\n",
		canon: "* LIST () \"/\" \"a \\\"quoted\\\" name\"\r\n", want: lst('/', "a \"quoted\" name")},
	{name: "name in lower case", in: "* list () \"/\" foo\r\n", canon: "* LIST () \"/\" foo\r\n", want: lst('/', "foo")},

	// Quirks.
	{name: "Yandex & not encoded", in: "* LIST (\\HasNoChildren) \"|\" \"Tom & Jerry\"\r\n",
		canon: "* LIST (\\HasNoChildren) \"|\" \"Tom &- Jerry\"\r\n",
		want:  lst('|', "Tom & Jerry", `\HasNoChildren`), quirks: []string{"unencoded-ampersand@33"}},
	{name: "Yandex & encoded in base64 (modern-email/defects#46)", in: "* LIST (\\HasNoChildren \\Marked) \"|\" \"&BBAEMQQyACYEMwQ0BDU-\"\r\n",
		canon: "* LIST (\\HasNoChildren \\Marked) \"|\" &BBAEMQQy-&-&BDMENAQ1-\r\n",
		want:  lst('|', "Абв&где", `\HasNoChildren`, `\Marked`), quirks: []string{"unencoded-ampersand@37"}},
	{name: "StartMail shape: unquoted wildcard in a name", in: "* LIST (\\HasNoChildren \\UnMarked) \".\" Old*Clients\r\n",
		canon: "* LIST (\\HasNoChildren \\Unmarked) \".\" \"Old*Clients\"\r\n",
		want:  lst('.', "Old*Clients", `\HasNoChildren`, `\Unmarked`), quirks: []string{"mailbox-specials@41"}},
	{name: "StartMail shape: unquoted %", in: "* LIST () \".\" 100%\r\n", canon: "* LIST () \".\" \"100%\"\r\n",
		want: lst('.', "100%"), quirks: []string{"mailbox-specials@17"}},
	{name: "GreenMail unescaped quote in a name", in: "* LIST () \".\" \"ab\"cd\"\r\n",
		canon: "* LIST () \".\" \"ab\\\"cd\"\r\n", want: lst('.', "ab\"cd"), quirks: []string{"unescaped-quote@17"}},
	{name: "RFC 5819 §3 example as printed (two spaces before the name)", in: "* LIST () \".\"  \"INBOX\"\r\n",
		canon: "* LIST () \".\" INBOX\r\n", want: lst('.', "INBOX"), quirks: []string{"extra-space@14"}},
	{name: "trailing space", in: "* LIST (\\HasNoChildren) \"/\" INBOX \r\n", canon: "* LIST (\\HasNoChildren) \"/\" INBOX\r\n",
		want: lst('/', "INBOX", `\HasNoChildren`), quirks: []string{"trailing-space@33"}},
	{name: "space before ')' of the attributes", in: "* LIST (\\HasNoChildren ) \"/\" INBOX\r\n",
		canon: "* LIST (\\HasNoChildren) \"/\" INBOX\r\n",
		want:  lst('/', "INBOX", `\HasNoChildren`), quirks: []string{"space-before-paren@22"}},
}

var listErrorCases = []errorCase{
	{name: "keyword attribute", in: "* LIST (Marked) \"/\" x\r\n", off: 8},
	{name: "bracket in an attribute", in: "* LIST (\\X]Y) \"/\" INBOX\r\n", off: 10},
	{name: "8-bit attribute", in: "* LIST (\\Gel\xc3\xb6scht) \"/\" INBOX\r\n", off: 12},
	{name: "\\* attribute", in: "* LIST (\\*) \"/\" x\r\n", off: 8},
	{name: "attributes not in a list", in: "* LIST \\Marked \"/\" x\r\n", off: 7},
	{name: "unclosed attributes", in: "* LIST (\\Marked \"/\" x\r\n", off: 16},
	{name: "two-character delimiter", in: "* LIST () \"//\" x\r\n", off: 10},
	{name: "empty delimiter", in: "* LIST () \"\" x\r\n", off: 10},
	{name: "unquoted delimiter", in: "* LIST () / x\r\n", off: 10},
	{name: "UTF-8 delimiter", in: "* LIST () \"é\" x\r\n", off: 10, opts: []wire.Option{wire.UTF8(true)}},
	{name: "no mailbox", in: "* LIST () \"/\"\r\n", off: 13},
	{name: "no mailbox, trailing space", in: "* LIST () \"/\" \r\n", off: 14},
	{name: "a second name", in: "* LIST () \"/\" foo bar\r\n", off: 18},
	{name: "mailbox with a shift for an ASCII letter", in: "* LIST () \"/\" \"&AGE-\"\r\n", off: 16},
	{name: "CHILDINFO with no option", in: "* LIST () \"/\" a (\"CHILDINFO\" ())\r\n", off: 30},
	{name: "CHILDINFO with an atom option", in: "* LIST () \"/\" a (\"CHILDINFO\" (SUBSCRIBED))\r\n", off: 30},
	{name: "CHILDINFO not a list", in: "* LIST () \"/\" a (\"CHILDINFO\" \"SUBSCRIBED\")\r\n", off: 29},
	{name: "CHILDINFO with an empty option", in: "* LIST () \"/\" a (\"CHILDINFO\" (\"\"))\r\n", off: 30},
	{name: "OLDNAME with two names", in: "* LIST () \"/\" a (\"OLDNAME\" (b c))\r\n", off: 29},
	{name: "OLDNAME with no name", in: "* LIST () \"/\" a (\"OLDNAME\" ())\r\n", off: 28},
	{name: "OLDNAME with an empty name", in: "* LIST () \"/\" a (\"OLDNAME\" (\"\"))\r\n", off: 28},
	{name: "OLDNAME twice", in: "* LIST () \"/\" a (\"OLDNAME\" (b) \"OLDNAME\" (c))\r\n", off: 31},
	{name: "extended item without a value", in: "* LIST () \"/\" a (\"X-FOO\")\r\n", off: 24},
	{name: "unclosed extended data", in: "* LIST () \"/\" a (\"X-FOO\" 1\r\n", off: 26},
}

var listRefusals = []refuseCase{
	{name: "XLIST command", r: &List{Command: "XLIST", Delim: '/', Mailbox: "INBOX"}},
	{name: "keyword attribute", r: &List{Attrs: []string{"Marked"}, Delim: '/', Mailbox: "a"}},
	{name: "\\* attribute", r: &List{Attrs: []string{`\*`}, Delim: '/', Mailbox: "a"}},
	{name: "bare backslash attribute", r: &List{Attrs: []string{`\`}, Delim: '/', Mailbox: "a"}},
	{name: "attribute with a space", r: &List{Attrs: []string{`\Has Children`}, Delim: '/', Mailbox: "a"}},
	{name: "attribute starting with a bracket", r: &List{Attrs: []string{`\]Y`}, Delim: '/', Mailbox: "a"}},
	{name: "8-bit delimiter", r: &List{Delim: 0xe9, Mailbox: "a"}},
	{name: "CR delimiter", r: &List{Delim: '\r', Mailbox: "a"}},
	{name: "empty CHILDINFO option", r: &List{Delim: '/', Mailbox: "a", ChildInfo: []string{""}}},
	{name: "8-bit CHILDINFO option", r: &List{Delim: '/', Mailbox: "a", ChildInfo: []string{"é"}}},
	{name: "long CHILDINFO option", r: &List{Delim: '/', Mailbox: "a", ChildInfo: []string{strings.Repeat("x", 1025)}}},
	{name: "generic CHILDINFO", r: &List{Delim: '/', Mailbox: "a", Ext: []ListExt{{Tag: "childinfo", Value: list(str("SUBSCRIBED"))}}}},
	{name: "generic OLDNAME", r: &List{Delim: '/', Mailbox: "a", Ext: []ListExt{{Tag: "OldName", Value: list(atom("b"))}}}},
	{name: "extended item without a value", r: &List{Delim: '/', Mailbox: "a", Ext: []ListExt{{Tag: "X-FOO"}}}},
}

func init() {
	allCases = append(allCases, listCases...)
	allErrorCases = append(allErrorCases, listErrorCases...)
}

func TestList(t *testing.T)         { checkCases(t, listCases) }
func TestListErrors(t *testing.T)   { checkErrorCases(t, listErrorCases) }
func TestListRefusals(t *testing.T) { checkRefusals(t, listRefusals) }

func TestListKind(t *testing.T) {
	for _, tc := range []struct{ command, want string }{{"", "LIST"}, {"LIST", "LIST"}, {"LSUB", "LSUB"}} {
		if got := (&List{Command: tc.command}).Kind(); got != tc.want {
			t.Errorf("Kind of Command %q = %q, want %q", tc.command, got, tc.want)
		}
	}
	// The zero Command writes LIST.
	b, err := Append(nil, &List{Delim: '/', Mailbox: "INBOX"})
	if err != nil || string(b) != "* LIST () \"/\" INBOX\r\n" {
		t.Errorf("Append: %q, %v", b, err)
	}
}

func TestListHasUnknown(t *testing.T) {
	if (&List{ChildInfo: subscribed, OldName: "a"}).hasUnknown() {
		t.Error("typed extended data reported as unknown")
	}
	if !(&List{Ext: []ListExt{{Tag: "X", Value: atom("y")}}}).hasUnknown() {
		t.Error("generic extended data not reported")
	}
}
