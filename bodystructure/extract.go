package bodystructure

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// Errors of Section, Binary and BinarySize.
var (
	// ErrNoPart reports a part that the message does not have, or a
	// HEADER, TEXT or HEADER.FIELDS section of a part that is not a
	// message/rfc822 part. Dovecot answers such a fetch with an empty
	// string (BODY[7] "", BINARY.SIZE[7] 0) rather than an error.
	ErrNoPart = errors.New("bodystructure: no such part")
	// ErrMIMEWithoutPart reports a MIME section without a part number,
	// which RFC 9051 does not allow (Dovecot answers BAD).
	ErrMIMEWithoutPart = errors.New("bodystructure: MIME section without a part number")
	// ErrUnknownCTE reports a BINARY fetch of a part (or of a part inside
	// it) whose Content-Transfer-Encoding is not one of 7bit, 8bit,
	// binary, base64 and quoted-printable. RFC 3516 has the server answer
	// NO [UNKNOWN-CTE].
	ErrUnknownCTE = errors.New("bodystructure: unknown content-transfer-encoding")
	// ErrBadEncoding reports base64 or quoted-printable data that does
	// not decode. Dovecot answers such a BINARY fetch with NO [PARSE]
	// (or, for data cut short, drops the connection).
	ErrBadEncoding = errors.New("bodystructure: invalid content-transfer-encoded data")
)

// find returns the part that the part number names, as Dovecot finds it
// (RFC 9051 §6.4.5): {} is the message, n.1 of a message/rfc822 part n is
// the encapsulated message's first part (or its body, when it is not a
// multipart), and 1 of a part that is not a multipart is the part itself.
func (m *Message) find(part []int) *node {
	n := m.root
	for i, num := range part {
		if n.flags&flagMultipart != 0 {
			if num < 0 || num > len(n.children) || len(n.children) == 0 {
				return nil
			}
			if num > 0 {
				num--
			}
			n = n.children[num]
		} else if num != 1 || (i+1 < len(part) && n.flags&flagRFC822 == 0) {
			return nil
		}
		if i+1 < len(part) && n.flags&flagRFC822 != 0 {
			n = n.children[0]
		}
	}
	return n
}

// Section returns the bytes of BODY[s] and their number, which is known
// before they are read; src must hold the bytes given to Build. Partial.Cut
// cuts a partial range (BODY[s]<o.n>) from them.
//
// The bytes are those of the canonical form (line ends CRLF, NUL as 0x80,
// see Build). The MIME header of a part and the HEADER of a message end
// with their empty line; HEADER.FIELDS and HEADER.FIELDS.NOT keep the
// fields they select in message order, continuation lines included, field
// names compared case-insensitively, followed by the empty line. The MIME
// header of a message/rfc822 part is its own header, as Dovecot has it.
//
// A part that does not exist, and a HEADER, TEXT or HEADER.FIELDS section
// of a part that is not message/rfc822, is ErrNoPart; a MIME section
// without a part number is ErrMIMEWithoutPart.
func (m *Message) Section(src io.ReaderAt, s Section) (io.Reader, int64, error) {
	if s.Specifier == SpecifierMIME && len(s.Part) == 0 {
		return nil, 0, ErrMIMEWithoutPart
	}
	n := m.find(s.Part)
	if n == nil {
		return nil, 0, ErrNoPart
	}
	switch s.Specifier {
	case SpecifierNone:
		if len(s.Part) == 0 {
			return newView(src, 0, n.hdr.virt+n.body.virt), n.hdr.virt + n.body.virt, nil
		}
		return newView(src, n.bodyRaw, n.body.virt), n.body.virt, nil
	case SpecifierMIME:
		return newView(src, n.hdrRaw, n.hdr.virt), n.hdr.virt, nil
	}
	if len(s.Part) > 0 {
		if n.flags&flagRFC822 == 0 {
			return nil, 0, ErrNoPart
		}
		n = n.children[0]
	}
	switch s.Specifier {
	case SpecifierHeader:
		return newView(src, n.hdrRaw, n.hdr.virt), n.hdr.virt, nil
	case SpecifierText:
		return newView(src, n.bodyRaw, n.body.virt), n.body.virt, nil
	case SpecifierHeaderFields, SpecifierHeaderFieldsNot:
		b, err := headerFields(src, n, s.Fields, s.Specifier == SpecifierHeaderFieldsNot, len(s.Part) == 0)
		if err != nil {
			return nil, 0, err
		}
		return bytes.NewReader(b), int64(len(b)), nil
	}
	return nil, 0, ErrSection
}

