package command

import (
	"testing"

	"github.com/mailwire/imap/wire"
)

func init() {
	allCases = append(allCases, []testCase{
		{name: "RFC 2087 §4.1 example", in: "A001 SETQUOTA \"\" (STORAGE 512)\r\n",
			want: &SetQuota{Resources: []SetQuotaResource{{Name: "STORAGE", Limit: 512}}}},
		{name: "RFC 2087 §4.2 example", in: "A003 GETQUOTA \"\"\r\n", want: &GetQuota{}},
		{name: "RFC 2087 §4.3 example", in: "A003 GETQUOTAROOT INBOX\r\n", want: &GetQuotaRoot{Mailbox: "INBOX"}},
		{name: "RFC 9208 §4.1.1 example", in: "G0001 GETQUOTA \"!partition/sda4\"\r\n", want: &GetQuota{Root: "!partition/sda4"},
			canon: "G0001 GETQUOTA !partition/sda4\r\n"},
		{name: "RFC 9208 §4.1.2 example", in: "G0002 GETQUOTAROOT INBOX\r\n", want: &GetQuotaRoot{Mailbox: "INBOX"}},
		{name: "RFC 9208 §4.1.3 example", in: "S0001 SETQUOTA \"#user/alice\" (STORAGE 510)\r\n",
			want:  &SetQuota{Root: "#user/alice", Resources: []SetQuotaResource{{Name: "STORAGE", Limit: 510}}},
			canon: "S0001 SETQUOTA #user/alice (STORAGE 510)\r\n"},
		{name: "Dovecot session: SETQUOTA", in: "A143 SETQUOTA \"User quota\" (STORAGE 100)\r\n",
			want: &SetQuota{Root: "User quota", Resources: []SetQuotaResource{{Name: "STORAGE", Limit: 100}}}},
		{name: "Dovecot session: GETQUOTA", in: "A141 GETQUOTA \"User quota\"\r\n", want: &GetQuota{Root: "User quota"}},
		{name: "RFC 9208 §4.1.3 no limits", in: "a SETQUOTA \"\" ()\r\n", want: &SetQuota{}},
		{name: "RFC 9208 §5 resources, number64 limit, lower case", in: "a setquota \"#user/alice\" (STORAGE 510 message 1000 MAILBOX 5 ANNOTATION-STORAGE 9223372036854775807)\r\n",
			want: &SetQuota{Root: "#user/alice", Resources: []SetQuotaResource{
				{Name: "STORAGE", Limit: 510}, {Name: "MESSAGE", Limit: 1000}, {Name: "MAILBOX", Limit: 5}, {Name: "ANNOTATION-STORAGE", Limit: 1<<63 - 1},
			}},
			canon: "a SETQUOTA #user/alice (STORAGE 510 MESSAGE 1000 MAILBOX 5 ANNOTATION-STORAGE 9223372036854775807)\r\n"},
		{name: "GETQUOTAROOT of a modified UTF-7 name", in: "a GETQUOTAROOT \"Entw&APw-rfe\"\r\n", want: &GetQuotaRoot{Mailbox: "Entwürfe"},
			canon: "a GETQUOTAROOT Entw&APw-rfe\r\n"},
		{name: "DavMail-style extra spaces", in: "a SETQUOTA \"\" (STORAGE  512 )\r\n",
			want:   &SetQuota{Resources: []SetQuotaResource{{Name: "STORAGE", Limit: 512}}},
			canon:  "a SETQUOTA \"\" (STORAGE 512)\r\n",
			quirks: []string{mboxQuirk(wire.QuirkExtraSpace, 23), mboxQuirk(wire.QuirkSpaceBeforeParen, 27)}},
	}...)
	allErrorCases = append(allErrorCases, []errorCase{
		{name: "GETQUOTA without a root", in: "a GETQUOTA\r\n", off: 10},
		{name: "GETQUOTAROOT without a mailbox", in: "a GETQUOTAROOT\r\n", off: 14},
		{name: "SETQUOTA without a list", in: "a SETQUOTA \"\"\r\n", off: 13},
		{name: "SETQUOTA resource without a limit", in: "a SETQUOTA \"\" (STORAGE)\r\n", off: 22},
		{name: "SETQUOTA limit above number64", in: "a SETQUOTA \"\" (STORAGE 9223372036854775808)\r\n", off: 23},
		{name: "SETQUOTA negative limit", in: "a SETQUOTA \"\" (STORAGE -1)\r\n", off: 23},
		{name: "SETQUOTA resource as a string", in: "a SETQUOTA \"\" (\"STORAGE\" 1)\r\n", off: 15},
	}...)
}

func TestQuotaRefusals(t *testing.T) {
	checkRefused(t,
		&SetQuota{Resources: []SetQuotaResource{{Name: "storage", Limit: 1}}},
		&SetQuota{Resources: []SetQuotaResource{{Name: "", Limit: 1}}},
		&SetQuota{Resources: []SetQuotaResource{{Name: "STORAGE", Limit: 1 << 63}}},
	)
}
