package wire

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// Mailbox names in modified UTF-7 (RFC 3501 §5.1.3, RFC 9051 §5.1.3, with
// the base64 of RFC 2152 modified to use ',' for '/' and no padding):
//
//   - printable US-ASCII (0x20-0x7e) stands for itself, except '&';
//   - "&-" stands for '&';
//   - any other run of characters is '&', the modified base64 of its UTF-16BE
//     code units, and '-'.
//
// Decoding is strict: only the canonical encoding of a name is accepted, so
// that EncodeMailbox(DecodeMailbox(s)) == s for every s that decodes. Refused
// are
//
//   - bytes outside 0x20-0x7e (raw UTF-8 names belong to sessions with
//     UTF8=ACCEPT or IMAP4rev2, where names are not modified UTF-7 and
//     this decoding does not apply);
//   - an '&' that does not start a well-formed shift: '&' at the end, '&'
//     followed by a byte that is neither '-' nor in the modified base64
//     alphabet (this includes the padding '='), a shift not closed by '-', a
//     shift whose length is not that of whole UTF-16 code units (3, 6 or 8
//     base64 characters per 1, 2 or 3 units) or whose left-over bits are not
//     zero. These are the forms a server that does not encode '&' at all
//     produces (Yandex), so they are reported as QuirkUnencodedAmpersand;
//   - a well-formed shift that decodes to a printable ASCII character (which
//     must stand for itself), to a lone high or low surrogate, or that
//     follows another shift directly ("&AOk-&AOk-" must be "&AOkA6Q-").
//
// An empty shift cannot occur: "&-" is always the character '&'.

// ruleMailbox is the SyntaxError.Rule of mailbox name errors.
const ruleMailbox = "mailbox"

// mutf7Alphabet is the modified base64 alphabet of RFC 3501 §5.1.3.
const mutf7Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,"

// mutf7Invalid marks bytes outside the alphabet in mutf7Value.
const mutf7Invalid = 0xff

// mutf7Value maps a byte to its value in mutf7Alphabet, or mutf7Invalid. It is
// never written after initialisation.
var mutf7Value = func() (t [256]byte) {
	for i := range t {
		t[i] = mutf7Invalid
	}
	for i := 0; i < len(mutf7Alphabet); i++ {
		t[mutf7Alphabet[i]] = byte(i)
	}
	return t
}()

// mboxPrintable reports whether c is printable US-ASCII, which stands for itself
// in a modified UTF-7 name (apart from '&').
func mboxPrintable(c byte) bool { return c >= 0x20 && c <= 0x7e }

// quoteValue is quote for either kind of byte sequence.
func quoteValue[T string | []byte](b T) string {
	if len(b) > maxQuote {
		b = b[:maxQuote]
	}
	return string(b)
}

// mboxWrite writes b to sb without converting it first.
func mboxWrite[T string | []byte](sb *strings.Builder, b T) {
	switch v := any(b).(type) {
	case string:
		sb.WriteString(v)
	case []byte:
		sb.Write(v)
	}
}

// mailboxError builds the SyntaxError for a plain error at b[off].
func mailboxError[T string | []byte](b T, off int, msg string) error {
	return &SyntaxError{Offset: int64(off), Rule: ruleMailbox, Quote: quoteValue(b[off:]), Err: errDetail(msg)}
}

// ampersandError builds the strict-mode SyntaxError for an '&' at b[off]
// that does not start a well-formed shift.
func ampersandError[T string | []byte](b T, off int) error {
	return &SyntaxError{Offset: int64(off), Rule: ruleMailbox, Quote: quoteValue(b[off:]),
		Quirk: QuirkUnencodedAmpersand, Err: ErrQuirk}
}

