package wire

import (
	"testing"
	"time"
)

// dateTimeCases are valid date-time contents (without DQUOTEs) with the
// instant, the zone offset in seconds and the canonical form.
var dateTimeCases = []struct {
	name   string
	in     string
	want   time.Time
	offset int
	canon  string
}{
	// RFC 9051 §6.3.12 (APPEND) and RFC 3501 §6.3.11.
	{"rfc example", "17-Jul-1996 02:44:25 -0700",
		time.Date(1996, 7, 17, 9, 44, 25, 0, time.UTC), -7 * 3600, "17-Jul-1996 02:44:25 -0700"},
	{"space day", " 1-Feb-1994 21:52:25 +0100",
		time.Date(1994, 2, 1, 20, 52, 25, 0, time.UTC), 3600, "01-Feb-1994 21:52:25 +0100"},
	{"zero day", "01-Feb-1994 21:52:25 +0100",
		time.Date(1994, 2, 1, 20, 52, 25, 0, time.UTC), 3600, "01-Feb-1994 21:52:25 +0100"},
	{"utc", "31-Dec-1999 23:59:59 +0000",
		time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC), 0, "31-Dec-1999 23:59:59 +0000"},
	{"minus zero", "31-Dec-1999 23:59:59 -0000",
		time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC), 0, "31-Dec-1999 23:59:59 +0000"},
	{"lower-case month", "09-jan-2006 15:04:05 -0700",
		time.Date(2006, 1, 9, 22, 4, 5, 0, time.UTC), -7 * 3600, "09-Jan-2006 15:04:05 -0700"},
	{"upper-case month", "09-JAN-2006 15:04:05 -0700",
		time.Date(2006, 1, 9, 22, 4, 5, 0, time.UTC), -7 * 3600, "09-Jan-2006 15:04:05 -0700"},
	{"half hour", "10-Mar-2024 12:00:00 +0530",
		time.Date(2024, 3, 10, 6, 30, 0, 0, time.UTC), 5*3600 + 30*60, "10-Mar-2024 12:00:00 +0530"},
	{"nepal", "10-Mar-2024 12:00:00 +0545",
		time.Date(2024, 3, 10, 6, 15, 0, 0, time.UTC), 5*3600 + 45*60, "10-Mar-2024 12:00:00 +0545"},
	{"odd minutes", "10-Mar-2024 12:00:00 -0517",
		time.Date(2024, 3, 10, 17, 17, 0, 0, time.UTC), -(5*3600 + 17*60), "10-Mar-2024 12:00:00 -0517"},
	{"largest zone", "10-Mar-2024 12:00:00 +2359",
		time.Date(2024, 3, 9, 12, 1, 0, 0, time.UTC), 23*3600 + 59*60, "10-Mar-2024 12:00:00 +2359"},
	{"smallest zone", "10-Mar-2024 12:00:00 -2359",
		time.Date(2024, 3, 11, 11, 59, 0, 0, time.UTC), -(23*3600 + 59*60), "10-Mar-2024 12:00:00 -2359"},
	{"leap day", "29-Feb-2000 00:00:00 +0000",
		time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC), 0, "29-Feb-2000 00:00:00 +0000"},
	{"leap day 2024", "29-Feb-2024 00:00:00 +0000",
		time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), 0, "29-Feb-2024 00:00:00 +0000"},
	{"leap second", "30-Jun-2015 23:59:60 +0000",
		time.Date(2015, 6, 30, 23, 59, 59, 0, time.UTC), 0, "30-Jun-2015 23:59:59 +0000"},
	{"year 0", "01-Jan-0000 00:00:00 +0000",
		time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), 0, "01-Jan-0000 00:00:00 +0000"},
	{"year 0 leap", "29-Feb-0000 00:00:00 +0000",
		time.Date(0, 2, 29, 0, 0, 0, 0, time.UTC), 0, "29-Feb-0000 00:00:00 +0000"},
	{"year 9999", "31-Dec-9999 23:59:59 +0000",
		time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), 0, "31-Dec-9999 23:59:59 +0000"},
}

