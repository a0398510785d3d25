package response

import (
	"strings"
	"testing"

	"github.com/mailwire/imap/wire"
)

// item is a shorthand for a numeric status item.
func item(name string, v uint64) StatusItem { return StatusItem{Name: name, Value: v} }

var mailboxStatusCases = []testCase{
	{name: "RFC 3501 §6.3.10, RFC 9051 §6.3.11 example", in: "* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\n",
		want: &MailboxStatus{Mailbox: "blurdybloop", Items: []StatusItem{item("MESSAGES", 231), item("UIDNEXT", 44292)}}},
	{name: "RFC 5819 §3 example", in: "* STATUS \"INBOX\" (MESSAGES 17 UNSEEN 16)\r\n",
		canon: "* STATUS INBOX (MESSAGES 17 UNSEEN 16)\r\n",
		want:  &MailboxStatus{Mailbox: "INBOX", Items: []StatusItem{item("MESSAGES", 17), item("UNSEEN", 16)}}},
	{name: "RFC 5819 §3 example, second", in: "* STATUS \"foo\" (MESSAGES 30 UNSEEN 29)\r\n",
		canon: "* STATUS foo (MESSAGES 30 UNSEEN 29)\r\n",
		want:  &MailboxStatus{Mailbox: "foo", Items: []StatusItem{item("MESSAGES", 30), item("UNSEEN", 29)}}},
	{name: "RFC 8438 §3 example", in: "* STATUS frop (MESSAGES 8 SIZE 44421 UIDNEXT 242344)\r\n",
		want: &MailboxStatus{Mailbox: "frop", Items: []StatusItem{item("MESSAGES", 8), item("SIZE", 44421), item("UIDNEXT", 242344)}}},
	{name: "RFC 8438 §4 SIZE at the number64 limit", in: "* STATUS Archive (SIZE 9223372036854775807)\r\n",
		want: &MailboxStatus{Mailbox: "Archive", Items: []StatusItem{item("SIZE", 1<<63-1)}}},
	{name: "RFC 9051 §9 every IMAP4rev2 item",
		in: "* STATUS INBOX (MESSAGES 52 UIDNEXT 4827 UIDVALIDITY 1640000000 UNSEEN 3 DELETED 2 SIZE 4294967296)\r\n",
		want: &MailboxStatus{Mailbox: "INBOX", Items: []StatusItem{item("MESSAGES", 52), item("UIDNEXT", 4827),
			item("UIDVALIDITY", 1640000000), item("UNSEEN", 3), item("DELETED", 2), item("SIZE", 4294967296)}}},
	{name: "RFC 3501 §9 every IMAP4rev1 item",
		in: "* STATUS INBOX (MESSAGES 231 RECENT 1 UIDNEXT 44292 UIDVALIDITY 3857529045 UNSEEN 12)\r\n",
		want: &MailboxStatus{Mailbox: "INBOX", Items: []StatusItem{item("MESSAGES", 231), item("RECENT", 1),
			item("UIDNEXT", 44292), item("UIDVALIDITY", 3857529045), item("UNSEEN", 12)}}},
	{name: "32-bit limits", in: "* STATUS INBOX (MESSAGES 4294967295 UIDNEXT 4294967295 UIDVALIDITY 1 UNSEEN 0)\r\n",
		want: &MailboxStatus{Mailbox: "INBOX", Items: []StatusItem{item("MESSAGES", 4294967295), item("UIDNEXT", 4294967295),
			item("UIDVALIDITY", 1), item("UNSEEN", 0)}}},
	{name: "RFC 3501 §9 empty list", in: "* STATUS INBOX ()\r\n", want: &MailboxStatus{Mailbox: "INBOX"}},
	{name: "RFC 7889 §3.1 example", in: "* STATUS INBOX (APPENDLIMIT 257890)\r\n",
		want: &MailboxStatus{Mailbox: "INBOX", Items: []StatusItem{item("APPENDLIMIT", 257890)}}},
	{name: "RFC 7889 §3.2 example", in: "* STATUS \"INBOX\" (APPENDLIMIT 257890)\r\n",
		canon: "* STATUS INBOX (APPENDLIMIT 257890)\r\n",
		want:  &MailboxStatus{Mailbox: "INBOX", Items: []StatusItem{item("APPENDLIMIT", 257890)}}},
	{name: "RFC 7889 §5 APPENDLIMIT NIL", in: "* STATUS \"Archive\" (APPENDLIMIT NIL)\r\n",
		canon: "* STATUS Archive (APPENDLIMIT NIL)\r\n",
		want:  &MailboxStatus{Mailbox: "Archive", Items: []StatusItem{{Name: "APPENDLIMIT", NIL: true}}}},
	{name: "RFC 8474 §4.3 example", in: "* STATUS foo (MAILBOXID (F2212ea87-6097-4256-9d51-71338625))\r\n",
		want: &MailboxStatus{Mailbox: "foo", Items: []StatusItem{{Name: "MAILBOXID", ObjectID: "F2212ea87-6097-4256-9d51-71338625"}}}},
	{name: "RFC 8474 §4.3 example, INBOX", in: "* STATUS INBOX (MAILBOXID (Ff8e3ead4-9389-4aff-adb1-d8d89efd8cbf))\r\n",
		want: &MailboxStatus{Mailbox: "INBOX", Items: []StatusItem{{Name: "MAILBOXID", ObjectID: "Ff8e3ead4-9389-4aff-adb1-d8d89efd8cbf"}}}},
	{name: "RFC 7162 §3.1.7 example", in: "* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292 HIGHESTMODSEQ 7011231777)\r\n",
		want: &MailboxStatus{Mailbox: "blurdybloop", Items: []StatusItem{item("MESSAGES", 231), item("UIDNEXT", 44292), item("HIGHESTMODSEQ", 7011231777)}}},
	{name: "RFC 7162 §7 HIGHESTMODSEQ 0", in: "* STATUS \"Shared/Tmp\" (HIGHESTMODSEQ 0)\r\n",
		canon: "* STATUS Shared/Tmp (HIGHESTMODSEQ 0)\r\n",
		want:  &MailboxStatus{Mailbox: "Shared/Tmp", Items: []StatusItem{item("HIGHESTMODSEQ", 0)}}},
	{name: "RFC 9208 §4.1.4 example", in: "* STATUS INBOX (MESSAGES 12 DELETED 4 DELETED-STORAGE 8)\r\n",
		want: &MailboxStatus{Mailbox: "INBOX", Items: []StatusItem{item("MESSAGES", 12), item("DELETED", 4), item("DELETED-STORAGE", 8)}}},
	{name: "RFC 3501 §5.1.3 modified UTF-7 mailbox", in: "* STATUS \"&U,BTFw-/&ZeVnLIqe-\" (UNSEEN 0)\r\n",
		canon: "* STATUS &U,BTFw-/&ZeVnLIqe- (UNSEEN 0)\r\n",
		want:  &MailboxStatus{Mailbox: "台北/日本語", Items: []StatusItem{item("UNSEEN", 0)}}},
	{name: "literal mailbox", in: "* STATUS {8}\r\nSent \"x\" (MESSAGES 0)\r\n", canon: "* STATUS \"Sent \\\"x\\\"\" (MESSAGES 0)\r\n",
		want: &MailboxStatus{Mailbox: "Sent \"x\"", Items: []StatusItem{item("MESSAGES", 0)}}},
	{name: "item names in lower case", in: "* status INBOX (messages 3 uidNext 9 appendlimit nil)\r\n",
		canon: "* STATUS INBOX (MESSAGES 3 UIDNEXT 9 APPENDLIMIT NIL)\r\n",
		want:  &MailboxStatus{Mailbox: "INBOX", Items: []StatusItem{item("MESSAGES", 3), item("UIDNEXT", 9), {Name: "APPENDLIMIT", NIL: true}}}},
	{name: "unknown items kept", in: "* STATUS INBOX (MESSAGES 3 X-FOO (a \"b\") X-NUM 7 x-lower NIL)\r\n",
		canon: "* STATUS INBOX (MESSAGES 3 X-FOO (a \"b\") X-NUM 7 X-LOWER NIL)\r\n",
		want: &MailboxStatus{Mailbox: "INBOX", Items: []StatusItem{item("MESSAGES", 3),
			{Name: "X-FOO", Raw: list(atom("a"), str("b"))},
			{Name: "X-NUM", Raw: num(7, "7")},
			{Name: "X-LOWER", Raw: wire.Value{Kind: wire.KindNIL, Bytes: []byte("NIL")}},
		}}},
	{name: "duplicate items kept in order", in: "* STATUS INBOX (UNSEEN 1 UNSEEN 2)\r\n",
		want: &MailboxStatus{Mailbox: "INBOX", Items: []StatusItem{item("UNSEEN", 1), item("UNSEEN", 2)}}},
	{name: "Office 365 trailing space", in: "* STATUS Inbox (MESSAGES 1) \r\n", canon: "* STATUS INBOX (MESSAGES 1)\r\n",
		want: &MailboxStatus{Mailbox: "INBOX", Items: []StatusItem{item("MESSAGES", 1)}}, quirks: []string{"trailing-space@27"}},
	{name: "Office 365 trailing space, RFC example shape", in: "* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292) \r\n",
		canon:  "* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\n",
		want:   &MailboxStatus{Mailbox: "blurdybloop", Items: []StatusItem{item("MESSAGES", 231), item("UIDNEXT", 44292)}},
		quirks: []string{"trailing-space@49"}},
	{name: "Exchange trailing space after an empty list", in: "* STATUS INBOX () \r\n", canon: "* STATUS INBOX ()\r\n",
		want: &MailboxStatus{Mailbox: "INBOX"}, quirks: []string{"trailing-space@17"}},
	{name: "QUOTA-style extra spaces", in: "* STATUS INBOX (MESSAGES  1)\r\n", canon: "* STATUS INBOX (MESSAGES 1)\r\n",
		want: &MailboxStatus{Mailbox: "INBOX", Items: []StatusItem{item("MESSAGES", 1)}}, quirks: []string{"extra-space@25"}},
	{name: "space before ')'", in: "* STATUS INBOX (MESSAGES 1 )\r\n", canon: "* STATUS INBOX (MESSAGES 1)\r\n",
		want: &MailboxStatus{Mailbox: "INBOX", Items: []StatusItem{item("MESSAGES", 1)}}, quirks: []string{"space-before-paren@26"}},
}

