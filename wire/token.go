package wire

import (
	"strconv"
	"unsafe"
)

// Kind is the kind of a Token or a Value.
type Kind uint8

// The kinds of tokens and values.
const (
	KindInvalid      Kind = iota
	KindAtom              // an atom, flag, tag or other bare word
	KindNumber            // a word of digits that fits in 64 bits
	KindString            // a quoted string or a literal
	KindNIL               // the atom NIL, in any case
	KindListStart         // "("
	KindListEnd           // ")"
	KindSectionStart      // "["
	KindSectionEnd        // "]"
	KindText              // text to the end of the line (ReadMessage only)
	KindEOL               // the line ending that ends a message
	KindList              // a parenthesised list (Value only)
	KindSection           // a bracketed section (Value only)
)

var kindNames = [...]string{
	KindInvalid:      "invalid",
	KindAtom:         "atom",
	KindNumber:       "number",
	KindString:       "string",
	KindNIL:          "NIL",
	KindListStart:    "(",
	KindListEnd:      ")",
	KindSectionStart: "[",
	KindSectionEnd:   "]",
	KindText:         "text",
	KindEOL:          "EOL",
	KindList:         "list",
	KindSection:      "section",
}

// String returns the kind's name.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// A Token is one lexical element of a message, as read by ReadToken.
//
// Its bytes are a view of the decoder's buffer, valid until the next call
// of a Decoder method; Clone makes a copy that stays valid. A Token is small
// enough to be returned in registers.
type Token struct {
	Kind   Kind
	flags  uint8
	Offset int64 // stream offset of the token's first byte
	b      view
}

// A view is a byte slice without its capacity. It keeps Token within the
// four words and four fields that the compiler keeps in registers rather
// than copying through memory, which ReadToken's speed depends on.
type view struct {
	p *byte
	n int
}

// viewOf returns the view of b.
func viewOf(b []byte) view { return view{unsafe.SliceData(b), len(b)} }

// bytes returns the viewed bytes, with no spare capacity: appending to them
// never writes into the buffer they view.
func (v view) bytes() []byte {
	if v.p == nil {
		return nil
	}
	return unsafe.Slice(v.p, v.n)
}

// Token flags.
const (
	flagSpace   = 1 << iota // spaces came before the token
	flagLiteral             // a string written as a literal
	flagNonSync             // a non-synchronising literal "{n+}"
	flagBinary              // a literal8 "~{n}"
)

// Space reports whether one or more spaces came before the token.
func (t Token) Space() bool { return t.flags&flagSpace != 0 }

// Literal reports whether a string was written as a literal rather than
// quoted.
func (t Token) Literal() bool { return t.flags&flagLiteral != 0 }

// NonSync reports whether a literal was non-synchronising ("{n+}").
func (t Token) NonSync() bool { return t.flags&flagNonSync != 0 }

// Binary reports whether a literal was a literal8 ("~{n}").
func (t Token) Binary() bool { return t.flags&flagBinary != 0 }

// Bytes returns the token's content: the word of an atom or number, the
// unescaped content of a quoted string, the body of a literal. It is empty
// for punctuation and line endings.
func (t Token) Bytes() []byte { return t.b.bytes() }

// Number returns the value of a KindNumber token, and 0 for other kinds.
func (t Token) Number() uint64 {
	if t.Kind != KindNumber {
		return 0
	}
	n, _ := parseDigits(t.b.bytes(), 1<<64-1)
	return n
}

// Clone returns a copy of the token whose bytes do not alias the decoder's
// buffers.
func (t Token) Clone() Token {
	if t.b.p != nil {
		t.b = viewOf(append([]byte(nil), t.b.bytes()...))
	}
	return t
}

// String returns a short description of the token, for debugging.
func (t Token) String() string {
	switch t.Kind {
	case KindAtom, KindNumber, KindText:
		return string(t.b.bytes())
	case KindString:
		return strconv.Quote(string(t.b.bytes()))
	}
	return t.Kind.String()
}

