package response

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mailwire/imap/wire"
)

// codeQuirk names quirk q at the offset len(prefix), for testCase.quirks.
func codeQuirk(q wire.Quirk, prefix string) string {
	return fmt.Sprintf("%s@%d", q, len(prefix))
}

// codeSeqSet parses s for the expected values of the tests.
func codeSeqSet(s string) wire.SeqSet {
	set, err := wire.ParseSeqSet(s)
	if err != nil {
		panic(err)
	}
	return set
}

// codeUntagged and codeTagged build the expected status responses.
func codeUntagged(t StatusType, c Code, text string) *Status {
	return &Status{Type: t, Code: c, Text: text}
}

func codeTagged(tag string, t StatusType, c Code, text string) *Status {
	return &Status{Tag: tag, Type: t, Code: c, Text: text}
}

const (
	surgeMailFlags = `* OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Draft \Seen $Forwarded`
	gmailFlags     = `* OK [PERMANENTFLAGS (\Answered \Flagged \Draft \Deleted \Seen OIB-Seen-[Gmail]/Trash OIB-Seen-[Gmail]/Important $MailFlagBit2 OIB-Seen-Unsubscribe $Phishing $Forwarded $MDNSent OIB-Seen-INBOX JunkRecorded NotJunk $NotJunk $NotPhishing $Junk OIB-Seen-[Gmail]/All Mail OIB-Seen-[Gmail]/Spam \*)] Flags permitted.`
)

