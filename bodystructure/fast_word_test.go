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