// Error messages, shared by the whole-name and the streaming decoder.
const (
	msgMboxRawByte      = "byte outside printable US-ASCII in a modified UTF-7 name"
	msgMboxAdjacent     = "base64 shift directly after another (one shift per run)"
	msgMboxEncodedASCII = "base64 encodes a printable US-ASCII character"
	msgMboxLoneLow      = "low surrogate without a high surrogate"
	msgMboxLoneHigh     = "high surrogate not followed by a low surrogate"
	// msgMboxAmpersand marks an "&" encoded in base64: the quirk
	// QuirkUnencodedAmpersand rather than a plain error.
	msgMboxAmpersand = "base64 encodes \"&\""
)

// mutf7Shift turns the 6-bit values of one base64 shift into UTF-16 code
// units and checks them. Positions are counted in base64 characters from the
// start of the shift (the byte after '&').
type mutf7Shift struct {
	bits   uint32 // undecoded bits, right-aligned; fewer than 16 between calls
	nbits  uint32 // number of undecoded bits
	units  int64  // code units completed so far
	high   rune   // pending high surrogate, or 0
	highAt int64  // position of the pending high surrogate
}

// push adds the 6-bit value v. It returns the decoded rune when one is
// complete and -1 otherwise; a non-empty msg reports a refused code unit that
// starts at position at.
func (d *mutf7Shift) push(v byte) (r rune, at int64, msg string) {
	d.bits = d.bits<<6 | uint32(v)
	d.nbits += 6
	if d.nbits < 16 {
		return -1, 0, ""
	}
	d.nbits -= 16
	u := rune(d.bits>>d.nbits) & 0xffff
	d.bits &= 1<<d.nbits - 1
	at = d.units * 16 / 6
	d.units++
	if d.high != 0 {
		h := d.high
		d.high = 0
		if u < 0xdc00 || u > 0xdfff {
			return -1, d.highAt, msgMboxLoneHigh
		}
		return utf16.DecodeRune(h, u), 0, ""
	}
	switch {
	case u >= 0xd800 && u <= 0xdbff:
		d.high, d.highAt = u, at
		return -1, 0, ""
	case u >= 0xdc00 && u <= 0xdfff:
		return -1, at, msgMboxLoneLow
	case u >= 0x20 && u <= 0x7e:
		// The character is returned with the error, for a lenient
		// decoder that takes "&" encoded this way (Yandex).
		return u, at, msgMboxEncodedASCII
	}
	return u, 0, ""
}

// wellFormedEnd reports whether the bits left over at the end of a shift
// make it well formed: fewer than 6 of them (so the shift holds whole code
// units and no extra character), all zero.
func (d *mutf7Shift) wellFormedEnd() bool { return d.nbits < 6 && d.bits == 0 }

// mutf7WellFormed reports whether the n base64 characters at b[i:i+n],
// closed by '-', have the length of whole UTF-16 code units (n mod 8 is 0,
// 3 or 6, leaving 0, 4 or 2 bits) and zero left-over bits.
func mutf7WellFormed[T string | []byte](b T, i, n int) bool {
	if n == 0 {
		return false
	}
	rem := uint(n%8) * 6 % 16 // left-over bits
	if rem >= 6 {
		return false
	}
	return mutf7Value[b[i+n-1]]&(1<<rem-1) == 0
}

// DecodeMailbox decodes a mailbox name from modified UTF-7 to UTF-8. It is
// strict: it accepts only the canonical encoding that EncodeMailbox
// produces, and returns a *SyntaxError (Rule "mailbox", Offset the byte
// offset in s) for anything else. An unencoded '&' (as in "Tom & Jerry") is
// refused with Quirk QuirkUnencodedAmpersand wrapping ErrQuirk; the wire
// Decoder accepts it in lenient mode.
func DecodeMailbox(s string) (string, error) {
	name, _, err := decodeMailboxT(s, false)
	return name, err
}

