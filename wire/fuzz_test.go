package wire

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

func addSeeds(f *testing.F) {
	for _, v := range messageVectors {
		f.Add([]byte(v.in))
	}
	for _, v := range errorVectors {
		f.Add([]byte(v.in))
	}
	for _, name := range sessions {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add(richFetch(nil, 1))
	for _, r := range fuzzRegressions {
		f.Add([]byte(r.in))
	}
}

// fuzzRegressions are inputs on which the fuzzers once found a bug, named
// after it. TestFuzzRegressions runs them; they also seed the fuzzers.
var fuzzRegressions = []struct{ name, in string }{
	{"skip at end of input", "a )\r\n* OK {5}"},
	{"literal then adjacent word", "{1}\n000\n"},
	{"long announcement with leading zeros, skipped", ")0000000{" + strings.Repeat("0", 90) + "}\r\n"},
	{"line limit inside one buffered token", "0" + strings.Repeat("\x8d", 5000) + "\x1e\r\n"},
	{"literal8 after an atom", "* 1 FETCH (B{3}\r\na\x00b)\r\n"},
	{"Latin-1 text", "* OK caf\xe9\r\n"},
	{"Latin-1 code arguments", "* OK [ALERT caf\xe9] x\r\n"},
	{"8-bit atom", "a SELECT caf\xc3\xa9\r\n"},
	{"status line ending like a literal", "* OK [X) {3}\r\nabc\r\n"},
	{"8-bit tag of a status response", "0\xfc OK \n"},
	{"bracket in a response code", "0 OK [[]\n"},
}

func TestFuzzRegressions(t *testing.T) {
	for _, r := range fuzzRegressions {
		t.Run(r.name, func(t *testing.T) {
			checkDecoder(t, []byte(r.in))
		})
	}
}

// fuzzOpts keeps the limits small so that the fuzzer explores them.
var fuzzOpts = []Option{MaxLineBytes(4096), MaxLiteralBuffer(4096), MaxDepth(20), MaxItems(1000), binaryPolicy}

// FuzzDecoder: decoding never panics and always ends; chunked input gives
// the same result as whole input; every decoded message re-encodes to a
// canonical form that decodes strictly to the same encoding.
func FuzzDecoder(f *testing.F) {
	addSeeds(f)
	f.Fuzz(checkDecoder)
}

// checkDecoder is FuzzDecoder's property.
func checkDecoder(t *testing.T, in []byte) {
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
		var se *SyntaxError
		if errors.As(err, &se) && (se.Quirk == QuirkEightBit || se.Quirk == QuirkBadResponseCode ||
			se.Quirk == QuirkBracketInAtom && se.Rule == "resp-text-code") {
			// Text that is not UTF-8, text that starts with "[" but no
			// response code, and brackets in a code's arguments are
			// written back as they came: the canonical form keeps
			// these quirks.
			m2, err = NewDecoder(bytes.NewReader(enc), fuzzOpts...).ReadMessage()
		}
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
}

// FuzzTokens: the token reader never panics and makes progress, and its
// fast path agrees with its general path: the same input read a byte at a
// time, which keeps every token off the fast path, gives the same tokens,
// quirks and errors at the same offsets, in strict and lenient mode.
func FuzzTokens(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		for _, strict := range []bool{false, true} {
			opts := append(fuzzOpts[:len(fuzzOpts):len(fuzzOpts)], Strict(strict))
			whole := readTokens(t, NewDecoder(bytes.NewReader(in), opts...))
			bytewise := readTokens(t, NewDecoder(iotest.OneByteReader(bytes.NewReader(in)), opts...))
			if whole != bytewise {
				t.Fatalf("strict=%v: whole and byte-at-a-time input differ:\n%s\n%s", strict, whole, bytewise)
			}
		}
	})
}

