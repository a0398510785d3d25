package bodystructure_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/mailwire/imap/bodystructure"
	"github.com/mailwire/imap/internal/dovecot"
	"github.com/mailwire/imap/wire"
)

// dovecotDifferences lists the corpus messages whose computed values differ
// from Dovecot's on purpose, with the reason. Every other message must be
// equal field by field.
var dovecotDifferences = map[string]string{}

// dovecotBinaryCrashes lists the corpus messages for which Dovecot 2.3.19
// drops the session ("* BYE FETCH failed: Internal error occurred") when
// asked for BINARY of any of their parts, so the test does not ask.
var dovecotBinaryCrashes = map[string]string{
	"126-base64-missing-padding.eml": "Dovecot 2.3.19 drops the session on base64 without its padding",
}

// dovecotBinaryDifferences lists the BINARY and BINARY.SIZE items of corpus
// messages that differ from Dovecot's on purpose. Two kinds:
//
//   - Dovecot computes BINARY.SIZE of a multipart or message part from its
//     cache, and the figure is not the length of its own BINARY[] for that
//     part; ours is the length of the bytes BINARY[] gives (RFC 3516 §4.2).
//   - Dovecot fails BINARY (NO [UNKNOWN-CTE] or NO [PARSE]) for every
//     part of a message if any part of it cannot be decoded; we answer each
//     part on its own.
var dovecotBinaryDifferences = map[string]string{
	"056-related-html-with-inline-images-content-id.eml BINARY.SIZE[2]":           whyCachedSize,
	"061-mixed-with-several-attachments.eml BINARY.SIZE[4]":                       whyCachedSize,
	"063-mixed-alternative-related-three-levels.eml BINARY.SIZE[1]":               whyCachedSize,
	"063-mixed-alternative-related-three-levels.eml BINARY.SIZE[1.2]":             whyCachedSize,
	"069-parallel-text-audio-image.eml BINARY.SIZE[2]":                            whyCachedSize,
	"090-rfc822-inner-multipart-alternative-with-attachment.eml BINARY.SIZE[2.1]": whyCachedSize,
	"093-rfc822-with-base64-transfer-encoding.eml BINARY.SIZE[2]":                 whyCachedSize,
	"094-rfc822-with-quoted-printable-transfer-encoding.eml BINARY.SIZE[1]":       whyCachedSize,
	"239-newsletter-with-many-inline-images.eml BINARY.SIZE[2.1]":                 whyCachedSize,
	"239-newsletter-with-many-inline-images.eml BINARY.SIZE[2.8]":                 whyCachedSize,
	"239-newsletter-with-many-inline-images.eml BINARY.SIZE[2.9]":                 whyCachedSize,
	"239-newsletter-with-many-inline-images.eml BINARY.SIZE[2.10]":                whyCachedSize,
	"239-newsletter-with-many-inline-images.eml BINARY.SIZE[2.11]":                whyCachedSize,
	"239-newsletter-with-many-inline-images.eml BINARY.SIZE[2.12]":                whyCachedSize,
	"240-calendar-invite-mixed-with-ics-attachment.eml BINARY.SIZE[1]":            whyCachedSize,
	"245-phone-client-html-only-with-attachments-in-mixed.eml BINARY.SIZE[2]":     whyCachedSize,
	"132-cte-x-uuencode.eml BINARY.SIZE[1]":                                       whyWholeMessage,
	"135-cte-mixed-case-and-comments.eml BINARY.SIZE[1]":                          whyWholeMessage,
	"135-cte-mixed-case-and-comments.eml BINARY.SIZE[2]":                          whyWholeMessage,
	"135-cte-mixed-case-and-comments.eml BINARY.SIZE[3]":                          whyWholeMessage,
}

const (
	whyCachedSize = "Dovecot's BINARY.SIZE of this multipart or message part, taken from its cache, " +
		"is not the length of its own BINARY[] of the part (which equals ours); ours is that length"
	whyWholeMessage = "Dovecot refuses BINARY.SIZE of every part (NO [UNKNOWN-CTE]) when any part " +
		"of the message has an unknown encoding; we answer each part on its own"
)