// decodeMailbox decodes the raw mailbox bytes b as read from the wire. In
// lenient mode an '&' that does not start a well-formed shift is taken as a
// literal '&' and the first one is reported as QuirkUnencodedAmpersand with
// its offset in b (q.Quirk is 0 when there is none); in strict mode it is a
// *SyntaxError with that Quirk wrapping ErrQuirk. Every other error is the
// same in both modes. A name of printable ASCII without '&' costs one
// allocation, the result.
func decodeMailbox(b []byte, lenient bool) (name string, q QuirkReport, err error) {
	return decodeMailboxT(b, lenient)
}

func decodeMailboxT[T string | []byte](b T, lenient bool) (string, QuirkReport, error) {
	i := 0
	for i < len(b) && mboxPrintable(b[i]) && b[i] != '&' {
		i++
	}
	if i == len(b) {
		return string(b), QuirkReport{}, nil
	}
	var q QuirkReport
	var sb strings.Builder
	sb.Grow(len(b)) // the decoded name is never longer than its encoding
	mboxWrite(&sb, b[:i])
	prevShift := false // the bytes just before b[i] closed a shift
	for i < len(b) {
		c := b[i]
		if c != '&' {
			start := i
			for i < len(b) && mboxPrintable(b[i]) && b[i] != '&' {
				i++
			}
			if i == start {
				return "", QuirkReport{}, mailboxError(b, i, msgMboxRawByte)
			}
			mboxWrite(&sb, b[start:i])
			prevShift = false
			continue
		}
		j := i + 1
		for j < len(b) && mutf7Value[b[j]] != mutf7Invalid {
			j++
		}
		n := j - (i + 1)
		closed := j < len(b) && b[j] == '-'
		if n == 0 && closed {
			sb.WriteByte('&')
			i = j + 1
			prevShift = false
			continue
		}
		if !closed || !mutf7WellFormed(b, i+1, n) {
			if !lenient {
				return "", QuirkReport{}, ampersandError(b, i)
			}
			if q.Quirk == 0 {
				q = QuirkReport{Quirk: QuirkUnencodedAmpersand, Offset: int64(i)}
			}
			sb.WriteByte('&')
			i++
			prevShift = false
			continue
		}
		if prevShift {
			return "", QuirkReport{}, mailboxError(b, i, msgMboxAdjacent)
		}
		var d mutf7Shift
		for k := i + 1; k < j; k++ {
			r, at, msg := d.push(mutf7Value[b[k]])
			if msg == msgMboxEncodedASCII && r == '&' {
				// Yandex encodes "&" in the base64 of the characters
				// around it ("&BBAEMQQyACYEMwQ0BDU-" for "Абв&где")
				// instead of writing "&-": the quirk of an "&" not
				// encoded as "&-", reported at the shift's start.
				if !lenient {
					return "", QuirkReport{}, ampersandError(b, i)
				}
				if q.Quirk == 0 {
					q = QuirkReport{Quirk: QuirkUnencodedAmpersand, Offset: int64(i)}
				}
				msg = ""
			}
			if msg != "" {
				return "", QuirkReport{}, mailboxError(b, i+1+int(at), msg)
			}
			if r >= 0 {
				sb.WriteRune(r)
			}
		}
		if d.high != 0 {
			return "", QuirkReport{}, mailboxError(b, i+1+int(d.highAt), msgMboxLoneHigh)
		}
		i = j + 1
		prevShift = true
	}
	return sb.String(), q, nil
}

// EncodeMailbox encodes a UTF-8 mailbox name in modified UTF-7. The result
// is canonical: printable ASCII other than '&' as itself, '&' as "&-", and
// each run of other characters as one shift of the shortest base64. Each
// byte of s that is not part of valid UTF-8 is encoded as U+FFFD, as a
// range loop over s reads it. A name that needs no encoding is returned
// as it is.
func EncodeMailbox(name string) string {
	n, same := encodedMailboxLen(name)
	if same {
		return name
	}
	var sb strings.Builder
	sb.Grow(n)
	var e mutf7Encoder
	var buf [64]byte
	for len(name) > 0 {
		nDst, nSrc, _ := encodeMUTF7(&e, buf[:], name, true)
		sb.Write(buf[:nDst])
		name = name[nSrc:]
	}
	nDst, _, _ := encodeMUTF7(&e, buf[:], "", true)
	sb.Write(buf[:nDst])
	return sb.String()
}

