package main

import (
	"bufio"
	"bytes"
	"testing"
	"time"

	"github.com/mailwire/imap/wire"
)

func TestRenderWire(t *testing.T) {
	long := bytes.Repeat([]byte("0123456789"), 20)
	cases := []struct{ in, want string }{
		{"a1 NOOP\r\n", "a1 NOOP"},
		{"* OK [ALERT] tab\there\r\n", `* OK [ALERT] tab\there`},
		{"a1 APPEND x {7}\r\nab\r\ncd\x01\r\n", `a1 APPEND x {7}\r\nab\r\ncd\x01`},
		{"* 1 FETCH (BINARY[] ~{3}\r\na\x00b)\r\n", `* 1 FETCH (BINARY[] ~{3}\r\na\x00b)`},
		{"* 1 FETCH (BODY[] {200}\r\n" + string(long) + ")\r\n",
			`* 1 FETCH (BODY[] {200}\r\n` + string(long[:64]) + "...[136 more bytes])"},
		{"* OK caf\xc3\xa9 \xe9 \u200e x\x7f\r\n", `* OK café \xe9 \u200e x\x7f`},
		// A literal ending in CRLF at the end of the message.
		{"a1 X {2}\r\n\r\n\r\n", `a1 X {2}\r\n\r\n`},
		// A long literal cut before a multi-byte rune.
		{"a {101}\r\n" + string(long[:63]) + "é" + string(long[:36]) + "\r\n", `a {101}\r\n` + string(long[:63]) + "...[38 more bytes]"},
	}
	for _, c := range cases {
		if got := string(renderWire(nil, []byte(c.in))); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestTextRecord(t *testing.T) {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	p := newTextPrinter(w)
	tm := time.Date(2024, 2, 29, 23, 59, 59, 123456000, time.UTC)
	p.header("x: client stream")
	p.record(&record{dir: 'C', offset: 12, time: tm, wire: []byte("a1 NOOP\r\n"),
		quirks: []wire.QuirkReport{{Quirk: wire.QuirkTrailingSpace, Offset: 19}, {Quirk: wire.QuirkBareLF, Offset: 20}}})
	p.record(&record{dir: 'S', offset: 1234567, time: tm.Add(time.Second), err: "imap/wire: offset 1234570: bad\r\n"})
	w.Flush()
	want := "# x: client stream\n" +
		"# 2024-02-29 (times UTC)\n" +
		"23:59:59.123456 C      12  a1 NOOP  [trailing-space@19 bare-lf@20]\n" +
		"# 2024-03-01 (times UTC)\n" +
		"00:00:00.123456 S 1234567  ERROR: imap/wire: offset 1234570: bad\\r\\n\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// JSON: invalid UTF-8 comes with its exact bytes in wire_base64.
func TestJSONBinary(t *testing.T) {
	code, out, _ := runIt([]string{"-json", "-format", "server"}, "* 1 FETCH (BODY[] {3}\r\n\xe9\xff\n)\r\n", false)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	lines := parseJSON(t, out)
	b, err := lines[0].wireBytes()
	if err != nil || string(b) != "* 1 FETCH (BODY[] {3}\r\n\xe9\xff\n)\r\n" || lines[0].WireBase64 == "" {
		t.Errorf("wire %q (%v), line %s", b, err, out)
	}
	refeed(t, lines, "S")
}
