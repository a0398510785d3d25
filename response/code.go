package response

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mailwire/imap/wire"
)

// A Code is a response code (RFC 9051 §7.1: resp-text-code), the bracketed
// part at the start of a status response's text:
//
//	S: * OK [UIDVALIDITY 3857529045] UIDs valid
//
// The codes without arguments are SimpleCode values (CodeAlert,
// CodeReadWrite, ...); the codes with arguments this package knows have a
// type each (UIDNextCode, CopyUIDCode, ...), with value receivers; every
// other code is kept as a RawCode. Decoding accepts code names in any case.
//
// The arguments of a code end at the first "]" that closes it, so an
// encoder refuses arguments that hold a "]" that does not close a "[" before
// it. An unclosed "[" (the atom a[b) is written as it is: it reads back as
// long as the text after the code holds no "]".
type Code interface {
	// CodeName returns the code's name in upper case: "ALERT",
	// "UIDVALIDITY", ...
	CodeName() string
	// encodeArgs writes the code's arguments, after a space, if it has any.
	encodeArgs(e *wire.Encoder)
}

// A SimpleCode is a response code without arguments, such as [ALERT] or
// [TRYCREATE]. Its value is the code's name in upper case.
//
// An encoder refuses a SimpleCode named after a code that takes arguments
// (use its type: UIDNextCode, BadCharsetCode, ...), and a name that is not
// an atom in upper case. Other names are written as they are, but decoding
// returns SimpleCode only for the constants below: any other code decodes
// as a RawCode.
type SimpleCode string

// The response codes without arguments.
const (
	// CodeAlert: the text is an alert that the client must show to the
	// user (RFC 9051 §7.1).
	CodeAlert SimpleCode = "ALERT"
	// CodeParse: the server could not parse the headers or MIME structure
	// of a message (RFC 9051 §7.1).
	CodeParse SimpleCode = "PARSE"
	// CodeReadOnly: the mailbox is selected read-only (RFC 9051 §7.1).
	CodeReadOnly SimpleCode = "READ-ONLY"
	// CodeReadWrite: the mailbox is selected read-write (RFC 9051 §7.1).
	CodeReadWrite SimpleCode = "READ-WRITE"
	// CodeTryCreate: an APPEND, COPY or MOVE failed because the target
	// mailbox does not exist, and CREATE might help (RFC 9051 §7.1).
	CodeTryCreate SimpleCode = "TRYCREATE"

	// CodeUIDNotSticky: the selected mailbox does not keep UIDs across
	// sessions (RFC 4315 §3, RFC 9051 §7.1).
	CodeUIDNotSticky SimpleCode = "UIDNOTSTICKY"

	// CodeUnavailable: a subsystem the command needs is down
	// (RFC 5530 §3, RFC 9051 §7.1).
	CodeUnavailable SimpleCode = "UNAVAILABLE"
	// CodeAuthenticationFailed: the credentials were refused
	// (RFC 5530 §3, RFC 9051 §7.1).
	CodeAuthenticationFailed SimpleCode = "AUTHENTICATIONFAILED"
	// CodeAuthorizationFailed: authentication worked but the
	// authorization identity may not be used (RFC 5530 §3, RFC 9051 §7.1).
	CodeAuthorizationFailed SimpleCode = "AUTHORIZATIONFAILED"
	// CodeExpired: the credentials have expired (RFC 5530 §3,
	// RFC 9051 §7.1).
	CodeExpired SimpleCode = "EXPIRED"
	// CodePrivacyRequired: the operation needs a protected connection
	// (RFC 5530 §3, RFC 9051 §7.1).
	CodePrivacyRequired SimpleCode = "PRIVACYREQUIRED"
	// CodeContactAdmin: the user should contact the administrator
	// (RFC 5530 §3, RFC 9051 §7.1).
	CodeContactAdmin SimpleCode = "CONTACTADMIN"
	// CodeNoPerm: the access control list forbids the operation
	// (RFC 5530 §3, RFC 9051 §7.1).
	CodeNoPerm SimpleCode = "NOPERM"
	// CodeInUse: the mailbox or resource is in use by someone else
	// (RFC 5530 §3, RFC 9051 §7.1).
	CodeInUse SimpleCode = "INUSE"
	// CodeExpungeIssued: another session expunged messages the command
	// refers to (RFC 5530 §3, RFC 9051 §7.1).
	CodeExpungeIssued SimpleCode = "EXPUNGEISSUED"
	// CodeCorruption: the server found corrupt data (RFC 5530 §3,
	// RFC 9051 §7.1).
	CodeCorruption SimpleCode = "CORRUPTION"
	// CodeServerBug: the server has a bug (RFC 5530 §3, RFC 9051 §7.1).
	CodeServerBug SimpleCode = "SERVERBUG"
	// CodeClientBug: the server thinks the client has a bug
	// (RFC 5530 §3, RFC 9051 §7.1).
	CodeClientBug SimpleCode = "CLIENTBUG"
	// CodeCannot: the operation is not possible and will never be
	// (RFC 5530 §3, RFC 9051 §7.1).
	CodeCannot SimpleCode = "CANNOT"
	// CodeLimit: a limit of the server was reached (RFC 5530 §3,
	// RFC 9051 §7.1).
	CodeLimit SimpleCode = "LIMIT"
	// CodeOverQuota: a quota is exceeded (RFC 5530 §3, RFC 9208 §4.3.1,
	// RFC 9051 §7.1).
	CodeOverQuota SimpleCode = "OVERQUOTA"
	// CodeAlreadyExists: the object to create already exists
	// (RFC 5530 §3, RFC 9051 §7.1).
	CodeAlreadyExists SimpleCode = "ALREADYEXISTS"
	// CodeNonExistent: the object the command names does not exist
	// (RFC 5530 §3, RFC 9051 §7.1).
	CodeNonExistent SimpleCode = "NONEXISTENT"

	// CodeNotSaved: a SEARCH result could not be saved (RFC 5182,
	// RFC 9051 §6.4.4.3 and §7.1).
	CodeNotSaved SimpleCode = "NOTSAVED"
	// CodeHasChildren: a mailbox with children cannot be deleted
	// (RFC 9051 §7.1).
	CodeHasChildren SimpleCode = "HASCHILDREN"
	// CodeClosed: the previously selected mailbox is now closed
	// (RFC 7162 §3.2.5.1 and §7, RFC 9051 §7.1).
	CodeClosed SimpleCode = "CLOSED"
	// CodeUnknownCTE: the server cannot decode the message part's
	// Content-Transfer-Encoding for FETCH BINARY (RFC 3516 §7,
	// RFC 9051 §7.1).
	CodeUnknownCTE SimpleCode = "UNKNOWN-CTE"

	// CodeNoModSeq: the selected mailbox has no mod-sequences
	// (RFC 7162 §3.1.2.2).
	CodeNoModSeq SimpleCode = "NOMODSEQ"
	// CodeTooBig: a message or literal is larger than the server accepts
	// (RFC 4469 §5, RFC 7888 §5, RFC 7889 §4).
	CodeTooBig SimpleCode = "TOOBIG"
	// CodeCompressionActive: compression is already in force
	// (RFC 4978 §3 and §5).
	CodeCompressionActive SimpleCode = "COMPRESSIONACTIVE"
	// CodeUseAttr: the special-use attribute given to CREATE is not
	// supported (RFC 6154 §5.3 and §6).
	CodeUseAttr SimpleCode = "USEATTR"
	// CodeUIDRequired: with UIDONLY enabled, the command used message
	// sequence numbers (RFC 9586 §3).
	CodeUIDRequired SimpleCode = "UIDREQUIRED"
)

