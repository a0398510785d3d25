package wire

import "github.com/mailwire/imap/literal"

// Default limits. Each can be changed with the Option of the same name.
const (
	// DefaultMaxLineBytes is the default limit on the non-literal bytes of
	// one message: all its lines, their line endings and literal
	// announcements, but not literal bodies. It is Dovecot's limit for
	// command lines.
	DefaultMaxLineBytes = 64 << 10

	// DefaultMaxLiteralBuffer is the default limit on a literal that the
	// decoder returns as bytes (buffered). Streamed literals are not
	// buffered and are bounded by MaxLiteralTotal only.
	DefaultMaxLiteralBuffer = 16 << 20

	// DefaultMaxLiteralTotal is the default limit on the sum of all literal
	// sizes in one message, buffered or streamed.
	DefaultMaxLiteralTotal = 1 << 40

	// DefaultMaxDepth is the default limit on the nesting of parenthesised
	// lists and bracketed sections.
	DefaultMaxDepth = 100

	// DefaultMaxItems is the default limit on the number of values
	// ReadMessage builds for one message.
	DefaultMaxItems = 1 << 20
)

type options struct {
	maxLineBytes     int64
	maxLiteralBuffer int64
	maxLiteralTotal  int64
	maxDepth         int
	maxItems         int
	strict           bool
	utf8             bool
	policy           *literal.Policy
	cont             literal.ContinueFunc
}

func defaultOptions() options {
	return options{
		maxLineBytes:     DefaultMaxLineBytes,
		maxLiteralBuffer: DefaultMaxLiteralBuffer,
		maxLiteralTotal:  DefaultMaxLiteralTotal,
		maxDepth:         DefaultMaxDepth,
		maxItems:         DefaultMaxItems,
	}
}

// An Option configures a Decoder or an Encoder. Options that do not apply
// to one of them are ignored by it.
type Option func(*options)

// MaxLineBytes limits the non-literal bytes of one message (decoder).
// Non-positive values select DefaultMaxLineBytes. The limit is checked before
// the bytes are buffered: the decoder never holds more than about this many
// bytes of one message's lines.
func MaxLineBytes(n int64) Option {
	return func(o *options) {
		if n <= 0 {
			n = DefaultMaxLineBytes
		}
		o.maxLineBytes = n
	}
}

// MaxLiteralBuffer limits the size of a literal returned as bytes
// (decoder). A larger announcement is refused with ErrLiteralTooLarge before
// any of its body is read. Non-positive values select
// DefaultMaxLiteralBuffer.
func MaxLiteralBuffer(n int64) Option {
	return func(o *options) {
		if n <= 0 {
			n = DefaultMaxLiteralBuffer
		}
		o.maxLiteralBuffer = n
	}
}

// MaxLiteralTotal limits the sum of the literal sizes announced in one
// message, buffered or streamed (decoder). Non-positive values select
// DefaultMaxLiteralTotal.
func MaxLiteralTotal(n int64) Option {
	return func(o *options) {
		if n <= 0 {
			n = DefaultMaxLiteralTotal
		}
		o.maxLiteralTotal = n
	}
}

// MaxDepth limits the nesting of lists and sections (decoder). Non-positive
// values select DefaultMaxDepth.
func MaxDepth(n int) Option {
	return func(o *options) {
		if n <= 0 {
			n = DefaultMaxDepth
		}
		o.maxDepth = n
	}
}

// MaxItems limits the number of values ReadMessage builds for one message,
// which bounds the memory of a generic message beyond MaxLineBytes: literals
// make many values out of few line bytes (decoder). The token and element
// reads keep nothing per token and need no such limit. Non-positive values
// select DefaultMaxItems.
func MaxItems(n int) Option {
	return func(o *options) {
		if n <= 0 {
			n = DefaultMaxItems
		}
		o.maxItems = n
	}
}

// Strict selects strict decoding: the input must follow the RFC ABNF
// exactly, and every known deviation is refused with a *SyntaxError naming
// its Quirk. The default is lenient: deviations are accepted and reported.
func Strict(strict bool) Option {
	return func(o *options) { o.strict = strict }
}

// UTF8 declares that UTF8=ACCEPT (RFC 6855, RFC 9051) is in force: quoted
// strings may hold UTF-8, and mailbox names are UTF-8 rather than modified
// UTF-7. Decoders then accept 8-bit quoted strings without a quirk;
// encoders write UTF-8 in quoted strings and mailbox names.
func UTF8(enabled bool) Option {
	return func(o *options) { o.utf8 = enabled }
}

// LiteralPolicy sets what the peer allows. A decoder checks every received
// announcement against it (non-synchronising and literal8 literals, size);
// without this option a decoder accepts every form. An encoder uses it to
// choose non-synchronising literals (LITERAL+ / LITERAL-) and to allow
// literal8 (BINARY); without it, an encoder writes synchronising literals and
// refuses values that need literal8.
func LiteralPolicy(p literal.Policy) Option {
	return func(o *options) { o.policy = &p }
}

// Continuation installs the synchronising-literal handshake hook.
//
// On a Decoder (a server reading commands) the hook runs after a
// synchronising announcement "{n}" has been read and before its body: it
// sends "+ ..." to the client and returns nil, or returns an error to refuse
// the literal, which the decoder then returns; the message ends at the
// announcement, since the client will not send the body.
//
// On an Encoder (a client writing commands) the hook runs after the
// announcement has been flushed and before the body is written: it waits
// for the server's continuation request and returns an error if the server
// refused.
//
// Without the hook, a decoder expects the body to follow at once (as it does
// in server responses and in captured traces), and an encoder writes it at
// once (as a server does).
func Continuation(fn literal.ContinueFunc) Option {
	return func(o *options) { o.cont = fn }
}
