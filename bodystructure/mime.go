package bodystructure

import (
	"bytes"
	"sort"
	"strconv"
)

// This file holds the lexical layer under Build: a cursor over one header
// field value that splits it into the tokens of RFC 5322 and RFC 2045 the
// way Dovecot 2.3's lib-mail does, and the parsers of the MIME header
// fields that BODYSTRUCTURE reports. The leniency is Dovecot's, on purpose:
// the values must equal what Dovecot reports for the same bytes.

// Character classes of a header byte. Bytes 0x80-0xFF count as letters, as
// in Dovecot, so that 8-bit header text survives as atoms and tokens.
const (
	classAtext    = 1 // atext (RFC 5322 §3.2.3) other than below
	classAlnum    = 2 // letters and digits
	classTspecial = 4 // atext that RFC 2045 counts as tspecials: / = ?
)

var charClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c >= 0x80:
			t[c] = classAlnum
		}
	}
	for _, c := range []byte("!#$%&'*+-^_`{|}~") {
		t[c] = classAtext
	}
	for _, c := range []byte("/=?") {
		t[c] = classTspecial
	}
	return t
}()

func isAtext(c byte) bool { return charClass[c] != 0 }

// isToken reports whether c may appear in a MIME token (RFC 2045 §5.1);
// '.' is allowed too, as in Dovecot.
func isToken(c byte) bool { return charClass[c]&3 != 0 || c == '.' }

func isLWSP(c byte) bool { return c == ' ' || c == '\t' }

// A lexer walks one unfolded header field value. Its methods return what
// Dovecot's rfc822-parser returns: a negative number for a syntax error, 0
// when the value is used up and 1 when more follows. Reading past the end
// sees a NUL byte, which no rule accepts.
type lexer struct {
	s []byte
	i int
	// comment, when trackComments is set, holds the text of the last
	// comment skipped, as Dovecot keeps it for "addr (Name)".
	trackComments bool
	comment       []byte
	// nul makes quoted strings, comments and domain literals read a NUL
	// byte as U+FFFD, as Dovecot does for addresses and parameters.
	nul bool
}

// nulRepl is what a NUL byte in a header value becomes.
const nulRepl = "\uFFFD"

func (l *lexer) cur() byte {
	if l.i < len(l.s) {
		return l.s[l.i]
	}
	return 0
}

func (l *lexer) more() bool { return l.i < len(l.s) }

func (l *lexer) status() int {
	if l.more() {
		return 1
	}
	return 0
}

// skipComment skips the comment starting at the cursor, nested comments and
// quoted pairs included.
func (l *lexer) skipComment() int {
	if l.trackComments {
		l.comment = l.comment[:0]
	}
	l.i++
	start := l.i
	level := 1
	for ; l.i < len(l.s); l.i++ {
		switch l.s[l.i] {
		case 0:
			if l.trackComments && l.nul {
				l.comment = append(append(l.comment, l.s[start:l.i]...), nulRepl...)
				start = l.i + 1
			}
		case '(':
			level++
		case ')':
			level--
			if level == 0 {
				if l.trackComments {
					l.comment = append(l.comment, l.s[start:l.i]...)
				}
				l.i++
				return l.status()
			}
		case '\n':
			if !l.trackComments {
				break
			}
			end := l.i
			if end > start && l.s[end-1] == '\r' {
				end--
			}
			l.comment = append(l.comment, l.s[start:end]...)
			start = l.i + 1
		case '\\':
			l.i++
			if l.i >= len(l.s) {
				return -1
			}
			if c := l.s[l.i]; c == '\r' || c == '\n' || c == 0 {
				l.i--
				break
			}
			if l.trackComments {
				l.comment = append(l.comment, l.s[start:l.i-1]...)
			}
			start = l.i
		}
	}
	return -1
}