// dateTimeRefusals are invalid date-time contents; the error is at
// len(prefix).
var dateTimeRefusals = []struct{ name, prefix, rest string }{
	{"empty", "", ""},
	{"one-digit day", "1", "-Jul-1996 02:44:25 -0700"},
	{"two spaces", " ", " 1-Jul-1996 02:44:25 -0700"},
	{"space then end", " ", ""},
	{"letter day", "", "a1-Jul-1996 02:44:25 -0700"},
	{"three-digit day", "01", "7-Jul-1996 02:44:25 -0700"},
	{"quoted", "", `"17-Jul-1996 02:44:25 -0700"`},
	{"day zero", "", "00-Jul-1996 02:44:25 -0700"},
	{"space day zero", "", " 0-Jul-1996 02:44:25 -0700"},
	{"day 32", "", "32-Jul-1996 02:44:25 -0700"},
	{"april 31", "", "31-Apr-1996 02:44:25 -0700"},
	{"february 30", "", "30-Feb-2000 02:44:25 -0700"},
	{"february 29 1900", "", "29-Feb-1900 02:44:25 -0700"},
	{"february 29 2023", "", "29-Feb-2023 02:44:25 -0700"},
	{"slash", "17", "/Jul/1996 02:44:25 -0700"},
	{"bad month", "17-", "Jux-1996 02:44:25 -0700"},
	{"numeric month", "17-", "07-1996 02:44:25 -0700"},
	{"long month", "17-Jul", "y-1996 02:44:25 -0700"},
	{"short month", "17-", "Ju"},
	{"no second hyphen", "17-Jul", " 1996 02:44:25 -0700"},
	{"two-digit year", "17-Jul-96", " 02:44:25 -0700"},
	{"letter year", "17-Jul-19", "x6 02:44:25 -0700"},
	{"T separator", "17-Jul-1996", "T02:44:25 -0700"},
	{"two spaces before time", "17-Jul-1996 ", " 2:44:25 -0700"},
	{"hour 24", "17-Jul-1996 ", "24:00:00 -0700"},
	{"one-digit hour", "17-Jul-1996 2", ":44:25 -0700"},
	{"hyphen in time", "17-Jul-1996 02", "-44-25 -0700"},
	{"minute 60", "17-Jul-1996 02:", "60:00 -0700"},
	{"one-digit minute", "17-Jul-1996 02:4", ":25 -0700"},
	{"no seconds", "17-Jul-1996 02:44", " -0700"},
	{"second 61", "17-Jul-1996 02:44:", "61 -0700"},
	{"second 99", "17-Jul-1996 02:44:", "99 -0700"},
	{"fraction", "17-Jul-1996 02:44:25", ".5 -0700"},
	{"no space before zone", "17-Jul-1996 02:44:25", "-0700"},
	{"no zone", "17-Jul-1996 02:44:25", ""},
	{"space then end of zone", "17-Jul-1996 02:44:25 ", ""},
	{"unsigned zone", "17-Jul-1996 02:44:25 ", "0700"},
	{"named zone", "17-Jul-1996 02:44:25 ", "PDT"},
	{"zone hours 24", "17-Jul-1996 02:44:25 +", "2400"},
	{"zone hours 99", "17-Jul-1996 02:44:25 -", "9900"},
	{"zone minutes 60", "17-Jul-1996 02:44:25 +00", "60"},
	{"short zone", "17-Jul-1996 02:44:25 +07", ""},
	{"letter in zone", "17-Jul-1996 02:44:25 +07", "a0"},
	{"zone colon", "17-Jul-1996 02:44:25 +07", ":00"},
	{"long zone", "17-Jul-1996 02:44:25 -0700", "0"},
	{"trailing space", "17-Jul-1996 02:44:25 -0700", " "},
	{"trailing quote", "17-Jul-1996 02:44:25 -0700", `"`},
}

