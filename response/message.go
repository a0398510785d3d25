package response

import (
	"github.com/mailwire/imap/wire"
)

// A Flags is the FLAGS response (RFC 9051 §7.3.5, RFC 3501 §7.2.6): the
// flags defined in the selected mailbox.
//
//	S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
//
// The grammar is "FLAGS" SP flag-list, where
//
//	flag-list = "(" [flag *(SP flag)] ")"
//	flag      = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" /
//	            "\Draft" / flag-keyword / flag-extension
//
// Lenient decoding also accepts, and reports, what real servers send:
// the permanent-flags wildcard \* (Zoho, wire.QuirkStarFlagInFlags), kept
// in Flags and written back as it came, since it has no other form; a space
// before ")" (SurgeMail, wire.QuirkSpaceBeforeParen); a "]" inside a keyword
// (Gmail's OIB-Seen-[Gmail]/Trash, wire.QuirkBracketInAtom) and 8-bit bytes
// in one (wire.QuirkEightBit), which the encoder refuses, since a flag is
// an atom and an atom has neither. The flags are read as in FETCH FLAGS.
type Flags struct {
	// Flags are the flags in the order sent, never nil when decoded. System
	// flags (\Answered, \Flagged, \Deleted, \Seen, \Draft, and \Recent
	// of RFC 3501) are stored in that case; other flags keep theirs.
	Flags []string
}

// Kind returns "FLAGS".
func (f *Flags) Kind() string { return "FLAGS" }

// An Exists is the EXISTS response (RFC 9051 §7.4.1): the number of
// messages in the mailbox.
//
//	S: * 23 EXISTS
type Exists struct {
	Count uint32
}

// Kind returns "EXISTS".
func (x *Exists) Kind() string { return "EXISTS" }

// A Recent is the RECENT response (RFC 3501 §7.3.2): the number of
// messages with the \Recent flag. RFC 9051 keeps it only as
// obsolete-recent-response, for servers that also speak IMAP4rev1.
//
//	S: * 5 RECENT
type Recent struct {
	Count uint32
}

// Kind returns "RECENT".
func (r *Recent) Kind() string { return "RECENT" }

// An Expunge is the EXPUNGE response (RFC 9051 §7.5.1): the message with
// sequence number Seq was removed, and the later ones moved down by one.
//
//	S: * 44 EXPUNGE
type Expunge struct {
	// Seq is the message sequence number, an nz-number: never 0.
	Seq uint32
}

// Kind returns "EXPUNGE".
func (x *Expunge) Kind() string { return "EXPUNGE" }

func (f *Flags) encode(e *wire.Encoder) {
	e.Atom("FLAGS").SP().ListStart()
	for i, fl := range f.Flags {
		if i > 0 {
			e.SP()
		}
		e.Flag(fl)
	}
	e.ListEnd()
}

func (x *Exists) encode(e *wire.Encoder) { e.Number(x.Count).SP().Atom("EXISTS") }

func (r *Recent) encode(e *wire.Encoder) { e.Number(r.Count).SP().Atom("RECENT") }

func (x *Expunge) encode(e *wire.Encoder) {
	if x.Seq == 0 {
		e.Refuse("EXPUNGE of message 0 (RFC 9051 message-data: nz-number)")
		return
	}
	e.Number(x.Seq).SP().Atom("EXPUNGE")
}

// readFlags reads the FLAGS response after its name: SP flag-list.
func readFlags(d *Decoder) (Response, error) {
	if err := d.w.SP(); err != nil {
		return nil, err
	}
	flags, err := d.flagList("flag-list", false)
	if err != nil {
		return nil, err
	}
	return &Flags{Flags: flags}, nil
}

// readExists makes the EXISTS response for "* n EXISTS".
func readExists(d *Decoder, n uint32, off int64) (Response, error) {
	return &Exists{Count: n}, nil
}

// readRecent makes the RECENT response for "* n RECENT".
func readRecent(d *Decoder, n uint32, off int64) (Response, error) {
	return &Recent{Count: n}, nil
}

// readExpunge makes the EXPUNGE response for "* n EXPUNGE", where n must
// not be 0. The number is the first thing after "* ".
func readExpunge(d *Decoder, n uint32, off int64) (Response, error) {
	if n == 0 {
		return nil, d.w.Failf(d.w.MessageOffset()+int64(len("* ")), "message-data", "EXPUNGE of message 0 (nz-number)")
	}
	return &Expunge{Seq: n}, nil
}