// corpus returns the names and contents of the committed test messages.
func corpus(t testing.TB) ([]string, [][]byte) {
	t.Helper()
	names, err := filepath.Glob("testdata/corpus/*.eml")
	if err != nil || len(names) < 150 {
		t.Fatalf("corpus: %d messages, %v", len(names), err)
	}
	sort.Strings(names)
	msgs := make([][]byte, len(names))
	for i, n := range names {
		if msgs[i], err = os.ReadFile(n); err != nil {
			t.Fatal(err)
		}
	}
	return names, msgs
}

// fetched is what Dovecot sent for one message.
type fetched struct {
	body, bodyStructure *bodystructure.Body
	envelope            *bodystructure.Envelope
	size                uint64
	sections            map[string][]byte // by item as sent, e.g. "BODY[1.MIME]"
	binarySizes         map[string]uint64
	// wire holds the raw bytes of BODYSTRUCTURE, BODY and ENVELOPE values.
	wire map[string]string
}

// parseFetch decodes one "* n FETCH (...)" response strictly, with the
// bodystructure package for the structure items.
func parseFetch(resp []byte) (*fetched, error) {
	f := &fetched{sections: map[string][]byte{}, binarySizes: map[string]uint64{}, wire: map[string]string{}}
	d := wire.NewDecoder(bytes.NewReader(resp), wire.Strict(true))
	for _, want := range []string{"*", "", "FETCH"} {
		t, err := d.ReadToken()
		if err != nil {
			return nil, err
		}
		if want != "" && !strings.EqualFold(string(t.Bytes()), want) {
			return nil, fmt.Errorf("expected %s, got %s", want, t)
		}
	}
	if err := d.SP(); err != nil {
		return nil, err
	}
	if err := d.ListStart(); err != nil {
		return nil, err
	}
	for i := 0; ; i++ {
		if end, err := d.ListEnd(); err != nil || end {
			if err != nil {
				return nil, err
			}
			break
		}
		if i > 0 {
			if err := d.SP(); err != nil {
				return nil, err
			}
		}
		// ReadToken ends the name before "[", which an atom would take in.
		name, err := d.ReadToken()
		if err != nil {
			return nil, err
		}
		if name.Kind != wire.KindAtom {
			return nil, fmt.Errorf("expected an item name, found %s", name)
		}
		item := strings.ToUpper(string(name.Bytes()))
		switch item {
		case "BODYSTRUCTURE", "BODY", "ENVELOPE":
			if c, err := d.Peek(); err != nil {
				return nil, err
			} else if c == '[' {
				if err := readSectionValue(d, f, item); err != nil {
					return nil, err
				}
				continue
			}
			if err := d.SP(); err != nil {
				return nil, err
			}
			start := d.Offset()
			switch item {
			case "BODYSTRUCTURE":
				f.bodyStructure, err = bodystructure.ReadBody(d)
			case "BODY":
				f.body, err = bodystructure.ReadBody(d)
			case "ENVELOPE":
				f.envelope, err = bodystructure.ReadEnvelope(d)
			}
			if err != nil {
				return nil, err
			}
			f.wire[item] = string(resp[start:d.Offset()])
		case "BINARY":
			if err := readSectionValue(d, f, item); err != nil {
				return nil, err
			}
		case "BINARY.SIZE":
			sec, err := bodystructure.ReadSection(d)
			if err != nil {
				return nil, err
			}
			if err := d.SP(); err != nil {
				return nil, err
			}
			n, err := d.ReadNumber64()
			if err != nil {
				return nil, err
			}
			f.binarySizes["BINARY.SIZE["+sec.String()+"]"] = n
		case "RFC822.SIZE", "UID":
			if err := d.SP(); err != nil {
				return nil, err
			}
			n, err := d.ReadNumber64()
			if err != nil {
				return nil, err
			}
			if item == "RFC822.SIZE" {
				f.size = n
			}
		case "FLAGS":
			if err := d.SP(); err != nil {
				return nil, err
			}
			if err := d.List(func() error { _, err := d.ReadFlag(); return err }); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("unexpected item %s", item)
		}
	}
	return f, d.ReadEOL()
}

// readSectionValue reads [section] SP nstring after BODY or BINARY.
func readSectionValue(d *wire.Decoder, f *fetched, item string) error {
	sec, err := bodystructure.ReadSection(d)
	if err != nil {
		return err
	}
	if err := d.SP(); err != nil {
		return err
	}
	b, ok, err := d.ReadNString()
	if err != nil {
		return err
	}
	if !ok {
		b = nil
	} else if b == nil {
		b = []byte{}
	}
	// Dovecot writes header field names in upper case.
	f.sections[strings.ToUpper(item+"["+sec.String()+"]")] = bytes.Clone(b)
	return nil
}