// headerFields returns the fields of n's header that names selects (or,
// with not, those it does not), as Dovecot returns them. For the message's
// own header, HEADER.FIELDS gives each selected line with a CRLF and then
// an empty line. Otherwise the header is read as a header filter reads it:
// from n's first byte up to an empty line (past a boundary, if the header
// ends at one) or the end of the input; a line keeps its line end only if
// it had one, and the empty line is there only if the header has one.
func headerFields(src io.ReaderAt, n *node, names []string, not, top bool) ([]byte, error) {
	v := &view{src: src, off: n.hdrRaw, end: -1, n: -1, canon: true}
	if top {
		v.n = n.hdr.virt
	}
	r := bufio.NewReader(v)
	var out []byte
	keep, first := false, true
	for {
		line, err := r.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			// A long line: take it whole.
			line = append([]byte(nil), line...)
			var rest []byte
			rest, err = r.ReadBytes('\n')
			line = append(line, rest...)
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
		if len(line) == 0 {
			break
		}
		text := bytes.TrimSuffix(bytes.TrimSuffix(line, []byte{'\n'}), []byte{'\r'})
		hasEOL := line[len(line)-1] == '\n'
		if len(text) == 0 && hasEOL {
			if !(top && !not) {
				out = append(out, '\r', '\n')
			}
			break
		}
		// A line that is not a continuation starts a field; so does an
		// empty last line without a line end (a lone CR at the end).
		if first || len(text) == 0 || !isLWSP(text[0]) {
			keep = selected(string(cName([]byte(fieldName(text)))), names) != not
		}
		first = false
		if keep {
			for _, c := range text {
				if c == 0 {
					c = 0x80
				}
				out = append(out, c)
			}
			if hasEOL || (top && !not) {
				out = append(out, '\r', '\n')
			}
		}
		if err == io.EOF {
			break
		}
	}
	if top && !not {
		out = append(out, '\r', '\n')
	}
	return out, nil
}

// fieldName returns the name of the header field that line starts, as the
// header parser reads it ("" for a line without a colon).
func fieldName(line []byte) string {
	i := bytes.IndexByte(line, ':')
	if i < 0 {
		return ""
	}
	for i > 0 && isLWSP(line[i-1]) {
		i--
	}
	if i > maxHeaderName {
		return ""
	}
	return string(line[:i])
}

func selected(name string, names []string) bool {
	for _, n := range names {
		if equalFoldASCII(n, name) {
			return true
		}
	}
	return false
}

// A view reads a range of the input transformed: into the stored form (see
// Build), or into the canonical form, which is the stored form with a CR
// added before each LF that has none. It starts at an offset where the
// forms agree with the input (a line start, or the end of a part's text).
type view struct {
	src    io.ReaderAt
	off    int64 // next input offset to read
	end    int64 // input offset to stop at, or -1 for the end of src
	n      int64 // bytes still to give, or -1 for all
	canon  bool  // the canonical form; else the stored form
	nul80  bool  // NUL bytes read as 0x80, as BODY[] gives them
	heldCR bool  // a CR just read, dropped if an LF follows
	lastCR bool  // the last stored byte made was a CR
	done   bool  // no more input
	in     []byte
	out    []byte
	o      int
}