var codeCases = []testCase{
	// RFC 3501 §6.3.1, the SELECT example (also RFC 9051 §6.3.2).
	{name: "RFC 3501 §6.3.1 UNSEEN", in: "* OK [UNSEEN 12] Message 12 is first unseen\r\n",
		want: codeUntagged(OK, UnseenCode{Seq: 12}, "Message 12 is first unseen")},
	{name: "RFC 3501 §6.3.1 UIDVALIDITY", in: "* OK [UIDVALIDITY 3857529045] UIDs valid\r\n",
		want: codeUntagged(OK, UIDValidityCode{UIDValidity: 3857529045}, "UIDs valid")},
	{name: "RFC 3501 §6.3.1 UIDNEXT", in: "* OK [UIDNEXT 4392] Predicted next UID\r\n",
		want: codeUntagged(OK, UIDNextCode{UID: 4392}, "Predicted next UID")},
	{name: "RFC 3501 §6.3.1 PERMANENTFLAGS", in: "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n",
		want: codeUntagged(OK, PermanentFlagsCode{Flags: []string{`\Deleted`, `\Seen`, `\*`}}, "Limited")},
	{name: "RFC 3501 §6.3.1 READ-WRITE", in: "A142 OK [READ-WRITE] SELECT completed\r\n",
		want: codeTagged("A142", OK, CodeReadWrite, "SELECT completed")},
	{name: "RFC 3501 §6.3.2 READ-ONLY", in: "A932 OK [READ-ONLY] EXAMINE completed\r\n",
		want: codeTagged("A932", OK, CodeReadOnly, "EXAMINE completed")},
	{name: "RFC 3501 §6.3.2 PERMANENTFLAGS empty", in: "* OK [PERMANENTFLAGS ()] No permanent flags permitted\r\n",
		want: codeUntagged(OK, PermanentFlagsCode{}, "No permanent flags permitted")},
	{name: "RFC 9051 §6.3.2 CLOSED", in: "* OK [CLOSED] Previous mailbox is now closed\r\n",
		want: codeUntagged(OK, CodeClosed, "Previous mailbox is now closed")},
	{name: "RFC 9051 §6.3.2 PERMANENTFLAGS", in: "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\Answered \\Flagged \\Draft \\*)] System flags and keywords allowed\r\n",
		want: codeUntagged(OK, PermanentFlagsCode{Flags: []string{`\Deleted`, `\Seen`, `\Answered`, `\Flagged`, `\Draft`, `\*`}},
			"System flags and keywords allowed")},
	{name: "RFC 3501 §7.1.1 ALERT", in: "* OK [ALERT] System shutdown in 10 minutes\r\n",
		want: codeUntagged(OK, CodeAlert, "System shutdown in 10 minutes")},

	// CAPABILITY.
	{name: "RFC 9051 §6.2.2 CAPABILITY greeting", in: "* OK [CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI] Capabilities\r\n",
		want: codeUntagged(OK, CapabilityCode{Caps: []string{"IMAP4rev2", "STARTTLS", "AUTH=GSSAPI"}}, "Capabilities")},
	{name: "RFC 9051 §8 CAPABILITY greeting", in: "* OK [CAPABILITY STARTTLS AUTH=SCRAM-SHA-256 LOGINDISABLED IMAP4rev2] IMAP4rev2 Service Ready\r\n",
		want: codeUntagged(OK, CapabilityCode{Caps: []string{"STARTTLS", "AUTH=SCRAM-SHA-256", "LOGINDISABLED", "IMAP4rev2"}},
			"IMAP4rev2 Service Ready")},
	{name: "RFC 4978 §3 CAPABILITY without text", in: "* OK [CAPABILITY IMAP4REV1 STARTTLS COMPRESS=DEFLATE]\r\n",
		canon:  "* OK [CAPABILITY IMAP4REV1 STARTTLS COMPRESS=DEFLATE] \r\n",
		want:   codeUntagged(OK, CapabilityCode{Caps: []string{"IMAP4REV1", "STARTTLS", "COMPRESS=DEFLATE"}}, ""),
		quirks: []string{codeQuirk(wire.QuirkCodeWithoutText, "* OK [CAPABILITY IMAP4REV1 STARTTLS COMPRESS=DEFLATE]")}},
	{name: "PREAUTH with CAPABILITY (synthesised from RFC 3501 §9)", in: "* PREAUTH [CAPABILITY IMAP4rev1 IMAP4rev2 ENABLE] Logged in as fred\r\n",
		want: codeUntagged(PREAUTH, CapabilityCode{Caps: []string{"IMAP4rev1", "IMAP4rev2", "ENABLE"}}, "Logged in as fred")},

	// UIDPLUS.
	{name: "RFC 4315 §3 APPENDUID", in: "A003 OK [APPENDUID 38505 3955] APPEND completed\r\n",
		want: codeTagged("A003", OK, AppendUIDCode{UIDValidity: 38505, UIDs: codeSeqSet("3955")}, "APPEND completed")},
	{name: "RFC 4315 §3 COPYUID", in: "A004 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n",
		want: codeTagged("A004", OK, CopyUIDCode{UIDValidity: 38505, Source: codeSeqSet("304,319:320"), Dest: codeSeqSet("3956:3958")}, "Done")},
	{name: "RFC 4315 §3 UIDNOTSTICKY", in: "* NO [UIDNOTSTICKY] Non-persistent UIDs\r\n",
		want: codeUntagged(NO, CodeUIDNotSticky, "Non-persistent UIDs")},
	{name: "APPENDUID after MULTIAPPEND (synthesised from RFC 4315 §4)", in: "A008 OK [APPENDUID 38505 3955:3957,3960] APPEND completed\r\n",
		want: codeTagged("A008", OK, AppendUIDCode{UIDValidity: 38505, UIDs: codeSeqSet("3955:3957,3960")}, "APPEND completed")},
	{name: "COPYUID with descending ranges (synthesised from RFC 4315 §4)", in: "A009 OK [COPYUID 1 12:10 22:20] Done\r\n",
		canon: "A009 OK [COPYUID 1 10:12 20:22] Done\r\n",
		want:  codeTagged("A009", OK, CopyUIDCode{UIDValidity: 1, Source: codeSeqSet("10:12"), Dest: codeSeqSet("20:22")}, "Done")},
	{name: "RFC 9051 §6.4.8 COPYUID without text", in: "* OK [COPYUID 432432 42:69 1202:1229]\r\n",
		canon:  "* OK [COPYUID 432432 42:69 1202:1229] \r\n",
		want:   codeUntagged(OK, CopyUIDCode{UIDValidity: 432432, Source: codeSeqSet("42:69"), Dest: codeSeqSet("1202:1229")}, ""),
		quirks: []string{codeQuirk(wire.QuirkCodeWithoutText, "* OK [COPYUID 432432 42:69 1202:1229]")}},
	{name: "RFC 8474 §5.3 COPYUID", in: "* OK [COPYUID 1521475659 2 1] Completed\r\n",
		want: codeUntagged(OK, CopyUIDCode{UIDValidity: 1521475659, Source: codeSeqSet("2"), Dest: codeSeqSet("1")}, "Completed")},

	// CONDSTORE and QRESYNC.
	{name: "RFC 7162 §3.1.2.1 HIGHESTMODSEQ without text", in: "* OK [HIGHESTMODSEQ 715194045007]\r\n",
		canon:  "* OK [HIGHESTMODSEQ 715194045007] \r\n",
		want:   codeUntagged(OK, HighestModSeqCode{ModSeq: 715194045007}, ""),
		quirks: []string{codeQuirk(wire.QuirkCodeWithoutText, "* OK [HIGHESTMODSEQ 715194045007]")}},
	{name: "RFC 7162 §3.2.5 HIGHESTMODSEQ", in: "* OK [HIGHESTMODSEQ 90060128194045007] Highest mailbox mod-sequence\r\n",
		want: codeUntagged(OK, HighestModSeqCode{ModSeq: 90060128194045007}, "Highest mailbox mod-sequence")},
	{name: "HIGHESTMODSEQ 2^63-1", in: "* OK [HIGHESTMODSEQ 9223372036854775807] x\r\n",
		want: codeUntagged(OK, HighestModSeqCode{ModSeq: 1<<63 - 1}, "x")},
	{name: "RFC 7162 §3.1.2.2 NOMODSEQ", in: "* OK [NOMODSEQ] Sorry, this mailbox format doesn't support modsequences\r\n",
		want: codeUntagged(OK, CodeNoModSeq, "Sorry, this mailbox format doesn't support modsequences")},
	{name: "RFC 7162 §3.1.3 MODIFIED", in: "d105 OK [MODIFIED 7,9] Conditional STORE failed\r\n",
		want: codeTagged("d105", OK, ModifiedCode{Set: codeSeqSet("7,9")}, "Conditional STORE failed")},
	{name: "RFC 7162 §3.1.3 MODIFIED in NO", in: "B001 NO [MODIFIED 2] Some of the messages no longer exist.\r\n",
		want: codeTagged("B001", NO, ModifiedCode{Set: codeSeqSet("2")}, "Some of the messages no longer exist.")},
	{name: "MODIFIED with a range (synthesised from RFC 7162 §7)", in: "a7 NO [MODIFIED 12:14,20] Some messages were modified by another client\r\n",
		want: codeTagged("a7", NO, ModifiedCode{Set: codeSeqSet("12:14,20")}, "Some messages were modified by another client")},
	{name: "RFC 7162 §3.2.5.1 CLOSED without text", in: "* OK [CLOSED]\r\n", canon: "* OK [CLOSED] \r\n",
		want: codeUntagged(OK, CodeClosed, ""), quirks: []string{codeQuirk(wire.QuirkCodeWithoutText, "* OK [CLOSED]")}},

	// METADATA (RFC 5464).
	{name: "RFC 5464 §4.2.1 METADATA LONGENTRIES", in: "a OK [METADATA LONGENTRIES 2199] GETMETADATA complete\r\n",
		want: codeTagged("a", OK, MetadataCode{Kind: MetadataLongEntries, Value: 2199}, "GETMETADATA complete")},
	{name: "RFC 5464 §4.3 METADATA TOOMANY", in: "a NO [METADATA TOOMANY] SETMETADATA failed\r\n",
		want: codeTagged("a", NO, MetadataCode{Kind: MetadataTooMany}, "SETMETADATA failed")},
	{name: "METADATA MAXSIZE (synthesised from RFC 5464 §5)", in: "a NO [METADATA MAXSIZE 1024] Annotation too large\r\n",
		want: codeTagged("a", NO, MetadataCode{Kind: MetadataMaxSize, Value: 1024}, "Annotation too large")},
	{name: "METADATA NOPRIVATE (synthesised from RFC 5464 §5)", in: "a NO [METADATA NOPRIVATE] Private annotations are not supported on this mailbox\r\n",
		want: codeTagged("a", NO, MetadataCode{Kind: MetadataNoPrivate}, "Private annotations are not supported on this mailbox")},
	{name: "METADATA LONGENTRIES 0", in: "a OK [METADATA LONGENTRIES 0] x\r\n",
		want: codeTagged("a", OK, MetadataCode{Kind: MetadataLongEntries}, "x")},
	{name: "METADATA in lower case", in: "a OK [metadata longentries 5] x\r\n", canon: "a OK [METADATA LONGENTRIES 5] x\r\n",
		want: codeTagged("a", OK, MetadataCode{Kind: MetadataLongEntries, Value: 5}, "x")},

	// OBJECTID (RFC 8474).
	{name: "RFC 8474 §4.1 MAILBOXID", in: "3 OK [MAILBOXID (F2212ea87-6097-4256-9d51-71338625)] Completed\r\n",
		want: codeTagged("3", OK, MailboxIDCode{ID: "F2212ea87-6097-4256-9d51-71338625"}, "Completed")},
	{name: "RFC 8474 §4.2 MAILBOXID untagged", in: "* OK [MAILBOXID (F2212ea87-6097-4256-9d51-71338625)] Ok\r\n",
		want: codeUntagged(OK, MailboxIDCode{ID: "F2212ea87-6097-4256-9d51-71338625"}, "Ok")},
	{name: "RFC 8474 §5.3 APPENDUID", in: "5 OK [APPENDUID 1521475658 1] Completed\r\n",
		want: codeTagged("5", OK, AppendUIDCode{UIDValidity: 1521475658, UIDs: codeSeqSet("1")}, "Completed")},

	// RFC 5530 and the codes RFC 9051 §7.1 took from it.
	{name: "RFC 5530 §3 UNAVAILABLE", in: "a NO [UNAVAILABLE] User's backend down for maintenance\r\n",
		want: codeTagged("a", NO, CodeUnavailable, "User's backend down for maintenance")},
	{name: "RFC 5530 §3 AUTHENTICATIONFAILED", in: "b NO [AUTHENTICATIONFAILED] Authentication failed\r\n",
		want: codeTagged("b", NO, CodeAuthenticationFailed, "Authentication failed")},
	{name: "RFC 5530 §3 AUTHORIZATIONFAILED", in: "c1 NO [AUTHORIZATIONFAILED] No such authorization-ID\r\n",
		want: codeTagged("c1", NO, CodeAuthorizationFailed, "No such authorization-ID")},
	{name: "RFC 5530 §3 EXPIRED", in: "d NO [EXPIRED] That password isn't valid any more\r\n",
		want: codeTagged("d", NO, CodeExpired, "That password isn't valid any more")},
	{name: "RFC 5530 §3 PRIVACYREQUIRED", in: "d NO [PRIVACYREQUIRED] Connection offers no privacy\r\n",
		want: codeTagged("d", NO, CodePrivacyRequired, "Connection offers no privacy")},
	{name: "RFC 5530 §3 CONTACTADMIN without text", in: "e OK [CONTACTADMIN]\r\n", canon: "e OK [CONTACTADMIN] \r\n",
		want: codeTagged("e", OK, CodeContactAdmin, ""), quirks: []string{codeQuirk(wire.QuirkCodeWithoutText, "e OK [CONTACTADMIN]")}},
	{name: "RFC 5530 §3 NOPERM", in: "f NO [NOPERM] Access denied\r\n",
		want: codeTagged("f", NO, CodeNoPerm, "Access denied")},
	{name: "RFC 5530 §3 INUSE", in: "g NO [INUSE] Mailbox in use\r\n",
		want: codeTagged("g", NO, CodeInUse, "Mailbox in use")},
	{name: "RFC 5530 §3 EXPUNGEISSUED", in: "h OK [EXPUNGEISSUED] Search completed\r\n",
		want: codeTagged("h", OK, CodeExpungeIssued, "Search completed")},
	{name: "RFC 5530 §3 CORRUPTION", in: "i NO [CORRUPTION] Cannot open mailbox\r\n",
		want: codeTagged("i", NO, CodeCorruption, "Cannot open mailbox")},
	{name: "RFC 5530 §3 SERVERBUG", in: "j NO [SERVERBUG] This should not happen\r\n",
		want: codeTagged("j", NO, CodeServerBug, "This should not happen")},
	{name: "RFC 5530 §3 CLIENTBUG", in: "k2 OK [CLIENTBUG] Done\r\n",
		want: codeTagged("k2", OK, CodeClientBug, "Done")},
	{name: "RFC 5530 §3 CANNOT", in: "l NO [CANNOT] Adjacent slashes are not supported\r\n",
		want: codeTagged("l", NO, CodeCannot, "Adjacent slashes are not supported")},
	{name: "RFC 5530 §3 LIMIT", in: "m NO [LIMIT] At most 32 flags in one mailbox supported\r\n",
		want: codeTagged("m", NO, CodeLimit, "At most 32 flags in one mailbox supported")},
	{name: "RFC 5530 §3 OVERQUOTA", in: "n2 OK [OVERQUOTA] You are now over your soft quota\r\n",
		want: codeTagged("n2", OK, CodeOverQuota, "You are now over your soft quota")},
	{name: "RFC 5530 §3 ALREADYEXISTS", in: "o NO [ALREADYEXISTS] Mailbox \"that\" already exists\r\n",
		want: codeTagged("o", NO, CodeAlreadyExists, "Mailbox \"that\" already exists")},
	{name: "RFC 5530 §3 NONEXISTENT", in: "p NO [NONEXISTENT] No such mailbox\r\n",
		want: codeTagged("p", NO, CodeNonExistent, "No such mailbox")},
	{name: "RFC 9051 §7.1 HASCHILDREN", in: "o356 NO [HASCHILDREN] Mailbox \"Notes\" has children that need to be deleted first\r\n",
		want: codeTagged("o356", NO, CodeHasChildren, "Mailbox \"Notes\" has children that need to be deleted first")},
	{name: "PARSE (synthesised from RFC 9051 §9)", in: "* NO [PARSE] Invalid Content-Type header in message 12\r\n",
		want: codeUntagged(NO, CodeParse, "Invalid Content-Type header in message 12")},
	{name: "TRYCREATE (synthesised from RFC 9051 §9)", in: "A005 NO [TRYCREATE] Mailbox does not exist\r\n",
		want: codeTagged("A005", NO, CodeTryCreate, "Mailbox does not exist")},
	{name: "NOTSAVED (synthesised from RFC 9051 §9)", in: "A301 NO [NOTSAVED] Too many saved searches\r\n",
		want: codeTagged("A301", NO, CodeNotSaved, "Too many saved searches")},
	{name: "UNKNOWN-CTE (synthesised from RFC 9051 §9)", in: "A302 NO [UNKNOWN-CTE] Cannot decode x-uuencode\r\n",
		want: codeTagged("A302", NO, CodeUnknownCTE, "Cannot decode x-uuencode")},
	{name: "UNAVAILABLE in a BYE (synthesised from RFC 5530 §4)", in: "* BYE [UNAVAILABLE] Authentication backend unavailable, try later\r\n",
		want: codeUntagged(BYE, CodeUnavailable, "Authentication backend unavailable, try later")},

	// Other extensions.
	{name: "TOOBIG (synthesised from RFC 7889 §4)", in: "A003 NO [TOOBIG] Message exceeds the APPENDLIMIT of 257890 octets\r\n",
		want: codeTagged("A003", NO, CodeTooBig, "Message exceeds the APPENDLIMIT of 257890 octets")},
	{name: "TOOBIG in a BYE (synthesised from RFC 7888 §5)", in: "* BYE [TOOBIG] Literal too large, closing connection\r\n",
		want: codeUntagged(BYE, CodeTooBig, "Literal too large, closing connection")},
	{name: "RFC 4978 §3 COMPRESSIONACTIVE", in: "c NO [COMPRESSIONACTIVE] DEFLATE active via TLS\r\n",
		want: codeTagged("c", NO, CodeCompressionActive, "DEFLATE active via TLS")},
	{name: "RFC 6154 §5.3 USEATTR", in: "t3 NO [USEATTR] \\All not supported\r\n",
		want: codeTagged("t3", NO, CodeUseAttr, "\\All not supported")},
	{name: "UIDREQUIRED (synthesised from RFC 9586 §3)", in: "A1 BAD [UIDREQUIRED] Message sequence numbers are not allowed\r\n",
		want: codeTagged("A1", BAD, CodeUIDRequired, "Message sequence numbers are not allowed")},

	// BADCHARSET.
	{name: "BADCHARSET with a list (synthesised from RFC 3501 §9)", in: "A006 NO [BADCHARSET (UTF-8 US-ASCII \"ISO-8859-1\")] Charset not supported\r\n",
		canon: "A006 NO [BADCHARSET (UTF-8 US-ASCII ISO-8859-1)] Charset not supported\r\n",
		want:  codeTagged("A006", NO, BadCharsetCode{Charsets: []string{"UTF-8", "US-ASCII", "ISO-8859-1"}}, "Charset not supported")},
	{name: "BADCHARSET without a list (synthesised from RFC 3501 §9)", in: "A007 NO [BADCHARSET] Unknown charset\r\n",
		want: codeTagged("A007", NO, BadCharsetCode{}, "Unknown charset")},
	{name: "BADCHARSET with a quoted charset", in: "A1 NO [BADCHARSET (\"X \\\"Y\\\"\" UTF-8)] x\r\n",
		want: codeTagged("A1", NO, BadCharsetCode{Charsets: []string{`X "Y"`, "UTF-8"}}, "x")},

	// Referrals.
	{name: "RFC 2221 §3 REFERRAL", in: "A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/] Remote Server\r\n",
		want: codeTagged("A001", NO, ReferralCode{URLs: []string{"IMAP://user;AUTH=*@SERVER2/"}}, "Remote Server")},
	{name: "RFC 2221 §4.2 REFERRAL in a BYE", in: "* BYE [REFERRAL IMAP://user;AUTH=*@SERVER2/] Server not accepting connections.  Try SERVER2\r\n",
		want: codeUntagged(BYE, ReferralCode{URLs: []string{"IMAP://user;AUTH=*@SERVER2/"}}, "Server not accepting connections.  Try SERVER2")},
	{name: "RFC 2193 §4 REFERRAL, no space before the text", in: "A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/REMOTE]Remote Mailbox\r\n",
		canon:  "A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/REMOTE] Remote Mailbox\r\n",
		want:   codeTagged("A001", NO, ReferralCode{URLs: []string{"IMAP://user;AUTH=*@SERVER2/REMOTE"}}, "Remote Mailbox"),
		quirks: []string{codeQuirk(wire.QuirkCodeWithoutSpace, "A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/REMOTE]")}},
	{name: "REFERRAL with two URLs (synthesised from RFC 2193 §3)", in: "A002 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/SHARED/FOO IMAP://user;AUTH=*@SERVER3/SHARED/FOO] Remote mailbox\r\n",
		want: codeTagged("A002", NO, ReferralCode{URLs: []string{"IMAP://user;AUTH=*@SERVER2/SHARED/FOO", "IMAP://user;AUTH=*@SERVER3/SHARED/FOO"}}, "Remote mailbox")},
	{name: "RFC 4469 errata 4046 BADURL", in: "A003 NO [BADURL /INBOX;UIDVALIDITY=785799047/;UID=113330;section=1.5.9] CATENATE append has failed, one message expunged\r\n",
		want: codeTagged("A003", NO, BadURLCode{URL: "/INBOX;UIDVALIDITY=785799047/;UID=113330;section=1.5.9"}, "CATENATE append has failed, one message expunged")},
	{name: "RFC 4469 Appendix A BADURL, quoted as printed before errata 4046",
		in:   "A003 NO [BADURL \"/INBOX;UIDVALIDITY=785799047/;UID=113330;section=1.5.9\"] CATENATE append has failed, one message expunged\r\n",
		want: codeTagged("A003", NO, BadURLCode{URL: "\"/INBOX;UIDVALIDITY=785799047/;UID=113330;section=1.5.9\""}, "CATENATE append has failed, one message expunged")},
	{name: "BADURL keeps its spaces", in: "a5 NO [BADURL imap://joe@example.com/INBOX/;uid=99 ] URL does not resolve\r\n",
		want: codeTagged("a5", NO, BadURLCode{URL: "imap://joe@example.com/INBOX/;uid=99 "}, "URL does not resolve")},

	// Unknown codes.
	{name: "unknown code with arguments", in: "* OK [XFOO 1 2 (three)] Unknown code with arguments\r\n",
		want: codeUntagged(OK, RawCode{Name: "XFOO", Args: "1 2 (three)"}, "Unknown code with arguments")},
	{name: "unknown code without arguments", in: "* OK [X-SOMETHING-NEW] x\r\n",
		want: codeUntagged(OK, RawCode{Name: "X-SOMETHING-NEW"}, "x")},
	{name: "NEWNAME, obsolete, kept raw (synthesised from RFC 2060)", in: "* NO [NEWNAME \"old\" \"new\"] Mailbox has been renamed\r\n",
		want: codeUntagged(NO, RawCode{Name: "NEWNAME", Args: "\"old\" \"new\""}, "Mailbox has been renamed")},
	{name: "URLMECH kept raw (synthesised from RFC 4467 §9)", in: "* OK [URLMECH INTERNAL XSAMPLE=P34OKhO7VEkCbsiYY8rGEg==] mechanisms\r\n",
		want: codeUntagged(OK, RawCode{Name: "URLMECH", Args: "INTERNAL XSAMPLE=P34OKhO7VEkCbsiYY8rGEg=="}, "mechanisms")},
	{name: "unknown code in lower case", in: "* OK [xfoo Bar  baz ] x\r\n", canon: "* OK [XFOO Bar  baz ] x\r\n",
		want: codeUntagged(OK, RawCode{Name: "XFOO", Args: "Bar  baz "}, "x")},
	{name: "unknown code with UTF-8 under UTF8=ACCEPT", in: "* OK [XFOO café] x\r\n",
		want: codeUntagged(OK, RawCode{Name: "XFOO", Args: "café"}, "x"), opts: []wire.Option{wire.UTF8(true)}},
	{name: "unknown code with only a space", in: "* OK [XFOO ] x\r\n", canon: "* OK [XFOO] x\r\n",
		want: codeUntagged(OK, RawCode{Name: "XFOO"}, "x"), quirks: []string{codeQuirk(wire.QuirkTrailingSpace, "* OK [XFOO")}},

	// Case and leniency.
	{name: "code names in lower case", in: "* OK [uidnext 4392] x\r\n", canon: "* OK [UIDNEXT 4392] x\r\n",
		want: codeUntagged(OK, UIDNextCode{UID: 4392}, "x")},
	{name: "simple code in mixed case", in: "a1 OK [Read-Write] x\r\n", canon: "a1 OK [READ-WRITE] x\r\n",
		want: codeTagged("a1", OK, CodeReadWrite, "x")},
	{name: "system flags in canonical case", in: "* OK [PERMANENTFLAGS (\\seen \\DELETED $Junk \\X-Ext)] x\r\n",
		canon: "* OK [PERMANENTFLAGS (\\Seen \\Deleted $Junk \\X-Ext)] x\r\n",
		want:  codeUntagged(OK, PermanentFlagsCode{Flags: []string{`\Seen`, `\Deleted`, "$Junk", `\X-Ext`}}, "x")},
	{name: "number with leading zeros", in: "* OK [UIDNEXT 0042] x\r\n", canon: "* OK [UIDNEXT 42] x\r\n",
		want: codeUntagged(OK, UIDNextCode{UID: 42}, "x")},
	{name: "SmarterMail \\Recent in PERMANENTFLAGS", in: "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\Recent \\*)] Folder flags\r\n",
		want: codeUntagged(OK, PermanentFlagsCode{Flags: []string{`\Answered`, `\Flagged`, `\Deleted`, `\Seen`, `\Draft`, `\Recent`, `\*`}}, "Folder flags")},
	{name: "trailing space in a code", in: "* OK [UIDNEXT 4 ] x\r\n", canon: "* OK [UIDNEXT 4] x\r\n",
		want: codeUntagged(OK, UIDNextCode{UID: 4}, "x"), quirks: []string{codeQuirk(wire.QuirkTrailingSpace, "* OK [UIDNEXT 4")}},
	{name: "trailing spaces in a code", in: "A1 OK [COPYUID 1 2 3   ] x\r\n", canon: "A1 OK [COPYUID 1 2 3] x\r\n",
		want:   codeTagged("A1", OK, CopyUIDCode{UIDValidity: 1, Source: codeSeqSet("2"), Dest: codeSeqSet("3")}, "x"),
		quirks: []string{codeQuirk(wire.QuirkTrailingSpace, "A1 OK [COPYUID 1 2 3")}},
	{name: "trailing space after a simple code", in: "* OK [ALERT ] x\r\n", canon: "* OK [ALERT] x\r\n",
		want: codeUntagged(OK, CodeAlert, "x"), quirks: []string{codeQuirk(wire.QuirkTrailingSpace, "* OK [ALERT")}},
	{name: "extra space before the argument", in: "* OK [UIDNEXT  4] x\r\n", canon: "* OK [UIDNEXT 4] x\r\n",
		want: codeUntagged(OK, UIDNextCode{UID: 4}, "x"), quirks: []string{codeQuirk(wire.QuirkExtraSpace, "* OK [UIDNEXT ")}},
	{name: "extra spaces between arguments", in: "A1 OK [COPYUID 1  2   3] x\r\n", canon: "A1 OK [COPYUID 1 2 3] x\r\n",
		want:   codeTagged("A1", OK, CopyUIDCode{UIDValidity: 1, Source: codeSeqSet("2"), Dest: codeSeqSet("3")}, "x"),
		quirks: []string{codeQuirk(wire.QuirkExtraSpace, "A1 OK [COPYUID 1 "), codeQuirk(wire.QuirkExtraSpace, "A1 OK [COPYUID 1  2 ")}},
	{name: "extra spaces in a capability list", in: "* OK [CAPABILITY IMAP4rev1  IDLE] x\r\n", canon: "* OK [CAPABILITY IMAP4rev1 IDLE] x\r\n",
		want: codeUntagged(OK, CapabilityCode{Caps: []string{"IMAP4rev1", "IDLE"}}, "x"), quirks: []string{codeQuirk(wire.QuirkExtraSpace, "* OK [CAPABILITY IMAP4rev1 ")}},
	{name: "space after the parenthesis", in: "* OK [PERMANENTFLAGS ( \\Seen)] x\r\n", canon: "* OK [PERMANENTFLAGS (\\Seen)] x\r\n",
		want: codeUntagged(OK, PermanentFlagsCode{Flags: []string{`\Seen`}}, "x"), quirks: []string{codeQuirk(wire.QuirkExtraSpace, "* OK [PERMANENTFLAGS (")}},
	{name: "SurgeMail space before the parenthesis", in: surgeMailFlags + " )] Limited\r\n",
		canon:  surgeMailFlags + ")] Limited\r\n",
		want:   codeUntagged(OK, PermanentFlagsCode{Flags: []string{`\Answered`, `\Flagged`, `\Deleted`, `\Draft`, `\Seen`, "$Forwarded"}}, "Limited"),
		quirks: []string{codeQuirk(wire.QuirkSpaceBeforeParen, surgeMailFlags)}},
	{name: "empty list with a space", in: "* OK [PERMANENTFLAGS ( )] x\r\n", canon: "* OK [PERMANENTFLAGS ()] x\r\n",
		want: codeUntagged(OK, PermanentFlagsCode{}, "x"), quirks: []string{codeQuirk(wire.QuirkSpaceBeforeParen, "* OK [PERMANENTFLAGS (")}},
	{name: "continuation with a code", in: "+ [ALERT] Send the message literal now\r\n",
		want: &Continuation{Code: CodeAlert, Text: "Send the message literal now"}},
}