// TestDovecotCorpus is the live comparison of issue 3: for every message of
// the corpus, the BODYSTRUCTURE, BODY and ENVELOPE that Build computes equal
// what Dovecot returns, compared as decoded values; and everything Dovecot
// sends decodes strictly and re-encodes to a fixed point.
func TestDovecotCorpus(t *testing.T) {
	names, msgs := corpus(t)
	srv := dovecot.Start(t)
	if err := srv.Select("INBOX"); err != nil {
		t.Fatal(err)
	}
	equal, identical, values := 0, 0, 0
	for i, name := range names {
		base := filepath.Base(name)
		uid, err := srv.Append("INBOX", msgs[i])
		if err != nil {
			t.Fatalf("%s: APPEND: %v", base, err)
		}
		reply, err := srv.FetchUID(uid, "BODYSTRUCTURE BODY ENVELOPE RFC822.SIZE")
		if err != nil || reply.Status != "OK" || len(reply.Untagged) != 1 {
			t.Fatalf("%s: FETCH: %v %+v", base, err, reply)
		}
		got, err := parseFetch(reply.Untagged[0])
		if err != nil {
			t.Errorf("%s: Dovecot's FETCH response does not decode strictly: %v\n%s", base, err, reply.Untagged[0])
			continue
		}
		// Dovecot's values re-encode to a fixed point.
		for item, raw := range got.wire {
			values++
			enc, v2 := reencode(t, item, got)
			if enc == raw {
				identical++
			}
			if !equalValues(v2, valueOf(item, got)) {
				t.Errorf("%s: %s changes through its canonical form %s", base, item, enc)
			}
		}

		m, err := bodystructure.Build(bytes.NewReader(msgs[i]))
		if err != nil {
			t.Fatalf("%s: Build: %v", base, err)
		}
		var diffs []string
		if !got.bodyStructure.Equal(m.Body) {
			diffs = append(diffs, "BODYSTRUCTURE:\n dovecot "+got.wire["BODYSTRUCTURE"]+"\n    ours "+encoded(m.Body, true))
		}
		if short := m.Body.NonExtensible(); !got.body.Equal(short) {
			diffs = append(diffs, "BODY:\n dovecot "+got.wire["BODY"]+"\n    ours "+encoded(short, false))
		}
		if !got.envelope.Equal(m.Envelope) {
			diffs = append(diffs, "ENVELOPE:\n dovecot "+got.wire["ENVELOPE"]+"\n    ours "+encoded(m.Envelope, false))
		}
		if got.size != uint64(m.Size) {
			diffs = append(diffs, fmt.Sprintf("RFC822.SIZE: dovecot %d, ours %d", got.size, m.Size))
		}
		reason, deliberate := dovecotDifferences[base]
		switch {
		case len(diffs) == 0 && deliberate:
			t.Errorf("%s: listed as a deliberate difference (%s) but equal", base, reason)
		case len(diffs) == 0:
			equal++
		case !deliberate:
			t.Errorf("%s differs from Dovecot:\n%s", base, strings.Join(diffs, "\n"))
		}
	}
	t.Logf("%d of %d corpus messages equal to Dovecot (BODYSTRUCTURE, BODY, ENVELOPE, RFC822.SIZE); %d deliberate differences",
		equal, len(names), len(dovecotDifferences))
	t.Logf("%d of %d values Dovecot sent re-encode byte-identical", identical, values)
}

// encoded returns the canonical wire form of a body or an envelope, for
// messages. (cmp.Diff takes exponential time on deep trees that differ.)
func encoded(v any, extended bool) string {
	var buf bytes.Buffer
	e := wire.NewEncoder(&buf)
	switch v := v.(type) {
	case *bodystructure.Body:
		bodystructure.EncodeBody(e, v, extended)
	case *bodystructure.Envelope:
		bodystructure.EncodeEnvelope(e, v)
	}
	if err := e.CRLF(); err != nil {
		return err.Error()
	}
	return strings.TrimSuffix(buf.String(), "\r\n")
}

func equalValues(a, b any) bool {
	switch a := a.(type) {
	case *bodystructure.Body:
		return a.Equal(b.(*bodystructure.Body))
	case *bodystructure.Envelope:
		return a.Equal(b.(*bodystructure.Envelope))
	}
	return false
}

