package command

import "testing"

func init() {
	const (
		rump  = "imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred"
		full  = rump + ":internal:91354a473744909de610943775f92038"
		dove  = "imap://test@localhost/INBOX/;UIDVALIDITY=1795335895/;UID=6;urlauth=anonymous:internal:01c2eb78adc1daed0b103d4904a12918ea482957a6"
		noUID = "imap://joe@example.com/INBOX/;uid=20/;section=1.2"
	)
	allCases = append(allCases, []testCase{
		{name: "RFC 4467 §7 GENURLAUTH example (the server refuses it)", in: "a775 GENURLAUTH \"" + noUID + "\" INTERNAL\r\n",
			want: &GenURLAuth{URLs: []GenURLAuthURL{{URL: noUID, Mechanism: "INTERNAL"}}}, canon: "a775 GENURLAUTH " + noUID + " INTERNAL\r\n"},
		{name: "RFC 4467 §7 GENURLAUTH example 2", in: "a777 GENURLAUTH \"" + rump + "\" INTERNAL\r\n",
			want: &GenURLAuth{URLs: []GenURLAuthURL{{URL: rump, Mechanism: "INTERNAL"}}}, canon: "a777 GENURLAUTH " + rump + " INTERNAL\r\n"},
		{name: "GENURLAUTH of two URLs, a mechanism in lower case", in: "a GENURLAUTH \"" + rump + "\" internal \"imap://joe@example.com/INBOX/;uid=21;urlauth=authuser\" X-MECH.2\r\n",
			want: &GenURLAuth{URLs: []GenURLAuthURL{
				{URL: rump, Mechanism: "INTERNAL"}, {URL: "imap://joe@example.com/INBOX/;uid=21;urlauth=authuser", Mechanism: "X-MECH.2"},
			}},
			canon: "a GENURLAUTH " + rump + " INTERNAL imap://joe@example.com/INBOX/;uid=21;urlauth=authuser X-MECH.2\r\n"},
		{name: "RFC 4467 §7 RESETKEY example", in: "a31 RESETKEY\r\n", want: &ResetKey{}},
		{name: "RFC 4467 §7 RESETKEY example 2", in: "a32 RESETKEY INBOX\r\n", want: &ResetKey{Mailbox: "INBOX", HasMailbox: true}},
		{name: "RFC 4467 §7 RESETKEY example 3", in: "a33 RESETKEY INBOX XSAMPLE\r\n",
			want: &ResetKey{Mailbox: "INBOX", HasMailbox: true, Mechanisms: []string{"XSAMPLE"}}},
		{name: "RESETKEY of the mailbox \"\" and two mechanisms", in: "a resetkey \"\" internal xsample\r\n",
			want: &ResetKey{HasMailbox: true, Mechanisms: []string{"INTERNAL", "XSAMPLE"}}, canon: "a RESETKEY \"\" INTERNAL XSAMPLE\r\n"},
		{name: "RFC 4467 §7 URLFETCH example", in: "a002 URLFETCH \"" + full + "\"\r\n",
			want: &URLFetch{URLs: []URLFetchURL{{URL: full}}}, canon: "a002 URLFETCH " + full + "\r\n"},
		{name: "Dovecot session: RFC 5524 extended URLFETCH", in: "A169 URLFETCH (\"" + dove + "\" BODYPARTSTRUCTURE BINARY)\r\n",
			want: &URLFetch{URLs: []URLFetchURL{{URL: dove, Params: []string{"BODYPARTSTRUCTURE", "BINARY"}}}}, canon: "A169 URLFETCH (" + dove + " BODYPARTSTRUCTURE BINARY)\r\n"},
		{name: "RFC 5524 plain and extended forms mixed", in: "a URLFETCH " + full + " (" + dove + ") (" + full + " body bodypartstructure x-param)\r\n",
			want:  &URLFetch{URLs: []URLFetchURL{{URL: full}, {URL: dove, Params: []string{}}, {URL: full, Params: []string{"BODY", "BODYPARTSTRUCTURE", "X-PARAM"}}}},
			canon: "a URLFETCH " + full + " (" + dove + ") (" + full + " BODY BODYPARTSTRUCTURE X-PARAM)\r\n"},
		{name: "URLFETCH of a URL that needs quoting", in: "a URLFETCH \"imap://fred%40example.com@host/INBOX/;uid=1;urlauth=anonymous:internal:0123\"\r\n",
			want: &URLFetch{URLs: []URLFetchURL{{URL: "imap://fred%40example.com@host/INBOX/;uid=1;urlauth=anonymous:internal:0123"}}}},
	}...)
	allErrorCases = append(allErrorCases, []errorCase{
		{name: "GENURLAUTH without a URL", in: "a GENURLAUTH\r\n", off: 12},
		{name: "GENURLAUTH URL without a mechanism", in: "a GENURLAUTH imap://x\r\n", off: 21},
		{name: "GENURLAUTH mechanism with an underscore", in: "a GENURLAUTH imap://x INTER_NAL\r\n", off: 27},
		{name: "GENURLAUTH mechanism as a string", in: "a GENURLAUTH imap://x \"INTERNAL\"\r\n", off: 22},
		{name: "RESETKEY mechanism with a bad byte", in: "a RESETKEY INBOX X+Y\r\n", off: 18},
		{name: "URLFETCH without a URL", in: "a URLFETCH\r\n", off: 10},
		{name: "URLFETCH empty extended form", in: "a URLFETCH ()\r\n", off: 12},
		{name: "URLFETCH parameter as a string", in: "a URLFETCH (imap://x \"BINARY\")\r\n", off: 21},
	}...)
}

func TestURLAuthRefusals(t *testing.T) {
	checkRefused(t,
		&GenURLAuth{},
		&GenURLAuth{URLs: []GenURLAuthURL{{URL: "imap://x", Mechanism: "internal"}}},
		&GenURLAuth{URLs: []GenURLAuthURL{{URL: "imap://x", Mechanism: "X_Y"}}},
		&GenURLAuth{URLs: []GenURLAuthURL{{URL: "imap://x"}}},
		&ResetKey{Mechanisms: []string{"INTERNAL"}},
		&ResetKey{HasMailbox: true, Mechanisms: []string{""}},
		&URLFetch{},
		&URLFetch{URLs: []URLFetchURL{{URL: "imap://x", Params: []string{"binary"}}}},
		&URLFetch{URLs: []URLFetchURL{{URL: "imap://x", Params: []string{"A B"}}}},
	)
}
