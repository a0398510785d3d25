// Package wire reads and writes the lexical layer of IMAP (RFC 3501
// IMAP4rev1, RFC 9051 IMAP4rev2 and the extensions with syntax): atoms,
// numbers, quoted strings, literals, lists, flags, sequence sets, dates,
// mailbox names and free text, framed into messages.
//
// A Decoder reads from an io.Reader through its own buffer. Typed layers
// (packages command, response and bodystructure) call its Read methods, one
// grammar element each, and ReadValue for a value they do not know, kept as
// a generic tree; tools that do not know the grammar of what they read call
// ReadToken for one token at a time or ReadMessage for a whole message as
// generic values. An Encoder writes to an io.Writer: callers hand it Go
// values and it chooses their wire form.
//
// # Messages
//
// A message is a line plus the literals it announces: "{n}" at the end of a
// line means n bytes of literal follow the line ending, after which the
// message goes on. The Decoder always knows where the current message ends.
// When a Read method fails, the message is broken: further Reads return the
// same error until Skip discards the rest of the message, literals included,
// so that a server can answer BAD and a trace decoder can report the error and
// both can go on with the next message.
//
// Errors for bad input are *SyntaxError values carrying the byte offset in
// the stream, the grammar rule and a short quote of the input; the limits
// wrap the sentinels ErrLineTooLong, ErrLiteralTooLarge, ErrTooDeep and
// ErrTooMany. Errors from the reader are returned unwrapped, and a stream that
// ends inside a message is io.ErrUnexpectedEOF. After such an I/O error the
// same element call may be repeated once the reader has recovered: element
// reads consume nothing until they succeed (composite calls such as List are
// the exception).
//
// # Zero-copy views
//
// Byte slices returned by the Decoder (atoms, strings, literal bodies, token
// bytes) are views of its buffers, valid only until the next call of any of
// its methods, like bufio.Reader.ReadSlice and jsontext.Decoder.ReadValue.
// Copy what you keep: Token.Clone, bytes.Clone or a string conversion. Values
// returned by ReadMessage own their bytes.
//
// # Literals
//
// Literals are returned as bytes (ReadString, ReadAString, ReadToken, ...)
// when they fit within MaxLiteralBuffer, or streamed as an io.Reader of
// exactly the announced size (ReadLiteral) for message bodies of any size.
// Non-synchronising literals "{n+}" (RFC 7888) and literal8 "~{n}" (RFC
// 3516) are read alike; LiteralPolicy makes the decoder refuse what the peer
// did not negotiate. A literal larger than a limit is refused before a byte
// of its body is read. A server installs a Continuation hook, which the
// decoder calls before the body of each synchronising literal: the server
// sends "+" there, or refuses the literal.
//
// The Encoder writes a synchronising literal's announcement, flushes it, and
// waits for its Continuation hook (the client's wait for "+") before the
// body; with LiteralPolicy it uses non-synchronising literals where LITERAL+
// or LITERAL- allows them, and literal8 where BINARY does.
//
// # Limits
//
// Every limit that protects a decoder from hostile input is an Option with a
// documented default, checked before the memory is spent:
//
//   - MaxLineBytes (DefaultMaxLineBytes, 64 KiB): non-literal bytes of one
//     message, across all its lines;
//   - MaxLiteralBuffer (DefaultMaxLiteralBuffer, 16 MiB): one literal
//     returned as bytes; memory grows with the bytes that arrive, not with
//     the size announced;
//   - MaxLiteralTotal (DefaultMaxLiteralTotal): all literals of one message;
//   - MaxDepth (DefaultMaxDepth, 100): nesting of lists and sections;
//   - MaxItems (DefaultMaxItems): values ReadMessage builds for one message.
//
// Decoding time is linear in the input, whatever it holds.
//
// # Strict and lenient decoding
//
// Decoding is lenient by default: the deviations from the grammar that real
// servers and clients send are accepted, and each is reported as a Quirk
// with its offset (Decoder.Quirks, Message.Quirks), so that nothing is
// silent. With Strict(true) the same input is a *SyntaxError whose Quirk
// field names the deviation and which wraps ErrQuirk. The quirks of this
// layer are a space before the line ending, a bare LF, runs of spaces, a
// space before ")", 8-bit bytes in quoted strings or atoms without
// UTF8=ACCEPT, "]" inside an atom, an unescaped '"' or a bad escape in a
// quoted string, a NUL in a literal, an unencoded "&" or unquoted wildcards
// in a mailbox name; ReadMessage also reports a continuation request or a
// status response without its text. Typed layers report theirs through
// Decoder.Quirk.
//
// # Canonical encoding
//
// The Encoder never writes an invalid message: a value that has no valid
// wire form under its options is an error (ErrUnrepresentable), and a
// message that fails is not written. Its output is canonical: an astring is
// an atom when it can be, a string is quoted when it is at most 1024 bytes of
// 7-bit text (or UTF-8 under UTF8=ACCEPT) and a literal otherwise, a string
// with a NUL is a literal8; one space separates elements. So
// encode(decode(encode(v))) == encode(v).
//
// # Mailbox names
//
// EncodeMailbox and DecodeMailbox convert mailbox names between UTF-8 and
// the modified UTF-7 of RFC 3501 §5.1.3, and ModifiedUTF7 is the same as a
// golang.org/x/text encoding.Encoding. Decoding is strict: a lone or
// unterminated "&", unnecessary shifts, base64 that encodes printable ASCII,
// bad surrogates, padding and letters outside the modified base64 alphabet
// are errors. Under UTF8=ACCEPT (option UTF8) names are raw UTF-8. INBOX is
// case-insensitive (CanonicalMailbox).
//
// # Specifications
//
//   - RFC 3501 and RFC 9051 §4 (data formats) and §9 (formal syntax)
//   - RFC 7888 LITERAL+ and LITERAL-
//   - RFC 3516 BINARY (literal8)
//   - RFC 5182 SEARCHRES ("$" as a sequence set)
//   - RFC 6855 and RFC 9051 UTF8=ACCEPT
//   - RFC 2152 UTF-7, as modified by RFC 3501 §5.1.3
//
// Deliberate divergences: text (resp-text) may hold UTF-8 as RFC 9051
// allows, also in IMAP4rev1 sessions; a status response may have empty text
// as RFC 9051 allows (the Encoder writes "tag OK " then); the Decoder does not
// check streamed literal bodies for NUL bytes; a number may have leading
// zeros, as the ABNF allows, and keeps them in generic values.
//
// # Security considerations
//
// The decoder holds at most about MaxLineBytes of a message's lines and
// MaxLiteralBuffer of one buffered literal, and refuses a larger
// announcement before reading its body; nesting is bounded by MaxDepth, so
// a line of ten million "(" fails after about a hundred bytes. Announced
// literal sizes are checked for overflow digit by digit. Secrets such as
// passwords pass through the decoder's buffers like any other bytes: the
// typed layers redact them.
package wire
