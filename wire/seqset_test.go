package wire

import (
	"reflect"
	"slices"
	"testing"
)

// seqSetCases are valid sequence sets with their parsed value and canonical
// form.
var seqSetCases = []struct {
	name string
	in   string
	want SeqSet
	str  string // canonical form
}{
	{"one", "1", SeqSet{Ranges: []SeqRange{{1, 1}}}, "1"},
	{"star", "*", SeqSet{Ranges: []SeqRange{{0, 0}}}, "*"},
	{"range", "1:4", SeqSet{Ranges: []SeqRange{{1, 4}}}, "1:4"},
	{"open range", "1:*", SeqSet{Ranges: []SeqRange{{1, 0}}}, "1:*"},
	{"star first", "*:5", SeqSet{Ranges: []SeqRange{{5, 0}}}, "5:*"},
	{"reversed", "5:3", SeqSet{Ranges: []SeqRange{{3, 5}}}, "3:5"},
	{"one-number range", "7:7", SeqSet{Ranges: []SeqRange{{7, 7}}}, "7"},
	{"star range", "*:*", SeqSet{Ranges: []SeqRange{{0, 0}}}, "*"},
	{"largest", "4294967295", SeqSet{Ranges: []SeqRange{{4294967295, 4294967295}}}, "4294967295"},
	{"everything", "1:4294967295", SeqSet{Ranges: []SeqRange{{1, 4294967295}}}, "1:4294967295"},
	{"ten", "10", SeqSet{Ranges: []SeqRange{{10, 10}}}, "10"},
	// RFC 9051 §9, the examples under sequence-set.
	{"rfc example", "2,4:7,9,12:*", SeqSet{Ranges: []SeqRange{{2, 2}, {4, 7}, {9, 9}, {12, 0}}}, "2,4:7,9,12:*"},
	{"rfc example star", "*:4,5:7", SeqSet{Ranges: []SeqRange{{4, 0}, {5, 7}}}, "4:*,5:7"},
	{"order kept", "3,1,2", SeqSet{Ranges: []SeqRange{{3, 3}, {1, 1}, {2, 2}}}, "3,1,2"},
	{"duplicates kept", "1,1,1:1", SeqSet{Ranges: []SeqRange{{1, 1}, {1, 1}, {1, 1}}}, "1,1,1"},
	{"overlaps kept", "1:5,3:8", SeqSet{Ranges: []SeqRange{{1, 5}, {3, 8}}}, "1:5,3:8"},
	// RFC 5182.
	{"saved", "$", SeqSet{Saved: true}, "$"},
}

// seqSetRefusals are invalid sequence sets; the error is at len(prefix).
var seqSetRefusals = []struct {
	name   string
	prefix string
	rest   string
}{
	{"empty", "", ""},
	{"zero", "", "0"},
	{"zero in range", "1:", "0"},
	{"zero element", "1,", "0"},
	{"leading zero", "", "01"},
	{"leading zero later", "1,", "01"},
	{"leading zeros", "5:", "007"},
	{"overflow", "429496729", "6"},
	{"overflow long", "999999999", "99"},
	{"overflow extra digit", "4294967295", "0"},
	{"overflow in range", "1:500000000", "0"},
	{"comma", "", ","},
	{"trailing comma", "1,", ""},
	{"leading comma", "", ",1"},
	{"double comma", "1,", ",2"},
	{"double colon", "1:", ":2"},
	{"three ends", "1:2", ":3"},
	{"open colon", "1:", ""},
	{"colon first", "", ":1"},
	{"saved then more", "$", ",1"},
	{"saved after", "1,", "$"},
	{"saved in range", "1:", "$"},
	{"saved twice", "$", "$"},
	{"space", "1", " 2"},
	{"leading space", "", " 1"},
	{"trailing space", "1", " "},
	{"hyphen", "1", "-2"},
	{"minus", "", "-1"},
	{"plus", "", "+1"},
	{"letter", "", "a"},
	{"letter after", "12", "a"},
	{"two stars", "*", "*"},
	{"star digit", "*", "5"},
	{"digit star", "5", "*"},
	{"fullwidth digit", "", "１"},
	{"nul", "1", "\x00"},
	{"paren", "", "(1)"},
}

func TestParseSeqSet(t *testing.T) {
	for _, tc := range seqSetCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseSeqSet(tc.in)
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("ParseSeqSet(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
			}
			b := []byte(tc.in)
			got2, err := parseSeqSet(b)
			if err != nil || !reflect.DeepEqual(got2, tc.want) {
				t.Errorf("parseSeqSet(%q) = %+v, %v; want %+v", tc.in, got2, err, tc.want)
			}
			for i := range b {
				b[i] = 'x' // the result must not depend on b afterwards
			}
			if !reflect.DeepEqual(got2, tc.want) {
				t.Errorf("parseSeqSet result changed with its input: %+v", got2)
			}
			if s := got.String(); s != tc.str {
				t.Errorf("String() = %q, want %q", s, tc.str)
			}
			if s := string(got.AppendTo([]byte("x"))); s != "x"+tc.str {
				t.Errorf("AppendTo = %q, want %q", s, "x"+tc.str)
			}
			again, err := ParseSeqSet(got.String())
			if err != nil || !reflect.DeepEqual(again, got) {
				t.Errorf("ParseSeqSet(String()) = %+v, %v; want %+v", again, err, got)
			}
			if cap(got.Ranges) != len(got.Ranges) {
				t.Errorf("Ranges has capacity %d for %d ranges", cap(got.Ranges), len(got.Ranges))
			}
		})
	}
}

