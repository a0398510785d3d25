package bodystructure

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/mailwire/imap/wire"
)

// A Section names a part of a message, as in BODY[section] and
// BINARY[section] (RFC 9051 §6.4.5): a part number and what of that part.
type Section struct {
	// Part is the part number, {} or nil for the whole message; {1, 2}
	// is "1.2".
	Part []int
	// Specifier says which bytes of the part: all of them, its header or
	// some of its header fields, its text, or its MIME header.
	Specifier Specifier
	// Fields are the header field names of HEADER.FIELDS and
	// HEADER.FIELDS.NOT, as written.
	Fields []string
}

// A Specifier is the section-text or section-msgtext of a Section.
type Specifier uint8

// The specifiers.
const (
	SpecifierNone            Specifier = iota // the whole part: BODY[1.2]
	SpecifierHeader                           // HEADER
	SpecifierHeaderFields                     // HEADER.FIELDS (...)
	SpecifierHeaderFieldsNot                  // HEADER.FIELDS.NOT (...)
	SpecifierText                             // TEXT
	SpecifierMIME                             // MIME, only after a part number
)

// A Partial is the <origin.count> range of a FETCH BODY[...] or BINARY[...]
// request; a FETCH response names only the origin.
type Partial struct {
	Offset uint32
	Count  uint32
}

var specifierNames = [...]string{
	SpecifierNone:            "",
	SpecifierHeader:          "HEADER",
	SpecifierHeaderFields:    "HEADER.FIELDS",
	SpecifierHeaderFieldsNot: "HEADER.FIELDS.NOT",
	SpecifierText:            "TEXT",
	SpecifierMIME:            "MIME",
}

// String returns the specifier's keyword, such as "HEADER.FIELDS", or ""
// for none.
func (s Specifier) String() string {
	if int(s) < len(specifierNames) {
		return specifierNames[s]
	}
	return "Specifier(" + strconv.Itoa(int(s)) + ")"
}

// ErrSection is wrapped by the errors for a malformed section.
var ErrSection = errors.New("bodystructure: invalid section")

// ParseSection parses the text between the brackets of BODY[...], such as
// "", "1.2", "HEADER", "2.MIME" or "1.HEADER.FIELDS (From To)". Keywords
// are case-insensitive; field names are atoms or quoted strings.
func ParseSection(s string) (Section, error) {
	word, rest, _ := strings.Cut(s, " ")
	sec, err := parseSectionWord(word)
	if err != nil {
		return Section{}, err
	}
	fields := sec.Specifier == SpecifierHeaderFields || sec.Specifier == SpecifierHeaderFieldsNot
	if !fields {
		if rest != "" || strings.Contains(s, " ") {
			return Section{}, sectionErr(s, "text after the section")
		}
		return sec, nil
	}
	d := wire.NewDecoder(strings.NewReader(rest + "\r\n"))
	if sec.Fields, err = readFields(d); err != nil {
		return Section{}, sectionErr(s, "bad header-list")
	}
	if err := d.ReadEOL(); err != nil {
		return Section{}, sectionErr(s, "text after the header-list")
	}
	return sec, nil
}

func sectionErr(s, why string) error {
	return fmt.Errorf("%w %q: %s", ErrSection, s, why)
}

// parseSectionWord parses section-part ["." section-text] or
// section-msgtext.
func parseSectionWord(w string) (Section, error) {
	var sec Section
	rest := w
	for rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		num, after, _ := strings.Cut(rest, ".")
		n, err := strconv.ParseUint(num, 10, 32)
		if err != nil || n == 0 || num[0] == '0' {
			return Section{}, sectionErr(w, "bad part number")
		}
		sec.Part = append(sec.Part, int(n))
		if len(num) == len(rest) {
			return sec, nil
		}
		if after == "" {
			return Section{}, sectionErr(w, "trailing '.'")
		}
		rest = after
	}
	if rest == "" {
		return sec, nil
	}
	for sp := SpecifierHeader; sp <= SpecifierMIME; sp++ {
		if strings.EqualFold(rest, specifierNames[sp]) {
			if sp == SpecifierMIME && len(sec.Part) == 0 {
				return Section{}, sectionErr(w, "MIME needs a part number")
			}
			sec.Specifier = sp
			return sec, nil
		}
	}
	return Section{}, sectionErr(w, "unknown section text")
}

