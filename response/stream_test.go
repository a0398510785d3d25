package response

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/mailwire/imap/literal"
	"github.com/mailwire/imap/wire"
)

// TestStreamSections streams a body section far larger than the decoder may
// buffer, with the items around it typed as usual, and checks that a
// buffering decoder with the same limit refuses it with
// wire.ErrLiteralTooLarge and goes on with the next response.
func TestStreamSections(t *testing.T) {
	const size = 8 << 20
	body := bytes.Repeat([]byte("0123456789abcdef\r\n"), size/18+1)[:size]
	var in bytes.Buffer
	in.WriteString("* 7 FETCH (UID 42 BODY[]<0> {8388608}\r\n")
	in.Write(body)
	in.WriteString(" FLAGS (\\Seen))\r\n* 8 FETCH (UID 43 BINARY[1] ~{3}\r\na\x00b)\r\na1 OK done\r\n")
	opts := []wire.Option{wire.MaxLiteralBuffer(1024), wire.LiteralPolicy(literal.Policy{Binary: true})}

	d := NewDecoder(bytes.NewReader(in.Bytes()), opts...)
	var got []string
	d.StreamSections(func(f *Fetch, s *Section, r io.Reader) error {
		h := sha256.New()
		n, err := io.Copy(h, r)
		got = append(got, string(rune('0'+s.Kind))+string(h.Sum(nil)))
		if f.UID == 42 && (n != size || !s.HasOrigin || s.Data != nil) {
			t.Errorf("section of UID 42: %d bytes, %+v", n, s)
		}
		return err
	})
	r, err := d.ReadResponse()
	if err != nil {
		t.Fatal(err)
	}
	f := r.(*Fetch)
	if f.UID != 42 || len(f.Flags) != 1 || len(f.Sections) != 1 || f.Sections[0].Data != nil {
		t.Errorf("first response: %+v", f)
	}
	if r, err = d.ReadResponse(); err != nil || r.(*Fetch).UID != 43 {
		t.Fatalf("second response: %v, %v", r, err)
	}
	want := sha256.Sum256(body)
	if len(got) != 2 || got[0][1:] != string(want[:]) {
		t.Errorf("streamed sections differ from what was sent")
	}

	// Buffering with the same limit refuses the section, and goes on.
	d = NewDecoder(bytes.NewReader(in.Bytes()), opts...)
	_, err = d.ReadResponse()
	if !errors.Is(err, wire.ErrLiteralTooLarge) {
		t.Fatalf("buffered: %v, want wire.ErrLiteralTooLarge", err)
	}
	if err := d.Skip(); err != nil {
		t.Fatal(err)
	}
	if r, err = d.ReadResponse(); err != nil || r.(*Fetch).UID != 43 {
		t.Fatalf("after Skip: %v, %v", r, err)
	}
}

// TestStreamSectionsError checks that an error from the SectionFunc ends the
// response with a *wire.SyntaxError wrapping it, after which the decoder
// goes on with the next response, the rest of the section skipped.
func TestStreamSectionsError(t *testing.T) {
	in := "* 1 FETCH (BODY[TEXT] {10}\r\n0123456789 UID 5)\r\na1 OK done\r\n"
	d := NewDecoder(strings.NewReader(in))
	stop := errors.New("disk full")
	d.StreamSections(func(f *Fetch, s *Section, r io.Reader) error {
		var b [4]byte
		io.ReadFull(r, b[:])
		return stop
	})
	_, err := d.ReadResponse()
	var se *wire.SyntaxError
	if !errors.Is(err, stop) || !errors.As(err, &se) {
		t.Fatalf("%v, want a *wire.SyntaxError wrapping %v", err, stop)
	}
	if err := d.Skip(); err != nil {
		t.Fatal(err)
	}
	r, err := d.ReadResponse()
	if s, ok := r.(*Status); err != nil || !ok || s.Tag != "a1" {
		t.Fatalf("after Skip: %#v, %v", r, err)
	}
}
