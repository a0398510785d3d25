package response

import (
	"testing"
)

var capabilityCases = []testCase{
	{name: "RFC 3501 §6.1.1 example", in: "* CAPABILITY IMAP4rev1 STARTTLS AUTH=GSSAPI LOGINDISABLED\r\n",
		want: &Capability{Caps: []string{"IMAP4rev1", "STARTTLS", "AUTH=GSSAPI", "LOGINDISABLED"}}},
	{name: "RFC 3501 §7.2.1 example", in: "* CAPABILITY IMAP4rev1 STARTTLS AUTH=GSSAPI XPIG-LATIN\r\n",
		want: &Capability{Caps: []string{"IMAP4rev1", "STARTTLS", "AUTH=GSSAPI", "XPIG-LATIN"}}},
	{name: "RFC 9051 §7.2.2 example", in: "* CAPABILITY STARTTLS AUTH=GSSAPI IMAP4rev2 LOGINDISABLED XPIG-LATIN\r\n",
		want: &Capability{Caps: []string{"STARTTLS", "AUTH=GSSAPI", "IMAP4rev2", "LOGINDISABLED", "XPIG-LATIN"}}},
	{name: "RFC 9051 §6.3.1 example", in: "* CAPABILITY IMAP4rev2 ID LITERAL+ X-GOOD-IDEA\r\n",
		want: &Capability{Caps: []string{"IMAP4rev2", "ID", "LITERAL+", "X-GOOD-IDEA"}}},
	{name: "RFC 4314 §5.1.1 example (upper case IMAP4REV1)", in: "* CAPABILITY IMAP4REV1 STARTTLS LITERAL+ ACL RIGHTS=texk\r\n",
		want: &Capability{Caps: []string{"IMAP4REV1", "STARTTLS", "LITERAL+", "ACL", "RIGHTS=texk"}}},
	{name: "RFC 7889 §2 example", in: "* CAPABILITY IMAP4rev1 ID APPENDLIMIT=257890\r\n",
		want: &Capability{Caps: []string{"IMAP4rev1", "ID", "APPENDLIMIT=257890"}}},
	{name: "Gmail (IMAP Extensions page)", in: "* CAPABILITY IMAP4rev1 UNSELECT LITERAL+ IDLE NAMESPACE QUOTA ID XLIST CHILDREN X-GM-EXT-1\r\n",
		want: &Capability{Caps: []string{"IMAP4rev1", "UNSELECT", "LITERAL+", "IDLE", "NAMESPACE", "QUOTA", "ID", "XLIST", "CHILDREN", "X-GM-EXT-1"}}},
	{name: "Dovecot 2.3 greeting shape",
		in:   "* CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN\r\n",
		want: &Capability{Caps: []string{"IMAP4rev1", "SASL-IR", "LOGIN-REFERRALS", "ID", "ENABLE", "IDLE", "LITERAL+", "AUTH=PLAIN"}}},
	{name: "both revisions", in: "* CAPABILITY IMAP4rev1 IMAP4rev2 LITERAL- ENABLE UTF8=ACCEPT OBJECTID APPENDLIMIT=35651584\r\n",
		want: &Capability{Caps: []string{"IMAP4rev1", "IMAP4rev2", "LITERAL-", "ENABLE", "UTF8=ACCEPT", "OBJECTID", "APPENDLIMIT=35651584"}}},
	{name: "name in lower case", in: "* capability imap4rev1\r\n", canon: "* CAPABILITY imap4rev1\r\n",
		want: &Capability{Caps: []string{"imap4rev1"}}},
	{name: "qq.com trailing space", in: "* CAPABILITY IMAP4 IMAP4rev1 XLIST MOVE IDLE XAPPLEPUSHSERVICE NAMESPACE CHILDREN ID UIDPLUS \r\n",
		canon:  "* CAPABILITY IMAP4 IMAP4rev1 XLIST MOVE IDLE XAPPLEPUSHSERVICE NAMESPACE CHILDREN ID UIDPLUS\r\n",
		want:   &Capability{Caps: []string{"IMAP4", "IMAP4rev1", "XLIST", "MOVE", "IDLE", "XAPPLEPUSHSERVICE", "NAMESPACE", "CHILDREN", "ID", "UIDPLUS"}},
		quirks: []string{"trailing-space@92"}},
	{name: "global-mail.cn trailing space after one capability", in: "* CAPABILITY IMAP4rev1 \r\n",
		canon: "* CAPABILITY IMAP4rev1\r\n", want: &Capability{Caps: []string{"IMAP4rev1"}},
		quirks: []string{"trailing-space@22"}},
	{name: "two spaces between capabilities", in: "* CAPABILITY IMAP4rev1  IDLE\r\n",
		canon: "* CAPABILITY IMAP4rev1 IDLE\r\n", want: &Capability{Caps: []string{"IMAP4rev1", "IDLE"}},
		quirks: []string{"extra-space@23"}},

	{name: "RFC 5161 §3.1 example", in: "* ENABLED X-GOOD-IDEA\r\n", want: &Enabled{Caps: []string{"X-GOOD-IDEA"}}},
	{name: "RFC 9051 §7.2.1 example", in: "* ENABLED CONDSTORE QRESYNC\r\n", want: &Enabled{Caps: []string{"CONDSTORE", "QRESYNC"}}},
	{name: "RFC 9051 §8 example", in: "* ENABLED IMAP4rev2\r\n", want: &Enabled{Caps: []string{"IMAP4rev2"}}},
	{name: "RFC 5161 §4 nothing enabled", in: "* ENABLED\r\n", want: &Enabled{}},
	{name: "nothing enabled, trailing space", in: "* ENABLED \r\n", canon: "* ENABLED\r\n", want: &Enabled{},
		quirks: []string{"trailing-space@9"}},
	{name: "RFC 6855 §3 UTF8=ACCEPT", in: "* ENABLED UTF8=ACCEPT\r\n", want: &Enabled{Caps: []string{"UTF8=ACCEPT"}}},
}

