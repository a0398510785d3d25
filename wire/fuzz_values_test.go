package wire

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkFuzzError checks the invariants of every error the value parsers
// return: a *SyntaxError for rule, its Offset inside the input, its Quote
// taken from there, and its cause either ErrQuirk with a Quirk or a detail
// wrapping ErrSyntax.
func checkFuzzError(t *testing.T, err error, in, rule string) *SyntaxError {
	t.Helper()
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("error %v (%T) is not a *SyntaxError", err, err)
	}
	if se.Rule != rule {
		t.Fatalf("Rule = %q, want %q", se.Rule, rule)
	}
	if se.Offset < 0 || se.Offset > int64(len(in)) {
		t.Fatalf("Offset %d outside the input of %d bytes", se.Offset, len(in))
	}
	if want := quote([]byte(in[se.Offset:])); se.Quote != want {
		t.Fatalf("Quote = %q, want %q", se.Quote, want)
	}
	if se.Quirk != 0 {
		if se.Err != ErrQuirk {
			t.Fatalf("Quirk %v with Err %v", se.Quirk, se.Err)
		}
	} else if !errors.Is(err, ErrSyntax) {
		t.Fatalf("error %v does not wrap ErrSyntax", err)
	}
	_ = se.Error()
	return se
}

// maxFuzzMailbox bounds the names the mailbox fuzz targets try. The code
// under test is linear and keeps at most 22 bits of state per shift, so
// longer names find nothing new, while the fuzzer's minimiser, which is
// quadratic in the input length, would spend the whole run shrinking each
// long interesting input through the byte-at-a-time streaming checks.
const maxFuzzMailbox = 256

func FuzzDecodeMailbox(f *testing.F) {
	for _, tc := range mailboxCases {
		f.Add(tc.encoded)
	}
	for _, tc := range mailboxRefusals {
		f.Add(tc.prefix + tc.rest)
	}
	f.Add("Tom & Jerry &AOk-")
	f.Add("&AOk-&AOk-")
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > maxFuzzMailbox {
			t.Skip()
		}
		name, err := DecodeMailbox(in)
		bname, bq, berr := decodeMailbox([]byte(in), false)
		if name != bname || bq != (QuirkReport{}) || (err == nil) != (berr == nil) ||
			(err != nil && err.Error() != berr.Error()) {
			t.Fatalf("DecodeMailbox = %q, %v; decodeMailbox strict = %q, %v, %v", name, err, bname, bq, berr)
		}

		// The streaming decoder agrees, whole and one byte at a time.
		sname, serr := ModifiedUTF7.NewDecoder().String(in)
		cname, cerr := transformChunked(t, ModifiedUTF7.NewDecoder(), []byte(in), 1, 1)
		if err == nil {
			if !utf8.ValidString(name) {
				t.Fatalf("DecodeMailbox(%q) = %q, not valid UTF-8", in, name)
			}
			if enc := EncodeMailbox(name); enc != in {
				t.Fatalf("EncodeMailbox(DecodeMailbox(%q)) = %q", in, enc)
			}
			if serr != nil || sname != name || cerr != nil || string(cname) != name {
				t.Fatalf("streaming decoder = %q, %v and %q, %v; want %q", sname, serr, cname, cerr, name)
			}
		} else {
			checkFuzzError(t, err, in, ruleMailbox)
			sameSyntaxError(t, serr, err)
			sameSyntaxError(t, cerr, err)
		}

		// Lenient decoding differs only in the unencoded '&'.
		lname, q, lerr := decodeMailbox([]byte(in), true)
		var se *SyntaxError
		errors.As(err, &se)
		switch {
		case err == nil:
			if lerr != nil || lname != name || q != (QuirkReport{}) {
				t.Fatalf("lenient = %q, %v, %v; strict gave %q", lname, q, lerr, name)
			}
		case se.Quirk == 0:
			if lerr == nil || lerr.Error() != err.Error() {
				t.Fatalf("lenient error %v, strict error %v", lerr, err)
			}
		default:
			if lerr == nil {
				want := QuirkReport{Quirk: QuirkUnencodedAmpersand, Offset: se.Offset}
				if q != want {
					t.Fatalf("lenient report %v, want %v", q, want)
				}
				if !utf8.ValidString(lname) {
					t.Fatalf("lenient result %q is not valid UTF-8", lname)
				}
				break
			}
			lse := checkFuzzError(t, lerr, in, ruleMailbox)
			if lse.Quirk != 0 || lse.Offset <= se.Offset {
				t.Fatalf("lenient error %v after strict quirk %v", lerr, err)
			}
		}
	})
}

func FuzzEncodeMailbox(f *testing.F) {
	for _, tc := range mailboxCases {
		f.Add(tc.decoded)
	}
	f.Add("a\xffb")
	f.Add("\xf0\x9f\x98")
	f.Add("日\xe6\x97")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > maxFuzzMailbox {
			t.Skip()
		}
		enc := EncodeMailbox(s)
		if ref := refMailbox(s); enc != ref {
			t.Fatalf("EncodeMailbox(%q) = %q, reference %q", s, enc, ref)
		}
		for i := 0; i < len(enc); i++ {
			if !mboxPrintable(enc[i]) {
				t.Fatalf("EncodeMailbox(%q) = %q has byte %#x", s, enc, enc[i])
			}
		}
		want := s
		if !utf8.ValidString(s) {
			var b strings.Builder
			for _, r := range s {
				b.WriteRune(r)
			}
			want = b.String()
		}
		dec, err := DecodeMailbox(enc)
		if err != nil || dec != want {
			t.Fatalf("DecodeMailbox(EncodeMailbox(%q)) = %q, %v; want %q", s, dec, err, want)
		}
		if got := string(appendMailbox([]byte("x"), s)); got != "x"+enc {
			t.Fatalf("appendMailbox = %q, want %q", got, "x"+enc)
		}
		if got, err := ModifiedUTF7.NewEncoder().String(s); err != nil || got != enc {
			t.Fatalf("streaming encoder = %q, %v; want %q", got, err, enc)
		}
		if got, err := transformChunked(t, ModifiedUTF7.NewEncoder(), []byte(s), 1, 1); err != nil || string(got) != enc {
			t.Fatalf("one-byte streaming encoder = %q, %v; want %q", got, err, enc)
		}
	})
}