// appendMailbox appends the modified UTF-7 encoding of name to dst, as
// EncodeMailbox; it does not allocate when dst has room.
func appendMailbox(dst []byte, name string) []byte {
	n, same := encodedMailboxLen(name)
	if same {
		return append(dst, name...)
	}
	if cap(dst)-len(dst) < n {
		grown := make([]byte, len(dst), len(dst)+n)
		copy(grown, dst)
		dst = grown
	}
	var e mutf7Encoder
	nDst, _, _ := encodeMUTF7(&e, dst[len(dst):len(dst)+n], name, true)
	return dst[:len(dst)+nDst]
}

// encodedMailboxLen returns the length of the modified UTF-7 encoding of
// name, and whether that encoding is name itself.
func encodedMailboxLen(name string) (n int, same bool) {
	i := 0
	for i < len(name) && mboxPrintable(name[i]) && name[i] != '&' {
		i++
	}
	if i == len(name) {
		return len(name), true
	}
	n = i
	units := 0 // code units in the current run
	for _, r := range name[i:] {
		if r < utf8.RuneSelf && mboxPrintable(byte(r)) {
			if units > 0 {
				n += 2 + (units*16+5)/6
				units = 0
			}
			n++
			if r == '&' {
				n++
			}
			continue
		}
		units++
		if r >= 0x10000 {
			units++
		}
	}
	if units > 0 {
		n += 2 + (units*16+5)/6
	}
	return n, false
}

// CanonicalMailbox returns "INBOX" for any case of INBOX, which names the
// user's primary mailbox case-insensitively (RFC 3501 §5.1, RFC 9051 §5.1),
// and every other name unchanged, so that names can be compared with ==.
// Names below INBOX ("inbox/Drafts") are left alone: whether their first
// level is case-insensitive depends on the server.
func CanonicalMailbox(name string) string {
	if len(name) == 5 && name != "INBOX" &&
		name[0]|0x20 == 'i' && name[1]|0x20 == 'n' && name[2]|0x20 == 'b' &&
		name[3]|0x20 == 'o' && name[4]|0x20 == 'x' {
		return "INBOX"
	}
	return name
}

// ModifiedUTF7 is the modified UTF-7 of IMAP mailbox names (RFC 3501
// §5.1.3) as an x/text encoding. Its decoder turns modified UTF-7 into
// UTF-8 exactly as DecodeMailbox does, returning the same *SyntaxError for
// input DecodeMailbox refuses (with Offset counted from the start of the
// input since the last Reset, and Quote limited to the bytes at hand); it
// never replaces bad input with U+FFFD. Its encoder turns UTF-8 into the
// canonical modified UTF-7 of EncodeMailbox. Both work as streaming
// transformers over input split anywhere.
var ModifiedUTF7 encoding.Encoding = modifiedUTF7{}

type modifiedUTF7 struct{}

func (modifiedUTF7) NewDecoder() *encoding.Decoder {
	return &encoding.Decoder{Transformer: new(mutf7Decoder)}
}

func (modifiedUTF7) NewEncoder() *encoding.Encoder {
	return &encoding.Encoder{Transformer: new(mutf7Encoder)}
}

func (modifiedUTF7) String() string { return "IMAP modified UTF-7" }

// mutf7Encoder is the streaming encoder. Its state is the open shift, if
// any, with the bits not yet written (fewer than 6).
type mutf7Encoder struct {
	inShift bool
	bits    uint32
	nbits   uint32
}

func (e *mutf7Encoder) Reset() { *e = mutf7Encoder{} }

