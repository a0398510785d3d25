package wire

import (
	"strconv"
	"sync"
	"time"
)

// Dates and times (RFC 9051 §9):
//
//	date           = date-text / DQUOTE date-text DQUOTE
//	date-text      = date-day "-" date-month "-" date-year
//	date-day       = 1*2DIGIT
//	date-day-fixed = (SP DIGIT) / 2DIGIT
//	date-month     = "Jan" / "Feb" / "Mar" / "Apr" / "May" / "Jun" /
//	                 "Jul" / "Aug" / "Sep" / "Oct" / "Nov" / "Dec"
//	date-year      = 4DIGIT
//	date-time      = DQUOTE date-day-fixed "-" date-month "-" date-year
//	                 SP time SP zone DQUOTE
//	time           = 2DIGIT ":" 2DIGIT ":" 2DIGIT
//	zone           = ("+" / "-") 4DIGIT
//
// The functions here take the text without the DQUOTEs, which the wire
// Decoder strips; they are strict, and the Decoder's lenient mode is the
// place for tolerating deviations. Month names are case-insensitive, as
// every ABNF string is. Beyond the grammar they check the values: the day
// must exist in its month and year (the proleptic Gregorian calendar, years
// 0000 to 9999), the hour must be below 24, the minute below 60, and the
// zone within ±2359 with its minutes below 60 ("-0000" is taken as UTC). A
// second of 60, a leap second as RFC 5322 dates may carry, is accepted and
// read as 59, because time.Time has no leap seconds; so "23:59:60" and
// "23:59:59" give the same instant.

// Rules of date errors.
const (
	ruleDate     = "date"
	ruleDateTime = "date-time"
)

// dateMonthNames holds the date-month names in order.
const dateMonthNames = "JanFebMarAprMayJunJulAugSepOctNovDec"

// dateMaxZoneMinutes is the largest zone offset accepted, in minutes (23:59).
const dateMaxZoneMinutes = 23*60 + 59

func dateError[T string | []byte](b T, rule string, off int, msg string) error {
	return &SyntaxError{Offset: int64(off), Rule: rule, Quote: quoteValue(b[off:]), Err: errDetail(msg)}
}

// dateEndError reports the input ending where rule needs more.
func dateEndError[T string | []byte](b T, rule string) error {
	return dateError(b, rule, len(b), "unexpected end of "+rule)
}

func dateDigit(c byte) bool { return c >= '0' && c <= '9' }

// dateDigitsAt returns the value of the n digits at b[p:].
func dateDigitsAt[T string | []byte](b T, rule string, p, n int) (int, error) {
	v := 0
	for i := p; i < p+n; i++ {
		if i >= len(b) {
			return 0, dateEndError(b, rule)
		}
		if !dateDigit(b[i]) {
			return 0, dateError(b, rule, i, "expected a digit")
		}
		v = v*10 + int(b[i]-'0')
	}
	return v, nil
}

// dateFieldAt reads the two-digit field at p, which must be at most max.
func dateFieldAt[T string | []byte](b T, rule string, p, max int, what string) (int, error) {
	v, err := dateDigitsAt(b, rule, p, 2)
	if err == nil && v > max {
		err = dateError(b, rule, p, what+" out of range")
	}
	return v, err
}

// dateByteAt checks that b[p] is c.
func dateByteAt[T string | []byte](b T, rule string, p int, c byte) error {
	if p >= len(b) {
		return dateEndError(b, rule)
	}
	if b[p] != c {
		return dateError(b, rule, p, "expected "+strconv.QuoteRune(rune(c)))
	}
	return nil
}

// dateMonthAt returns the date-month at b[p:], matched case-insensitively.
func dateMonthAt[T string | []byte](b T, rule string, p int) (time.Month, error) {
	if len(b)-p >= 3 {
		if m := dateMonth(b[p], b[p+1], b[p+2]); m != 0 {
			return m, nil
		}
	}
	return 0, dateError(b, rule, p, "expected a month name (Jan to Dec)")
}