// newView reads n bytes of the canonical form from the input offset off.
func newView(src io.ReaderAt, off, n int64) *view {
	return &view{src: src, off: off, end: -1, n: n, canon: true, nul80: true}
}

// newStored reads the stored form of the input from off to end.
func newStored(src io.ReaderAt, off, end int64) *view {
	return &view{src: src, off: off, end: max(end, off), n: -1}
}

func (v *view) Read(p []byte) (int, error) {
	if v.n == 0 {
		return 0, io.EOF
	}
	for v.o == len(v.out) {
		if v.done {
			if v.n > 0 {
				return 0, io.ErrUnexpectedEOF
			}
			return 0, io.EOF
		}
		if err := v.fill(); err != nil {
			return 0, err
		}
	}
	k := copy(p, v.out[v.o:])
	if v.n >= 0 && int64(k) > v.n {
		k = int(v.n)
	}
	v.o += k
	if v.n > 0 {
		v.n -= int64(k)
	}
	return k, nil
}

// fill transforms the next chunk of input into v.out.
func (v *view) fill() error {
	if v.in == nil {
		v.in = make([]byte, 32<<10)
	}
	want := v.in
	if v.end >= 0 && v.end-v.off < int64(len(want)) {
		want = want[:v.end-v.off]
	}
	k, err := v.src.ReadAt(want, v.off)
	v.off += int64(k)
	switch {
	case err == io.EOF || (v.end >= 0 && v.off >= v.end):
		v.done = true
	case err != nil:
		return err
	case k == 0:
		return io.ErrNoProgress
	}
	out := v.out[:0]
	for _, c := range v.in[:k] {
		switch c {
		case '\r':
			if v.heldCR {
				out = v.emit(out, '\r')
			}
			v.heldCR = true
		case '\n':
			v.heldCR = false
			out = v.emit(out, '\n')
		default:
			if v.heldCR {
				v.heldCR = false
				out = v.emit(out, '\r')
			}
			if c == 0 && v.nul80 {
				c = 0x80
			}
			out = v.emit(out, c)
		}
	}
	if v.done && v.heldCR && v.end >= 0 {
		// A CR at the end of a part's text is data; only the input's
		// last byte is dropped.
		v.heldCR = false
		out = v.emit(out, '\r')
	}
	v.out, v.o = out, 0
	return nil
}

func (v *view) emit(out []byte, c byte) []byte {
	if c == '\n' && v.canon && !v.lastCR {
		out = append(out, '\r')
	}
	v.lastCR = c == '\r'
	return append(out, c)
}

// Content-transfer-encodings as BINARY sees them.
const (
	cteIdentity = iota // 7bit, 8bit, binary, or none
	cteBase64
	cteQP
	cteUnknown
)

// Binary returns the bytes of BINARY[part] (RFC 3516): the part's body
// with its content-transfer-encoding undone; src must hold the bytes given
// to Build. A nil part is the whole message.
//
// As in Dovecot, a multipart or message/rfc822 part (or the message) is
// returned whole, each part inside it decoded, and the header of each
// part that was base64 or quoted-printable says
// "Content-Transfer-Encoding: binary" instead; 7bit, 8bit and binary parts
// are returned as they are, in the canonical form. When no body inside
// needed decoding, the bytes are those of BODY[part] (BODY[] for the
// message), headers unchanged. The encoding is read from the part's last
// Content-Transfer-Encoding field, whether or not the message is MIME. NUL
// bytes stay NUL (BINARY answers with literal8). An encoding other than
// those is ErrUnknownCTE; data that does not decode makes the reader fail
// with ErrBadEncoding. A part that does not exist is ErrNoPart.
func (m *Message) Binary(src io.ReaderAt, part []int) (io.Reader, error) {
	n := m.find(part)
	if n == nil {
		return nil, ErrNoPart
	}
	whole := len(part) == 0
	c := binaryConv{src: src, copyStart: n.hdrRaw}
	if err := c.add(n, whole); err != nil {
		return nil, err
	}
	if !c.converted {
		// Nothing to decode: the bytes as they are, headers unchanged.
		v := newView(src, n.bodyRaw, n.body.virt)
		if whole {
			v = newView(src, n.hdrRaw, n.hdr.virt+n.body.virt)
		}
		v.nul80 = false
		return v, nil
	}
	return io.MultiReader(c.segs...), nil
}

