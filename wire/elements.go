package wire

import (
	"io"
	"unicode/utf8"

	"github.com/mailwire/imap/literal"
)

// This file holds the Read methods for the core grammar elements of RFC 9051
// §9, for typed layers that know which element comes next.

// SP reads the single space that separates two elements. In lenient mode a
// run of spaces is accepted and reported as QuirkExtraSpace.
func (d *Decoder) SP() error {
	if w := d.Window(); len(w) >= 2 && w[0] == ' ' && w[1] != ' ' {
		d.r++ // the common case, with nothing to prepare
		return nil
	}
	if err := d.prepare(); err != nil {
		return err
	}
	n, err := d.countSpaces(0)
	if err != nil {
		return err
	}
	if n == 0 {
		return d.failf(d.Offset(), "SP", "expected a space")
	}
	if n > 1 {
		if err := d.Quirk(QuirkExtraSpace, d.Offset()+1, "SP"); err != nil {
			return err
		}
	}
	d.r += n
	return nil
}

// countSpaces returns the number of spaces that start i bytes past the
// decoder's position, consuming nothing.
func (d *Decoder) countSpaces(i int) (int, error) {
	n := 0
	for {
		c, err := d.peekAt(i + n)
		if err != nil {
			return 0, err
		}
		if c != ' ' {
			return n, nil
		}
		n++
	}
}

// Accept consumes the next byte if it is c and reports whether it did. It
// is for the punctuation of typed grammars ("[", "]", "<", ".", ...).
func (d *Decoder) Accept(c byte) (bool, error) {
	if err := d.prepare(); err != nil {
		return false, err
	}
	x, err := d.peek()
	if err != nil || x != c {
		return false, err
	}
	d.r++
	return true, nil
}

// Expect consumes the next byte, which must be c; rule names the grammar rule
// for the error otherwise.
func (d *Decoder) Expect(c byte, rule string) error {
	ok, err := d.Accept(c)
	if err == nil && !ok {
		err = d.failf(d.Offset(), rule, "expected "+quoteByte(c))
	}
	return err
}

func quoteByte(c byte) string { return "'" + string(rune(c)) + "'" }

// AtEOL reports whether the current line ends next: the line ending, or
// spaces followed by it (which ReadEOL then reports as QuirkTrailingSpace,
// refused in strict mode). It consumes nothing.
func (d *Decoder) AtEOL() (bool, error) {
	if err := d.prepare(); err != nil {
		return false, err
	}
	for i := 0; ; i++ {
		c, err := d.peekAt(i)
		if err != nil {
			return false, err
		}
		switch c {
		case '\r', '\n':
			return true, nil
		case ' ':
			continue
		}
		return false, nil
	}
}

// ReadEOL reads the line ending that ends the current message. A space
// before it is QuirkTrailingSpace and a bare LF is QuirkBareLF. Lists opened
// with ListStart must have been closed.
func (d *Decoder) ReadEOL() error {
	if err := d.prepare(); err != nil {
		return err
	}
	return d.readEOL("CRLF")
}

func (d *Decoder) readEOL(rule string) error {
	start := d.Offset()
	spaces := 0
	for {
		c, err := d.peekAt(spaces)
		if err != nil {
			return err
		}
		if c != ' ' {
			break
		}
		spaces++
	}
	n, bare, err := d.eolAt(spaces)
	if err != nil {
		return err
	}
	if n == 0 {
		return d.failf(start+int64(spaces), rule, "expected end of line")
	}
	if d.depth > 0 {
		return d.failf(start, rule, "unclosed list at end of line")
	}
	if spaces > 0 {
		if err := d.Quirk(QuirkTrailingSpace, start, rule); err != nil {
			return err
		}
	}
	if bare {
		if err := d.Quirk(QuirkBareLF, start+int64(spaces), rule); err != nil {
			return err
		}
	}
	d.r += spaces + n
	return d.endMessage()
}

// Deviations scan may accept in lenient mode.
const (
	looseEight   = 1 << iota // 8-bit bytes (QuirkEightBit)
	looseBracket             // "]" followed by another byte of the class (QuirkBracketInAtom)
	loose        = looseEight | looseBracket
)

