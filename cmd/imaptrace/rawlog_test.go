package main

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

func TestParsePrefix(t *testing.T) {
	cases := []struct {
		in   string
		n    int
		want time.Time
	}{
		{"1700000000.123456 a1 NOOP", len("1700000000.123456 "), time.Unix(1700000000, 123456000)},
		{"1.5 x", len("1.5 "), time.Unix(1, 500000000)},
		{"0.000001 ", len("0.000001 "), time.Unix(0, 1000)},
		{"1700000000.123456789 ", len("1700000000.123456789 "), time.Unix(1700000000, 123456789)},
		{"1700000000.1234567891 ", 0, time.Time{}},  // ten fraction digits
		{"12345678901234567890.1 ", 0, time.Time{}}, // twenty digits
		{"1700000000.123456", 0, time.Time{}},
		{"1700000000 a1", 0, time.Time{}},
		{"1. x", 0, time.Time{}},
		{".5 x", 0, time.Time{}},
		{"a1 NOOP", 0, time.Time{}},
		{"", 0, time.Time{}},
	}
	for _, c := range cases {
		n, tm, ok := parsePrefix([]byte(c.in))
		if n != c.n || ok != (c.n > 0) || ok && !tm.Equal(c.want) {
			t.Errorf("%q: %d %v %v, want %d %v", c.in, n, tm, ok, c.n, c.want)
		}
	}
}

// rawTimed has prefixes on every line, literal lines included, one line
// without a prefix and a last line without LF.
const rawTimed = "1700000000.000001 a1 APPEND INBOX {12}\r\n" +
	"1700000000.000002 hello\r\n" +
	"1700000000.000002 world\r\n" +
	"1700000001.5 a2 NOOP\r\n" +
	"no prefix here\r\n" +
	"1700000002.25 a3 LOGOUT\r\n" +
	"1700000003.0 tail"

const rawStripped = "a1 APPEND INBOX {12}\r\nhello\r\nworld\r\na2 NOOP\r\nno prefix here\r\na3 LOGOUT\r\ntail"