func (e *mutf7Encoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	return encodeMUTF7(e, dst, src, atEOF)
}

// closeShift writes the last base64 character of the open shift, if bits
// remain, and '-' to tmp, returning the number of bytes written.
func (e *mutf7Encoder) closeShift(tmp []byte) int {
	k := 0
	if e.nbits > 0 {
		tmp[k] = mutf7Alphabet[(e.bits<<(6-e.nbits))&63]
		k++
	}
	tmp[k] = '-'
	return k + 1
}

func encodeMUTF7[T string | []byte](e *mutf7Encoder, dst []byte, src T, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		if mboxPrintable(c) {
			var tmp [4]byte
			k := 0
			if e.inShift {
				k = e.closeShift(tmp[:])
			}
			tmp[k] = c
			k++
			if c == '&' {
				tmp[k] = '-'
				k++
			}
			if len(dst)-nDst < k {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += copy(dst[nDst:], tmp[:k])
			nSrc++
			e.inShift, e.bits, e.nbits = false, 0, 0
			// Copy the rest of a run of plain ASCII at once.
			for nSrc < len(src) && nDst < len(dst) && mboxPrintable(src[nSrc]) && src[nSrc] != '&' {
				dst[nDst] = src[nSrc]
				nDst++
				nSrc++
			}
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			var rb [utf8.UTFMax]byte
			m := copy(rb[:], src[nSrc:])
			if !atEOF && !utf8.FullRune(rb[:m]) {
				return nDst, nSrc, transform.ErrShortSrc
			}
			r, size = utf8.DecodeRune(rb[:m])
		}
		var tmp [8]byte
		k := 0
		if !e.inShift {
			tmp[k] = '&'
			k++
		}
		bits, nbits := e.bits, e.nbits
		var units [2]rune
		nu := 1
		units[0] = r
		if r >= 0x10000 {
			units[0], units[1] = utf16.EncodeRune(r)
			nu = 2
		}
		for _, u := range units[:nu] {
			bits = bits<<16 | uint32(u)
			nbits += 16
			for nbits >= 6 {
				nbits -= 6
				tmp[k] = mutf7Alphabet[(bits>>nbits)&63]
				k++
			}
			bits &= 1<<nbits - 1
		}
		if len(dst)-nDst < k {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], tmp[:k])
		nSrc += size
		e.inShift, e.bits, e.nbits = true, bits, nbits
	}
	if atEOF && e.inShift {
		var tmp [2]byte
		k := e.closeShift(tmp[:])
		if len(dst)-nDst < k {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], tmp[:k])
		e.inShift, e.bits, e.nbits = false, 0, 0
	}
	return nDst, nSrc, nil
}

// States of mutf7Decoder.
const (
	mstASCII = iota // outside a shift
	mstAmp          // just after '&'
	mstShift        // inside a base64 shift
)

// mutf7Decoder is the streaming strict decoder. It gives the same result as
// DecodeMailbox: the errors of a shift's code units are held back until the
// shift ends, because a malformed shift reports its '&' instead, and a
// shift directly after another is refused as such.
type mutf7Decoder struct {
	off       int64 // input offset of the next byte
	state     uint8
	prevShift bool  // the last bytes closed a shift
	adjacent  bool  // the current shift follows another directly
	ampOff    int64 // offset of the current shift's '&'
	sd        mutf7Shift
	errAt     int64 // offset of the first refused code unit of the shift
	errMsg    string
}

func (d *mutf7Decoder) Reset() { *d = mutf7Decoder{} }

// fail builds the error at input offset off; src starts at offset base.
func (d *mutf7Decoder) fail(src []byte, base, off int64, quirk bool, msg string) error {
	e := &SyntaxError{Offset: off, Rule: ruleMailbox}
	if off >= base && off <= base+int64(len(src)) {
		e.Quote = quote(src[off-base:])
	}
	if quirk {
		e.Quirk, e.Err = QuirkUnencodedAmpersand, ErrQuirk
	} else {
		e.Err = errDetail(msg)
	}
	return e
}

