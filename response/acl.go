package response

import (
	"github.com/mailwire/imap/wire"
)

// An ACL is the access control list of a mailbox (RFC 4314 §3.6), the
// answer to GETACL: which rights each identifier has.
//
//	S: * ACL INBOX/Drafts Fred rwipslxetad Chris lrswi
//	S: * ACL INBOX Fred rwipslxetad -Fred wetd $team w
//
// Rights are the letters and digits of RFC 4314 §2.1, in the order sent.
// RFC 4314 §2 and §7 allow only lower-case ASCII letters and digits, and
// both decoding and encoding refuse anything else.
type ACL struct {
	Mailbox string
	// Entries are the identifiers and their rights, in the order sent;
	// possibly none.
	Entries []ACLEntry
}

// An ACLEntry is one identifier of an access control list and its rights
// (RFC 4314 §3.6). An identifier starting with "-" holds negative rights,
// which are taken away (§2).
type ACLEntry struct {
	Identifier string
	Rights     string
}

// Kind returns "ACL".
func (a *ACL) Kind() string { return "ACL" }

// A ListRights lists the rights an identifier may be given on a mailbox
// (RFC 4314 §3.7), the answer to LISTRIGHTS: the rights it always has,
// and groups of rights that can be granted, each group as a whole.
//
//	S: * LISTRIGHTS ~/Mail/saved smith la r swicdkxte
//	S: * LISTRIGHTS archive/imap anyone "" lr s w i p k x t c d
type ListRights struct {
	Mailbox    string
	Identifier string
	// Required are the rights always granted, possibly "".
	Required string
	// Optional are the groups of rights that may be granted, in the order
	// sent; possibly none.
	Optional []string
}

// Kind returns "LISTRIGHTS".
func (l *ListRights) Kind() string { return "LISTRIGHTS" }

// A MyRights is the set of rights the user has on a mailbox (RFC 4314
// §3.8), the answer to MYRIGHTS.
//
//	S: * MYRIGHTS INBOX rwiptsldaex
type MyRights struct {
	Mailbox string
	Rights  string
}

// Kind returns "MYRIGHTS".
func (m *MyRights) Kind() string { return "MYRIGHTS" }

// readACL reads acl-data after its name (RFC 4314 §7):
//
//	acl-data = "ACL" SP mailbox *(SP identifier SP rights)
func readACL(d *Decoder) (Response, error) {
	w := d.w
	m, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	a := &ACL{Mailbox: m}
	for {
		if more, err := d.another(); !more || err != nil {
			return a, err
		}
		id, err := w.ReadAString()
		if err != nil {
			return nil, err
		}
		ent := ACLEntry{Identifier: string(id)}
		if err := w.SP(); err != nil {
			return nil, err
		}
		if ent.Rights, err = d.readRights(); err != nil {
			return nil, err
		}
		a.Entries = append(a.Entries, ent)
	}
}

// readListRights reads listrights-data after its name (RFC 4314 §7):
//
//	listrights-data = "LISTRIGHTS" SP mailbox SP identifier
//	                  SP rights *(SP rights)
func readListRights(d *Decoder) (Response, error) {
	w := d.w
	m, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	l := &ListRights{Mailbox: m}
	if err := w.SP(); err != nil {
		return nil, err
	}
	id, err := w.ReadAString()
	if err != nil {
		return nil, err
	}
	l.Identifier = string(id)
	if err := w.SP(); err != nil {
		return nil, err
	}
	if l.Required, err = d.readRights(); err != nil {
		return nil, err
	}
	for {
		if more, err := d.another(); !more || err != nil {
			return l, err
		}
		r, err := d.readRights()
		if err != nil {
			return nil, err
		}
		l.Optional = append(l.Optional, r)
	}
}

// readMyRights reads myrights-data after its name (RFC 4314 §7):
//
//	myrights-data = "MYRIGHTS" SP mailbox SP rights
func readMyRights(d *Decoder) (Response, error) {
	w := d.w
	m, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	r := &MyRights{Mailbox: m}
	if err := w.SP(); err != nil {
		return nil, err
	}
	if r.Rights, err = d.readRights(); err != nil {
		return nil, err
	}
	return r, nil
}

// readRights reads rights: an astring of lower-case ASCII letters and
// digits only (RFC 4314 §7).
func (d *Decoder) readRights() (string, error) {
	w := d.w
	off := w.Offset()
	b, err := w.ReadAString()
	if err != nil {
		return "", err
	}
	if i := badRight(string(b)); i >= 0 {
		return "", w.Failf(off, "rights", "rights hold only lower-case letters and digits")
	}
	return string(b), nil
}

// badRight returns the index of the first byte of rights that is not a
// lower-case ASCII letter or a digit, or -1.
func badRight(rights string) int {
	for i := 0; i < len(rights); i++ {
		if c := rights[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return i
		}
	}
	return -1
}

// encodeRights writes SP rights, or refuses rights with other bytes than
// lower-case letters and digits.
func encodeRights(e *wire.Encoder, rights string) {
	if badRight(rights) >= 0 {
		e.Refuse("rights " + `"` + rights + `"` + ": only lower-case letters and digits are rights")
		return
	}
	e.SP().AString(rights)
}

func (a *ACL) encode(e *wire.Encoder) {
	e.Atom("ACL").SP().Mailbox(a.Mailbox)
	for _, ent := range a.Entries {
		e.SP().AString(ent.Identifier)
		encodeRights(e, ent.Rights)
	}
}

func (l *ListRights) encode(e *wire.Encoder) {
	e.Atom("LISTRIGHTS").SP().Mailbox(l.Mailbox).SP().AString(l.Identifier)
	encodeRights(e, l.Required)
	for _, r := range l.Optional {
		encodeRights(e, r)
	}
}

func (m *MyRights) encode(e *wire.Encoder) {
	e.Atom("MYRIGHTS").SP().Mailbox(m.Mailbox)
	encodeRights(e, m.Rights)
}