func FuzzSeqSet(f *testing.F) {
	for _, tc := range seqSetCases {
		f.Add(tc.in)
	}
	for _, tc := range seqSetRefusals {
		f.Add(tc.prefix + tc.rest)
	}
	f.Fuzz(func(t *testing.T, in string) {
		x, err := ParseSeqSet(in)
		bx, berr := parseSeqSet([]byte(in))
		if !reflect.DeepEqual(x, bx) || (err == nil) != (berr == nil) || (err != nil && err.Error() != berr.Error()) {
			t.Fatalf("ParseSeqSet = %+v, %v; parseSeqSet = %+v, %v", x, err, bx, berr)
		}
		if err != nil {
			checkFuzzError(t, err, in, ruleSeqSet)
			return
		}
		if x.IsZero() {
			t.Fatalf("ParseSeqSet(%q) gave the zero set", in)
		}
		str := x.String()
		if got := string(x.AppendTo(nil)); got != str {
			t.Fatalf("AppendTo = %q, String = %q", got, str)
		}
		y, err := ParseSeqSet(str)
		if err != nil || !reflect.DeepEqual(x, y) {
			t.Fatalf("ParseSeqSet(String(%q) = %q) = %+v, %v; want %+v", in, str, y, err, x)
		}
		if again := y.String(); again != str {
			t.Fatalf("String not a fixed point: %q then %q", str, again)
		}
		// Numbers is ascending, unique and agrees with Contains, checked
		// on the numbers up to a bound.
		const bound = 100
		for _, max := range []uint32{0, 7, 4294967295} {
			var prev uint32
			var got []uint32
			for n := range x.Numbers(max) {
				if n <= prev {
					t.Fatalf("Numbers(%d) of %q: %d after %d", max, in, n, prev)
				}
				prev = n
				if n > bound {
					break
				}
				got = append(got, n)
			}
			var want []uint32
			for n := uint32(0); n <= bound; n++ {
				if x.Contains(n, max) {
					want = append(want, n)
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q max %d: Numbers %v, Contains %v", in, max, got, want)
			}
		}
	})
}

func FuzzDateTime(f *testing.F) {
	for _, tc := range dateTimeCases {
		f.Add(tc.in)
	}
	for _, tc := range dateTimeRefusals {
		f.Add(tc.prefix + tc.rest)
	}
	f.Add("1-Feb-1994")
	f.Add("29-feb-2000")
	f.Add("29-Feb-2100 00:00:00 +0000")
	f.Add("01-Jan-0001 00:00:00 +2359")
	f.Add("31-Dec-9999 23:59:60 -2359")
	f.Add("01-Mar-0000 12:00:00 +0000")
	f.Add("15-Oct-1582 00:00:00 -0061")
	f.Fuzz(func(t *testing.T, in string) {
		// The one-pass parser agrees with the field-by-field one
		// wherever it accepts: same instant, same zone, same location.
		if ft, ok := fastDateTime(in); ok {
			st, err := parseDateTimeFields(in)
			if err != nil || !sameDateTime(ft, st) {
				t.Fatalf("%q: fastDateTime = %v; parseDateTimeFields = %v, %v", in, ft, st, err)
			}
		}
		tm, err := ParseDateTime(in)
		btm, berr := parseDateTime([]byte(in))
		if !tm.Equal(btm) || (err == nil) != (berr == nil) || (err != nil && err.Error() != berr.Error()) {
			t.Fatalf("ParseDateTime = %v, %v; parseDateTime = %v, %v", tm, err, btm, berr)
		}
		if err != nil {
			checkFuzzError(t, err, in, ruleDateTime)
		} else {
			out := AppendDateTime(nil, tm)
			tm2, err := parseDateTime(out)
			if err != nil {
				t.Fatalf("parseDateTime(AppendDateTime(ParseDateTime(%q)) = %q): %v", in, out, err)
			}
			_, off1 := tm.Zone()
			_, off2 := tm2.Zone()
			if !tm2.Equal(tm) || off1 != off2 {
				t.Fatalf("%q -> %q: %v, want %v", in, out, tm2, tm)
			}
			if again := AppendDateTime(nil, tm2); string(again) != string(out) {
				t.Fatalf("AppendDateTime not a fixed point: %q then %q", out, again)
			}
		}

		d, err := ParseDate(in)
		if err != nil {
			checkFuzzError(t, err, in, ruleDate)
			return
		}
		out := AppendDate(nil, d)
		d2, err := parseDate(out)
		if err != nil || d2 != d {
			t.Fatalf("parseDate(AppendDate(ParseDate(%q)) = %q) = %v, %v; want %v", in, out, d2, err, d)
		}
	})
}