func (d *mutf7Decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	base := d.off
	for nSrc < len(src) {
		c := src[nSrc]
		switch d.state {
		case mstASCII:
			if c == '&' {
				d.state, d.ampOff = mstAmp, d.off
				break
			}
			if !mboxPrintable(c) {
				return nDst, nSrc, d.fail(src, base, d.off, false, msgMboxRawByte)
			}
			if nDst == len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = c
			nDst++
			d.prevShift = false
		case mstAmp:
			if c == '-' {
				if nDst == len(dst) {
					return nDst, nSrc, transform.ErrShortDst
				}
				dst[nDst] = '&'
				nDst++
				d.state, d.prevShift = mstASCII, false
				break
			}
			v := mutf7Value[c]
			if v == mutf7Invalid {
				return nDst, nSrc, d.fail(src, base, d.ampOff, true, "")
			}
			// The first character of a shift never completes a unit.
			d.adjacent, d.prevShift = d.prevShift, false
			d.sd, d.errMsg = mutf7Shift{}, ""
			d.sd.push(v)
			d.state = mstShift
		case mstShift:
			if c == '-' {
				switch {
				case !d.sd.wellFormedEnd():
					return nDst, nSrc, d.fail(src, base, d.ampOff, true, "")
				case d.adjacent:
					return nDst, nSrc, d.fail(src, base, d.ampOff, false, msgMboxAdjacent)
				case d.errMsg == msgMboxAmpersand:
					return nDst, nSrc, d.fail(src, base, d.ampOff, true, "")
				case d.errMsg != "":
					return nDst, nSrc, d.fail(src, base, d.errAt, false, d.errMsg)
				case d.sd.high != 0:
					return nDst, nSrc, d.fail(src, base, d.ampOff+1+d.sd.highAt, false, msgMboxLoneHigh)
				}
				d.state, d.prevShift = mstASCII, true
				break
			}
			v := mutf7Value[c]
			if v == mutf7Invalid {
				return nDst, nSrc, d.fail(src, base, d.ampOff, true, "")
			}
			sd := d.sd
			r, at, msg := sd.push(v)
			if r >= 0 && msg == "" {
				if len(dst)-nDst < utf8.RuneLen(r) {
					return nDst, nSrc, transform.ErrShortDst
				}
				nDst += utf8.EncodeRune(dst[nDst:], r)
			}
			if msg == msgMboxEncodedASCII && r == '&' {
				msg = msgMboxAmpersand
			}
			if msg != "" && d.errMsg == "" {
				d.errAt, d.errMsg = d.ampOff+1+at, msg
			}
			d.sd = sd
		}
		nSrc++
		d.off++
	}
	if atEOF && d.state != mstASCII {
		return nDst, nSrc, d.fail(src, base, d.ampOff, true, "")
	}
	return nDst, nSrc, nil
}

// firstEightBit returns the index of the first byte of b above 0x7f, or -1.
func firstEightBit(b []byte) int {
	for i, c := range b {
		if c >= 0x80 {
			return i
		}
	}
	return -1
}

// ReadMailbox reads a mailbox name (RFC 9051 mailbox: an astring) and
// decodes it: from modified UTF-7, or as UTF-8 when UTF8 is enabled. Any case
// of INBOX is returned as "INBOX". In lenient mode an unencoded "&"
// (QuirkUnencodedAmpersand), 8-bit UTF-8 without UTF8=ACCEPT
// (QuirkEightBit) and unquoted list wildcards in the name
// (QuirkMailboxSpecials) are accepted.
func (d *Decoder) ReadMailbox() (string, error) { return d.readMailbox("mailbox", false) }

