package response

import (
	"testing"
)

var quotaCases = []testCase{
	{name: "RFC 9208 §4.1.1 example", in: "* QUOTA \"!partition/sda4\" (STORAGE 104 10923847)\r\n",
		canon: "* QUOTA !partition/sda4 (STORAGE 104 10923847)\r\n",
		want:  &Quota{Root: "!partition/sda4", Resources: []QuotaResource{{"STORAGE", 104, 10923847}}}},
	{name: "RFC 9208 §4.1.2 example", in: "* QUOTA \"#user/alice\" (MESSAGE 42 1000)\r\n",
		canon: "* QUOTA #user/alice (MESSAGE 42 1000)\r\n",
		want:  &Quota{Root: "#user/alice", Resources: []QuotaResource{{"MESSAGE", 42, 1000}}}},
	{name: "RFC 9208 §4.1.3 example", in: "* QUOTA \"#user/alice\" (STORAGE 54 111 MESSAGE 42 1000)\r\n",
		canon: "* QUOTA #user/alice (STORAGE 54 111 MESSAGE 42 1000)\r\n",
		want:  &Quota{Root: "#user/alice", Resources: []QuotaResource{{"STORAGE", 54, 111}, {"MESSAGE", 42, 1000}}}},
	{name: "RFC 9208 §4.1.3 example 2", in: "* QUOTA \"#user/alice\" (STORAGE 58 512)\r\n",
		canon: "* QUOTA #user/alice (STORAGE 58 512)\r\n",
		want:  &Quota{Root: "#user/alice", Resources: []QuotaResource{{"STORAGE", 58, 512}}}},
	{name: "RFC 9208 §4.2.1 and RFC 2087 §5.1 example", in: "* QUOTA \"\" (STORAGE 10 512)\r\n",
		want: &Quota{Root: "", Resources: []QuotaResource{{"STORAGE", 10, 512}}}},
	{name: "RFC 9208 §4.2.1 empty list: no limits", in: "* QUOTA \"#user/bob\" ()\r\n",
		canon: "* QUOTA #user/bob ()\r\n",
		want:  &Quota{Root: "#user/bob"}},
	{name: "RFC 9208 §7 all resources, 63-bit numbers", in: "* QUOTA \"#user/bob\" (STORAGE 5368709120 10737418240 MESSAGE 0 100000 MAILBOX 12 1000 ANNOTATION-STORAGE 3 1024 X-FILES 1 9223372036854775807)\r\n",
		canon: "* QUOTA #user/bob (STORAGE 5368709120 10737418240 MESSAGE 0 100000 MAILBOX 12 1000 ANNOTATION-STORAGE 3 1024 X-FILES 1 9223372036854775807)\r\n",
		want: &Quota{Root: "#user/bob", Resources: []QuotaResource{
			{"STORAGE", 5368709120, 10737418240}, {"MESSAGE", 0, 100000}, {"MAILBOX", 12, 1000},
			{"ANNOTATION-STORAGE", 3, 1024}, {"X-FILES", 1, 9223372036854775807},
		}}},
	{name: "Dovecot 2.3 quota plugin", in: "* QUOTA \"User quota\" (STORAGE 1 10240 MESSAGE 6 1000)\r\n",
		want: &Quota{Root: "User quota", Resources: []QuotaResource{{"STORAGE", 1, 10240}, {"MESSAGE", 6, 1000}}}},
	{name: "root as an atom, lower-case resource", in: "* quota root (storage 1 2)\r\n",
		canon: "* QUOTA root (STORAGE 1 2)\r\n",
		want:  &Quota{Root: "root", Resources: []QuotaResource{{"STORAGE", 1, 2}}}},
	{name: "root as a literal", in: "* QUOTA {4}\r\na\"b\\ (STORAGE 1 2)\r\n",
		canon: "* QUOTA \"a\\\"b\\\\\" (STORAGE 1 2)\r\n",
		want:  &Quota{Root: "a\"b\\", Resources: []QuotaResource{{"STORAGE", 1, 2}}}},
	{name: "double spaces (modern-email/defects#23)", in: "* QUOTA \"\" (STORAGE  10  512)\r\n",
		canon:  "* QUOTA \"\" (STORAGE 10 512)\r\n",
		want:   &Quota{Resources: []QuotaResource{{"STORAGE", 10, 512}}},
		quirks: []string{"extra-space@20", "extra-space@24"}},
	{name: "space before paren (DavMail)", in: "* QUOTA \"\" (STORAGE 10 512 )\r\n",
		canon:  "* QUOTA \"\" (STORAGE 10 512)\r\n",
		want:   &Quota{Resources: []QuotaResource{{"STORAGE", 10, 512}}},
		quirks: []string{"space-before-paren@26"}},
	{name: "spaces everywhere", in: "* QUOTA  \"\"  ( STORAGE 10 512  MESSAGE 1 2 )\r\n",
		canon:  "* QUOTA \"\" (STORAGE 10 512 MESSAGE 1 2)\r\n",
		want:   &Quota{Resources: []QuotaResource{{"STORAGE", 10, 512}, {"MESSAGE", 1, 2}}},
		quirks: []string{"extra-space@8", "extra-space@12", "extra-space@14", "extra-space@30", "space-before-paren@42"}},

	{name: "RFC 9208 §4.1.2 QUOTAROOT example", in: "* QUOTAROOT INBOX \"#user/alice\" \"!partition/sda4\"\r\n",
		canon: "* QUOTAROOT INBOX #user/alice !partition/sda4\r\n",
		want:  &QuotaRoot{Mailbox: "INBOX", Roots: []string{"#user/alice", "!partition/sda4"}}},
	{name: "RFC 9208 §4.2.2 and RFC 2087 §5.2 example", in: "* QUOTAROOT INBOX \"\"\r\n",
		want: &QuotaRoot{Mailbox: "INBOX", Roots: []string{""}}},
	{name: "RFC 9208 §4.2.2 example, no root", in: "* QUOTAROOT comp.mail.mime\r\n",
		want: &QuotaRoot{Mailbox: "comp.mail.mime"}},
	{name: "RFC 9208 §7 mailbox as a literal, roots as atoms", in: "* QUOTAROOT {9}\r\nInbox/Sub root1 root2\r\n",
		canon: "* QUOTAROOT Inbox/Sub root1 root2\r\n",
		want:  &QuotaRoot{Mailbox: "Inbox/Sub", Roots: []string{"root1", "root2"}}},
	{name: "Dovecot 2.3 quota plugin QUOTAROOT", in: "* QUOTAROOT INBOX \"User quota\"\r\n",
		want: &QuotaRoot{Mailbox: "INBOX", Roots: []string{"User quota"}}},
	{name: "QUOTAROOT inbox in lower case, modified UTF-7", in: "* QUOTAROOT inbox \"&ZeVnLIqe-\"\r\n",
		canon: "* QUOTAROOT INBOX &ZeVnLIqe-\r\n",
		want:  &QuotaRoot{Mailbox: "INBOX", Roots: []string{"&ZeVnLIqe-"}}},
	{name: "QUOTAROOT trailing space", in: "* QUOTAROOT INBOX \r\n", canon: "* QUOTAROOT INBOX\r\n",
		want: &QuotaRoot{Mailbox: "INBOX"}, quirks: []string{"trailing-space@17"}},
}