// readFields reads header-list: "(" header-fld-name *(SP header-fld-name)
// ")".
func readFields(d *wire.Decoder) ([]string, error) {
	var fields []string
	err := d.List(func() error {
		b, err := d.ReadAString()
		if err != nil {
			return err
		}
		if len(b) == 0 {
			return d.Failf(d.Offset(), "header-fld-name", "empty header field name")
		}
		fields = append(fields, string(b))
		return nil
	})
	if err == nil && len(fields) == 0 {
		err = d.Failf(d.Offset(), "header-list", "no header field names")
	}
	return fields, err
}

// String returns the section in canonical form, without brackets: part
// numbers, then the specifier keyword in upper case, then the field names
// as atoms or quoted strings.
func (s Section) String() string {
	var b strings.Builder
	for i, n := range s.Part {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(strconv.Itoa(n))
	}
	if s.Specifier != SpecifierNone {
		if len(s.Part) > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.Specifier.String())
	}
	if len(s.Fields) > 0 {
		var buf bytes.Buffer
		e := wire.NewEncoder(&buf)
		e.Atom("X").SP()
		encodeFields(e, s.Fields)
		if e.CRLF() == nil {
			b.WriteString(strings.TrimSuffix(strings.TrimPrefix(buf.String(), "X"), "\r\n"))
		}
	}
	return b.String()
}

func encodeFields(e *wire.Encoder, fields []string) {
	e.ListStart()
	for i, f := range fields {
		if i > 0 {
			e.SP()
		}
		e.AString(f)
	}
	e.ListEnd()
}

// valid checks what the grammar requires of a Section.
func (s Section) valid() error {
	for _, n := range s.Part {
		if n <= 0 || n > math.MaxUint32 {
			return sectionErr(s.String(), "bad part number")
		}
	}
	fields := s.Specifier == SpecifierHeaderFields || s.Specifier == SpecifierHeaderFieldsNot
	switch {
	case s.Specifier > SpecifierMIME:
		return sectionErr(s.String(), "unknown specifier")
	case s.Specifier == SpecifierMIME && len(s.Part) == 0:
		return sectionErr(s.String(), "MIME needs a part number")
	case fields && len(s.Fields) == 0:
		return sectionErr(s.String(), "no header field names")
	case !fields && len(s.Fields) > 0:
		return sectionErr(s.String(), "header field names without HEADER.FIELDS")
	}
	for _, f := range s.Fields {
		if f == "" {
			return sectionErr(s.String(), "empty header field name")
		}
	}
	return nil
}

// ReadSection reads a section, "[" [section-spec] "]", at the decoder's
// position, as it follows BODY or BINARY with no space between.
func ReadSection(d *wire.Decoder) (Section, error) {
	p := parser{d: d}
	t, err := p.item(false, "section")
	if err != nil {
		return Section{}, err
	}
	if t.Kind != wire.KindSectionStart || t.Space() {
		return Section{}, p.failf(t, "section", "expected '[', found %s", t.Kind)
	}
	if t, err = p.item(false, "section-spec"); err != nil {
		return Section{}, err
	}
	if t.Kind == wire.KindSectionEnd {
		return Section{}, nil
	}
	if t.Kind != wire.KindAtom && t.Kind != wire.KindNumber {
		return Section{}, p.failf(t, "section-spec", "expected a section-spec, found %s", t.Kind)
	}
	sec, perr := parseSectionWord(string(t.Bytes()))
	if perr != nil {
		return Section{}, p.failf(t, "section-spec", "%s", strings.TrimPrefix(perr.Error(), "bodystructure: "))
	}
	if sec.Specifier == SpecifierHeaderFields || sec.Specifier == SpecifierHeaderFieldsNot {
		if t, err = p.item(true, "header-list"); err != nil {
			return Section{}, err
		}
		if err := p.open(t, "header-list"); err != nil {
			return Section{}, err
		}
		for sp := false; ; sp = true {
			if sp {
				if ok, err := p.more("header-list"); err != nil {
					return Section{}, err
				} else if !ok {
					break
				}
			}
			t, err := p.item(sp, "header-fld-name")
			if err != nil {
				return Section{}, err
			}
			if (t.Kind != wire.KindAtom && t.Kind != wire.KindString && t.Kind != wire.KindNumber && t.Kind != wire.KindNIL) || len(t.Bytes()) == 0 {
				return Section{}, p.failf(t, "header-fld-name", "expected a header field name, found %s", t.Kind)
			}
			sec.Fields = append(sec.Fields, string(t.Bytes()))
		}
	}
	if t, err = p.item(false, "section"); err != nil {
		return Section{}, err
	}
	if t.Kind != wire.KindSectionEnd {
		return Section{}, p.failf(t, "section", "expected ']', found %s", t.Kind)
	}
	return sec, nil
}

