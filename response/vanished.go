package response

import (
	"github.com/mailwire/imap/wire"
)

// A Vanished reports messages expunged from the selected mailbox by UID,
// in place of EXPUNGE once QRESYNC is enabled (RFC 7162 §3.2.10). With
// Earlier set it answers a SELECT, EXAMINE, FETCH or UID FETCH with
// QRESYNC or VANISHED and may name UIDs the client never saw; without it,
// the messages have just been expunged and the sequence numbers of those
// after them go down.
//
//	S: * VANISHED (EARLIER) 41,43:116,118,120:211,214:540
//	S: * VANISHED 405,407,410,425
type Vanished struct {
	// Earlier reports "(EARLIER)".
	Earlier bool
	// UIDs are the UIDs of the expunged messages, never empty and without
	// "*" (known-uids).
	UIDs wire.SeqSet
}

// Kind returns "VANISHED".
func (v *Vanished) Kind() string { return "VANISHED" }

// readVanished reads expunged-resp after its name (RFC 7162 §7):
//
//	expunged-resp = "VANISHED" [SP "(EARLIER)"] SP known-uids
//	known-uids    = sequence-set ; "*" is not allowed
func readVanished(d *Decoder) (Response, error) {
	w := d.w
	const rule = "expunged-resp"
	v := &Vanished{}
	if err := w.SP(); err != nil {
		return nil, err
	}
	c, err := w.Peek()
	if err != nil {
		return nil, err
	}
	if c == '(' {
		w.Expect('(', rule)
		off := w.Offset()
		name, err := w.ReadAtom()
		if err != nil {
			return nil, err
		}
		if upperString(name) != "EARLIER" {
			return nil, w.Failf(off, rule, "expected EARLIER")
		}
		if err := w.Expect(')', rule); err != nil {
			return nil, err
		}
		if err := w.SP(); err != nil {
			return nil, err
		}
		v.Earlier = true
	}
	off := w.Offset()
	if v.UIDs, err = w.ReadSeqSet(); err != nil {
		return nil, err
	}
	if !vanishedUIDsValid(v.UIDs) {
		return nil, w.Failf(off, rule, `"*" or "$" in known-uids`)
	}
	return v, nil
}

// vanishedUIDsValid reports whether s is a known-uids: not "$", and no "*"
// (which is 0 in a SeqRange).
func vanishedUIDsValid(s wire.SeqSet) bool {
	if s.Saved {
		return false
	}
	for _, r := range s.Ranges {
		if r.Start == 0 || r.Stop == 0 {
			return false
		}
	}
	return true
}

func (v *Vanished) encode(e *wire.Encoder) {
	if !vanishedUIDsValid(v.UIDs) {
		e.Refuse(`VANISHED UIDs with "*" or "$"`)
		return
	}
	e.Atom("VANISHED").SP()
	if v.Earlier {
		e.ListStart().Atom("EARLIER").ListEnd().SP()
	}
	e.SeqSet(v.UIDs)
}
