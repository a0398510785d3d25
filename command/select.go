package command

import (
	"github.com/mailwire/imap/wire"
)

// A Select is the SELECT command (RFC 9051 §6.3.2), or EXAMINE (§6.3.3),
// which selects the mailbox read-only, with the select parameters of RFC
// 4466 §2.1: CONDSTORE (RFC 7162 §3.1.8) and QRESYNC (RFC 7162 §3.2.5).
//
//	C: A142 SELECT INBOX
//	C: A932 EXAMINE blurdybloop
//	C: A160 SELECT INBOX (CONDSTORE)
//	C: A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))
//
// The canonical form writes CONDSTORE, then QRESYNC, then the other
// parameters in the order sent.
type Select struct {
	// ReadOnly selects EXAMINE.
	ReadOnly bool
	// Mailbox is the mailbox's name.
	Mailbox string
	// CondStore is the CONDSTORE parameter.
	CondStore bool
	// QResync is the QRESYNC parameter, or nil.
	QResync *QResync
	// Params are the select parameters this package does not know, kept
	// raw, in the order sent.
	Params []Param
}

// A QResync is the parameter of SELECT (QRESYNC (...)) (RFC 7162 §3.2.5):
// what the client knows of the mailbox from an earlier session, so that
// the server reports only what changed since, expunged messages included.
//
//	(QRESYNC (67890007 90060115194045000 1:29997 (5000,7500,9000 15000,22500,27000)))
//
// None of its sets may use "*" or "$".
type QResync struct {
	// UIDValidity is the mailbox's UIDVALIDITY the client last saw (an
	// nz-number).
	UIDValidity uint32
	// ModSeq is the last known mod-sequence (mod-sequence-value, 1 to
	// 2^63-1).
	ModSeq uint64
	// KnownUIDs are the UIDs the client knows (known-uids), or the zero
	// SeqSet if it did not say.
	KnownUIDs wire.SeqSet
	// KnownSeqs and KnownSeqUIDs are the seq-match-data: message numbers
	// (known-sequence-set) and the UIDs the client knows them to have
	// (known-uid-set), in ascending order. Both are zero, or neither.
	KnownSeqs    wire.SeqSet
	KnownSeqUIDs wire.SeqSet
}

// Kind returns "SELECT", or "EXAMINE" for a read-only Select.
func (s *Select) Kind() string {
	if s.ReadOnly {
		return "EXAMINE"
	}
	return "SELECT"
}

func (s *Select) encode(e *encoder) {
	if msg := s.check(); msg != "" {
		e.Refuse(s.Kind() + ": " + msg)
		return
	}
	e.Atom(s.Kind()).SP().Mailbox(s.Mailbox)
	if !s.CondStore && s.QResync == nil && len(s.Params) == 0 {
		return
	}
	e.SP().ListStart()
	n := 0
	if s.CondStore {
		e.sep(&n)
		e.Atom("CONDSTORE")
	}
	if q := s.QResync; q != nil {
		e.sep(&n)
		e.Atom("QRESYNC").SP().ListStart().Number(q.UIDValidity).SP().Number64(q.ModSeq)
		if !q.KnownUIDs.IsZero() {
			e.SP().SeqSet(q.KnownUIDs)
		}
		if !q.KnownSeqs.IsZero() {
			e.SP().ListStart().SeqSet(q.KnownSeqs).SP().SeqSet(q.KnownSeqUIDs).ListEnd()
		}
		e.ListEnd()
	}
	for _, p := range s.Params {
		e.sep(&n)
		modsWrite(e, p.Name, &p.Value)
	}
	e.ListEnd()
}

// check returns what keeps s from having a wire form, or "".
func (s *Select) check() string {
	if q := s.QResync; q != nil {
		switch {
		case q.UIDValidity == 0:
			return "QRESYNC with UIDVALIDITY 0"
		case q.ModSeq == 0 || q.ModSeq > fetchMaxModSeq:
			return "QRESYNC with a mod-sequence of 0 or above 2^63-1"
		case q.KnownSeqs.IsZero() != q.KnownSeqUIDs.IsZero():
			return "QRESYNC with only one of the sets of seq-match-data"
		case q.KnownUIDs.Dynamic() || q.KnownSeqs.Dynamic() || q.KnownSeqUIDs.Dynamic():
			return "QRESYNC with \"*\" or \"$\" in a set"
		}
	}
	for _, p := range s.Params {
		if msg := modsCheck(p.Name, &p.Value, "CONDSTORE", "QRESYNC"); msg != "" {
			return "select parameter " + msg
		}
	}
	return ""
}

