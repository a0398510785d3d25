package wire

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestPartialRange(t *testing.T) {
	for _, c := range []struct {
		in          string
		start, stop int64
	}{
		{"1:100", 1, 100},
		{"-1:-100", -1, -100},
		{"4294967295:1", 4294967295, 1},
	} {
		d := NewDecoder(strings.NewReader(c.in + "\r\n"))
		start, stop, err := d.ReadPartialRange()
		if err != nil || start != c.start || stop != c.stop {
			t.Errorf("%q: %d:%d, %v", c.in, start, stop, err)
		}
		e := NewEncoder(io.Discard)
		if got := string(e.Atom("x").SP().PartialRange(c.start, c.stop).Bytes()); got != "x "+c.in {
			t.Errorf("encode %d:%d: %q", c.start, c.stop, got)
		}
	}
	for in, off := range map[string]int64{"0:1": 0, "1:-2": 2, "-1:2": 3, "1": 1, "1:": 2, "4294967296:1": 0} {
		d := NewDecoder(strings.NewReader(in + "\r\n"))
		_, _, err := d.ReadPartialRange()
		var se *SyntaxError
		if !errors.As(err, &se) || se.Offset != off {
			t.Errorf("%q: %v, want an error at %d", in, err, off)
		}
	}
	for _, r := range [][2]int64{{0, 1}, {1, -1}, {-1, 1}, {1 << 32, 1}, {-(1 << 32), -1}} {
		e := NewEncoder(io.Discard)
		e.Atom("x").SP().PartialRange(r[0], r[1])
		if !errors.Is(e.Err(), ErrUnrepresentable) {
			t.Errorf("%d:%d: %v", r[0], r[1], e.Err())
		}
	}
}
