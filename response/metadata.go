package response

import (
	"github.com/mailwire/imap/wire"
)

// A Metadata carries annotations of a mailbox or of the server (RFC 5464
// §4.4), in one of two forms: entries with their values, the answer to
// GETMETADATA (§4.4.1), or, unsolicited, the names of entries that changed
// without their values (§4.4.2).
//
//	S: * METADATA "INBOX" (/private/comment "My comment" /shared/comment "Its sunny outside!")
//	S: * METADATA "" /shared/comment
//
// Exactly one of Entries and Names is set; an Encoder refuses a Metadata
// with both or neither.
type Metadata struct {
	// Mailbox is the mailbox the annotations belong to, or "" for the
	// server's own.
	Mailbox string
	// Entries are the entries and their values (entry-values), in the
	// order sent.
	Entries []MetadataEntry
	// Names are the names of entries whose values changed (entry-list),
	// in the order sent.
	Names []string
}

// A MetadataEntry is one annotation and its value (RFC 5464 §4.4.1,
// entry-value). Entry names are case-insensitive (§3.2) but kept as sent,
// since they are conventionally written in lower case.
type MetadataEntry struct {
	// Name is the entry's name, such as "/private/comment".
	Name string
	// Value is the value, or NIL when the entry has none. It may hold any
	// octets, since RFC 5464 allows a literal8 for it; an Encoder then
	// needs BINARY (wire.LiteralPolicy) to write one with a NUL.
	Value wire.NString
}

// Kind returns "METADATA".
func (m *Metadata) Kind() string { return "METADATA" }

// readMetadata reads metadata-resp after its name (RFC 5464 §5):
//
//	metadata-resp = "METADATA" SP mailbox SP (entry-values / entry-list)
//	entry-values  = "(" entry-value *(SP entry-value) ")"
//	entry-value   = entry SP value
//	entry-list    = entry *(SP entry)
//	entry         = astring
//	value         = nstring / literal8
func readMetadata(d *Decoder) (Response, error) {
	w := d.w
	mbox, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	m := &Metadata{Mailbox: mbox}
	if err := w.SP(); err != nil {
		return nil, err
	}
	c, err := w.Peek()
	if err != nil {
		return nil, err
	}
	if c != '(' {
		for {
			name, err := w.ReadAString()
			if err != nil {
				return nil, err
			}
			m.Names = append(m.Names, string(name))
			if more, err := d.another(); !more || err != nil {
				return m, err
			}
		}
	}
	off := w.Offset()
	err = w.List(func() error {
		name, err := w.ReadAString()
		if err != nil {
			return err
		}
		ent := MetadataEntry{Name: string(name)}
		if err := w.SP(); err != nil {
			return err
		}
		if ent.Value, err = w.ReadNStringValue(); err != nil {
			return err
		}
		m.Entries = append(m.Entries, ent)
		return nil
	})
	if err == nil && len(m.Entries) == 0 {
		err = w.Failf(off, "entry-values", "expected at least one entry")
	}
	if err != nil {
		return nil, err
	}
	return m, nil
}

func (m *Metadata) encode(e *wire.Encoder) {
	switch {
	case len(m.Entries) > 0 && len(m.Names) > 0:
		e.Refuse("a METADATA response with both entry values and entry names")
		return
	case len(m.Entries) == 0 && len(m.Names) == 0:
		e.Refuse("a METADATA response without entries")
		return
	}
	e.Atom("METADATA").SP().Mailbox(m.Mailbox).SP()
	if len(m.Names) > 0 {
		for i, name := range m.Names {
			if i > 0 {
				e.SP()
			}
			e.AString(name)
		}
		return
	}
	e.ListStart()
	for i, ent := range m.Entries {
		if i > 0 {
			e.SP()
		}
		e.AString(ent.Name).SP().NString(ent.Value)
	}
	e.ListEnd()
}
