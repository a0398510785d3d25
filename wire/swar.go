package wire

import (
	"encoding/binary"
	"math/bits"
)

// SWAR ("SIMD within a register") scanning, eight bytes at a time, to find
// where the content of a quoted string ends without a branch per byte. (For
// words, which are shorter, the table loop of consumeClass measured faster.) The masks
// flag candidate bytes; the lowest flag is always a true candidate (the
// borrow of a subtraction only runs upwards), and it is checked against the
// class table before it is taken as the end.

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// below flags the bytes of x below n (n <= 0x80), and some bytes above the
// lowest of them; bytes with the high bit set are never flagged.
func below(x, n uint64) uint64 { return (x - lsb*n) &^ x & msb }

// consumeQuoted is consumeClass(b, cQuoted).
func consumeQuoted(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		// Candidates: controls below 0x0e (NUL, LF, CR, ...), '"', '\'
		// and 8-bit bytes.
		m := below(x, 0x0e) | x&msb | below(x^lsb*'"', 1) | below(x^lsb*'\\', 1)
		for m != 0 {
			j := i + bits.TrailingZeros64(m)>>3
			if class[b[j]]&cQuoted == 0 {
				return j
			}
			m &= m - 1
		}
	}
	return i + consumeClass(b[i:], cQuoted)
}