// ReadToken reads the next token of the current message, whatever the
// grammar says should come: atoms (with flags, tags and other bare words,
// including "*", "%" and "\"), numbers, strings, NIL, the punctuation of
// lists "(" ")" and sections "[" "]", and the line ending (KindEOL) that
// ends the message. Spaces between tokens are consumed and recorded in
// Token.Space. Literal bodies are returned as bytes, subject to
// MaxLiteralBuffer.
//
// ReadToken does not allocate in steady state. Between messages it returns
// io.EOF at the end of the input; inside one, io.ErrUnexpectedEOF.
func (d *Decoder) ReadToken() (Token, error) {
	// Fast path: a token that lies entirely in the buffer, preceded by at
	// most one space, needing no quirk report. Anything else takes the
	// general path, which gives the same result.
	// (A space that starts a message is a quirk, which the general path
	// reports.)
	if d.tokFast {
		b := d.buf[d.r:d.end]
		j := 0
		if len(b) > 1 && b[0] == ' ' {
			j = 1
		}
		if j < len(b) {
			c := b[j]
			off := d.base + int64(d.r+j)
			switch {
			case class[c]&cWord != 0 && c != '~':
				k := KindAtom
				n := 0
				if class[c]&cDigit != 0 {
					n = consumeClass(b[j:], cDigit)
					if n <= 19 || n == 20 && isNumber(b[j:j+n]) {
						k = KindNumber
					}
				}
				if m := consumeClass(b[j+n:], cWord); m > 0 {
					n += m
					k = KindAtom
				}
				if j+n == len(b) || b[j+n] >= 0x80 || b[j+n] == ']' && !d.inSection() {
					break
				}
				w := b[j : j+n : j+n]
				if n == 3 && isNIL(w) {
					k = KindNIL
				}
				d.r += j + n
				return Token{Kind: k, flags: uint8(j), Offset: off, b: viewOf(w)}, nil
			case c == '"':
				n := consumeClass(b[j+1:], cQuoted)
				k := j + 1 + n
				if k+1 >= len(b) || b[k] != '"' || !quotedEnd[b[k+1]] {
					break
				}
				d.r += k + 1
				return Token{Kind: KindString, flags: uint8(j), Offset: off, b: viewOf(b[j+1 : k : k])}, nil
			case c == '(' || c == '[':
				if j+1 == len(b) || b[j+1] == ' ' || d.depth >= d.opt.maxDepth {
					break
				}
				d.depth++
				d.opens = append(d.opens, c)
				k := KindListStart
				if c == '[' {
					k = KindSectionStart
				}
				d.r += j + 1
				return Token{Kind: k, flags: uint8(j), Offset: off}, nil
			case (c == ')' || c == ']') && j == 0:
				want, k := byte('('), KindListEnd
				if c == ']' {
					want, k = '[', KindSectionEnd
				}
				if len(d.opens) == 0 || d.opens[len(d.opens)-1] != want {
					break
				}
				d.opens = d.opens[:len(d.opens)-1]
				d.depth--
				d.r++
				return Token{Kind: k, Offset: off}, nil
			}
		}
	}
	return d.readToken()
}

// readToken is ReadToken's general path.
func (d *Decoder) readToken() (Token, error) {
	if d.err != nil || d.lit.pending {
		if b, ok, err := d.resumeLiteral("string"); ok {
			if err != nil {
				return Token{}, err
			}
			t := d.litTok
			t.b = viewOf(b)
			if err := d.tokenDone(&t); err != nil {
				return Token{}, err
			}
			d.tokFast = d.tokFastOK()
			return t, nil
		}
		if err := d.prepare(); err != nil {
			return Token{}, err
		}
	}
	if !d.inMsg {
		for d.r == d.w {
			if err := d.more(); err != nil {
				return Token{}, err
			}
		}
		d.begin()
	}
	for {
		if d.r == d.end {
			if err := d.moreLine(); err != nil {
				return Token{}, err
			}
			continue
		}
		c := d.buf[d.r]
		if c != ' ' {
			break
		}
		if d.spaces == 0 {
			d.spaceOff = d.Offset()
		}
		d.spaces++
		d.tokFast = false
		d.r++
	}
	t := Token{Offset: d.Offset()}
	if d.spaces > 0 {
		t.flags = flagSpace
	}
	c := d.buf[d.r]
	literal8 := false
	if c == '~' {
		x, err := d.peekAt(1)
		if err != nil {
			return Token{}, err
		}
		literal8 = x == '{'
	}
	if class[c]&cWord != 0 && !literal8 || c == ']' && !d.inSection() {
		n, err := d.scanWord()
		if err != nil {
			return Token{}, err
		}
		w := d.take(n)
		t.b = viewOf(w)
		t.Kind = KindAtom
		if isNumber(w) {
			t.Kind = KindNumber
		} else if isNIL(w) {
			t.Kind = KindNIL
		}
	} else {
		switch c {
		case '(', '[':
			if err := d.openToken(c, t.Offset); err != nil {
				return Token{}, err
			}
			t.Kind = KindListStart
			if c == '[' {
				t.Kind = KindSectionStart
			}
		case ')', ']':
			if err := d.closeOpen(c, t.Offset); err != nil {
				return Token{}, err
			}
			d.r++
			t.Kind = KindListEnd
			if c == ']' {
				t.Kind = KindSectionEnd
			}
		case '"':
			b, err := d.readQuoted("quoted")
			if err != nil {
				return Token{}, err
			}
			t.Kind, t.b = KindString, viewOf(b)
		case '{', '~':
			ann, err := d.readLiteralHead("literal", true)
			if err != nil {
				return Token{}, err
			}
			t.Kind = KindString
			t.flags |= flagLiteral
			if ann.NonSync {
				t.flags |= flagNonSync
			}
			if ann.Binary {
				t.flags |= flagBinary
			}
			d.litTok = t
			d.lit.buffering = true
			b, err := d.literalBody("literal")
			if err != nil {
				return Token{}, err
			}
			t.b = viewOf(b)
		case '\r', '\n':
			if d.spaces > 0 && d.opt.strict {
				return Token{}, d.failQuirk(QuirkTrailingSpace, d.spaceOff, "CRLF")
			}
			if err := d.readEOL("CRLF"); err != nil {
				return Token{}, err
			}
			if d.spaces > 0 {
				d.Quirk(QuirkTrailingSpace, d.spaceOff, "CRLF")
			}
			t.Kind = KindEOL
			d.spaces = 0
			return t, nil
		default:
			return Token{}, d.failf(t.Offset, "token", "unexpected byte "+strconv.QuoteRune(rune(c)))
		}
	}
	if err := d.tokenDone(&t); err != nil {
		return Token{}, err
	}
	d.tokFast = d.tokFastOK()
	return t, nil
}

