package bodystructure

import (
	"bytes"
	"encoding/binary"
	"math/bits"

	"github.com/mailwire/imap/wire"
)

// The fast path reads the shapes of bodies and envelopes that servers send
// almost always straight from the decoder's buffered bytes (wire.Decoder.
// Window), without tokens: quoted strings without line breaks or 8-bit
// bytes, single spaces, NIL, numbers, extension data up to the location.
// On anything else — a literal, a quirk, the end of the buffered bytes, an
// error — it gives up having consumed nothing, and the token parser reads
// the value from the same place, so both paths give the same value, the
// same quirks and the same errors.

// scanner reads a value from b, a view of the decoder's buffer. Its
// methods return false to give up.
type scanner struct {
	p     *parser
	a     *Arena // memory for the values, or nil
	st    *Arena // the list stacks
	b     []byte
	i     int
	depth int // levels of lists still allowed
}

// fastBody reads a body at the decoder's position if it has a common shape.
func (p *parser) fastBody() (*Body, bool) {
	if p.has {
		return nil, false
	}
	for try := 0; ; try++ {
		s := newScanner(p)
		st := s.st
		parts, params, strs := len(st.partStack), len(st.paramStack), len(st.strStack)
		b, ok := s.body()
		if ok {
			p.d.Consume(s.i)
			return b, true
		}
		// Drop what the attempt left on the stacks.
		st.partStack = st.partStack[:parts]
		st.paramStack = st.paramStack[:params]
		st.strStack = st.strStack[:strs]
		if try > 0 || !s.retry() {
			return nil, false
		}
	}
}

// retry reports whether a scan that failed may succeed with more of the
// line buffered, and buffers more. A scan is retried once at most, so that
// reading a value costs at most two scans of its bytes.
func (s *scanner) retry() bool {
	return len(s.b) > 0 && bytes.IndexByte(s.b, '\n') < 0 && s.p.d.Refill()
}

// fastEnvelope reads an envelope at the decoder's position if it has a
// common shape.
func (p *parser) fastEnvelope() (*Envelope, bool) {
	if p.has {
		return nil, false
	}
	for try := 0; ; try++ {
		s := newScanner(p)
		addrs := len(s.st.addrStack)
		e, ok := s.envelope()
		if ok {
			p.d.Consume(s.i)
			return e, true
		}
		s.st.addrStack = s.st.addrStack[:addrs]
		if try > 0 || !s.retry() {
			return nil, false
		}
	}
}

// newScanner returns a scanner of the decoder's window. It first peeks, so
// that a value at the start of a message has its bytes in the window; an
// error is left for the token parser to meet.
func newScanner(p *parser) scanner {
	b := p.d.Window()
	if len(b) == 0 {
		p.d.Peek()
		b = p.d.Window()
	}
	s := scanner{p: p, a: p.a, st: p.stacks(), b: b, depth: p.d.DepthLeft()}
	if s.peek() == ' ' && p.d.Offset() == p.d.MessageOffset() {
		// A space that starts a message is a quirk, which the token
		// parser reports.
		s.b = nil
	}
	s.space()
	return s
}

// space skips the one space that may come before the value.
func (s *scanner) space() {
	if s.peek() == ' ' {
		s.i++
	}
}