// scan returns the length of the run of bytes of class c at the decoder's
// position, reading until a byte outside the class follows it. In lenient
// mode it also takes the deviations that lax allows.
func (d *Decoder) scan(c uint8, lax uint8, rule string) (int, error) {
	return d.scanFrom(0, c, lax, rule)
}

// scanFrom is scan for a run that starts from bytes past the decoder's
// position; the length it returns includes them.
func (d *Decoder) scanFrom(from int, c uint8, lax uint8, rule string) (int, error) {
	i := from
	var eight, bracket int64 = -1, -1
	for {
		b := d.buf[d.r:d.end]
		i += consumeClass(b[i:], c)
		if i == len(b) {
			if err := d.moreLine(); err != nil {
				return 0, err
			}
			continue
		}
		x := b[i]
		if x >= 0x80 && lax&looseEight != 0 {
			if d.opt.strict {
				return 0, d.failQuirk(QuirkEightBit, d.Offset()+int64(i), rule)
			}
			if eight < 0 {
				eight = d.Offset() + int64(i)
			}
			i++
			continue
		}
		if x == ']' && class[x]&c == 0 && lax&looseBracket != 0 {
			if i+1 == len(b) {
				if err := d.moreLine(); err != nil {
					return 0, err
				}
				continue
			}
			if class[b[i+1]]&c != 0 || b[i+1] >= 0x80 {
				if d.opt.strict {
					// Name the quirk, rather than stop
					// before "]" and fail after it.
					return 0, d.failQuirk(QuirkBracketInAtom, d.Offset()+int64(i), rule)
				}
				if bracket < 0 {
					bracket = d.Offset() + int64(i)
				}
				i++
				continue
			}
		}
		break
	}
	if i == from {
		return 0, d.failf(d.Offset()+int64(i), rule, "expected "+rule)
	}
	if eight >= 0 {
		d.Quirk(QuirkEightBit, eight, rule)
	}
	if bracket >= 0 {
		d.Quirk(QuirkBracketInAtom, bracket, rule)
	}
	return i, nil
}

// take consumes n bytes and returns them.
func (d *Decoder) take(n int) []byte {
	b := d.buf[d.r : d.r+n]
	d.r += n
	return b
}

// ReadAtom reads an atom (1*ATOM-CHAR). In lenient mode it also accepts
// 8-bit bytes and a "]" inside the atom (as Gmail's "[Gmail]/Sent"), which
// strict mode refuses by their quirks; a "]" that ends the atom is left to
// the caller.
func (d *Decoder) ReadAtom() ([]byte, error) {
	if err := d.prepare(); err != nil {
		return nil, err
	}
	n, err := d.scan(cAtom, loose, "atom")
	if err != nil {
		return nil, err
	}
	return d.take(n), nil
}

// ReadTag reads a tag: 1*<any ASTRING-CHAR except "+">.
func (d *Decoder) ReadTag() ([]byte, error) {
	if err := d.prepare(); err != nil {
		return nil, err
	}
	n, err := d.scan(cTag, 0, "tag")
	if err != nil {
		return nil, err
	}
	return d.take(n), nil
}

// readDigits reads a run of digits terminated by a non-digit.
func (d *Decoder) readDigits(rule string) ([]byte, int64, error) {
	start := d.Offset()
	n, err := d.scan(cDigit, 0, rule)
	if err != nil {
		return nil, start, err
	}
	return d.take(n), start, nil
}

// ReadNumber reads a number that fits in 32 bits (RFC 9051 number).
func (d *Decoder) ReadNumber() (uint32, error) {
	n, err := d.readNumber("number", 1<<32-1)
	return uint32(n), err
}

// ReadNumber64 reads a number64: 0 to 2^63-1 (RFC 9051).
func (d *Decoder) ReadNumber64() (uint64, error) {
	return d.readNumber("number64", 1<<63-1)
}

// ReadNZNumber reads a non-zero 32-bit number (RFC 9051 nz-number).
func (d *Decoder) ReadNZNumber() (uint32, error) {
	start := d.Offset()
	n, err := d.readNumber("nz-number", 1<<32-1)
	if err == nil && n == 0 {
		err = d.failf(start, "nz-number", "zero is not allowed")
	}
	return uint32(n), err
}