var codeErrorCases = []errorCase{
	{name: "UIDNEXT without a number", in: "* OK [UIDNEXT] x\r\n", off: int64(len("* OK [UIDNEXT"))},
	{name: "UIDNEXT with a space only", in: "* OK [UIDNEXT ] x\r\n", off: int64(len("* OK [UIDNEXT "))},
	{name: "UIDNEXT not a number", in: "* OK [UIDNEXT x] x\r\n", off: int64(len("* OK [UIDNEXT "))},
	{name: "UIDNEXT 2^32", in: "* OK [UIDNEXT 4294967296] x\r\n", off: int64(len("* OK [UIDNEXT "))},
	{name: "UIDNEXT with two numbers", in: "* OK [UIDNEXT 4 5] x\r\n", off: int64(len("* OK [UIDNEXT 4"))},
	{name: "UIDNEXT with junk", in: "* OK [UIDNEXT 4x] x\r\n", off: int64(len("* OK [UIDNEXT 4"))},
	{name: "RFC 9051 §6.3.2 UIDVALIDITY above 2^32-1", in: "* OK [UIDVALIDITY 9877410381] UIDs valid\r\n",
		off: int64(len("* OK [UIDVALIDITY "))},
	{name: "SmarterMail UIDVALIDITY 0 (MailKit#150)", in: "* OK [UIDVALIDITY 0] UIDs valid\r\n", off: int64(len("* OK [UIDVALIDITY "))},
	{name: "UIDNEXT 0 (MailKit#1010)", in: "* OK [UIDNEXT 0] Predicted next UID\r\n", off: int64(len("* OK [UIDNEXT "))},
	{name: "Purelymail HIGHESTMODSEQ 0 (purelymail-issues#446)", in: "* OK [HIGHESTMODSEQ 0] Highest\r\n", off: int64(len("* OK [HIGHESTMODSEQ "))},
	{name: "UNSEEN 0", in: "* OK [UNSEEN 0] x\r\n", off: int64(len("* OK [UNSEEN "))},
	{name: "HIGHESTMODSEQ 2^63", in: "* OK [HIGHESTMODSEQ 9223372036854775808] x\r\n", off: int64(len("* OK [HIGHESTMODSEQ "))},
	{name: "APPENDUID without a UID", in: "A1 OK [APPENDUID 38505] x\r\n", off: int64(len("A1 OK [APPENDUID 38505"))},
	{name: "APPENDUID UIDVALIDITY 0", in: "A1 OK [APPENDUID 0 1] x\r\n", off: int64(len("A1 OK [APPENDUID "))},
	{name: "APPENDUID with *", in: "A1 OK [APPENDUID 38505 *] x\r\n", off: int64(len("A1 OK [APPENDUID 38505 "))},
	{name: "APPENDUID with a bad set", in: "A1 OK [APPENDUID 38505 1,,2] x\r\n", off: int64(len("A1 OK [APPENDUID 38505 1,"))},
	{name: "APPENDUID with UID 0", in: "A1 OK [APPENDUID 38505 1:0] x\r\n", off: int64(len("A1 OK [APPENDUID 38505 1:"))},
	{name: "APPENDUID with a letter", in: "A1 OK [APPENDUID 38505 x] x\r\n", off: int64(len("A1 OK [APPENDUID 38505 "))},
	{name: "COPYUID with $", in: "A1 OK [COPYUID 1 2:4 $] x\r\n", off: int64(len("A1 OK [COPYUID 1 2:4 "))},
	{name: "COPYUID without a target set", in: "A1 OK [COPYUID 1 2:4] x\r\n", off: int64(len("A1 OK [COPYUID 1 2:4"))},
	{name: "MODIFIED without a set", in: "a1 OK [MODIFIED] x\r\n", off: int64(len("a1 OK [MODIFIED"))},
	{name: "MODIFIED with a bad set", in: "a1 OK [MODIFIED 7,,9] x\r\n", off: int64(len("a1 OK [MODIFIED 7,"))},
	{name: "ALERT with arguments", in: "* OK [ALERT now] x\r\n", off: int64(len("* OK [ALERT "))},
	{name: "CAPABILITY without capabilities", in: "* OK [CAPABILITY] x\r\n", off: int64(len("* OK [CAPABILITY"))},
	{name: "CAPABILITY with a list", in: "* OK [CAPABILITY (IMAP4rev1)] x\r\n", off: int64(len("* OK [CAPABILITY "))},
	{name: "PERMANENTFLAGS without a list", in: "* OK [PERMANENTFLAGS \\Seen] x\r\n", off: int64(len("* OK [PERMANENTFLAGS "))},
	{name: "PERMANENTFLAGS unclosed", in: "* OK [PERMANENTFLAGS (\\Seen] x\r\n", off: int64(len("* OK [PERMANENTFLAGS (\\Seen"))},
	{name: "PERMANENTFLAGS with a bare backslash", in: "* OK [PERMANENTFLAGS (\\)] x\r\n", off: int64(len("* OK [PERMANENTFLAGS ("))},
	{name: "PERMANENTFLAGS after the list", in: "* OK [PERMANENTFLAGS (\\Seen) x] x\r\n", off: int64(len("* OK [PERMANENTFLAGS (\\Seen)"))},
	{name: "PERMANENTFLAGS without spaces", in: "* OK [PERMANENTFLAGS (\\Seen\\Draft)] x\r\n", off: int64(len("* OK [PERMANENTFLAGS (\\Seen"))},
	{name: "PERMANENTFLAGS with a bracket across flags", in: "* OK [PERMANENTFLAGS (a[ b])] x\r\n", off: int64(len("* OK [PERMANENTFLAGS (a[ b"))},
	{name: "RFC 9051 §6.4.4.4 BADCHARSET without parentheses", in: "B283 NO [BADCHARSET UTF-8] KOI8-R is not supported\r\n",
		off: int64(len("B283 NO [BADCHARSET "))},
	{name: "BADCHARSET with an empty list", in: "A1 NO [BADCHARSET ()] x\r\n", off: int64(len("A1 NO [BADCHARSET ("))},
	{name: "BADCHARSET with a bad quoted string", in: "A1 NO [BADCHARSET (\"a\\b\")] x\r\n", off: int64(len("A1 NO [BADCHARSET (\"a"))},
	{name: "METADATA of an unknown kind", in: "a NO [METADATA FOO] x\r\n", off: int64(len("a NO [METADATA "))},
	{name: "METADATA MAXSIZE without a number", in: "a NO [METADATA MAXSIZE] x\r\n", off: int64(len("a NO [METADATA MAXSIZE"))},
	{name: "METADATA TOOMANY with a number", in: "a NO [METADATA TOOMANY 5] x\r\n", off: int64(len("a NO [METADATA TOOMANY"))},
	{name: "MAILBOXID without parentheses", in: "3 OK [MAILBOXID F123] x\r\n", off: int64(len("3 OK [MAILBOXID "))},
	{name: "MAILBOXID empty", in: "3 OK [MAILBOXID ()] x\r\n", off: int64(len("3 OK [MAILBOXID ("))},
	{name: "MAILBOXID with two IDs", in: "3 OK [MAILBOXID (a b)] x\r\n", off: int64(len("3 OK [MAILBOXID (a "))},
	{name: "MAILBOXID not an objectid", in: "3 OK [MAILBOXID (a.b)] x\r\n", off: int64(len("3 OK [MAILBOXID (a"))},
	{name: "MAILBOXID too long", in: "3 OK [MAILBOXID (" + strings.Repeat("a", 256) + ")] x\r\n", off: int64(len("3 OK [MAILBOXID ("))},
	{name: "REFERRAL without a URL", in: "A1 NO [REFERRAL] x\r\n", off: int64(len("A1 NO [REFERRAL"))},
	{name: "BADURL without a URL", in: "A1 NO [BADURL] x\r\n", off: int64(len("A1 NO [BADURL"))},
	{name: "BADURL with a space only", in: "A1 NO [BADURL ] x\r\n", off: int64(len("A1 NO [BADURL "))},
}

