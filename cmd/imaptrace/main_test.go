package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestUsage(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing")
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string // a substring of the expected stderr
	}{
		{"unknown flag", []string{"-nope"}, 2, "usage: imaptrace"},
		{"unknown format", []string{"-format", "bogus", "x"}, 2, `unknown -format "bogus"`},
		{"missing format value", []string{"-format"}, 2, "usage: imaptrace"},
		{"bad bool", []string{"-json=maybe"}, 2, "usage: imaptrace"},
		{"mailkit", []string{"-format", "mailkit"}, 2, "imaptrace: -format mailkit is not supported yet\n"},
		{"tshark", []string{"-format", "tshark", "x"}, 2, "imaptrace: -format tshark is not supported yet\n"},
		{"pcap", []string{"-format", "pcap"}, 2, "imaptrace: -format pcap is not supported yet\n"},
		{"mozlog", []string{"-format=mozlog"}, 2, "imaptrace: -format mozlog is not supported yet\n"},
		{"missing file", []string{missing}, 2, "no such file"},
		{"missing rawlog", []string{missing + ".in"}, 2, "no such file"},
		{"directory", []string{"-format", "client", t.TempDir()}, 2, ""},
		{"help", []string{"-h"}, 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runIt(c.args, "", false)
			if code != c.code || !strings.Contains(stderr, c.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, c.code, c.stderr)
			}
			if strings.HasSuffix(c.stderr, "\n") && stderr != c.stderr {
				t.Errorf("stderr %q, want exactly %q", stderr, c.stderr)
			}
		})
	}
}

// A missing file does not stop the others.
func TestMissingFileAmongOthers(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good")
	os.WriteFile(good, []byte("a1 NOOP\r\n"), 0o644)
	code, out, stderr := runIt([]string{filepath.Join(dir, "bad"), good}, "", false)
	if code != 2 || !strings.Contains(out, "a1 NOOP") || !strings.Contains(stderr, "bad") {
		t.Errorf("exit %d, output %q, stderr %q", code, out, stderr)
	}
}

// sampleJSON decodes the embedded sample with -json.
func sampleJSON(t *testing.T) []jsonLine {
	t.Helper()
	var out bytes.Buffer
	w := bufio.NewWriter(&out)
	tr := newTracer(&config{format: "auto", json: true}, w, os.Stderr)
	tr.sample()
	if err := tr.flush(); err != nil {
		t.Fatal(err)
	}
	if tr.failed || tr.fatal {
		t.Fatalf("the sample does not decode:\n%s", out.String())
	}
	return parseJSON(t, out.String())
}

func TestSampleText(t *testing.T) {
	code, out, stderr := runIt(nil, "", true)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{
		"# sample session with Dovecot",
		" S       0  * PREAUTH [CAPABILITY IMAP4rev1 ",
		" C       0  a1 CAPABILITY\n",
		` C     158  a8 APPEND Entw&APw-rfe (\Seen) "14-Nov-2023 22:13:20 +0000" {330}\r\nDate: Tue, 14 Nov 2023 22:13:20 +0000\r\n`,
		"...[266 more bytes]\n",
		" S    3000  * 1 FETCH (BODY[] {330}\\r\\nDate: Tue, 14 Nov 2023 22:13:20 +0000\\r\\n",
		"C    1312  DONE\n",
		"* BYE Logging out\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "ERROR") {
		t.Errorf("errors in the sample:\n%s", out)
	}
	// Every record line starts with a time of day.
	rec := regexp.MustCompile(`^\d\d:\d\d:\d\d\.\d{6} [CS] +\d+  \S`)
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if !strings.HasPrefix(l, "# ") && !rec.MatchString(l) {
			t.Errorf("bad line %q", l)
		}
	}

	// The same, from the files, through -format auto and rawlog, given
	// either half.
	for _, args := range [][]string{{"testdata/dovecot.in"}, {"-format", "rawlog", "testdata/dovecot.out"}} {
		code, out2, _ := runIt(args, "", false)
		if code != 0 || afterHeader(out2) != afterHeader(out) {
			t.Errorf("%v: exit %d, output differs from the sample's", args, code)
		}
	}
}

