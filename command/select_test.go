package command

import (
	"testing"

	"github.com/mailwire/imap/wire"
)

func init() {
	allCases = append(allCases, []testCase{
		{name: "RFC 9051 §6.3.2 SELECT example", in: "A142 SELECT INBOX\r\n", want: &Select{Mailbox: "INBOX"}},
		{name: "RFC 9051 §6.3.3 EXAMINE example", in: "A932 EXAMINE blurdybloop\r\n", want: &Select{ReadOnly: true, Mailbox: "blurdybloop"}},
		{name: "select inbox in lower case", in: "a select inbox\r\n", want: &Select{Mailbox: "INBOX"}, canon: "a SELECT INBOX\r\n"},
		{name: "SELECT a quoted name", in: "a SELECT \"[Gmail]/All Mail\"\r\n", want: &Select{Mailbox: "[Gmail]/All Mail"}},
		{name: "SELECT under UTF8=ACCEPT", in: "a SELECT \"Entwürfe\"\r\n", want: &Select{Mailbox: "Entwürfe"}, opts: []wire.Option{wire.UTF8(true)}},
		{name: "RFC 7162 §3.1.8 SELECT CONDSTORE", in: "A160 SELECT INBOX (CONDSTORE)\r\n", want: &Select{Mailbox: "INBOX", CondStore: true}},
		{name: "EXAMINE condstore in lower case", in: "a examine foo (condstore)\r\n", want: &Select{ReadOnly: true, Mailbox: "foo", CondStore: true},
			canon: "a EXAMINE foo (CONDSTORE)\r\n"},
		{name: "RFC 7162 §3.2.5 QRESYNC with known UIDs", in: "A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))\r\n",
			want: &Select{Mailbox: "INBOX", QResync: &QResync{UIDValidity: 67890007, ModSeq: 20050715194045000, KnownUIDs: fetchSet("41,43:211,214:541")}}},
		{name: "RFC 7162 §3.2.5 QRESYNC with seq-match-data", in: "B01 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 (5000,7500,9000,9990:9999 15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997)))\r\n",
			want: &Select{Mailbox: "INBOX", QResync: &QResync{UIDValidity: 67890007, ModSeq: 90060115194045000, KnownUIDs: fetchSet("1:29997"),
				KnownSeqs:    fetchSet("5000,7500,9000,9990:9999"),
				KnownSeqUIDs: fetchSet("15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997")}}},
		{name: "QRESYNC without known UIDs", in: "a SELECT INBOX (QRESYNC (1 2))\r\n", want: &Select{Mailbox: "INBOX", QResync: &QResync{UIDValidity: 1, ModSeq: 2}}},
		{name: "QRESYNC with seq-match-data only", in: "a SELECT INBOX (QRESYNC (1 2 (1:2 5:6)))\r\n",
			want: &Select{Mailbox: "INBOX", QResync: &QResync{UIDValidity: 1, ModSeq: 2, KnownSeqs: fetchSet("1:2"), KnownSeqUIDs: fetchSet("5:6")}}},
		{name: "QRESYNC, CONDSTORE and unknown parameters", in: "a EXAMINE x (X-A QRESYNC (1 2) X-B 3:4 CONDSTORE X-C (a))\r\n",
			want: &Select{ReadOnly: true, Mailbox: "x", CondStore: true, QResync: &QResync{UIDValidity: 1, ModSeq: 2}, Params: []Param{
				{Name: "X-A"},
				{Name: "X-B", Value: wire.Value{Kind: wire.KindAtom, Bytes: []byte("3:4")}},
				{Name: "X-C", Value: wire.Value{Kind: wire.KindList, Items: []wire.Value{{Kind: wire.KindAtom, Bytes: []byte("a")}}}},
			}},
			canon: "a EXAMINE x (CONDSTORE QRESYNC (1 2) X-A X-B 3:4 X-C (a))\r\n"},
	}...)
	allErrorCases = append(allErrorCases, []errorCase{
		{name: "SELECT without mailbox", in: "a SELECT\r\n", off: int64(len("a SELECT"))},
		{name: "SELECT two mailboxes", in: "a SELECT a b\r\n", off: int64(len("a SELECT a "))},
		{name: "SELECT empty parameters", in: "a SELECT a ()\r\n", off: int64(len("a SELECT a ("))},
		{name: "SELECT CONDSTORE twice", in: "a SELECT a (CONDSTORE CONDSTORE)\r\n", off: int64(len("a SELECT a (CONDSTORE "))},
		{name: "SELECT CONDSTORE with a value", in: "a SELECT a (CONDSTORE 1)\r\n", off: int64(len("a SELECT a (CONDSTORE "))},
		{name: "QRESYNC without list", in: "a SELECT a (QRESYNC)\r\n", off: int64(len("a SELECT a (QRESYNC"))},
		{name: "QRESYNC UIDVALIDITY 0", in: "a SELECT a (QRESYNC (0 1))\r\n", off: int64(len("a SELECT a (QRESYNC ("))},
		{name: "QRESYNC modseq 0 (Wino Mail PR #734)", in: "a SELECT a (QRESYNC (1 0))\r\n", off: int64(len("a SELECT a (QRESYNC (1 "))},
		{name: "QRESYNC without modseq", in: "a SELECT a (QRESYNC (1))\r\n", off: int64(len("a SELECT a (QRESYNC (1"))},
		{name: "QRESYNC * in known UIDs", in: "a SELECT a (QRESYNC (1 2 1:*))\r\n", off: int64(len("a SELECT a (QRESYNC (1 2 "))},
		{name: "QRESYNC * in known sequence set", in: "a SELECT a (QRESYNC (1 2 (1:* 5)))\r\n", off: int64(len("a SELECT a (QRESYNC (1 2 ("))},
		{name: "QRESYNC $ in known UID set", in: "a SELECT a (QRESYNC (1 2 (1 $)))\r\n", off: int64(len("a SELECT a (QRESYNC (1 2 (1 "))},
		{name: "QRESYNC two known-uids", in: "a SELECT a (QRESYNC (1 2 3 4))\r\n", off: int64(len("a SELECT a (QRESYNC (1 2 3 "))},
		{name: "QRESYNC item after seq-match-data", in: "a SELECT a (QRESYNC (1 2 (1 2) 3))\r\n", off: int64(len("a SELECT a (QRESYNC (1 2 (1 2)"))},
		{name: "QRESYNC seq-match-data with one set", in: "a SELECT a (QRESYNC (1 2 (1)))\r\n", off: int64(len("a SELECT a (QRESYNC (1 2 (1"))},
		{name: "QRESYNC twice", in: "a SELECT a (QRESYNC (1 2) QRESYNC (1 2))\r\n", off: int64(len("a SELECT a (QRESYNC (1 2) "))},
		{name: "SELECT parameter not a label", in: "a SELECT a (X_Y! 1)\r\n", off: int64(len("a SELECT a (X_Y"))},
	}...)
}