// readTokens reads every token of d, skipping to the next message after an
// error, and describes what it read.
func readTokens(t *testing.T, d *Decoder) string {
	var out strings.Builder
	last := int64(-1)
	seen := 0
	for range 100000 {
		tok, err := d.ReadToken()
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			fmt.Fprintf(&out, "end %v\n", err)
			return out.String()
		}
		if err != nil {
			// The quote of a syntax error depends on what is buffered:
			// compare the rest.
			if se, ok := err.(*SyntaxError); ok {
				c := *se
				c.Quote = ""
				err = &c
			}
			fmt.Fprintf(&out, "error %v\n", err)
			if err := d.Skip(); err != nil {
				fmt.Fprintf(&out, "skip %v\n", err)
				return out.String()
			}
		} else {
			fmt.Fprintf(&out, "%v %q space=%v literal=%v nonsync=%v binary=%v at %d\n",
				tok.Kind, tok.Bytes(), tok.Space(), tok.Literal(), tok.NonSync(), tok.Binary(), tok.Offset)
		}
		// The quirks of a message accumulate until the next begins.
		qs := d.Quirks()
		if len(qs) < seen {
			seen = 0
		}
		for _, q := range qs[seen:] {
			fmt.Fprintf(&out, "quirk %v at %d\n", q.Quirk, q.Offset)
		}
		seen = len(qs)
		if off := d.Offset(); off <= last && err == nil {
			t.Fatalf("no progress at offset %d", off)
		} else {
			last = off
		}
	}
	t.Fatal("too many tokens")
	return ""
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

// FuzzEncodeDecode: whatever the Encoder writes for a string, an astring or
// a mailbox name, the Decoder reads back in strict mode as the same value.
func FuzzEncodeDecode(f *testing.F) {
	for _, s := range []string{"", "INBOX", "inbox", "NIL", "a b", `a"b\c`, "Grüße", "a\r\nb", "a\x00b",
		"~peter/mail/台北/日本語", "&", "[Gmail]/Sent", "%*", strings.Repeat("x", 1025)} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, utf bool) {
		opts := []Option{UTF8(utf), binaryPolicy, Strict(true)}
		for _, tc := range []struct {
			name  string
			write func(e *Encoder)
			read  func(d *Decoder) (string, error)
			want  string
		}{
			{"string", func(e *Encoder) { e.String(s) }, func(d *Decoder) (string, error) { b, err := d.ReadString(); return string(b), err }, s},
			{"astring", func(e *Encoder) { e.AString(s) }, func(d *Decoder) (string, error) { b, err := d.ReadAString(); return string(b), err }, s},
			{"nstring", func(e *Encoder) { e.String(s) }, func(d *Decoder) (string, error) { b, _, err := d.ReadNString(); return string(b), err }, s},
			{"mailbox", func(e *Encoder) { e.Mailbox(s) }, (*Decoder).ReadMailbox, CanonicalMailbox(s)},
		} {
			var buf bytes.Buffer
			e := NewEncoder(&buf, opts...)
			e.Tag("a").SP()
			tc.write(e)
			if err := e.CRLF(); err != nil {
				if tc.name == "mailbox" && !utf8.ValidString(s) {
					continue // not a name: refused
				}
				t.Fatalf("%s %q: %v", tc.name, s, err)
			}
			d := NewDecoder(bytes.NewReader(buf.Bytes()), opts...)
			if _, err := d.ReadTag(); err != nil {
				t.Fatal(err)
			}
			if err := d.SP(); err != nil {
				t.Fatal(err)
			}
			got, err := tc.read(d)
			if err != nil {
				t.Fatalf("%s %q: encoded as %q, read back: %v", tc.name, s, buf.Bytes(), err)
			}
			if tc.name == "mailbox" && !utf8.ValidString(s) {
				continue
			}
			if got != tc.want {
				t.Fatalf("%s %q: encoded as %q, read back as %q", tc.name, s, buf.Bytes(), got)
			}
			if err := d.ReadEOL(); err != nil {
				t.Fatalf("%s %q: encoded as %q: %v", tc.name, s, buf.Bytes(), err)
			}
		}
	})
}