func (s *scanner) peek() byte {
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

// byte reads c.
func (s *scanner) byte(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// open reads "(" within the depth allowed.
func (s *scanner) open() bool {
	if s.depth <= 0 || !s.byte('(') {
		return false
	}
	s.depth--
	return true
}

func (s *scanner) close() bool {
	if !s.byte(')') {
		return false
	}
	s.depth++
	return true
}

// nil reads NIL, in any case, followed by a byte that ends an atom.
func (s *scanner) nil() bool {
	if i := s.i; i+4 <= len(s.b) {
		// Folding the case of the first three bytes maps only "NIL" in
		// any case to "nil"; the fourth byte is a space or ")".
		switch binary.LittleEndian.Uint32(s.b[i:]) | 0x202020 {
		case 'n' | 'i'<<8 | 'l'<<16 | ' '<<24, 'n' | 'i'<<8 | 'l'<<16 | ')'<<24:
			s.i = i + 3
			return true
		}
	}
	return false
}

// quoted reads a quoted string without line breaks, NUL or 8-bit bytes,
// with the escapes \" and \\, and returns its content, a view of b or of
// the arena's scratch space, valid until the next string.
func (s *scanner) quoted() ([]byte, bool) {
	i := s.i
	if uint(i) >= uint(len(s.b)) || s.b[i] != '"' {
		return nil, false
	}
	b := s.b[i+1:]
	// skipPlain(b), by hand: it is too large to be inlined.
	rest := b
	for len(rest) >= 8 {
		if m := notPlain(binary.LittleEndian.Uint64(rest)); m != 0 {
			rest = rest[bits.TrailingZeros64(m)/8:]
			goto end
		}
		rest = rest[8:]
	}
	for len(rest) > 0 && plainQuoted[rest[0]] {
		rest = rest[1:]
	}
end:
	if len(rest) > 0 {
		n := len(b) - len(rest)
		switch rest[0] {
		case '"':
			s.i += n + 2
			return b[:n], true
		case '\\':
			return s.escaped(i + 1)
		}
	}
	return nil, false
}

// skipPlain returns b from its first byte that does not stand for itself
// in a quoted string. It reads most of the bytes of a body structure or an
// envelope, and is written for that: eight bytes are tested at a time, and
// b is resliced rather than indexed, so that it stays in registers and
// needs few bounds checks.
func skipPlain(b []byte) []byte {
	for len(b) >= 8 {
		if m := notPlain(binary.LittleEndian.Uint64(b)); m != 0 {
			return b[bits.TrailingZeros64(m)/8:]
		}
		b = b[8:]
	}
	for len(b) > 0 && plainQuoted[b[0]] {
		b = b[1:]
	}
	return b
}

// notPlain returns a mask whose lowest set bit is the high bit of the first
// byte of x (in memory order) that does not stand for itself in a quoted
// string (see plainQuoted), or 0 if there is none. Bits above the lowest
// may be set spuriously: carries and borrows from a byte only reach the
// bytes after it.
func notPlain(x uint64) uint64 {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	// Flipping bit 1 swaps '"' (0x22) with the space (0x20) and keeps the
	// bytes below 0x20 below it, so one test finds both: the bytes of y
	// below 0x21.
	y, bs := x^(0x02*ones), x^('\\'*ones)
	return (x | (x + ones) | // 0x7f and 8-bit
		(y-0x21*ones)&^y | // below 0x20, and '"'
		(bs-ones)&^bs) & highs // '\'
}

// plainQuoted holds the bytes that stand for themselves in a quoted string
// the fast path reads: printable US-ASCII but '"' and '\'.
var plainQuoted = func() (t [256]bool) {
	for c := ' '; c < 0x7f; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// escaped reads the rest of a quoted string that has escapes, from index
// start of b.
func (s *scanner) escaped(start int) ([]byte, bool) {
	buf := s.st.esc[:0]
	b := s.b[start:]
	for {
		rest := skipPlain(b)
		buf = append(buf, b[:len(b)-len(rest)]...)
		s.st.esc = buf
		switch {
		case len(rest) == 0:
			return nil, false
		case rest[0] == '"':
			s.i = len(s.b) - len(rest) + 1
			return buf, true
		case rest[0] != '\\' || len(rest) < 2 || rest[1] != '"' && rest[1] != '\\':
			return nil, false
		}
		buf = append(buf, rest[1])
		b = rest[2:]
	}
}

// str reads a string.
func (s *scanner) str() (string, bool) {
	b, ok := s.quoted()
	if !ok {
		return "", false
	}
	return stringIn(s.a, b), true
}

// nstr reads an nstring.
func (s *scanner) nstr() (wire.NString, bool) {
	b, ok := s.quoted()
	if !ok {
		// NIL, or a string the fast path does not read, which nil
		// does not read either.
		return wire.NString{}, s.nil()
	}
	// nstrings (IDs, descriptions, envelope fields) are seldom among the
	// common names that interning saves.
	if s.a == nil {
		return wire.Str(string(b)), true
	}
	return wire.Str(s.a.String(b)), true
}

// sp reads a space. A second space is left for the next read, which
// gives up on it: no value starts with a space.
func (s *scanner) sp() bool { return s.byte(' ') }

// number reads a number of at most max digits, no more than limit.
func (s *scanner) number(digits int, limit uint64) (uint64, bool) {
	b, i := s.b, s.i
	if len(b)-i > 8 {
		// Sizes and line counts have fewer than eight digits, almost
		// always: those are read without a loop.
		if n, k := digits8(binary.LittleEndian.Uint64(b[i:])); k > 0 && k < 8 {
			if c := b[i+k]; c != ' ' && c != ')' || k > digits || n > limit {
				return 0, false
			}
			s.i = i + k
			return n, true
		}
	}
	var n uint64
	j := i
	for ; j < len(b) && j-i < digits; j++ {
		c := b[j] - '0'
		if c > 9 {
			break
		}
		n = n*10 + uint64(c)
	}
	if j == i || j >= len(b) || n > limit || b[j] != ' ' && b[j] != ')' {
		return 0, false
	}
	s.i = j
	return n, true
}

// digits8 returns the value and the number k of the decimal digits that
// start the eight bytes of x (in memory order). The value is that of the
// first min(k, 7) digits: a caller that gets k == 8 must read on.
func digits8(x uint64) (n uint64, k int) {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	d := x - '0'*ones
	// A byte is not a digit if subtracting '0' wrapped around or left 10
	// or more; borrows and carries only reach the bytes after it.
	k = bits.TrailingZeros64((d|(d+(0x80-10)*ones))&highs) / 8
	if k == 0 || k == 8 {
		return 0, k
	}
	// The k digits, first digit lowest, moved up to the top k bytes so
	// that the bytes below are leading zeros; then pairs, quads and
	// octets of digits are combined.
	d <<= 64 - 8*uint(k)
	d = d*10 + d>>8
	d = (d&0x000000ff000000ff*(100+1000000<<32) + d>>16&0x000000ff000000ff*(1+10000<<32)) >> 32
	return d, k
}

// body reads "(" single or multipart ")".
func (s *scanner) body() (*Body, bool) {
	if !s.open() {
		return nil, false
	}
	var b *Body
	var ok bool
	if s.peek() == '(' {
		b, ok = s.multipart()
	} else {
		b, ok = s.single()
	}
	if !ok || !s.close() {
		return nil, false
	}
	return b, true
}

func (s *scanner) multipart() (*Body, bool) {
	st := s.st
	start := len(st.partStack)
	for s.peek() == '(' {
		part, ok := s.body()
		if !ok {
			return nil, false
		}
		st.partStack = append(st.partStack, part)
	}
	b := newBody(s.a)
	b.Type = "MULTIPART"
	b.Parts = collect(&st.partStack, start, &st.parts, partBlock, s.a)
	var ok bool
	if !s.sp() {
		return nil, false
	}
	if b.Subtype, ok = s.str(); !ok {
		return nil, false
	}
	if s.peek() != ' ' {
		return b, true
	}
	if !s.sp() {
		return nil, false
	}
	if b.Params, ok = s.params(); !ok {
		return nil, false
	}
	b.Ext = newExtension(s.a)
	return b, s.extRest(b.Ext)
}

func (s *scanner) single() (*Body, bool) {
	b := newBody(s.a)
	var ok bool
	if b.Type, ok = s.str(); !ok || !s.sp() {
		return nil, false
	}
	if b.Subtype, ok = s.str(); !ok || !s.sp() {
		return nil, false
	}
	if b.Params, ok = s.params(); !ok || !s.sp() {
		return nil, false
	}
	if b.ID, ok = s.nstr(); !ok || !s.sp() {
		return nil, false
	}
	if b.Description, ok = s.nstr(); !ok || !s.sp() {
		return nil, false
	}
	if b.Encoding, ok = s.str(); !ok || !s.sp() {
		return nil, false
	}
	size, ok := s.number(10, 1<<32-1)
	if !ok {
		return nil, false
	}
	b.Size = uint32(size)
	switch {
	case equalFoldASCII(b.Type, "TEXT"): // b.IsText(), without Unicode folding
		if !s.sp() {
			return nil, false
		}
		if b.Lines, ok = s.number(18, 1<<63-1); !ok {
			return nil, false
		}
	case equalFoldASCII(b.Type, "MESSAGE"):
		// message/rfc822 and message/global carry an envelope and a
		// body: the token parser reads those.
		return nil, false
	}
	if s.peek() != ' ' {
		return b, true
	}
	if !s.sp() {
		return nil, false
	}
	b.Ext = newExtension(s.a)
	if b.Ext.MD5, ok = s.nstr(); !ok {
		return nil, false
	}
	return b, s.extRest(b.Ext)
}

// params reads body-fld-param: NIL or "(" string SP string *(SP string SP
// string) ")".
func (s *scanner) params() ([]Param, bool) {
	if s.nil() {
		return nil, true
	}
	if !s.open() {
		return nil, false
	}
	st := s.st
	block, start := &st.paramStack, len(st.paramStack)
	if s.a != nil {
		// With an arena the parameters go straight into its block.
		block, start = &s.a.params, len(s.a.params)
	}
	for {
		name, ok := s.str()
		if !ok || !s.sp() {
			return nil, false
		}
		value, ok := s.str()
		if !ok {
			return nil, false
		}
		if s.a != nil {
			appendTo(block, &start, paramBlock, Param{name, value})
		} else {
			*block = append(*block, Param{name, value})
		}
		if s.close() {
			if s.a == nil {
				return collect(&st.paramStack, start, &st.params, paramBlock, nil), true
			}
			n := len(*block)
			return (*block)[start:n:n], true
		}
		if !s.sp() {
			return nil, false
		}
	}
}

// extRest reads [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc]]];
// further extensions are left to the token parser.
func (s *scanner) extRest(x *Extension) bool {
	if s.peek() != ' ' {
		return true
	}
	if !s.sp() {
		return false
	}
	if !s.nil() {
		if !s.open() {
			return false
		}
		x.Disposition = newDisposition(s.a)
		var ok bool
		if x.Disposition.Type, ok = s.str(); !ok || !s.sp() {
			return false
		}
		if x.Disposition.Params, ok = s.params(); !ok || !s.close() {
			return false
		}
	}
	if s.peek() != ' ' {
		return true
	}
	if !s.sp() || !s.lang(x) {
		return false
	}
	if s.peek() != ' ' {
		return true
	}
	if !s.sp() {
		return false
	}
	var ok bool
	if x.Location, ok = s.nstr(); !ok {
		return false
	}
	return s.peek() != ' '
}

// lang reads body-fld-lang: NIL, a string, or a list of strings.
func (s *scanner) lang(x *Extension) bool {
	if s.nil() {
		return true
	}
	st := s.st
	st.strStack = st.strStack[:0]
	if s.peek() == '"' {
		l, ok := s.str()
		if !ok {
			return false
		}
		st.strStack = append(st.strStack, l)
	} else {
		if !s.open() {
			return false
		}
		for {
			l, ok := s.str()
			if !ok {
				return false
			}
			st.strStack = append(st.strStack, l)
			if s.close() {
				break
			}
			if !s.sp() {
				return false
			}
		}
	}
	x.Language = collect(&st.strStack, 0, &st.strs, strBlock, s.a)
	return true
}

// envelope reads "(" env-date SP env-subject SP env-from SP env-sender SP
// env-reply-to SP env-to SP env-cc SP env-bcc SP env-in-reply-to SP
// env-message-id ")".
func (s *scanner) envelope() (*Envelope, bool) {
	if !s.open() {
		return nil, false
	}
	e := newEnvelope(s.a)
	var ok bool
	if e.Date, ok = s.nstr(); !ok || !s.sp() {
		return nil, false
	}
	if e.Subject, ok = s.nstr(); !ok {
		return nil, false
	}
	for _, l := range [...]*[]Address{&e.From, &e.Sender, &e.ReplyTo, &e.To, &e.Cc, &e.Bcc} {
		if !s.sp() {
			return nil, false
		}
		if *l, ok = s.addresses(); !ok {
			return nil, false
		}
	}
	if !s.sp() {
		return nil, false
	}
	if e.InReplyTo, ok = s.nstr(); !ok || !s.sp() {
		return nil, false
	}
	if e.MessageID, ok = s.nstr(); !ok || !s.close() {
		return nil, false
	}
	return e, true
}

// addresses reads NIL or "(" 1*address ")", with no space between the
// addresses.
func (s *scanner) addresses() ([]Address, bool) {
	if s.nil() {
		return nil, true
	}
	if !s.open() {
		return nil, false
	}
	if s.a == nil {
		st := s.st
		start := len(st.addrStack)
		for {
			var a Address
			if !s.address(&a) {
				return nil, false
			}
			st.addrStack = append(st.addrStack, a)
			if s.close() {
				return collect(&st.addrStack, start, &st.addrs, addrBlock, nil), true
			}
		}
	}
	// With an arena the addresses are read straight into its block.
	block := &s.a.addrs
	start := len(*block)
	for {
		a := grow(block, &start, addrBlock)
		if !s.address(a) {
			return nil, false
		}
		if s.close() {
			n := len(*block)
			return (*block)[start:n:n], true
		}
	}
}

// address reads "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"
// into a.
func (s *scanner) address(a *Address) bool {
	var ok bool
	if !s.open() {
		return false
	}
	if a.Name, ok = s.nstr(); !ok || !s.sp() {
		return false
	}
	if a.Adl, ok = s.nstr(); !ok || !s.sp() {
		return false
	}
	if a.Mailbox, ok = s.nstr(); !ok || !s.sp() {
		return false
	}
	if a.Host, ok = s.nstr(); !ok || !s.close() {
		return false
	}
	return true
}

// grow adds an item to the list that starts at index *start of block and
// returns it, moving the list to a new block (of at least size items)
// when the current one is full. The item is zero: nothing writes to a block beyond its length. The items
// of a list being built are written nowhere else, and a list given up
// leaves unused room behind.
func grow[T any](block *[]T, start *int, size int) *T {
	n := len(*block)
	if n == cap(*block) {
		k := n - *start
		nb := make([]T, k, max(size, 2*(k+1)))
		copy(nb, (*block)[*start:])
		*block, *start, n = nb, 0, k
	}
	*block = (*block)[:n+1]
	return &(*block)[n]
}

// appendTo appends v to the list that starts at index *start of block, as
// grow adds an item.
func appendTo[T any](block *[]T, start *int, size int, v T) { *grow(block, start, size) = v }