// skipCFWS skips white space, line breaks and comments.
func (l *lexer) skipCFWS() int {
	for l.i < len(l.s) {
		switch l.s[l.i] {
		case ' ', '\t', '\r', '\n':
			l.i++
			continue
		case '(':
			if l.skipComment() < 0 {
				return -1
			}
			continue
		}
		break
	}
	return l.status()
}

// atom appends an atom (RFC 5322 §3.2.3) to dst.
func (l *lexer) atom(dst []byte) ([]byte, int) {
	if !isAtext(l.cur()) {
		return dst, -1
	}
	start := l.i
	for l.i++; l.i < len(l.s); l.i++ {
		if !isAtext(l.s[l.i]) {
			dst = append(dst, l.s[start:l.i]...)
			return dst, l.skipCFWS()
		}
	}
	return append(dst, l.s[start:]...), 0
}

// dotAtom appends a dot-atom, allowing white space around the dots as RFC
// 822 did.
func (l *lexer) dotAtom(dst []byte) ([]byte, int) {
	if !isAtext(l.cur()) {
		return dst, -1
	}
	start := l.i
	for l.i++; l.i < len(l.s); {
		if isAtext(l.s[l.i]) {
			l.i++
			continue
		}
		if start == l.i {
			return dst, -1
		}
		dst = append(dst, l.s[start:l.i]...)
		if r := l.skipCFWS(); r <= 0 {
			return dst, r
		}
		if l.s[l.i] != '.' {
			return dst, 1
		}
		l.i++
		dst = append(dst, '.')
		if l.skipCFWS() <= 0 {
			return dst, -1
		}
		start = l.i
	}
	return append(dst, l.s[start:]...), 0
}

// token appends a MIME token, possibly empty.
func (l *lexer) token(dst []byte) ([]byte, int) {
	start := l.i
	for ; l.i < len(l.s); l.i++ {
		if !isToken(l.s[l.i]) {
			dst = append(dst, l.s[start:l.i]...)
			return dst, l.skipCFWS()
		}
	}
	return append(dst, l.s[start:]...), 0
}

// quoted appends the content of the quoted string at the cursor, without
// its quotes, quoted pairs resolved and folding line breaks removed.
func (l *lexer) quoted(dst []byte) ([]byte, int) {
	l.i++
	start := l.i
	for ; l.i < len(l.s); l.i++ {
		switch l.s[l.i] {
		case 0:
			if l.nul {
				dst = append(append(dst, l.s[start:l.i]...), nulRepl...)
				start = l.i + 1
			}
		case '"':
			dst = append(dst, l.s[start:l.i]...)
			l.i++
			return dst, l.skipCFWS()
		case '\n':
			end := l.i
			if end > start && l.s[end-1] == '\r' {
				end--
			}
			dst = append(dst, l.s[start:end]...)
			start = l.i + 1
		case '\\':
			l.i++
			if l.i >= len(l.s) {
				return dst, -1
			}
			if c := l.s[l.i]; c == '\r' || c == '\n' || c == 0 {
				l.i--
				break
			}
			dst = append(dst, l.s[start:l.i-1]...)
			start = l.i
		}
	}
	return dst, -1
}

// atomOrDots appends a run of atext and dots, possibly empty.
func (l *lexer) atomOrDots(dst []byte) ([]byte, int) {
	start := l.i
	for ; l.i < len(l.s); l.i++ {
		if c := l.s[l.i]; !isAtext(c) && c != '.' {
			dst = append(dst, l.s[start:l.i]...)
			return dst, l.skipCFWS()
		}
	}
	return append(dst, l.s[start:]...), 0
}

// phrase appends a phrase (RFC 5322 §3.2.5, obsolete form included): its
// words joined by single spaces.
func (l *lexer) phrase(dst []byte) ([]byte, int) {
	if !l.more() {
		return dst, 0
	}
	if l.cur() == '.' {
		return dst, -1
	}
	for {
		var r int
		if l.cur() == '"' {
			dst, r = l.quoted(dst)
		} else {
			dst, r = l.atomOrDots(dst)
		}
		if r <= 0 {
			return dst, r
		}
		if c := l.cur(); !isAtext(c) && c != '"' && c != '.' {
			break
		}
		dst = append(dst, ' ')
	}
	return dst, l.skipCFWS()
}