var mailboxStatusErrorCases = []errorCase{
	{name: "UIDNEXT 0", in: "* STATUS INBOX (UIDNEXT 0)\r\n", off: 24},
	{name: "UIDVALIDITY 0", in: "* STATUS INBOX (UIDVALIDITY 0)\r\n", off: 28},
	{name: "MESSAGES above 32 bits", in: "* STATUS INBOX (MESSAGES 4294967296)\r\n", off: 25},
	{name: "SIZE above 63 bits", in: "* STATUS INBOX (SIZE 9223372036854775808)\r\n", off: 21},
	{name: "APPENDLIMIT a string", in: "* STATUS INBOX (APPENDLIMIT \"1\")\r\n", off: 28},
	{name: "APPENDLIMIT NILS", in: "* STATUS INBOX (APPENDLIMIT NILS)\r\n", off: 28},
	{name: "MAILBOXID without parentheses", in: "* STATUS INBOX (MAILBOXID F123)\r\n", off: 26},
	{name: "MAILBOXID with a dot", in: "* STATUS INBOX (MAILBOXID (F1.2))\r\n", off: 27},
	{name: "MAILBOXID with two IDs", in: "* STATUS INBOX (MAILBOXID (F1 F2))\r\n", off: 29},
	{name: "MAILBOXID of 256 characters", in: "* STATUS INBOX (MAILBOXID (" + strings.Repeat("a", 256) + "))\r\n", off: 27},
	{name: "item without a value", in: "* STATUS INBOX (MESSAGES)\r\n", off: 24},
	{name: "value without a name", in: "* STATUS INBOX (17)\r\n", off: 18},
	{name: "8-bit item name", in: "* STATUS INBOX (X\xad 1)\r\n", off: 17},
	{name: "bracket in an item name", in: "* STATUS INBOX (X]Y 1)\r\n", off: 17},
	{name: "quoted item name", in: "* STATUS INBOX (\"MESSAGES\" 1)\r\n", off: 16},
	{name: "no list", in: "* STATUS INBOX MESSAGES 1\r\n", off: 15},
	{name: "no mailbox", in: "* STATUS (MESSAGES 1)\r\n", off: 9},
	{name: "nothing", in: "* STATUS\r\n", off: 8},
	{name: "unclosed list", in: "* STATUS INBOX (MESSAGES 1\r\n", off: 26},
	{name: "unknown item without a value", in: "* STATUS INBOX (X-FOO)\r\n", off: 21},
}

