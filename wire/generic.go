package wire

import (
	"bytes"
	"io"
)

// A Value is a generic IMAP value: what ReadMessage makes of data whose
// grammar it does not know. Atoms, numbers, strings and NIL are leaves;
// lists and sections hold items; text is the free text of status responses
// and continuation requests.
type Value struct {
	Kind Kind
	// Adjacent reports that no space separated the value from the item
	// before it, as "[" after "BODY" in "BODY[TEXT]" or "<0>" after it.
	Adjacent bool
	// Binary marks a string that was a literal8.
	Binary bool
	// Bytes holds the word of an atom or number, the content of a string,
	// or the text.
	Bytes []byte
	// Num is the value of a number.
	Num uint64
	// Items holds the items of a list or section.
	Items []Value
	// Offset is the stream offset of the value's first byte.
	Offset int64
}

// Equal reports whether v and w are the same value, ignoring offsets and
// the case NIL was written in.
func (v *Value) Equal(w *Value) bool {
	if v.Kind != w.Kind || v.Adjacent != w.Adjacent || v.Binary != w.Binary ||
		v.Num != w.Num || len(v.Items) != len(w.Items) ||
		v.Kind != KindNIL && !bytes.Equal(v.Bytes, w.Bytes) {
		return false
	}
	for i := range v.Items {
		if !v.Items[i].Equal(&w.Items[i]) {
			return false
		}
	}
	return true
}

// A Message is one whole IMAP message read generically: its items in order
// and the quirks tolerated while reading it.
type Message struct {
	Offset int64 // stream offset of the message's first byte
	Items  []Value
	Quirks []QuirkReport
}

// Equal reports whether m and n hold the same items, ignoring offsets and
// quirks.
func (m *Message) Equal(n *Message) bool {
	if len(m.Items) != len(n.Items) {
		return false
	}
	for i := range m.Items {
		if !m.Items[i].Equal(&n.Items[i]) {
			return false
		}
	}
	return true
}

// Status keywords whose responses end in free text.
var statusWords = []string{"OK", "NO", "BAD", "BYE", "PREAUTH"}

// Phases of ReadMessage.
const (
	genFirst     = iota // the first token: tag, "*" or "+"
	genSecond           // the second token: status keyword, number or other
	genStatus           // after a status keyword: SP resp-text
	genRespText         // resp-text: optional "[" code "]" SP, then text
	genCodeEnd          // "]"
	genAfterCode        // SP text, or the line ending
	genText             // text then the line ending
	genValues           // generic tokens to the line ending
)

// genState is ReadMessage's progress through a message, kept in the
// Decoder so that a call interrupted by an I/O error can be repeated.
type genState struct {
	active bool
	phase  int
	msg    *Message
	stack  []genFrame
	vals   []Value // the items of the open frames, innermost last
	arena  []byte  // the bytes of the message's values
}

// keep copies b into the message's arena and returns the copy: one
// allocation for many values.
func (g *genState) keep(b []byte) []byte {
	if len(b) > cap(g.arena)-len(g.arena) {
		g.arena = make([]byte, 0, max(2*cap(g.arena), len(b), 256))
	}
	start := len(g.arena)
	g.arena = append(g.arena, b...)
	return g.arena[start:len(g.arena):len(g.arena)]
}

type genFrame struct {
	kind  Kind
	off   int64
	adj   bool
	start int // the frame's items are vals[start:]
}

func (g *genState) reset() {
	g.active = false
	g.msg = nil
	g.stack = g.stack[:0]
	g.vals = g.vals[:0]
	g.arena = nil // it belongs to the message returned
}

func (g *genState) top() *genFrame { return &g.stack[len(g.stack)-1] }

// count returns the number of items of the innermost frame.
func (g *genState) count() int { return len(g.vals) - g.top().start }

func (g *genState) add(v Value) {
	if g.count() == 0 {
		v.Adjacent = false
	}
	g.vals = append(g.vals, v)
}