func init() {
	allCases = append(allCases, codeCases...)
}

func TestCodes(t *testing.T) { checkCases(t, codeCases) }

// TestCodeErrors checks known codes whose arguments break their grammar:
// strict decoding fails at the offending byte; lenient decoding keeps the
// status response, with the code as a RawCode and the quirk
// bad-code-arguments at that byte, and the canonical form of that value
// decodes leniently to the same value again.
func TestCodeErrors(t *testing.T) {
	for _, c := range codeErrorCases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := decodeOne(strings.NewReader(c.in), wire.Strict(true))
			var se *wire.SyntaxError
			if !errors.As(err, &se) || se.Offset > c.off {
				t.Errorf("strict: %v, want a *wire.SyntaxError at offset %d or before", err, c.off)
			}
			r, quirks, err := decodeOne(strings.NewReader(c.in))
			if err != nil {
				t.Fatalf("lenient: %v", err)
			}
			s, ok := r.(*Status)
			if !ok {
				t.Fatalf("lenient: %#v, want a *Status", r)
			}
			if _, raw := s.Code.(RawCode); !raw {
				t.Errorf("lenient: code %#v, want a RawCode", s.Code)
			}
			want := fmt.Sprintf("%s@%d", wire.QuirkBadCodeArguments, c.off)
			if len(quirks) == 0 || quirks[len(quirks)-1] != want {
				t.Errorf("lenient: quirks %q, want them to end with %s", quirks, want)
			}
			enc, err := encodeOne(r)
			if err != nil {
				t.Fatalf("encode: %v", err)
			}
			again, _, err := decodeOne(strings.NewReader(enc))
			if err != nil {
				t.Fatalf("canonical %q: %v", enc, err)
			}
			if diff := cmp.Diff(r, again, cmpOpts...); diff != "" {
				t.Errorf("canonical %q decodes differently (-first +again):\n%s", enc, diff)
			}
		})
	}
}

