package bodystructure

import "strings"

// internWords are the media types, parameter names and values, encodings
// and dispositions that most body structures are made of. Each is interned
// in lower case and in upper case, the cases servers write them in.
var internWords = [...]string{
	"text", "plain", "html", "application", "octet-stream", "pdf", "image", "jpeg", "png", "gif",
	"message", "rfc822", "mixed", "alternative", "related", "signed", "report",
	"charset", "us-ascii", "utf-8", "iso-8859-1", "windows-1252", "boundary", "name", "filename",
	"format", "flowed", "size", "type",
	"7bit", "8bit", "binary", "base64", "quoted-printable",
	"attachment", "inline", "en",
}

// internTable holds internWords at their internHash, which has no
// collisions among them, so that a lookup reads one slot. (A word added
// that collided would not be interned, and TestInterned would fail.)
var internTable = func() (t [internSlots]struct{ lower, upper string }) {
	for _, w := range internWords {
		if e := &t[internHash(w)]; e.lower == "" {
			e.lower, e.upper = w, strings.ToUpper(w)
		}
	}
	return t
}()

const internSlots = 128

// internHash hashes a word of at least two bytes by its length and its
// first two bytes, folded to lower case.
func internHash[T string | []byte](b T) uint {
	return (uint(b[0]|0x20)*2 + uint(b[1]|0x20)*31 + uint(len(b))) % internSlots
}

// interned returns b as a string without allocating when it is one of
// internWords in lower or upper case, or empty.
func interned(b []byte) (string, bool) {
	if len(b) < 2 {
		return "", len(b) == 0
	}
	e := &internTable[internHash(b)]
	if len(e.lower) == len(b) {
		if string(b) == e.lower {
			return e.lower, true
		}
		if string(b) == e.upper {
			return e.upper, true
		}
	}
	return "", false
}
