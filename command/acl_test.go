package command

import (
	"testing"

	"github.com/mailwire/imap/wire"
)

func init() {
	allCases = append(allCases, []testCase{
		{name: "RFC 4314 §3.1 example", in: "A002 SETACL INBOX/Drafts Chris +cda\r\n",
			want: &SetACL{Mailbox: "INBOX/Drafts", Identifier: "Chris", Mod: RightsAdd, Rights: "cda"}},
		{name: "RFC 4314 §3.1 example of an unknown right (the server refuses q)", in: "A036 SETACL INBOX/Drafts John lrqswicda\r\n",
			want: &SetACL{Mailbox: "INBOX/Drafts", Identifier: "John", Rights: "lrqswicda"}},
		{name: "Dovecot session: SETACL", in: "A146 SETACL \"Work\" anyone lr\r\n",
			want: &SetACL{Mailbox: "Work", Identifier: "anyone", Rights: "lr"}, canon: "A146 SETACL Work anyone lr\r\n"},
		{name: "Dovecot session: SETACL adding rights", in: "A147 SETACL \"Work\" user=other +lrw\r\n",
			want: &SetACL{Mailbox: "Work", Identifier: "user=other", Mod: RightsAdd, Rights: "lrw"}, canon: "A147 SETACL Work user=other +lrw\r\n"},
		{name: "RFC 4314 §2 negative rights removed", in: "a SETACL INBOX -Fred -wetd\r\n",
			want: &SetACL{Mailbox: "INBOX", Identifier: "-Fred", Mod: RightsRemove, Rights: "wetd"}},
		{name: "RFC 4314 §2 digits, quoted", in: "a SETACL INBOX \"$team\" \"+0129\"\r\n",
			want: &SetACL{Mailbox: "INBOX", Identifier: "$team", Mod: RightsAdd, Rights: "0129"}, canon: "a SETACL INBOX $team +0129\r\n"},
		{name: "SETACL replacing with no rights", in: "a SETACL INBOX Fred \"\"\r\n", want: &SetACL{Mailbox: "INBOX", Identifier: "Fred"}},
		{name: "SETACL adding no rights", in: "a SETACL INBOX Fred \"+\"\r\n", want: &SetACL{Mailbox: "INBOX", Identifier: "Fred", Mod: RightsAdd},
			canon: "a SETACL INBOX Fred +\r\n"},
		{name: "SETACL identifier as a literal", in: "a SETACL inbox {11}\r\nfred@ex.com lr\r\n",
			want: &SetACL{Mailbox: "INBOX", Identifier: "fred@ex.com", Rights: "lr"}, canon: "a SETACL INBOX fred@ex.com lr\r\n"},
		{name: "RFC 4314 §3.2 example", in: "A002 DELETEACL INBOX Fred\r\n", want: &DeleteACL{Mailbox: "INBOX", Identifier: "Fred"}},
		{name: "Dovecot session: DELETEACL", in: "A151 DELETEACL \"Work\" anyone\r\n", want: &DeleteACL{Mailbox: "Work", Identifier: "anyone"},
			canon: "A151 DELETEACL Work anyone\r\n"},
		{name: "RFC 4314 §3.3 example", in: "A002 GETACL INBOX\r\n", want: &GetACL{Mailbox: "INBOX"}},
		{name: "RFC 4314 §3.4 example", in: "a001 LISTRIGHTS ~/Mail/saved smith\r\n", want: &ListRights{Mailbox: "~/Mail/saved", Identifier: "smith"}},
		{name: "Dovecot session: LISTRIGHTS", in: "A150 LISTRIGHTS \"Work\" user=other\r\n", want: &ListRights{Mailbox: "Work", Identifier: "user=other"},
			canon: "A150 LISTRIGHTS Work user=other\r\n"},
		{name: "RFC 4314 §3.5 example", in: "A003 MYRIGHTS INBOX\r\n", want: &MyRights{Mailbox: "INBOX"}},
		{name: "MYRIGHTS of a UTF-8 name under UTF8=ACCEPT", in: "a MYRIGHTS \"Entwürfe\"\r\n", want: &MyRights{Mailbox: "Entwürfe"},
			opts: []wire.Option{wire.UTF8(true)}},
	}...)
	allErrorCases = append(allErrorCases, []errorCase{
		{name: "RFC 4314 §3.1 example of upper-case rights", in: "A035 SETACL INBOX/Drafts John lrQswicda\r\n", off: 30},
		{name: "Dovecot session: SETACL with an upper-case right", in: "A154 SETACL \"Work\" anyone +Z\r\n", off: 26},
		{name: "SETACL with a sign inside the rights", in: "a SETACL INBOX Fred +l-r\r\n", off: 20},
		{name: "SETACL without rights", in: "a SETACL INBOX Fred\r\n", off: 19},
		{name: "DELETEACL without an identifier", in: "a DELETEACL INBOX\r\n", off: 17},
		{name: "GETACL without a mailbox", in: "a GETACL\r\n", off: 8},
		{name: "MYRIGHTS with an identifier", in: "a MYRIGHTS INBOX fred\r\n", off: 17},
	}...)
}

func TestACLRefusals(t *testing.T) {
	checkRefused(t,
		&SetACL{Mailbox: "INBOX", Identifier: "fred", Rights: "LR"},
		&SetACL{Mailbox: "INBOX", Identifier: "fred", Rights: "+r"},
		&SetACL{Mailbox: "INBOX", Identifier: "fred", Mod: 3, Rights: "r"},
	)
	for m, want := range map[RightsMod]string{RightsReplace: "", RightsAdd: "+", RightsRemove: "-"} {
		if m.String() != want {
			t.Errorf("%d.String() = %q, want %q", m, m.String(), want)
		}
	}
}