// TestCodeBrackets checks the codes whose arguments hold brackets that pair
// up, as Gmail's keywords in PERMANENTFLAGS: lenient decoding reports
// QuirkBracketInAtom and keeps them, the encoder writes them back as they
// came (they have no other form), and strict decoding refuses them. (These
// cases are not in allCases because the canonical form keeps the quirk,
// which checkCase allows only for bad-response-code.)
func TestCodeBrackets(t *testing.T) {
	cases := []struct {
		name   string
		in     string
		want   Response
		quirks []string
	}{
		{name: "Gmail PERMANENTFLAGS (MailKit#193)", in: gmailFlags + "\r\n",
			want: codeUntagged(OK, PermanentFlagsCode{Flags: []string{`\Answered`, `\Flagged`, `\Draft`, `\Deleted`, `\Seen`,
				"OIB-Seen-[Gmail]/Trash", "OIB-Seen-[Gmail]/Important", "$MailFlagBit2", "OIB-Seen-Unsubscribe",
				"$Phishing", "$Forwarded", "$MDNSent", "OIB-Seen-INBOX", "JunkRecorded", "NotJunk", "$NotJunk",
				"$NotPhishing", "$Junk", "OIB-Seen-[Gmail]/All", "Mail", "OIB-Seen-[Gmail]/Spam", `\*`}}, "Flags permitted."),
			quirks: []string{codeQuirk(wire.QuirkBracketInAtom, "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen OIB-Seen-[Gmail")}},
		{name: "unknown code with brackets", in: "* OK [XFOO a[b]c] x\r\n",
			want:   codeUntagged(OK, RawCode{Name: "XFOO", Args: "a[b]c"}, "x"),
			quirks: []string{codeQuirk(wire.QuirkBracketInAtom, "* OK [XFOO a[b")}},
		{name: "REFERRAL to an IPv6 host", in: "A1 NO [REFERRAL imap://[2001:db8::1]/] x\r\n",
			want:   codeTagged("A1", NO, ReferralCode{URLs: []string{"imap://[2001:db8::1]/"}}, "x"),
			quirks: []string{codeQuirk(wire.QuirkBracketInAtom, "A1 NO [REFERRAL imap://[2001:db8::1")}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, quirks, err := decodeOne(strings.NewReader(c.in))
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if diff := cmp.Diff(c.want, got, cmpOpts...); diff != "" {
				t.Errorf("decode (-want +got):\n%s", diff)
			}
			if !slicesEqual(quirks, c.quirks) {
				t.Errorf("quirks %q, want %q", quirks, c.quirks)
			}
			enc, err := encodeOne(got)
			if err != nil || enc != c.in {
				t.Errorf("encode: %q, %v; want the input", enc, err)
			}
			_, _, err = decodeOne(strings.NewReader(c.in), wire.Strict(true))
			var se *wire.SyntaxError
			if !errors.As(err, &se) || fmt.Sprintf("%s@%d", se.Quirk, se.Offset) != c.quirks[0] {
				t.Errorf("strict decode: %v, want the quirk %s", err, c.quirks[0])
			}
		})
	}
}