var mailboxStatusRefusals = []refuseCase{
	{name: "UIDNEXT 0", r: &MailboxStatus{Mailbox: "a", Items: []StatusItem{item("UIDNEXT", 0)}}},
	{name: "UIDVALIDITY 0", r: &MailboxStatus{Mailbox: "a", Items: []StatusItem{item("UIDVALIDITY", 0)}}},
	{name: "UIDNEXT above 32 bits", r: &MailboxStatus{Mailbox: "a", Items: []StatusItem{item("UIDNEXT", 1<<32)}}},
	{name: "MESSAGES above 32 bits", r: &MailboxStatus{Mailbox: "a", Items: []StatusItem{item("MESSAGES", 1<<32)}}},
	{name: "APPENDLIMIT above 32 bits", r: &MailboxStatus{Mailbox: "a", Items: []StatusItem{item("APPENDLIMIT", 1<<32)}}},
	{name: "SIZE above 63 bits", r: &MailboxStatus{Mailbox: "a", Items: []StatusItem{item("SIZE", 1<<63)}}},
	{name: "HIGHESTMODSEQ above 63 bits", r: &MailboxStatus{Mailbox: "a", Items: []StatusItem{item("HIGHESTMODSEQ", 1<<63)}}},
	{name: "MESSAGES NIL", r: &MailboxStatus{Mailbox: "a", Items: []StatusItem{{Name: "MESSAGES", NIL: true}}}},
	{name: "APPENDLIMIT NIL with a number", r: &MailboxStatus{Mailbox: "a", Items: []StatusItem{{Name: "APPENDLIMIT", NIL: true, Value: 1}}}},
	{name: "MAILBOXID empty", r: &MailboxStatus{Mailbox: "a", Items: []StatusItem{{Name: "MAILBOXID"}}}},
	{name: "MAILBOXID with a dot", r: &MailboxStatus{Mailbox: "a", Items: []StatusItem{{Name: "MAILBOXID", ObjectID: "F1.2"}}}},
	{name: "MAILBOXID of 256 characters", r: &MailboxStatus{Mailbox: "a", Items: []StatusItem{{Name: "MAILBOXID", ObjectID: strings.Repeat("a", 256)}}}},
	{name: "MAILBOXID with a number", r: &MailboxStatus{Mailbox: "a", Items: []StatusItem{{Name: "MAILBOXID", ObjectID: "F1", Value: 1}}}},
	{name: "object ID on MESSAGES", r: &MailboxStatus{Mailbox: "a", Items: []StatusItem{{Name: "MESSAGES", ObjectID: "F1"}}}},
	{name: "generic value on a known item", r: &MailboxStatus{Mailbox: "a", Items: []StatusItem{{Name: "MESSAGES", Raw: num(1, "1")}}}},
	{name: "unknown item without a value", r: &MailboxStatus{Mailbox: "a", Items: []StatusItem{{Name: "X-FOO"}}}},
	{name: "unknown item with a typed value", r: &MailboxStatus{Mailbox: "a", Items: []StatusItem{{Name: "X-FOO", Value: 1, Raw: num(1, "1")}}}},
	{name: "item name that is no atom", r: &MailboxStatus{Mailbox: "a", Items: []StatusItem{{Name: "X FOO", Raw: num(1, "1")}}}},
}