func afterHeader(s string) string { _, rest, _ := strings.Cut(s, "\n"); return rest }

// Without FILE, stdin is read, unless there is no argument at all and it
// is a terminal.
func TestStdin(t *testing.T) {
	code, out, _ := runIt([]string{"-json"}, "a1 NOOP\r\n", true)
	if code != 0 || !strings.Contains(out, `"type":"NOOP"`) {
		t.Errorf("-json on a terminal: exit %d, %q", code, out)
	}
	code, out, _ = runIt(nil, "* OK hi\r\n", false)
	if code != 0 || out != "# stdin: server stream\nS       0  * OK hi\n" {
		t.Errorf("no argument, not a terminal: exit %d, %q", code, out)
	}
	code, out, _ = runIt(nil, "", false)
	if code != 0 || out != "# stdin: client stream\n" {
		t.Errorf("empty stdin: exit %d, %q", code, out)
	}
}

func TestSampleJSON(t *testing.T) {
	lines := sampleJSON(t)
	last := map[string]int64{"C": -1, "S": -1}
	var prev time.Time
	var clientTypes []string
	for i, l := range lines {
		if l.Type == "" || l.Time == "" || l.Wire == nil {
			t.Errorf("line %d lacks type, time or wire: %+v", i, l)
		}
		if *l.Offset <= last[*l.Dir] {
			t.Errorf("line %d: %s offset %d after %d", i, *l.Dir, *l.Offset, last[*l.Dir])
		}
		last[*l.Dir] = *l.Offset
		tm, err := time.Parse(jsonTime, l.Time)
		if err != nil || tm.Before(prev) {
			t.Errorf("line %d: time %q (%v) before %v", i, l.Time, err, prev)
		}
		prev = tm
		if *l.Dir == "C" {
			clientTypes = append(clientTypes, l.Type)
		}
	}
	if *lines[0].Dir != "S" || lines[0].Type != "PREAUTH" {
		t.Errorf("first message %+v, want the greeting", lines[0])
	}
	want := []string{"CAPABILITY", "ID", "ENABLE", "NAMESPACE", "LIST", "CREATE", "LIST", "APPEND", "APPEND",
		"SELECT", "FETCH", "FETCH", "STORE", "SEARCH", "UID SEARCH", "STATUS", "IDLE", "DONE", "NOOP", "LOGOUT"}
	if !slices.Equal(clientTypes, want) {
		t.Errorf("client types %q, want %q", clientTypes, want)
	}
	// Each tagged reply comes after its command, each continuation
	// request after the command that asked for it.
	for i, l := range lines {
		if *l.Dir == "S" && l.Tag != "" {
			j := slices.IndexFunc(lines, func(c jsonLine) bool { return *c.Dir == "C" && c.Tag == l.Tag })
			if j < 0 || j > i {
				t.Errorf("reply %q at %d, command at %d", *l.Wire, i, j)
			}
		}
	}
	refeed(t, lines, "C")
	refeed(t, lines, "S")
	refeed(t, lines, "C", "-strict")
	refeed(t, lines, "S", "-strict")
}

// Rawlog offsets count the bytes without the time prefixes: at each
// message's offset the stripped stream starts with its tag.
func TestSampleOffsets(t *testing.T) {
	strip := regexp.MustCompile(`(?m)^\d+\.\d+ `)
	streams := map[string]string{
		"C": strip.ReplaceAllString(string(sampleIn), ""),
		"S": strip.ReplaceAllString(string(sampleOut), ""),
	}
	for _, l := range sampleJSON(t) {
		s := streams[*l.Dir][*l.Offset:]
		first, _, _ := strings.Cut(*l.Wire, " ")
		if !strings.HasPrefix(s, strings.TrimSuffix(first, "\r\n")) {
			t.Errorf("%s offset %d: stream has %.20q, message %.20q", *l.Dir, *l.Offset, s, *l.Wire)
		}
	}
}