// domainLiteral appends a domain literal with its brackets; quoted pairs
// keep their backslash.
func (l *lexer) domainLiteral(dst []byte) ([]byte, int) {
	start := l.i
	for l.i++; l.i < len(l.s); l.i++ {
		switch l.s[l.i] {
		case 0:
			if l.nul {
				dst = append(append(dst, l.s[start:l.i]...), nulRepl...)
				start = l.i + 1
			}
		case '[':
			return dst, -1
		case ']':
			dst = append(dst, l.s[start:l.i+1]...)
			l.i++
			return dst, l.skipCFWS()
		case '\n':
			end := l.i
			if end > start && l.s[end-1] == '\r' {
				end--
			}
			dst = append(dst, l.s[start:end]...)
			start = l.i + 1
		case '\\':
			l.i++
			if l.i >= len(l.s) {
				return dst, -1
			}
			if c := l.s[l.i]; c == '\r' || c == '\n' || c == 0 {
				dst = append(dst, l.s[start:l.i]...)
				start = l.i
				l.i--
			}
		}
	}
	return dst, -1
}

// domain appends the domain after the '@' at the cursor.
func (l *lexer) domain(dst []byte) ([]byte, int) {
	l.i++
	if l.skipCFWS() <= 0 {
		return dst, -1
	}
	if l.cur() == '[' {
		return l.domainLiteral(dst)
	}
	return l.dotAtom(dst)
}

// contentType parses "type/subtype" and returns it with the slash; a
// broken value returns -1 with what could be read ("" or a type without
// subtype).
func (l *lexer) contentType() ([]byte, int) {
	if l.skipCFWS() <= 0 {
		return nil, -1
	}
	t, r := l.token(nil)
	if r <= 0 || len(t) == 0 {
		return t, -1
	}
	if l.cur() != '/' {
		return nil, -1
	}
	l.i++
	if l.skipCFWS() <= 0 {
		return nil, -1
	}
	t = append(t, '/')
	n := len(t)
	t, r = l.token(t)
	if r < 0 || len(t) == n || (l.more() && l.cur() != ';') {
		return nil, -1
	}
	return t, r
}

// param parses one ";" attribute "=" value. It returns 0 at the end of the
// value and -1 for a broken parameter.
func (l *lexer) param() (key, value []byte, r int) {
	if !l.more() {
		return nil, nil, 0
	}
	if l.cur() != ';' {
		return nil, nil, -1
	}
	l.i++
	if l.skipCFWS() <= 0 {
		return nil, nil, -1
	}
	key, r = l.token(nil)
	if r <= 0 {
		return nil, nil, -1
	}
	if l.cur() != '=' {
		return nil, nil, -1
	}
	l.i++
	value = []byte{}
	if r = l.skipCFWS(); r <= 0 {
		// no value
	} else if l.cur() == '"' {
		value, r = l.quoted(value)
	} else if l.cur() == '=' {
		// name==?utf-8?b?...?= as some mailers write it. Dovecot keeps
		// it as a C string: a NUL ends the value, though not the scan.
		start, end := l.i, -1
		for l.i < len(l.s) {
			c := l.s[l.i]
			if c == ';' || c == ' ' || c == '\t' || c == '\r' || c == '\n' {
				break
			}
			if c == 0 && end < 0 {
				end = l.i
			}
			l.i++
		}
		if end < 0 {
			end = l.i
		}
		value = append(value, l.s[start:end]...)
	} else {
		value, r = l.token(value)
	}
	if r < 0 {
		return key, value, -1
	}
	return key, value, 1
}

// maxParams is the number of parameters (broken ones included) read from
// one header field, as Dovecot caps it (RFC2231_MAX_PARAMS).
const maxParams = 128