func init() {
	allCases = append(allCases, mailboxStatusCases...)
	allErrorCases = append(allErrorCases, mailboxStatusErrorCases...)
}

func TestMailboxStatus(t *testing.T)         { checkCases(t, mailboxStatusCases) }
func TestMailboxStatusErrors(t *testing.T)   { checkErrorCases(t, mailboxStatusErrorCases) }
func TestMailboxStatusRefusals(t *testing.T) { checkRefusals(t, mailboxStatusRefusals) }

func TestMailboxStatusAccessors(t *testing.T) {
	s := &MailboxStatus{Mailbox: "INBOX", Items: []StatusItem{
		item("MESSAGES", 17),
		item("UIDNEXT", 4827),
		{Name: "APPENDLIMIT", NIL: true},
		{Name: "MAILBOXID", ObjectID: "F2212ea87"},
		{Name: "X-NUM", Raw: num(7, "7")},
		{Name: "X-LIST", Raw: list(atom("a"))},
		item("UIDNEXT", 1),
	}}
	for _, tc := range []struct {
		name string
		want uint64
		ok   bool
	}{
		{"MESSAGES", 17, true},
		{"uidnext", 4827, true},
		{"APPENDLIMIT", 0, false},
		{"MAILBOXID", 0, false},
		{"X-NUM", 7, true},
		{"X-LIST", 0, false},
		{"UNSEEN", 0, false},
	} {
		if got, ok := s.Get(tc.name); got != tc.want || ok != tc.ok {
			t.Errorf("Get(%q) = %d, %v; want %d, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
	if id, ok := s.MailboxID(); id != "F2212ea87" || !ok {
		t.Errorf("MailboxID() = %q, %v", id, ok)
	}
	if id, ok := (&MailboxStatus{}).MailboxID(); id != "" || ok {
		t.Errorf("MailboxID() without one = %q, %v", id, ok)
	}
	if !s.hasUnknown() {
		t.Error("unknown items not reported")
	}
	if (&MailboxStatus{Items: []StatusItem{item("MESSAGES", 1), {Name: "MAILBOXID", ObjectID: "F1"}}}).hasUnknown() {
		t.Error("known items reported as unknown")
	}
}
