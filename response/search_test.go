package response

import (
	"testing"

	"github.com/mailwire/imap/wire"
)

// searchSeqSet parses a sequence set for a test table.
func searchSeqSet(s string) wire.SeqSet {
	set, err := wire.ParseSeqSet(s)
	if err != nil {
		panic(err)
	}
	return set
}

var searchCases = []testCase{
	{name: "RFC 3501 §6.4.4 example", in: "* SEARCH 2 84 882\r\n",
		want: &Search{Nums: []uint32{2, 84, 882}}},
	{name: "RFC 3501 §6.4.4 example, nothing found", in: "* SEARCH\r\n", want: &Search{}},
	{name: "RFC 3501 §6.4.4 example, one", in: "* SEARCH 43\r\n", want: &Search{Nums: []uint32{43}}},
	{name: "RFC 3501 §7.2.5 example", in: "* SEARCH 2 3 6\r\n", want: &Search{Nums: []uint32{2, 3, 6}}},
	{name: "RFC 5530 §3 example", in: "* SEARCH 1 2 3 5 8 13 21 42\r\n",
		want: &Search{Nums: []uint32{1, 2, 3, 5, 8, 13, 21, 42}}},
	{name: "RFC 7162 §3.1.5 example", in: "* SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)\r\n",
		want: &Search{Nums: []uint32{2, 5, 6, 7, 11, 12, 18, 19, 20, 23}, ModSeq: 917162500}},
	{name: "RFC 7162 §3.2.6 example", in: "* SEARCH 404 406 407 408 410 412\r\n",
		want: &Search{Nums: []uint32{404, 406, 407, 408, 410, 412}}},
	{name: "RFC 8514 §4.3 example", in: "* SEARCH 993 994\r\n", want: &Search{Nums: []uint32{993, 994}}},
	{name: "Gmail X-GM-RAW example", in: "* SEARCH 123 12344 5992\r\n", want: &Search{Nums: []uint32{123, 12344, 5992}}},
	{name: "largest number", in: "* SEARCH 1 4294967295\r\n", want: &Search{Nums: []uint32{1, 4294967295}}},
	{name: "largest mod-sequence", in: "* SEARCH 1 (MODSEQ 9223372036854775807)\r\n",
		want: &Search{Nums: []uint32{1}, ModSeq: 9223372036854775807}},
	{name: "Dovecot 2.3 SEARCH MODSEQ", in: "* SEARCH 1 2 3 4 5 6 (MODSEQ 7)\r\n",
		want: &Search{Nums: []uint32{1, 2, 3, 4, 5, 6}, ModSeq: 7}},
	{name: "lower case", in: "* search 5 (modseq 9)\r\n", canon: "* SEARCH 5 (MODSEQ 9)\r\n",
		want: &Search{Nums: []uint32{5}, ModSeq: 9}},
	{name: "Yahoo trailing space (imap_tools#97)", in: "* SEARCH 7456 \r\n", canon: "* SEARCH 7456\r\n",
		want: &Search{Nums: []uint32{7456}}, quirks: []string{"trailing-space@13"}},
	{name: "David.fx trailing space (MailKit#422)", in: "* SEARCH 28219 29170 29200 29242 29352 \r\n",
		canon:  "* SEARCH 28219 29170 29200 29242 29352\r\n",
		want:   &Search{Nums: []uint32{28219, 29170, 29200, 29242, 29352}},
		quirks: []string{"trailing-space@38"}},
	{name: "trailing space, nothing found", in: "* SEARCH \r\n", canon: "* SEARCH\r\n",
		want: &Search{}, quirks: []string{"trailing-space@8"}},
	{name: "double space", in: "* SEARCH 2  3\r\n", canon: "* SEARCH 2 3\r\n",
		want: &Search{Nums: []uint32{2, 3}}, quirks: []string{"extra-space@11"}},
	{name: "space before MODSEQ paren", in: "* SEARCH 2 (MODSEQ 4 )\r\n", canon: "* SEARCH 2 (MODSEQ 4)\r\n",
		want: &Search{Nums: []uint32{2}, ModSeq: 4}, quirks: []string{"space-before-paren@20"}},

	{name: "RFC 5256 §BASE.6.4.SORT example", in: "* SORT 2 84 882\r\n", want: &Sort{Nums: []uint32{2, 84, 882}}},
	{name: "RFC 5256 §BASE.6.4.SORT example 2", in: "* SORT 5 3 4 1 2\r\n", want: &Sort{Nums: []uint32{5, 3, 4, 1, 2}}},
	{name: "RFC 5256 §BASE.6.4.SORT example, nothing found", in: "* SORT\r\n", want: &Sort{}},
	{name: "RFC 5256 §BASE.7.2.SORT example", in: "* SORT 2 3 6\r\n", want: &Sort{Nums: []uint32{2, 3, 6}}},
	{name: "RFC 7162 §7 SORT with MODSEQ", in: "* SORT 5 3 4 (MODSEQ 1236)\r\n",
		want: &Sort{Nums: []uint32{5, 3, 4}, ModSeq: 1236}},
	{name: "Dovecot 2.3 SORT (REVERSE DATE) MODSEQ", in: "* SORT 6 5 4 3 2 1 (MODSEQ 7)\r\n",
		want: &Sort{Nums: []uint32{6, 5, 4, 3, 2, 1}, ModSeq: 7}},
	{name: "SORT trailing space", in: "* SORT 1 2 \r\n", canon: "* SORT 1 2\r\n",
		want: &Sort{Nums: []uint32{1, 2}}, quirks: []string{"trailing-space@10"}},
}