func TestParseDateTime(t *testing.T) {
	for _, tc := range dateTimeCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseDateTime(tc.in)
			if err != nil {
				t.Fatalf("ParseDateTime(%q): %v", tc.in, err)
			}
			if !got.Equal(tc.want) {
				t.Errorf("ParseDateTime(%q) = %v, want %v", tc.in, got, tc.want)
			}
			if _, off := got.Zone(); off != tc.offset {
				t.Errorf("offset = %d, want %d", off, tc.offset)
			}
			if tc.offset == 0 && got.Location() != time.UTC {
				t.Errorf("location = %v, want time.UTC", got.Location())
			}
			got2, err := parseDateTime([]byte(tc.in))
			if _, off2 := got2.Zone(); err != nil || !got2.Equal(got) || off2 != tc.offset {
				t.Errorf("parseDateTime = %v, %v; want %v", got2, err, got)
			}
			if s := string(AppendDateTime([]byte("x"), got)); s != "x"+tc.canon {
				t.Errorf("AppendDateTime = %q, want %q", s, "x"+tc.canon)
			}
			again, err := ParseDateTime(tc.canon)
			_, off := again.Zone()
			if err != nil || !again.Equal(got) || off != tc.offset {
				t.Errorf("ParseDateTime(canonical) = %v, %v; want %v", again, err, got)
			}
		})
	}
}

func TestParseDateTimeRefused(t *testing.T) {
	for _, tc := range dateTimeRefusals {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.prefix + tc.rest
			got, err := ParseDateTime(in)
			if err == nil {
				t.Fatalf("ParseDateTime(%q) = %v, want an error", in, got)
			}
			checkValueError(t, err, in, ruleDateTime, len(tc.prefix), 0)
			_, err2 := parseDateTime([]byte(in))
			if err2 == nil || err2.Error() != err.Error() {
				t.Errorf("parseDateTime error = %v, want %v", err2, err)
			}
		})
	}
}

func TestParseDateTimeSharedZones(t *testing.T) {
	a, _ := ParseDateTime("17-Jul-1996 02:44:25 -0700")
	b, _ := ParseDateTime("18-Aug-2001 12:00:00 -0700")
	if a.Location() != b.Location() {
		t.Error("two -0700 dates have different *time.Location values")
	}
	for off := -dateMaxZoneMinutes; off <= dateMaxZoneMinutes; off++ {
		loc := dateZone(off)
		if _, got := time.Date(2000, 1, 1, 0, 0, 0, 0, loc).Zone(); got != off*60 {
			t.Fatalf("dateZone(%d) has offset %d s", off, got)
		}
	}
}