func TestParseSeqSetRefused(t *testing.T) {
	for _, tc := range seqSetRefusals {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.prefix + tc.rest
			got, err := ParseSeqSet(in)
			if err == nil {
				t.Fatalf("ParseSeqSet(%q) = %+v, want an error", in, got)
			}
			checkValueError(t, err, in, ruleSeqSet, len(tc.prefix), 0)
			_, err2 := parseSeqSet([]byte(in))
			if err2 == nil || err2.Error() != err.Error() {
				t.Errorf("parseSeqSet error = %v, want %v", err2, err)
			}
		})
	}
}

func TestSeqSetString(t *testing.T) {
	for _, tc := range []struct {
		set  SeqSet
		want string
	}{
		{SeqSet{}, ""},
		{SeqSet{Saved: true}, "$"},
		{SeqSet{Ranges: []SeqRange{{5, 3}}}, "3:5"},
		{SeqSet{Ranges: []SeqRange{{0, 5}}}, "5:*"},
		{SeqSet{Ranges: []SeqRange{{5, 0}}}, "5:*"},
		{SeqSet{Ranges: []SeqRange{{0, 0}}}, "*"},
		{SeqSet{Ranges: []SeqRange{{7, 7}}}, "7"},
		{SeqSet{Ranges: []SeqRange{{9, 1}, {2, 2}, {0, 3}}}, "1:9,2,3:*"},
	} {
		if got := tc.set.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.set, got, tc.want)
		}
	}
	// A long set does not fit String's stack buffer.
	var s SeqSet
	want := ""
	for i := range uint32(100) {
		s.AddRange(i*1000+1, i*1000+999)
		if i > 0 {
			want += ","
		}
		want += string(appendSeqNumber(nil, i*1000+1)) + ":" + string(appendSeqNumber(nil, i*1000+999))
	}
	if got := s.String(); got != want {
		t.Errorf("long String() = %q, want %q", got, want)
	}
}

func TestSeqSetAdd(t *testing.T) {
	var s SeqSet
	s.AddNum(3, 1)
	s.AddRange(9, 5)
	s.AddRange(0, 4)
	s.AddNum(0)
	want := SeqSet{Ranges: []SeqRange{{3, 3}, {1, 1}, {5, 9}, {4, 0}, {0, 0}}}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("got %+v, want %+v", s, want)
	}
	if got := s.String(); got != "3,1,5:9,4:*,*" {
		t.Errorf("String() = %q", got)
	}
	saved := SeqSet{Saved: true}
	saved.AddNum(2)
	if saved.Saved || saved.String() != "2" {
		t.Errorf("AddNum on a saved set = %+v", saved)
	}
	saved = SeqSet{Saved: true}
	saved.AddRange(2, 3)
	if saved.Saved || saved.String() != "2:3" {
		t.Errorf("AddRange on a saved set = %+v", saved)
	}
}