var searchErrorCases = []errorCase{
	{name: "zero", in: "* SEARCH 1 0 3\r\n", off: int64(len("* SEARCH 1 "))},
	{name: "not a number", in: "* SEARCH 1 x\r\n", off: int64(len("* SEARCH 1 "))},
	{name: "too large", in: "* SEARCH 4294967296\r\n", off: int64(len("* SEARCH "))},
	{name: "no space", in: "* SEARCH 1 2x\r\n", off: int64(len("* SEARCH 1 2"))},
	{name: "MODSEQ without numbers", in: "* SEARCH (MODSEQ 5)\r\n", off: int64(len("* SEARCH "))},
	{name: "MODSEQ zero", in: "* SEARCH 1 (MODSEQ 0)\r\n", off: int64(len("* SEARCH 1 (MODSEQ "))},
	{name: "MODSEQ too large", in: "* SEARCH 1 (MODSEQ 9223372036854775808)\r\n", off: int64(len("* SEARCH 1 (MODSEQ "))},
	{name: "not MODSEQ", in: "* SEARCH 1 (XMODSEQ 5)\r\n", off: int64(len("* SEARCH 1 ("))},
	{name: "MODSEQ not closed", in: "* SEARCH 1 (MODSEQ 5 6)\r\n", off: int64(len("* SEARCH 1 (MODSEQ 5"))},
	{name: "number after MODSEQ", in: "* SEARCH 1 (MODSEQ 5) 6\r\n", off: int64(len("* SEARCH 1 (MODSEQ 5) "))},
	{name: "SORT zero", in: "* SORT 0\r\n", off: int64(len("* SORT "))},
}

