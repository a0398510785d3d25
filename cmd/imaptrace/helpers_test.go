package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// runIt runs the program and returns its exit status and outputs.
func runIt(args []string, stdin string, terminal bool) (code int, stdout, stderr string) {
	var out, errw bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errw, terminal)
	return code, out.String(), errw.String()
}

// jsonLine is what the tests read back from -json output.
type jsonLine struct {
	Dir        *string  `json:"dir"`
	Offset     *int64   `json:"offset"`
	Time       string   `json:"time"`
	Tag        string   `json:"tag"`
	Type       string   `json:"type"`
	Wire       *string  `json:"wire"`
	WireBase64 string   `json:"wire_base64"`
	Unknown    *bool    `json:"unknown"`
	Quirks     []string `json:"quirks"`
	Error      string   `json:"error"`
}

// wireBytes returns the exact re-encoding a line carries.
func (l *jsonLine) wireBytes() ([]byte, error) {
	if l.WireBase64 != "" {
		return base64.StdEncoding.DecodeString(l.WireBase64)
	}
	if l.Wire == nil {
		return nil, nil
	}
	return []byte(*l.Wire), nil
}

// parseJSON parses -json output strictly: every line one object with the
// known fields, dir and offset present, wire xor error.
func parseJSON(t testing.TB, out string) []jsonLine {
	t.Helper()
	var lines []jsonLine
	for i, s := range strings.SplitAfter(out, "\n") {
		if s == "" {
			continue
		}
		if !strings.HasSuffix(s, "\n") {
			t.Fatalf("line %d not terminated: %q", i+1, s)
		}
		dec := json.NewDecoder(strings.NewReader(s))
		dec.DisallowUnknownFields()
		var l jsonLine
		if err := dec.Decode(&l); err != nil {
			t.Fatalf("line %d: %v: %q", i+1, err, s)
		}
		if dec.More() {
			t.Fatalf("line %d: more than one value: %q", i+1, s)
		}
		if l.Dir == nil || (*l.Dir != "C" && *l.Dir != "S") || l.Offset == nil || *l.Offset < 0 {
			t.Fatalf("line %d: bad dir or offset: %q", i+1, s)
		}
		if (l.Wire == nil) == (l.Error == "") {
			t.Fatalf("line %d: needs exactly one of wire and error: %q", i+1, s)
		}
		if l.Unknown != nil && !*l.Unknown {
			t.Fatalf("line %d: unknown is only ever true: %q", i+1, s)
		}
		lines = append(lines, l)
	}
	return lines
}

// refeed checks the contract of the wire field: the concatenated wire of
// the decoded messages of direction dir, decoded again as a raw stream of
// that direction, gives the same wire strings, all decoding.
func refeed(t testing.TB, lines []jsonLine, dir string, extra ...string) {
	t.Helper()
	if err := refeedErr(t, lines, dir, extra...); err != nil {
		t.Fatal(err)
	}
}

func refeedErr(t testing.TB, lines []jsonLine, dir string, extra ...string) error {
	t.Helper()
	var all []byte
	var want [][]byte
	for i := range lines {
		l := &lines[i]
		if *l.Dir != dir || l.Error != "" {
			continue
		}
		b, err := l.wireBytes()
		if err != nil {
			return err
		}
		all = append(all, b...)
		want = append(want, b)
	}
	format := map[string]string{"C": "client", "S": "server"}[dir]
	args := append([]string{"-json", "-format", format}, extra...)
	code, out, stderr := runIt(args, string(all), false)
	if code != 0 {
		return fmt.Errorf("re-fed %s stream: exit %d, stderr %q\ninput %q\noutput %s", dir, code, stderr, all, out)
	}
	got := parseJSON(t, out)
	if len(got) != len(want) {
		return fmt.Errorf("re-fed %s stream: %d messages, want %d\ninput %q\noutput %s", dir, len(got), len(want), all, out)
	}
	for i := range got {
		b, err := got[i].wireBytes()
		if err != nil {
			return err
		}
		if !bytes.Equal(b, want[i]) {
			return fmt.Errorf("re-fed %s message %d: wire %q, want %q", dir, i, b, want[i])
		}
	}
	return nil
}
