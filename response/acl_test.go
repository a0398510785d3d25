package response

import (
	"testing"

	"github.com/mailwire/imap/wire"
)

var aclCases = []testCase{
	{name: "RFC 4314 §3.1 example", in: "* ACL INBOX/Drafts Fred rwipslxetad Chris lrswi\r\n",
		want: &ACL{Mailbox: "INBOX/Drafts", Entries: []ACLEntry{{"Fred", "rwipslxetad"}, {"Chris", "lrswi"}}}},
	{name: "RFC 4314 §3.1 example 2", in: "* ACL INBOX/Drafts Fred rwipslxetad Chris lrswicdakxet\r\n",
		want: &ACL{Mailbox: "INBOX/Drafts", Entries: []ACLEntry{{"Fred", "rwipslxetad"}, {"Chris", "lrswicdakxet"}}}},
	{name: "RFC 4314 §3.2 example, negative rights and a group", in: "* ACL INBOX Fred rwipslxetad -Fred wetd $team w\r\n",
		want: &ACL{Mailbox: "INBOX", Entries: []ACLEntry{{"Fred", "rwipslxetad"}, {"-Fred", "wetd"}, {"$team", "w"}}}},
	{name: "RFC 4314 §3.2 example 2", in: "* ACL INBOX -Fred wetd $team w\r\n",
		want: &ACL{Mailbox: "INBOX", Entries: []ACLEntry{{"-Fred", "wetd"}, {"$team", "w"}}}},
	{name: "RFC 4314 §3.3 example", in: "* ACL INBOX Fred rwipsldexta\r\n",
		want: &ACL{Mailbox: "INBOX", Entries: []ACLEntry{{"Fred", "rwipsldexta"}}}},
	{name: "RFC 4314 §2.1.1 example", in: "* ACL INBOX Fred rwipslxcetda David lrswideta\r\n",
		want: &ACL{Mailbox: "INBOX", Entries: []ACLEntry{{"Fred", "rwipslxcetda"}, {"David", "lrswideta"}}}},
	{name: "RFC 4314 §2.1.1 example 2", in: "* ACL INBOX Fred rwipslxcetda Byron lrswikcdeta\r\n",
		want: &ACL{Mailbox: "INBOX", Entries: []ACLEntry{{"Fred", "rwipslxcetda"}, {"Byron", "lrswikcdeta"}}}},
	{name: "RFC 4314 §7 no entries", in: "* ACL \"Shared/Empty\"\r\n", canon: "* ACL Shared/Empty\r\n",
		want: &ACL{Mailbox: "Shared/Empty"}},
	{name: "RFC 4314 §7 strings and a literal", in: "* ACL \"INBOX\" \"anyone\" \"lr\" {11}\r\nfred@ex.com \"lrswipkxtea\"\r\n",
		canon: "* ACL INBOX anyone lr fred@ex.com lrswipkxtea\r\n",
		want:  &ACL{Mailbox: "INBOX", Entries: []ACLEntry{{"anyone", "lr"}, {"fred@ex.com", "lrswipkxtea"}}}},
	{name: "RFC 4314 §2 digits and empty rights", in: "* ACL INBOX site 0129 nobody \"\"\r\n",
		want: &ACL{Mailbox: "INBOX", Entries: []ACLEntry{{"site", "0129"}, {"nobody", ""}}}},
	{name: "RFC 4314 §2 UTF-8 identifier", in: "* ACL INBOX \"J\xc3\xb6rg\" lr\r\n", canon: "* ACL INBOX {5}\r\nJ\xc3\xb6rg lr\r\n",
		want: &ACL{Mailbox: "INBOX", Entries: []ACLEntry{{"J\xc3\xb6rg", "lr"}}}, quirks: []string{"eight-bit@14"}},
	{name: "RFC 4314 §2 UTF-8 identifier under UTF8=ACCEPT", in: "* ACL INBOX \"J\xc3\xb6rg\" lr\r\n",
		want: &ACL{Mailbox: "INBOX", Entries: []ACLEntry{{"J\xc3\xb6rg", "lr"}}}, opts: []wire.Option{wire.UTF8(true)}},
	{name: "Dovecot 2.3 acl plugin", in: "* ACL INBOX test lrwstipekxacd\r\n",
		want: &ACL{Mailbox: "INBOX", Entries: []ACLEntry{{"test", "lrwstipekxacd"}}}},
	{name: "Dovecot 2.3 acl plugin, negative group rights", in: "* ACL INBOX -group=x w test lrwstipekxacd\r\n",
		want: &ACL{Mailbox: "INBOX", Entries: []ACLEntry{{"-group=x", "w"}, {"test", "lrwstipekxacd"}}}},
	{name: "ACL trailing space", in: "* ACL INBOX fred lr \r\n", canon: "* ACL INBOX fred lr\r\n",
		want: &ACL{Mailbox: "INBOX", Entries: []ACLEntry{{"fred", "lr"}}}, quirks: []string{"trailing-space@19"}},

	{name: "RFC 4314 §2.1.1 LISTRIGHTS example", in: "* LISTRIGHTS archive/imap anyone \"\" lr s w i p k x t c d\r\n",
		want: &ListRights{Mailbox: "archive/imap", Identifier: "anyone", Required: "",
			Optional: []string{"lr", "s", "w", "i", "p", "k", "x", "t", "c", "d"}}},
	{name: "RFC 4314 §2.1.1 LISTRIGHTS example 2", in: "* LISTRIGHTS archive/imap anyone \"\" lr s w i p k xte c d\r\n",
		want: &ListRights{Mailbox: "archive/imap", Identifier: "anyone", Required: "",
			Optional: []string{"lr", "s", "w", "i", "p", "k", "xte", "c", "d"}}},
	{name: "RFC 4314 §2.1.1 LISTRIGHTS example 3", in: "* LISTRIGHTS archive/imap anyone \"\" lr s w i p k c x te d\r\n",
		want: &ListRights{Mailbox: "archive/imap", Identifier: "anyone", Required: "",
			Optional: []string{"lr", "s", "w", "i", "p", "k", "c", "x", "te", "d"}}},
	{name: "RFC 4314 §2.1.1 LISTRIGHTS example 4", in: "* LISTRIGHTS archive/imap anyone \"\" lr swted i p k x c\r\n",
		want: &ListRights{Mailbox: "archive/imap", Identifier: "anyone", Required: "",
			Optional: []string{"lr", "swted", "i", "p", "k", "x", "c"}}},
	{name: "RFC 4314 §3.4 example", in: "* LISTRIGHTS ~/Mail/saved smith la r swicdkxte\r\n",
		want: &ListRights{Mailbox: "~/Mail/saved", Identifier: "smith", Required: "la", Optional: []string{"r", "swicdkxte"}}},
	{name: "RFC 4314 §3.4 example 2", in: "* LISTRIGHTS archive.imap anyone \"\" l r s w i p k x t e c d a 0 1 2 3 4 5 6 7 8 9\r\n",
		want: &ListRights{Mailbox: "archive.imap", Identifier: "anyone", Required: "",
			Optional: []string{"l", "r", "s", "w", "i", "p", "k", "x", "t", "e", "c", "d", "a", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}}},
	{name: "RFC 4314 §7 LISTRIGHTS without optional rights", in: "* LISTRIGHTS INBOX fred \"lrswipkxtea\"\r\n",
		canon: "* LISTRIGHTS INBOX fred lrswipkxtea\r\n",
		want:  &ListRights{Mailbox: "INBOX", Identifier: "fred", Required: "lrswipkxtea"}},
	{name: "Dovecot 2.3 LISTRIGHTS", in: "* LISTRIGHTS INBOX anyone \"\" l r w s t p i e k x a c d\r\n",
		want: &ListRights{Mailbox: "INBOX", Identifier: "anyone", Required: "",
			Optional: []string{"l", "r", "w", "s", "t", "p", "i", "e", "k", "x", "a", "c", "d"}}},

	{name: "RFC 4314 §4 MYRIGHTS example", in: "* MYRIGHTS TargetMailbox rwis\r\n",
		want: &MyRights{Mailbox: "TargetMailbox", Rights: "rwis"}},
	{name: "RFC 4314 §4 MYRIGHTS example 2", in: "* MYRIGHTS TargetMailbox rsti\r\n",
		want: &MyRights{Mailbox: "TargetMailbox", Rights: "rsti"}},
	{name: "RFC 4314 §5.1.1 MYRIGHTS example", in: "* MYRIGHTS INBOX lrwis\r\n",
		want: &MyRights{Mailbox: "INBOX", Rights: "lrwis"}},
	{name: "RFC 4314 §3.5 example", in: "* MYRIGHTS INBOX rwiptsldaex\r\n",
		want: &MyRights{Mailbox: "INBOX", Rights: "rwiptsldaex"}},
	{name: "RFC 4314 §7 MYRIGHTS with empty rights", in: "* MYRIGHTS \"Other Users/Mike\" \"\"\r\n",
		want: &MyRights{Mailbox: "Other Users/Mike", Rights: ""}},
	{name: "Dovecot 2.3 MYRIGHTS", in: "* MYRIGHTS INBOX lrwstipekxacd\r\n",
		want: &MyRights{Mailbox: "INBOX", Rights: "lrwstipekxacd"}},
}