var esearchCases = []testCase{
	{name: "RFC 4731 §3.1 example", in: "* ESEARCH (TAG \"A282\") MIN 2 COUNT 3\r\n",
		want: &ESearch{Tag: "A282", Min: 2, Count: 3, HasCount: true}},
	{name: "RFC 4731 §3.1 example ALL", in: "* ESEARCH (TAG \"A283\") ALL 2,10:11\r\n",
		want: &ESearch{Tag: "A283", All: searchSeqSet("2,10:11")}},
	{name: "RFC 9051 §6.4.4 example, nothing found", in: "* ESEARCH (TAG \"A284\")\r\n",
		want: &ESearch{Tag: "A284"}},
	{name: "RFC 9051 §6.4.4 example ALL", in: "* ESEARCH (TAG \"A285\") ALL 43\r\n",
		want: &ESearch{Tag: "A285", All: searchSeqSet("43")}},
	{name: "RFC 4731 §3.1 example MIN", in: "* ESEARCH (TAG \"A284\") MIN 4\r\n",
		want: &ESearch{Tag: "A284", Min: 4}},
	{name: "RFC 4731 §3.1 example UID MIN MAX", in: "* ESEARCH (TAG \"A285\") UID MIN 7 MAX 3800\r\n",
		want: &ESearch{Tag: "A285", UID: true, Min: 7, Max: 3800}},
	{name: "RFC 4731 §3.1 example COUNT", in: "* ESEARCH (TAG \"A286\") COUNT 15\r\n",
		want: &ESearch{Tag: "A286", Count: 15, HasCount: true}},
	{name: "RFC 9051 §6.4.4.4 example", in: "* ESEARCH (TAG \"A301\") UID ALL 17,900,901\r\n",
		want: &ESearch{Tag: "A301", UID: true, All: searchSeqSet("17,900,901")}},
	{name: "RFC 9051 §6.4.4.4 example 2", in: "* ESEARCH (TAG \"P283\") ALL 882,1102,3003,3005:3006\r\n",
		want: &ESearch{Tag: "P283", All: searchSeqSet("882,1102,3003,3005:3006")}},
	{name: "RFC 9051 §6.4.4.4 example 3", in: "* ESEARCH (TAG \"C285\") MIN 2 MAX 21\r\n",
		want: &ESearch{Tag: "C285", Min: 2, Max: 21}},
	{name: "RFC 9051 §6.4.4.4 example 4", in: "* ESEARCH (TAG \"C286\") MIN 2 MAX 21 COUNT 8\r\n",
		want: &ESearch{Tag: "C286", Min: 2, Max: 21, Count: 8, HasCount: true}},
	{name: "RFC 9051 §6.4.4.4 example 5", in: "* ESEARCH (TAG \"C286\") MIN 2 ALL 2,10:15,21\r\n",
		want: &ESearch{Tag: "C286", Min: 2, All: searchSeqSet("2,10:15,21")}},
	{name: "RFC 9051 §7.1 EXPUNGEISSUED example", in: "* ESEARCH (TAG \"h\") ALL 1:3,5,8,13,21,42\r\n",
		want: &ESearch{Tag: "h", All: searchSeqSet("1:3,5,8,13,21,42")}},
	{name: "RFC 9051 §7.3.4 example", in: "* ESEARCH UID COUNT 17 ALL 4:18,21,28\r\n",
		canon: "* ESEARCH UID ALL 4:18,21,28 COUNT 17\r\n",
		want:  &ESearch{UID: true, Count: 17, HasCount: true, All: searchSeqSet("4:18,21,28")}},
	{name: "RFC 9051 §7.3.4 example 2", in: "* ESEARCH (TAG \"a567\") UID COUNT 17 ALL 4:18,21,28\r\n",
		canon: "* ESEARCH (TAG \"a567\") UID ALL 4:18,21,28 COUNT 17\r\n",
		want:  &ESearch{Tag: "a567", UID: true, Count: 17, HasCount: true, All: searchSeqSet("4:18,21,28")}},
	{name: "RFC 9051 §7.3.4 example 3", in: "* ESEARCH COUNT 18 ALL 1:17,21\r\n",
		canon: "* ESEARCH ALL 1:17,21 COUNT 18\r\n",
		want:  &ESearch{Count: 18, HasCount: true, All: searchSeqSet("1:17,21")}},
	{name: "RFC 4466 §2.6.2 example", in: "* ESEARCH UID COUNT 5 ALL 4:19,21,28\r\n",
		canon: "* ESEARCH UID ALL 4:19,21,28 COUNT 5\r\n",
		want:  &ESearch{UID: true, Count: 5, HasCount: true, All: searchSeqSet("4:19,21,28")}},
	{name: "RFC 4466 §2.6.2 example 2", in: "* ESEARCH (TAG \"a567\") UID COUNT 5 ALL 4:19,21,28\r\n",
		canon: "* ESEARCH (TAG \"a567\") UID ALL 4:19,21,28 COUNT 5\r\n",
		want:  &ESearch{Tag: "a567", UID: true, Count: 5, HasCount: true, All: searchSeqSet("4:19,21,28")}},
	{name: "RFC 4466 §2.6.2 example 3", in: "* ESEARCH COUNT 5 ALL 1:17,21\r\n",
		canon: "* ESEARCH ALL 1:17,21 COUNT 5\r\n",
		want:  &ESearch{Count: 5, HasCount: true, All: searchSeqSet("1:17,21")}},
	{name: "RFC 7162 §3.1.10 example", in: "* ESEARCH (TAG \"a\") ALL 1:3,5 MODSEQ 1236\r\n",
		want: &ESearch{Tag: "a", All: searchSeqSet("1:3,5"), ModSeq: 1236}},
	{name: "RFC 7162 §3.1.10 example ESORT", in: "* ESEARCH (TAG \"a\") ALL 5,3,2,1 MODSEQ 1236\r\n",
		want: &ESearch{Tag: "a", All: searchSeqSet("5,3,2,1"), ModSeq: 1236}},
	{name: "RFC 4731 §3.2 example", in: "* ESEARCH (TAG \"a1\") MIN 2 MODSEQ 917162488\r\n",
		want: &ESearch{Tag: "a1", Min: 2, ModSeq: 917162488}},
	{name: "RFC 4731 §3.2 example 2", in: "* ESEARCH (TAG \"a2\") MAX 23 MODSEQ 907162321\r\n",
		want: &ESearch{Tag: "a2", Max: 23, ModSeq: 907162321}},
	{name: "RFC 4731 §3.2 example 3", in: "* ESEARCH (TAG \"a3\") MIN 2 MAX 23 MODSEQ 917162488\r\n",
		want: &ESearch{Tag: "a3", Min: 2, Max: 23, ModSeq: 917162488}},
	{name: "RFC 4731 §3.2 example 4", in: "* ESEARCH (TAG \"a4\") MIN 2 COUNT 10 MODSEQ 917162500\r\n",
		want: &ESearch{Tag: "a4", Min: 2, Count: 10, HasCount: true, ModSeq: 917162500}},
	{name: "RFC 7377 §3 example", in: "* ESEARCH (TAG \"tag1\" MAILBOX \"folder1\" UIDVALIDITY 1) UID ALL 4001,4003,4005,4007,4009\r\n",
		canon: "* ESEARCH (TAG \"tag1\" MAILBOX folder1 UIDVALIDITY 1) UID ALL 4001,4003,4005,4007,4009\r\n",
		want:  &ESearch{Tag: "tag1", Mailbox: "folder1", UIDValidity: 1, UID: true, All: searchSeqSet("4001,4003,4005,4007,4009")}},
	{name: "RFC 7377 §3 example 2", in: "* ESEARCH (TAG \"tag2\" MAILBOX \"folder1\" UIDVALIDITY 1) UID ALL 3001:3004,3788\r\n",
		canon: "* ESEARCH (TAG \"tag2\" MAILBOX folder1 UIDVALIDITY 1) UID ALL 3001:3004,3788\r\n",
		want:  &ESearch{Tag: "tag2", Mailbox: "folder1", UIDValidity: 1, UID: true, All: searchSeqSet("3001:3004,3788")}},
	{name: "RFC 7377 §3 example 3", in: "* ESEARCH (TAG \"tag1\" MAILBOX \"folder2/banana\" UIDVALIDITY 503) UID ALL 3002,4004\r\n",
		canon: "* ESEARCH (TAG \"tag1\" MAILBOX folder2/banana UIDVALIDITY 503) UID ALL 3002,4004\r\n",
		want:  &ESearch{Tag: "tag1", Mailbox: "folder2/banana", UIDValidity: 503, UID: true, All: searchSeqSet("3002,4004")}},
	{name: "RFC 7377 §3 example 4", in: "* ESEARCH (TAG \"tag1\" MAILBOX \"folder2/peach\" UIDVALIDITY 3) UID ALL 921691\r\n",
		canon: "* ESEARCH (TAG \"tag1\" MAILBOX folder2/peach UIDVALIDITY 3) UID ALL 921691\r\n",
		want:  &ESearch{Tag: "tag1", Mailbox: "folder2/peach", UIDValidity: 3, UID: true, All: searchSeqSet("921691")}},
	{name: "RFC 7377 §3 example 5", in: "* ESEARCH (TAG \"tag2\" MAILBOX \"folder2/salmon\" UIDVALIDITY 1111111) UID ALL 50003,50006,50009,50012\r\n",
		canon: "* ESEARCH (TAG \"tag2\" MAILBOX folder2/salmon UIDVALIDITY 1111111) UID ALL 50003,50006,50009,50012\r\n",
		want:  &ESearch{Tag: "tag2", Mailbox: "folder2/salmon", UIDValidity: 1111111, UID: true, All: searchSeqSet("50003,50006,50009,50012")}},
	{name: "RFC 7377 correlators in another order, mailbox as a literal", in: "* ESEARCH (UIDVALIDITY 7 MAILBOX {6}\r\nInbox) TAG \"t9\") UID MIN 3 MAX 90 COUNT 4\r\n",
		canon: "* ESEARCH (TAG \"t9\" MAILBOX \"Inbox)\" UIDVALIDITY 7) UID MIN 3 MAX 90 COUNT 4\r\n",
		want:  &ESearch{Tag: "t9", Mailbox: "Inbox)", UIDValidity: 7, UID: true, Min: 3, Max: 90, Count: 4, HasCount: true}},
	{name: "RFC 7377 mailbox in modified UTF-7", in: "* ESEARCH (TAG \"x\" MAILBOX \"&AMk-t&AOk-\" UIDVALIDITY 9) ALL 1\r\n",
		canon: "* ESEARCH (TAG \"x\" MAILBOX &AMk-t&AOk- UIDVALIDITY 9) ALL 1\r\n",
		want:  &ESearch{Tag: "x", Mailbox: "Été", UIDValidity: 9, All: searchSeqSet("1")}},
	{name: "RFC 9394 §3.1 example (elided results filled in)", in: "* ESEARCH (TAG \"A01\") UID PARTIAL (-1:-100 200001:200100)\r\n",
		want: &ESearch{Tag: "A01", UID: true, Partial: &ESearchPartial{Start: -1, Stop: -100, Results: searchSeqSet("200001:200100")}}},
	{name: "RFC 9394 §3.1 example 2 (elided results filled in)", in: "* ESEARCH (TAG \"A02\") UID PARTIAL (23500:24000 41000:41263)\r\n",
		want: &ESearch{Tag: "A02", UID: true, Partial: &ESearchPartial{Start: 23500, Stop: 24000, Results: searchSeqSet("41000:41263")}}},
	{name: "RFC 9394 §3.1 example 3 (elided results filled in)", in: "* ESEARCH (TAG \"A03\") UID PARTIAL (1:500 1:300,302:501)\r\n",
		want: &ESearch{Tag: "A03", UID: true, Partial: &ESearchPartial{Start: 1, Stop: 500, Results: searchSeqSet("1:300,302:501")}}},
	{name: "RFC 9394 §3.1 example NIL", in: "* ESEARCH (TAG \"A04\") UID PARTIAL (24000:24500 NIL)\r\n",
		want: &ESearch{Tag: "A04", UID: true, Partial: &ESearchPartial{Start: 24000, Stop: 24500}}},
	{name: "RFC 9394 range high:low, with COUNT and MIN", in: "* ESEARCH (TAG \"B1\") UID COUNT 250 MIN 4 PARTIAL (100:51 310:359)\r\n",
		canon: "* ESEARCH (TAG \"B1\") UID MIN 4 COUNT 250 PARTIAL (100:51 310:359)\r\n",
		want:  &ESearch{Tag: "B1", UID: true, Min: 4, Count: 250, HasCount: true, Partial: &ESearchPartial{Start: 100, Stop: 51, Results: searchSeqSet("310:359")}}},
	{name: "RFC 9394 largest positions", in: "* ESEARCH PARTIAL (-4294967295:-1 nil)\r\n",
		canon: "* ESEARCH PARTIAL (-4294967295:-1 NIL)\r\n",
		want:  &ESearch{Partial: &ESearchPartial{Start: -4294967295, Stop: -1}}},
	{name: "RFC 4466 COUNT 0, no correlator", in: "* ESEARCH COUNT 0\r\n",
		want: &ESearch{Count: 0, HasCount: true}},
	{name: "RFC 9051 tag-string as an atom", in: "* ESEARCH (TAG A290) UID ALL 1:3,5\r\n",
		canon: "* ESEARCH (TAG \"A290\") UID ALL 1:3,5\r\n",
		want:  &ESearch{Tag: "A290", UID: true, All: searchSeqSet("1:3,5")}},
	{name: "RFC 9051 tag-string as a literal", in: "* ESEARCH (TAG {3}\r\nx y) COUNT 1\r\n",
		canon: "* ESEARCH (TAG \"x y\") COUNT 1\r\n",
		want:  &ESearch{Tag: "x y", Count: 1, HasCount: true}},
	{name: "RFC 4466 bare", in: "* ESEARCH\r\n", want: &ESearch{}},
	{name: "RFC 4466 unknown return data", in: "* ESEARCH (TAG \"A291\") XFOO (1 2 \"three\") COUNT 2\r\n",
		canon: "* ESEARCH (TAG \"A291\") COUNT 2 XFOO (1 2 \"three\")\r\n",
		want: &ESearch{Tag: "A291", Count: 2, HasCount: true, Unknown: []ESearchItem{{Name: "XFOO", Value: wire.Value{
			Kind: wire.KindList, Items: []wire.Value{
				{Kind: wire.KindNumber, Num: 1, Bytes: []byte("1")},
				{Kind: wire.KindNumber, Num: 2, Bytes: []byte("2")},
				{Kind: wire.KindString, Bytes: []byte("three")},
			}}}}}},
	{name: "RFC 4466 unknown return data, simple values, lower case", in: "* ESEARCH x-rel.1 -3:-1 Y_Z 4:7\r\n",
		canon: "* ESEARCH X-REL.1 -3:-1 Y_Z 4:7\r\n",
		want: &ESearch{Unknown: []ESearchItem{
			{Name: "X-REL.1", Value: wire.Value{Kind: wire.KindAtom, Bytes: []byte("-3:-1")}},
			{Name: "Y_Z", Value: wire.Value{Kind: wire.KindAtom, Bytes: []byte("4:7")}},
		}}},
	{name: "RFC 9051 unsolicited, all items", in: "* ESEARCH UID MIN 3 MAX 99 ALL 3:5,99 COUNT 4\r\n",
		want: &ESearch{UID: true, Min: 3, Max: 99, All: searchSeqSet("3:5,99"), Count: 4, HasCount: true}},
	{name: "lower case names", in: "* esearch (tag \"a\") uid min 1 all 1:*\r\n",
		canon: "* ESEARCH (TAG \"a\") UID MIN 1 ALL 1:*\r\n",
		want:  &ESearch{Tag: "a", UID: true, Min: 1, All: searchSeqSet("1:*")}},
	{name: "Dovecot 2.3 RETURN (MIN MAX COUNT ALL)", in: "* ESEARCH (TAG \"t13\") MIN 1 MAX 6 ALL 1:6 COUNT 6\r\n",
		want: &ESearch{Tag: "t13", Min: 1, Max: 6, All: searchSeqSet("1:6"), Count: 6, HasCount: true}},
	{name: "Dovecot 2.3 UID RETURN (MIN COUNT) MODSEQ", in: "* ESEARCH (TAG \"t6\") UID MIN 1 COUNT 7 MODSEQ 16\r\n",
		want: &ESearch{Tag: "t6", UID: true, Min: 1, Count: 7, HasCount: true, ModSeq: 16}},
	{name: "Dovecot 2.3 RETURN (PARTIAL 1:2) (RFC 5267)", in: "* ESEARCH (TAG \"t18\") PARTIAL (1:2 1:2)\r\n",
		want: &ESearch{Tag: "t18", Partial: &ESearchPartial{Start: 1, Stop: 2, Results: searchSeqSet("1:2")}}},
	{name: "trailing space", in: "* ESEARCH (TAG \"a\") COUNT 2 \r\n", canon: "* ESEARCH (TAG \"a\") COUNT 2\r\n",
		want: &ESearch{Tag: "a", Count: 2, HasCount: true}, quirks: []string{"trailing-space@27"}},
	{name: "space inside the correlator", in: "* ESEARCH ( TAG \"a\" ) MIN 1\r\n", canon: "* ESEARCH (TAG \"a\") MIN 1\r\n",
		want: &ESearch{Tag: "a", Min: 1}, quirks: []string{"extra-space@11", "space-before-paren@19"}},
}

