package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mailwire/imap/bodystructure"
	"github.com/mailwire/imap/wire"
)

// FuzzRun checks that imapmsg prints a valid item for any message: exit
// status 0, and output that decodes strictly as the item it names.
func FuzzRun(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n\r\n--x--"))
	f.Add([]byte("\x00\r\r\n"))
	f.Fuzz(func(t *testing.T, msg []byte) {
		for _, flag := range []string{"-bodystructure", "-body", "-envelope"} {
			var out, errOut bytes.Buffer
			if code := run([]string{flag}, bytes.NewReader(msg), &out, &errOut); code != 0 {
				t.Fatalf("%s: exit %d: %s", flag, code, errOut.String())
			}
			item, value, ok := strings.Cut(out.String(), " ")
			if !ok || "-"+strings.ToLower(item) != flag {
				t.Fatalf("%s: output %q", flag, out.String())
			}
			d := wire.NewDecoder(strings.NewReader(value), wire.Strict(true))
			var err error
			if flag == "-envelope" {
				_, err = bodystructure.ReadEnvelope(d)
			} else {
				_, err = bodystructure.ReadBody(d)
			}
			if err == nil {
				err = d.ReadEOL()
			}
			if err != nil {
				t.Fatalf("%s: output %q does not decode: %v", flag, out.String(), err)
			}
		}
	})
}
