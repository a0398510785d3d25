package literal

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// validAnnouncements are well-formed announcements. They also seed
// FuzzParseAnnouncement.
var validAnnouncements = []struct {
	name string
	in   string
	want Announcement
	// canon is the canonical form when it differs from in.
	canon string
}{
	{name: "zero", in: "{0}", want: Announcement{Size: 0}},
	{name: "sync", in: "{5}", want: Announcement{Size: 5}},
	{name: "nonsync", in: "{5+}", want: Announcement{Size: 5, NonSync: true}},
	{name: "literal8", in: "~{5}", want: Announcement{Size: 5, Binary: true}},
	{name: "literal8 nonsync", in: "~{5+}", want: Announcement{Size: 5, NonSync: true, Binary: true}},
	// number = 1*DIGIT: leading zeros are allowed (RFC 9051 section 9).
	{name: "leading zeros", in: "{007}", want: Announcement{Size: 7}, canon: "{7}"},
	{name: "all zeros", in: "{000}", want: Announcement{Size: 0}, canon: "{0}"},
	{name: "many leading zeros", in: "{" + strings.Repeat("0", 40) + "12}", want: Announcement{Size: 12}, canon: "{12}"},
	{name: "18 digits", in: "{999999999999999999}", want: Announcement{Size: 999999999999999999}},
	{name: "19 digits", in: "{1000000000000000000}", want: Announcement{Size: 1000000000000000000}},
	{name: "number64 max", in: "{9223372036854775807}", want: Announcement{Size: MaxSize}},
	{name: "number64 max nonsync literal8", in: "~{9223372036854775807+}", want: Announcement{Size: MaxSize, NonSync: true, Binary: true}},
	{name: "4096 nonsync", in: "{4096+}", want: Announcement{Size: 4096, NonSync: true}},
}

// invalidAnnouncements are malformed. The offset of the offending byte is
// len(prefix). They also seed FuzzParseAnnouncement.
var invalidAnnouncements = []struct {
	name   string
	prefix string // input up to the offending byte
	rest   string // the offending byte and what follows
	want   error
}{
	{name: "empty braces", prefix: "{", rest: "}", want: ErrSyntax},
	{name: "plus only", prefix: "{", rest: "+}", want: ErrSyntax},
	{name: "letter after digit", prefix: "{1", rest: "a}", want: ErrSyntax},
	{name: "letter first", prefix: "{", rest: "a}", want: ErrSyntax},
	{name: "tilde without brace", prefix: "~", rest: "x", want: ErrSyntax},
	{name: "tilde tilde", prefix: "~", rest: "~{1}", want: ErrSyntax},
	{name: "not an announcement", prefix: "", rest: "abc", want: ErrSyntax},
	{name: "quoted string", prefix: "", rest: `"x"`, want: ErrSyntax},
	{name: "sign", prefix: "{", rest: "-1}", want: ErrSyntax},
	{name: "space inside", prefix: "{1", rest: " }", want: ErrSyntax},
	{name: "plus then digit", prefix: "{1+", rest: "2}", want: ErrSyntax},
	{name: "double plus", prefix: "{1+", rest: "+}", want: ErrSyntax},
	{name: "plus before digits", prefix: "~{", rest: "+5}", want: ErrSyntax},
	{name: "CRLF instead of brace", prefix: "{12", rest: "\r\n", want: ErrSyntax},
	{name: "literal8 empty", prefix: "~{", rest: "}", want: ErrSyntax},
	// The size does not fit in a number64: the digit that overflows is
	// at fault, and nothing after it is read.
	{name: "number64 max plus one", prefix: "{922337203685477580", rest: "8}", want: ErrTooLarge},
	{name: "2^64", prefix: "{1844674407370955161", rest: "6}", want: ErrTooLarge},
	{name: "2^64 unterminated", prefix: "{1844674407370955161", rest: "6", want: ErrTooLarge},
	{name: "huge literal8", prefix: "~{" + strings.Repeat("9", 18), rest: strings.Repeat("9", 1000), want: ErrTooLarge},
	{name: "overflow after zeros", prefix: "{000" + "922337203685477580", rest: "9}", want: ErrTooLarge},
}

func TestParseAnnouncementValid(t *testing.T) {
	for _, tt := range validAnnouncements {
		t.Run(tt.name, func(t *testing.T) {
			// The CRLF and body that follow are not consumed.
			in := tt.in + "\r\nbody"
			a, n, err := ParseAnnouncement([]byte(in))
			if err != nil {
				t.Fatalf("ParseAnnouncement(%q): %v", in, err)
			}
			if a != tt.want || n != len(tt.in) {
				t.Errorf("ParseAnnouncement(%q) = %+v, %d; want %+v, %d", in, a, n, tt.want, len(tt.in))
			}
			// Exactly the announcement is complete too.
			a, n, err = ParseAnnouncement([]byte(tt.in))
			if err != nil || a != tt.want || n != len(tt.in) {
				t.Errorf("ParseAnnouncement(%q) = %+v, %d, %v; want %+v, %d, nil", tt.in, a, n, err, tt.want, len(tt.in))
			}
		})
	}
}