// BinarySize returns the size of BINARY[part], which takes decoding the
// part; the errors are those of Binary and of reading src.
func (m *Message) BinarySize(src io.ReaderAt, part []int) (int64, error) {
	r, err := m.Binary(src, part)
	if err != nil {
		return 0, err
	}
	return io.Copy(io.Discard, r)
}

// binaryConv assembles the readers of a BINARY fetch.
type binaryConv struct {
	src       io.ReaderAt
	segs      []io.Reader
	copyStart int64 // input offset from which bytes are copied as they are
	converted bool  // a body was decoded
}

// copyTo adds the input from copyStart to end as it is.
func (c *binaryConv) copyTo(end int64) {
	if end > c.copyStart {
		c.segs = append(c.segs, &view{src: c.src, off: c.copyStart, end: end, n: -1, canon: true})
	}
	c.copyStart = max(c.copyStart, end)
}

func (c *binaryConv) add(n *node, withHeader bool) error {
	hv := newView(c.src, n.hdrRaw, n.hdr.virt)
	hv.nul80 = false
	hdr, err := io.ReadAll(hv)
	if err != nil {
		return err
	}
	cte := headerCTE(hdr)
	if cte == cteUnknown {
		return ErrUnknownCTE
	}
	switch {
	case !withHeader:
	case cte == cteBase64 || cte == cteQP:
		c.copyTo(n.hdrRaw)
		c.segs = append(c.segs, bytes.NewReader(binaryHeader(hdr, n.eoh)))
	default:
		c.copyTo(n.bodyRaw)
	}
	c.copyStart = n.bodyRaw
	if len(n.children) > 0 {
		for _, ch := range n.children {
			if err := c.add(ch, true); err != nil {
				return err
			}
		}
		c.copyTo(n.endRaw)
		return nil
	}
	if n.body.phys > 0 {
		body := newStored(c.src, n.bodyRaw, n.endRaw)
		switch cte {
		case cteBase64:
			c.segs = append(c.segs, &base64Reader{r: body})
			c.converted = true
		case cteQP:
			c.segs = append(c.segs, &qpReader{r: body})
			c.converted = true
		default:
			body.canon = true
			c.segs = append(c.segs, body)
		}
	}
	c.copyStart = max(c.copyStart, n.endRaw)
	return nil
}

// headerCTE returns the encoding named by the last line of a
// Content-Transfer-Encoding field in a header (canonical form). Like
// Dovecot, it reads the field's first line only: a folded value is
// unknown.
func headerCTE(hdr []byte) int {
	cte := cteIdentity
	name := ""
	for len(hdr) > 0 {
		line := hdr
		if i := bytes.IndexByte(hdr, '\n'); i >= 0 {
			line = hdr[:i+1]
		}
		hdr = hdr[len(line):]
		text := bytes.TrimSuffix(bytes.TrimSuffix(line, []byte{'\n'}), []byte{'\r'})
		if len(text) == 0 {
			break
		}
		var value []byte
		if isLWSP(text[0]) && name != "" {
			value = nil
		} else {
			name = fieldName(text)
			if i := bytes.IndexByte(text, ':'); i >= 0 {
				value = text[i+1:]
				if len(value) > 0 && isLWSP(value[0]) {
					value = value[1:]
				}
			}
		}
		if equalFoldASCII(name, "Content-Transfer-Encoding") {
			cte = parseCTE(value)
		}
	}
	return cte
}