func TestAppendDateTime(t *testing.T) {
	for _, tc := range []struct {
		name string
		t    time.Time
		want string
	}{
		{"go reference", time.Date(2006, 1, 2, 15, 4, 5, 0, time.FixedZone("MST", -7*3600)), "02-Jan-2006 15:04:05 -0700"},
		{"utc", time.Date(2024, 11, 22, 4, 33, 0, 0, time.UTC), "22-Nov-2024 04:33:00 +0000"},
		{"fraction dropped", time.Date(2024, 11, 22, 4, 33, 0, 999999999, time.UTC), "22-Nov-2024 04:33:00 +0000"},
		{"named zone", time.Date(2024, 7, 1, 9, 0, 0, 0, time.FixedZone("CEST", 2*3600)), "01-Jul-2024 09:00:00 +0200"},
		// Amsterdam's local mean time was +00:19:32 until 1937: the
		// offset is cut to +0019 and the clock moved to keep the instant.
		{"lmt", time.Date(1900, 1, 1, 12, 0, 0, 0, time.FixedZone("AMT", 19*60+32)), "01-Jan-1900 11:59:28 +0019"},
		{"huge offset", time.Date(2000, 1, 1, 12, 0, 0, 0, time.FixedZone("X", 30*3600)), "31-Dec-1999 06:00:00 +0000"},
		{"year 10000", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), "01-Jan-10000 00:00:00 +0000"},
		{"year -1", time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), "01-Jan--1 00:00:00 +0000"},
		{"year 12", time.Date(12, 3, 4, 5, 6, 7, 0, time.UTC), "04-Mar-0012 05:06:07 +0000"},
	} {
		got := string(AppendDateTime(nil, tc.t))
		if got != tc.want {
			t.Errorf("%s: AppendDateTime = %q, want %q", tc.name, got, tc.want)
		}
		if back, err := ParseDateTime(got); err == nil && !back.Equal(tc.t.Truncate(time.Second)) {
			t.Errorf("%s: instant not kept: %v, want %v", tc.name, back, tc.t)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in    string
		want  time.Time
		canon string
	}{
		// RFC 3501 §6.4.4, the SEARCH example.
		{"1-Feb-1994", time.Date(1994, 2, 1, 0, 0, 0, 0, time.UTC), "1-Feb-1994"},
		{"01-Feb-1994", time.Date(1994, 2, 1, 0, 0, 0, 0, time.UTC), "1-Feb-1994"},
		{"1-feb-1994", time.Date(1994, 2, 1, 0, 0, 0, 0, time.UTC), "1-Feb-1994"},
		{"31-DEC-9999", time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), "31-Dec-9999"},
		{"29-Feb-2000", time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC), "29-Feb-2000"},
		{"1-Jan-0000", time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), "1-Jan-0000"},
		{"30-Sep-2024", time.Date(2024, 9, 30, 0, 0, 0, 0, time.UTC), "30-Sep-2024"},
	} {
		got, err := ParseDate(tc.in)
		if err != nil || !got.Equal(tc.want) || got.Location() != time.UTC {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
		got2, err := parseDate([]byte(tc.in))
		if err != nil || got2 != got {
			t.Errorf("parseDate(%q) = %v, %v; want %v", tc.in, got2, err, got)
		}
		if s := string(AppendDate(nil, got)); s != tc.canon {
			t.Errorf("AppendDate = %q, want %q", s, tc.canon)
		}
		if again, err := ParseDate(tc.canon); err != nil || again != got {
			t.Errorf("ParseDate(AppendDate) = %v, %v", again, err)
		}
	}
	// AppendDate uses the date in t's own location.
	tokyo := time.Date(2024, 3, 1, 1, 0, 0, 0, time.FixedZone("JST", 9*3600))
	if s := string(AppendDate(nil, tokyo)); s != "1-Mar-2024" {
		t.Errorf("AppendDate(%v) = %q", tokyo, s)
	}
}

func TestParseDateRefused(t *testing.T) {
	for _, tc := range []struct{ name, prefix, rest string }{
		{"empty", "", ""},
		{"no day", "", "-Feb-1994"},
		{"three-digit day", "01", "1-Feb-1994"},
		{"day zero", "", "0-Feb-1994"},
		{"day 00", "", "00-Feb-1994"},
		{"day 32", "", "32-Jan-2000"},
		{"february 30", "", "30-Feb-2000"},
		{"february 29 2001", "", "29-Feb-2001"},
		{"november 31", "", "31-Nov-2001"},
		{"space day", "", " 1-Feb-1994"},
		{"spaces", "1", " Feb 1994"},
		{"bad month", "1-", "Fbe-1994"},
		{"short month", "1-", "Fe"},
		{"no second hyphen", "1-Feb", "1994"},
		{"two-digit year", "1-Feb-94", ""},
		{"five-digit year", "1-Feb-1994", "5"},
		{"trailing space", "1-Feb-1994", " "},
		{"date-time", "1-Feb-1994", " 00:00:00 +0000"},
		{"quoted", "", `"1-Feb-1994"`},
		{"day only", "1", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.prefix + tc.rest
			got, err := ParseDate(in)
			if err == nil {
				t.Fatalf("ParseDate(%q) = %v, want an error", in, got)
			}
			checkValueError(t, err, in, ruleDate, len(tc.prefix), 0)
			_, err2 := parseDate([]byte(in))
			if err2 == nil || err2.Error() != err.Error() {
				t.Errorf("parseDate error = %v, want %v", err2, err)
			}
		})
	}
}

