package response

import (
	"testing"

	"github.com/mailwire/imap/wire"
)

var vanishedCases = []testCase{
	{name: "RFC 7162 §3.2.5.1 example", in: "* VANISHED (EARLIER) 41,43:116,118,120:211,214:540\r\n",
		want: &Vanished{Earlier: true, UIDs: searchSeqSet("41,43:116,118,120:211,214:540")}},
	{name: "RFC 7162 §3.2.5.2 example (elision removed)", in: "* VANISHED (EARLIER) 1:2,4:5,7:8,10:11,13:14,29668:29669,29671:29996\r\n",
		want: &Vanished{Earlier: true, UIDs: searchSeqSet("1:2,4:5,7:8,10:11,13:14,29668:29669,29671:29996")}},
	{name: "RFC 7162 §3.2.6 example", in: "* VANISHED (EARLIER) 300:310,405,411\r\n",
		want: &Vanished{Earlier: true, UIDs: searchSeqSet("300:310,405,411")}},
	{name: "RFC 7162 §3.2.7 example", in: "* VANISHED 405,407,410,425\r\n",
		want: &Vanished{UIDs: searchSeqSet("405,407,410,425")}},
	{name: "RFC 7162 §3.2.10.2 example", in: "* VANISHED 505,507,510,625\r\n",
		want: &Vanished{UIDs: searchSeqSet("505,507,510,625")}},
	{name: "RFC 7162 §3.2.10.2 example 2", in: "* VANISHED 1\r\n", want: &Vanished{UIDs: searchSeqSet("1")}},
	{name: "RFC 7162 §6 example", in: "* VANISHED (EARLIER) 1:5,7:8,10:15\r\n",
		want: &Vanished{Earlier: true, UIDs: searchSeqSet("1:5,7:8,10:15")}},
	{name: "RFC 7162 §7 largest UID range", in: "* VANISHED (EARLIER) 1:4294967295\r\n",
		want: &Vanished{Earlier: true, UIDs: searchSeqSet("1:4294967295")}},
	{name: "Dovecot 2.3 UID EXPUNGE", in: "* VANISHED 2\r\n", want: &Vanished{UIDs: searchSeqSet("2")}},
	{name: "Dovecot 2.3 SELECT QRESYNC", in: "* VANISHED (EARLIER) 2,6\r\n",
		want: &Vanished{Earlier: true, UIDs: searchSeqSet("2,6")}},
	{name: "range high to low, lower case", in: "* vanished (earlier) 9:7\r\n", canon: "* VANISHED (EARLIER) 7:9\r\n",
		want: &Vanished{Earlier: true, UIDs: searchSeqSet("7:9")}},
	{name: "trailing space", in: "* VANISHED 3 \r\n", canon: "* VANISHED 3\r\n",
		want: &Vanished{UIDs: searchSeqSet("3")}, quirks: []string{"trailing-space@12"}},
}

var vanishedErrorCases = []errorCase{
	{name: "no UIDs", in: "* VANISHED\r\n", off: int64(len("* VANISHED"))},
	{name: "EARLIER without UIDs", in: "* VANISHED (EARLIER)\r\n", off: int64(len("* VANISHED (EARLIER)"))},
	{name: "star", in: "* VANISHED 3:*\r\n", off: int64(len("* VANISHED "))},
	{name: "saved", in: "* VANISHED $\r\n", off: int64(len("* VANISHED "))},
	{name: "zero", in: "* VANISHED 0\r\n", off: int64(len("* VANISHED "))},
	{name: "not EARLIER", in: "* VANISHED (LATER) 1\r\n", off: int64(len("* VANISHED ("))},
	{name: "EARLIER unclosed", in: "* VANISHED (EARLIER 1\r\n", off: int64(len("* VANISHED (EARLIER"))},
}

func init() {
	allCases = append(allCases, vanishedCases...)
	allErrorCases = append(allErrorCases, vanishedErrorCases...)
}

func TestVanished(t *testing.T)       { checkCases(t, vanishedCases) }
func TestVanishedErrors(t *testing.T) { checkErrorCases(t, vanishedErrorCases) }

func TestVanishedEncodeRefuses(t *testing.T) {
	for _, r := range []*Vanished{
		{},
		{Earlier: true},
		{UIDs: searchSeqSet("1:*")},
		{UIDs: wire.SeqSet{Saved: true}},
	} {
		if b, err := encodeOne(r); err == nil {
			t.Errorf("%#v encoded as %q, want an error", r, b)
		}
	}
}