// simpleCodes lists the SimpleCode constants: the codes without arguments
// that decoding returns as SimpleCode.
var simpleCodes = [...]SimpleCode{
	CodeAlert, CodeParse, CodeReadOnly, CodeReadWrite, CodeTryCreate,
	CodeUIDNotSticky,
	CodeUnavailable, CodeAuthenticationFailed, CodeAuthorizationFailed,
	CodeExpired, CodePrivacyRequired, CodeContactAdmin, CodeNoPerm,
	CodeInUse, CodeExpungeIssued, CodeCorruption, CodeServerBug,
	CodeClientBug, CodeCannot, CodeLimit, CodeOverQuota, CodeAlreadyExists,
	CodeNonExistent,
	CodeNotSaved, CodeHasChildren, CodeClosed, CodeUnknownCTE,
	CodeNoModSeq, CodeTooBig, CodeCompressionActive, CodeUseAttr,
	CodeUIDRequired,
}

// CodeName returns the code's name.
func (c SimpleCode) CodeName() string { return string(c) }

func (c SimpleCode) encodeArgs(e *wire.Encoder) {
	switch k, ok := knownCodes[string(c)]; {
	case ok && k.read != nil:
		e.Refuse("SimpleCode " + string(c) + ": the code takes arguments")
	case !isUpperName(string(c)):
		e.Refuse("SimpleCode " + strconv.Quote(string(c)) + ": not an atom in upper case")
	}
}

// A CapabilityCode lists the server's capabilities (RFC 9051 §7.1 and
// §7.2.2: capability-data), as in a greeting or the completion of LOGIN:
//
//	S: * OK [CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI] Capabilities
//
// Capability names are case-insensitive; Caps keeps them as the server sent
// them, and Has compares them ignoring case. Decoding does not insist on
// IMAP4rev1 or IMAP4rev2 being listed, which the grammar requires.
type CapabilityCode struct {
	Caps []string // at least one; each an atom
}

// CodeName returns "CAPABILITY".
func (CapabilityCode) CodeName() string { return "CAPABILITY" }

// Has reports whether c lists the capability name, in any case.
func (c CapabilityCode) Has(name string) bool {
	for _, s := range c.Caps {
		if strings.EqualFold(s, name) {
			return true
		}
	}
	return false
}

func (c CapabilityCode) encodeArgs(e *wire.Encoder) {
	if len(c.Caps) == 0 {
		e.Refuse("CAPABILITY without capabilities")
		return
	}
	for _, s := range c.Caps {
		if !isAtom(s) {
			e.Refuse("capability " + strconv.Quote(s) + ": not an atom")
			return
		}
		e.SP().Atom(s)
	}
}

// A PermanentFlagsCode lists the flags the client can change permanently in
// the selected mailbox (RFC 9051 §7.1), sent when a mailbox is selected:
//
//	S: * OK [PERMANENTFLAGS (\Deleted \Seen \*)] Limited
//
// The flags are as the FLAGS response has them, with system flags in their
// canonical case ("\Seen"), plus "\*": new keywords can be created. Gmail's
// keywords with brackets, such as OIB-Seen-[Gmail]/Trash, are kept (see
// wire.QuirkBracketInAtom); they are written back as they came.
type PermanentFlagsCode struct {
	Flags []string // may be empty: "()"
}

// CodeName returns "PERMANENTFLAGS".
func (PermanentFlagsCode) CodeName() string { return "PERMANENTFLAGS" }

func (c PermanentFlagsCode) encodeArgs(e *wire.Encoder) {
	e.SP().ListStart()
	for i, f := range c.Flags {
		if i > 0 {
			e.SP()
		}
		encodeCodeFlag(e, f)
	}
	e.ListEnd()
}

// A BadCharsetCode reports that SEARCH or SORT does not support the charset
// asked for, and may list the ones it does support (RFC 9051 §7.1 and
// §6.4.4):
//
//	S: A006 NO [BADCHARSET (UTF-8 US-ASCII)] Charset not supported
//
// Charsets is nil when the code has no list ("[BADCHARSET]"); an empty
// list is written the same way.
type BadCharsetCode struct {
	Charsets []string
}