var quotaErrorCases = []errorCase{
	{name: "no list", in: "* QUOTA \"\"\r\n", off: int64(len("* QUOTA \"\""))},
	{name: "no root", in: "* QUOTA\r\n", off: int64(len("* QUOTA"))},
	{name: "missing limit", in: "* QUOTA \"\" (STORAGE 10)\r\n", off: int64(len("* QUOTA \"\" (STORAGE 10"))},
	{name: "negative usage", in: "* QUOTA \"\" (STORAGE -1 10)\r\n", off: int64(len("* QUOTA \"\" (STORAGE "))},
	{name: "too large", in: "* QUOTA \"\" (STORAGE 1 9223372036854775808)\r\n", off: int64(len("* QUOTA \"\" (STORAGE 1 "))},
	{name: "resource name not an atom", in: "* QUOTA \"\" (\"STORAGE\" 1 2)\r\n", off: int64(len("* QUOTA \"\" ("))},
	{name: "unclosed", in: "* QUOTA \"\" (STORAGE 1 2\r\n", off: int64(len("* QUOTA \"\" (STORAGE 1 2"))},
	{name: "after the list", in: "* QUOTA \"\" (STORAGE 1 2) x\r\n", off: int64(len("* QUOTA \"\" (STORAGE 1 2) "))},
	{name: "QUOTAROOT without mailbox", in: "* QUOTAROOT\r\n", off: int64(len("* QUOTAROOT"))},
	{name: "QUOTAROOT list", in: "* QUOTAROOT INBOX (a)\r\n", off: int64(len("* QUOTAROOT INBOX "))},
}

func init() {
	allCases = append(allCases, quotaCases...)
	allErrorCases = append(allErrorCases, quotaErrorCases...)
}

func TestQuota(t *testing.T)       { checkCases(t, quotaCases) }
func TestQuotaErrors(t *testing.T) { checkErrorCases(t, quotaErrorCases) }

func TestQuotaEncodeRefuses(t *testing.T) {
	checkRefused(t,
		&Quota{Resources: []QuotaResource{{Name: "", Usage: 1, Limit: 2}}},
		&Quota{Resources: []QuotaResource{{Name: "A B", Usage: 1, Limit: 2}}},
		&Quota{Resources: []QuotaResource{{Name: "STORAGE", Usage: 1 << 63, Limit: 2}}},
		&QuotaRoot{Mailbox: "INBOX", Roots: []string{"a\x00b"}},
	)
}