// open starts a list or section.
func (g *genState) open(kind Kind, off int64, adj bool) {
	g.stack = append(g.stack, genFrame{kind: kind, off: off, adj: adj, start: len(g.vals)})
}

// close ends the innermost list or section and adds it to its parent, its
// items copied to a slice of their own.
func (g *genState) close() {
	f := g.stack[len(g.stack)-1]
	g.stack = g.stack[:len(g.stack)-1]
	items := g.take(f.start)
	g.add(Value{Kind: f.kind, Adjacent: f.adj, Offset: f.off, Items: items})
}

// take removes the values from start on and returns a copy of them.
func (g *genState) take(start int) []Value {
	var items []Value
	if n := len(g.vals) - start; n > 0 {
		items = make([]Value, n)
		copy(items, g.vals[start:])
	}
	clear(g.vals[start:]) // let the scratch space drop its references
	g.vals = g.vals[:start]
	return items
}

// ReadMessage reads the next whole message as generic values.
//
// Status responses ("* OK", "tag NO", "* BYE", "* PREAUTH", ...) and
// continuation requests ("+") end in free text, which becomes a KindText
// value; a response code "[...]" becomes a KindSection holding the code
// name and, if it has any, its arguments as one KindText. Everything else is
// read with ReadToken into atoms, numbers, strings, NIL, lists and sections.
//
// After an error the message is broken: call Skip to go on with the next
// one. After an I/O error the same call can be repeated once the reader
// recovers. Between messages ReadMessage returns io.EOF at the end of the
// input.
func (d *Decoder) ReadMessage() (*Message, error) {
	g := &d.gen
	if !g.active {
		if d.err != nil {
			return nil, d.err
		}
		if !d.inMsg && !d.lit.pending {
			for d.r == d.w {
				if err := d.more(); err != nil {
					return nil, err
				}
			}
		}
		g.active = true
		g.phase = genFirst
		g.msg = &Message{Offset: d.Offset()}
		g.stack = append(g.stack[:0], genFrame{})
	}
	for {
		done, err := d.genStep(g)
		if err != nil {
			if _, ok := err.(*SyntaxError); ok {
				g.reset()
			}
			return nil, err
		}
		if done {
			m := g.msg
			m.Items = g.take(0)
			m.Quirks = append([]QuirkReport(nil), d.quirks...)
			g.reset()
			return m, nil
		}
	}
}

// ReadValue reads one value of any kind as a generic tree: an atom, number,
// string, NIL, or a whole parenthesised list or bracketed section with all
// it holds. Typed layers use it to keep what they do not know, such as the
// value of an unknown FETCH item, as a raw value. Like List, it cannot be
// repeated after an I/O error in its middle.
func (d *Decoder) ReadValue() (Value, error) {
	eol, err := d.AtEOL()
	if err != nil {
		return Value{}, err
	}
	if eol {
		return Value{}, d.failf(d.Offset(), "value", "expected a value")
	}
	g := genState{stack: []genFrame{{}}}
	for {
		t, err := d.ReadToken()
		if err != nil {
			return Value{}, err
		}
		if err := d.genToken(&g, t); err != nil {
			return Value{}, err
		}
		if len(g.stack) == 1 && g.count() == 1 {
			return g.vals[0], nil
		}
	}
}