// tokFastOK reports whether ReadToken may take its fast path: the message
// is sound and under way past its first token, no literal body is due, and
// no spaces have been consumed for the next token.
func (d *Decoder) tokFastOK() bool {
	return d.err == nil && !d.lit.pending && d.inMsg && d.spaces == 0 && d.base+int64(d.r) != d.msgStart
}

// inSection reports whether the innermost open bracket of ReadToken is a
// "[": only then does "]" close something. Elsewhere it is part of a word,
// as ASTRING-CHAR allows ("foo]bar").
func (d *Decoder) inSection() bool {
	return len(d.opens) > 0 && d.opens[len(d.opens)-1] == '['
}

// scanWord returns the length of the generic word at the decoder's
// position, taking "]" into it outside sections and, in lenient mode, 8-bit
// bytes (QuirkEightBit).
func (d *Decoder) scanWord() (int, error) {
	n := 0
	eight := int64(-1)
	for {
		b := d.buf[d.r:d.end]
		n += consumeClass(b[n:], cWord)
		if n == len(b) {
			if err := d.moreLine(); err != nil {
				return 0, err
			}
			continue
		}
		switch c := b[n]; {
		case c >= 0x80:
			if d.opt.strict {
				return 0, d.failQuirk(QuirkEightBit, d.Offset()+int64(n), "atom")
			}
			if eight < 0 {
				eight = d.Offset() + int64(n)
			}
			n++
			continue
		case c == ']' && !d.inSection():
			n++
			continue
		}
		break
	}
	if n == 0 {
		return 0, d.failf(d.Offset(), "atom", "expected atom")
	}
	if eight >= 0 {
		d.Quirk(QuirkEightBit, eight, "atom")
	}
	return n, nil
}

// openToken reads the "(" or "[" at the decoder's position. Spaces after it
// are QuirkExtraSpace, unless a close follows them (QuirkSpaceBeforeParen
// is reported then).
func (d *Decoder) openToken(c byte, off int64) error {
	n, err := d.countSpaces(1)
	if err != nil {
		return err
	}
	if n > 0 {
		x, err := d.peekAt(1 + n)
		if err != nil {
			return err
		}
		if x != ')' && x != ']' {
			if err := d.Quirk(QuirkExtraSpace, off+1, "SP"); err != nil {
				return err
			}
		}
	}
	if err := d.open(c, off); err != nil {
		return err
	}
	d.opens = append(d.opens, c)
	d.r++
	return nil
}

// isNumber reports whether b holds only digits and fits in 64 bits.
func isNumber(b []byte) bool {
	if len(b) == 0 || len(b) > 20 {
		return false
	}
	for _, c := range b {
		if c-'0' > 9 {
			return false
		}
	}
	if len(b) == 20 {
		_, ok := parseDigits(b, 1<<64-1)
		return ok
	}
	return true
}

// tokenDone reports the quirks of the spaces before a token.
func (d *Decoder) tokenDone(t *Token) error {
	if d.spaces == 0 {
		return nil
	}
	spaces, off := d.spaces, d.spaceOff
	d.spaces = 0
	switch {
	case t.Kind == KindListEnd || t.Kind == KindSectionEnd:
		return d.Quirk(QuirkSpaceBeforeParen, off, "list")
	case spaces > 1:
		return d.Quirk(QuirkExtraSpace, off+1, "SP")
	case t.Offset == d.msgStart+int64(spaces):
		return d.Quirk(QuirkExtraSpace, off, "SP")
	}
	return nil
}

// closeOpen checks that c closes the innermost open list or section.
func (d *Decoder) closeOpen(c byte, off int64) error {
	want := byte('(')
	if c == ']' {
		want = '['
	}
	if len(d.opens) == 0 || d.opens[len(d.opens)-1] != want {
		return d.failf(off, "list", "unbalanced "+quoteByte(c))
	}
	d.opens = d.opens[:len(d.opens)-1]
	d.depth--
	return nil
}