// daysInMonth returns the number of days of month m in year y.
func daysInMonth(m time.Month, y int) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// ParseDate parses a date-text such as "1-Feb-1994" (RFC 9051 §9), as the
// SEARCH keys BEFORE, ON and SINCE carry it, into midnight UTC of that day.
// The day may have one or two digits. Errors are *SyntaxError with Rule
// "date" and Offset the byte offset in s.
func ParseDate(s string) (time.Time, error) { return parseDateT(s) }

// parseDate is ParseDate on bytes; it does not retain b.
func parseDate(b []byte) (time.Time, error) { return parseDateT(b) }

func parseDateT[T string | []byte](b T) (time.Time, error) {
	const rule = ruleDate
	day, err := dateDigitsAt(b, rule, 0, 1)
	if err != nil {
		return time.Time{}, err
	}
	p := 1
	if p < len(b) && dateDigit(b[p]) {
		day = day*10 + int(b[p]-'0')
		p++
	}
	if day < 1 || day > 31 {
		return time.Time{}, dateError(b, rule, 0, "day out of range")
	}
	if err := dateByteAt(b, rule, p, '-'); err != nil {
		return time.Time{}, err
	}
	month, err := dateMonthAt(b, rule, p+1)
	if err != nil {
		return time.Time{}, err
	}
	if err := dateByteAt(b, rule, p+4, '-'); err != nil {
		return time.Time{}, err
	}
	year, err := dateDigitsAt(b, rule, p+5, 4)
	if err != nil {
		return time.Time{}, err
	}
	if day > daysInMonth(month, year) {
		return time.Time{}, dateError(b, rule, 0, "day out of range for the month")
	}
	if len(b) > p+9 {
		return time.Time{}, dateError(b, rule, p+9, "unexpected bytes after the year")
	}
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC), nil
}

// ParseDateTime parses the content of a date-time without its DQUOTEs, such
// as "17-Jul-1996 02:44:25 -0700" (RFC 9051 §9), as INTERNALDATE and APPEND
// carry it. The day is two digits or a space and one digit. The result is
// in a fixed zone with the given offset (time.UTC for +0000 and -0000);
// zones at whole quarter hours are shared, so parsing them does not
// allocate. A leap second is read as second 59. Errors are *SyntaxError
// with Rule "date-time" and Offset the byte offset in s.
func ParseDateTime(s string) (time.Time, error) { return parseDateTimeT(s) }

// parseDateTime is ParseDateTime on bytes; it does not retain b.
func parseDateTime(b []byte) (time.Time, error) { return parseDateTimeT(b) }

func parseDateTimeT[T string | []byte](b T) (time.Time, error) {
	if t, ok := fastDateTime(b); ok {
		return t, nil
	}
	return parseDateTimeFields(b)
}

// parseDateTimeFields parses a date-time field by field, naming the first
// fault.
func parseDateTimeFields[T string | []byte](b T) (time.Time, error) {
	const rule = ruleDateTime
	var day int
	var err error
	if len(b) > 0 && b[0] == ' ' {
		day, err = dateDigitsAt(b, rule, 1, 1)
	} else {
		day, err = dateDigitsAt(b, rule, 0, 2)
	}
	if err != nil {
		return time.Time{}, err
	}
	if day < 1 || day > 31 {
		return time.Time{}, dateError(b, rule, 0, "day out of range")
	}
	if err := dateByteAt(b, rule, 2, '-'); err != nil {
		return time.Time{}, err
	}
	month, err := dateMonthAt(b, rule, 3)
	if err != nil {
		return time.Time{}, err
	}
	if err := dateByteAt(b, rule, 6, '-'); err != nil {
		return time.Time{}, err
	}
	year, err := dateDigitsAt(b, rule, 7, 4)
	if err != nil {
		return time.Time{}, err
	}
	if day > daysInMonth(month, year) {
		return time.Time{}, dateError(b, rule, 0, "day out of range for the month")
	}
	if err := dateByteAt(b, rule, 11, ' '); err != nil {
		return time.Time{}, err
	}
	hour, err := dateFieldAt(b, rule, 12, 23, "hour")
	if err != nil {
		return time.Time{}, err
	}
	if err := dateByteAt(b, rule, 14, ':'); err != nil {
		return time.Time{}, err
	}
	minute, err := dateFieldAt(b, rule, 15, 59, "minute")
	if err != nil {
		return time.Time{}, err
	}
	if err := dateByteAt(b, rule, 17, ':'); err != nil {
		return time.Time{}, err
	}
	sec, err := dateFieldAt(b, rule, 18, 60, "second")
	if err != nil {
		return time.Time{}, err
	}
	if sec == 60 {
		sec = 59 // a leap second; see the comment at the top of this file
	}
	if err := dateByteAt(b, rule, 20, ' '); err != nil {
		return time.Time{}, err
	}
	if len(b) <= 21 {
		return time.Time{}, dateEndError(b, rule)
	}
	sign := 1
	switch b[21] {
	case '+':
	case '-':
		sign = -1
	default:
		return time.Time{}, dateError(b, rule, 21, `expected "+" or "-"`)
	}
	zh, err := dateDigitsAt(b, rule, 22, 2)
	if err != nil {
		return time.Time{}, err
	}
	if zh > 23 {
		return time.Time{}, dateError(b, rule, 22, "zone hours out of range")
	}
	zm, err := dateDigitsAt(b, rule, 24, 2)
	if err != nil {
		return time.Time{}, err
	}
	if zm > 59 {
		return time.Time{}, dateError(b, rule, 24, "zone minutes out of range")
	}
	if len(b) > 26 {
		return time.Time{}, dateError(b, rule, 26, "unexpected bytes after the zone")
	}
	loc := dateZone(sign * (zh*60 + zm))
	return time.Date(year, month, day, hour, minute, sec, 0, loc), nil
}