var esearchErrorCases = []errorCase{
	{name: "MIN twice", in: "* ESEARCH MIN 1 MIN 2\r\n", off: int64(len("* ESEARCH MIN 1 "))},
	{name: "COUNT twice", in: "* ESEARCH COUNT 0 COUNT 0\r\n", off: int64(len("* ESEARCH COUNT 0 "))},
	{name: "MIN zero", in: "* ESEARCH MIN 0\r\n", off: int64(len("* ESEARCH MIN "))},
	{name: "MODSEQ zero", in: "* ESEARCH MODSEQ 0\r\n", off: int64(len("* ESEARCH MODSEQ "))},
	{name: "ALL $", in: "* ESEARCH ALL $\r\n", off: int64(len("* ESEARCH ALL "))},
	{name: "ALL empty", in: "* ESEARCH ALL \r\n", off: int64(len("* ESEARCH ALL "))},
	{name: "UID after return data", in: "* ESEARCH MIN 1 UID\r\n", off: int64(len("* ESEARCH MIN 1 "))},
	{name: "UID twice", in: "* ESEARCH UID UID\r\n", off: int64(len("* ESEARCH UID "))},
	{name: "UID before correlator", in: "* ESEARCH UID (TAG \"a\")\r\n", off: int64(len("* ESEARCH UID "))},
	{name: "correlator later", in: "* ESEARCH MIN 1 (TAG \"a\")\r\n", off: int64(len("* ESEARCH MIN 1 "))},
	{name: "empty correlator", in: "* ESEARCH () MIN 1\r\n", off: int64(len("* ESEARCH "))},
	{name: "unknown correlator", in: "* ESEARCH (XTAG \"a\") MIN 1\r\n", off: int64(len("* ESEARCH ("))},
	{name: "TAG twice", in: "* ESEARCH (TAG \"a\" TAG \"b\")\r\n", off: int64(len("* ESEARCH (TAG \"a\" "))},
	{name: "empty TAG", in: "* ESEARCH (TAG \"\")\r\n", off: int64(len("* ESEARCH (TAG "))},
	{name: "empty MAILBOX", in: "* ESEARCH (MAILBOX \"\")\r\n", off: int64(len("* ESEARCH (MAILBOX "))},
	{name: "UIDVALIDITY zero", in: "* ESEARCH (TAG a UIDVALIDITY 0)\r\n", off: int64(len("* ESEARCH (TAG a UIDVALIDITY "))},
	{name: "unclosed correlator", in: "* ESEARCH (TAG \"a\"\r\n", off: int64(len("* ESEARCH (TAG \"a\""))},
	{name: "item without value", in: "* ESEARCH COUNT\r\n", off: int64(len("* ESEARCH COUNT"))},
	{name: "unknown item without value", in: "* ESEARCH XFOO\r\n", off: int64(len("* ESEARCH XFOO"))},
	{name: "not a label", in: "* ESEARCH 1X 2\r\n", off: int64(len("* ESEARCH "))},
	{name: "PARTIAL mixed signs", in: "* ESEARCH PARTIAL (-1:5 NIL)\r\n", off: int64(len("* ESEARCH PARTIAL (-1:"))},
	{name: "PARTIAL zero", in: "* ESEARCH PARTIAL (0:5 NIL)\r\n", off: int64(len("* ESEARCH PARTIAL ("))},
	{name: "PARTIAL star", in: "* ESEARCH PARTIAL (1:* NIL)\r\n", off: int64(len("* ESEARCH PARTIAL (1:"))},
	{name: "PARTIAL without results", in: "* ESEARCH PARTIAL (1:5)\r\n", off: int64(len("* ESEARCH PARTIAL (1:5"))},
	{name: "PARTIAL $", in: "* ESEARCH PARTIAL (1:5 $)\r\n", off: int64(len("* ESEARCH PARTIAL (1:5 "))},
	{name: "PARTIAL not NIL", in: "* ESEARCH PARTIAL (1:5 NOTHING)\r\n", off: int64(len("* ESEARCH PARTIAL (1:5 "))},
	{name: "PARTIAL extra", in: "* ESEARCH PARTIAL (1:5 1 2)\r\n", off: int64(len("* ESEARCH PARTIAL (1:5 1"))},
	{name: "PARTIAL twice", in: "* ESEARCH PARTIAL (1:5 NIL) PARTIAL (1:5 NIL)\r\n", off: int64(len("* ESEARCH PARTIAL (1:5 NIL) "))},
}

