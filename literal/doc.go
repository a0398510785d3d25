// Package literal handles IMAP literals: the announcements "{n}", "{n+}",
// "~{n}" and "~{n+}" that precede a counted string, their bodies, the size
// policy that decides which literals a peer accepts, and the continuation
// handshake of synchronising literals.
//
// It is the lowest layer of the module: the wire package's decoder and
// encoder use it, and it depends on nothing but the standard library.
//
// # Announcements
//
// An Announcement is the bracketed size that starts a literal, without the
// CRLF that follows it on the wire:
//
//	literal  = "{" number64 ["+"] "}" CRLF *CHAR8
//	literal8 = "~{" number64 ["+"] "}" CRLF *OCTET
//
// ParseAnnouncement is a stateless consume function over a byte slice, for
// a lexer that owns the buffer: it reports how many bytes it consumed, asks
// for more input with io.ErrUnexpectedEOF, and gives the offset of the byte
// at fault on a syntax error. It does not allocate. Announcement.AppendTo
// writes the canonical form, which has no leading zeros, so parse and append
// round-trip to the same value.
//
// # Policy
//
// A Policy describes what a peer accepts: a size limit and the LITERAL+,
// LITERAL- and BINARY extensions. A receiver calls Policy.Check on each
// announcement before it reads a byte of the body, so a literal that is too
// large is refused before any memory is spent on it. A sender calls
// Policy.Announce with the peer's policy to choose between a synchronising
// and a non-synchronising announcement.
//
// # Bodies
//
// A Reader yields exactly the announced number of bytes from the stream and
// never reads past them, so that the rest of the message can be read from
// the same source; a body cut short by the end of the stream is
// io.ErrUnexpectedEOF. Reader.WriteTo and Reader.Discard move or skip a body
// without buffering it whole.
//
// A Writer accepts exactly the announced number of bytes: a write that would
// pass them is refused with ErrBodyTooLong before anything of it is sent,
// and Close reports a short body with ErrBodyShort. Neither type wraps the
// I/O errors of the underlying stream.
//
// # Continuation handshake
//
// A client sending a synchronising literal must wait for the server's
// continuation request ("+ ...") between the announcement and the body; the
// server may refuse instead. Begin writes an announcement, flushes it and
// calls a ContinueFunc, the caller's hook that waits for (client) or sends
// (server) the continuation, then returns a Writer for the body.
// Non-synchronising literals skip the handshake. The receiving side calls
// its own ContinueFunc between reading the announcement and reading the
// body.
//
// Even a literal of zero bytes is synchronising unless announced with "+";
// Begin makes no exception for it.
//
// # Specifications
//
//   - RFC 3501 and RFC 9051, section 4.3 (String), and the Command
//     Continuation Request (RFC 3501 section 7.5, RFC 9051 section 7.6):
//     literals and the continuation handshake.
//   - RFC 9051, section 9 (Formal Syntax): literal and number64.
//   - RFC 7888: non-synchronising literals, LITERAL+ and LITERAL-, and the
//     4096-byte limit of LITERAL-.
//   - RFC 3516: BINARY and literal8; RFC 4466 adds the "+" form of literal8
//     for servers with both BINARY and LITERAL+.
//   - RFC 5530: the TOOBIG response code.
//
// Deliberate divergences: sizes are parsed as number64 (up to 2^63-1, RFC
// 9051) everywhere, where RFC 3501's number is 32 bits; a Policy.MaxSize
// gives the smaller limit where one is wanted. The server-to-client
// direction never carries non-synchronising literals, but ParseAnnouncement
// accepts "{n+}" in both directions; a client decoder that must refuse it
// checks Announcement.NonSync (or uses a Policy without LITERAL+ and
// LITERAL-).
//
// # Security considerations
//
// The announced size comes from the peer and may be anything up to 2^63-1
// (or, before parsing, an unbounded run of digits). ParseAnnouncement stops
// at the digit that overflows, and nothing in this package allocates memory
// in proportion to an announced size: bodies are streamed. Callers that
// buffer a body must check it against their own limit first, with
// Policy.Check.
//
// A refused non-synchronising literal has been sent already: its body is in
// the stream. The receiver must skip exactly that many bytes (Reader.Discard)
// or close the connection; reading the body as commands would let a client
// smuggle commands past the refusal.
//
// Announcing a non-synchronising literal to a peer that does not accept it
// invites the same confusion on the peer's side, which is why Policy.Announce
// falls back to a synchronising literal rather than assume support.
//
// A Writer refuses to send more than was announced, since extra bytes would
// be read by the peer as the next part of the command. Writer.ReadFrom
// consumes one byte past the body from its source to detect excess.
package literal
