package bodystructure

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"testing"
)

// TestNotPlain checks the eight-byte scan of quoted strings against the
// byte table: for every byte value at every position, after plain bytes and
// before any bytes at all, the first byte it reports is the first one the
// table refuses.
func TestNotPlain(t *testing.T) {
	fills := []byte{'a', 0, '"', 0xff, ' '}
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			for _, fill := range fills {
				var b [8]byte
				for i := range b {
					b[i] = 'a'
					if i > pos {
						b[i] = fill
					}
				}
				b[pos] = byte(c)
				want := 8
				for i, x := range b {
					if !plainQuoted[x] {
						want = i
						break
					}
				}
				got := 8
				if m := notPlain(binary.LittleEndian.Uint64(b[:])); m != 0 {
					got = bits.TrailingZeros64(m) / 8
				}
				if got != want {
					t.Fatalf("% x: first byte not plain at %d, want %d", b, got, want)
				}
			}
		}
	}
}

// TestDigits8 checks the eight-byte number reader against a loop, for
// every count of digits, with each kind of byte after them.
func TestDigits8(t *testing.T) {
	digits := "9876543210" + "0123456789" + "5555555555"
	for k := 0; k <= 8; k++ {
		for start := 0; start+k <= len(digits); start++ {
			for _, after := range []byte{' ', ')', '/', ':', 0, 0xff, '0' - 1, '9' + 1, 'a'} {
				var b [8]byte
				copy(b[:], digits[start:start+k])
				for i := k; i < 8; i++ {
					b[i] = after
				}
				if k < 8 && after >= '0' && after <= '9' {
					continue
				}
				want := uint64(0)
				for _, c := range b[:k] {
					want = want*10 + uint64(c-'0')
				}
				n, got := digits8(binary.LittleEndian.Uint64(b[:]))
				if got != k || k > 0 && k < 8 && n != want {
					t.Fatalf("%q: %d digits, value %d; want %d, %d", b, got, n, k, want)
				}
			}
		}
	}
}

// TestScannerNumber checks the fast path's number reader at its limits:
// fewer than eight digits (read as one word) and more (read by the loop),
// the count of digits and the value allowed, and what must follow.
func TestScannerNumber(t *testing.T) {
	cases := []struct {
		in     string
		digits int
		limit  uint64
		want   uint64
		ok     bool
	}{
		{"1234 NIL NIL", 10, 1<<32 - 1, 1234, true},
		{"1234) NIL NIL", 10, 1<<32 - 1, 1234, true},
		{"0000007 NIL NIL", 10, 1<<32 - 1, 7, true},
		{"12345678 NIL NIL", 10, 1<<32 - 1, 12345678, true},     // eight digits: the loop
		{"4294967295 NIL NIL", 10, 1<<32 - 1, 4294967295, true}, // the limit
		{"4294967296 NIL NIL", 10, 1<<32 - 1, 0, false},         // one past it
		{"12345678901 NIL NIL", 10, 1<<63 - 1, 0, false},        // too many digits
		{"999999999999999999 NIL NIL", 18, 1<<63 - 1, 999999999999999999, true},
		{"123 NIL NIL", 2, 1<<32 - 1, 0, false}, // too many digits, one word
		{"101 NIL NIL", 3, 100, 0, false},       // above the limit, one word
		{"100 NIL NIL", 3, 100, 100, true},
		{"12a4 NIL NIL", 10, 1<<32 - 1, 0, false}, // not followed by SP or ")"
		{"x123 NIL NIL", 10, 1<<32 - 1, 0, false}, // no digit
		{"123", 10, 1<<32 - 1, 0, false},          // the window ends
		{"1234567", 10, 1<<32 - 1, 0, false},
	}
	for _, c := range cases {
		s := scanner{b: []byte(c.in)}
		n, ok := s.number(c.digits, c.limit)
		if n != c.want || ok != c.ok {
			t.Errorf("number(%q, %d, %d) = %d, %v; want %d, %v", c.in, c.digits, c.limit, n, ok, c.want, c.ok)
		}
		// On success the scanner stands on the byte after the digits.
		if end := strings.IndexFunc(c.in, func(r rune) bool { return r < '0' || r > '9' }); ok && s.i != end {
			t.Errorf("number(%q) stopped at %d, want %d", c.in, s.i, end)
		}
	}
}
