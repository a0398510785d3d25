package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mailwire/imap/bodystructure"
	"github.com/mailwire/imap/wire"
)

const sample = "From: Ann <ann@example.org>\r\n" +
	"To: team: Bob <bob@example.net>;\r\n" +
	"Subject: Report\r\n" +
	"Date: Mon, 1 Jan 2024 10:00:00 +0000\r\n" +
	"Message-ID: <1@example.org>\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: multipart/mixed; boundary=b1\r\n" +
	"\r\n" +
	"--b1\r\n" +
	"Content-Type: text/plain; charset=utf-8\r\n" +
	"\r\n" +
	"Hello.\r\n" +
	"--b1\r\n" +
	"Content-Type: application/octet-stream\r\n" +
	"Content-Transfer-Encoding: base64\r\n" +
	"Content-Disposition: attachment; filename=x.bin\r\n" +
	"\r\n" +
	"AAECAw==\r\n" +
	"--b1--\r\n"

// runImapmsg runs the program and returns its exit status and output.
func runImapmsg(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeSample(t *testing.T) string {
	name := filepath.Join(t.TempDir(), "m.eml")
	if err := os.WriteFile(name, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// TestStructureItems checks that each structure item is printed as a FETCH
// item in wire form, equal to what the library computes, from a file and
// from standard input alike.
func TestStructureItems(t *testing.T) {
	m, err := bodystructure.Build(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	file := writeSample(t)
	for _, c := range []struct {
		flag, item string
	}{{"", "BODYSTRUCTURE"}, {"-bodystructure", "BODYSTRUCTURE"}, {"-body", "BODY"}, {"-envelope", "ENVELOPE"}} {
		var args []string
		if c.flag != "" {
			args = append(args, c.flag)
		}
		for _, fromFile := range []bool{false, true} {
			a, stdin := args, sample
			if fromFile {
				a, stdin = append(args[:len(args):len(args)], file), ""
			}
			code, out, errOut := runImapmsg(t, stdin, a...)
			if code != 0 {
				t.Fatalf("%v: exit %d: %s", a, code, errOut)
			}
			if !strings.HasPrefix(out, c.item+" ") || !strings.HasSuffix(out, "\r\n") {
				t.Fatalf("%v: output %q", a, out)
			}
			d := wire.NewDecoder(strings.NewReader(strings.TrimPrefix(out, c.item+" ")), wire.Strict(true))
			var got, want any
			switch c.item {
			case "BODYSTRUCTURE":
				got, err = bodystructure.ReadBody(d)
				want = m.Body
			case "BODY":
				got, err = bodystructure.ReadBody(d)
				want = m.Body.NonExtensible()
			case "ENVELOPE":
				got, err = bodystructure.ReadEnvelope(d)
				want = m.Envelope
			}
			if err != nil {
				t.Fatalf("%v: output %q does not decode: %v", a, out, err)
			}
			if err := d.ReadEOL(); err != nil {
				t.Fatalf("%v: output %q: %v", a, out, err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%v: %s", a, diff)
			}
		}
	}
}

func TestSections(t *testing.T) {
	file := writeSample(t)
	for _, c := range []struct {
		spec, want string
	}{
		{"1", "BODY[1] {6}\r\nHello.\r\n"},
		{"1.MIME", "BODY[1.MIME] {43}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\r\n"},
		{"header.fields (subject)", "BODY[HEADER.FIELDS (subject)] {19}\r\nSubject: Report\r\n\r\n\r\n"},
		{"BODY[1]<1.3>", "BODY[1]<1> {3}\r\nell\r\n"},
		{"BODY[1]<4.10>", "BODY[1]<4> {2}\r\no.\r\n"},
		{"BODY.PEEK[1]<10.10>", "BODY[1]<10> {0}\r\n\r\n"},
		{"BINARY[2]", "BINARY[2] ~{4}\r\n\x00\x01\x02\x03\r\n"},
		{"BINARY[1]", "BINARY[1] {6}\r\nHello.\r\n"},
		{"BINARY.SIZE[2]", "BINARY.SIZE[2] 4\r\n"},
	} {
		code, out, errOut := runImapmsg(t, "", "-section", c.spec, file)
		if code != 0 || out != c.want {
			t.Errorf("-section %q: exit %d, %q, %s\nwant %q", c.spec, code, out, errOut, c.want)
		}
	}
}

func TestExitStatus(t *testing.T) {
	file := writeSample(t)
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"-body", "-envelope", file}, 2},
		{[]string{"-nope"}, 2},
		{[]string{file, file}, 2},
		{[]string{"-section", "1.0", file}, 2},
		{[]string{"-section", "FOO[1]", file}, 2},
		{[]string{"-section", "BODY[1]<1>", file}, 2},
		{[]string{"-section", "BINARY[HEADER]", file}, 2},
		{[]string{filepath.Join(t.TempDir(), "missing.eml")}, 1},
		{[]string{"-section", "7", file}, 1},
		{[]string{"-section", "3.1", file}, 1},
	} {
		code, _, errOut := runImapmsg(t, "", c.args...)
		if code != c.code {
			t.Errorf("%q: exit %d, want %d (%s)", c.args, code, c.code, errOut)
		}
		if code != 0 && errOut == "" {
			t.Errorf("%q: no message", c.args)
		}
	}
	if code, out, _ := runImapmsg(t, "", "-h"); code != 0 || !strings.HasPrefix(out, "usage: imapmsg") {
		t.Errorf("-h: exit %d, %q", code, out)
	}
}

// TestAnyInput checks that imapmsg prints something valid for any bytes:
// broken MIME degrades, it never fails.
func TestAnyInput(t *testing.T) {
	for _, in := range []string{"", "\r\n", "garbage", "Content-Type: multipart/mixed\r\n\r\nno boundary", "\x00\xff\r\n\r\n"} {
		for _, flag := range []string{"-bodystructure", "-body", "-envelope"} {
			code, out, errOut := runImapmsg(t, in, flag)
			if code != 0 || !strings.HasSuffix(out, ")\r\n") {
				t.Errorf("%s of %q: exit %d, %q, %s", flag, in, code, out, errOut)
			}
		}
	}
}