// params reads the parameters that follow a content type or disposition,
// merging RFC 2231 continuations the way Dovecot does: plain parameters
// first in their order, then the starred ones sorted by name, each name's
// sections joined into one value that stays percent-encoded, named
// "name*" when any section was extended. A set of sections with a gap is
// kept as it was, one parameter per section.
func (l *lexer) params() []Param {
	type section struct {
		key, value string
		idx        uint32
		extended   bool
	}
	l.nul = true
	var (
		out  []Param
		secs []section
		// idx is carried over from one starred key to the next, as in
		// Dovecot, where "key*" with no number reuses the last number seen.
		idx uint32
	)
	for n := 1; ; n++ {
		key, value, r := l.param()
		if r == 0 || n > maxParams {
			break
		}
		if r < 0 {
			if !l.more() {
				break
			}
			l.i++
			continue
		}
		star := bytes.IndexByte(key, '*')
		if star < 0 {
			out = append(out, Param{string(key), string(value)})
			continue
		}
		p := star
		if p+1 < len(key) {
			p++
			idx = 0
			for p < len(key) && key[p] >= '0' && key[p] <= '9' {
				idx = idx*10 + uint32(key[p]-'0')
				p++
			}
		}
		extended := p < len(key) && key[p] == '*'
		if extended {
			p++
		}
		if p < len(key) {
			out = append(out, Param{string(key), string(value)})
			continue
		}
		secs = append(secs, section{string(key[:star]), string(value), idx, extended})
	}
	if len(secs) == 0 {
		return out
	}
	sort.SliceStable(secs, func(i, j int) bool {
		if secs[i].key != secs[j].key {
			return secs[i].key < secs[j].key
		}
		return secs[i].idx < secs[j].idx
	})
	for i := 0; i < len(secs); {
		j, ok, ext := i, true, false
		for next := uint32(0); j < len(secs) && equalFoldASCII(secs[i].key, secs[j].key); j, next = j+1, next+1 {
			if secs[j].idx != next {
				ok = false
			}
			ext = ext || secs[j].extended
		}
		if !ok {
			for _, s := range secs[i:j] {
				k := s.key + "*" + strconv.FormatUint(uint64(s.idx), 10)
				if s.extended {
					k += "*"
				}
				out = append(out, Param{k, s.value})
			}
		} else {
			var v []byte
			if !secs[i].extended && ext {
				v = append(v, "''"...)
			}
			for _, s := range secs[i:j] {
				if !s.extended && ext {
					for k := 0; k < len(s.value); k++ {
						if s.value[k] == '%' {
							v = append(v, "%25"...)
						} else {
							v = append(v, s.value[k])
						}
					}
				} else {
					v = append(v, s.value...)
				}
			}
			k := secs[i].key
			if ext {
				k += "*"
			}
			out = append(out, Param{k, string(v)})
		}
		i = j
	}
	return out
}

// equalFoldASCII is strcasecmp() == 0: ASCII letters fold, other bytes
// compare as they are.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func hasPrefixFold(s []byte, prefix string) bool {
	return len(s) >= len(prefix) && equalFoldASCII(string(s[:len(prefix)]), prefix)
}

// contentFields are the MIME header fields of one part, as far as
// BODYSTRUCTURE reports them. A nil pointer or slice is a field the part
// does not have.
type contentFields struct {
	typ, subtype  *string
	params        []Param
	encoding      *string
	id, desc, md5 *string
	location      *string
	language      []string
	disposition   *string
	dispParams    []Param
}

// parseContentType fills in the type, subtype and parameters of a
// Content-Type field. A broken value keeps what could be read and no
// parameters; a value that is not type/subtype at all gives "" "".
func (f *contentFields) parseContentType(v []byte) {
	l := lexer{s: v}
	l.skipCFWS()
	ct, r := l.contentType()
	typ, sub := string(ct), ""
	if i := bytes.IndexByte(ct, '/'); i >= 0 {
		typ, sub = string(ct[:i]), string(ct[i+1:])
	}
	f.typ, f.subtype = &typ, &sub
	if r < 0 {
		return
	}
	f.params = l.params()
}