func valueOf(item string, f *fetched) any {
	switch item {
	case "BODYSTRUCTURE":
		return f.bodyStructure
	case "BODY":
		return f.body
	}
	return f.envelope
}

// reencode writes the decoded item canonically and decodes it again.
func reencode(t *testing.T, item string, f *fetched) (string, any) {
	t.Helper()
	enc := encoded(valueOf(item, f), item == "BODYSTRUCTURE")
	d := wire.NewDecoder(strings.NewReader(enc+"\r\n"), wire.Strict(true))
	var v any
	var err error
	if item == "ENVELOPE" {
		v, err = bodystructure.ReadEnvelope(d)
	} else {
		v, err = bodystructure.ReadBody(d)
	}
	if err != nil {
		t.Fatalf("canonical %s %q does not decode: %v", item, enc, err)
	}
	return enc, v
}

// TestDovecotSections compares section extraction with Dovecot's FETCH
// BODY.PEEK[...], BINARY.PEEK[...] and BINARY.SIZE[...] for every part of
// every corpus message.
func TestDovecotSections(t *testing.T) {
	names, msgs := corpus(t)
	srv := dovecot.Start(t)
	if err := srv.Select("INBOX"); err != nil {
		t.Fatal(err)
	}
	checked, binaries := 0, 0
	for i, name := range names {
		base := filepath.Base(name)
		m, err := bodystructure.Build(bytes.NewReader(msgs[i]))
		if err != nil {
			t.Fatalf("%s: Build: %v", base, err)
		}
		uid, err := srv.Append("INBOX", msgs[i])
		if err != nil {
			t.Fatalf("%s: APPEND: %v", base, err)
		}
		src := bytes.NewReader(msgs[i])
		var secs []bodystructure.Section
		for _, s := range []string{"", "HEADER", "TEXT", "HEADER.FIELDS (From Subject X-Nope)", "HEADER.FIELDS.NOT (Received Subject)"} {
			sec, _ := bodystructure.ParseSection(s)
			secs = append(secs, sec)
		}
		var parts [][]int
		m.Body.Walk(func(part []int, b *bodystructure.Body) bool {
			if part != nil {
				parts = append(parts, part)
				secs = append(secs,
					bodystructure.Section{Part: part},
					bodystructure.Section{Part: part, Specifier: bodystructure.SpecifierMIME})
				if b.IsMessage() {
					secs = append(secs,
						bodystructure.Section{Part: part, Specifier: bodystructure.SpecifierHeader},
						bodystructure.Section{Part: part, Specifier: bodystructure.SpecifierText})
				}
			}
			return true
		})
		if m.Body.Parts == nil {
			parts = append(parts, []int{1})
			secs = append(secs, bodystructure.Section{Part: []int{1}})
		}
		var items []string
		for _, s := range secs {
			items = append(items, "BODY.PEEK["+s.String()+"]")
		}
		reply, err := srv.FetchUID(uid, strings.Join(items, " "))
		if err != nil || reply.Status != "OK" || len(reply.Untagged) != 1 {
			t.Fatalf("%s: FETCH %s: %v %+v", base, items, err, reply)
		}
		got, err := parseFetch(reply.Untagged[0])
		if err != nil {
			t.Fatalf("%s: %v", base, err)
		}
		for _, s := range secs {
			want, ok := got.sections[strings.ToUpper("BODY["+s.String()+"]")]
			if !ok {
				t.Errorf("%s: Dovecot sent no BODY[%s]", base, s)
				continue
			}
			r, n, err := m.Section(src, s)
			if errors.Is(err, bodystructure.ErrNoPart) && len(want) == 0 {
				// A part the structure reports but the message does not
				// have (the empty part of a multipart without parts):
				// Dovecot answers "", a server using Section says the
				// same when it gets ErrNoPart.
				checked++
				continue
			}
			if err != nil {
				t.Errorf("%s: Section(%s): %v", base, s, err)
				continue
			}
			b, err := io.ReadAll(r)
			if err != nil || int64(len(b)) != n {
				t.Errorf("%s: Section(%s): read %d of %d bytes: %v", base, s, len(b), n, err)
			}
			if !bytes.Equal(b, want) {
				t.Errorf("%s: BODY[%s]:\n ours %q\n want %q", base, s, clip(b), clip(want))
			}
			checked++
		}
		// BINARY and BINARY.SIZE, each part and item asked alone: Dovecot
		// refuses a whole FETCH when one item fails.
		if reason, ok := dovecotBinaryCrashes[base]; ok {
			t.Logf("%s: BINARY not asked: %s", base, reason)
			continue
		}
		for _, p := range parts {
			sec := bodystructure.Section{Part: p}
			for _, item := range []string{"BINARY", "BINARY.SIZE"} {
				key := base + " " + item + "[" + sec.String() + "]"
				diff, err := binaryDiff(t, srv, m, src, uid, item, sec)
				if err != nil {
					// Dovecot dropped the session: go on with a new one.
					t.Errorf("%q: %q, // %s: %v", base, "", key, err)
					srv = dovecot.Start(t)
					if err := srv.Select("INBOX"); err != nil {
						t.Fatal(err)
					}
					goto nextMessage
				}
				reason, deliberate := dovecotBinaryDifferences[key]
				switch {
				case diff == "" && deliberate:
					t.Errorf("%s: listed as a deliberate difference (%s) but equal", key, reason)
				case diff == "":
					binaries++
				case !deliberate:
					t.Errorf("%q: %q, // %s", key, "", diff)
				}
			}
		}
	nextMessage:
	}
	t.Logf("%d sections and %d BINARY and BINARY.SIZE items of %d messages equal to Dovecot's", checked, binaries, len(names))
}