func TestParseAnnouncementPrefix(t *testing.T) {
	for _, tt := range validAnnouncements {
		t.Run(tt.name, func(t *testing.T) {
			for i := range len(tt.in) {
				prefix := []byte(tt.in[:i])
				a, n, err := ParseAnnouncement(prefix)
				if err != io.ErrUnexpectedEOF {
					t.Errorf("ParseAnnouncement(%q) error = %v; want io.ErrUnexpectedEOF", prefix, err)
				}
				if n != len(prefix) || a != (Announcement{}) {
					t.Errorf("ParseAnnouncement(%q) = %+v, %d; want zero, %d", prefix, a, n, len(prefix))
				}
			}
		})
	}
}

func TestParseAnnouncementInvalid(t *testing.T) {
	for _, tt := range invalidAnnouncements {
		t.Run(tt.name, func(t *testing.T) {
			// What follows on the wire changes nothing.
			for _, tail := range []string{"", "\r\nbody"} {
				in := []byte(tt.prefix + tt.rest + tail)
				a, n, err := ParseAnnouncement(in)
				if !errors.Is(err, tt.want) {
					t.Fatalf("ParseAnnouncement(%q) error = %v; want %v", in, err, tt.want)
				}
				if n != len(tt.prefix) {
					t.Errorf("ParseAnnouncement(%q) n = %d; want %d (offending byte %q)", in, n, len(tt.prefix), tt.rest[:1])
				}
				if a != (Announcement{}) {
					t.Errorf("ParseAnnouncement(%q) = %+v; want zero Announcement on error", in, a)
				}
				if !strings.HasPrefix(err.Error(), "literal: ") {
					t.Errorf("error %q lacks the package prefix", err)
				}
			}
		})
	}
}

// The overflow is detected at the digit that overflows, whatever follows:
// the parser does not need the rest of the input.
func TestParseAnnouncementOverflowEarly(t *testing.T) {
	prefix := "{1844674407370955161"
	for _, rest := range []string{"6", "6}", "60000", "6" + strings.Repeat("x", 100)} {
		_, n, err := ParseAnnouncement([]byte(prefix + rest))
		if !errors.Is(err, ErrTooLarge) || n != len(prefix) {
			t.Errorf("ParseAnnouncement(%q) = %d, %v; want %d, ErrTooLarge", prefix+rest, n, err, len(prefix))
		}
	}
}

func TestParseAnnouncementAllocs(t *testing.T) {
	inputs := [][]byte{[]byte("{5}"), []byte("~{9223372036854775807+}"), []byte("{1a}"), []byte("{99999999999999999999}"), []byte("{12")}
	for _, in := range inputs {
		allocs := testing.AllocsPerRun(100, func() {
			ParseAnnouncement(in)
		})
		if allocs != 0 {
			t.Errorf("ParseAnnouncement(%q) allocates %v times; want 0", in, allocs)
		}
	}
}

func TestAnnouncementAppendTo(t *testing.T) {
	for _, tt := range validAnnouncements {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.canon
			if want == "" {
				want = tt.in
			}
			got := tt.want.AppendTo([]byte("x "))
			if string(got) != "x "+want {
				t.Errorf("%+v.AppendTo = %q; want %q", tt.want, got, "x "+want)
			}
			if s := tt.want.String(); s != want {
				t.Errorf("%+v.String() = %q; want %q", tt.want, s, want)
			}
			// Round trip: the canonical form parses to the same value.
			a, n, err := ParseAnnouncement([]byte(want))
			if err != nil || a != tt.want || n != len(want) {
				t.Errorf("ParseAnnouncement(%q) = %+v, %d, %v; want %+v, %d, nil", want, a, n, err, tt.want, len(want))
			}
		})
	}
}

func TestAnnouncementAppendToAllocs(t *testing.T) {
	buf := make([]byte, 0, maxAnnouncementLen)
	a := Announcement{Size: MaxSize, NonSync: true, Binary: true}
	allocs := testing.AllocsPerRun(100, func() {
		buf = a.AppendTo(buf[:0])
	})
	if allocs != 0 {
		t.Errorf("AppendTo allocates %v times; want 0", allocs)
	}
	if len(buf) != maxAnnouncementLen {
		t.Errorf("longest announcement is %d bytes; maxAnnouncementLen is %d", len(buf), maxAnnouncementLen)
	}
}
