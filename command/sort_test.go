package command

import (
	"testing"
	"time"
)

func init() {
	allCases = append(allCases, []testCase{
		{name: "RFC 5256 §3 SORT example", in: "A282 SORT (SUBJECT) UTF-8 SINCE 1-Feb-1994\r\n",
			want: &Sort{Criteria: []SortCriterion{{Key: "SUBJECT"}}, Charset: "UTF-8",
				Keys: []SearchKey{searchKDate("SINCE", 1994, time.February, 1)}}},
		{name: "RFC 5256 §3 SORT example REVERSE", in: "A283 SORT (SUBJECT REVERSE DATE) UTF-8 ALL\r\n",
			want: &Sort{Criteria: []SortCriterion{{Key: "SUBJECT"}, {Key: "DATE", Reverse: true}}, Charset: "UTF-8",
				Keys: []SearchKey{searchK("ALL")}}},
		{name: "RFC 5256 §3 SORT example US-ASCII", in: "A284 SORT (SUBJECT) US-ASCII TEXT \"not in mailbox\"\r\n",
			want: &Sort{Criteria: []SortCriterion{{Key: "SUBJECT"}}, Charset: "US-ASCII",
				Keys: []SearchKey{searchKV("TEXT", "not in mailbox")}}},
		{name: "RFC 5256 every sort key", in: "a UID SORT (ARRIVAL CC DATE FROM SIZE SUBJECT TO REVERSE ARRIVAL) UTF-8 1:* UNSEEN\r\n",
			want: &Sort{UID: true, Criteria: []SortCriterion{{Key: "ARRIVAL"}, {Key: "CC"}, {Key: "DATE"}, {Key: "FROM"},
				{Key: "SIZE"}, {Key: "SUBJECT"}, {Key: "TO"}, {Key: "ARRIVAL", Reverse: true}}, Charset: "UTF-8",
				Keys: []SearchKey{searchSeq("1:*"), searchK("UNSEEN")}}},
		{name: "RFC 5957 DISPLAYFROM", in: "A3 SORT (DISPLAYFROM) UTF-8 ALL\r\n",
			want: &Sort{Criteria: []SortCriterion{{Key: "DISPLAYFROM"}}, Charset: "UTF-8", Keys: []SearchKey{searchK("ALL")}}},
		{name: "RFC 5957 REVERSE DISPLAYTO", in: "A4 SORT (REVERSE DISPLAYTO) UTF-8 ALL\r\n",
			want: &Sort{Criteria: []SortCriterion{{Key: "DISPLAYTO", Reverse: true}}, Charset: "UTF-8", Keys: []SearchKey{searchK("ALL")}}},
		{name: "RFC 6203 RELEVANCY", in: "C1 SORT (RELEVANCY) UTF-8 FUZZY SUBJECT \"Helo\"\r\n",
			want:  &Sort{Criteria: []SortCriterion{{Key: "RELEVANCY"}}, Charset: "UTF-8", Keys: []SearchKey{searchFuzzy(searchKV("SUBJECT", "Helo"))}},
			canon: "C1 SORT (RELEVANCY) UTF-8 FUZZY SUBJECT Helo\r\n"},
		{name: "RFC 5267 ESORT RETURN (MIN)", in: "A1 SORT RETURN (MIN) (DATE) UTF-8 ALL\r\n",
			want: &Sort{Return: &SearchReturn{Min: true}, Criteria: []SortCriterion{{Key: "DATE"}}, Charset: "UTF-8",
				Keys: []SearchKey{searchK("ALL")}}},
		{name: "RFC 5267 ESORT with PARTIAL and COUNT", in: "B01 UID SORT RETURN (PARTIAL 1:100 COUNT) (REVERSE ARRIVAL) UTF-8 UNDELETED UNKEYWORD $Junk\r\n",
			want: &Sort{UID: true, Return: &SearchReturn{Count: true, Partial: &SearchPartial{1, 100}},
				Criteria: []SortCriterion{{Key: "ARRIVAL", Reverse: true}}, Charset: "UTF-8",
				Keys: []SearchKey{searchK("UNDELETED"), searchKV("UNKEYWORD", "$Junk")}},
			canon: "B01 UID SORT RETURN (COUNT PARTIAL 1:100) (REVERSE ARRIVAL) UTF-8 UNDELETED UNKEYWORD $Junk\r\n"},
		{name: "SORT with RETURN ()", in: "a SORT RETURN () (DATE) UTF-8 ALL\r\n",
			want: &Sort{Return: &SearchReturn{}, Criteria: []SortCriterion{{Key: "DATE"}}, Charset: "UTF-8", Keys: []SearchKey{searchK("ALL")}}},
		{name: "SORT in lower case", in: "a uid sort (reverse date x-score) utf-8 or from a from b\r\n",
			want: &Sort{UID: true, Criteria: []SortCriterion{{Key: "DATE", Reverse: true}, {Key: "X-SCORE"}}, Charset: "UTF-8",
				Keys: []SearchKey{searchOr(searchKV("FROM", "a"), searchKV("FROM", "b"))}},
			canon: "a UID SORT (REVERSE DATE X-SCORE) UTF-8 OR FROM a FROM b\r\n"},
		{name: "SORT with a quoted charset", in: "a SORT (SIZE) \"UTF-8\" LARGER 100\r\n",
			want:  &Sort{Criteria: []SortCriterion{{Key: "SIZE"}}, Charset: "UTF-8", Keys: []SearchKey{searchKN("LARGER", 100)}},
			canon: "a SORT (SIZE) UTF-8 LARGER 100\r\n"},

		{name: "SORT with spaces inside the criteria", in: "a SORT ( DATE ) UTF-8 ALL\r\n",
			want:  &Sort{Criteria: []SortCriterion{{Key: "DATE"}}, Charset: "UTF-8", Keys: []SearchKey{searchK("ALL")}},
			canon: "a SORT (DATE) UTF-8 ALL\r\n", quirks: []string{"extra-space@8", "space-before-paren@13"}},

		{name: "RFC 5256 §3 THREAD example", in: "A283 THREAD ORDEREDSUBJECT UTF-8 SINCE 5-MAR-2000\r\n",
			want:  &Thread{Algorithm: "ORDEREDSUBJECT", Charset: "UTF-8", Keys: []SearchKey{searchKDate("SINCE", 2000, time.March, 5)}},
			canon: "A283 THREAD ORDEREDSUBJECT UTF-8 SINCE 5-Mar-2000\r\n"},
		{name: "RFC 5256 §3 THREAD example US-ASCII", in: "A284 THREAD ORDEREDSUBJECT US-ASCII TEXT \"gewp\"\r\n",
			want:  &Thread{Algorithm: "ORDEREDSUBJECT", Charset: "US-ASCII", Keys: []SearchKey{searchKV("TEXT", "gewp")}},
			canon: "A284 THREAD ORDEREDSUBJECT US-ASCII TEXT gewp\r\n"},
		{name: "RFC 5256 THREAD REFERENCES", in: "a UID THREAD REFERENCES UTF-8 NOT DELETED (OR SEEN FLAGGED)\r\n",
			want: &Thread{UID: true, Algorithm: "REFERENCES", Charset: "UTF-8",
				Keys: []SearchKey{searchNot(searchK("DELETED")), searchAnd(searchOr(searchK("SEEN"), searchK("FLAGGED")))}}},
		{name: "THREAD REFS", in: "a THREAD refs utf-8 ALL\r\n",
			want:  &Thread{Algorithm: "REFS", Charset: "UTF-8", Keys: []SearchKey{searchK("ALL")}},
			canon: "a THREAD REFS UTF-8 ALL\r\n"},
		{name: "THREAD of an extension", in: "a THREAD X-MY-ALG UTF-8 ALL\r\n",
			want: &Thread{Algorithm: "X-MY-ALG", Charset: "UTF-8", Keys: []SearchKey{searchK("ALL")}}},
	}...)
	allErrorCases = append(allErrorCases, []errorCase{
		{name: "SORT without criteria", in: "a SORT\r\n", off: 6},
		{name: "SORT empty criteria", in: "a SORT () UTF-8 ALL\r\n", off: 8},
		{name: "SORT REVERSE alone", in: "a SORT (REVERSE) UTF-8 ALL\r\n", off: 15},
		{name: "SORT REVERSE twice", in: "a SORT (REVERSE REVERSE DATE) UTF-8 ALL\r\n", off: 16},
		{name: "SORT unknown key", in: "a SORT (DATE COLOUR) UTF-8 ALL\r\n", off: 13},
		{name: "SORT without a charset", in: "a SORT (SUBJECT) ALL\r\n", off: 20},
		{name: "SORT without parentheses", in: "a SORT SUBJECT UTF-8 ALL\r\n", off: 7},
		{name: "SORT RETURN without criteria", in: "a SORT RETURN (MIN) UTF-8 ALL\r\n", off: 20},
		{name: "SORT without keys", in: "a UID SORT (DATE) UTF-8\r\n", off: 23},
		{name: "SORT bad key", in: "a SORT (DATE) UTF-8 ALL BOGUS\r\n", off: 24},
		{name: "SORT CHARSET word", in: "a SORT (DATE) CHARSET UTF-8 ALL\r\n", off: 22},
		{name: "THREAD without arguments", in: "a THREAD\r\n", off: 8},
		{name: "THREAD without keys", in: "a THREAD REFERENCES UTF-8\r\n", off: 25},
		{name: "THREAD algorithm in parentheses", in: "a THREAD (REFERENCES) UTF-8 ALL\r\n", off: 9},
		{name: "THREAD algorithm with a bracket", in: "a THREAD REF]S UTF-8 ALL\r\n", off: 12},
		{name: "THREAD algorithm with 8-bit bytes", in: "a THREAD REF\xc3\xa9 UTF-8 ALL\r\n", off: 12},
		{name: "THREAD empty charset", in: "a UID THREAD REFERENCES \"\" ALL\r\n", off: 24},
	}...)
}