// EncodeSection writes s with e in canonical form, brackets included, so
// that it adjoins the BODY or BINARY before it. An invalid Section (a part
// number of 0, MIME without a part, HEADER.FIELDS without names) makes e
// fail with an error wrapping wire.ErrUnrepresentable.
func EncodeSection(e *wire.Encoder, s Section) *wire.Encoder {
	if err := s.valid(); err != nil {
		return e.Refuse("section: " + strings.TrimPrefix(err.Error(), "bodystructure: "))
	}
	e.SectionStart()
	w := s
	w.Fields = nil
	if word := w.String(); word != "" {
		e.Atom(word)
	}
	if len(s.Fields) > 0 {
		e.SP()
		encodeFields(e, s.Fields)
	}
	return e.SectionEnd()
}

// Cut applies the partial range to the bytes of a section: it skips the
// first p.Offset bytes of r, which holds size bytes, and returns a reader of
// at most p.Count of the rest, and their number. An origin past the end
// gives no bytes (RFC 9051 §6.4.5: the response is then an empty string).
func (p Partial) Cut(r io.Reader, size int64) (io.Reader, int64, error) {
	skip := min(int64(p.Offset), size)
	if skip > 0 {
		n, err := io.CopyN(io.Discard, r, skip)
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, 0, fmt.Errorf("bodystructure: partial: skipped %d of %d bytes: %w", n, skip, err)
		}
	}
	n := min(size-skip, int64(p.Count))
	return io.LimitReader(r, n), n, nil
}

// String returns the range as a FETCH command writes it, "<origin.count>".
func (p Partial) String() string {
	return "<" + strconv.FormatUint(uint64(p.Offset), 10) + "." + strconv.FormatUint(uint64(p.Count), 10) + ">"
}

// ParsePartial parses "<origin.count>" as a FETCH command writes it; count
// must not be 0.
func ParsePartial(s string) (Partial, error) {
	inner, ok := strings.CutPrefix(s, "<")
	if ok {
		inner, ok = strings.CutSuffix(inner, ">")
	}
	o, c, found := strings.Cut(inner, ".")
	if !ok || !found {
		return Partial{}, fmt.Errorf("%w: partial %q: want <origin.count>", ErrSection, s)
	}
	off, err1 := parseNumber(o)
	count, err2 := parseNumber(c)
	if err1 != nil || err2 != nil || count == 0 {
		return Partial{}, fmt.Errorf("%w: partial %q: want <origin.count> with a count above 0", ErrSection, s)
	}
	return Partial{Offset: off, Count: count}, nil
}

// parseNumber parses a number of the grammar: digits only, 32 bits.
func parseNumber(s string) (uint32, error) {
	if s == "" || strings.TrimLeft(s, "0123456789") != "" {
		return 0, ErrSection
	}
	n, err := strconv.ParseUint(s, 10, 32)
	return uint32(n), err
}