// CodeName returns "BADCHARSET".
func (BadCharsetCode) CodeName() string { return "BADCHARSET" }

func (c BadCharsetCode) encodeArgs(e *wire.Encoder) {
	if len(c.Charsets) == 0 {
		return
	}
	e.SP().ListStart()
	for i, s := range c.Charsets {
		if i > 0 {
			e.SP()
		}
		switch {
		case isAtom(s) && strings.IndexByte(s, '[') < 0:
			e.Atom(s)
		case quotableInCode(s):
			e.String(s)
		default:
			e.Refuse("charset " + strconv.Quote(s) + ": cannot be written inside a response code")
			return
		}
	}
	e.ListEnd()
}

// A UIDNextCode gives the UID the next message added to the mailbox will
// probably get (RFC 9051 §7.1), sent when a mailbox is selected:
//
//	S: * OK [UIDNEXT 4392] Predicted next UID
type UIDNextCode struct {
	UID uint32 // non-zero
}

// CodeName returns "UIDNEXT".
func (UIDNextCode) CodeName() string { return "UIDNEXT" }

func (c UIDNextCode) encodeArgs(e *wire.Encoder) { encodeNZNumber(e, "UIDNEXT", c.UID) }

// A UIDValidityCode gives the mailbox's UIDVALIDITY (RFC 9051 §7.1), sent
// when a mailbox is selected:
//
//	S: * OK [UIDVALIDITY 3857529045] UIDs valid
type UIDValidityCode struct {
	UIDValidity uint32 // non-zero
}

// CodeName returns "UIDVALIDITY".
func (UIDValidityCode) CodeName() string { return "UIDVALIDITY" }

func (c UIDValidityCode) encodeArgs(e *wire.Encoder) {
	encodeNZNumber(e, "UIDVALIDITY", c.UIDValidity)
}

// An UnseenCode gives the sequence number of the first unseen message
// (RFC 3501 §7.1). RFC 9051 dropped it; IMAP4rev1 servers still send it:
//
//	S: * OK [UNSEEN 12] Message 12 is first unseen
type UnseenCode struct {
	Seq uint32 // non-zero
}

// CodeName returns "UNSEEN".
func (UnseenCode) CodeName() string { return "UNSEEN" }

func (c UnseenCode) encodeArgs(e *wire.Encoder) { encodeNZNumber(e, "UNSEEN", c.Seq) }

// A HighestModSeqCode gives the highest mod-sequence of the mailbox
// (RFC 7162 §3.1.2.1 and §7: mod-sequence-value):
//
//	S: * OK [HIGHESTMODSEQ 715194045007] Highest
type HighestModSeqCode struct {
	ModSeq uint64 // 1 to 2^63-1
}

// CodeName returns "HIGHESTMODSEQ".
func (HighestModSeqCode) CodeName() string { return "HIGHESTMODSEQ" }

func (c HighestModSeqCode) encodeArgs(e *wire.Encoder) {
	if c.ModSeq == 0 || c.ModSeq > maxModSeq {
		e.Refuse("HIGHESTMODSEQ out of range 1 to 2^63-1")
		return
	}
	e.SP().Number64(c.ModSeq)
}

// An AppendUIDCode gives the UIDs of the messages APPEND added
// (RFC 4315 §3 and §4: resp-code-apnd; a uid-set after a MULTIAPPEND):
//
//	S: A003 OK [APPENDUID 38505 3955] APPEND completed
type AppendUIDCode struct {
	UIDValidity uint32 // of the target mailbox; non-zero
	// UIDs holds one UID, or several after MULTIAPPEND: a uid-set, with
	// neither "*" nor "$".
	UIDs wire.SeqSet
}

// CodeName returns "APPENDUID".
func (AppendUIDCode) CodeName() string { return "APPENDUID" }

func (c AppendUIDCode) encodeArgs(e *wire.Encoder) {
	encodeNZNumber(e, "APPENDUID", c.UIDValidity)
	encodeUIDSet(e, "APPENDUID", c.UIDs)
}

// A CopyUIDCode gives the UIDs of the messages COPY or MOVE copied and the
// UIDs of their copies, in the same order (RFC 4315 §3 and §4:
// resp-code-copy):
//
//	S: A004 OK [COPYUID 38505 304,319:320 3956:3958] Done
//
// The ranges of each set keep their order, which pairs them; each range is
// stored lower end first, as the grammar makes "320:319" and "319:320" the
// same range.
type CopyUIDCode struct {
	UIDValidity  uint32      // of the target mailbox; non-zero
	Source, Dest wire.SeqSet // uid-sets: neither "*" nor "$"
}

// CodeName returns "COPYUID".
func (CopyUIDCode) CodeName() string { return "COPYUID" }

func (c CopyUIDCode) encodeArgs(e *wire.Encoder) {
	encodeNZNumber(e, "COPYUID", c.UIDValidity)
	encodeUIDSet(e, "COPYUID", c.Source)
	encodeUIDSet(e, "COPYUID", c.Dest)
}

// A ModifiedCode lists the messages a conditional STORE did not change
// because their mod-sequence was higher than asked (RFC 7162 §3.1.3 and §7),
// as UIDs after UID STORE and sequence numbers after STORE:
//
//	S: d105 OK [MODIFIED 7,9] Conditional STORE failed
type ModifiedCode struct {
	Set wire.SeqSet // not empty
}

// CodeName returns "MODIFIED".
func (ModifiedCode) CodeName() string { return "MODIFIED" }

func (c ModifiedCode) encodeArgs(e *wire.Encoder) {
	if c.Set.IsZero() {
		e.Refuse("MODIFIED with an empty set")
		return
	}
	e.SP().SeqSet(c.Set)
}