// The reader strips the same way whatever the read sizes.
func TestRawlogReader(t *testing.T) {
	readers := map[string]func(io.Reader) io.Reader{
		"whole":    func(r io.Reader) io.Reader { return r },
		"one byte": iotest.OneByteReader,
		"half":     iotest.HalfReader,
		"timeout":  func(r io.Reader) io.Reader { return iotest.TimeoutReader(iotest.OneByteReader(r)) },
	}
	at := func(s string) int64 { return int64(strings.Index(rawStripped, s)) }
	times := []struct {
		off  int64
		want time.Time
	}{
		{0, time.Unix(1700000000, 1000)},
		{at("hello"), time.Unix(1700000000, 2000)},
		{at("world"), time.Unix(1700000000, 2000)},
		{at("a2"), time.Unix(1700000001, 500000000)},
		{at("no prefix"), time.Unix(1700000001, 500000000)},
		{at("a3"), time.Unix(1700000002, 250000000)},
		{at("tail"), time.Unix(1700000003, 0)},
	}
	for name, wrap := range readers {
		t.Run(name, func(t *testing.T) {
			rr := newRawlogReader(bufio.NewReaderSize(wrap(strings.NewReader(rawTimed)), 16), true)
			var got []byte
			buf := make([]byte, 7)
			for {
				n, err := rr.Read(buf)
				got = append(got, buf[:n]...)
				if err == iotest.ErrTimeout {
					continue
				}
				if err != nil {
					break
				}
			}
			if string(got) != rawStripped {
				t.Fatalf("stripped %q, want %q", got, rawStripped)
			}
			for _, c := range times {
				if tm, ok := rr.TimeAt(c.off); !ok || !tm.Equal(c.want) {
					t.Errorf("TimeAt(%d) = %v %v, want %v", c.off, tm, ok, c.want)
				}
			}
		})
	}
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRawlogPair(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"s.in":  "10.000002 a1 NOOP\r\n10.000005 a2 LOGOUT\r\n",
		"s.out": "10.000001 * OK hi\r\n10.000002 a1 OK done\r\n10.000005 * BYE now\r\n10.000006 a2 OK bye\r\n",
		// Without times.
		"u.in":  "a1 NOOP\r\n",
		"u.out": "* OK hi\r\na1 OK done\r\n",
		// A half without its sibling.
		"h.out": "1.5 * OK hi\r\n",
	})
	order := func(args ...string) string {
		t.Helper()
		code, out, stderr := runIt(append([]string{"-json"}, args...), "", false)
		if code != 0 {
			t.Fatalf("%v: exit %d, %s", args, code, stderr)
		}
		var s []string
		for _, l := range parseJSON(t, out) {
			s = append(s, *l.Dir+" "+strings.TrimSuffix(*l.Wire, "\r\n")+" @"+l.Time)
		}
		return strings.Join(s, "\n")
	}
	// Time order; the client first on equal times.
	want := "S * OK hi @1970-01-01T00:00:10.000001Z\n" +
		"C a1 NOOP @1970-01-01T00:00:10.000002Z\n" +
		"S a1 OK done @1970-01-01T00:00:10.000002Z\n" +
		"C a2 LOGOUT @1970-01-01T00:00:10.000005Z\n" +
		"S * BYE now @1970-01-01T00:00:10.000005Z\n" +
		"S a2 OK bye @1970-01-01T00:00:10.000006Z"
	for _, args := range [][]string{
		{filepath.Join(dir, "s.in")},
		{filepath.Join(dir, "s.out")},
		{filepath.Join(dir, "s.in"), filepath.Join(dir, "s.out")}, // decoded once
		{"-format", "rawlog", filepath.Join(dir, "s.out")},
	} {
		if got := order(args...); got != want {
			t.Errorf("%v:\n%s\nwant\n%s", args, got, want)
		}
	}
	if got, want := order(filepath.Join(dir, "u.out")), "C a1 NOOP @\nS * OK hi @\nS a1 OK done @"; got != want {
		t.Errorf("without times:\n%s\nwant\n%s", got, want)
	}
	if got, want := order(filepath.Join(dir, "h.out")), "S * OK hi @1970-01-01T00:00:01.500000Z"; got != want {
		t.Errorf("one half:\n%s\nwant\n%s", got, want)
	}
	// The named half must exist.
	if code, _, stderr := runIt([]string{filepath.Join(dir, "h.in")}, "", false); code != 2 || !strings.Contains(stderr, "h.in") {
		t.Errorf("missing named half: exit %d, stderr %q", code, stderr)
	}
	// -format client reads the named file only, prefixes and all.
	code, out, _ := runIt([]string{"-format", "client", filepath.Join(dir, "s.in")}, "", false)
	if code != 0 || !strings.Contains(out, "C       0  10.000002 A1 NOOP\n") || strings.Contains(out, "OK") {
		t.Errorf("-format client on a rawlog: exit %d, output\n%s", code, out)
	}
}

func TestAuto(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"trace.log": "1700000000.000001 * OK hi\r\n1700000000.000002 a1 OK x\r\n",
		"plain.txt": "a1 NOOP\r\n",
	})
	cases := []struct {
		args  []string
		stdin string
		head  string
		dirs  string
	}{
		{[]string{filepath.Join(dir, "trace.log")}, "", "server stream, rawlog with times", "SS"},
		{[]string{filepath.Join(dir, "plain.txt")}, "", "client stream", "C"},
		{nil, "* OK hi\r\n", "stdin: server stream", "S"},
		{nil, "+ go\r\n", "stdin: server stream", "S"},
		{nil, "a1 NOOP\r\n", "stdin: client stream", "C"},
		// Not "* ": a client's line, though no valid command (exit 1).
		{nil, "*x\r\n", "stdin: client stream", "C"},
		{nil, "5.5 a1 NOOP\r\n", "stdin: client stream, rawlog with times", "C"},
		{[]string{"-format", "rawlog"}, "* OK hi\r\n", "stdin: server stream, rawlog\n", "S"},
		{[]string{"-format", "server"}, "a1 OK hi\r\n", "stdin: server stream\n", "S"},
	}
	for _, c := range cases {
		code, out, _ := runIt(c.args, c.stdin, false)
		var dirs []byte
		for _, l := range strings.Split(out, "\n") {
			if f := strings.Fields(l); len(f) > 1 && f[0] != "#" {
				dirs = append(dirs, f[slices.IndexFunc(f, func(s string) bool { return s == "C" || s == "S" })][0])
			}
		}
		want := 0
		if c.stdin == "*x\r\n" {
			want = 1
		}
		if code != want || !strings.Contains(out, c.head) || string(dirs) != c.dirs {
			t.Errorf("%v %q: exit %d, directions %q, output\n%s\nwant header %q, directions %q", c.args, c.stdin, code, dirs, out, c.head, c.dirs)
		}
	}
}
