package command

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/mailwire/imap/internal/dovecot"
	"github.com/mailwire/imap/wire"
)

// Builders of search keys for the tables.

func searchK(name string) SearchKey { return SearchKey{Name: name} }

func searchKV(name, value string) SearchKey { return SearchKey{Name: name, Value: value} }

func searchKN(name string, n uint64) SearchKey { return SearchKey{Name: name, Num: n} }

func searchKDate(name string, y int, m time.Month, d int) SearchKey {
	return SearchKey{Name: name, Date: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

func searchNot(k SearchKey) SearchKey { return SearchKey{Name: "NOT", Keys: []SearchKey{k}} }

func searchFuzzy(k SearchKey) SearchKey { return SearchKey{Name: "FUZZY", Keys: []SearchKey{k}} }

func searchOr(a, b SearchKey) SearchKey { return SearchKey{Name: "OR", Keys: []SearchKey{a, b}} }

func searchAnd(keys ...SearchKey) SearchKey { return SearchKey{Name: "AND", Keys: keys} }

func searchSet(s string) wire.SeqSet {
	set, err := wire.ParseSeqSet(s)
	if err != nil {
		panic(err)
	}
	return set
}

func searchSeq(s string) SearchKey { return SearchKey{Name: "SEQSET", Set: searchSet(s)} }

func searchUID(s string) SearchKey { return SearchKey{Name: "UID", Set: searchSet(s)} }

// searchRFCExample is the criteria of the RFC 3501 and RFC 9051 §6.4.4
// examples: FLAGGED SINCE 1-Feb-1994 NOT FROM "Smith".
var searchRFCExample = []SearchKey{
	searchK("FLAGGED"), searchKDate("SINCE", 1994, time.February, 1), searchNot(searchKV("FROM", "Smith")),
}

// searchNumValue is a generic number value.
func searchNumValue(n uint64, s string) wire.Value {
	return wire.Value{Kind: wire.KindNumber, Num: n, Bytes: []byte(s)}
}

func init() {
	allCases = append(allCases, []testCase{
		{name: "RFC 3501 §6.4.4 example", in: "A282 SEARCH FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n",
			want:  &Search{Keys: searchRFCExample},
			canon: "A282 SEARCH FLAGGED SINCE 1-Feb-1994 NOT FROM Smith\r\n"},
		{name: "RFC 3501 §6.4.4 example TEXT", in: "A283 SEARCH TEXT \"string not in mailbox\"\r\n",
			want: &Search{Keys: []SearchKey{searchKV("TEXT", "string not in mailbox")}}},
		{name: "RFC 3501 §6.4.4 example CHARSET with a literal", in: "A284 SEARCH CHARSET UTF-8 TEXT {6}\r\nXXXXXX\r\n",
			want:  &Search{Charset: "UTF-8", Keys: []SearchKey{searchKV("TEXT", "XXXXXX")}},
			canon: "A284 SEARCH CHARSET UTF-8 TEXT XXXXXX\r\n"},
		{name: "RFC 9051 §6.4.4 example RETURN (MIN COUNT)",
			in:    "A282 SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n",
			want:  &Search{Return: &SearchReturn{Min: true, Count: true}, Keys: searchRFCExample},
			canon: "A282 SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM Smith\r\n"},
		{name: "RFC 9051 §6.4.4 example RETURN ()",
			in:    "A283 SEARCH RETURN () FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n",
			want:  &Search{Return: &SearchReturn{}, Keys: searchRFCExample},
			canon: "A283 SEARCH RETURN () FLAGGED SINCE 1-Feb-1994 NOT FROM Smith\r\n"},
		{name: "RFC 9051 §6.4.4 example UTF-8 literal", in: "A285 SEARCH CHARSET UTF-8 TEXT {12}\r\nотпуск\r\n",
			want: &Search{Charset: "UTF-8", Keys: []SearchKey{searchKV("TEXT", "отпуск")}}},
		{name: "RFC 9051 §6.4.4 example UTF-8 literal under UTF8=ACCEPT", in: "A285 SEARCH CHARSET UTF-8 TEXT {12}\r\nотпуск\r\n",
			want:  &Search{Charset: "UTF-8", Keys: []SearchKey{searchKV("TEXT", "отпуск")}},
			canon: "A285 SEARCH CHARSET UTF-8 TEXT \"отпуск\"\r\n", opts: []wire.Option{wire.UTF8(true)}},
		{name: "RFC 9051 §6.4.4 example $", in: "A301 SEARCH $ SMALLER 4096\r\n",
			want: &Search{Keys: []SearchKey{{Name: "SEQSET", Set: wire.SeqSet{Saved: true}}, searchKN("SMALLER", 4096)}}},
		{name: "RFC 9051 §6.4.4 example OR $ with a LITERAL+ literal",
			in: "P283 SEARCH CHARSET UTF-8 (OR $ 1,3000:3021) TEXT {8+}\r\nмать\r\n",
			want: &Search{Charset: "UTF-8", Keys: []SearchKey{
				searchAnd(searchOr(SearchKey{Name: "SEQSET", Set: wire.SeqSet{Saved: true}}, searchSeq("1,3000:3021"))),
				searchKV("TEXT", "мать"),
			}},
			canon: "P283 SEARCH CHARSET UTF-8 (OR $ 1,3000:3021) TEXT {8}\r\nмать\r\n"},
		{name: "RFC 4731 §3.1 example RETURN (MIN MAX)", in: "A282 SEARCH RETURN (MIN MAX) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n",
			want:  &Search{Return: &SearchReturn{Min: true, Max: true}, Keys: searchRFCExample},
			canon: "A282 SEARCH RETURN (MIN MAX) FLAGGED SINCE 1-Feb-1994 NOT FROM Smith\r\n"},
		{name: "RFC 4731 §3.1 example RETURN (ALL)", in: "A283 SEARCH RETURN (ALL) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n",
			want:  &Search{Return: &SearchReturn{All: true}, Keys: searchRFCExample},
			canon: "A283 SEARCH RETURN (ALL) FLAGGED SINCE 1-Feb-1994 NOT FROM Smith\r\n"},
		{name: "RFC 4731 options in another order", in: "a UID SEARCH RETURN (COUNT ALL MAX MIN) UNDELETED\r\n",
			want:  &Search{UID: true, Return: &SearchReturn{Min: true, Max: true, All: true, Count: true}, Keys: []SearchKey{searchK("UNDELETED")}},
			canon: "a UID SEARCH RETURN (MIN MAX ALL COUNT) UNDELETED\r\n"},
		{name: "RFC 5182 SAVE of the RFC 9051 criteria", in: "A282 SEARCH RETURN (SAVE) FLAGGED SINCE 1-Feb-1994 NOT FROM Smith\r\n",
			want: &Search{Return: &SearchReturn{Save: true}, Keys: searchRFCExample}},
		{name: "RFC 5182 SAVE MIN", in: "a UID SEARCH RETURN (SAVE MIN) UNSEEN\r\n",
			want:  &Search{UID: true, Return: &SearchReturn{Min: true, Save: true}, Keys: []SearchKey{searchK("UNSEEN")}},
			canon: "a UID SEARCH RETURN (MIN SAVE) UNSEEN\r\n"},
		{name: "RFC 5182 UID $", in: "A283 UID SEARCH UID $ SMALLER 4096\r\n",
			want: &Search{UID: true, Keys: []SearchKey{{Name: "UID", Set: wire.SeqSet{Saved: true}}, searchKN("SMALLER", 4096)}}},
		{name: "RFC 5182 example SAVE and CHARSET", in: "B283 UID SEARCH RETURN (SAVE) CHARSET KOI8-R (OR $ 1,3000:3021) TEXT \"hello world\"\r\n",
			want: &Search{UID: true, Return: &SearchReturn{Save: true}, Charset: "KOI8-R", Keys: []SearchKey{
				searchAnd(searchOr(SearchKey{Name: "SEQSET", Set: wire.SeqSet{Saved: true}}, searchSeq("1,3000:3021"))),
				searchKV("TEXT", "hello world"),
			}}},
		{name: "RFC 5267 CONTEXT and UPDATE", in: "a UID SEARCH RETURN (UPDATE CONTEXT COUNT) UNDELETED UNKEYWORD $Junk\r\n",
			want: &Search{UID: true, Return: &SearchReturn{Count: true, Context: true, Update: true},
				Keys: []SearchKey{searchK("UNDELETED"), searchKV("UNKEYWORD", "$Junk")}},
			canon: "a UID SEARCH RETURN (COUNT CONTEXT UPDATE) UNDELETED UNKEYWORD $Junk\r\n"},
		{name: "RFC 9394 PARTIAL", in: "A01 UID SEARCH RETURN (PARTIAL 1:500) UNDELETED\r\n",
			want: &Search{UID: true, Return: &SearchReturn{Partial: &SearchPartial{1, 500}}, Keys: []SearchKey{searchK("UNDELETED")}}},
		{name: "RFC 9394 PARTIAL from the end", in: "A04 UID SEARCH RETURN (PARTIAL -1:-100) UNDELETED UNKEYWORD $Junk\r\n",
			want: &Search{UID: true, Return: &SearchReturn{Partial: &SearchPartial{-1, -100}},
				Keys: []SearchKey{searchK("UNDELETED"), searchKV("UNKEYWORD", "$Junk")}}},
		{name: "RFC 9394 PARTIAL with COUNT", in: "a UID SEARCH RETURN (PARTIAL 4294967295:1 COUNT) ALL\r\n",
			want:  &Search{UID: true, Return: &SearchReturn{Count: true, Partial: &SearchPartial{4294967295, 1}}, Keys: []SearchKey{searchK("ALL")}},
			canon: "a UID SEARCH RETURN (COUNT PARTIAL 4294967295:1) ALL\r\n"},
		{name: "RFC 7162 §3.1.5 MODSEQ with an entry", in: "a SEARCH MODSEQ \"/flags/\\\\draft\" all 620162338\r\n",
			want:  &Search{Keys: []SearchKey{{Name: "MODSEQ", Field: `\Draft`, Value: "ALL", Num: 620162338}}},
			canon: "a SEARCH MODSEQ \"/flags/\\\\Draft\" ALL 620162338\r\n"},
		{name: "RFC 7162 MODSEQ", in: "a SEARCH MODSEQ 620162338\r\n",
			want: &Search{Keys: []SearchKey{searchKN("MODSEQ", 620162338)}}},
		{name: "RFC 7162 MODSEQ with a keyword entry", in: "a SEARCH OR NOT MODSEQ \"/flags/$Junk\" shared 0 MODSEQ \"/flags/\\\\Seen\" PRIV 9223372036854775807\r\n",
			want: &Search{Keys: []SearchKey{searchOr(
				searchNot(SearchKey{Name: "MODSEQ", Field: "$Junk", Value: "SHARED"}),
				SearchKey{Name: "MODSEQ", Field: `\Seen`, Value: "PRIV", Num: 1<<63 - 1})}},
			canon: "a SEARCH OR NOT MODSEQ \"/flags/$Junk\" SHARED 0 MODSEQ \"/flags/\\\\Seen\" PRIV 9223372036854775807\r\n"},
		{name: "RFC 5032 §4 example YOUNGER", in: "a1 SEARCH UNSEEN YOUNGER 259200\r\n",
			want: &Search{Keys: []SearchKey{searchK("UNSEEN"), searchKN("YOUNGER", 259200)}}},
		{name: "RFC 5032 OLDER", in: "a2 UID SEARCH OLDER 86400\r\n",
			want: &Search{UID: true, Keys: []SearchKey{searchKN("OLDER", 86400)}}},
		{name: "RFC 6203 FUZZY on one key", in: "A2 SEARCH FUZZY SUBJECT work FROM user@example.com\r\n",
			want: &Search{Keys: []SearchKey{searchFuzzy(searchKV("SUBJECT", "work")), searchKV("FROM", "user@example.com")}}},
		{name: "RFC 6203 FUZZY on a key without a string", in: "A3 SEARCH SUBJECT \"xyz\" FUZZY ANSWERED\r\n",
			want:  &Search{Keys: []SearchKey{searchKV("SUBJECT", "xyz"), searchFuzzy(searchK("ANSWERED"))}},
			canon: "A3 SEARCH SUBJECT xyz FUZZY ANSWERED\r\n"},
		{name: "RFC 6203 RELEVANCY", in: "B1 SEARCH RETURN (RELEVANCY ALL) FUZZY TEXT \"Helo\"\r\n",
			want: &Search{Return: &SearchReturn{All: true, Options: []Param{{Name: "RELEVANCY"}}},
				Keys: []SearchKey{searchFuzzy(searchKV("TEXT", "Helo"))}},
			canon: "B1 SEARCH RETURN (ALL RELEVANCY) FUZZY TEXT Helo\r\n"},
		{name: "RFC 8474 EMAILID", in: "27 SEARCH EMAILID M6d99ac3275bb4e\r\n",
			want: &Search{Keys: []SearchKey{searchKV("EMAILID", "M6d99ac3275bb4e")}}},
		{name: "RFC 8474 THREADID", in: "28 SEARCH THREADID T64b478a75b7ea9\r\n",
			want: &Search{Keys: []SearchKey{searchKV("THREADID", "T64b478a75b7ea9")}}},
		{name: "RFC 8514 SAVEDATE keys", in: "a SEARCH SAVEDATESUPPORTED OR SAVEDBEFORE 1-Jan-2020 SAVEDON 29-Feb-2020 SAVEDSINCE 31-Dec-2019\r\n",
			want: &Search{Keys: []SearchKey{searchK("SAVEDATESUPPORTED"), searchOr(
				searchKDate("SAVEDBEFORE", 2020, time.January, 1), searchKDate("SAVEDON", 2020, time.February, 29)),
				searchKDate("SAVEDSINCE", 2019, time.December, 31)}}},
		{name: "RFC 5466 FILTER", in: "a SEARCH FILTER on-the-road\r\n",
			want: &Search{Keys: []SearchKey{searchKV("FILTER", "on-the-road")}}},
		{name: "Gmail X-GM-RAW", in: "a SEARCH X-GM-RAW \"has:attachment in:unread\"\r\n",
			want: &Search{Keys: []SearchKey{searchKV("X-GM-RAW", "has:attachment in:unread")}}},
		{name: "Gmail X-GM-MSGID", in: "a UID SEARCH X-GM-MSGID 1278455344230334865\r\n",
			want: &Search{UID: true, Keys: []SearchKey{searchKN("X-GM-MSGID", 1278455344230334865)}}},
		{name: "Gmail X-GM-THRID", in: "a SEARCH X-GM-THRID 1266894439832287888\r\n",
			want: &Search{Keys: []SearchKey{searchKN("X-GM-THRID", 1266894439832287888)}}},
		{name: "Gmail X-GM-LABELS", in: "a SEARCH X-GM-LABELS foo X-GM-LABELS \\Important X-GM-LABELS \"My Label\"\r\n",
			want: &Search{Keys: []SearchKey{searchKV("X-GM-LABELS", "foo"), searchKV("X-GM-LABELS", `\Important`),
				searchKV("X-GM-LABELS", "My Label")}}},
		{name: "Gmail X-GM-LABELS system label quoted", in: "a SEARCH X-GM-LABELS \"\\\\Starred\"\r\n",
			want:  &Search{Keys: []SearchKey{searchKV("X-GM-LABELS", `\Starred`)}},
			canon: "a SEARCH X-GM-LABELS \\Starred\r\n"},
		{name: "fuzz: empty X-GM-LABELS", in: "0 SEARCH X-GM-LABELS \"\"\r\n",
			want: &Search{Keys: []SearchKey{searchKV("X-GM-LABELS", "")}}},
		{name: "Gmail X-GM-LABELS label that is not a flag", in: "a SEARCH X-GM-LABELS \"\\\\a b\"\r\n",
			want: &Search{Keys: []SearchKey{searchKV("X-GM-LABELS", `\a b`)}}},
		{name: "fuzz: X-GM-LABELS label ending in ]", in: "a SEARCH X-GM-LABELS \"\\\\0]\"\r\n",
			want: &Search{Keys: []SearchKey{searchKV("X-GM-LABELS", `\0]`)}}},

		{name: "every key of RFC 3501 and RFC 9051",
			in: "a SEARCH ALL ANSWERED BCC b BEFORE 1-Jan-2000 BODY body CC c DELETED DRAFT FLAGGED FROM f " +
				"HEADER X-Foo \"\" KEYWORD $MDNSent LARGER 0 NEW NOT SEEN OLD ON 2-Feb-2002 OR SEEN UNSEEN RECENT SEEN " +
				"SENTBEFORE 3-Mar-2003 SENTON 4-Apr-2004 SENTSINCE 5-May-2005 SINCE 6-Jun-2006 SMALLER 4294967296 " +
				"SUBJECT s TEXT t TO u UID 1:* UNANSWERED UNDELETED UNDRAFT UNFLAGGED UNKEYWORD foo UNSEEN 1,3:5 * (ALL)\r\n",
			want: &Search{Keys: []SearchKey{
				searchK("ALL"), searchK("ANSWERED"), searchKV("BCC", "b"), searchKDate("BEFORE", 2000, time.January, 1),
				searchKV("BODY", "body"), searchKV("CC", "c"), searchK("DELETED"), searchK("DRAFT"), searchK("FLAGGED"),
				searchKV("FROM", "f"), {Name: "HEADER", Field: "X-Foo"}, searchKV("KEYWORD", "$MDNSent"),
				searchKN("LARGER", 0), searchK("NEW"), searchNot(searchK("SEEN")), searchK("OLD"),
				searchKDate("ON", 2002, time.February, 2), searchOr(searchK("SEEN"), searchK("UNSEEN")), searchK("RECENT"),
				searchK("SEEN"), searchKDate("SENTBEFORE", 2003, time.March, 3), searchKDate("SENTON", 2004, time.April, 4),
				searchKDate("SENTSINCE", 2005, time.May, 5), searchKDate("SINCE", 2006, time.June, 6),
				searchKN("SMALLER", 1<<32), searchKV("SUBJECT", "s"), searchKV("TEXT", "t"), searchKV("TO", "u"),
				searchUID("1:*"), searchK("UNANSWERED"), searchK("UNDELETED"), searchK("UNDRAFT"), searchK("UNFLAGGED"),
				searchKV("UNKEYWORD", "foo"), searchK("UNSEEN"), searchSeq("1,3:5"), searchSeq("*"), searchAnd(searchK("ALL")),
			}}},
		{name: "keys in lower case", in: "a uid search charset utf-8 not deleted since 1-feb-1994 or from a to b\r\n",
			want: &Search{UID: true, Charset: "UTF-8", Keys: []SearchKey{searchNot(searchK("DELETED")),
				searchKDate("SINCE", 1994, time.February, 1), searchOr(searchKV("FROM", "a"), searchKV("TO", "b"))}},
			canon: "a UID SEARCH CHARSET UTF-8 NOT DELETED SINCE 1-Feb-1994 OR FROM a TO b\r\n"},
		{name: "quoted date", in: "a SEARCH BEFORE \"1-Feb-1994\" SENTSINCE \"01-Feb-1994\"\r\n",
			want: &Search{Keys: []SearchKey{searchKDate("BEFORE", 1994, time.February, 1),
				searchKDate("SENTSINCE", 1994, time.February, 1)}},
			canon: "a SEARCH BEFORE 1-Feb-1994 SENTSINCE 1-Feb-1994\r\n"},
		{name: "quoted charset", in: "a SEARCH CHARSET \"iso-8859-1\" SUBJECT {3}\r\n\xe9t\xe9\r\n",
			want:  &Search{Charset: "ISO-8859-1", Keys: []SearchKey{searchKV("SUBJECT", "\xe9t\xe9")}},
			canon: "a SEARCH CHARSET ISO-8859-1 SUBJECT {3}\r\n\xe9t\xe9\r\n"},
		{name: "nested OR and NOT", in: "a SEARCH OR (FROM alice SUBJECT report) (TO bob NOT (OR CC carol BCC dave))\r\n",
			want: &Search{Keys: []SearchKey{searchOr(
				searchAnd(searchKV("FROM", "alice"), searchKV("SUBJECT", "report")),
				searchAnd(searchKV("TO", "bob"), searchNot(searchAnd(searchOr(searchKV("CC", "carol"), searchKV("BCC", "dave"))))),
			)}}},
		{name: "chained OR", in: "a SEARCH OR OR OR FROM a FROM b FROM c FROM d\r\n",
			want: &Search{Keys: []SearchKey{searchOr(searchOr(searchOr(searchKV("FROM", "a"), searchKV("FROM", "b")),
				searchKV("FROM", "c")), searchKV("FROM", "d"))}}},
		{name: "NOT NOT", in: "a SEARCH NOT NOT NOT (SEEN)\r\n",
			want: &Search{Keys: []SearchKey{searchNot(searchNot(searchNot(searchAnd(searchK("SEEN")))))}}},
		{name: "nested groups", in: "a SEARCH ((1:5) (UID 7 (DRAFT)))\r\n",
			want: &Search{Keys: []SearchKey{searchAnd(searchAnd(searchSeq("1:5")),
				searchAnd(searchUID("7"), searchAnd(searchK("DRAFT"))))}}},
		{name: "HEADER with literals", in: "a SEARCH HEADER {7}\r\nSubject {3}\r\na b\r\n",
			want:  &Search{Keys: []SearchKey{{Name: "HEADER", Field: "Subject", Value: "a b"}}},
			canon: "a SEARCH HEADER Subject \"a b\"\r\n"},
		{name: "unknown RETURN options with parameters", in: "a SEARCH RETURN (X-FOO 5 X-BAR (1 a \"b\" (2)) X-BAZ 1:* X-QUX) ALL\r\n",
			want: &Search{Return: &SearchReturn{Options: []Param{
				{Name: "X-FOO", Value: searchNumValue(5, "5")},
				{Name: "X-BAR", Value: wire.Value{Kind: wire.KindList, Items: []wire.Value{
					searchNumValue(1, "1"), {Kind: wire.KindAtom, Bytes: []byte("a")}, {Kind: wire.KindString, Bytes: []byte("b")},
					{Kind: wire.KindList, Items: []wire.Value{searchNumValue(2, "2")}}}}},
				{Name: "X-BAZ", Value: wire.Value{Kind: wire.KindAtom, Bytes: []byte("1:*")}},
				{Name: "X-QUX"},
			}}, Keys: []SearchKey{searchK("ALL")}}},
		{name: "trailing space", in: "a SEARCH ALL \r\n", want: &Search{Keys: []SearchKey{searchK("ALL")}},
			canon: "a SEARCH ALL\r\n", quirks: []string{"trailing-space@12"}},
		{name: "extra spaces", in: "a SEARCH  NOT  ALL\r\n", want: &Search{Keys: []SearchKey{searchNot(searchK("ALL"))}},
			canon: "a SEARCH NOT ALL\r\n", quirks: []string{"extra-space@9", "extra-space@14"}},
		{name: "space before a closing parenthesis", in: "a SEARCH (ALL )\r\n", want: &Search{Keys: []SearchKey{searchAnd(searchK("ALL"))}},
			canon: "a SEARCH (ALL)\r\n", quirks: []string{"space-before-paren@13"}},
		{name: "space after an opening parenthesis", in: "a SEARCH ( ALL)\r\n", want: &Search{Keys: []SearchKey{searchAnd(searchK("ALL"))}},
			canon: "a SEARCH (ALL)\r\n", quirks: []string{"extra-space@10"}},
		{name: "spaces inside RETURN", in: "a SEARCH RETURN ( MIN X-FOO ) ALL\r\n",
			want:  &Search{Return: &SearchReturn{Min: true, Options: []Param{{Name: "X-FOO"}}}, Keys: []SearchKey{searchK("ALL")}},
			canon: "a SEARCH RETURN (MIN X-FOO) ALL\r\n", quirks: []string{"extra-space@17", "space-before-paren@27"}},
		{name: "8-bit quoted string", in: "a SEARCH CHARSET UTF-8 SUBJECT \"caf\xc3\xa9\"\r\n",
			want:  &Search{Charset: "UTF-8", Keys: []SearchKey{searchKV("SUBJECT", "café")}},
			canon: "a SEARCH CHARSET UTF-8 SUBJECT {5}\r\ncafé\r\n", quirks: []string{"eight-bit@35"}},
		// go-cmp takes time exponential in the depth of these trees:
		// TestSearchDepthLimit checks the default limit.
		{name: "NOT nested to the depth limit", in: "a SEARCH " + strings.Repeat("NOT ", 8) + "ALL\r\n",
			want: &Search{Keys: []SearchKey{searchNested(8, searchK("ALL"))}}, opts: []wire.Option{wire.MaxDepth(8)}},
		{name: "groups nested to the depth limit", in: "a SEARCH NOT ((NOT (((ALL)))))\r\n",
			want: &Search{Keys: []SearchKey{searchNot(searchAnd(searchAnd(searchNot(searchAnd(searchAnd(searchAnd(
				searchK("ALL"))))))))}}, opts: []wire.Option{wire.MaxDepth(7)}},
	}...)
	allErrorCases = append(allErrorCases, []errorCase{
		{name: "SEARCH without keys", in: "a SEARCH\r\n", off: 8},
		{name: "SEARCH and a space", in: "a SEARCH \r\n", off: 9},
		{name: "UID SEARCH without keys", in: "a UID SEARCH\r\n", off: 12},
		{name: "unknown key", in: "a SEARCH FROM x FOO\r\n", off: 16},
		{name: "NOT without a key", in: "a SEARCH NOT\r\n", off: 12},
		{name: "NOT and a closing parenthesis", in: "a SEARCH (NOT)\r\n", off: 13},
		{name: "OR with one key", in: "a SEARCH OR ALL\r\n", off: 15},
		{name: "OR in a group with one key", in: "a SEARCH (OR ALL) SEEN\r\n", off: 16},
		{name: "FUZZY without a key", in: "a SEARCH FUZZY\r\n", off: 14},
		{name: "empty group", in: "a SEARCH ()\r\n", off: 10},
		{name: "unclosed group", in: "a SEARCH (ALL\r\n", off: 13},
		{name: "string as a key", in: "a SEARCH \"ALL\"\r\n", off: 9},
		{name: "FROM without a string", in: "a SEARCH FROM\r\n", off: 13},
		{name: "HEADER with one string", in: "a SEARCH HEADER Subject\r\n", off: 23},
		{name: "bad date", in: "a SEARCH BEFORE 32-Jan-2000\r\n", off: 16},
		{name: "bad month", in: "a SEARCH SINCE 1-Foo-2000\r\n", off: 17},
		{name: "KEYWORD with a system flag", in: "a SEARCH KEYWORD \\Seen\r\n", off: 17},
		{name: "KEYWORD with 8-bit bytes", in: "a SEARCH KEYWORD ab\xc3\xa9\r\n", off: 19},
		{name: "OLDER 0", in: "a SEARCH OLDER 0\r\n", off: 15},
		{name: "LARGER negative", in: "a SEARCH LARGER -1\r\n", off: 16},
		{name: "LARGER beyond number64", in: "a SEARCH LARGER 9223372036854775808\r\n", off: 16},
		{name: "EMAILID not an objectid", in: "a SEARCH EMAILID M!x\r\n", off: 18},
		{name: "FILTER with a slash", in: "a SEARCH FILTER a/b\r\n", off: 17},
		{name: "X-GM-LABELS \\*", in: "a SEARCH X-GM-LABELS \\*\r\n", off: 22},
		{name: "MODSEQ bad entry type", in: "a SEARCH MODSEQ \"/flags/\\\\Seen\" bogus 5\r\n", off: 32},
		{name: "MODSEQ not a flags entry", in: "a SEARCH MODSEQ \"/annotation/x\" all 5\r\n", off: 16},
		{name: "MODSEQ entry without a flag", in: "a SEARCH MODSEQ \"/flags/\\\\\" all 5\r\n", off: 16},
		{name: "MODSEQ entry without a type", in: "a SEARCH MODSEQ \"/flags/\\\\Seen\" 5\r\n", off: 32},
		{name: "MODSEQ without a value", in: "a SEARCH MODSEQ\r\n", off: 15},
		{name: "UID without a set", in: "a SEARCH UID\r\n", off: 12},
		{name: "sequence set with 0", in: "a SEARCH 0:5\r\n", off: 9},
		{name: "$ with numbers", in: "a SEARCH $,1\r\n", off: 10},
		{name: "RETURN without a list", in: "a SEARCH RETURN ALL\r\n", off: 16},
		{name: "RETURN without keys", in: "a SEARCH RETURN (MIN)\r\n", off: 21},
		{name: "RETURN option twice", in: "a SEARCH RETURN (MIN MIN) ALL\r\n", off: 21},
		{name: "unknown RETURN option twice", in: "a SEARCH RETURN (X-A X-A) ALL\r\n", off: 21},
		{name: "RETURN option not a label", in: "a SEARCH RETURN (FOO+ 1) ALL\r\n", off: 17},
		{name: "RETURN option with a string", in: "a SEARCH RETURN (X-FOO \"s\") ALL\r\n", off: 23},
		{name: "RETURN option with NIL in a list", in: "a SEARCH RETURN (X-FOO (NIL)) ALL\r\n", off: 23},
		{name: "PARTIAL without a range", in: "a SEARCH RETURN (PARTIAL) ALL\r\n", off: 24},
		{name: "PARTIAL 0", in: "a SEARCH RETURN (PARTIAL 0:5) ALL\r\n", off: 25},
		{name: "PARTIAL mixed signs", in: "a SEARCH RETURN (PARTIAL -1:5) ALL\r\n", off: 28},
		{name: "PARTIAL twice", in: "a SEARCH RETURN (PARTIAL 1:2 PARTIAL 3:4) ALL\r\n", off: 29},
		{name: "PARTIAL *", in: "a SEARCH RETURN (PARTIAL 1:*) ALL\r\n", off: 27},
		{name: "CHARSET empty", in: "a SEARCH CHARSET \"\" ALL\r\n", off: 17},
		{name: "CHARSET with a space", in: "a SEARCH CHARSET \"UTF 8\" ALL\r\n", off: 17},
		{name: "CHARSET without keys", in: "a SEARCH CHARSET ALL\r\n", off: 20},
		{name: "CHARSET before RETURN", in: "a SEARCH CHARSET UTF-8 RETURN (MIN) ALL\r\n", off: 23},
		{name: "RETURN and CHARSET without keys", in: "a SEARCH RETURN (MIN) CHARSET UTF-8\r\n", off: 35},
		{name: "NOT nested past the depth limit", in: "a SEARCH " + strings.Repeat("NOT ", 101) + "ALL\r\n", off: int64(len("a SEARCH ") + 4*101)},
		{name: "NOT nested past a depth limit of 8", in: "a SEARCH " + strings.Repeat("NOT ", 9) + "ALL\r\n", off: int64(len("a SEARCH ") + 4*9),
			opts: []wire.Option{wire.MaxDepth(8)}},
		{name: "groups nested past a depth limit of 7", in: "a SEARCH NOT ((NOT ((((ALL))))))\r\n", off: int64(len("a SEARCH NOT ((NOT ((((")),
			opts: []wire.Option{wire.MaxDepth(7)}},
		{name: "deep NOT bomb", in: "a SEARCH " + strings.Repeat("NOT ", 10000) + "ALL\r\n", off: int64(len("a SEARCH ") + 4*101)},
		{name: "deep group bomb", in: "a SEARCH " + strings.Repeat("(", 10000) + "ALL\r\n", off: int64(len("a SEARCH ") + 100)},
		{name: "deep OR bomb", in: "a SEARCH " + strings.Repeat("OR ALL ", 10000) + "ALL\r\n", off: int64(len("a SEARCH ") + 7*100 + len("OR "))},
		{name: "deep mixed bomb", in: "a SEARCH " + strings.Repeat("NOT (FUZZY ", 10000) + "ALL\r\n", off: int64(len("a SEARCH ") + 11*33 + len("NOT ("))},
	}...)
}

// searchNested returns k under n NOTs.
func searchNested(n int, k SearchKey) SearchKey {
	for range n {
		k = searchNot(k)
	}
	return k
}

// searchDovecotLacks are the parts of the test commands that Dovecot 2.3
// answers with BAD because it does not implement them, and why.
var searchDovecotLacks = []struct{ part, why string }{
	{"EMAILID", "no OBJECTID"}, {"THREADID", "no OBJECTID"}, {"FILTER", "no FILTERS"},
	{"X-GM-", "Gmail's extension"}, {"X-FOO", "an invented option"}, {"X-MY-ALG", "an invented algorithm"},
	{"PARTIAL -", "RFC 5267's PARTIAL, without the negative ranges of RFC 9394"},
}

// TestSearchDovecot sends the canonical form of every SEARCH, SORT and
// THREAD of the tables without literals to a live Dovecot, which must not
// answer BAD, except for what it does not implement.
func TestSearchDovecot(t *testing.T) {
	srv := dovecot.Start(t)
	if _, err := srv.Append("INBOX", []byte("From: alice@example.com\r\nSubject: hi\r\n\r\nbody\r\n")); err != nil {
		t.Fatal(err)
	}
	if err := srv.Select("INBOX"); err != nil {
		t.Fatal(err)
	}
	sent := 0
cases:
	for _, c := range allCases {
		switch c.want.(type) {
		case *Search, *Sort, *Thread:
		default:
			continue
		}
		enc, err := encodeOne("a", c.want)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if strings.Contains(enc, "{") {
			continue
		}
		cmd := strings.TrimSuffix(strings.TrimPrefix(enc, "a "), "\r\n")
		for _, l := range searchDovecotLacks {
			if strings.Contains(cmd, l.part) {
				continue cases
			}
		}
		r, err := srv.Command(cmd)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if r.Status == "BAD" {
			t.Errorf("%s: %q: %q", c.name, cmd, r.Tagged)
		}
		sent++
	}
	if sent < 40 {
		t.Errorf("sent %d commands", sent)
	}
}

func TestSearchRefusals(t *testing.T) {
	all := []SearchKey{searchK("ALL")}
	checkRefused(t,
		&Search{},
		&Search{Keys: []SearchKey{}},
		&Search{Charset: "utf-8", Keys: all},
		&Search{Charset: "UTF 8", Keys: all},
		&Search{Charset: "ÜTF-8", Keys: all},
		&Search{Keys: []SearchKey{{}}},
		&Search{Keys: []SearchKey{searchK("FOO")}},
		&Search{Keys: []SearchKey{searchK("all")}},
		&Search{Keys: []SearchKey{searchK("NOT")}},
		&Search{Keys: []SearchKey{{Name: "NOT", Keys: []SearchKey{searchK("ALL"), searchK("SEEN")}}}},
		&Search{Keys: []SearchKey{{Name: "OR", Keys: all}}},
		&Search{Keys: []SearchKey{searchNot(searchOr(searchK("ALL"), searchK("BOGUS")))}},
		&Search{Keys: []SearchKey{searchK("FUZZY")}},
		&Search{Keys: []SearchKey{searchAnd()}},
		&Search{Keys: []SearchKey{searchK("SEQSET")}},
		&Search{Keys: []SearchKey{searchK("UID")}},
		&Search{Keys: []SearchKey{searchKN("OLDER", 0)}},
		&Search{Keys: []SearchKey{searchKN("YOUNGER", 1<<32)}},
		&Search{Keys: []SearchKey{searchKN("LARGER", 1<<63)}},
		&Search{Keys: []SearchKey{searchKV("KEYWORD", `\Seen`)}},
		&Search{Keys: []SearchKey{searchKV("KEYWORD", "a b")}},
		&Search{Keys: []SearchKey{searchKV("KEYWORD", "")}},
		&Search{Keys: []SearchKey{searchKV("EMAILID", "M!")}},
		&Search{Keys: []SearchKey{searchKV("EMAILID", strings.Repeat("M", 256))}},
		&Search{Keys: []SearchKey{searchKV("FILTER", "a/b")}},
		&Search{Keys: []SearchKey{{Name: "MODSEQ", Value: "ALL", Num: 1}}},
		&Search{Keys: []SearchKey{{Name: "MODSEQ", Field: `\Seen`, Value: "all", Num: 1}}},
		&Search{Keys: []SearchKey{{Name: "MODSEQ", Field: `\Seen`, Num: 1}}},
		&Search{Keys: []SearchKey{{Name: "MODSEQ", Field: `\seen`, Value: "ALL", Num: 1}}},
		&Search{Keys: []SearchKey{{Name: "MODSEQ", Field: `\`, Value: "ALL", Num: 1}}},
		&Search{Keys: []SearchKey{{Name: "MODSEQ", Field: strings.Repeat("x", 1020), Value: "ALL", Num: 1}}},
		&Search{Keys: []SearchKey{{Name: "ALL", Value: "x"}}},
		&Search{Keys: []SearchKey{{Name: "FROM", Value: "x", Num: 1}}},
		&Search{Keys: []SearchKey{{Name: "HEADER", Field: "x", Date: time.Now()}}},
		&Search{Keys: []SearchKey{{Name: "SEEN", Set: searchSet("1")}}},
		&Search{Keys: []SearchKey{{Name: "UID", Set: searchSet("1"), Keys: all}}},
		&Search{Keys: []SearchKey{{Name: "BEFORE", Date: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}}},
		&Search{Return: &SearchReturn{Partial: &SearchPartial{0, 5}}, Keys: all},
		&Search{Return: &SearchReturn{Partial: &SearchPartial{-1, 5}}, Keys: all},
		&Search{Return: &SearchReturn{Partial: &SearchPartial{1, 1 << 32}}, Keys: all},
		&Search{Return: &SearchReturn{Partial: &SearchPartial{-1 << 32, -1}}, Keys: all},
		&Search{Return: &SearchReturn{Options: []Param{{Name: "MIN"}}}, Keys: all},
		&Search{Return: &SearchReturn{Options: []Param{{Name: "x-foo"}}}, Keys: all},
		&Search{Return: &SearchReturn{Options: []Param{{Name: "X-FOO"}, {Name: "X-FOO"}}}, Keys: all},
		&Search{Return: &SearchReturn{Options: []Param{{Name: "1X"}}}, Keys: all},
		&Search{Return: &SearchReturn{Options: []Param{{Name: "X-FOO",
			Value: wire.Value{Kind: wire.KindString, Bytes: []byte("s")}}}}, Keys: all},
		&Search{Return: &SearchReturn{Options: []Param{{Name: "X-FOO",
			Value: wire.Value{Kind: wire.KindAtom, Bytes: []byte("abc")}}}}, Keys: all},
	)
}

// TestSearchEncode checks the encoding of values built by hand, which
// decoding does not give.
func TestSearchEncode(t *testing.T) {
	for _, c := range []struct {
		cmd  Command
		want string
	}{
		{&Search{Keys: []SearchKey{searchKDate("SINCE", 1994, time.February, 1)}}, "a SEARCH SINCE 1-Feb-1994\r\n"},
		// A date is the day in its location.
		{&Search{Keys: []SearchKey{{Name: "ON", Date: time.Date(2024, 3, 5, 23, 30, 0, 0, time.FixedZone("", -5*3600))}}},
			"a SEARCH ON 5-Mar-2024\r\n"},
		{&Search{Keys: []SearchKey{searchKV("SUBJECT", "NIL")}}, "a SEARCH SUBJECT \"NIL\"\r\n"},
		{&Search{Keys: []SearchKey{searchKV("TEXT", "")}}, "a SEARCH TEXT \"\"\r\n"},
		{&Search{Keys: []SearchKey{searchKV("TEXT", "a\r\nb")}}, "a SEARCH TEXT {4}\r\na\r\nb\r\n"},
		{&Search{Charset: "X Y", Keys: []SearchKey{searchK("ALL")}}, ""},
		{&Search{Charset: "X(Y", Keys: []SearchKey{searchK("ALL")}}, "a SEARCH CHARSET \"X(Y\" ALL\r\n"},
		{&Search{Keys: []SearchKey{searchKV("KEYWORD", "OIB-Seen-[Gmail]/Trash")}}, "a SEARCH KEYWORD OIB-Seen-[Gmail]/Trash\r\n"},
	} {
		got, err := encodeOne("a", c.cmd)
		if c.want == "" {
			if err == nil {
				t.Errorf("%#v: encoded %q, want a refusal", c.cmd, got)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%#v: %q, %v; want %q", c.cmd, got, err, c.want)
		}
	}
}

// TestSearchLenientValues checks values that lenient decoding accepts and
// that have no valid form: a string with a NUL in a literal (found by
// FuzzSearch) and a keyword with "]", as Gmail's OIB-Seen-[Gmail]/Trash.
// They are written back as they came, and decode leniently to the same
// value.
func TestSearchLenientValues(t *testing.T) {
	for _, c := range []struct {
		in     string
		want   Command
		quirks []string
	}{
		{"0 SEARCH HEADER {7}\r\n000\x00000 00\r\n",
			&Search{Keys: []SearchKey{{Name: "HEADER", Field: "000\x00000", Value: "00"}}}, []string{"nul-in-literal@24"}},
		{"a SEARCH KEYWORD OIB-Seen-[Gmail]/Trash\r\n",
			&Search{Keys: []SearchKey{searchKV("KEYWORD", "OIB-Seen-[Gmail]/Trash")}}, []string{"bracket-in-atom@32"}},
	} {
		_, got, quirks, err := decodeOne("", strings.NewReader(c.in))
		if err != nil {
			t.Fatalf("%q: %v", c.in, err)
		}
		if !slicesEqual(quirks, c.quirks) {
			t.Errorf("%q: quirks %q, want %q", c.in, quirks, c.quirks)
		}
		if diff := cmp.Diff(c.want, got, cmpOpts...); diff != "" {
			t.Errorf("%q (-want +got):\n%s", c.in, diff)
		}
		if enc, err := encodeOne(wantTag(c.in), got); err != nil || enc != c.in {
			t.Errorf("%q: encoded %q, %v", c.in, enc, err)
		}
	}
}

// TestSearchDepthBomb feeds search keys nested 100 000 deep, as "(" and as
// "NOT ", which must fail after about a hundred levels, with a
// *wire.SyntaxError wrapping wire.ErrTooDeep, without reading the rest and
// without deep recursion.
func TestSearchDepthBomb(t *testing.T) {
	for _, unit := range []string{"(", "NOT ", "OR ALL ", "FUZZY (", "NOT (OR SEEN "} {
		in := "a SEARCH " + strings.Repeat(unit, 100000) + "ALL\r\n"
		r := &searchCountingReader{r: strings.NewReader(in)}
		d := NewDecoder(r)
		_, _, err := d.ReadCommand()
		var se *wire.SyntaxError
		if !errors.As(err, &se) || !errors.Is(err, wire.ErrTooDeep) {
			t.Fatalf("%q: %v, want a *wire.SyntaxError wrapping wire.ErrTooDeep", unit, err)
		}
		if se.Offset > int64(len("a SEARCH ")+len(unit)*101) {
			t.Errorf("%q: error at offset %d", unit, se.Offset)
		}
		if r.n > 64<<10 {
			t.Errorf("%q: read %d bytes", unit, r.n)
		}
		if d.Tag() != "a" {
			t.Errorf("%q: Tag() = %q", unit, d.Tag())
		}
	}
	// A smaller limit applies as it is set.
	d := NewDecoder(strings.NewReader("a SEARCH NOT NOT NOT NOT ALL\r\nb SEARCH NOT NOT NOT ALL\r\n"), wire.MaxDepth(3))
	if _, _, err := d.ReadCommand(); !errors.Is(err, wire.ErrTooDeep) {
		t.Errorf("MaxDepth(3), four NOTs: %v", err)
	}
	if err := d.Skip(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := d.ReadCommand(); err != nil {
		t.Errorf("MaxDepth(3), three NOTs: %v", err)
	}
}

// TestSearchDepthLimit decodes keys nested exactly as deep as the default
// limit allows, in both forms.
func TestSearchDepthLimit(t *testing.T) {
	for _, c := range []struct{ open, close string }{{"NOT ", ""}, {"(", ")"}, {"OR SEEN ", ""}, {"FUZZY (", ")"}} {
		n := wire.DefaultMaxDepth
		if c.open == "FUZZY (" {
			n /= 2
		}
		in := "a SEARCH " + strings.Repeat(c.open, n) + "ALL" + strings.Repeat(c.close, n) + "\r\n"
		_, cmd, _, err := decodeOne("", strings.NewReader(in))
		if err != nil {
			t.Errorf("%q: %v", c.open, err)
			continue
		}
		depth := 0
		for k := cmd.(*Search).Keys[0]; len(k.Keys) > 0; k = k.Keys[len(k.Keys)-1] {
			depth++
		}
		if depth != wire.DefaultMaxDepth {
			t.Errorf("%q: depth %d", c.open, depth)
		}
		if out, err := encodeOne("a", cmd); err != nil || out != in {
			t.Errorf("%q: encoded %q, %v", c.open, out, err)
		}
	}
}

type searchCountingReader struct {
	r io.Reader
	n int
}

func (r *searchCountingReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.n += n
	return n, err
}

// TestSearchEncodeDeep encodes keys nested far deeper than a decoder
// accepts: the encoder does not recurse, so it neither blows the stack nor
// refuses them.
func TestSearchEncodeDeep(t *testing.T) {
	const n = 100000
	k := searchK("ALL")
	for i := range n {
		if i%2 == 0 {
			k = searchNot(k)
		} else {
			k = searchAnd(k, searchK("SEEN"))
		}
	}
	b, err := AppendCommand(nil, "a", &Search{Keys: []SearchKey{k}})
	if err != nil {
		t.Fatal(err)
	}
	if want := len("a SEARCH ") + n/2*len("NOT ") + n/2*len("() SEEN") + len("ALL\r\n"); len(b) != want {
		t.Errorf("encoded %d bytes, want %d", len(b), want)
	}
	if !strings.HasPrefix(string(b), "a SEARCH (NOT (NOT (") || !strings.HasSuffix(string(b), "(NOT (NOT ALL SEEN) SEEN)"+strings.Repeat(" SEEN)", n/2-2)+"\r\n") {
		t.Errorf("encoded %q...%q", b[:40], b[len(b)-40:])
	}
	// The same with a refusal at the bottom.
	bad := searchNested(n, searchK("BOGUS"))
	if b, err := AppendCommand(nil, "a", &Search{Keys: []SearchKey{bad}}); !errors.Is(err, wire.ErrUnrepresentable) {
		t.Errorf("deep refusal: %q, %v", b[:min(len(b), 40)], err)
	}
}

// BenchmarkDecodeSearch decodes a realistic nested UID SEARCH, the shape of
// a mail client's quick filter.
func BenchmarkDecodeSearch(b *testing.B) {
	const cmd = "a17 UID SEARCH RETURN (ALL COUNT) CHARSET UTF-8 UID 1:* UNDELETED NOT KEYWORD $Junk " +
		"OR OR FROM \"alice@example.com\" SUBJECT \"quarterly report\" OR BODY budget (TO bob SINCE 1-Jan-2024) " +
		"(OR HEADER X-Priority 1 FLAGGED) NOT (OR SEEN DRAFT) LARGER 1024\r\n"
	in := strings.Repeat(cmd, 100)
	r := strings.NewReader(in)
	d := NewDecoder(r)
	b.SetBytes(int64(len(cmd)))
	b.ReportAllocs()
	for b.Loop() {
		_, c, err := d.ReadCommand()
		if err == io.EOF {
			r.Reset(in)
			d.Reset(r)
			_, c, err = d.ReadCommand()
		}
		if err != nil {
			b.Fatal(err)
		}
		if len(c.(*Search).Keys) != 7 {
			b.Fatal("keys")
		}
	}
}

// BenchmarkEncodeSearch encodes the same search.
func BenchmarkEncodeSearch(b *testing.B) {
	const cmd = "a17 UID SEARCH RETURN (ALL COUNT) CHARSET UTF-8 UID 1:* UNDELETED NOT KEYWORD $Junk " +
		"OR OR FROM alice@example.com SUBJECT \"quarterly report\" OR BODY budget (TO bob SINCE 1-Jan-2024) " +
		"(OR HEADER X-Priority 1 FLAGGED) NOT (OR SEEN DRAFT) LARGER 1024\r\n"
	_, c, _, err := decodeOne("", strings.NewReader(cmd))
	if err != nil {
		b.Fatal(err)
	}
	e := NewEncoder(io.Discard)
	b.SetBytes(int64(len(cmd)))
	b.ReportAllocs()
	for b.Loop() {
		if err := e.Encode("a17", c); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzSearch decodes SEARCH, SORT and THREAD commands and checks that what
// decodes re-encodes, and that the encoding decodes strictly to the same
// value. The nesting limit is low, as go-cmp takes time exponential in the
// depth of a tree of ORs.
func FuzzSearch(f *testing.F) {
	for _, c := range allCases {
		switch c.want.(type) {
		case *Search, *Sort, *Thread:
			f.Add(c.in)
		}
	}
	f.Fuzz(func(t *testing.T, in string) {
		opts := []wire.Option{wire.MaxDepth(5)}
		d := NewDecoder(strings.NewReader(in), opts...)
		for {
			tag, c, err := d.ReadCommand()
			if err == io.EOF {
				return
			}
			if err != nil {
				if err := d.Skip(); err != nil {
					return
				}
				continue
			}
			switch c.(type) {
			case *Search, *Sort, *Thread:
			default:
				continue
			}
			enc, err := encodeOne(tag, c, opts...)
			if err != nil {
				t.Fatalf("%q decodes to %#v, which does not encode: %v", in, c, err)
			}
			_, again, _, err := decodeOne("", strings.NewReader(enc), strictOpts(opts)...)
			var se *wire.SyntaxError
			if errors.As(err, &se) && (se.Quirk == wire.QuirkNULInLiteral || se.Quirk == wire.QuirkBracketInAtom) {
				// Values that have no valid form are written back
				// as they came: see TestSearchLenientValues.
				_, again, _, err = decodeOne("", strings.NewReader(enc), opts...)
			}
			if err != nil {
				t.Fatalf("%q encodes as %q, which does not decode: %v", in, enc, err)
			}
			if diff := cmp.Diff(c, again, cmpOpts...); diff != "" {
				t.Fatalf("%q encodes as %q, which decodes differently:\n%s", in, enc, diff)
			}
		}
	})
}
