package wire

import (
	"io"
	"reflect"
	"strings"
	"testing"
)

func TestIDParams(t *testing.T) {
	cases := []struct {
		in   string
		want []IDParam
		enc  string // the canonical form; in itself when empty
	}{
		{in: `NIL`, want: nil},
		{in: `nil`, want: nil, enc: "NIL"},
		{in: `()`, want: []IDParam{}},
		{in: `("name" "Cyrus" "os" NIL)`, want: []IDParam{{Key: "name", Value: Str("Cyrus")}, {Key: "os"}}},
		{in: "({4}\r\nname {5}\r\nCyrus)", want: []IDParam{{Key: "name", Value: Str("Cyrus")}}, enc: `("name" "Cyrus")`},
	}
	for _, c := range cases {
		for rname, r := range readers(c.in + "\r\n") {
			if rname == "flaky" {
				continue // like List, not resumable after an I/O error
			}
			d := NewDecoder(r)
			var got []IDParam
			var err error
			for {
				if got, err = d.ReadIDParams(); err != errFlaky {
					break
				}
			}
			if err != nil || !reflect.DeepEqual(got, c.want) {
				t.Errorf("%q %s: %#v, %v; want %#v", c.in, rname, got, err, c.want)
			}
		}
		want := c.enc
		if want == "" {
			want = c.in
		}
		e := NewEncoder(io.Discard)
		e.Atom("x").SP().IDParams(c.want)
		if got := string(e.Bytes()); got != "x "+want {
			t.Errorf("encode %#v: %q, want %q", c.want, got, "x "+want)
		}
	}
	for _, in := range []string{`X`, `("name")`, `("name" "x" "os")`, `(name "x")`} {
		d := NewDecoder(strings.NewReader(in + "\r\n"))
		if _, err := d.ReadIDParams(); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}