func TestSelectRefusals(t *testing.T) {
	checkRefused(t,
		&Select{Mailbox: "a", QResync: &QResync{ModSeq: 1}},
		&Select{Mailbox: "a", QResync: &QResync{UIDValidity: 1}},
		&Select{Mailbox: "a", QResync: &QResync{UIDValidity: 1, ModSeq: 1 << 63}},
		&Select{Mailbox: "a", QResync: &QResync{UIDValidity: 1, ModSeq: 1, KnownSeqs: fetchSet("1")}},
		&Select{Mailbox: "a", QResync: &QResync{UIDValidity: 1, ModSeq: 1, KnownSeqUIDs: fetchSet("1")}},
		&Select{Mailbox: "a", QResync: &QResync{UIDValidity: 1, ModSeq: 1, KnownUIDs: fetchSet("1:*")}},
		&Select{Mailbox: "a", QResync: &QResync{UIDValidity: 1, ModSeq: 1, KnownSeqs: fetchSet("1"), KnownSeqUIDs: wire.SeqSet{Saved: true}}},
		&Select{Mailbox: "a", Params: []Param{{Name: "CONDSTORE"}}},
		&Select{Mailbox: "a", Params: []Param{{Name: "QRESYNC", Value: wire.Value{Kind: wire.KindList}}}},
		&Select{Mailbox: "a", Params: []Param{{Name: "x-a"}}},
		&Select{Mailbox: "a", Params: []Param{{Name: ""}}},
	)
	if k := (&Select{ReadOnly: true}).Kind(); k != "EXAMINE" {
		t.Errorf("Kind = %q", k)
	}
}