func TestSortRefusals(t *testing.T) {
	all := []SearchKey{searchK("ALL")}
	checkRefused(t,
		&Sort{Charset: "UTF-8", Keys: all},
		&Sort{Criteria: []SortCriterion{{Key: "DATE"}}, Keys: all},
		&Sort{Criteria: []SortCriterion{{Key: "DATE"}}, Charset: "UTF-8"},
		&Sort{Criteria: []SortCriterion{{Key: "date"}}, Charset: "UTF-8", Keys: all},
		&Sort{Criteria: []SortCriterion{{Key: "COLOUR"}}, Charset: "UTF-8", Keys: all},
		&Sort{Criteria: []SortCriterion{{Key: "X-score"}}, Charset: "UTF-8", Keys: all},
		&Sort{Criteria: []SortCriterion{{Key: ""}}, Charset: "UTF-8", Keys: all},
		&Sort{Criteria: []SortCriterion{{Key: "DATE"}}, Charset: "utf-8", Keys: all},
		&Sort{Return: &SearchReturn{Partial: &SearchPartial{}}, Criteria: []SortCriterion{{Key: "DATE"}}, Charset: "UTF-8", Keys: all},
		&Sort{Criteria: []SortCriterion{{Key: "DATE"}}, Charset: "UTF-8", Keys: []SearchKey{searchK("NOT")}},
		&Thread{Charset: "UTF-8", Keys: all},
		&Thread{Algorithm: "references", Charset: "UTF-8", Keys: all},
		&Thread{Algorithm: "REF S", Charset: "UTF-8", Keys: all},
		&Thread{Algorithm: "REFERENCES", Keys: all},
		&Thread{Algorithm: "REFERENCES", Charset: "UTF-8"},
		&Thread{Algorithm: "REFERENCES", Charset: "UTF-8", Keys: []SearchKey{searchOr(searchK("ALL"), SearchKey{})}},
	)
}

func TestSortKinds(t *testing.T) {
	for _, c := range []struct {
		cmd  Command
		want string
	}{
		{&Search{}, "SEARCH"}, {&Search{UID: true}, "UID SEARCH"},
		{&Sort{}, "SORT"}, {&Sort{UID: true}, "UID SORT"},
		{&Thread{}, "THREAD"}, {&Thread{UID: true}, "UID THREAD"},
	} {
		if got := c.cmd.Kind(); got != c.want {
			t.Errorf("%T Kind() = %q, want %q", c.cmd, got, c.want)
		}
	}
}