// mixedOps are the Decoder calls FuzzMixedReads interleaves, as typed layers
// do: ReadToken between element readers, Skip after errors.
var mixedOps = []struct {
	name string
	read readFunc
}{
	// ReadToken is listed twice, so that runs of tokens, which take its
	// fast path, are common.
	{"token", mixedToken},
	{"token", mixedToken},
	{"skip", func(d *Decoder) (string, error) { return "", d.Skip() }},
	{"peek", func(d *Decoder) (string, error) {
		c, err := d.Peek()
		return string(c), err
	}},
	{"sp", func(d *Decoder) (string, error) { return "", d.SP() }},
	{"liststart", func(d *Decoder) (string, error) { return "", d.ListStart() }},
	{"listend", func(d *Decoder) (string, error) {
		ok, err := d.ListEnd()
		return fmt.Sprint(ok), err
	}},
	{"atom", readAtom}, {"tag", readTag}, {"quoted", readQuoted}, {"string", readString},
	{"astring", readAString}, {"flag", readFlag}, {"text", readText}, {"number", readNumber},
	{"nz", readNZ}, {"number64", readNum64}, {"nstring", readNString}, {"atomlist", readAtomList},
	{"literal", readLiteralStream}, {"eol", readEOL}, {"mailbox", readMailbox}, {"value", readValue},
	{"seqset", readSeqSet}, {"date", readDate}, {"datetime", readDateTime},
}

func mixedToken(d *Decoder) (string, error) {
	t, err := d.ReadToken()
	return fmt.Sprintf("%v %q %v %d", t.Kind, t.Bytes(), t.flags, t.Offset), err
}

// FuzzMixedReads interleaves ReadToken with the other readers, in the order
// prog gives, and checks after every call that ReadToken's fast path is
// enabled only when its conditions hold, and that whole input and input
// one byte at a time give the same results.
func FuzzMixedReads(f *testing.F) {
	f.Add([]byte{0, 0, 7, 0, 1}, richFetch(nil, 1))
	// Date-times after an atom, the first with its closing quote,
	// leniently, inside the string.
	f.Add([]byte{7, 4, 25, 4, 25, 20}, []byte(`x "17-Jul-1996 02:44:25 -0700"0" "01-Jan-2000 00:00:00 +0000"`+"\r\n"))
	f.Add([]byte{7, 0, 4, 0, 21, 2}, []byte("a LOGIN {3}\r\nabc \"x\" (1 2)\r\n* OK [ALERT] hi\r\n"))
	f.Add([]byte{0, 19, 0, 0, 20}, []byte("* 1 FETCH (BODY[] {5}\r\nhello FLAGS (\\Seen))\r\n"))
	f.Fuzz(func(t *testing.T, prog, in []byte) {
		if len(prog) == 0 || len(prog) > 64 {
			return
		}
		for _, strict := range []bool{false, true} {
			opts := append(fuzzOpts[:len(fuzzOpts):len(fuzzOpts)], Strict(strict))
			whole := mixedReads(t, NewDecoder(bytes.NewReader(in), opts...), prog)
			bytewise := mixedReads(t, NewDecoder(iotest.OneByteReader(bytes.NewReader(in)), opts...), prog)
			if whole != bytewise {
				t.Fatalf("strict=%v: whole and byte-at-a-time input differ:\n%s\n%s", strict, whole, bytewise)
			}
		}
	})
}

func mixedReads(t *testing.T, d *Decoder, prog []byte) string {
	var out strings.Builder
	for i := range 2000 {
		op := mixedOps[int(prog[i%len(prog)])%len(mixedOps)]
		v, err := op.read(d)
		if d.tokFast && !d.tokFastOK() {
			t.Fatalf("after %s at offset %d: fast path enabled, but its conditions do not hold", op.name, d.Offset())
		}
		if se, ok := err.(*SyntaxError); ok {
			c := *se
			c.Quote = ""
			err = &c
		}
		fmt.Fprintf(&out, "%s %q %v\n", op.name, v, err)
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
	}
	return out.String()
}