// genStep makes one step of ReadMessage and reports whether the message is
// complete.
func (d *Decoder) genStep(g *genState) (bool, error) {
	switch g.phase {
	case genFirst, genSecond, genValues:
		t, err := d.ReadToken()
		if err != nil {
			return false, err
		}
		if t.Kind == KindEOL {
			return true, nil
		}
		if len(g.stack) > 1 {
			return false, d.genToken(g, t)
		}
		switch g.phase {
		case genFirst:
			g.phase = genSecond
			if b := t.Bytes(); t.Kind == KindAtom && len(b) == 1 && b[0] == '+' {
				g.phase = genStatus
				d.textLine = true
			} else if t.Kind == KindListStart || t.Kind == KindSectionStart {
				g.phase = genValues
			}
		case genSecond:
			g.phase = genValues
			if t.Kind == KindAtom {
				for _, w := range statusWords {
					if equalFold(t.Bytes(), w) {
						g.phase = genStatus
						d.textLine = true
					}
				}
			}
		}
		return false, d.genToken(g, t)
	case genStatus:
		q := QuirkCodeWithoutText
		if len(g.stack) == 1 && g.count() == 1 {
			q = QuirkContinuationNoSpace
		}
		return false, d.genSPOrEnd(g, q, genRespText)
	case genRespText:
		off := d.Offset()
		n, args, ok, err := d.scanCode()
		if err != nil {
			return false, err
		}
		if !ok {
			g.phase = genText
			return false, nil
		}
		if err := d.open('[', off); err != nil {
			return false, err
		}
		b := d.take(n)
		name := Value{Kind: KindAtom, Offset: off + 1, Bytes: g.keep(b[1 : n-args])}
		g.open(KindSection, off, false)
		g.add(name)
		if args > 0 {
			g.add(Value{Kind: KindText, Offset: off + int64(n-args) + 1, Bytes: g.keep(b[n-args+1:])})
		}
		g.phase = genCodeEnd
	case genCodeEnd:
		if err := d.Expect(']', "resp-text-code"); err != nil {
			return false, err
		}
		d.depth--
		g.close()
		g.phase = genAfterCode
	case genAfterCode:
		if c, err := d.Peek(); err != nil {
			return false, err
		} else if c != ' ' && c != '\r' && c != '\n' {
			if err := d.Quirk(QuirkCodeWithoutSpace, d.Offset(), "resp-text"); err != nil {
				return false, err
			}
			g.phase = genText
			return false, nil
		}
		return false, d.genSPOrEnd(g, QuirkCodeWithoutText, genText)
	case genText:
		off := d.Offset()
		b, err := d.ReadText()
		if err != nil {
			return false, err
		}
		g.add(Value{Kind: KindText, Offset: off, Bytes: g.keep(b)})
		g.phase = genValues
		return false, nil
	}
	return false, nil
}

// scanCode scans, consuming nothing, the response code that may start
// resp-text: "[" name [SP args], up to the "]". It returns the length n of
// what it scanned and the length of its " args" part (0 if none). ok is
// false when there is no code: the text does not start with "[", or, in
// lenient mode, it does but no valid code follows (QuirkBadResponseCode).
func (d *Decoder) scanCode() (n, args int, ok bool, err error) {
	off := d.Offset()
	c, err := d.Peek()
	if err != nil || c != '[' {
		return 0, 0, false, err
	}
	x, err := d.peekAt(1)
	if err != nil {
		return 0, 0, false, err
	}
	n, bad := 1, class[x]&cAtom == 0
	if !bad {
		if n, err = d.scanFrom(1, cAtom, 0, "resp-text-code"); err != nil {
			return 0, 0, false, err
		}
		if x, err = d.peekAt(n); err != nil {
			return 0, 0, false, err
		}
		bad = x != ' ' && x != ']'
	}
	if i := bytes.IndexByte(d.buf[d.r+1:d.r+n], '['); i >= 0 || bad {
		// A code that is not an atom, optionally followed by a space
		// and arguments, as Exchange's [Error="..." ...]: lenient
		// decoding reads the line as text. ("[" is an ATOM-CHAR, but no
		// response code has one, and a generic value could not tell it
		// from a section.)
		return 0, 0, false, d.Quirk(QuirkBadResponseCode, off, "resp-text-code")
	}
	if x == ' ' {
		end, err := d.codeArgs(n + 1)
		if err != nil {
			return 0, 0, false, err
		}
		args, n = end-n, end
	}
	return n, args, true, nil
}

