// Package command reads and writes IMAP client commands as typed values: the
// server side's Decoder and the client side's Encoder.
//
// Every command is a Command beside its tag: a *Login, *Select, *Fetch,
// *Search, *Append, ... one type per command of RFC 3501, RFC 9051 and the
// extensions listed below, the UID forms being the same types with UID set.
// A command this package does not know is an *Unknown, kept as generic
// wire.Values with its tag, so that a server can answer it (BAD, or its own
// extension) and go on. Parameters and items it does not know inside known
// commands are kept the same way; HasUnknown reports whether a command
// holds any. Two kinds of line come inside commands and have no tag: *Done
// ends IDLE, and *AuthResponse is a client response in an AUTHENTICATE
// exchange.
//
//	d := command.NewDecoder(conn, wire.Continuation(sendContinue))
//	for {
//		tag, cmd, err := d.ReadCommand()
//		var se *wire.SyntaxError
//		if errors.As(err, &se) {
//			reply(d.Tag(), "BAD "+se.Error())
//			d.Skip()
//			continue
//		}
//		...
//		switch c := cmd.(type) {
//		case *command.Login:
//			check(c.Username, c.Password.Reveal())
//		case *command.Fetch:
//			...
//		}
//	}
//
// # Decoding
//
// The Decoder reads one whole command per call, literals included, and
// returns values that share no memory with it. Before the body of each
// synchronising literal it runs the continuation hook (wire.Continuation),
// which sends "+ ..." or refuses the literal, for instance with [TOOBIG];
// the literal policy (wire.LiteralPolicy) says which literals the server
// accepts: LITERAL+, LITERAL- (non-synchronising literals only up to 4096
// bytes), literal8 for BINARY, a maximum size. The message literals of
// APPEND and REPLACE can stream to the caller instead of being buffered
// (Decoder.StreamMessages).
//
// A command that breaks the grammar is a *wire.SyntaxError with the byte
// offset where it went wrong; Decoder.Tag returns the tag to answer BAD
// with, and Decoder.Skip goes on with the next command. Limits on line
// length, literal sizes, nesting and the number of items are those of the
// wire layer, set with wire options.
//
// # Strict and lenient decoding
//
// Decoding is lenient by default: the deviations from the grammar that real
// clients send are accepted, and each is reported as a named wire.Quirk
// with its offset (Decoder.Quirks), so that nothing is silent. With
// wire.Strict(true) each of them is a *wire.SyntaxError that names it.
//
// # Encoding
//
// The Encoder writes values in canonical form: the same value always gives
// the same bytes, and decoding them gives the same value back. Keywords are
// written in upper case, strings as atoms, quoted strings or literals as
// their content allows, and messages always as literals. A command that
// has no valid wire form is an error found before a byte of it is written:
// the Encoder checks each command in a dry run first, without reading the
// bodies of literals that stream from an io.Reader.
//
// With a continuation hook the Encoder flushes each synchronising literal's
// announcement and waits in the hook for the server's continuation request
// before it writes the body; with a literal policy it uses the
// non-synchronising literals the server allows, and literal8 for BINARY
// data; with wire.UTF8 it writes UTF-8 mailbox names (UTF8=ACCEPT).
//
// # Session states
//
// States and Allowed tell in which session states of RFC 9051 §3 (not
// authenticated, authenticated, selected, logout) each command may be sent,
// as data a server or a trace decoder can ask.
//
// # Security considerations
//
// Credentials are Secrets: the password of LOGIN and the data of an
// AUTHENTICATE exchange print as "[redacted]" through String, fmt, JSON and
// log/slog; Secret.Reveal returns them. A server should set the limits of
// the wire layer to what it is ready to hold, and stream APPEND messages
// rather than buffer them.
package command
