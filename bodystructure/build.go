package bodystructure

import (
	"bytes"
	"errors"
	"io"

	"github.com/mailwire/imap/wire"
)

// A Message is the structure of a stored message as a server reports it,
// computed by Build in one streaming pass over the message's bytes.
//
// The values are those Dovecot 2.3 reports for the same bytes, field by
// field. Sizes and line counts are those of the message's canonical form,
// in which every line ends in CRLF: a bare LF counts as CRLF, as IMAP
// servers present stored messages (see Build for the details).
type Message struct {
	// Body is the BODYSTRUCTURE, extension data included; its
	// NonExtensible copy is the BODY.
	Body *Body
	// Envelope is the ENVELOPE of the message's header.
	Envelope *Envelope
	// Size is the RFC822.SIZE: the size of the canonical form.
	Size int64

	root *node
}

// Limits of the MIME parser, Dovecot's (lib-mail message-parser.h). A part
// nested deeper, or a part past the total, is not parsed as a multipart
// or message/rfc822: it becomes a leaf reported as
// "application/octet-stream", and past the total no further boundary is
// recognised.
const (
	// MaxNestedParts bounds the nesting of multipart and message/rfc822
	// parts: the message itself is at level 0, and a container at level
	// MaxNestedParts-1 is not opened.
	MaxNestedParts = 100
	// MaxTotalParts bounds the number of parts of a message, the message
	// itself included.
	MaxTotalParts = 10000
	// MaxHeaderBlock bounds the header field values kept from one header
	// (the message's, or a part's): longer values are cut, though the
	// header's size is still counted in full.
	MaxHeaderBlock = 10 << 20
	// MaxAllHeaders bounds the header bytes kept from all the headers of
	// a message.
	MaxAllHeaders = 50 << 20
	// maxBoundary is the length a boundary parameter is cut to.
	maxBoundary = 80
	// maxHeaderName is the longest header field name; a longer one makes
	// the whole line a nameless value.
	maxHeaderName = 1000
)

// Part flags, as Dovecot's message_part flags.
const (
	flagMIME      = 1 << iota // the part is MIME: its Content-* fields count
	flagMultipart             // a multipart with a boundary to look for
	flagDigest                // multipart/digest: children default to message/rfc822
	flagRFC822                // message/rfc822, with a child part
	flagText                  // text/*, reported with a line count
	flagOverflow              // a limit was reached in this part
)

// A size is the size of a region of a part in the stored form (phys, in
// which line ends are as the input had them), in the canonical form
// (virt, every line end CRLF), and in lines.
type size struct {
	phys, virt, lines int64
}

func (s *size) add(o size) {
	s.phys += o.phys
	s.virt += o.virt
	s.lines += o.lines
}

// A node is one part of the parsed message.
type node struct {
	parent   *node
	children []*node
	flags    uint8
	// hdrRaw and bodyRaw are the offsets in the input of the first byte
	// of the header and of the body, both at line starts (or at the end
	// of the input); endRaw is the offset just past the body's last byte.
	hdrRaw, bodyRaw, endRaw int64
	hdr, body               size
	// eoh reports that the header ended with an empty line.
	eoh bool
	// fields are the Content-* fields, nil when there are none.
	fields *contentFields
	// env is the envelope of the message itself and of the part inside a
	// message/rfc822 part.
	env *envelopeFields
}

// A boundary is a multipart boundary being looked for.
type boundary struct {
	part     *node
	b        []byte
	epilogue bool // the last boundary line found closed the multipart
}

// mimeParser is the state of Build.
type mimeParser struct {
	lr       lineReader
	root     *node
	cur      *node
	stack    []*boundary // innermost last
	nested   int         // depth of cur
	total    int         // parts so far
	allHdrs  int64       // header bytes counted against MaxAllHeaders
	inHeader bool

	// Header state.
	seenCT     bool
	lastBound  []byte // boundary parameter of the part's Content-Type
	hasBound   bool
	prevNL     int64 // stored size of the last header line's end
	field      headerField
	blockTotal int64 // value bytes kept from this header block
	blockMax   int64
	wantEnv    bool
	eohPending bool // the header's empty line was the last line read

	// Body state.
	pendNL    int64 // stored size of the line end not yet given to a part (0 none)
	skipLine  bool  // inside the rest of a boundary line
	lineStart bool  // the next line or piece starts a line
	lineRaw   int64 // input offset of the current line or piece
	textEnd   int64 // input offset just past the text of the last line, before its line end
}