func TestDateAllocs(t *testing.T) {
	dt := []byte("17-Jul-1996 02:44:25 -0700")
	d := []byte("1-Feb-1994")
	tm, _ := parseDateTime(dt)
	buf := make([]byte, 0, 64)
	for _, tc := range []struct {
		name string
		f    func()
	}{
		{"parseDateTime", func() { parseDateTime(dt) }},
		{"ParseDateTime", func() { ParseDateTime("17-Jul-1996 02:44:25 +0000") }},
		{"parseDate", func() { parseDate(d) }},
		{"AppendDateTime", func() { AppendDateTime(buf[:0], tm) }},
		{"AppendDate", func() { AppendDate(buf[:0], tm) }},
	} {
		if got := testing.AllocsPerRun(100, tc.f); got != 0 {
			t.Errorf("%s: %v allocations, want 0", tc.name, got)
		}
	}
}

// TestFastDateTime checks that the one-pass parser takes the date-times
// servers send and gives what the field-by-field parser gives, down to the
// shared location; FuzzDateTime checks the agreement on any input.
func TestFastDateTime(t *testing.T) {
	for _, in := range []string{
		"17-Jul-1996 02:44:25 -0700",
		" 1-Feb-1994 21:52:25 +0000",
		"29-Feb-2000 23:59:60 -0000",
		"01-jan-0001 00:00:00 +2359",
		"31-DEC-9999 23:59:59 -2359",
		"28-Feb-1900 12:30:00 +0530",
		"01-Mar-2024 00:00:00 -0517",
	} {
		ft, ok := fastDateTime(in)
		if !ok {
			t.Errorf("fastDateTime(%q) gave up", in)
			continue
		}
		st, err := parseDateTimeFields(in)
		if err != nil || !sameDateTime(ft, st) {
			t.Errorf("%q: fastDateTime = %v; parseDateTimeFields = %v, %v", in, ft, st, err)
		}
	}
	for _, in := range []string{
		"29-Feb-1900 00:00:00 +0000", // not a leap year
		"01-Jan-0000 00:00:00 +0000", // year 0: the general path
		"1-Jan-2000 00:00:00 +0000",  // short day
		"01-Jan-2000 24:00:00 +0000",
		"01-Jan-2000 00:60:00 +0000",
		"01-Jan-2000 00:00:61 +0000",
		"01-Jan-2000 00:00:00 +2400",
		"01-Jan-2000 00:00:00 +0060",
		"01-Jan-2000 00:00:00 *0000",
		"01-Jan-2000 00:00:00 +00a0",
		"01-Jax-2000 00:00:00 +0000",
		" a-Jan-2000 00:00:00 +0000",
		"00-Jan-2000 00:00:00 +0000",
	} {
		if tm, ok := fastDateTime(in); ok {
			t.Errorf("fastDateTime(%q) = %v, want it to give up", in, tm)
		}
	}
}

// sameDateTime reports whether a and b are the same Time in the same zone:
// equal as values once in one location, with the same zone offset and, for
// the shared quarter-hour zones, the same *time.Location.
func sameDateTime(a, b time.Time) bool {
	_, ao := a.Zone()
	_, bo := b.Zone()
	if a.In(time.UTC) != b.In(time.UTC) || ao != bo {
		return false
	}
	return ao%(dateZoneStep*60) != 0 || a.Location() == b.Location()
}