func (d *Decoder) readNumber(rule string, max uint64) (uint64, error) {
	if err := d.prepare(); err != nil {
		return 0, err
	}
	b, start, err := d.readDigits(rule)
	if err != nil {
		return 0, err
	}
	n, ok := parseDigits(b, max)
	if !ok {
		d.r -= len(b)
		return 0, d.failf(start, rule, "number out of range")
	}
	return n, nil
}

// ReadQuoted reads a quoted string and returns its content, unescaped.
func (d *Decoder) ReadQuoted() ([]byte, error) {
	if err := d.prepare(); err != nil {
		return nil, err
	}
	c, err := d.peek()
	if err != nil {
		return nil, err
	}
	if c != '"' {
		return nil, d.failf(d.Offset(), "quoted", "expected '\"'")
	}
	return d.readQuoted("quoted")
}

// quotedEnd marks the bytes that may follow the closing quote of a quoted
// string; any other byte means the quote was part of the content
// (QuirkUnescapedQuote).
var quotedEnd = [256]bool{' ': true, ')': true, ']': true, '\r': true, '\n': true}

// readQuoted reads the quoted string at the decoder's position.
func (d *Decoder) readQuoted(rule string) ([]byte, error) {
	start := d.Offset()
	i := 1
	esc := false
	var eight, unescaped, badEscape int64 = -1, -1, -1
	for {
		b := d.buf[d.r:d.end]
		i += consumeClass(b[i:], cQuoted)
		if i >= len(b) {
			if err := d.moreLine(); err != nil {
				return nil, err
			}
			continue
		}
		switch c := b[i]; {
		case c == '"':
			if i+1 == len(b) {
				if err := d.moreLine(); err != nil {
					return nil, err
				}
				continue
			}
			if quotedEnd[b[i+1]] {
				return d.finishQuoted(start, i, esc, eight, unescaped, badEscape, rule)
			}
			if d.opt.strict {
				return nil, d.failQuirk(QuirkUnescapedQuote, start+int64(i), rule)
			}
			if unescaped < 0 {
				unescaped = start + int64(i)
			}
			esc = true
			i++
		case c == '\\':
			if i+1 == len(b) {
				if err := d.moreLine(); err != nil {
					return nil, err
				}
				continue
			}
			esc = true
			if x := b[i+1]; x == '"' || x == '\\' {
				i += 2
				continue
			}
			if d.opt.strict {
				return nil, d.failQuirk(QuirkBadEscape, start+int64(i), rule)
			}
			if badEscape < 0 {
				badEscape = start + int64(i)
			}
			i++
		case c == '\r' || c == '\n':
			return nil, d.failf(start+int64(i), rule, "line ending inside quoted string")
		case c == 0:
			return nil, d.failf(start+int64(i), rule, "NUL inside quoted string")
		default: // 8-bit
			if !d.opt.utf8 {
				if d.opt.strict {
					return nil, d.failQuirk(QuirkEightBit, start+int64(i), rule)
				}
				if eight < 0 {
					eight = start + int64(i)
				}
			}
			i++
		}
	}
}

func (d *Decoder) finishQuoted(start int64, end int, esc bool, eight, unescaped, badEscape int64, rule string) ([]byte, error) {
	raw := d.buf[d.r+1 : d.r+end]
	if d.opt.utf8 && d.opt.strict && !utf8.Valid(raw) {
		return nil, d.failf(start, rule, "invalid UTF-8 in quoted string")
	}
	d.r += end + 1
	for _, q := range [...]struct {
		q   Quirk
		off int64
	}{{QuirkEightBit, eight}, {QuirkUnescapedQuote, unescaped}, {QuirkBadEscape, badEscape}} {
		if q.off >= 0 {
			d.Quirk(q.q, q.off, rule)
		}
	}
	if !esc {
		return raw, nil
	}
	out := d.scratch[:0]
	for j := 0; j < len(raw); j++ {
		c := raw[j]
		if c == '\\' && j+1 < len(raw) && (raw[j+1] == '"' || raw[j+1] == '\\') {
			j++
			c = raw[j]
		}
		out = append(out, c)
	}
	d.scratch = out
	return out, nil
}

