package bodystructure

import (
	"encoding/binary"
	"math/bits"
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
