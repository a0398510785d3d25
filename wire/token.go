package wire

import "strconv"

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
// of a Decoder method; Clone makes a copy that stays valid.
type Token struct {
	Kind    Kind
	Space   bool  // one or more spaces came before the token
	Literal bool  // a string written as a literal rather than quoted
	NonSync bool  // a non-synchronising literal "{n+}"
	Binary  bool  // a literal8 "~{n}"
	Offset  int64 // stream offset of the token's first byte
	b       []byte
	num     uint64
}

// Bytes returns the token's content: the word of an atom or number, the
// unescaped content of a quoted string, the body of a literal. It is empty
// for punctuation and line endings.
func (t Token) Bytes() []byte { return t.b }

// Number returns the value of a KindNumber token.
func (t Token) Number() uint64 { return t.num }

// Clone returns a copy of the token whose bytes do not alias the decoder's
// buffers.
func (t Token) Clone() Token {
	if t.b != nil {
		t.b = append([]byte(nil), t.b...)
	}
	return t
}

// String returns a short description of the token, for debugging.
func (t Token) String() string {
	switch t.Kind {
	case KindAtom, KindNumber, KindText:
		return string(t.b)
	case KindString:
		return strconv.Quote(string(t.b))
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
	if d.err != nil || d.lit.pending {
		if b, ok, err := d.resumeLiteral("string"); ok {
			t := d.litTok
			t.b = b
			return t, err
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
		d.prev = KindEOL
	}
	for {
		if d.r == d.w {
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
		d.r++
	}
	t := Token{Space: d.spaces > 0, Offset: d.Offset()}
	c := d.buf[d.r]
	if class[c]&cWord != 0 && (c != '~' || !d.nextIs(1, '{')) {
		b := d.buf[d.r:d.w]
		n := consumeClass(b, cWord)
		if n == len(b) || b[n] >= 0x80 {
			var err error
			if n, err = d.scanWord(); err != nil {
				return Token{}, err
			}
		}
		t.b = d.take(n)
		t.Kind = KindAtom
		if class[t.b[0]]&cDigit != 0 && consumeClass(t.b, cDigit) == n {
			if v, ok := parseDigits(t.b, 1<<64-1); ok {
				t.Kind, t.num = KindNumber, v
			}
		} else if isNIL(t.b) {
			t.Kind = KindNIL
		}
	} else {
		switch c {
		case '(', '[':
			if err := d.open(c, t.Offset); err != nil {
				return Token{}, err
			}
			if err := d.pushOpen(c); err != nil {
				return Token{}, err
			}
			d.r++
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
			t.Kind, t.b = KindString, b
		case '{', '~':
			ann, err := d.readLiteralHead("literal", true)
			if err != nil {
				return Token{}, err
			}
			t.Kind, t.Literal, t.NonSync, t.Binary = KindString, true, ann.NonSync, ann.Binary
			d.litTok = t
			b, err := d.literalBody("literal")
			if err != nil {
				return Token{}, err
			}
			t.b = b
		case '\r', '\n':
			if d.spaces > 0 {
				if err := d.Quirk(QuirkTrailingSpace, d.spaceOff, "CRLF"); err != nil {
					return Token{}, err
				}
			}
			if err := d.readEOL("CRLF"); err != nil {
				return Token{}, err
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
	return t, nil
}

// scanWord reads a generic word that did not end inside the buffer or that
// holds 8-bit bytes.
func (d *Decoder) scanWord() (int, error) {
	return d.scanFrom(0, cWord, true, "atom")
}

// tokenDone counts the token and reports the quirks of the spaces before it.
func (d *Decoder) tokenDone(t *Token) error {
	d.items++
	if d.items > d.opt.maxItems {
		return d.fail(t.Offset, "message", ErrTooMany)
	}
	prev := d.prev
	d.prev = t.Kind
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
	case prev == KindListStart || prev == KindSectionStart || prev == KindEOL:
		return d.Quirk(QuirkExtraSpace, off, "SP")
	}
	return nil
}

// pushOpen records an open list or section, to match it with its close.
func (d *Decoder) pushOpen(c byte) error {
	d.opens = append(d.opens, c)
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