func parseCTE(v []byte) int {
	l := lexer{s: v}
	l.skipCFWS()
	t, r := l.token(nil)
	if r == 1 {
		l.skipCFWS()
		if l.cur() != ';' {
			return cteUnknown
		}
	}
	switch s := string(t); {
	case equalFoldASCII(s, "7bit"), equalFoldASCII(s, "8bit"), equalFoldASCII(s, "binary"):
		return cteIdentity
	case equalFoldASCII(s, "base64"):
		return cteBase64
	case equalFoldASCII(s, "quoted-printable"):
		return cteQP
	}
	return cteUnknown
}

// binaryHeader returns a header (canonical form) without its
// Content-Transfer-Encoding fields and, if it ends with an empty line,
// with "Content-Transfer-Encoding: binary" before that line.
func binaryHeader(hdr []byte, eoh bool) []byte {
	var out []byte
	drop := false
	for len(hdr) > 0 {
		line := hdr
		if i := bytes.IndexByte(hdr, '\n'); i >= 0 {
			line = hdr[:i+1]
		}
		hdr = hdr[len(line):]
		if eoh && len(hdr) == 0 && bytes.Equal(line, []byte("\r\n")) {
			out = append(out, "Content-Transfer-Encoding: binary\r\n\r\n"...)
			break
		}
		if !isLWSP(line[0]) {
			drop = equalFoldASCII(fieldName(line), "Content-Transfer-Encoding")
		}
		if !drop {
			out = append(out, line...)
		}
	}
	return out
}

// base64Reader decodes base64 as Dovecot does: white space anywhere is
// skipped, anything else outside the alphabet, or data after the padding,
// or a last group cut short, is ErrBadEncoding.
type base64Reader struct {
	r    io.Reader
	in   [4096]byte
	out  []byte
	o    int
	q    [4]byte // the group being read
	nq   int
	pad  int  // '=' seen in the group
	done bool // the padded group is complete: only white space may follow
	err  error
}

func b64val(c byte) int {
	switch {
	case c >= 'A' && c <= 'Z':
		return int(c - 'A')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 26
	case c >= '0' && c <= '9':
		return int(c-'0') + 52
	case c == '+':
		return 62
	case c == '/':
		return 63
	}
	return -1
}

func (b *base64Reader) Read(p []byte) (int, error) {
	for b.o == len(b.out) {
		if b.err != nil {
			return 0, b.err
		}
		b.out, b.o = b.out[:0], 0
		k, err := b.r.Read(b.in[:])
		for _, c := range b.in[:k] {
			if b.decode(c) != nil {
				break
			}
		}
		if err == io.EOF && b.err == nil {
			if b.nq != 0 {
				b.err = ErrBadEncoding
			} else {
				b.err = io.EOF
			}
		} else if err != nil && b.err == nil {
			b.err = err
		}
		if b.err != nil && b.err != io.EOF {
			return 0, b.err
		}
	}
	k := copy(p, b.out[b.o:])
	b.o += k
	return k, nil
}

func (b *base64Reader) decode(c byte) error {
	switch c {
	case ' ', '\t', '\r', '\n':
		return nil
	}
	if b.done {
		b.err = ErrBadEncoding
		return b.err
	}
	if c == '=' {
		if b.nq < 2 {
			b.err = ErrBadEncoding
			return b.err
		}
		b.pad++
		b.nq++
	} else {
		v := b64val(c)
		if v < 0 || b.pad > 0 {
			b.err = ErrBadEncoding
			return b.err
		}
		b.q[b.nq] = byte(v)
		b.nq++
	}
	if b.nq < 4 {
		return nil
	}
	x := uint32(b.q[0])<<18 | uint32(b.q[1])<<12 | uint32(b.q[2])<<6 | uint32(b.q[3])
	switch b.pad {
	case 0:
		b.out = append(b.out, byte(x>>16), byte(x>>8), byte(x))
	case 1:
		b.out = append(b.out, byte(x>>16), byte(x>>8))
		b.done = true
	default:
		b.out = append(b.out, byte(x>>16))
		b.done = true
	}
	b.q = [4]byte{}
	b.nq, b.pad = 0, 0
	return nil
}