var capabilityErrorCases = []errorCase{
	{name: "no capability", in: "* CAPABILITY\r\n", off: 12},
	{name: "no capability, trailing space", in: "* CAPABILITY \r\n", off: 12},
	{name: "quoted capability", in: "* CAPABILITY \"IMAP4rev1\"\r\n", off: 13},
	{name: "list after capability", in: "* CAPABILITY IMAP4rev1 (X)\r\n", off: 23},
	{name: "8-bit capability", in: "* CAPABILITY IMAP4rev1 X\xad\r\n", off: 24},
	{name: "bracket in a capability", in: "* CAPABILITY IMAP4rev1 X]Y\r\n", off: 24},
	{name: "8-bit enabled capability", in: "* ENABLED \xadX\r\n", off: 10},
	{name: "no space after ENABLED", in: "* ENABLED(X)\r\n", off: 9},
}

var capabilityRefusals = []refuseCase{
	{name: "no capability", r: &Capability{}},
	{name: "empty capability", r: &Capability{Caps: []string{"IMAP4rev2", ""}}},
	{name: "capability with a space", r: &Capability{Caps: []string{"AUTH=PLAIN LOGIN"}}},
	{name: "capability with a bracket", r: &Capability{Caps: []string{"X]"}}},
	{name: "enabled with a parenthesis", r: &Enabled{Caps: []string{"(CONDSTORE)"}}},
}

func init() {
	allCases = append(allCases, capabilityCases...)
	allErrorCases = append(allErrorCases, capabilityErrorCases...)
}

func TestCapability(t *testing.T)         { checkCases(t, capabilityCases) }
func TestCapabilityErrors(t *testing.T)   { checkErrorCases(t, capabilityErrorCases) }
func TestCapabilityRefusals(t *testing.T) { checkRefusals(t, capabilityRefusals) }

func TestCapabilityHas(t *testing.T) {
	c := &Capability{Caps: []string{"IMAP4rev2", "AUTH=PLAIN", "APPENDLIMIT=257890"}}
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"IMAP4rev2", true},
		{"imap4REV2", true},
		{"auth=plain", true},
		{"IMAP4rev1", false},
		{"APPENDLIMIT", false},
		{"", false},
	} {
		if got := c.Has(tc.name); got != tc.want {
			t.Errorf("Has(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