// The kinds of METADATA response codes (RFC 5464 §4.2.1, §4.3 and §5), for
// MetadataCode.Kind.
const (
	// MetadataLongEntries: GETMETADATA left out entries longer than its
	// MAXSIZE; Value is the size of the longest.
	MetadataLongEntries = "LONGENTRIES"
	// MetadataMaxSize: SETMETADATA failed because a value is too large;
	// Value is the largest size the server accepts.
	MetadataMaxSize = "MAXSIZE"
	// MetadataTooMany: SETMETADATA failed because there would be too many
	// entries.
	MetadataTooMany = "TOOMANY"
	// MetadataNoPrivate: SETMETADATA failed because the server does not
	// keep private entries.
	MetadataNoPrivate = "NOPRIVATE"
)

// A MetadataCode is one of the METADATA response codes of RFC 5464 §5:
//
//	S: a OK [METADATA LONGENTRIES 2199] GETMETADATA complete
//	S: a NO [METADATA TOOMANY] SETMETADATA failed
type MetadataCode struct {
	// Kind is MetadataLongEntries, MetadataMaxSize, MetadataTooMany or
	// MetadataNoPrivate.
	Kind string
	// Value is the number after LONGENTRIES or MAXSIZE; it must be 0 for
	// the other kinds.
	Value uint32
}

// CodeName returns "METADATA".
func (MetadataCode) CodeName() string { return "METADATA" }

func (c MetadataCode) encodeArgs(e *wire.Encoder) {
	switch c.Kind {
	case MetadataLongEntries, MetadataMaxSize:
		e.SP().Atom(c.Kind).SP().Number(c.Value)
	case MetadataTooMany, MetadataNoPrivate:
		if c.Value != 0 {
			e.Refuse("METADATA " + c.Kind + " with a value")
			return
		}
		e.SP().Atom(c.Kind)
	default:
		e.Refuse("METADATA of unknown kind " + strconv.Quote(c.Kind))
	}
}

// A MailboxIDCode gives the object ID of a mailbox CREATE made
// (RFC 8474 §4.1 and §7):
//
//	S: 3 OK [MAILBOXID (F2212ea87-6097-4256-9d51-71338625)] Completed
type MailboxIDCode struct {
	// ID is 1 to 255 letters, digits, "_" and "-", case-sensitive.
	ID string
}

// CodeName returns "MAILBOXID".
func (MailboxIDCode) CodeName() string { return "MAILBOXID" }

func (c MailboxIDCode) encodeArgs(e *wire.Encoder) {
	if !validObjectID(c.ID) {
		e.Refuse("MAILBOXID " + strconv.Quote(c.ID) + ": not an objectid")
		return
	}
	e.SP().ListStart().Atom(c.ID).ListEnd()
}

// A ReferralCode sends the client to other servers (RFC 2221 §4 and §5,
// login referrals; RFC 2193 §3, mailbox referrals):
//
//	S: A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/] Remote Server
//
// RFC 2193 allows several URLs, separated by spaces, the preferred first.
type ReferralCode struct {
	URLs []string // at least one; printable ASCII without spaces
}

// CodeName returns "REFERRAL".
func (ReferralCode) CodeName() string { return "REFERRAL" }

func (c ReferralCode) encodeArgs(e *wire.Encoder) {
	if len(c.URLs) == 0 {
		e.Refuse("REFERRAL without a URL")
		return
	}
	for _, u := range c.URLs {
		if !isCodeURL(u) {
			e.Refuse("REFERRAL URL " + strconv.Quote(u) + ": cannot be written inside a response code")
			return
		}
		e.SP().Text(u)
	}
}

// A BadURLCode names the URL that made CATENATE or URLFETCH fail
// (RFC 4469 §5: url-resp-text, the URL as it is, not quoted):
//
//	S: A003 NO [BADURL /INBOX;UIDVALIDITY=785799047/;UID=113330;section=1.5.9] CATENATE append has failed
type BadURLCode struct {
	// URL is the text of the arguments: any text, spaces included.
	URL string
}

// CodeName returns "BADURL".
func (BadURLCode) CodeName() string { return "BADURL" }

func (c BadURLCode) encodeArgs(e *wire.Encoder) {
	if c.URL == "" {
		e.Refuse("BADURL without a URL")
		return
	}
	encodeCodeText(e, "BADURL", c.URL)
}

// A RawCode is a response code this package does not know, kept as it came:
// its name and the text of its arguments.
//
// An encoder refuses a RawCode named after a code this package knows, since
// it would decode as that code's type, a Name that is not an atom in upper
// case, and Args that cannot be written inside the brackets: with CR, LF,
// NUL, invalid UTF-8, or a "]" that closes no "[".
type RawCode struct {
	Name string // in upper case
	// Args is the arguments' text, "" if none. Decoding keeps it as sent,
	// spaces included, except that bytes that are not UTF-8 become U+FFFD.
	Args string
}

// CodeName returns the code's name.
func (c RawCode) CodeName() string { return c.Name }

func (c RawCode) encodeArgs(e *wire.Encoder) {
	if _, ok := knownCodes[c.Name]; ok && parsesTyped(c) {
		e.Refuse("RawCode " + c.Name + ": the code has a type of its own")
		return
	}
	if !isUpperName(c.Name) {
		e.Refuse("RawCode " + strconv.Quote(c.Name) + ": not an atom in upper case")
		return
	}
	if c.Args != "" {
		encodeCodeText(e, c.Name, c.Args)
	}
}

// parsesTyped reports whether c, a RawCode with the name of a known code,
// would decode as the typed code: only one whose arguments break the
// code's grammar (wire.QuirkBadCodeArguments) stays raw.
func parsesTyped(c RawCode) bool {
	in := "* OK [" + c.Name
	if c.Args != "" {
		in += " " + c.Args
	}
	r, err := NewDecoder(strings.NewReader(in + "] x\r\n")).ReadResponse()
	if err != nil {
		return false
	}
	_, raw := r.(*Status).Code.(RawCode)
	return !raw
}

func encodeCode(e *wire.Encoder, c Code) {
	e.Atom(c.CodeName())
	c.encodeArgs(e)
}