// ReadCode reads the response code that may start a status response's text
// (RFC 9051 resp-text-code): "[" name [SP args] "]". It returns the name and
// the arguments as views of the decoder's buffer, valid until the next call;
// args is empty when the code has none. Brackets inside the arguments pair
// up, as in Gmail's PERMANENTFLAGS with the keyword OIB-Seen-[Gmail]/Trash
// (QuirkBracketInAtom).
//
// ok is false, and nothing is consumed, when the text does not start with
// "[". In lenient mode it is also false when the text starts with "[" but
// no valid code follows, as in Exchange's [Error="..."]: the "[" is then
// part of the text, and QuirkBadResponseCode is reported.
func (d *Decoder) ReadCode() (name, args []byte, ok bool, err error) {
	if err := d.prepare(); err != nil {
		return nil, nil, false, err
	}
	n, a, ok, err := d.scanCode()
	if err != nil || !ok {
		return nil, nil, false, err
	}
	b := d.take(n)
	if err := d.Expect(']', "resp-text-code"); err != nil {
		return nil, nil, false, err
	}
	name, args = b[1:n-a], b[n-a:]
	if a > 0 {
		args = args[1:]
	}
	return name, args, true, nil
}

// genSPOrEnd reads what follows a status keyword or a response code: a
// space, after which ReadMessage goes on with phase next, or the end of the
// line, a quirk q that leaves the text empty.
func (d *Decoder) genSPOrEnd(g *genState, q Quirk, next int) error {
	off := d.Offset()
	c, err := d.Peek()
	if err != nil {
		return err
	}
	if c == '\r' || c == '\n' {
		if err := d.Quirk(q, off, "resp-text"); err != nil {
			return err
		}
		g.add(Value{Kind: KindText, Offset: off, Bytes: []byte{}})
		g.phase = genValues
		return nil
	}
	if err := d.SP(); err != nil {
		return err
	}
	g.phase = next
	return nil
}

// codeArgs returns the index, from the decoder's position, of the end of the
// arguments of a response code (1*<any TEXT-CHAR except "]">) that start
// at index from.
func (d *Decoder) codeArgs(from int) (int, error) {
	i := from
	var eight int64 = -1
	// Brackets inside the arguments, as in Gmail's flag
	// OIB-Seen-[Gmail]/Trash in PERMANENTFLAGS, pair up: the "]" that ends
	// the code is the first one outside them, if there is one, else the
	// first one (the "[" was then unpaired).
	depth, first := 0, -1
	for {
		b := d.buf[d.r:d.end]
		for i < len(b) && class[b[i]]&cText != 0 && b[i] != ']' {
			if b[i] == '[' {
				depth++
			}
			i++
		}
		if i < len(b) && b[i] == ']' && depth > 0 {
			if first < 0 {
				first = i
			}
			depth--
			i++
			continue
		}
		if i < len(b) && b[i] != ']' && b[i] < 0x80 && first >= 0 {
			// The line ends with brackets still open: the code ended
			// at the first "]".
			i = first
		}
		if i < len(b) {
			if i != first && first >= 0 {
				if err := d.Quirk(QuirkBracketInAtom, d.Offset()+int64(first), "resp-text-code"); err != nil {
					return 0, err
				}
			}
			if b[i] >= 0x80 {
				if d.opt.strict && !d.opt.utf8 {
					return 0, d.failQuirk(QuirkEightBit, d.Offset()+int64(i), "resp-text-code")
				}
				if eight < 0 && !d.opt.utf8 {
					eight = d.Offset() + int64(i)
				}
				i++
				continue
			}
			if eight >= 0 {
				d.Quirk(QuirkEightBit, eight, "resp-text-code")
			}
			return i, nil
		}
		if err := d.moreLine(); err != nil {
			return 0, err
		}
	}
}