// qpReader decodes quoted-printable as Dovecot does: line ends become CRLF,
// white space at the end of a line goes, "=" before a line end joins the
// lines, and "=" not followed by two hex digits, a CR not followed by LF or
// more than 76 bytes of white space before text are ErrBadEncoding.
type qpReader struct {
	r     io.Reader
	in    [4096]byte
	out   []byte
	o     int
	state int
	ws    []byte
	hex   byte
	err   error
}

// States of qpReader, Dovecot's.
const (
	qpText = iota
	qpSpace
	qpEquals
	qpEqualsSpace
	qpHex2
	qpCR
	qpSoftCR
)

// qpMaxSpace is the most white space a line may hold before more text.
const qpMaxSpace = 76

func (q *qpReader) Read(p []byte) (int, error) {
	for q.o == len(q.out) {
		if q.err != nil {
			return 0, q.err
		}
		q.out, q.o = q.out[:0], 0
		k, err := q.r.Read(q.in[:])
		for i := 0; i < k && q.err == nil; {
			if q.step(q.in[i]) {
				i++
			}
		}
		if q.err != nil {
			return 0, q.err
		}
		if err == io.EOF {
			if q.state != qpText && q.state != qpSpace {
				q.err = ErrBadEncoding
				return 0, q.err
			}
			q.err = io.EOF
		} else if err != nil {
			q.err = err
		}
	}
	k := copy(p, q.out[q.o:])
	q.o += k
	return k, nil
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f'
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// step handles one byte; it returns false when the byte must be handled
// again in the new state.
func (q *qpReader) step(c byte) bool {
	switch q.state {
	case qpText:
		switch c {
		case '=':
			q.state = qpEquals
		case '\r':
			q.state = qpCR
		case '\n':
			q.out = append(q.out, '\r', '\n')
		case ' ', '\t':
			q.ws = append(q.ws[:0], c)
			q.state = qpSpace
		default:
			q.out = append(q.out, c)
		}
	case qpSpace:
		switch c {
		case ' ', '\t':
			if len(q.ws) <= qpMaxSpace {
				q.ws = append(q.ws, c)
			}
		case '\r':
			q.state = qpCR
		case '\n':
			q.out = append(q.out, '\r', '\n')
			q.ws = q.ws[:0]
			q.state = qpText
		default:
			q.out = append(q.out, q.ws...)
			if len(q.ws) > qpMaxSpace {
				q.err = ErrBadEncoding
			}
			q.ws = q.ws[:0]
			q.state = qpText
			return false
		}
	case qpEquals:
		switch {
		case isHex(c):
			q.hex = c
			q.state = qpHex2
		case c == ' ' || c == '\t':
			q.ws = append(q.ws[:0], c)
			q.state = qpEqualsSpace
		case c == '\r':
			q.state = qpSoftCR
		case c == '\n':
			q.state = qpText
		default:
			q.err = ErrBadEncoding
		}
	case qpHex2:
		if !isHex(c) {
			q.err = ErrBadEncoding
			break
		}
		q.out = append(q.out, unhex(q.hex)<<4|unhex(c))
		q.state = qpText
	case qpEqualsSpace:
		switch c {
		case ' ', '\t':
		case '\r':
			q.state = qpSoftCR
		case '\n':
			q.ws = q.ws[:0]
			q.state = qpText
		default:
			q.err = ErrBadEncoding
		}
	case qpCR, qpSoftCR:
		if c != '\n' {
			q.err = ErrBadEncoding
			break
		}
		q.ws = q.ws[:0]
		if q.state == qpCR {
			q.out = append(q.out, '\r', '\n')
		}
		q.state = qpText
	}
	return true
}