// fastDateTime parses a valid date-time of years 1 to 9999 in one pass,
// without the field-by-field checks that name the fault, and gives the
// same Time as the general path. It reports false for anything else, which
// the general path then parses or refuses.
func fastDateTime[T string | []byte](b T) (time.Time, bool) {
	if len(b) != 26 || b[2] != '-' || b[6] != '-' || b[11] != ' ' ||
		b[14] != ':' || b[17] != ':' || b[20] != ' ' {
		return time.Time{}, false
	}
	// Every field but the month is digits; bad records a byte that is
	// not.
	var bad byte
	digit := func(i int) int {
		c := b[i] - '0'
		if c > 9 {
			bad = 1
		}
		return int(c)
	}
	tens := 0
	if b[0] != ' ' { // date-day-fixed allows a space before one digit
		tens = digit(0)
	}
	day := 10*tens + digit(1)
	year := 1000*digit(7) + 100*digit(8) + 10*digit(9) + digit(10)
	hour := 10*digit(12) + digit(13)
	minute := 10*digit(15) + digit(16)
	sec := 10*digit(18) + digit(19)
	zh, zm := 10*digit(22)+digit(23), 10*digit(24)+digit(25)
	month := dateMonth(b[3], b[4], b[5])
	if bad != 0 || month == 0 || year == 0 || day == 0 || day > daysInMonth(month, year) ||
		hour > 23 || minute > 59 || sec > 60 || zh > 23 || zm > 59 {
		return time.Time{}, false
	}
	zone := zh*60 + zm
	switch b[21] {
	case '+':
	case '-':
		zone = -zone
	default:
		return time.Time{}, false
	}
	sec = min(sec, 59) // a leap second; see the comment at the top of this file
	unix := (daysSinceEpoch(year, month, day)*24+int64(hour))*3600 +
		int64(minute)*60 + int64(sec) - int64(zone)*60
	return time.Unix(unix, 0).In(dateZone(zone)), true
}

// dateMonth returns the month whose date-month name is c0 c1 c2, in any
// case, or 0.
func dateMonth(c0, c1, c2 byte) time.Month {
	switch uint32(c0|0x20)<<16 | uint32(c1|0x20)<<8 | uint32(c2|0x20) {
	case 'j'<<16 | 'a'<<8 | 'n':
		return time.January
	case 'f'<<16 | 'e'<<8 | 'b':
		return time.February
	case 'm'<<16 | 'a'<<8 | 'r':
		return time.March
	case 'a'<<16 | 'p'<<8 | 'r':
		return time.April
	case 'm'<<16 | 'a'<<8 | 'y':
		return time.May
	case 'j'<<16 | 'u'<<8 | 'n':
		return time.June
	case 'j'<<16 | 'u'<<8 | 'l':
		return time.July
	case 'a'<<16 | 'u'<<8 | 'g':
		return time.August
	case 's'<<16 | 'e'<<8 | 'p':
		return time.September
	case 'o'<<16 | 'c'<<8 | 't':
		return time.October
	case 'n'<<16 | 'o'<<8 | 'v':
		return time.November
	case 'd'<<16 | 'e'<<8 | 'c':
		return time.December
	}
	return 0
}

