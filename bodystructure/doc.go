// Package bodystructure reads, writes and computes the structure of
// messages as IMAP reports it: the BODYSTRUCTURE, BODY and ENVELOPE items
// of FETCH (RFC 9051 §7.5.2, RFC 3501 §7.4.2), and the sections that
// BODY[section] and BINARY[section] name.
//
// It serves both sides. A client or a trace decoder reads what a server
// sent with ReadBody and ReadEnvelope; a server computes the values from a
// stored message with Build, writes them with EncodeBody and
// EncodeEnvelope, and serves BODY[...] and BINARY[...] with the Message's
// section methods. The values are plain structs, the same for all of these.
//
// # Values
//
// A Body is a single part or, when its Parts are set, a multipart. Strings
// that the grammar allows to be NIL are wire.NString values, so NIL and ""
// stay distinct. Envelope address lists keep the flat form of the protocol,
// group markers included (see Address). Extension data that RFC 9051 does
// not define is kept as generic wire.Value trees.
//
// # Canonical output
//
// EncodeBody writes the same bytes for the same value: strings as the
// wire.Encoder chooses (quoted, or a literal when they must be), the
// extension data complete up to the location once any is present, and
// languages always as a list, as Dovecot writes them. Decoding what it wrote gives
// the same value back.
//
// # Strict and lenient decoding
//
// In lenient mode (the wire.Decoder's default) ReadBody and ReadEnvelope
// accept the deviations real servers send in body structures and repair
// them to valid values, reporting each as a wire.Quirk with its offset:
// "-1" sizes, NIL where a string belongs, a message/rfc822 part without
// envelope, body or line count, a multipart without parts, a disposition
// where a body part belongs, spaces between parts or between envelope
// addresses. ReadBody documents each repair. In strict mode each is a
// *wire.SyntaxError naming the quirk. Every value a Decoder returns can be
// encoded.
//
// # Computing the structure of a message
//
// Build reads a message once, streaming, and computes what a server reports
// for it: the BODYSTRUCTURE (BODY is its NonExtensible copy), the ENVELOPE
// and the RFC822.SIZE. It keeps header fields and part offsets, never a
// body, so memory does not grow with attachments, and it never fails on bad
// MIME: broken boundaries, missing or garbled Content-Type and encodings,
// NUL bytes and bare line ends all degrade the way Dovecot 2.3 degrades
// them. The values are Dovecot's for the same bytes, field by field; the
// tests check that against a live Dovecot for a corpus of 246 messages.
// Where Dovecot answers from its cache, or refuses, the package follows the
// bytes and the RFCs instead:
//
//   - BINARY.SIZE is always the length of what BINARY gives, also for
//     multipart and message parts (Dovecot's cached figure may differ);
//   - BINARY of one part fails only when that part cannot be decoded
//     (ErrUnknownCTE, ErrBadEncoding), not when another part cannot;
//   - a part that does not exist is ErrNoPart, which a server answers with
//     an empty string, as Dovecot does.
//
// # Sections
//
// ParseSection, ReadSection and EncodeSection convert the section-spec of
// BODY[...] and BINARY[...] between text, the wire and the Section value.
// Message.Section serves BODY[section] from the stored bytes: part numbers
// (RFC 9051 §6.4.5), HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT and
// MIME; Message.Binary and Message.BinarySize serve BINARY[part] and
// BINARY.SIZE[part] (RFC 3516), content-transfer-decoded. Partial.Cut
// applies a partial range <origin.count> to what they return.
//
// # Limits
//
// Nesting is bounded by the wire.Decoder's MaxDepth (100 by default): a
// body nested deeper fails with an error wrapping wire.ErrTooDeep as soon as
// the limit is reached, having read no further. EncodeBody refuses values
// nested deeper than 1000 levels. Build follows Dovecot's limits
// (MaxNestedParts, MaxTotalParts, MaxHeaderBlock, MaxAllHeaders): past them
// a part is not opened, and header values are cut; its time is linear in
// the size of the message.
//
// # Specifications
//
//   - RFC 9051 §6.4.5 (FETCH, sections), §7.5.2 (BODYSTRUCTURE, ENVELOPE),
//     §9 (formal syntax);
//   - RFC 3501, the same for IMAP4rev1, which has no message/global;
//   - RFC 3516 (BINARY, BINARY.SIZE);
//   - RFC 2045, 2046, 2183, 2231, 2557, 3282 and 5322 for the MIME and
//     header fields the values report.
package bodystructure