// readSelect reads SP mailbox [select-params] after SELECT or EXAMINE.
func readSelect(d *Decoder, readOnly bool) (Command, error) {
	w := d.w
	s := &Select{ReadOnly: readOnly}
	var err error
	if s.Mailbox, err = d.spMailbox(); err != nil {
		return nil, err
	}
	if more, err := d.another(); !more || err != nil {
		return s, err
	}
	if err := w.ListStart(); err != nil {
		return nil, err
	}
	err = modsRead(d, "select-param", nil, 0, func(name []byte, off int64) (bool, error) {
		switch string(name) {
		case "CONDSTORE":
			if s.CondStore {
				return true, w.Failf(off, "select-param", "CONDSTORE twice")
			}
			s.CondStore = true
			return true, nil
		case "QRESYNC":
			if s.QResync != nil {
				return true, w.Failf(off, "select-param", "QRESYNC twice")
			}
			var err error
			s.QResync, err = d.readQResync()
			return true, err
		}
		return false, nil
	}, func(name string, v wire.Value) {
		s.Params = append(s.Params, Param{Name: name, Value: v})
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// readQResync reads SP "(" uidvalidity SP mod-sequence-value [SP
// known-uids] [SP seq-match-data] ")" after QRESYNC (RFC 7162 §7).
func (d *Decoder) readQResync() (*QResync, error) {
	w := d.w
	q := &QResync{}
	if err := w.SP(); err != nil {
		return nil, err
	}
	if err := w.ListStart(); err != nil {
		return nil, err
	}
	var err error
	if q.UIDValidity, err = w.ReadNZNumber(); err != nil {
		return nil, err
	}
	if err := w.SP(); err != nil {
		return nil, err
	}
	if q.ModSeq, err = readFetchModSeq(d, "mod-sequence-value"); err != nil {
		return nil, err
	}
	for {
		if end, err := w.ListEnd(); end || err != nil {
			return q, err
		}
		if err := w.SP(); err != nil {
			return nil, err
		}
		c, err := w.Peek()
		if err != nil {
			return nil, err
		}
		if c != '(' {
			if !q.KnownUIDs.IsZero() {
				return nil, w.Failf(w.Offset(), "select-param", "expected ')' or seq-match-data")
			}
			if q.KnownUIDs, err = d.readQResyncSet("known-uids"); err != nil {
				return nil, err
			}
			continue
		}
		// seq-match-data = "(" known-sequence-set SP known-uid-set ")",
		// the last item.
		if err := w.ListStart(); err != nil {
			return nil, err
		}
		if q.KnownSeqs, err = d.readQResyncSet("known-sequence-set"); err != nil {
			return nil, err
		}
		if err := w.SP(); err != nil {
			return nil, err
		}
		if q.KnownSeqUIDs, err = d.readQResyncSet("known-uid-set"); err != nil {
			return nil, err
		}
		for range 2 {
			off := w.Offset()
			if end, err := w.ListEnd(); err != nil {
				return nil, err
			} else if !end {
				return nil, w.Failf(off, "seq-match-data", "expected ')'")
			}
		}
		return q, nil
	}
}

// readQResyncSet reads one of the sets of QRESYNC, where "*" (and "$") are
// not allowed (RFC 7162 §7).
func (d *Decoder) readQResyncSet(rule string) (wire.SeqSet, error) {
	off := d.w.Offset()
	set, err := d.w.ReadSeqSet()
	if err == nil && set.Dynamic() {
		err = d.w.Failf(off, rule, "\"*\" or \"$\" in %s", rule)
	}
	return set, err
}

func init() {
	register(func(d *Decoder, _ bool) (Command, error) { return readSelect(d, false) }, "SELECT")
	register(func(d *Decoder, _ bool) (Command, error) { return readSelect(d, true) }, "EXAMINE")
}