// parseEncoding fills in the Content-Transfer-Encoding: one token and
// nothing else but comments, or the field is ignored.
func (f *contentFields) parseEncoding(v []byte) {
	l := lexer{s: v}
	l.skipCFWS()
	t, r := l.token(nil)
	if r >= 0 && l.skipCFWS() == 0 && len(t) > 0 {
		s := string(t)
		f.encoding = &s
	}
}

// parseDisposition fills in the Content-Disposition: its type (possibly
// empty) and its parameters.
func (f *contentFields) parseDisposition(v []byte) {
	l := lexer{s: v}
	l.skipCFWS()
	t, r := l.token(nil)
	if r < 0 {
		return
	}
	s := string(t)
	f.disposition = &s
	f.dispParams = l.params()
}

// parseLanguage fills in the Content-Language: the atoms of a
// comma-separated list, up to the first thing that is not one.
func (f *contentFields) parseLanguage(v []byte) {
	l := lexer{s: v}
	l.skipCFWS()
	var langs []string
	for {
		a, r := l.atom(nil)
		if r < 0 {
			break
		}
		langs = append(langs, string(a))
		if !l.more() || l.cur() != ',' {
			break
		}
		l.i++
		l.skipCFWS()
	}
	if len(langs) > 0 {
		f.language = langs
	}
}

// header handles one complete Content-* field, name without "Content-".
// For most fields the first occurrence wins; a Content-Disposition is
// replaced by a later one as long as it has no parameters.
func (f *contentFields) header(name string, v []byte) {
	str := func(p **string) {
		if *p == nil {
			s := headerString(v)
			*p = &s
		}
	}
	switch {
	case equalFoldASCII(name, "ID"):
		str(&f.id)
	case equalFoldASCII(name, "MD5"):
		str(&f.md5)
	case equalFoldASCII(name, "Type"):
		if f.typ == nil {
			f.parseContentType(v)
		}
	case equalFoldASCII(name, "Transfer-Encoding"):
		if f.encoding == nil {
			f.parseEncoding(v)
		}
	case equalFoldASCII(name, "Language"):
		if f.language == nil {
			f.parseLanguage(v)
		}
	case equalFoldASCII(name, "Location"):
		str(&f.location)
	case equalFoldASCII(name, "Description"):
		str(&f.desc)
	case equalFoldASCII(name, "Disposition"):
		if f.dispParams == nil {
			f.parseDisposition(v)
		}
	}
}

// forHumans is the display form Dovecot gives a Subject or a display name:
// every run of white space and line breaks becomes one space, and white
// space at either end goes.
func forHumans(b []byte) string {
	out := make([]byte, 0, len(b))
	lastSpace := true
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n':
			if !lastSpace {
				out = append(out, ' ')
			}
			lastSpace = true
		default:
			out = append(out, c)
			lastSpace = false
		}
	}
	if lastSpace && len(out) > 0 {
		out = out[:len(out)-1]
	}
	return string(out)
}

// noLF is the form Dovecot gives the unstructured strings it reports as
// they are (Date, Message-ID, Content-ID, ...): line breaks removed, and a
// space put where a line break was not followed by white space.
func noLF(b []byte) string {
	if !bytes.ContainsAny(b, "\r\n") {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i, c := range b {
		if c != '\r' && c != '\n' {
			out = append(out, c)
			continue
		}
		if i+1 < len(b) {
			if n := b[i+1]; n != ' ' && n != '\t' && n != '\r' && n != '\n' {
				out = append(out, ' ')
			}
		}
	}
	return string(out)
}

// headerString is a header value as Dovecot keeps an unstructured one: a
// NUL byte becomes U+FFFD.
func headerString(v []byte) string {
	if bytes.IndexByte(v, 0) < 0 {
		return string(v)
	}
	return string(bytes.ReplaceAll(v, []byte{0}, []byte(nulRepl)))
}