// headerField is the header field being read.
type headerField struct {
	active bool
	name   []byte
	keep   bool // the value is kept and parsed when the field ends
	value  []byte
	first  bool // value holds the first line only so far
}

// Build reads a message (RFC 5322, with MIME) from r and computes its
// structure: BODYSTRUCTURE, ENVELOPE, RFC822.SIZE, and the offsets that
// Section, Binary and BinarySize need.
//
// Build reads r once, through a buffer, and keeps the header fields it
// reports and the offsets of each part, never a body: memory does not grow
// with the size of an attachment. It never fails on the message's content,
// whatever the bytes; the only errors are those of r.
//
// The values are Dovecot 2.3's for the same bytes as APPEND stores them:
// a CR just before an LF belongs to the line end, a CR that is the last
// byte of the message is dropped, NUL bytes in header fields read as 0x80,
// and every line end counts as CRLF in sizes.
func Build(r io.Reader) (*Message, error) {
	p := &mimeParser{}
	p.lr.init(r)
	p.root = &node{endRaw: -1}
	p.cur = p.root
	p.total = 1
	p.lineStart = true
	p.startHeader(0)
	for {
		line, raw, err := p.lr.next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, err
		}
		p.feed(line, raw)
	}
	p.finish()
	m := &Message{root: p.root}
	m.Size = p.root.hdr.virt + p.root.body.virt
	if p.root.plain7bit() {
		// Dovecot caches such a message as a flag and reports it in
		// this fixed form, whatever the case of the header.
		m.Body = &Body{Type: "text", Subtype: "plain", Params: []Param{{"charset", "us-ascii"}},
			Encoding: "7bit", Size: uint32(p.root.body.virt), Lines: uint64(p.root.body.lines), Ext: &Extension{}}
	} else {
		m.Body = p.root.toBody(true)
	}
	env := p.root.env
	if env == nil {
		env = &envelopeFields{}
	}
	m.Envelope = env.envelope()
	return m, nil
}

// startHeader begins the header of p.cur at the current position.
func (p *mimeParser) startHeader(at int64) {
	p.inHeader = true
	p.seenCT = false
	p.lastBound, p.hasBound = nil, false
	p.prevNL = 0
	p.eohPending = false
	p.field = headerField{}
	p.blockTotal = 0
	p.blockMax = MaxHeaderBlock
	p.cur.hdrRaw = at
	p.wantEnv = p.cur.parent == nil || p.cur.parent.flags&flagRFC822 != 0
	if p.wantEnv {
		p.cur.env = &envelopeFields{}
	}
}

// feed handles one line or piece of line in the stored form; raw is the
// input offset of its first byte.
func (p *mimeParser) feed(line []byte, raw int64) {
	start := p.lineStart
	p.lineStart = line[len(line)-1] == '\n'
	p.lineRaw = raw
	defer func() { p.textEnd = raw + int64(len(line)) - lineEnd(line) }()
	for p.inHeader {
		if p.header(line, start) {
			return
		}
		// The header ended at a boundary line, which is the body's
		// first line (or the next part's header's).
	}
	p.bodyLine(line, start)
}

// lineEnd returns the stored size of the line end of line: 0, 1 for LF or
// 2 for CRLF.
func lineEnd(line []byte) int64 {
	n := len(line)
	if n == 0 || line[n-1] != '\n' {
		return 0
	}
	if n > 1 && line[n-2] == '\r' {
		return 2
	}
	return 1
}

