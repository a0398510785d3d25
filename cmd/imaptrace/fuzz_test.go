package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// -refeed-log DIR makes FuzzRun collect the inputs that break the re-feed
// property in DIR instead of stopping at the first.
var fuzzLog = flag.String("refeed-log", "", "FuzzRun: write inputs that break the re-feed property to this directory")

// FuzzRun feeds arbitrary bytes to the program as a client stream and as a
// server stream, in text and JSON mode, lenient and strict. It must not
// panic, must exit 0 or 1, must print valid JSON lines, and the wire fields
// must re-feed to themselves.
func FuzzRun(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Add(sampleIn)
	f.Add(sampleOut)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range []string{"client", "server"} {
			for _, mode := range [][]string{nil, {"-strict"}} {
				args := append([]string{"-format", format}, mode...)
				code, _, stderr := runIt(args, string(data), false)
				if code != 0 && code != 1 {
					t.Fatalf("%v: exit %d, stderr %q", args, code, stderr)
				}
				code2, out, _ := runIt(append([]string{"-json"}, args...), string(data), false)
				if code2 != code {
					t.Fatalf("%v: exit %d with -json, %d without", args, code2, code)
				}
				lines := parseJSON(t, out)
				if code == 0 && strings.Contains(out, `"error"`) {
					t.Fatalf("%v: exit 0 with an error: %s", args, out)
				}
				if len(mode) == 0 {
					dir := map[string]string{"client": "C", "server": "S"}[format]
					if err := refeedErr(t, lines, dir); err != nil {
						if *fuzzLog != "" {
							os.WriteFile(filepath.Join(*fuzzLog, fmt.Sprintf("%x", sha256.Sum256(data))), data, 0o644)
							return
						}
						t.Fatalf("input %q: %v", data, err)
					}
				}
			}
		}
	})
}

// FuzzServer feeds arbitrary bytes to the program as a server stream, which
// package response decodes, in JSON mode. Besides what FuzzRun checks, every
// decoded response has an upper-case type and a tag only if it is a tagged
// status response, and the wire fields re-feed to themselves in strict mode
// too (the canonical form is strictly valid) unless the input had one of
// the keptQuirks.
func FuzzServer(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Add(sampleOut)
	f.Fuzz(func(t *testing.T, data []byte) {
		code, out, stderr := runIt([]string{"-json", "-format", "server"}, string(data), false)
		if code != 0 && code != 1 {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
		lines := parseJSON(t, out)
		for _, l := range lines {
			if l.Error != "" && l.Type == "" {
				// A response that failed to decode. (One that decoded
				// but has no canonical encoding keeps its type.)
				if l.Tag != "" || l.Unknown != nil {
					t.Fatalf("a failed response with a tag or unknown: %s", out)
				}
				continue
			}
			if l.Type == "" || upper(l.Type) != l.Type {
				t.Fatalf("type %q: %s", l.Type, out)
			}
			switch l.Type {
			case "OK", "NO", "BAD":
			default:
				if l.Tag != "" {
					t.Fatalf("tag %q on a %s: %s", l.Tag, l.Type, out)
				}
			}
		}
		modes := [][]string{nil, {"-strict"}}
		kept := func(q string) bool { return slices.Contains(keptQuirks, q) }
		if slices.ContainsFunc(lines, func(l jsonLine) bool { return slices.ContainsFunc(l.Quirks, kept) }) {
			modes = modes[:1]
		}
		for _, mode := range modes {
			if err := refeedErr(t, lines, "S", mode...); err != nil {
				if *fuzzLog != "" {
					os.WriteFile(filepath.Join(*fuzzLog, fmt.Sprintf("%x", sha256.Sum256(data))), data, 0o644)
					return
				}
				t.Fatalf("input %q, %v: %v", data, mode, err)
			}
		}
	})
}

// keptQuirks are the deviations that have no strictly valid form, so that
// the canonical re-encoding keeps them and strict decoding refuses it:
//
//   - eight-bit: 8-bit bytes outside text and literals, without UTF8=ACCEPT;
//   - bad-response-code: text that starts with "[" but no valid response
//     code (Exchange's "[Error=...]"), written back as text;
//   - bad-code-arguments: a known response code whose arguments break its
//     grammar (UIDVALIDITY 0), kept raw;
//   - star-flag-in-flags and bracket-in-atom: "\*" in FLAGS and Gmail's
//     keywords with brackets, which flags have no other form for;
//   - nul-in-literal: a NUL in message data outside BINARY.
var keptQuirks = []string{"eight-bit", "bad-response-code", "bad-code-arguments", "star-flag-in-flags", "bracket-in-atom", "nul-in-literal"}

// fuzzSeeds are the hand-written streams of the tests, and a few more.
var fuzzSeeds = []string{
	quirkyServer,
	literalClient,
	"a1 NOOP\r\na2 SELECT \"unterminated\r\na3 NOOP\r\n",
	"* 1 FETCH (FLAGS (\\Seen)\r\n* 2 EXISTS\r\n",
	"a1 LOGIN alice {6}\r\nsecret\r\n",
	"a1 AUTHENTICATE PLAIN\r\nAGFsaWNlAHNlY3JldA==\r\n",
	"* OK caf\xe9\r\n",
	"a SELECT caf\xc3\xa9\r\n",
	"* LIST () \"/\" foo]bar\r\n",
	"~{3}\r\n\x00\x01\x02\r\n",
	"{0}\r\n\r\n",
	"* OK [CAPABILITY IMAP4rev1] ready\r\na1 OK [X-EXAMPLE 1 2] done\r\n+ [ALERT] hi\r\n* XSTATE 1\r\n" +
		"a2 NO [TRYCREATE] x\r\na3 BAD y\r\n* PREAUTH p\r\n* BYE b\r\n",
	"a1 FOO bar\r\na1 BYE x\r\n* 3 (x)\r\n* \"x\"\r\n\r\n* 3 xfoo (x \"y\")\r\n* OK [ALERT caf\xe9] x\r\n",
	"+\r\n* OK\r\n* OK \r\n* OK [HIGHESTMODSEQ 5]\r\n+ YGgGCSqGSIb3EgECAgIBAAD/////6jcyG4GE3KkTzBeBiVHeceP2CWY0SR0fAQAgAAQEBAQ=\r\n",
}