// daysSinceEpoch returns the number of days from 1970-01-01 to the given
// day of the proleptic Gregorian calendar, for years 1 and later: the
// days_from_civil algorithm, with years starting in March so that leap
// days come last.
func daysSinceEpoch(year int, month time.Month, day int) int64 {
	y := year
	m := int(month)
	if m <= 2 {
		y--
		m += 12
	}
	era := y / 400 // y >= 0
	yoe := y - era*400
	doy := (153*(m-3)+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// Zones at whole quarter hours from -23:45 to +23:45 are made once, when
// first needed, and shared; the zone of m minutes east of UTC is in slot
// m/dateZoneStep + dateZoneOrigin.
const (
	dateZoneStep   = 15
	dateZoneBound  = 23*60 + 45
	dateZoneSlots  = 2*dateZoneBound/dateZoneStep + 1
	dateZoneOrigin = dateZoneBound / dateZoneStep
)

var dateZones = sync.OnceValue(func() *[dateZoneSlots]*time.Location {
	var z [dateZoneSlots]*time.Location
	for i := range z {
		off := (i - dateZoneOrigin) * dateZoneStep
		if off == 0 {
			z[i] = time.UTC
		} else {
			z[i] = time.FixedZone("", off*60)
		}
	}
	return &z
})

// dateZone returns the location for a zone offset of min minutes east of
// UTC, which must be within ±dateMaxZoneMinutes.
func dateZone(min int) *time.Location {
	if min == 0 {
		return time.UTC
	}
	if min%dateZoneStep == 0 {
		return dateZones()[min/dateZoneStep+dateZoneOrigin]
	}
	return time.FixedZone("", min*60)
}

// AppendDate appends the date-text of t's date in t's location, such as
// "2-Jan-2006", to dst. The day has no leading zero. The year must be in
// 0 to 9999 for the result to be a valid date-text; other years are written
// in full, with a minus sign if negative, and the caller should refuse them
// before it gets here.
func AppendDate(dst []byte, t time.Time) []byte {
	y, m, d := t.Date()
	dst = strconv.AppendInt(dst, int64(d), 10)
	dst = append(dst, '-')
	dst = append(dst, dateMonthNames[3*(m-1):3*m]...)
	dst = append(dst, '-')
	return appendDateYear(dst, y)
}

// AppendDateTime appends the content of the date-time for t, without the
// DQUOTEs, such as "02-Jan-2006 15:04:05 -0700", to dst.
//
// The output is canonical: date-day-fixed is written as two digits, with
// a leading zero for days below 10 (the form Dovecot sends in INTERNALDATE
// and SAVEDATE; the grammar also allows a space), and the zone is t's offset, so that parsing the
// result gives back the same instant and offset. Offsets that are not whole
// minutes (historical local mean time) are cut to whole minutes, and
// offsets beyond ±23:59 are written as +0000; the clock is adjusted so that
// the instant is kept either way. Fractions of a second are dropped. The
// year, after the offset is applied, must be in 0 to 9999 for the result to
// be valid; other years are written in full and the caller should refuse
// them.
func AppendDateTime(dst []byte, t time.Time) []byte {
	_, off := t.Zone()
	offMin := off / 60
	if offMin < -dateMaxZoneMinutes || offMin > dateMaxZoneMinutes {
		offMin = 0
	}
	w := t.UTC().Add(time.Duration(offMin) * time.Minute)
	y, m, d := w.Date()
	hh, mm, ss := w.Clock()
	dst = appendTwoDigits(dst, d)
	dst = append(dst, '-')
	dst = append(dst, dateMonthNames[3*(m-1):3*m]...)
	dst = append(dst, '-')
	dst = appendDateYear(dst, y)
	dst = append(dst, ' ')
	dst = appendTwoDigits(dst, hh)
	dst = append(dst, ':')
	dst = appendTwoDigits(dst, mm)
	dst = append(dst, ':')
	dst = appendTwoDigits(dst, ss)
	sign := byte('+')
	if offMin < 0 {
		sign, offMin = '-', -offMin
	}
	dst = append(dst, ' ', sign)
	dst = appendTwoDigits(dst, offMin/60)
	return appendTwoDigits(dst, offMin%60)
}

// appendTwoDigits appends v, which is in 0 to 99, as two digits.
func appendTwoDigits(dst []byte, v int) []byte {
	return append(dst, byte('0'+v/10), byte('0'+v%10))
}

// appendDateYear appends y as four digits when it is in 0 to 9999, and in full
// otherwise.
func appendDateYear(dst []byte, y int) []byte {
	if y < 0 || y > 9999 {
		return strconv.AppendInt(dst, int64(y), 10)
	}
	return append(dst, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
}

// ReadDate reads a date (RFC 9051 date): date-text, bare or quoted.
func (d *Decoder) ReadDate() (time.Time, error) {
	if err := d.prepare(); err != nil {
		return time.Time{}, err
	}
	c, err := d.peek()
	if err != nil {
		return time.Time{}, err
	}
	start := d.Offset()
	var b []byte
	if c == '"' {
		if b, err = d.readQuoted("date"); err != nil {
			return time.Time{}, err
		}
		start++
	} else {
		n, err := d.scan(cAtom, 0, "date")
		if err != nil {
			return time.Time{}, err
		}
		b = d.take(n)
	}
	t, err := parseDate(b)
	if err != nil {
		return time.Time{}, d.rebaseAt(err, start)
	}
	return t, nil
}

// ReadDateTime reads a date-time (RFC 9051): "dd-Mon-yyyy hh:mm:ss +zzzz"
// in double quotes.
func (d *Decoder) ReadDateTime() (time.Time, error) {
	// The common case straight from the buffer: a quoted date-time the
	// one-pass parser takes, with no escapes to undo, and a byte after it
	// that ends a quoted string (else lenient decoding reads the quote as
	// part of the string, with the general path).
	if w := d.Window(); len(w) >= 29 && w[0] == '"' && w[27] == '"' && quotedEnd[w[28]] {
		if t, ok := fastDateTime(w[1:27]); ok {
			d.r += 28
			return t, nil
		}
	}
	if err := d.prepare(); err != nil {
		return time.Time{}, err
	}
	c, err := d.peek()
	if err != nil {
		return time.Time{}, err
	}
	start := d.Offset()
	if c != '"' {
		return time.Time{}, d.failf(start, "date-time", "expected '\"'")
	}
	b, err := d.readQuoted("date-time")
	if err != nil {
		return time.Time{}, err
	}
	t, err := parseDateTime(b)
	if err != nil {
		return time.Time{}, d.rebaseAt(err, start+1)
	}
	return t, nil
}

// rebaseAt turns a SyntaxError whose offset counts from the start of an
// element at stream offset start into one for the stream, and marks the
// message broken.
func (d *Decoder) rebaseAt(err error, start int64) error {
	se, ok := err.(*SyntaxError)
	if !ok {
		return err
	}
	e := *se
	e.Offset += start
	return d.broken(&e)
}

// Date writes t as a date-text ("2-Jan-2006").
func (e *Encoder) Date(t time.Time) *Encoder {
	if e.err != nil {
		return e
	}
	if y := t.Year(); y < 0 || y > 9999 {
		return e.fail("date outside years 0-9999")
	}
	e.buf = AppendDate(e.buf, t)
	e.last = 'v'
	return e
}

// DateTime writes t as a quoted date-time (" 2-Jan-2006 15:04:05 -0700").
func (e *Encoder) DateTime(t time.Time) *Encoder {
	if e.err != nil {
		return e
	}
	if y := t.Year(); y < 0 || y > 9999 {
		return e.fail("date-time outside years 0-9999")
	}
	e.buf = append(e.buf, '"')
	e.buf = AppendDateTime(e.buf, t)
	e.buf = append(e.buf, '"')
	e.last = 'v'
	return e
}