func TestSeqSetIsZeroDynamic(t *testing.T) {
	for _, tc := range []struct {
		in            string
		zero, dynamic bool
	}{
		{"1", false, false},
		{"1:5,7", false, false},
		{"*", false, true},
		{"1:*", false, true},
		{"3,*:7", false, true},
		{"$", false, true},
	} {
		s, err := ParseSeqSet(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if s.IsZero() != tc.zero || s.Dynamic() != tc.dynamic {
			t.Errorf("%q: IsZero %v Dynamic %v; want %v %v", tc.in, s.IsZero(), s.Dynamic(), tc.zero, tc.dynamic)
		}
	}
	if !(SeqSet{}).IsZero() || (SeqSet{}).Dynamic() {
		t.Error("zero SeqSet: want IsZero and not Dynamic")
	}
	if (SeqSet{Ranges: []SeqRange{}}).IsZero() != true {
		t.Error("empty Ranges: want IsZero")
	}
}

func TestSeqSetContains(t *testing.T) {
	for _, tc := range []struct {
		set  string
		max  uint32
		want []uint32 // every number in 0..20 that is in the set
	}{
		// RFC 9051 §9: 2,4:7,9,12:* for a mailbox with 15 messages.
		{"2,4:7,9,12:*", 15, []uint32{2, 4, 5, 6, 7, 9, 12, 13, 14, 15}},
		// RFC 9051 §9: *:4,5:7 for a mailbox with 10 messages.
		{"*:4,5:7", 10, []uint32{4, 5, 6, 7, 8, 9, 10}},
		{"7:4", 20, []uint32{4, 5, 6, 7}},
		{"*", 5, []uint32{5}},
		{"10:*", 5, []uint32{5, 6, 7, 8, 9, 10}}, // "*" below the other end
		{"1:*", 0, nil},                          // empty mailbox: "*" stands for nothing
		{"3,*", 0, []uint32{3}},
		{"18:25", 3, []uint32{18, 19, 20}}, // numbers beyond max are still in the set
		{"$", 10, nil},
	} {
		s, err := ParseSeqSet(tc.set)
		if err != nil {
			t.Fatal(err)
		}
		var got []uint32
		for n := range uint32(21) {
			if s.Contains(n, tc.max) {
				got = append(got, n)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q max %d contains %v, want %v", tc.set, tc.max, got, tc.want)
		}
	}
	s := SeqSet{Ranges: []SeqRange{{5, 3}}} // written reversed, not normalised
	if !s.Contains(4, 10) || s.Contains(6, 10) {
		t.Error("reversed range: Contains wrong")
	}
	big, _ := ParseSeqSet("4294967295")
	if !big.Contains(4294967295, 7) {
		t.Error("largest number not found")
	}
}

func TestSeqSetNumbers(t *testing.T) {
	for _, tc := range []struct {
		set  string
		max  uint32
		want []uint32
	}{
		{"2,4:7,9,12:*", 15, []uint32{2, 4, 5, 6, 7, 9, 12, 13, 14, 15}},
		{"*:4,5:7", 10, []uint32{4, 5, 6, 7, 8, 9, 10}},
		{"7:4", 0, []uint32{4, 5, 6, 7}},
		{"1:5,3:8,2", 0, []uint32{1, 2, 3, 4, 5, 6, 7, 8}},
		{"9,1:3,2,3", 0, []uint32{1, 2, 3, 9}},
		{"5,4,3,2,1", 0, []uint32{1, 2, 3, 4, 5}},
		{"*,1", 3, []uint32{1, 3}},
		{"*,1", 0, []uint32{1}},
		{"10:*", 8, []uint32{8, 9, 10}},
		{"4294967293:*", 4294967295, []uint32{4294967293, 4294967294, 4294967295}},
		{"4294967295,4294967295:4294967294", 0, []uint32{4294967294, 4294967295}},
		{"$", 10, nil},
	} {
		s, err := ParseSeqSet(tc.set)
		if err != nil {
			t.Fatal(err)
		}
		got := slices.Collect(s.Numbers(tc.max))
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q max %d: Numbers = %v, want %v", tc.set, tc.max, got, tc.want)
		}
	}
}

func TestSeqSetNumbersHuge(t *testing.T) {
	for _, in := range []string{"1:4294967295", "4294967295:1", "1:*", "7,1:4294967295"} {
		s, err := ParseSeqSet(in)
		if err != nil {
			t.Fatal(err)
		}
		var got []uint32
		for n := range s.Numbers(4294967295) {
			got = append(got, n)
			if len(got) == 3 {
				break
			}
		}
		if !slices.Equal(got, []uint32{1, 2, 3}) {
			t.Errorf("%q: first numbers %v", in, got)
		}
	}
}

func TestSeqSetNumbersMatchesContains(t *testing.T) {
	sets := []string{"1", "*", "3:1", "2,4:7,9,12:*", "*:4,5:7", "5,1:3,2:6", "9:*,2", "1:2,1:2,2:1"}
	for _, in := range sets {
		s, err := ParseSeqSet(in)
		if err != nil {
			t.Fatal(err)
		}
		for max := range uint32(16) {
			var want []uint32
			for n := range uint32(20) {
				if s.Contains(n, max) {
					want = append(want, n)
				}
			}
			if got := slices.Collect(s.Numbers(max)); !slices.Equal(got, want) {
				t.Errorf("%q max %d: Numbers %v, Contains %v", in, max, got, want)
			}
		}
	}
}

func TestSeqSetAllocs(t *testing.T) {
	b := []byte("1:5,7,9:*")
	s, _ := parseSeqSet(b)
	buf := make([]byte, 0, 64)
	for _, tc := range []struct {
		name string
		want float64
		f    func()
	}{
		{"parseSeqSet", 1, func() { parseSeqSet(b) }},
		{"parseSeqSet saved", 0, func() { parseSeqSet([]byte{'$'}) }},
		{"AppendTo with room", 0, func() { s.AppendTo(buf[:0]) }},
		{"Contains", 0, func() { s.Contains(8, 100) }},
	} {
		if got := testing.AllocsPerRun(100, tc.f); got != tc.want {
			t.Errorf("%s: %v allocations, want %v", tc.name, got, tc.want)
		}
	}
}
