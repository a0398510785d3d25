package literal

import "errors"

// Sentinel errors. Functions of this package return them bare or wrapped with
// detail, so test for them with errors.Is. I/O errors of the underlying
// reader or writer are never wrapped, and a body cut short by the end of its
// stream is io.ErrUnexpectedEOF.
var (
	// ErrTooLarge means a literal is larger than a limit allows, or its
	// announced size does not fit in a number64 (2^63-1). ParseAnnouncement
	// returns it for a size that overflows; Policy.Check and Policy.Announce
	// return it, wrapped, for a size over Policy.MaxSize.
	ErrTooLarge = errors.New("literal: too large")

	// ErrSyntax means the bytes are not a literal announcement. It is
	// returned wrapped by ParseAnnouncement, together with the offset of the
	// offending byte.
	ErrSyntax = errors.New("literal: syntax error in announcement")

	// ErrNonSync means a non-synchronising literal ("{n+}") was announced
	// to a peer that does not accept it: the peer has neither LITERAL+ nor,
	// for a literal of at most MaxNonSyncMinus bytes, LITERAL-. It is
	// returned wrapped by Policy.Check.
	ErrNonSync = errors.New("literal: non-synchronising literal not allowed")

	// ErrBinary means a literal8 ("~{n}") was used where the peer does not
	// accept it (no BINARY). It is returned wrapped by Policy.Check and
	// Policy.Announce.
	ErrBinary = errors.New("literal: literal8 not allowed")

	// ErrBodyTooLong means more body bytes were offered than the
	// announcement declared. Writer.Write and Writer.ReadFrom return it.
	ErrBodyTooLong = errors.New("literal: body longer than announced")

	// ErrBodyShort means a body ended before the announced number of bytes
	// was written. Writer.Close returns it, wrapped with the count.
	ErrBodyShort = errors.New("literal: body shorter than announced")
)

// errNegativeSize is returned by Policy.Announce and Begin for a size below 0,
// which no announcement can carry. It is a caller's mistake, not bad input,
// so it is not exported.
var errNegativeSize = errors.New("literal: negative size")

// detail is a static error that explains a sentinel and wraps it, so that the
// error paths of ParseAnnouncement do not allocate.
type detail struct {
	msg string
	err error
}

func (d *detail) Error() string { return d.msg }
func (d *detail) Unwrap() error { return d.err }

// The causes ParseAnnouncement reports.
var (
	errBadStart = &detail{"literal: announcement must start with '{' or '~{'", ErrSyntax}
	errNoDigit  = &detail{"literal: announcement needs at least one digit", ErrSyntax}
	errBadByte  = &detail{"literal: announcement expects a digit, '+' or '}'", ErrSyntax}
	errNoBrace  = &detail{"literal: announcement expects '}' after '+'", ErrSyntax}
	errOverflow = &detail{"literal: announced size exceeds 2^63-1 (number64)", ErrTooLarge}
)