// maxModSeq is the largest mod-sequence (RFC 7162 §7: 63 bits).
const maxModSeq = 1<<63 - 1

func encodeNZNumber(e *wire.Encoder, code string, n uint32) {
	if n == 0 {
		e.Refuse(code + " with a zero number")
		return
	}
	e.SP().Number(n)
}

// encodeUIDSet writes SP uid-set: a sequence set without "*" or "$".
func encodeUIDSet(e *wire.Encoder, code string, s wire.SeqSet) {
	if s.Saved || len(s.Ranges) == 0 {
		e.Refuse(code + " with an empty or saved (\"$\") UID set")
		return
	}
	for _, r := range s.Ranges {
		if r.Start == 0 || r.Stop == 0 {
			e.Refuse(code + " with \"*\" in a UID set")
			return
		}
	}
	e.SP().SeqSet(s)
}

// encodeCodeFlag writes a flag of PERMANENTFLAGS. A keyword with "]" in it,
// as Gmail's OIB-Seen-[Gmail]/Trash, is written as it is when each "]"
// closes a "[" of the keyword: it reads back the same, with
// wire.QuirkBracketInAtom.
func encodeCodeFlag(e *wire.Encoder, f string) {
	if strings.IndexByte(f, ']') < 0 {
		e.Flag(f)
		return
	}
	if !isBracketKeyword(f) {
		e.Refuse("flag " + strconv.Quote(f) + ": cannot be written inside a response code")
		return
	}
	// An ASTRING-CHAR word that is not NIL (it holds "]") is written as an
	// atom: the keyword as it is.
	e.AString(f)
}

// encodeCodeText writes SP and the text of a code's arguments, which must
// be valid text and may hold "]" only where it closes a "[".
func encodeCodeText(e *wire.Encoder, code, s string) {
	if strayBracket(s) >= 0 {
		e.Refuse(code + " arguments " + strconv.Quote(s) + ": a \"]\" would end the code")
		return
	}
	e.SP().Text(s)
}

// Character classes of the code arguments (RFC 9051 §9).
var (
	atomChar   [256]bool // ATOM-CHAR
	objectChar [256]bool // objectid: ALPHA / DIGIT / "_" / "-" (RFC 8474)
	// fetchNameChar holds the bytes of the FETCH item names the fast
	// path takes: upper-case letters, digits, "." and "-".
	fetchNameChar [256]bool
)

func init() {
	for c := 0x21; c <= 0x7e; c++ {
		switch c {
		case '(', ')', '{', '%', '*', '"', '\\', ']':
		default:
			atomChar[c] = true
		}
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' {
			objectChar[c] = true
		}
		fetchNameChar[c] = 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-'
	}
}

// isAtom reports whether s is an atom: 1*ATOM-CHAR.
func isAtom[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if !atomChar[s[i]] {
			return false
		}
	}
	return len(s) > 0
}

// isUpperName reports whether s is an atom without lower-case letters, as
// code names are after decoding.
func isUpperName(s string) bool {
	return isAtom(s) && strings.ToUpper(s) == s
}

// isBracketKeyword reports whether f is a keyword made of ATOM-CHARs and
// "]", each "]" closing a "[" of the keyword (Gmail's
// OIB-Seen-[Gmail]/Trash).
func isBracketKeyword(f string) bool {
	for i := 0; i < len(f); i++ {
		if c := f[i]; !atomChar[c] && c != ']' {
			return false
		}
	}
	return f != "" && strayBracket(f) < 0
}

// isCodeURL reports whether u is a URL that can stand in a REFERRAL code:
// printable ASCII without spaces, with no "]" that closes no "[".
func isCodeURL(u string) bool {
	for i := 0; i < len(u); i++ {
		if u[i] <= ' ' || u[i] >= 0x7f {
			return false
		}
	}
	return u != "" && strayBracket(u) < 0
}

// quotableInCode reports whether s can be written as a quoted string inside
// a response code: 7-bit text without CR, LF, NUL and brackets, short
// enough never to become a literal.
func quotableInCode(s string) bool {
	if len(s) > 1024 {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == 0 || c == '\r' || c == '\n' || c >= 0x80 || c == '[' || c == ']':
			return false
		}
	}
	return true
}

// strayBracket returns the index of the first "]" in s that closes no "["
// before it, or -1.
func strayBracket[T string | []byte](s T) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return -1
}

// Stateless consume functions over the bytes of a code's arguments. Each
// returns the number of bytes of its element at the start of b, 0 if there
// is none.

func consumeSpaces(b []byte) int {
	n := 0
	for n < len(b) && b[n] == ' ' {
		n++
	}
	return n
}

func consumeDigits(b []byte) int {
	n := 0
	for n < len(b) && '0' <= b[n] && b[n] <= '9' {
		n++
	}
	return n
}

func consumeAtom(b []byte) int {
	n := 0
	for n < len(b) && atomChar[b[n]] {
		n++
	}
	return n
}

// consumeFlag consumes a flag: "\*", "\" atom, or a keyword, which may
// hold "]" (Gmail); the caller checks the brackets.
func consumeFlag(b []byte) int {
	if len(b) >= 2 && b[0] == '\\' && b[1] == '*' {
		return 2
	}
	if len(b) > 0 && b[0] == '\\' {
		if n := consumeAtom(b[1:]); n > 0 {
			return 1 + n
		}
		return 0
	}
	n := 0
	for n < len(b) && (atomChar[b[n]] || b[n] == ']') {
		n++
	}
	return n
}

// consumeSeqSet consumes the bytes a sequence set is made of: digits, ":",
// ",", "*" and "$". wire.ParseSeqSet checks their order.
func consumeSeqSet(b []byte) int {
	n := 0
	for n < len(b) {
		switch c := b[n]; {
		case '0' <= c && c <= '9', c == ':', c == ',', c == '*', c == '$':
			n++
			continue
		}
		break
	}
	return n
}

