package wire

// Character classes of the IMAP grammar (RFC 9051 §9), as a table of bit
// sets indexed by byte.
const (
	cAtom    = 1 << iota // ATOM-CHAR
	cAString             // ASTRING-CHAR: ATOM-CHAR / resp-specials
	cTag                 // tag: ASTRING-CHAR except "+"
	cWord                // generic word: ATOM-CHAR / list-wildcards / "\" minus "["
	cQuoted              // bytes that stand for themselves in a quoted string (7-bit, no CR LF NUL " \)
	cText                // TEXT-CHAR: CHAR except CR and LF
	cDigit               // DIGIT
	cList                // list-char: ATOM-CHAR / list-wildcards / resp-specials
)

// cSeq marks the bytes of a sequence set: digits ":" "," "*" "$".
var cSeq = func() (t [256]bool) {
	for _, c := range []byte("0123456789:,*$") {
		t[c] = true
	}
	return t
}()

var class = func() (t [256]uint8) {
	for c := 0x01; c <= 0x7f; c++ {
		t[c] |= cText
	}
	t['\r'] &^= cText
	t['\n'] &^= cText
	for c := 0x21; c <= 0x7e; c++ {
		switch c {
		case '(', ')', '{', '%', '*', '"', '\\', ']':
		default:
			t[c] |= cAtom | cAString | cTag | cList
		}
	}
	t['+'] &^= cTag
	t[']'] |= cAString | cTag | cList
	t['%'] |= cList
	t['*'] |= cList
	for c := 0x21; c <= 0x7e; c++ {
		switch c {
		case '(', ')', '{', '"', '[', ']':
		default:
			t[c] |= cWord
		}
	}
	for c := 0x01; c <= 0x7f; c++ {
		switch c {
		case '\r', '\n', '"', '\\':
		default:
			t[c] |= cQuoted
		}
	}
	for c := '0'; c <= '9'; c++ {
		t[c] |= cDigit
	}
	return t
}()

// consumeClass returns the length of the run of bytes of class c at the
// start of b.
func consumeClass(b []byte, c uint8) int {
	for i, x := range b {
		if class[x]&c == 0 {
			return i
		}
	}
	return len(b)
}

// isNIL reports whether b is the atom NIL in any case.
func isNIL[T string | []byte](b T) bool {
	return len(b) == 3 && b[0]|0x20 == 'n' && b[1]|0x20 == 'i' && b[2]|0x20 == 'l'
}

// equalFold reports whether b equals the upper-case ASCII word s in any case.
func equalFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range b {
		c := b[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

// parseDigits parses b, which holds only digits, as an unsigned number no
// larger than max. It returns ok=false on overflow or empty input.
func parseDigits(b []byte, max uint64) (n uint64, ok bool) {
	if len(b) == 0 || len(b) > 20 {
		return 0, false
	}
	for _, c := range b {
		d := uint64(c - '0')
		if n > (max-d)/10 {
			return 0, false
		}
		n = n*10 + d
	}
	return n, true
}
