// Package response reads and writes IMAP server responses as typed values:
// the client side's Decoder and the server side's Encoder.
//
// Every response is a Response: a *Status (OK, NO, BAD, BYE, PREAUTH,
// tagged or not, with a typed response Code), a *Continuation ("+"), one of
// the untagged data responses (*Fetch, *List, *MailboxStatus, *Capability,
// *Search, *ESearch, ...), or an *Unknown for a response this package does
// not know, kept as generic wire.Values so that nothing is lost. Unknown
// response codes (RawCode) and FETCH items (FetchUnknown) are kept the same
// way; HasUnknown reports whether a response holds any.
//
//	d := response.NewDecoder(conn)
//	for {
//		r, err := d.ReadResponse()
//		...
//		switch r := r.(type) {
//		case *response.Fetch:
//			fmt.Println(r.Seq, r.UID, r.Flags)
//		case *response.Status:
//			...
//		}
//	}
//
// # Decoding
//
// The Decoder reads one whole response per call, literals included, and
// returns values that share no memory with it. FETCH body sections are
// buffered up to the wire.MaxLiteralBuffer limit, or handed to a
// SectionFunc as they stream (Decoder.StreamSections), so that a client can
// write a large message to disk without holding it. To keep the cost of
// a FETCH response low, the strings, body structures and envelopes of many
// responses share blocks of memory (see bodystructure.Arena): a value kept
// for long keeps its block alive. A caller done with each response before
// it reads the next can let the decoder reuse the memory of its values
// (Decoder.ReuseValues), which then costs next to no allocations.
//
// A response that breaks the grammar is a *wire.SyntaxError with the byte
// offset where it went wrong; Decoder.Skip then goes on with the next
// response. Limits on line length, literal sizes, nesting and the number of
// items are those of the wire layer, set with wire options.
//
// # Strict and lenient decoding
//
// Decoding is lenient by default: the deviations from the grammar that real
// servers send are accepted, and each is reported as a named wire.Quirk
// with its offset (Decoder.Quirks), so that nothing is silent. Among those of
// this layer: a trailing space before the line ending (Office 365, Yahoo),
// "+" with no space (Yandex), a response code with no text (Gmail), "\*" in
// FLAGS (Zoho), a space before ")" (SurgeMail), extra spaces (DavMail), text
// starting with "[" that is no response code (Exchange), and the quirks of
// the body structures of package bodystructure. With wire.Strict(true) each
// of them is a *wire.SyntaxError that names it.
//
// # Encoding
//
// The Encoder writes values in canonical form: the same value always gives
// the same bytes, and decoding them gives the same value back. Strings are
// atoms, quoted strings or literals as their content allows; message data
// (BODY[], BINARY[]) is always a literal, or for BINARY a literal8 when it
// holds a NUL. Where the wire order of items carries no meaning it is fixed (the
// items of a FETCH response). A value that has no valid wire form, such as
// UID 0 or a flag that is not an atom, is an error, and nothing of that
// response is written.
//
// Deliberate divergences: text that is not UTF-8 (QuirkEightBit) is kept
// with U+FFFD in place of the bad bytes, since a Go string of text is meant
// to be UTF-8 and the encoder refuses anything else. Some deviations have no
// valid form to write back, so the canonical form keeps them as they came:
// "[" starting text after no code (QuirkBadResponseCode), "\*" in a list of
// flags (QuirkStarFlagInFlags), Gmail's keywords with brackets
// (QuirkBracketInAtom), a known response code whose arguments break its
// grammar, kept as a RawCode (QuirkBadCodeArguments, such as SmarterMail's
// UIDVALIDITY 0), and a NUL in message data outside BINARY
// (QuirkNULInLiteral). Strict decoding refuses these forms; lenient
// decoding reads them back to the same value.
//
// # Specifications
//
// RFC 3501 and RFC 9051 (IMAP4rev1 and IMAP4rev2), and the responses of
// RFC 2087 and 9208 (QUOTA), 2342 (NAMESPACE), 2971 (ID), 3516 (BINARY),
// 4314 (ACL), 4315 (UIDPLUS), 4467 (URLAUTH), 4731, 7377 and 9394 (ESEARCH),
// 5161 (ENABLE), 5256 (SORT, THREAD), 5258 (LIST-EXTENDED), 5464
// (METADATA), 5530 (response codes), 5819 (LIST-STATUS), 6154
// (SPECIAL-USE), 7162 (CONDSTORE, QRESYNC), 7889 (APPENDLIMIT), 8438
// (STATUS=SIZE), 8474 (OBJECTID), 8514 (SAVEDATE), 8970 (PREVIEW), and
// Gmail's X-GM-MSGID, X-GM-THRID and X-GM-LABELS.
//
// # Security considerations
//
// The decoder never panics, bounds every allocation by the input actually
// read and the wire limits, and bounds nesting (THREAD, BODYSTRUCTURE) by
// wire.MaxDepth. Message data handed to a SectionFunc is never buffered.
package response
