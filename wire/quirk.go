package wire

import "strconv"

// A Quirk names a known deviation from the IMAP grammar that real servers or
// clients send. In lenient mode (the decoder's default) the input is accepted
// and the quirk is reported with its offset; in strict mode it is refused
// with a *SyntaxError whose Quirk field names it and which wraps ErrQuirk.
//
// The wire layer detects the quirks of the lexical grammar; the higher layers
// (response, command, bodystructure) detect the ones that belong to their
// grammar and report them through the same mechanism.
type Quirk uint8

// The known quirks. Their String forms are stable and used in trace output.
const (
	_ Quirk = iota

	// QuirkTrailingSpace: a space before the line ending, as after STATUS,
	// CAPABILITY, SEARCH or ID responses (Office 365, qq.com, Yahoo).
	QuirkTrailingSpace
	// QuirkBareLF: a line ended by LF alone instead of CRLF.
	QuirkBareLF
	// QuirkNegativeNumber: "-1" where a number belongs, such as a body size
	// or line count (Dovecot, Exchange).
	QuirkNegativeNumber
	// QuirkNILString: NIL where a string is required (Mail.ru, maddy).
	QuirkNILString
	// QuirkMissingBodyFields: body-fld-lines or the envelope missing for a
	// message/rfc822 or message/global part.
	QuirkMissingBodyFields
	// QuirkEmptyMultipart: a multipart body structure with no child part.
	QuirkEmptyMultipart
	// QuirkContinuationNoSpace: "+" followed directly by the line ending
	// (Yandex).
	QuirkContinuationNoSpace
	// QuirkNoAddressSpace: a space between the addresses of an envelope
	// address list, where the grammar allows none: "((...) (...))"
	// instead of "((...)(...))" (outlook.com).
	QuirkNoAddressSpace
	// QuirkBracketInAtom: "]" inside an atom or flag, as in the unquoted
	// mailbox name [Gmail]/Sent (Gmail).
	QuirkBracketInAtom
	// QuirkStarFlagInFlags: the flag \* inside a FLAGS response (Zoho).
	QuirkStarFlagInFlags
	// QuirkSpaceBeforeParen: a space before a closing parenthesis
	// (SurgeMail).
	QuirkSpaceBeforeParen
	// QuirkExtraSpace: two or more spaces where one belongs (DavMail before
	// RFC822.HEADER, extra spaces in QUOTA).
	QuirkExtraSpace
	// QuirkEightBit: 8-bit bytes in a quoted string or atom without
	// UTF8=ACCEPT (Dovecot, Cyrus).
	QuirkEightBit
	// QuirkCodeWithoutText: a status response with a response code but no
	// text after it (Gmail's HIGHESTMODSEQ).
	QuirkCodeWithoutText
	// QuirkUnencodedAmpersand: "&" not encoded as "&-" in a modified UTF-7
	// mailbox name, but left bare ("Tom & Jerry") or encoded in the base64
	// of the characters around it ("&BBAEMQQyACYEMwQ0BDU-" for "Абв&где")
	// (Yandex).
	QuirkUnencodedAmpersand
	// QuirkMailboxSpecials: an unquoted mailbox name containing specials
	// (StartMail).
	QuirkMailboxSpecials
	// QuirkUnescapedQuote: a '"' inside a quoted string without its
	// backslash, as in """" (163.com).
	QuirkUnescapedQuote
	// QuirkDispositionAsBody: a disposition list where a body part belongs
	// (server bugs documented by Ruby's net-imap).
	QuirkDispositionAsBody
	// QuirkBadEscape: a backslash in a quoted string followed by a byte
	// other than '"' or '\'.
	QuirkBadEscape
	// QuirkNULInLiteral: a NUL byte in the body of a literal other than
	// literal8.
	QuirkNULInLiteral
	// QuirkBadResponseCode: "[" at the start of a status response's text
	// that does not begin a valid response code, as Exchange's
	// [Error="..." ...]: the text is read as plain text.
	QuirkBadResponseCode
	// QuirkBadCodeArguments: a known response code whose arguments break
	// its grammar, as UIDVALIDITY 0 (SmarterMail), UIDNEXT 0 or
	// BADCHARSET without parentheses (RFC 9051's own example): the typed
	// layer keeps the code raw.
	QuirkBadCodeArguments
	// QuirkGroupedMetadata: several metadata items of a URLFETCH response
	// in one parenthesised group, as Dovecot sends them, where RFC 5524
	// puts each in its own: "(BODYPARTSTRUCTURE (...) BINARY {n}...)".
	QuirkGroupedMetadata
	// QuirkCodeWithoutSpace: text right after the "]" of a response code,
	// with no space between, as in RFC 2193's own example
	// "A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/REMOTE]Remote Mailbox".
	QuirkCodeWithoutSpace

	numQuirks
)

var quirkNames = [numQuirks]string{
	QuirkTrailingSpace:       "trailing-space",
	QuirkBareLF:              "bare-lf",
	QuirkNegativeNumber:      "negative-number",
	QuirkNILString:           "nil-string",
	QuirkMissingBodyFields:   "missing-body-fields",
	QuirkEmptyMultipart:      "empty-multipart",
	QuirkContinuationNoSpace: "continuation-no-space",
	QuirkNoAddressSpace:      "no-address-space",
	QuirkBracketInAtom:       "bracket-in-atom",
	QuirkStarFlagInFlags:     "star-flag-in-flags",
	QuirkSpaceBeforeParen:    "space-before-paren",
	QuirkExtraSpace:          "extra-space",
	QuirkEightBit:            "eight-bit",
	QuirkCodeWithoutText:     "code-without-text",
	QuirkUnencodedAmpersand:  "unencoded-ampersand",
	QuirkMailboxSpecials:     "mailbox-specials",
	QuirkUnescapedQuote:      "unescaped-quote",
	QuirkDispositionAsBody:   "disposition-as-body",
	QuirkBadEscape:           "bad-escape",
	QuirkNULInLiteral:        "nul-in-literal",
	QuirkBadResponseCode:     "bad-response-code",
	QuirkBadCodeArguments:    "bad-code-arguments",
	QuirkGroupedMetadata:     "grouped-metadata",
	QuirkCodeWithoutSpace:    "code-without-space",
}

// String returns the quirk's stable kebab-case name, such as
// "trailing-space".
func (q Quirk) String() string {
	if q > 0 && q < numQuirks {
		return quirkNames[q]
	}
	return "quirk(" + strconv.Itoa(int(q)) + ")"
}

// ParseQuirk returns the quirk with the given String form.
func ParseQuirk(name string) (Quirk, bool) {
	for q := Quirk(1); q < numQuirks; q++ {
		if quirkNames[q] == name {
			return q, true
		}
	}
	return 0, false
}

// A QuirkReport records one tolerated deviation: which one and where.
type QuirkReport struct {
	Quirk  Quirk
	Offset int64 // byte offset of the deviation in the stream
}
