package wire

import "testing"

func FuzzConsume(f *testing.F) {
	f.Add([]byte(`"Terry Gray" NIL "gray" "cac.washington.edu" $Forwarded%* \Seen)`))
	f.Add([]byte("abcdefgh\x7fijklmnop\"q\\r\x0cs\x80[t]u{v"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for i := range b {
			if got, want := consumeQuoted(b[i:]), consumeClass(b[i:], cQuoted); got != want {
				t.Fatalf("consumeQuoted(%q) = %d, want %d", b[i:], got, want)
			}
		}
	})
}

// TestConsumeEveryByte puts every byte value at every position of the first
// two words of eight and compares the SWAR scanner with the table.
func TestConsumeEveryByte(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 20; pos++ {
			b := []byte("abcdefghijklmnopqrstuvwxyz")
			b[pos] = byte(c)
			if got, want := consumeQuoted(b), consumeClass(b, cQuoted); got != want {
				t.Errorf("quoted: byte %#x at %d: got %d, want %d", c, pos, got, want)
			}
		}
	}
}