// ReadString reads a string: a quoted string or a literal, whose body is
// returned as bytes (subject to MaxLiteralBuffer).
func (d *Decoder) ReadString() ([]byte, error) {
	if b, ok, err := d.resumeLiteral("string"); ok {
		return b, err
	}
	if err := d.prepare(); err != nil {
		return nil, err
	}
	b, _, err := d.readString("string")
	return b, err
}

// readString reads a quoted string or a buffered literal; the decoder must
// be prepared.
func (d *Decoder) readString(rule string) ([]byte, *literal.Announcement, error) {
	c, err := d.peek()
	if err != nil {
		return nil, nil, err
	}
	switch {
	case c == '"':
		b, err := d.readQuoted(rule)
		return b, nil, err
	case c == '{' || c == '~':
		ann, err := d.readLiteralHead(rule, true)
		if err != nil {
			return nil, nil, err
		}
		d.lit.buffering = true
		b, err := d.literalBody(rule)
		return b, &ann, err
	}
	return nil, nil, d.failf(d.Offset(), rule, "expected a string")
}

// resumeLiteral continues a buffered literal read that an I/O error
// interrupted, if there is one.
func (d *Decoder) resumeLiteral(rule string) ([]byte, bool, error) {
	if !d.lit.pending || !d.lit.buffering || d.err != nil {
		return nil, false, nil
	}
	b, err := d.literalBody(rule)
	return b, true, err
}

// ReadAString reads an astring: 1*ASTRING-CHAR or a string.
func (d *Decoder) ReadAString() ([]byte, error) {
	if b, ok, err := d.resumeLiteral("astring"); ok {
		return b, err
	}
	if err := d.prepare(); err != nil {
		return nil, err
	}
	c, err := d.peek()
	if err != nil {
		return nil, err
	}
	if c == '~' {
		x, err := d.peekAt(1)
		if err != nil {
			return nil, err
		}
		if x != '{' {
			c = 'a' // an astring atom that starts with "~"
		}
	}
	if c == '"' || c == '{' || c == '~' {
		b, _, err := d.readString("astring")
		return b, err
	}
	n, err := d.scan(cAString, loose, "astring")
	if err != nil {
		return nil, err
	}
	return d.take(n), nil
}

// ReadNString reads an nstring: a string or NIL. ok is false for NIL.
func (d *Decoder) ReadNString() (b []byte, ok bool, err error) {
	if b, ok, err := d.resumeLiteral("nstring"); ok {
		return b, err == nil, err
	}
	if err := d.prepare(); err != nil {
		return nil, false, err
	}
	c, err := d.peek()
	if err != nil {
		return nil, false, err
	}
	if c == 'N' || c == 'n' {
		start := d.Offset()
		n, err := d.scan(cAtom, 0, "nstring")
		if err != nil {
			return nil, false, err
		}
		if !isNIL(d.buf[d.r : d.r+n]) {
			return nil, false, d.failf(start, "nstring", "expected a string or NIL")
		}
		d.r += n
		return nil, false, nil
	}
	b, _, err = d.readString("nstring")
	return b, err == nil, err
}

// ReadLiteral reads a literal announcement and returns a reader of exactly
// its body, which is not buffered: for message bodies of any size. The
// reader is valid until the next call of a Decoder method, which first
// discards whatever of the body the caller did not read.
func (d *Decoder) ReadLiteral() (literal.Announcement, io.Reader, error) {
	if err := d.prepare(); err != nil {
		return literal.Announcement{}, nil, err
	}
	c, err := d.peek()
	if err != nil {
		return literal.Announcement{}, nil, err
	}
	if c != '{' && c != '~' {
		return literal.Announcement{}, nil, d.failf(d.Offset(), "literal", "expected a literal")
	}
	ann, err := d.readLiteralHead("literal", false)
	if err != nil {
		return ann, nil, err
	}
	return ann, d.streamLiteral(), nil
}

// ListStart reads the "(" that opens a parenthesised list.
func (d *Decoder) ListStart() error {
	if err := d.Expect('(', "list"); err != nil {
		return err
	}
	return d.open('(', d.Offset()-1)
}