// consumeQuoted consumes a quoted string of 7-bit text. bad is the index of
// the first byte that is not allowed (CR, LF, NUL, 8-bit, a bracket, a
// backslash before anything but '"' or '\'), or of the end of b if the
// string is not closed; n is 0 then.
func consumeQuoted(b []byte) (n, bad int) {
	for i := 1; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			return i + 1, -1
		case c == '\\':
			if i+1 < len(b) && (b[i+1] == '"' || b[i+1] == '\\') {
				i++
				continue
			}
			return 0, i
		case c == 0 || c == '\r' || c == '\n' || c >= 0x80 || c == '[' || c == ']':
			return 0, i
		}
	}
	return 0, len(b)
}

// unquote returns the content of the quoted string q, unescaped.
func unquote(q []byte) string {
	q = q[1 : len(q)-1]
	var sb strings.Builder
	sb.Grow(len(q))
	for i := 0; i < len(q); i++ {
		if q[i] == '\\' {
			i++
		}
		sb.WriteByte(q[i])
	}
	return sb.String()
}

// parseNumber returns the value of the digits b, which must not exceed max.
func parseNumber(b []byte, max uint64) (uint64, bool) {
	var v uint64
	for _, c := range b {
		d := uint64(c - '0')
		if v > (max-d)/10 {
			return 0, false
		}
		v = v*10 + d
	}
	return v, true
}

// A knownCode is a response code this package types: read types its
// arguments, or is nil for a code without arguments (a SimpleCode).
type knownCode struct {
	name string
	read func(p *codeParser) (Code, error)
	// raw: the arguments are text, read as they are, spaces included.
	raw bool
}

// knownCodes maps the names of the codes this package types to their
// readers.
var knownCodes map[string]knownCode

func init() {
	knownCodes = map[string]knownCode{
		"CAPABILITY":     {read: readCapabilityCode},
		"PERMANENTFLAGS": {read: readPermanentFlags},
		"BADCHARSET":     {read: readBadCharset},
		"UIDNEXT":        {read: readUIDNext},
		"UIDVALIDITY":    {read: readUIDValidity},
		"UNSEEN":         {read: readUnseen},
		"HIGHESTMODSEQ":  {read: readHighestModSeq},
		"APPENDUID":      {read: readAppendUID},
		"COPYUID":        {read: readCopyUID},
		"MODIFIED":       {read: readModified},
		"METADATA":       {read: readMetadataCode},
		"MAILBOXID":      {read: readMailboxID},
		"REFERRAL":       {read: readReferral},
		"BADURL":         {read: readBadURL, raw: true},
	}
	for name, k := range knownCodes {
		k.name = name
		knownCodes[name] = k
	}
	for _, c := range simpleCodes {
		knownCodes[string(c)] = knownCode{name: string(c)}
	}
}

