package bodystructure

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParams checks Content-Type parameter parsing against what Dovecot
// 2.3 reported for the same header (testdata/build/ct*.eml).
func TestParams(t *testing.T) {
	for _, c := range []struct {
		value string
		want  []Param
	}{
		{`application/x; name=a; name=b; NAME=c`, []Param{{"name", "a"}, {"name", "b"}, {"NAME", "c"}}},
		{`application/x; filename*=UTF-8''%E2%82%AC.txt; title*0*=us-ascii'en'This%20is; title*1*=%20fun; name*0="a"; name*1="b"; x*1=foo`,
			[]Param{{"filename*", "UTF-8''%E2%82%AC.txt"}, {"name", "ab"}, {"title*", "us-ascii'en'This%20is%20fun"}, {"x*1", "foo"}}},
		// "b*" reuses the section number of the key before it, as in Dovecot.
		{`application/x; a*0=x; a*1=y; b*=z; c=d`, []Param{{"c", "d"}, {"a", "xy"}, {"b*1*", "z"}}},
		{`application/x; Z*0=x; z*1*=%41y; zz=1; A*0=q`, []Param{{"zz", "1"}, {"A", "q"}, {"Z*", "''x%41y"}}},
		{`text/plain;; charset=x; ; foo=bar`, nil},
		{`text/plain (c) ; (d) charset = "utf-8" (e)`, []Param{{"charset", "utf-8"}}},
		{`application/x; name==?utf-8?b?w6Q=?=; b=c`, []Param{{"name", "=?utf-8?b?w6Q=?="}, {"b", "c"}}},
		{`application/x; name="a\"b\\c"`, []Param{{"name", `a"b\c`}}},
		{`application/x; name=a/b; c=d?e; f=g@h`, []Param{{"name", "a"}, {"c", "d"}, {"f", "g"}}},
		{"text/plain;\n\tcharset=\"utf-8\";\n format=flowed", []Param{{"charset", "utf-8"}, {"format", "flowed"}}},
		{"application/x; q=\"a\x00b\"", []Param{{"q", "a\uFFFDb"}}},
	} {
		var f contentFields
		f.parseContentType([]byte(c.value))
		if d := cmp.Diff(c.want, f.params); d != "" {
			t.Errorf("%q (-want +got):\n%s", c.value, d)
		}
	}
}

// TestContentType checks how broken Content-Type values are read.
func TestContentType(t *testing.T) {
	for _, c := range []struct{ value, typ, sub string }{
		{"TEXT/PLAIN; CHARSET=UTF-8", "TEXT", "PLAIN"},
		{"garbage", "garbage", ""},
		{"text", "text", ""},
		{"/plain", "", ""},
		{";charset=x", "", ""},
		{"text/", "", ""},
		{"text/plain garbage; charset=x", "", ""},
		{"text / plain ; charset=us-ascii", "text", "plain"},
		{"", "", ""},
	} {
		var f contentFields
		f.parseContentType([]byte(c.value))
		if deref(f.typ) != c.typ || deref(f.subtype) != c.sub {
			t.Errorf("%q: %q %q, want %q %q", c.value, deref(f.typ), deref(f.subtype), c.typ, c.sub)
		}
	}
}

func TestEncodingLanguageDisposition(t *testing.T) {
	for _, c := range []struct {
		value string
		want  *string
	}{
		{"base64 (comment)", sp("base64")},
		{"x y", nil},
		{"", nil},
		{`"base64"`, nil},
		{"8BIT", sp("8BIT")},
	} {
		var f contentFields
		f.parseEncoding([]byte(c.value))
		if !cmp.Equal(f.encoding, c.want) {
			t.Errorf("encoding %q: %v", c.value, deref(f.encoding))
		}
	}
	for _, c := range []struct {
		value string
		want  []string
	}{
		{"en, de (c) ,fr-CA", []string{"en", "de", "fr-CA"}},
		{"en de", []string{"en"}},
		{`"en", de`, nil},
		{"en,,de", []string{"en"}},
		{"123, a.b", []string{"123", "a"}},
		{"", nil},
	} {
		var f contentFields
		f.parseLanguage([]byte(c.value))
		if d := cmp.Diff(c.want, f.language); d != "" {
			t.Errorf("language %q: %s", c.value, d)
		}
	}
	// A Content-Disposition without parameters is replaced by a later one.
	var f contentFields
	for _, v := range []string{"inline", "attachment; c=d", "inline; a=b"} {
		f.header("Disposition", []byte(v))
	}
	if deref(f.disposition) != "attachment" || !cmp.Equal(f.dispParams, []Param{{"c", "d"}}) {
		t.Errorf("disposition %q %v", deref(f.disposition), f.dispParams)
	}
}

func TestForHumansNoLF(t *testing.T) {
	for in, want := range map[string]string{
		"  Hello\n\t  world  ": "Hello world",
		"   ":                  "",
		"a\r\nb":               "a b",
	} {
		if got := forHumans([]byte(in)); got != want {
			t.Errorf("forHumans(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"Mon, 1 Jan 2024\n 10:00:00": "Mon, 1 Jan 2024 10:00:00",
		"a\n\tb":                     "a\tb",
		"a\rb":                       "a b",
		"<a@b>  ":                    "<a@b>  ",
	} {
		if got := noLF([]byte(in)); got != want {
			t.Errorf("noLF(%q) = %q, want %q", in, got, want)
		}
	}
}
