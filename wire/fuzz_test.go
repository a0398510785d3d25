package wire

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"
)

func addSeeds(f *testing.F) {
	for _, v := range messageVectors {
		f.Add([]byte(v.in))
	}
	for _, v := range errorVectors {
		f.Add([]byte(v.in))
	}
	for _, name := range []string{"testdata/rfc3501-session.client", "testdata/rfc3501-session.server"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add(richFetch(nil, 1))
}

// fuzzOpts keeps the limits small so that the fuzzer explores them.
var fuzzOpts = []Option{MaxLineBytes(4096), MaxLiteralBuffer(4096), MaxDepth(20), MaxItems(1000), binaryPolicy}

// FuzzDecoder: decoding never panics and always ends; chunked input gives
// the same result as whole input; every decoded message re-encodes to a
// canonical form that decodes strictly to the same encoding.
func FuzzDecoder(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		whole := decodeAll(t, bytes.NewReader(in), fuzzOpts...)
		oneByte := decodeAll(t, iotest.OneByteReader(bytes.NewReader(in)), fuzzOpts...)
		if i, ok := firstDiff(whole, oneByte); !ok {
			t.Fatalf("message %d: whole %q, one byte at a time %q", i, at(whole, i), at(oneByte, i))
		}
		d := NewDecoder(bytes.NewReader(in), fuzzOpts...)
		for range 1000 {
			m, err := d.ReadMessage()
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				return
			}
			if err != nil {
				if err := d.Skip(); err != nil {
					if err == io.ErrUnexpectedEOF {
						return
					}
					t.Fatalf("Skip: %v", err)
				}
				continue
			}
			enc, err := AppendMessage(nil, m, binaryPolicy)
			if err != nil {
				continue // e.g. an 8-bit atom has no canonical form
			}
			m2, err := NewDecoder(bytes.NewReader(enc), append(fuzzOpts, Strict(true))...).ReadMessage()
			if err != nil {
				// Only a limit may refuse the canonical form (it can be
				// longer than the input: a quoted string becomes a literal).
				if !strings.Contains(err.Error(), "too") {
					t.Fatalf("canonical form %q of %q does not decode strictly: %v", enc, in, err)
				}
				continue
			}
			enc2, err := AppendMessage(nil, m2, binaryPolicy)
			if err != nil || !bytes.Equal(enc, enc2) {
				t.Fatalf("not a fixed point: %q -> %q (%v)", enc, enc2, err)
			}
		}
	})
}

// FuzzTokens: the token reader never panics and makes progress.
func FuzzTokens(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		d := NewDecoder(bytes.NewReader(in), fuzzOpts...)
		last := int64(-1)
		for range 100000 {
			_, err := d.ReadToken()
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				return
			}
			if err != nil {
				if err := d.Skip(); err != nil {
					return
				}
			}
			if off := d.Offset(); off <= last && err == nil {
				t.Fatalf("no progress at offset %d", off)
			} else {
				last = off
			}
		}
		t.Fatal("too many tokens")
	})
}

// FuzzElements runs every typed element reader on arbitrary input: no
// panic, and an error is a SyntaxError or an end of input.
func FuzzElements(f *testing.F) {
	for _, tc := range elementCases {
		f.Add([]byte(tc.in))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		for _, tc := range elementCases {
			for _, strict := range []bool{false, true} {
				d := NewDecoder(bytes.NewReader(in), Strict(strict), MaxDepth(10))
				_, err := tc.read(d)
				if err == nil || err == io.EOF || err == io.ErrUnexpectedEOF {
					continue
				}
				if _, ok := err.(*SyntaxError); !ok {
					t.Fatalf("%s: error of type %T: %v", tc.name, err, err)
				}
			}
		}
	})
}
