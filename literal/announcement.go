package literal

import (
	"io"
	"strconv"
)

// Announcement is the "{n}" / "{n+}" / "~{n}" / "~{n+}" that precedes a
// literal body. It is the grammar's
//
//	literal  = "{" number64 ["+"] "}" CRLF *CHAR8
//	literal8 = "~{" number64 ["+"] "}" CRLF *OCTET
//
// up to, but not including, the CRLF.
type Announcement struct {
	Size    int64 // n, 0 <= Size <= MaxSize
	NonSync bool  // "{n+}": non-synchronising (RFC 7888)
	Binary  bool  // "~{n}": literal8 (RFC 3516)
}

// MaxSize is the largest size an announcement can carry: the largest
// number64 of RFC 9051, 2^63-1.
const MaxSize = 1<<63 - 1

// MaxNonSyncMinus is the largest non-synchronising literal, in bytes, that a
// LITERAL- peer accepts (RFC 7888).
const MaxNonSyncMinus = 4096

// maxAnnouncementLen is the length of the longest canonical announcement,
// "~{9223372036854775807+}".
const maxAnnouncementLen = len("~{9223372036854775807+}")

// ParseAnnouncement parses the announcement at the start of b (b[0] is '{'
// or '~'). It does not consume the CRLF that must follow; the caller's lexer
// does.
//
// On success n is the number of bytes consumed. If b is a proper prefix of a
// valid announcement, the error is io.ErrUnexpectedEOF (more input is needed)
// and n is len(b). On a syntax error the error wraps ErrSyntax and n is the
// index in b of the offending byte. A size that does not fit in an int64 is
// an error wrapping ErrTooLarge, reported at the first digit that makes the
// number overflow, with n the index of that digit: the rest of the input is
// not read, so a hostile run of digits costs nothing.
//
// The number may have leading zeros ("{007}"), as the grammar's 1*DIGIT
// allows. ParseAnnouncement does not allocate, including on errors; it makes
// one pass over the bytes and stops at the first one it can judge.
func ParseAnnouncement(b []byte) (a Announcement, n int, err error) {
	i := 0
	if i < len(b) && b[i] == '~' {
		a.Binary = true
		i++
	}
	if i == len(b) {
		return Announcement{}, i, io.ErrUnexpectedEOF
	}
	if b[i] != '{' {
		return Announcement{}, i, errBadStart
	}
	i++
	start := i
	var v int64
	for ; i < len(b); i++ {
		c := b[i] - '0'
		if c > 9 {
			break
		}
		if v > MaxSize/10 || v == MaxSize/10 && c > MaxSize%10 {
			return Announcement{}, i, errOverflow
		}
		v = v*10 + int64(c)
	}
	if i == len(b) {
		return Announcement{}, i, io.ErrUnexpectedEOF
	}
	if i == start {
		return Announcement{}, i, errNoDigit
	}
	a.Size = v
	switch b[i] {
	case '}':
	case '+':
		a.NonSync = true
		i++
		if i == len(b) {
			return Announcement{}, i, io.ErrUnexpectedEOF
		}
		if b[i] != '}' {
			return Announcement{}, i, errNoBrace
		}
	default:
		return Announcement{}, i, errBadByte
	}
	return a, i + 1, nil
}

// AppendTo appends the canonical form of a to dst and returns the extended
// slice: "{5}", "{5+}", "~{5}" or "~{5+}", without leading zeros and without
// the CRLF that follows on the wire.
//
// AppendTo does not validate a: a negative Size gives bytes that
// ParseAnnouncement refuses. Begin and Policy.Announce refuse such a size.
func (a Announcement) AppendTo(dst []byte) []byte {
	if a.Binary {
		dst = append(dst, '~')
	}
	dst = append(dst, '{')
	dst = strconv.AppendInt(dst, a.Size, 10)
	if a.NonSync {
		dst = append(dst, '+')
	}
	return append(dst, '}')
}

// String returns the canonical form of a, as AppendTo writes it.
func (a Announcement) String() string {
	var buf [maxAnnouncementLen]byte
	return string(a.AppendTo(buf[:0]))
}
