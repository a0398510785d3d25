package wire

import (
	"errors"
	"strconv"
	"strings"

	"github.com/mailwire/imap/literal"
)

// Sentinel errors. Each is wrapped in a *SyntaxError when the decoder returns
// it, so test for them with errors.Is.
var (
	// ErrLineTooLong means the non-literal bytes of one message (every line
	// of it, with its line endings and literal announcements, but not the
	// literal bodies) exceeded the decoder's MaxLineBytes limit.
	ErrLineTooLong = errors.New("message line too long")

	// ErrLiteralTooLarge means a literal announcement exceeded a size limit
	// (the buffered-literal limit, the per-message total, or the largest
	// representable size). It is the same value as literal.ErrTooLarge.
	ErrLiteralTooLarge = literal.ErrTooLarge

	// ErrTooDeep means parenthesised lists or bracketed sections were nested
	// deeper than the decoder's MaxDepth limit.
	ErrTooDeep = errors.New("nesting too deep")

	// ErrTooMany means a message held more items than the decoder's MaxItems
	// limit.
	ErrTooMany = errors.New("too many items")

	// ErrQuirk means the input has a known real-world deviation from the
	// RFC grammar that strict decoding refuses. The SyntaxError's Quirk field
	// names it.
	ErrQuirk = errors.New("deviation from the grammar refused in strict mode")

	// ErrSyntax is wrapped by every SyntaxError that is not explained by one
	// of the more specific sentinels: the input does not match the grammar.
	ErrSyntax = errors.New("syntax error")
)

// SyntaxError reports input that does not follow the IMAP grammar, or that
// exceeds a limit. It is the only error type the wire layer returns for bad
// input; I/O errors and io.EOF from the underlying reader are returned as they
// are, and a stream cut inside a message is io.ErrUnexpectedEOF.
type SyntaxError struct {
	// Offset is the byte offset, counted from the start of the stream,
	// of the first byte that could not be accepted.
	Offset int64
	// Rule names the grammar rule being decoded, as in the RFC 9051 ABNF
	// ("astring", "quoted", "literal", "seq-set", ...).
	Rule string
	// Quote is a short excerpt of the input starting at Offset, for
	// messages; it may be empty at the end of the input.
	Quote string
	// Quirk is set when strict decoding refused a known deviation.
	Quirk Quirk
	// Err is the underlying cause: one of the sentinels of this package,
	// or a more specific error wrapping ErrSyntax.
	Err error
}

// Error formats the error as
//
//	imap/wire: offset 17: quoted: CR not allowed (near "ab\r\n")
func (e *SyntaxError) Error() string {
	var b strings.Builder
	b.WriteString("imap/wire: offset ")
	b.WriteString(strconv.FormatInt(e.Offset, 10))
	if e.Rule != "" {
		b.WriteString(": ")
		b.WriteString(e.Rule)
	}
	b.WriteString(": ")
	if e.Quirk != 0 {
		b.WriteString(e.Quirk.String())
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString(ErrSyntax.Error())
	}
	if e.Quote != "" {
		b.WriteString(" (near ")
		b.WriteString(strconv.Quote(e.Quote))
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns the underlying cause.
func (e *SyntaxError) Unwrap() error { return e.Err }

// syntaxDetail is an error that explains a SyntaxError and wraps ErrSyntax.
type syntaxDetail string

func (s syntaxDetail) Error() string        { return string(s) }
func (s syntaxDetail) Is(target error) bool { return target == ErrSyntax }

// errDetail builds the cause of a plain syntax error; it is only called on
// error paths.
func errDetail(msg string) error { return syntaxDetail(msg) }

// limitError explains which limit an input exceeded; it wraps the limit's
// sentinel.
type limitError struct {
	msg      string
	sentinel error
}

func (e *limitError) Error() string { return e.msg }
func (e *limitError) Unwrap() error { return e.sentinel }

// errLimit builds the cause of a limit error: what exceeded which option.
func errLimit(sentinel error, what, option string, limit int64) error {
	return &limitError{msg: what + " exceeds " + option + " (" + strconv.FormatInt(limit, 10) + ")", sentinel: sentinel}
}

// maxQuote bounds SyntaxError.Quote.
const maxQuote = 24

// quote returns a short excerpt of b for an error message.
func quote(b []byte) string {
	if len(b) > maxQuote {
		b = b[:maxQuote]
	}
	return string(b)
}