var aclErrorCases = []errorCase{
	{name: "upper-case rights", in: "* ACL INBOX fred LR\r\n", off: int64(len("* ACL INBOX fred "))},
	{name: "rights with a sign", in: "* ACL INBOX fred +lr\r\n", off: int64(len("* ACL INBOX fred "))},
	{name: "identifier without rights", in: "* ACL INBOX fred\r\n", off: int64(len("* ACL INBOX fred"))},
	{name: "ACL without mailbox", in: "* ACL\r\n", off: int64(len("* ACL"))},
	{name: "LISTRIGHTS without required rights", in: "* LISTRIGHTS INBOX fred\r\n", off: int64(len("* LISTRIGHTS INBOX fred"))},
	{name: "LISTRIGHTS bad optional rights", in: "* LISTRIGHTS INBOX fred \"\" l R\r\n", off: int64(len("* LISTRIGHTS INBOX fred \"\" l "))},
	{name: "MYRIGHTS without rights", in: "* MYRIGHTS INBOX\r\n", off: int64(len("* MYRIGHTS INBOX"))},
	{name: "MYRIGHTS twice", in: "* MYRIGHTS INBOX lr lr\r\n", off: int64(len("* MYRIGHTS INBOX lr "))},
	{name: "MYRIGHTS list", in: "* MYRIGHTS INBOX (lr)\r\n", off: int64(len("* MYRIGHTS INBOX "))},
}

func init() {
	allCases = append(allCases, aclCases...)
	allErrorCases = append(allErrorCases, aclErrorCases...)
}

func TestACL(t *testing.T)       { checkCases(t, aclCases) }
func TestACLErrors(t *testing.T) { checkErrorCases(t, aclErrorCases) }

func TestACLEncodeRefuses(t *testing.T) {
	checkRefused(t,
		&ACL{Mailbox: "INBOX", Entries: []ACLEntry{{"fred", "lR"}}},
		&ListRights{Mailbox: "INBOX", Identifier: "fred", Required: "l", Optional: []string{"a b"}},
		&ListRights{Mailbox: "INBOX", Identifier: "fred", Required: "-l"},
		&MyRights{Mailbox: "INBOX", Rights: "é"},
	)
}
