package bodystructure

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mailwire/imap/wire"
)

// TestArena decodes every case with one Arena, leniently, and checks that
// each value equals what ReadBody or ReadEnvelope gives, both right away and
// after all the later cases were decoded with the same arena (which must
// never write to memory it handed out). Failed cases in between must not
// disturb the next ones.
func TestArena(t *testing.T) {
	var a Arena
	type kept struct {
		name      string
		got, want any
	}
	var all []kept
	for _, c := range bodyCases {
		d := wire.NewDecoder(strings.NewReader(c.in + "\r\n"))
		var got any
		var err error
		if c.env {
			got, err = a.ReadEnvelope(d)
		} else {
			got, err = a.ReadBody(d)
		}
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		want, _, err := decodeOne(strings.NewReader(c.in+"\r\n"), c.env)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: arena differs (-ReadBody +arena):\n%s", c.name, diff)
		}
		all = append(all, kept{c.name, got, want})
		// A failing value halfway, to leave items on the stacks.
		bad := wire.NewDecoder(strings.NewReader(c.in[:len(c.in)/2] + ")\r\n"))
		if c.env {
			a.ReadEnvelope(bad)
		} else {
			a.ReadBody(bad)
		}
	}
	for _, k := range all {
		if diff := cmp.Diff(k.want, k.got); diff != "" {
			t.Errorf("%s: changed by later decoding (-want +got):\n%s", k.name, diff)
		}
	}
}

// TestArenaAllocs pins the point of an Arena: a rich body structure or
// envelope costs less than one allocation in steady state.
func TestArenaAllocs(t *testing.T) {
	for _, c := range []struct {
		name, in string
		env      bool
	}{{"body", richBody, false}, {"envelope", richEnvelope, true}} {
		const n = 100
		in := strings.Repeat(c.in+"\r\n", n)
		var a Arena
		r := strings.NewReader(in)
		d := wire.NewDecoder(r)
		allocs := testing.AllocsPerRun(20, func() {
			r.Reset(in)
			d.Reset(r)
			for range n {
				var err error
				if c.env {
					_, err = a.ReadEnvelope(d)
				} else {
					_, err = a.ReadBody(d)
				}
				if err == nil {
					err = d.ReadEOL()
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		}) / n
		if allocs >= 1 {
			t.Errorf("%s: %.2f allocations per value, want fewer than 1", c.name, allocs)
		}
	}
}

// TestArenaRewind decodes every case with one Arena rewound before each,
// with a failed value halfway between, and checks that each value equals
// what ReadBody or ReadEnvelope gives: memory handed out again must come
// back zeroed, or fields of an earlier, richer value would show through.
// It also checks that the memory is reused, and that the strings of the
// values, which Rewind must not overwrite, are unchanged at the end.
func TestArenaRewind(t *testing.T) {
	var a Arena
	type kept struct {
		name       string
		strs       []string // the value's strings, in arena memory
		want       []string // copies of them
		addr, prev uintptr  // the value's address, and the last one's
	}
	var all []kept
	var prev uintptr
	for i, c := range append(slices.Clone(bodyCases), bodyCases...) {
		bad := wire.NewDecoder(strings.NewReader(c.in[:len(c.in)/2] + ")\r\n"))
		d := wire.NewDecoder(strings.NewReader(c.in + "\r\n"))
		var got any
		var err error
		a.Rewind()
		if c.env {
			a.ReadEnvelope(bad)
			a.Rewind()
			got, err = a.ReadEnvelope(d)
		} else {
			a.ReadBody(bad)
			a.Rewind()
			got, err = a.ReadBody(d)
		}
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		want, _, err := decodeOne(strings.NewReader(c.in+"\r\n"), c.env)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (pass %d): rewound arena differs (-ReadBody +arena):\n%s", c.name, i/len(bodyCases)+1, diff)
		}
		k := kept{name: c.name, strs: valueStrings(reflect.ValueOf(got), nil), prev: prev}
		for _, s := range k.strs {
			k.want = append(k.want, strings.Clone(s))
		}
		k.addr = reflect.ValueOf(got).Pointer()
		prev = k.addr
		all = append(all, k)
	}
	reused := 0
	for _, k := range all {
		if k.addr == k.prev {
			reused++
		}
		if !slices.Equal(k.strs, k.want) {
			t.Errorf("%s: strings changed by later decoding: %q, want %q", k.name, k.strs, k.want)
		}
	}
	// An envelope after a body, or the reverse, takes other memory.
	if reused < len(all)/3 {
		t.Errorf("%d of %d values took the memory of the one before, want more", reused, len(all))
	}
}

// valueStrings appends the strings of v, followed through pointers,
// slices and structs, to out.
func valueStrings(v reflect.Value, out []string) []string {
	switch v.Kind() {
	case reflect.String:
		return append(out, v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return valueStrings(v.Elem(), out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			out = valueStrings(v.Index(i), out)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				out = valueStrings(v.Field(i), out)
			}
		}
	}
	return out
}