// binaryDiff compares one BINARY or BINARY.SIZE item of one part with
// Dovecot's, and says how they differ.
func binaryDiff(t *testing.T, srv *dovecot.Server, m *bodystructure.Message, src io.ReaderAt, uid uint32, item string, sec bodystructure.Section) (string, error) {
	name := item + "[" + sec.String() + "]"
	peek := name
	if item == "BINARY" {
		peek = "BINARY.PEEK[" + sec.String() + "]"
	}
	reply, err := srv.FetchUID(uid, peek)
	if err != nil {
		return "", err
	}
	var ours []byte
	var ourSize int64
	var ourErr error
	if item == "BINARY" {
		var r io.Reader
		if r, ourErr = m.Binary(src, sec.Part); ourErr == nil {
			ours, ourErr = io.ReadAll(r)
		}
	} else {
		ourSize, ourErr = m.BinarySize(src, sec.Part)
	}
	if item == "BINARY.SIZE" && ourErr == nil {
		// Our size is the length of what Binary gives.
		if r, err := m.Binary(src, sec.Part); err != nil {
			t.Errorf("%s: BinarySize %d but Binary fails: %v", name, ourSize, err)
		} else if n, _ := io.Copy(io.Discard, r); n != ourSize {
			t.Errorf("%s: BinarySize %d but Binary gives %d bytes", name, ourSize, n)
		}
	}
	if reply.Status != "OK" {
		if ourErr == nil {
			return fmt.Sprintf("Dovecot answers %q, we decode it", strings.TrimSpace(string(reply.Tagged))), nil
		}
		return "", nil
	}
	noPart := errors.Is(ourErr, bodystructure.ErrNoPart)
	if ourErr != nil && !noPart {
		return fmt.Sprintf("we fail (%v), Dovecot answers", ourErr), nil
	}
	if len(reply.Untagged) != 1 {
		t.Fatalf("%s: %q", name, reply.Untagged)
	}
	got, err := parseFetch(reply.Untagged[0])
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if item == "BINARY" {
		want := got.sections["BINARY["+sec.String()+"]"]
		if noPart && len(want) == 0 {
			return "", nil // as for BODY[]: Dovecot's "" for no such part
		}
		if noPart {
			return fmt.Sprintf("no such part; Dovecot's %q", clip(want)), nil
		}
		if !bytes.Equal(ours, want) {
			return fmt.Sprintf("%d bytes, Dovecot's %d: ours %q, Dovecot's %q", len(ours), len(want), clip(ours), clip(want)), nil
		}
		return "", nil
	}
	if want := got.binarySizes[name]; noPart && want == 0 {
		return "", nil
	} else if noPart {
		return fmt.Sprintf("no such part; Dovecot's size %d", want), nil
	}
	if want := got.binarySizes[name]; uint64(ourSize) != want {
		return fmt.Sprintf("size %d, Dovecot's %d", ourSize, want), nil
	}
	return "", nil
}

func clip(b []byte) []byte {
	if len(b) > 300 {
		return append(b[:300:300], "..."...)
	}
	return b
}