// TestCodeEncode checks the wire form of codes that decoding does not
// return in that form.
func TestCodeEncode(t *testing.T) {
	cases := []struct {
		code Code
		want string
	}{
		{SimpleCode("XUNKNOWN"), "[XUNKNOWN]"},
		{PermanentFlagsCode{Flags: []string{}}, "[PERMANENTFLAGS ()]"},
		{BadCharsetCode{Charsets: []string{}}, "[BADCHARSET]"},
		{BadCharsetCode{Charsets: []string{"X Y", ""}}, `[BADCHARSET ("X Y" "")]`},
		{&UIDNextCode{UID: 7}, "[UIDNEXT 7]"},
		{AppendUIDCode{UIDValidity: 1, UIDs: codeSeqSet("9:7")}, "[APPENDUID 1 7:9]"},
		{ModifiedCode{Set: codeSeqSet("$")}, "[MODIFIED $]"},
		{ModifiedCode{Set: codeSeqSet("1:*")}, "[MODIFIED 1:*]"},
		{MetadataCode{Kind: MetadataMaxSize}, "[METADATA MAXSIZE 0]"},
		{RawCode{Name: "XFOO", Args: " a "}, "[XFOO  a ]"},
	}
	for _, c := range cases {
		got, err := encodeOne(&Status{Type: OK, Code: c.code, Text: "x"})
		if want := "* OK " + c.want + " x\r\n"; err != nil || got != want {
			t.Errorf("%#v: %q, %v; want %q", c.code, got, err, want)
		}
	}
}