// count returns the size of a piece of stored text.
func count(b []byte) size {
	s := size{phys: int64(len(b)), virt: int64(len(b))}
	for i := bytes.IndexByte(b, '\n'); i >= 0; {
		s.lines++
		if i == 0 || b[i-1] != '\r' {
			s.virt++
		}
		j := bytes.IndexByte(b[i+1:], '\n')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return s
}

// header handles a line of a header; it returns false when the header
// ended at a boundary line, which must then be read as body.
func (p *mimeParser) header(line []byte, start bool) bool {
	n := p.cur
	if p.eohPending {
		// The line after the empty line ending the header.
		p.eohPending = false
		if b := p.findBoundary(line); start && b != nil && b.part != n {
			p.endHeader(p.moveNL())
			return false
		}
		p.endHeader(p.lineRaw)
		return false
	}
	if !start {
		// The rest of a long header line.
		p.fieldMore(line, false)
		n.hdr.add(count(line))
		p.prevNL = lineEnd(line)
		return true
	}
	cont := isLWSP(line[0]) && p.field.active
	if !cont {
		p.endField()
	}
	blank := line[0] == '\n' || (len(line) == 2 && line[0] == '\r' && line[1] == '\n')
	if blank && p.hasBound && n.flags&flagMIME != 0 {
		// The multipart's own boundary is looked for from here on.
		if p.nested+1 < MaxNestedParts {
			p.stack = append(p.stack, &boundary{part: n, b: p.lastBound})
		} else {
			n.flags |= flagOverflow
			n.flags &^= flagMultipart
		}
	}
	if b := p.findBoundary(line); b != nil && b.part != n {
		p.endHeader(p.moveNL())
		return false
	}
	if blank {
		// The header ends here, but its last line end goes to the parent
		// if a boundary line follows: the next line decides.
		n.hdr.add(size{phys: int64(len(line)), virt: 2, lines: 1})
		n.eoh = true
		p.prevNL = lineEnd(line)
		p.eohPending = true
		return true
	}
	if cont {
		p.fieldMore(line, true)
	} else {
		p.fieldStart(line)
	}
	n.hdr.add(count(line))
	p.prevNL = lineEnd(line)
	return true
}

// moveNL gives the line end of the header's last line to the parent, as
// the line end before a boundary belongs to the boundary; it returns the
// input offset where the header now ends.
func (p *mimeParser) moveNL() int64 {
	n := p.cur
	n.endRaw = p.lineRaw
	if p.prevNL > 0 {
		n.hdr.lines--
		n.hdr.phys -= p.prevNL
		n.hdr.virt -= 2
		n.parent.body.lines++
		n.parent.body.phys += p.prevNL
		n.parent.body.virt += 2
		n.endRaw = p.textEnd
	}
	return n.endRaw
}

// trimEOL returns line without its stored line end.
func trimEOL(line []byte) []byte {
	return line[:len(line)-int(lineEnd(line))]
}

// budget returns how many more value bytes this header block may keep.
func (p *mimeParser) budget() int64 {
	max := p.blockMax
	if left := MaxAllHeaders - p.allHdrs; left < max {
		max = left
	}
	if max < 0 {
		max = 0
	}
	left := max - p.blockTotal - int64(len(p.field.value))
	if left < 0 {
		return 0
	}
	return left
}

// fieldStart begins a header field with its first line.
func (p *mimeParser) fieldStart(line []byte) {
	f := &p.field
	text := trimEOL(line)
	f.active = true
	f.first = true
	var name, value []byte
	if i := bytes.IndexByte(text, ':'); i < 0 {
		value = text
	} else {
		value = text[i+1:]
		j := 0
		for j < len(value) && isLWSP(value[j]) {
			j++
		}
		if j == len(value) && j > 0 {
			j = 1
		}
		value = value[j:]
		k := i
		for k > 0 && isLWSP(text[k-1]) {
			k--
		}
		if k > maxHeaderName {
			value = text
		} else {
			name = text[:k]
			p.allHdrs += int64(len(text) - len(value))
		}
	}
	f.name = append(f.name[:0], name...)
	f.keep = p.interesting(cName(f.name))
	p.allHdrs += int64(len(value))
	if !f.keep {
		// Dovecot keeps the first line of every field.
		p.blockTotal += min(int64(len(value)), p.budget())
		f.value = f.value[:0]
		return
	}
	f.value = append(f.value[:0], value[:min(int64(len(value)), p.budget())]...)
}

// fieldMore adds to the current field a continuation line (cont) or the
// rest of a line too long for one read (!cont), which follows without a
// line break.
func (p *mimeParser) fieldMore(line []byte, cont bool) {
	f := &p.field
	if !f.active {
		return
	}
	text := trimEOL(line)
	p.allHdrs += int64(len(text))
	if !f.keep {
		return
	}
	text = text[:min(int64(len(text)), p.budget())]
	if cont && len(text) > 1 {
		f.value = append(f.value, '\n')
	}
	f.value = append(f.value, text...)
}

// cName returns a field name as Dovecot compares it: as a C string, up to
// a NUL byte.
func cName(name []byte) []byte {
	if i := bytes.IndexByte(name, 0); i >= 0 {
		return name[:i]
	}
	return name
}

// interesting reports whether a field's value is kept for parsing.
func (p *mimeParser) interesting(name []byte) bool {
	if hasPrefixFold(name, "Content-") {
		return true
	}
	return p.wantEnv && isEnvelopeField(string(name))
}

// endField handles the header field just completed.
func (p *mimeParser) endField() {
	f := &p.field
	if !f.active {
		return
	}
	f.active = false
	n := p.cur
	name := string(cName(f.name))
	switch {
	case equalFoldASCII(name, "MIME-Version"):
		n.flags |= flagMIME
	case equalFoldASCII(name, "Content-Type"):
		n.flags |= flagMIME
		if !p.seenCT {
			p.seenCT = true
			p.contentTypeFlags(f.value)
		}
	}
	if f.keep {
		if hasPrefixFold([]byte(name), "Content-") {
			if n.fields == nil {
				n.fields = &contentFields{}
			}
			n.fields.header(name[len("Content-"):], f.value)
		}
		if p.wantEnv {
			n.env.header(name, f.value)
		}
		p.blockTotal += int64(len(f.value))
	}
}

// contentTypeFlags sets the part's flags from its first Content-Type.
func (p *mimeParser) contentTypeFlags(v []byte) {
	l := lexer{s: v}
	l.skipCFWS()
	ct, r := l.contentType()
	n := p.cur
	switch {
	case equalFoldASCII(string(ct), "message/rfc822"):
		n.flags |= flagRFC822
	case hasPrefixFold(ct, "text") && (len(ct) == 4 || ct[4] == '/'):
		n.flags |= flagText
	case hasPrefixFold(ct, "multipart/"):
		n.flags |= flagMultipart
		if equalFoldASCII(string(ct[len("multipart/"):]), "digest") {
			n.flags |= flagDigest
		}
	}
	if r < 0 || n.flags&flagMultipart == 0 || p.hasBound {
		return
	}
	for _, prm := range l.params() {
		if equalFoldASCII(prm.Name, "boundary") {
			b := []byte(prm.Value)
			if len(b) > maxBoundary {
				b = b[:maxBoundary]
			}
			p.lastBound, p.hasBound = b, true
			break
		}
	}
}

// endHeader ends the header of p.cur and decides how its body is read.
func (p *mimeParser) endHeader(at int64) {
	n := p.cur
	p.inHeader = false
	n.bodyRaw = at
	if n.flags&flagMIME == 0 {
		n.flags = 0
		n.fields = nil
	}
	if !p.seenCT || n.flags&flagMIME == 0 {
		if n.parent != nil && n.parent.flags&flagDigest != 0 {
			n.flags |= flagRFC822
		} else {
			n.flags |= flagText
		}
	}
	multipart := len(p.stack) > 0 && p.stack[len(p.stack)-1].part == n
	if multipart || n.flags&flagRFC822 == 0 {
		return
	}
	if p.nested+1 < MaxNestedParts && p.total < MaxTotalParts {
		p.appendChild(0)
		p.startHeader(at)
		return
	}
	n.flags |= flagOverflow
	n.flags &^= flagRFC822
}

// appendChild makes a new part the current one.
func (p *mimeParser) appendChild(flags uint8) {
	c := &node{parent: p.cur, flags: flags, endRaw: -1}
	p.cur.children = append(p.cur.children, c)
	p.cur = c
	p.nested++
	p.total++
}

// finishPart closes p.cur, whose body ends at the input offset end,
// adding its sizes to its parent's body.
func (p *mimeParser) finishPart(end int64) {
	n := p.cur
	if n.endRaw < 0 {
		n.endRaw = end
	}
	n.parent.body.add(n.body)
	n.parent.body.add(n.hdr)
	p.cur = n.parent
	p.nested--
}

// findBoundary returns the boundary that the line starting with line
// opens, if any.
func (p *mimeParser) findBoundary(line []byte) *boundary {
	if len(p.stack) == 0 || len(line) < 2 || line[0] != '-' || line[1] != '-' {
		return nil
	}
	if p.total >= MaxTotalParts {
		p.cur.flags |= flagOverflow
		return nil
	}
	data := line[2:]
	find := data
	trailing := false
	if len(data) > 0 && data[len(data)-1] == '\n' {
		find = trimEOL(data)
		if len(find) > 2 && find[len(find)-1] == '-' && find[len(find)-2] == '-' {
			trailing = true
		}
	}
	var best *boundary
	for i := len(p.stack) - 1; i >= 0; i-- {
		b := p.stack[i]
		if len(b.b) <= len(find) && bytes.Equal(b.b, find[:len(b.b)]) && (best == nil || len(best.b) < len(b.b)) {
			best = b
			if len(b.b) == len(find) || (len(b.b) == len(find)-2 && trailing) {
				break
			}
		}
	}
	if best != nil {
		best.epilogue = len(find) >= len(best.b)+2 && find[len(best.b)] == '-' && find[len(best.b)+1] == '-'
	}
	return best
}

// bodyLine handles a line or piece of a body.
func (p *mimeParser) bodyLine(line []byte, start bool) {
	if p.skipLine {
		// The rest of a boundary line belongs to the multipart.
		p.cur.body.add(count(line))
		if line[len(line)-1] == '\n' {
			p.skipLine = false
			p.afterBoundary()
		}
		return
	}
	if start {
		if b := p.findBoundary(line); b != nil {
			p.partFinish(b, line)
			return
		}
		if p.pendNL > 0 {
			p.cur.body.add(size{phys: p.pendNL, virt: 2, lines: 1})
			p.pendNL = 0
		}
	}
	nl := lineEnd(line)
	text := line[:len(line)-int(nl)]
	p.cur.body.add(size{phys: int64(len(text)), virt: int64(len(text))})
	p.pendNL = nl
}

// partFinish closes the parts inside the multipart whose boundary line
// starts with line.
func (p *mimeParser) partFinish(b *boundary, line []byte) {
	end := p.lineRaw
	if p.pendNL > 0 {
		end = p.textEnd
	}
	for p.cur != b.part {
		p.finishPart(end)
	}
	// Forget the boundaries of the parts just closed, and this one too if
	// it was the closing boundary.
	i := len(p.stack) - 1
	for p.stack[i] != b {
		i--
	}
	if b.epilogue {
		p.stack = p.stack[:i]
	} else {
		p.stack = p.stack[:i+1]
	}
	n := p.cur
	if p.pendNL > 0 {
		n.body.add(size{phys: p.pendNL, virt: 2, lines: 1})
		p.pendNL = 0
	}
	k := 2 + len(b.b)
	if b.epilogue {
		k += 2
	}
	n.body.add(size{phys: int64(k), virt: int64(k)})
	rest := line[k:]
	n.body.add(count(rest))
	if len(line) == 0 || line[len(line)-1] != '\n' {
		p.skipLine = true
		return
	}
	p.afterBoundary()
}

// afterBoundary starts what follows a boundary line: a new part, or more
// of the multipart's body (its epilogue).
func (p *mimeParser) afterBoundary() {
	if len(p.stack) == 0 || p.stack[len(p.stack)-1].part != p.cur {
		return
	}
	p.appendChild(flagMIME)
	p.startHeader(p.lr.off)
}

// finish ends the parse at the end of the input.
func (p *mimeParser) finish() {
	if p.pendNL > 0 {
		p.cur.body.add(size{phys: p.pendNL, virt: 2, lines: 1})
		p.pendNL = 0
	}
	for p.inHeader {
		p.endField()
		p.eohPending = false
		p.endHeader(p.lr.off)
	}
	end := p.lr.off - p.lr.dropped
	for p.cur.parent != nil {
		p.finishPart(end)
	}
	p.root.endRaw = end
}

// toBody converts the parsed part into a Body, with extension data when ext
// is set, as Dovecot writes it.
func (n *node) toBody(ext bool) *Body {
	f := n.fields
	if f == nil {
		f = &contentFields{}
	}
	if n.flags&flagMultipart != 0 {
		b := &Body{Type: "MULTIPART", Subtype: deref(f.subtype)}
		for _, c := range n.children {
			b.Parts = append(b.Parts, c.toBody(ext))
		}
		if len(b.Parts) == 0 {
			b.Parts = []*Body{emptyPart(ext)}
		}
		if ext {
			b.Params = f.params
			b.Ext = f.extension(wire.NString{})
		}
		return b
	}
	b := &Body{}
	text := false
	switch {
	case n.flags&flagRFC822 != 0:
		b.Type, b.Subtype = "message", "rfc822"
	case n.truncated():
		b.Type, b.Subtype = "application", "octet-stream"
	case f.typ == nil:
		b.Type, b.Subtype = "text", "plain"
		text = true
	default:
		b.Type, b.Subtype = *f.typ, deref(f.subtype)
		text = equalFoldASCII(b.Type, "text")
	}
	b.Params = f.params
	if text {
		seen := false
		for _, prm := range b.Params {
			if equalFoldASCII(prm.Name, "charset") {
				seen = true
			}
		}
		if !seen {
			b.Params = append(b.Params[:len(b.Params):len(b.Params)], Param{"charset", "us-ascii"})
		}
	}
	b.ID = nstrNoLF(f.id)
	b.Description = nstrNoLF(f.desc)
	b.Encoding = "7bit"
	if f.encoding != nil {
		b.Encoding = *f.encoding
	}
	b.Size = uint32(n.body.virt)
	switch {
	case text:
		b.Lines = uint64(n.body.lines)
	case n.flags&flagRFC822 != 0:
		c := n.children[0]
		env := c.env
		if env == nil {
			env = &envelopeFields{}
		}
		b.Envelope = env.envelope()
		b.Part = c.toBody(ext)
		b.Lines = uint64(n.body.lines)
	}
	if ext {
		b.Ext = f.extension(nstrNoLF(f.md5))
	}
	return b
}

// plain7bit reports whether the message is a text/plain part whose only
// parameter, if any, is charset=us-ascii, in 7bit, with no other field that
// BODYSTRUCTURE reports: Dovecot writes those in a fixed lower-case form.
func (n *node) plain7bit() bool {
	if n.flags&flagText == 0 {
		return false
	}
	f := n.fields
	if f == nil {
		return true
	}
	if f.subtype != nil && !equalFoldASCII(*f.subtype, "plain") {
		return false
	}
	if len(f.params) > 1 || (len(f.params) == 1 &&
		(!equalFoldASCII(f.params[0].Name, "charset") || !equalFoldASCII(f.params[0].Value, "us-ascii"))) {
		return false
	}
	if f.encoding != nil && !equalFoldASCII(*f.encoding, "7bit") {
		return false
	}
	return f.id == nil && f.desc == nil && f.md5 == nil && f.disposition == nil &&
		f.language == nil && f.location == nil
}

// truncated reports whether a leaf stands for a container that a limit
// kept from being parsed; Dovecot reports those as application/octet-stream.
func (n *node) truncated() bool {
	f := n.fields
	if f != nil && f.typ != nil {
		return (equalFoldASCII(*f.typ, "message") && equalFoldASCII(deref(f.subtype), "rfc822")) ||
			equalFoldASCII(*f.typ, "multipart")
	}
	return n.parent != nil && n.parent.flags&flagDigest != 0
}

// extension returns the extension data of the fields.
func (f *contentFields) extension(md5 wire.NString) *Extension {
	x := &Extension{MD5: md5, Language: f.language, Location: nstrNoLF(f.location)}
	if f.disposition != nil {
		x.Disposition = &Disposition{Type: *f.disposition, Params: f.dispParams}
	}
	return x
}

// emptyPart is what Dovecot reports for a multipart without parts.
func emptyPart(ext bool) *Body {
	b := &Body{Type: "text", Subtype: "plain", Params: []Param{{"charset", "us-ascii"}}, Encoding: "7bit"}
	if ext {
		b.Ext = &Extension{}
	}
	return b
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func nstrNoLF(s *string) wire.NString {
	if s == nil {
		return wire.NString{}
	}
	return wire.Str(noLF([]byte(*s)))
}

// NonExtensible returns a deep copy of b without extension data: the BODY
// form of a BODYSTRUCTURE. The parameters of a multipart, which only the
// extension data carries, are dropped too.
func (b *Body) NonExtensible() *Body {
	if b == nil {
		return nil
	}
	c := *b
	c.Ext = nil
	c.Params = cloneParams(b.Params)
	if b.Parts != nil {
		c.Params = nil
		c.Parts = make([]*Body, len(b.Parts))
		for i, p := range b.Parts {
			c.Parts[i] = p.NonExtensible()
		}
	}
	c.Part = b.Part.NonExtensible()
	c.Envelope = b.Envelope.clone()
	return &c
}

func cloneParams(ps []Param) []Param {
	if ps == nil {
		return nil
	}
	return append([]Param(nil), ps...)
}

func (e *Envelope) clone() *Envelope {
	if e == nil {
		return nil
	}
	c := *e
	cl := func(a []Address) []Address {
		if a == nil {
			return nil
		}
		return append([]Address(nil), a...)
	}
	c.From, c.Sender, c.ReplyTo = cl(e.From), cl(e.Sender), cl(e.ReplyTo)
	c.To, c.Cc, c.Bcc = cl(e.To), cl(e.Cc), cl(e.Bcc)
	return &c
}

// readBufSize is the size of Build's read buffer, and so the longest piece
// of a line it handles at once.
const readBufSize = 64 << 10

// A lineReader reads the input line by line, in the stored form: a CR
// just before an LF is dropped (the line end is then LF), a CR that is the
// last byte of the input is dropped. A line longer than the buffer comes
// in pieces.
type lineReader struct {
	r    io.Reader
	buf  []byte
	s, e int
	scan int   // buf[s:scan] has no LF
	off  int64 // input offset of buf[s]
	err  error
	idle int // reads in a row that returned nothing
	// dropped is 1 when the input's last byte was a CR, dropped.
	dropped int64
}

func (lr *lineReader) init(r io.Reader) {
	lr.r = r
	lr.buf = make([]byte, 4<<10)
}

// next returns the next line (with its LF) or piece of line, and the input
// offset of its first byte. It returns io.EOF at the end of the input.
func (lr *lineReader) next() ([]byte, int64, error) {
	for {
		if lr.scan < lr.s {
			lr.scan = lr.s
		}
		if i := bytes.IndexByte(lr.buf[lr.scan:lr.e], '\n'); i >= 0 {
			raw := lr.off
			line := lr.take(lr.scan + i + 1)
			if n := len(line); n >= 2 && line[n-2] == '\r' {
				line[n-2] = '\n'
				line = line[:n-1]
			}
			return line, raw, nil
		}
		if lr.err != nil {
			if lr.err != io.EOF || lr.s == lr.e {
				return nil, lr.off, lr.err
			}
			raw := lr.off
			line := lr.take(lr.e)
			if line[len(line)-1] == '\r' {
				line = line[:len(line)-1]
				lr.dropped = 1
			}
			if len(line) == 0 {
				return nil, lr.off, io.EOF
			}
			return line, raw, nil
		}
		if lr.s == 0 && lr.e == len(lr.buf) && len(lr.buf) < readBufSize {
			// The buffer grows for long lines, up to readBufSize.
			lr.buf = append(lr.buf, make([]byte, len(lr.buf))...)[:2*len(lr.buf)]
		}
		if lr.s == 0 && lr.e == len(lr.buf) {
			// A piece of a long line. A CR at its end waits for the
			// next read: it may be the CR of a CRLF.
			end := lr.e
			if lr.buf[end-1] == '\r' {
				end--
			}
			raw := lr.off
			return lr.take(end), raw, nil
		}
		lr.scan = lr.e
		if lr.s > 0 {
			lr.e = copy(lr.buf, lr.buf[lr.s:lr.e])
			lr.scan -= lr.s
			lr.s = 0
		}
		n, err := lr.r.Read(lr.buf[lr.e:])
		if n < 0 || n > len(lr.buf)-lr.e {
			return nil, lr.off, errors.New("bodystructure: reader returned a bad count")
		}
		lr.e += n
		if err != nil {
			lr.err = err
		} else if n == 0 {
			if lr.idle++; lr.idle >= 100 {
				lr.err = io.ErrNoProgress
			}
		} else {
			lr.idle = 0
		}
	}
}

// take consumes buf[s:end] and returns it.
func (lr *lineReader) take(end int) []byte {
	line := lr.buf[lr.s:end]
	lr.off += int64(end - lr.s)
	lr.s = end
	return line
}