func (d *Decoder) open(c byte, off int64) error {
	if d.depth >= d.opt.maxDepth {
		return d.fail(off, "list", errLimit(ErrTooDeep, "nesting", "MaxDepth", int64(d.opt.maxDepth)))
	}
	d.depth++
	return nil
}

// ListEnd consumes the ")" that closes a list, if it comes next, and reports
// whether it did. A space before it is QuirkSpaceBeforeParen.
func (d *Decoder) ListEnd() (bool, error) {
	if err := d.prepare(); err != nil {
		return false, err
	}
	start := d.Offset()
	i := 0
	for {
		c, err := d.peekAt(i)
		if err != nil {
			return false, err
		}
		if c == ' ' {
			i++
			continue
		}
		if c != ')' {
			return false, nil
		}
		break
	}
	if i > 0 {
		if err := d.Quirk(QuirkSpaceBeforeParen, start, "list"); err != nil {
			return false, err
		}
	}
	if d.depth == 0 {
		return false, d.failf(start+int64(i), "list", "unbalanced ')'")
	}
	d.depth--
	d.r += i + 1
	return true, nil
}

// List reads a parenthesised list, calling item for each element. Elements
// are separated by single spaces; "()" is an empty list.
func (d *Decoder) List(item func() error) error {
	if err := d.ListStart(); err != nil {
		return err
	}
	for n := 0; ; n++ {
		end, err := d.ListEnd()
		if err != nil || end {
			return err
		}
		if n > 0 {
			if err := d.SP(); err != nil {
				return err
			}
		} else if c, err := d.peek(); err != nil {
			return err
		} else if c == ' ' {
			if err := d.Quirk(QuirkExtraSpace, d.Offset(), "list"); err != nil {
				return err
			}
			if err := d.SP(); err != nil {
				return err
			}
		}
		if err := item(); err != nil {
			return err
		}
	}
}

// ReadFlag reads a flag: a system or extension flag ("\" atom), the
// permanent-flags wildcard "\*", or a keyword (atom). It returns the flag as
// written, backslash included.
func (d *Decoder) ReadFlag() ([]byte, error) {
	if err := d.prepare(); err != nil {
		return nil, err
	}
	c, err := d.peek()
	if err != nil {
		return nil, err
	}
	if c != '\\' {
		n, err := d.scan(cAtom, loose, "flag")
		if err != nil {
			return nil, err
		}
		return d.take(n), nil
	}
	x, err := d.peekAt(1)
	if err != nil {
		return nil, err
	}
	if x == '*' {
		return d.take(2), nil
	}
	n, err := d.scanFrom(1, cAtom, loose, "flag")
	if err != nil {
		return nil, err
	}
	return d.take(n), nil
}

// ReadText reads text up to the end of the line (1*TEXT-CHAR, which may be
// empty here), without the line ending. 8-bit bytes are QuirkEightBit unless
// UTF8 is enabled.
func (d *Decoder) ReadText() ([]byte, error) {
	if err := d.prepare(); err != nil {
		return nil, err
	}
	return d.readText("text")
}

func (d *Decoder) readText(rule string) ([]byte, error) {
	d.textLine = true
	i := 0
	eight := false
	for {
		b := d.buf[d.r:d.end]
		i += consumeClass(b[i:], cText)
		if i == len(b) {
			if err := d.moreLine(); err != nil {
				return nil, err
			}
			continue
		}
		c := b[i]
		if c == '\r' || c == '\n' {
			break
		}
		if c == 0 {
			return nil, d.failf(d.Offset()+int64(i), rule, "NUL in text")
		}
		eight = true
		i++
	}
	text := d.buf[d.r : d.r+i]
	if eight && !d.opt.utf8 && !utf8.Valid(text) {
		// RFC 9051 allows UTF-8 in text; other 8-bit bytes are a quirk.
		off := d.Offset() + int64(firstInvalidUTF8(text))
		if err := d.Quirk(QuirkEightBit, off, rule); err != nil {
			return nil, err
		}
	}
	return d.take(i), nil
}

// firstInvalidUTF8 returns the index of the first byte of b that is not part
// of valid UTF-8.
func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}
