package main

import (
	"strings"
	"testing"
)

const authClient = "a1 LOGIN alice s3cr3t-1\r\n" +
	"a2 LOGIN {5}\r\nalice {8}\r\ns3cr3t-2\r\n" +
	"a3 AUTHENTICATE PLAIN c2VjcmV0LTM=\r\n" + // SASL-IR
	"a4 AUTHENTICATE PLAIN\r\n" +
	"c2VjcmV0LTQ=\r\n" +
	"a5 AUTHENTICATE LOGIN\r\n" +
	"YWxpY2U=\r\n" +
	"c2VjcmV0LTU=\r\n" +
	"a6 NOOP\r\n" +
	"a7 AUTHENTICATE X\r\n" +
	"*\r\n" +
	"a8 login bob \"s3cr3t-6\"\r\n"

var authSecrets = []string{"s3cr3t-1", "s3cr3t-2", "c2VjcmV0LTM=", "c2VjcmV0LTQ=", "YWxpY2U=", "c2VjcmV0LTU=", "s3cr3t-6"}

func TestRedaction(t *testing.T) {
	for _, mode := range [][]string{{"-format", "client"}, {"-format", "client", "-json"}} {
		code, out, _ := runIt(mode, authClient, false)
		if code != 0 {
			t.Fatalf("%v: exit %d\n%s", mode, code, out)
		}
		for _, s := range authSecrets {
			if strings.Contains(out, s) {
				t.Errorf("%v: output shows %q:\n%s", mode, s, out)
			}
		}
		for _, s := range []string{`a1 LOGIN alice \"***\"`, `a8 LOGIN bob \"***\"`, "a6 NOOP", "AUTHENTICATE X"} {
			if !strings.Contains(strings.ReplaceAll(out, `\"`, `"`), strings.ReplaceAll(s, `\"`, `"`)) {
				t.Errorf("%v: output lacks %q:\n%s", mode, s, out)
			}
		}
		code, out, _ = runIt(append(mode, "-show-secrets"), authClient, false)
		if code != 0 {
			t.Fatalf("%v -show-secrets: exit %d", mode, code)
		}
		for _, s := range authSecrets {
			if !strings.Contains(out, s) {
				t.Errorf("%v -show-secrets: output lacks %q:\n%s", mode, s, out)
			}
		}
	}

	code, out, _ := runIt([]string{"-format", "client", "-json"}, authClient, false)
	if code != 0 {
		t.Fatal(code)
	}
	lines := parseJSON(t, out)
	var types []string
	for _, l := range lines {
		types = append(types, l.Type)
	}
	want := "LOGIN LOGIN AUTHENTICATE AUTHENTICATE AUTHENTICATE-DATA AUTHENTICATE AUTHENTICATE-DATA AUTHENTICATE-DATA NOOP AUTHENTICATE AUTHENTICATE-DATA LOGIN"
	if got := strings.Join(types, " "); got != want {
		t.Errorf("types %s, want %s", got, want)
	}
	// Redacted output re-feeds to itself.
	refeed(t, lines, "C")
}

// The excerpt of a client error could be a password: it is left out.
func TestRedactionInErrors(t *testing.T) {
	in := "a1 LOGIN alice \"x\x00s3cr3t\"\r\na2 NOOP\r\n"
	code, out, _ := runIt([]string{"-format", "client"}, in, false)
	if code != 1 || strings.Contains(out, "s3cr3t") || !strings.Contains(out, "a2 NOOP") {
		t.Errorf("exit %d, output\n%s", code, out)
	}
	code, out, _ = runIt([]string{"-format", "client", "-show-secrets"}, in, false)
	if code != 1 || !strings.Contains(out, "s3cr3t") {
		t.Errorf("-show-secrets: exit %d, output\n%s", code, out)
	}
	// Server errors keep their excerpt.
	code, out, _ = runIt([]string{"-format", "server"}, "* OK \"x\x00y\" [\r\n* 1 FETCH (X \"ab\x00cd\")\r\n", false)
	if code != 1 || !strings.Contains(out, `(near "\x00cd`) {
		t.Errorf("server error: exit %d, output\n%s", code, out)
	}
}