func init() {
	allCases = append(allCases, searchCases...)
	allCases = append(allCases, esearchCases...)
	allErrorCases = append(allErrorCases, searchErrorCases...)
	allErrorCases = append(allErrorCases, esearchErrorCases...)
}

func TestSearch(t *testing.T)        { checkCases(t, searchCases) }
func TestSearchErrors(t *testing.T)  { checkErrorCases(t, searchErrorCases) }
func TestESearch(t *testing.T)       { checkCases(t, esearchCases) }
func TestESearchErrors(t *testing.T) { checkErrorCases(t, esearchErrorCases) }

// TestSearchEncodeRefuses checks that values without a wire form are
// refused rather than written.
func TestSearchEncodeRefuses(t *testing.T) {
	for _, r := range []Response{
		&Search{Nums: []uint32{1, 0}},
		&Search{ModSeq: 5},
		&Search{Nums: []uint32{1}, ModSeq: 1 << 63},
		&Sort{Nums: []uint32{0}},
		&Sort{ModSeq: 1},
		&ESearch{All: wire.SeqSet{Saved: true}},
		&ESearch{Partial: &ESearchPartial{Start: 1, Stop: -1}},
		&ESearch{Partial: &ESearchPartial{Start: 0, Stop: 3}},
		&ESearch{Partial: &ESearchPartial{Start: 1, Stop: 1 << 32}},
		&ESearch{Partial: &ESearchPartial{Start: -(1 << 32), Stop: -1}},
		&ESearch{Partial: &ESearchPartial{Start: 1, Stop: 2, Results: wire.SeqSet{Saved: true}}},
		&ESearch{Unknown: []ESearchItem{{Name: "MIN", Value: wire.Value{Kind: wire.KindNumber, Num: 1, Bytes: []byte("1")}}}},
		&ESearch{Unknown: []ESearchItem{{Name: "uid", Value: wire.Value{Kind: wire.KindNumber, Num: 1, Bytes: []byte("1")}}}},
		&ESearch{Unknown: []ESearchItem{{Name: "1X", Value: wire.Value{Kind: wire.KindNumber, Num: 1, Bytes: []byte("1")}}}},
		&ESearch{Unknown: []ESearchItem{{Name: "X"}}},
		&ESearch{Unknown: []ESearchItem{{Name: "X", Value: wire.Value{Kind: wire.KindText, Bytes: []byte("a b")}}}},
	} {
		if b, err := encodeOne(r); err == nil {
			t.Errorf("%#v encoded as %q, want an error", r, b)
		}
	}
}
