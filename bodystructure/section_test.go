package bodystructure

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mailwire/imap/wire"
)

var sectionCases = []struct {
	in   string
	want Section
	// canon is the canonical form, when it differs from in.
	canon string
}{
	{in: "", want: Section{}},
	{in: "1", want: Section{Part: []int{1}}},
	{in: "1.2.3", want: Section{Part: []int{1, 2, 3}}},
	{in: "HEADER", want: Section{Specifier: SpecifierHeader}},
	{in: "header", want: Section{Specifier: SpecifierHeader}, canon: "HEADER"},
	{in: "TEXT", want: Section{Specifier: SpecifierText}},
	{in: "4.2.TEXT", want: Section{Part: []int{4, 2}, Specifier: SpecifierText}},
	{in: "3.MIME", want: Section{Part: []int{3}, Specifier: SpecifierMIME}},
	{in: "HEADER.FIELDS (DATE FROM)", want: Section{Specifier: SpecifierHeaderFields, Fields: []string{"DATE", "FROM"}}},
	{in: "1.header.fields.not (Subject \"X y\")", want: Section{Part: []int{1}, Specifier: SpecifierHeaderFieldsNot, Fields: []string{"Subject", "X y"}},
		canon: "1.HEADER.FIELDS.NOT (Subject \"X y\")"},
	// RFC 3501 §6.4.5 examples.
	{in: "4.1.MIME", want: Section{Part: []int{4, 1}, Specifier: SpecifierMIME}},
	{in: "4.2.2.1", want: Section{Part: []int{4, 2, 2, 1}}},
}

func TestParseSection(t *testing.T) {
	for _, c := range sectionCases {
		got, err := ParseSection(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if !cmp.Equal(got, c.want, cmp.Comparer(func(a, b []int) bool { return cmp.Equal(append([]int{}, a...), append([]int{}, b...)) })) {
			t.Errorf("%q: got %+v, want %+v", c.in, got, c.want)
		}
		canon := c.canon
		if canon == "" {
			canon = c.in
		}
		if s := got.String(); s != canon {
			t.Errorf("%q: String = %q, want %q", c.in, s, canon)
		}
		// The wire form after BODY.
		var buf bytes.Buffer
		e := wire.NewEncoder(&buf)
		e.Atom("BODY")
		EncodeSection(e, got)
		if err := e.CRLF(); err != nil {
			t.Fatalf("%q: encode: %v", c.in, err)
		}
		if want := "BODY[" + canon + "]\r\n"; buf.String() != want {
			t.Errorf("encoded %q, want %q", buf.String(), want)
		}
		d := wire.NewDecoder(strings.NewReader("BODY[" + c.in + "]<0>\r\n"))
		if tok, err := d.ReadToken(); err != nil || string(tok.Bytes()) != "BODY" {
			t.Fatalf("%v %v", tok, err)
		}
		sec, err := ReadSection(d)
		if err != nil {
			t.Fatalf("ReadSection(%q): %v", c.in, err)
		}
		if sec.String() != canon {
			t.Errorf("ReadSection(%q) = %q", c.in, sec.String())
		}
		if tok, err := d.ReadToken(); err != nil || string(tok.Bytes()) != "<0>" || tok.Space() {
			t.Errorf("after the section: %v %v", tok, err)
		}
	}
}

func TestParseSectionErrors(t *testing.T) {
	for _, in := range []string{
		"0", "1.0", "01", "1.", ".1", "MIME", "1.FOO", "HEADER.FIELDS", "HEADER.FIELDS ()",
		"HEADER (A)", "1 2", "HEADER.FIELDS (A) x", "99999999999", "1..2", "TEXT.1",
	} {
		if s, err := ParseSection(in); !errors.Is(err, ErrSection) {
			t.Errorf("ParseSection(%q) = %+v, %v; want ErrSection", in, s, err)
		}
	}
	for _, s := range []Section{
		{Part: []int{0}}, {Specifier: SpecifierMIME}, {Specifier: SpecifierHeaderFields},
		{Specifier: SpecifierText, Fields: []string{"A"}}, {Specifier: 9},
		{Specifier: SpecifierHeaderFields, Fields: []string{""}},
	} {
		e := wire.NewEncoder(&bytes.Buffer{})
		EncodeSection(e.Atom("BODY"), s)
		if err := e.CRLF(); !errors.Is(err, wire.ErrUnrepresentable) {
			t.Errorf("EncodeSection(%+v): %v", s, err)
		}
	}
	for _, in := range []string{"BODY[1.0]", "BODY[MIME]", "BODY[HEADER.FIELDS ()]", "BODY[1", "BODY [1]", "BODY[(A)]"} {
		d := wire.NewDecoder(strings.NewReader(in + "\r\n"))
		d.ReadToken()
		if _, err := ReadSection(d); err == nil {
			t.Errorf("ReadSection(%q): no error", in)
		}
	}
}

func FuzzParseSection(f *testing.F) {
	for _, c := range sectionCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ParseSection(in)
		if err != nil {
			return
		}
		s2, err := ParseSection(s.String())
		if err != nil {
			t.Fatalf("canonical %q of %q: %v", s.String(), in, err)
		}
		if s2.String() != s.String() {
			t.Fatalf("%q -> %q -> %q", in, s.String(), s2.String())
		}
	})
}

func TestPartial(t *testing.T) {
	for _, c := range []struct {
		in        string
		want      string
		n         int64
		badString bool
	}{
		{"<0.3>", "abc", 3, false},
		{"<2.100>", "cdef", 4, false},
		{"<6.1>", "", 0, false},
		{"<60.1>", "", 0, false},
		{"<0.0>", "", 0, true},
		{"<1>", "", 0, true},
		{"0.1", "", 0, true},
		{"<a.1>", "", 0, true},
		{"<+1.1>", "", 0, true},
		{"<1.4294967296>", "", 0, true},
	} {
		p, err := ParsePartial(c.in)
		if c.badString {
			if !errors.Is(err, ErrSection) {
				t.Errorf("ParsePartial(%q) = %v, %v; want ErrSection", c.in, p, err)
			}
			continue
		}
		if err != nil || p.String() != c.in {
			t.Fatalf("ParsePartial(%q) = %v, %v", c.in, p, err)
		}
		r, n, err := p.Cut(strings.NewReader("abcdef"), 6)
		if err != nil || n != c.n {
			t.Fatalf("%s: Cut = %d, %v", c.in, n, err)
		}
		if b, _ := io.ReadAll(r); string(b) != c.want {
			t.Errorf("%s: %q, want %q", c.in, b, c.want)
		}
	}
	if _, _, err := (Partial{Offset: 4, Count: 1}).Cut(strings.NewReader("ab"), 6); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("short reader: %v", err)
	}
}
