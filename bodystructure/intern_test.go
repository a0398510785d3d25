package bodystructure

import (
	"strings"
	"testing"
	"unsafe"
)

func TestInterned(t *testing.T) {
	for _, w := range internWords {
		for _, in := range []string{w, strings.ToUpper(w)} {
			s, ok := interned([]byte(in))
			if !ok || s != in {
				t.Errorf("interned(%q) = %q, %v", in, s, ok)
			}
			// The same string each time, not a copy.
			s2, _ := interned([]byte(in))
			if unsafe.StringData(s) != unsafe.StringData(s2) {
				t.Errorf("interned(%q) returns copies", in)
			}
		}
	}
	for _, in := range []string{"", "Text", "tExt", "texts", "tex", "t", "x", "plaim", "7BIT ", "utf-9", "ENx",
		"quoted-printablE", "\x00\x00", "\xff\xfe"} {
		s, ok := interned([]byte(in))
		if want := in == ""; ok != want || s != "" {
			t.Errorf("interned(%q) = %q, %v", in, s, ok)
		}
	}
	if n := testing.AllocsPerRun(100, func() { interned([]byte("application")) }); n != 0 {
		t.Errorf("interned allocates %v times", n)
	}
}

// FuzzInterned checks interned against its definition.
func FuzzInterned(f *testing.F) {
	for _, w := range internWords {
		f.Add(w)
		f.Add(strings.ToUpper(w))
		f.Add(strings.ToTitle(w[:1]) + w[1:])
	}
	f.Fuzz(func(t *testing.T, in string) {
		want := in == ""
		for _, w := range internWords {
			want = want || in == w || in == strings.ToUpper(w)
		}
		s, ok := interned([]byte(in))
		if ok != want || ok && s != in || !ok && s != "" {
			t.Fatalf("interned(%q) = %q, %v; want %v", in, s, ok, want)
		}
	})
}