// ReadListMailbox reads a list-mailbox (RFC 9051 §9), the pattern of LIST
// and LSUB: 1*list-char / string, where list-char adds the wildcards "%"
// and "*" and resp-specials to ATOM-CHAR. It decodes the pattern as
// ReadMailbox decodes a name, with the same quirks except
// QuirkMailboxSpecials: the wildcards belong to the grammar here.
func (d *Decoder) ReadListMailbox() (string, error) { return d.readMailbox("list-mailbox", true) }

func (d *Decoder) readMailbox(rule string, list bool) (string, error) {
	if b, ok, err := d.resumeLiteral(rule); ok {
		if err != nil {
			return "", err
		}
		return d.decodeMailboxName(b, d.Offset()-int64(len(b)), true)
	}
	if err := d.prepare(); err != nil {
		return "", err
	}
	c, err := d.peek()
	if err != nil {
		return "", err
	}
	start := d.Offset()
	var b []byte
	if c == '~' {
		x, err := d.peekAt(1)
		if err != nil {
			return "", err
		}
		if x != '{' {
			c = 'a' // an atom that starts with "~"
		}
	}
	if c == '"' || c == '{' || c == '~' {
		if b, _, err = d.readString(rule); err != nil {
			return "", err
		}
		if c == '"' {
			start++
		} else {
			start = d.Offset() - int64(len(b))
		}
	} else if list {
		n, err := d.scan(cList, looseEight, rule)
		if err != nil {
			return "", err
		}
		b = d.take(n)
	} else {
		class := uint8(cAString)
		if !d.opt.strict {
			class = cList // with the list wildcards % and *
		}
		n, err := d.scan(class, looseEight, rule)
		if err != nil {
			return "", err
		}
		if d.opt.strict {
			if x, err := d.peekAt(n); err != nil {
				return "", err
			} else if x == '%' || x == '*' {
				return "", d.failQuirk(QuirkMailboxSpecials, start+int64(n), "mailbox")
			}
		}
		b = d.take(n)
		if i := bytes.IndexAny(b, "%*"); i >= 0 {
			d.Quirk(QuirkMailboxSpecials, start+int64(i), "mailbox")
		}
	}
	return d.decodeMailboxName(b, start, c == '{' || c == '~')
}

func (d *Decoder) decodeMailboxName(b []byte, start int64, literal bool) (string, error) {
	if d.opt.utf8 {
		if !utf8.Valid(b) {
			return "", d.failf(start, "mailbox", "invalid UTF-8 in mailbox name")
		}
		return CanonicalMailbox(string(b)), nil
	}
	if i := firstEightBit(b); i >= 0 && utf8.Valid(b) && bytes.IndexByte(b, '&') < 0 {
		// A name in UTF-8 sent without UTF8=ACCEPT, as Dovecot sends
		// the names of NOTIFY events. The quirk of a quoted string or
		// atom was reported where its bytes were read; a literal's is
		// reported here.
		if literal || d.opt.strict {
			if err := d.Quirk(QuirkEightBit, start+int64(i), "mailbox"); err != nil {
				return "", err
			}
		}
		return CanonicalMailbox(string(b)), nil
	}
	name, q, err := decodeMailbox(b, !d.opt.strict)
	if err != nil {
		return "", d.rebaseAt(err, start)
	}
	if q.Quirk != 0 {
		d.Quirk(q.Quirk, start+q.Offset, "mailbox")
	}
	return CanonicalMailbox(name), nil
}

// Mailbox writes a mailbox name as an astring: in modified UTF-7, or as UTF-8
// when UTF8 is enabled. Any case of INBOX is written as INBOX.
func (e *Encoder) Mailbox(name string) *Encoder {
	if e.err != nil {
		return e
	}
	name = CanonicalMailbox(name)
	if e.opt.utf8 {
		if !utf8.ValidString(name) {
			return e.fail("mailbox name with invalid UTF-8")
		}
		return e.AString(name)
	}
	return e.AString(EncodeMailbox(name))
}