// readCode types the response code whose name and arguments ReadCode
// returned; off is the stream offset of its "[".
//
// A known code whose arguments do not follow its grammar is an error. A
// space before the "]" is wire.QuirkTrailingSpace and a run of spaces
// between arguments wire.QuirkExtraSpace (except in the text arguments of
// BADURL and of unknown codes, which keep their spaces).
func (d *Decoder) readCode(name, args []byte, off int64) (Code, error) {
	var buf [24]byte
	up := buf[:0]
	if len(name) > len(buf) {
		up = make([]byte, 0, len(name))
	}
	for _, c := range name {
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		up = append(up, c)
	}
	nameEnd := off + 1 + int64(len(name)) // the space or "]" after the name
	// ReadCode has consumed the "]": a space came after the name if the
	// "]" is further on.
	hasSep := d.w.Offset()-1 > nameEnd
	k, known := knownCodes[string(up)]
	if !known || k.raw {
		if hasSep && len(args) == 0 {
			// "[XYZ ]": the space is no separator, as no argument follows.
			if err := d.w.Quirk(wire.QuirkTrailingSpace, nameEnd, "resp-text-code"); err != nil {
				return nil, err
			}
		}
	}
	if !known {
		return RawCode{Name: string(up), Args: validText(args)}, nil
	}
	p := &codeParser{d: d, name: k.name, b: args, base: nameEnd + 1}
	if !hasSep {
		p.base = nameEnd
	}
	if !k.raw {
		if err := p.trim(hasSep); err != nil {
			return nil, err
		}
	}
	var c Code
	var err error
	if k.read == nil {
		c = SimpleCode(k.name)
		if len(p.b) > 0 {
			err = p.fail(p.i, "%s takes no arguments", k.name)
		}
	} else {
		c, err = k.read(p)
	}
	if ce, ok := err.(*codeError); ok {
		// The arguments do not follow the code's grammar: an error in
		// strict mode, a raw code in lenient mode, so that the status
		// response, often a command's completion, is not lost.
		at := p.base + int64(ce.i)
		if d.w.Strict() {
			return nil, d.w.Failf(at, "resp-text-code", "%s", ce.msg)
		}
		if err := d.w.Quirk(wire.QuirkBadCodeArguments, at, "resp-text-code"); err != nil {
			return nil, err
		}
		return RawCode{Name: string(up), Args: validText(args)}, nil
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// A codeError is an error in the arguments of a code, at index i of them;
// readCode reports it at its stream offset.
type codeError struct {
	i   int
	msg string
}

func (e *codeError) Error() string { return e.msg }

// validText returns b as a string, with the bytes that are not UTF-8
// (reported by the wire layer as QuirkEightBit) as U+FFFD, so that the value
// encodes again.
func validText(b []byte) string {
	if !utf8.Valid(b) {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(b)
}

// upperString returns b in upper case as a string.
func upperString(b []byte) string {
	u := make([]byte, len(b))
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		u[i] = c
	}
	return string(u)
}

// A codeParser reads the arguments of one response code from the bytes
// ReadCode returned, with the consume functions above, and reports errors
// and quirks at their stream offsets.
type codeParser struct {
	d    *Decoder
	name string // the code's name, for messages
	b    []byte // the arguments
	i    int    // the next byte to read in b
	base int64  // the stream offset of b[0]
}

// fail returns a *codeError at index i of the arguments.
func (p *codeParser) fail(i int, format string, args ...any) error {
	return &codeError{i: i, msg: fmt.Sprintf(format, args...)}
}

func (p *codeParser) quirk(q wire.Quirk, i int) error {
	return p.d.w.Quirk(q, p.base+int64(i), "resp-text-code")
}

// trim drops the spaces around the arguments: spaces before the first one,
// after the space that separates it from the name, are QuirkExtraSpace;
// spaces before the "]" are QuirkTrailingSpace (as is the separator itself
// when no argument follows it).
func (p *codeParser) trim(hasSep bool) error {
	t := len(p.b)
	for t > 0 && p.b[t-1] == ' ' {
		t--
	}
	lead := consumeSpaces(p.b[:t])
	if lead > 0 {
		if err := p.quirk(wire.QuirkExtraSpace, 0); err != nil {
			return err
		}
	}
	if hasSep && t < len(p.b) || hasSep && t == 0 {
		at := t
		if t == 0 {
			at = -1 // the separator
		}
		if err := p.quirk(wire.QuirkTrailingSpace, at); err != nil {
			return err
		}
	}
	p.b, p.i = p.b[:t], lead
	return nil
}

// end checks that the arguments have all been read.
func (p *codeParser) end() error {
	if p.i < len(p.b) {
		return p.fail(p.i, "unexpected %q in %s", p.b[p.i], p.name)
	}
	return nil
}

// sp reads the space between two arguments; a run of spaces is
// QuirkExtraSpace.
func (p *codeParser) sp() error {
	n := consumeSpaces(p.b[p.i:])
	if n == 0 {
		if p.i == len(p.b) {
			return p.fail(p.i, "%s needs more arguments", p.name)
		}
		return p.fail(p.i, "expected a space")
	}
	if n > 1 {
		if err := p.quirk(wire.QuirkExtraSpace, p.i+1); err != nil {
			return err
		}
	}
	p.i += n
	return nil
}

// number reads a number of at most max; nz refuses 0. Leading zeros are
// accepted, as the wire layer accepts them.
func (p *codeParser) number(max uint64, nz bool) (uint64, error) {
	n := consumeDigits(p.b[p.i:])
	if n == 0 {
		return 0, p.fail(p.i, "expected a number")
	}
	v, ok := parseNumber(p.b[p.i:p.i+n], max)
	if !ok {
		return 0, p.fail(p.i, "number out of range")
	}
	if nz && v == 0 {
		return 0, p.fail(p.i, "zero is not allowed")
	}
	p.i += n
	return v, nil
}

func (p *codeParser) nzNumber() (uint32, error) {
	v, err := p.number(1<<32-1, true)
	return uint32(v), err
}

// seqSet reads a sequence-set, or with uid a uid-set (RFC 4315 §4: no "*",
// no "$").
func (p *codeParser) seqSet(uid bool) (wire.SeqSet, error) {
	b := p.b[p.i:]
	n := consumeSeqSet(b)
	if n == 0 {
		return wire.SeqSet{}, p.fail(p.i, "expected a sequence set")
	}
	if uid {
		for j, c := range b[:n] {
			if c == '*' || c == '$' {
				return wire.SeqSet{}, p.fail(p.i+j, "%q in a uid-set", c)
			}
		}
	}
	s, err := wire.ParseSeqSet(string(b[:n]))
	if err != nil {
		var se *wire.SyntaxError
		if errors.As(err, &se) {
			return wire.SeqSet{}, p.fail(p.i+int(se.Offset), "%v", se.Err)
		}
		return wire.SeqSet{}, p.fail(p.i, "%v", err)
	}
	p.i += n
	return s, nil
}

// list reads a parenthesised list, calling item for each element; "()" is
// an empty list. A space after "(" is QuirkExtraSpace and a space before
// ")" QuirkSpaceBeforeParen, as in the wire layer's lists.
func (p *codeParser) list(item func() error) error {
	if p.i == len(p.b) || p.b[p.i] != '(' {
		return p.fail(p.i, "expected \"(\"")
	}
	p.i++
	if n := consumeSpaces(p.b[p.i:]); n > 0 && p.i+n < len(p.b) && p.b[p.i+n] != ')' {
		if err := p.quirk(wire.QuirkExtraSpace, p.i); err != nil {
			return err
		}
		p.i += n
	}
	for first := true; ; first = false {
		n := consumeSpaces(p.b[p.i:])
		if p.i+n < len(p.b) && p.b[p.i+n] == ')' {
			if n > 0 {
				if err := p.quirk(wire.QuirkSpaceBeforeParen, p.i); err != nil {
					return err
				}
			}
			p.i += n + 1
			return nil
		}
		if !first {
			if p.i == len(p.b) {
				return p.fail(p.i, "expected \")\"")
			}
			if err := p.sp(); err != nil {
				return err
			}
		}
		if err := item(); err != nil {
			return err
		}
	}
}

func readCapabilityCode(p *codeParser) (Code, error) {
	var caps []string
	for {
		n := consumeAtom(p.b[p.i:])
		if n == 0 {
			return nil, p.fail(p.i, "expected a capability")
		}
		caps = append(caps, string(p.b[p.i:p.i+n]))
		p.i += n
		if p.i == len(p.b) {
			return CapabilityCode{Caps: caps}, nil
		}
		if err := p.sp(); err != nil {
			return nil, err
		}
	}
}

// equalFold reports whether b equals s ignoring ASCII case.
func equalFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range b {
		x, y := b[i], s[i]
		if 'a' <= x && x <= 'z' {
			x -= 'a' - 'A'
		}
		if 'a' <= y && y <= 'z' {
			y -= 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

func readPermanentFlags(p *codeParser) (Code, error) {
	var flags []string
	err := p.list(func() error {
		n := consumeFlag(p.b[p.i:])
		if n == 0 {
			return p.fail(p.i, "expected a flag")
		}
		f := p.b[p.i : p.i+n]
		if j := strayBracket(f); j >= 0 {
			return p.fail(p.i+j, "\"]\" in a flag")
		}
		flags = append(flags, p.d.flag(f))
		p.i += n
		return nil
	})
	if err != nil {
		return nil, err
	}
	return PermanentFlagsCode{Flags: flags}, p.end()
}

func readBadCharset(p *codeParser) (Code, error) {
	if len(p.b) == 0 {
		return BadCharsetCode{}, nil
	}
	var cs []string
	err := p.list(func() error {
		b := p.b[p.i:]
		if len(b) > 0 && b[0] == '"' {
			n, bad := consumeQuoted(b)
			if n == 0 {
				return p.fail(p.i+bad, "bad quoted charset")
			}
			cs = append(cs, unquote(b[:n]))
			p.i += n
			return nil
		}
		n := consumeAtom(b)
		if n == 0 {
			return p.fail(p.i, "expected a charset")
		}
		if j := bytes.IndexByte(b[:n], '['); j >= 0 {
			return p.fail(p.i+j, "\"[\" in a charset")
		}
		cs = append(cs, string(b[:n]))
		p.i += n
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 {
		return nil, p.fail(p.i-1, "empty charset list")
	}
	return BadCharsetCode{Charsets: cs}, p.end()
}

func readUIDNext(p *codeParser) (Code, error) {
	n, err := p.nzNumber()
	if err != nil {
		return nil, err
	}
	return UIDNextCode{UID: n}, p.end()
}

func readUIDValidity(p *codeParser) (Code, error) {
	n, err := p.nzNumber()
	if err != nil {
		return nil, err
	}
	return UIDValidityCode{UIDValidity: n}, p.end()
}

func readUnseen(p *codeParser) (Code, error) {
	n, err := p.nzNumber()
	if err != nil {
		return nil, err
	}
	return UnseenCode{Seq: n}, p.end()
}

func readHighestModSeq(p *codeParser) (Code, error) {
	n, err := p.number(maxModSeq, true)
	if err != nil {
		return nil, err
	}
	return HighestModSeqCode{ModSeq: n}, p.end()
}

func readAppendUID(p *codeParser) (Code, error) {
	v, err := p.nzNumber()
	if err != nil {
		return nil, err
	}
	if err := p.sp(); err != nil {
		return nil, err
	}
	s, err := p.seqSet(true)
	if err != nil {
		return nil, err
	}
	return AppendUIDCode{UIDValidity: v, UIDs: s}, p.end()
}

func readCopyUID(p *codeParser) (Code, error) {
	v, err := p.nzNumber()
	if err != nil {
		return nil, err
	}
	if err := p.sp(); err != nil {
		return nil, err
	}
	src, err := p.seqSet(true)
	if err != nil {
		return nil, err
	}
	if err := p.sp(); err != nil {
		return nil, err
	}
	dst, err := p.seqSet(true)
	if err != nil {
		return nil, err
	}
	return CopyUIDCode{UIDValidity: v, Source: src, Dest: dst}, p.end()
}

func readModified(p *codeParser) (Code, error) {
	s, err := p.seqSet(false)
	if err != nil {
		return nil, err
	}
	return ModifiedCode{Set: s}, p.end()
}

func readMetadataCode(p *codeParser) (Code, error) {
	n := consumeAtom(p.b[p.i:])
	var kind string
	switch upperString(p.b[p.i : p.i+n]) {
	case MetadataLongEntries:
		kind = MetadataLongEntries
	case MetadataMaxSize:
		kind = MetadataMaxSize
	case MetadataTooMany:
		kind = MetadataTooMany
	case MetadataNoPrivate:
		kind = MetadataNoPrivate
	default:
		return nil, p.fail(p.i, "expected LONGENTRIES, MAXSIZE, TOOMANY or NOPRIVATE")
	}
	p.i += n
	c := MetadataCode{Kind: kind}
	if kind == MetadataLongEntries || kind == MetadataMaxSize {
		if err := p.sp(); err != nil {
			return nil, err
		}
		v, err := p.number(1<<32-1, false)
		if err != nil {
			return nil, err
		}
		c.Value = uint32(v)
	}
	return c, p.end()
}

func readMailboxID(p *codeParser) (Code, error) {
	var id string
	err := p.list(func() error {
		if id != "" {
			return p.fail(p.i, "more than one objectid")
		}
		b := p.b[p.i:]
		n := 0
		for n < len(b) && objectChar[b[n]] {
			n++
		}
		if n == 0 || n > 255 {
			return p.fail(p.i, "expected an objectid of 1 to 255 letters, digits, \"_\" or \"-\"")
		}
		id = string(p.b[p.i : p.i+n])
		p.i += n
		return nil
	})
	if err != nil {
		return nil, err
	}
	if id == "" {
		return nil, p.fail(p.i-1, "expected an objectid")
	}
	return MailboxIDCode{ID: id}, p.end()
}

func readReferral(p *codeParser) (Code, error) {
	var urls []string
	for {
		b := p.b[p.i:]
		n := 0
		for n < len(b) && b[n] > ' ' && b[n] < 0x7f {
			n++
		}
		if n == 0 {
			return nil, p.fail(p.i, "expected a URL")
		}
		if j := strayBracket(b[:n]); j >= 0 {
			return nil, p.fail(p.i+j, "\"]\" in a URL")
		}
		urls = append(urls, string(b[:n]))
		p.i += n
		if p.i == len(p.b) {
			return ReferralCode{URLs: urls}, nil
		}
		if err := p.sp(); err != nil {
			return nil, err
		}
	}
}

func readBadURL(p *codeParser) (Code, error) {
	if len(p.b) == 0 {
		return nil, p.fail(0, "expected a URL")
	}
	return BadURLCode{URL: validText(p.b)}, nil
}