// TestCodeRefused checks that the encoder refuses codes that have no valid
// wire form or would decode as something else.
func TestCodeRefused(t *testing.T) {
	set := func(r ...wire.SeqRange) wire.SeqSet { return wire.SeqSet{Ranges: r} }
	cases := []Code{
		SimpleCode(""),
		SimpleCode("alert"),
		SimpleCode("TWO WORDS"),
		SimpleCode("UIDNEXT"),
		SimpleCode("BADCHARSET"),
		SimpleCode("METADATA"),
		RawCode{},
		RawCode{Name: "ALERT"},
		RawCode{Name: "UIDNEXT", Args: "4"},
		RawCode{Name: "BADURL", Args: "x"},
		RawCode{Name: "xfoo"},
		RawCode{Name: "X]"},
		RawCode{Name: "XFOO", Args: "a]b"},
		RawCode{Name: "XFOO", Args: "a\r\nb"},
		RawCode{Name: "XFOO", Args: "a\x00b"},
		RawCode{Name: "XFOO", Args: "caf\xe9"},
		CapabilityCode{},
		CapabilityCode{Caps: []string{"IMAP4rev1", "A B"}},
		CapabilityCode{Caps: []string{"X]"}},
		CapabilityCode{Caps: []string{""}},
		PermanentFlagsCode{Flags: []string{""}},
		PermanentFlagsCode{Flags: []string{"a b"}},
		PermanentFlagsCode{Flags: []string{"a]b"}},
		PermanentFlagsCode{Flags: []string{`\Seen]`}},
		PermanentFlagsCode{Flags: []string{`\*x`}},
		BadCharsetCode{Charsets: []string{"a]"}},
		BadCharsetCode{Charsets: []string{"[x]"}},
		BadCharsetCode{Charsets: []string{"caf\u00e9"}},
		BadCharsetCode{Charsets: []string{strings.Repeat("x ", 600)}},
		UIDNextCode{},
		UIDValidityCode{},
		UnseenCode{},
		HighestModSeqCode{},
		HighestModSeqCode{ModSeq: 1 << 63},
		AppendUIDCode{UIDs: codeSeqSet("1")},
		AppendUIDCode{UIDValidity: 1},
		AppendUIDCode{UIDValidity: 1, UIDs: wire.SeqSet{Saved: true}},
		AppendUIDCode{UIDValidity: 1, UIDs: set(wire.SeqRange{Start: 1, Stop: 0})},
		CopyUIDCode{UIDValidity: 1, Source: codeSeqSet("1"), Dest: set(wire.SeqRange{})},
		CopyUIDCode{UIDValidity: 1, Source: codeSeqSet("1")},
		ModifiedCode{},
		MetadataCode{},
		MetadataCode{Kind: "longentries", Value: 1},
		MetadataCode{Kind: MetadataTooMany, Value: 1},
		MailboxIDCode{},
		MailboxIDCode{ID: "a b"},
		MailboxIDCode{ID: strings.Repeat("a", 256)},
		ReferralCode{},
		ReferralCode{URLs: []string{"imap://a/ imap://b/"}},
		ReferralCode{URLs: []string{"imap://a]/"}},
		ReferralCode{URLs: []string{"imap://caf\u00e9/"}},
		BadURLCode{},
		BadURLCode{URL: "x]"},
		BadURLCode{URL: "a\nb"},
	}
	for _, c := range cases {
		got, err := encodeOne(&Status{Type: OK, Code: c, Text: "x"})
		if !errors.Is(err, wire.ErrUnrepresentable) {
			t.Errorf("%#v: %q, %v; want ErrUnrepresentable", c, got, err)
		}
	}
}

func TestCapabilityCodeHas(t *testing.T) {
	c := CapabilityCode{Caps: []string{"IMAP4REV1", "AUTH=PLAIN", "idle"}}
	for name, want := range map[string]bool{"IMAP4rev1": true, "auth=plain": true, "IDLE": true, "IMAP4rev2": false, "": false} {
		if got := c.Has(name); got != want {
			t.Errorf("Has(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestCodeNames checks that every known code is named as its constant or
// type says, and decodes to itself.
func TestCodeNames(t *testing.T) {
	for name, k := range knownCodes {
		if k.name != name {
			t.Errorf("knownCodes[%q].name = %q", name, k.name)
		}
	}
	for _, c := range simpleCodes {
		in := "* OK [" + string(c) + "] x\r\n"
		got, _, err := decodeOne(strings.NewReader(in), wire.Strict(true))
		if err != nil {
			t.Errorf("%s: %v", c, err)
			continue
		}
		if s, ok := got.(*Status); !ok || s.Code != c {
			t.Errorf("%s: decoded %#v", c, got)
		}
	}
}