// genToken adds a token to the message being built.
func (d *Decoder) genToken(g *genState, t Token) error {
	// Each token costs a Value: MaxItems bounds them.
	if d.items++; d.items > d.opt.maxItems {
		return d.fail(t.Offset, "message", errLimit(ErrTooMany, "number of items", "MaxItems", int64(d.opt.maxItems)))
	}
	v := Value{Kind: t.Kind, Adjacent: !t.Space(), Offset: t.Offset}
	switch t.Kind {
	case KindListStart, KindSectionStart:
		k := KindList
		if t.Kind == KindSectionStart {
			k = KindSection
		}
		g.open(k, t.Offset, !t.Space())
		return nil
	case KindListEnd, KindSectionEnd:
		if len(g.stack) < 2 {
			return d.failf(t.Offset, "list", "unbalanced "+t.Kind.String())
		}
		g.close()
		return nil
	case KindString:
		v.Binary = t.Binary()
		v.Bytes = g.keep(t.Bytes())
	case KindNumber:
		v.Num = t.Number()
		v.Bytes = g.keep(t.Bytes())
	default:
		v.Bytes = g.keep(t.Bytes())
	}
	g.add(v)
	return nil
}

// Encode writes the message with e, in canonical form, and ends it with
// CRLF.
func (m *Message) Encode(e *Encoder) error {
	encodeItems(e, m.Items)
	return e.CRLF()
}

func encodeItems(e *Encoder, items []Value) {
	for i := range items {
		v := &items[i]
		if i > 0 && !(v.Adjacent && mayAdjoin(items[i-1].wireKind(), v.wireKind())) {
			e.SP()
		}
		v.encode(e)
	}
}

// mayAdjoin reports whether values of the kinds a and b, in that order, may
// be written without a space between them and read back the same: a section
// after a word ("BODY[TEXT]"), a word after a section ("]<0>",
// "[Gmail]/Sent"), and lists ("(1)(2 3)").
func mayAdjoin(a, b Kind) bool {
	word := func(k Kind) bool { return k == KindAtom || k == KindNumber || k == KindNIL }
	return b == KindSection && word(a) || a == KindSection && word(b) || a == KindList && b == KindList
}

// wireKind is the kind of the value's canonical wire form: an atom that has
// no valid atom form is written as a string.
func (v *Value) wireKind() Kind {
	if v.Kind == KindAtom && !isWord(v.Bytes) {
		return KindString
	}
	return v.Kind
}

// isWord reports whether b can be written as a generic word.
func isWord(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if class[c]&cWord == 0 && c != ']' {
			return false
		}
	}
	return true
}

// Encode writes the value with e in canonical form.
func (v *Value) Encode(e *Encoder) *Encoder {
	v.encode(e)
	return e
}

func (v *Value) encode(e *Encoder) {
	switch v.Kind {
	case KindAtom:
		if e.err == nil {
			if !isWord(v.Bytes) {
				// An atom that only lenient decoding accepts (8-bit
				// bytes) is written as a string, its valid form.
				e.StringBytes(v.Bytes)
				return
			}
			e.buf = append(e.buf, v.Bytes...)
			e.last = 'v'
		}
	case KindNumber:
		if e.err == nil {
			e.buf = append(e.buf, v.Bytes...)
			e.last = 'v'
		}
	case KindNIL:
		e.NIL()
	case KindString:
		if v.Binary {
			e.Literal8(v.Bytes)
		} else {
			e.StringBytes(v.Bytes)
		}
	case KindText:
		encodeRawText(e, v.Bytes)
	case KindList:
		e.ListStart()
		encodeItems(e, v.Items)
		e.ListEnd()
	case KindSection:
		e.SectionStart()
		encodeItems(e, v.Items)
		e.SectionEnd()
	default:
		e.fail("value of kind " + v.Kind.String())
	}
}

// AppendMessage is a shorthand that encodes m canonically and appends the
// bytes to dst.
func AppendMessage(dst []byte, m *Message, opts ...Option) ([]byte, error) {
	w := appendWriter{dst}
	e := NewEncoder(&w, opts...)
	err := m.Encode(e)
	return w.b, err
}

type appendWriter struct{ b []byte }

func (w *appendWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

var _ io.Writer = (*appendWriter)(nil)
