package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
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
}
