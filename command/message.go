package command

import (
	"strings"

	"github.com/mailwire/imap/wire"
)

// A Store is the STORE command (RFC 9051 §6.4.6), or UID STORE (§6.4.9),
// with the store modifiers of RFC 4466 §2.5 (UNCHANGEDSINCE, RFC 7162
// §3.1.3) and Gmail's X-GM-LABELS in place of FLAGS:
//
//	C: A003 STORE 2:4 +FLAGS (\Deleted)
//	C: a005 store 12 +flags \deleted
//	C: a103 UID STORE 6,4,8 (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\Deleted)
//	C: a1 UID STORE 42 +X-GM-LABELS (\Important "Work stuff")
//
// The flags may come without parentheses ("+FLAGS \Seen \Deleted"), as
// RFC 9051's grammar allows; the canonical form always has them.
type Store struct {
	// UID selects UID STORE: Set holds UIDs.
	UID bool
	// Set is the sequence-set of the messages to change.
	Set wire.SeqSet
	// UnchangedSince is the UNCHANGEDSINCE modifier's mod-sequence (RFC
	// 7162 §3.1.3), if HasUnchangedSince; 0 is valid, and never matches.
	UnchangedSince    uint64
	HasUnchangedSince bool
	// Modifiers are the store modifiers this package does not know (RFC
	// 4466 §2.5), kept raw, in the order sent.
	Modifiers []Param
	// Op says whether the flags replace the message's flags (FLAGS), are
	// added to them (+FLAGS) or removed from them (-FLAGS).
	Op StoreOp
	// Silent is ".SILENT": the server sends no FETCH response with the new
	// flags.
	Silent bool
	// GmailLabels selects Gmail's X-GM-LABELS: Flags then holds labels,
	// astrings or system labels such as "\Inbox", rather than flags.
	GmailLabels bool
	// Flags are the flags, in the order sent; nil is the empty list "()".
	// System flags are in their canonical case ("\Seen"), keywords as
	// sent; "\*" is not a flag here.
	Flags []string
}

// A StoreOp is the operation of a STORE command.
type StoreOp uint8

// The operations.
const (
	StoreReplace StoreOp = iota // FLAGS: replace the flags
	StoreAdd                    // +FLAGS: add the flags
	StoreRemove                 // -FLAGS: remove the flags
)

// String returns "", "+" or "-", as the operation prefixes FLAGS.
func (op StoreOp) String() string {
	switch op {
	case StoreReplace:
		return ""
	case StoreAdd:
		return "+"
	case StoreRemove:
		return "-"
	}
	return "INVALID"
}

// Kind returns "STORE" or "UID STORE".
func (s *Store) Kind() string {
	if s.UID {
		return "UID STORE"
	}
	return "STORE"
}

func (s *Store) encode(e *encoder) {
	if msg := s.check(); msg != "" {
		e.Refuse(s.Kind() + ": " + msg)
		return
	}
	if s.UID {
		e.Atom("UID").SP()
	}
	e.Atom("STORE").SP().SeqSet(s.Set).SP()
	if s.HasUnchangedSince || len(s.Modifiers) > 0 {
		e.ListStart()
		if s.HasUnchangedSince {
			e.Atom("UNCHANGEDSINCE").SP().Number64(s.UnchangedSince)
		}
		for i, m := range s.Modifiers {
			if i > 0 || s.HasUnchangedSince {
				e.SP()
			}
			modsWrite(e, m.Name, &m.Value)
		}
		e.ListEnd().SP()
	}
	if s.Op != StoreReplace {
		e.Punct(s.Op.String()[0])
	}
	name := "FLAGS"
	if s.GmailLabels {
		name = "X-GM-LABELS"
	}
	if s.Silent {
		name += ".SILENT"
	}
	e.Atom(name).SP().ListStart()
	for i, f := range s.Flags {
		if i > 0 {
			e.SP()
		}
		if s.GmailLabels && !isStoreFlagLabel(f) {
			e.AString(f)
		} else {
			e.Flag(f)
		}
	}
	e.ListEnd()
}

// check returns what keeps s from having a wire form, or "".
func (s *Store) check() string {
	switch {
	case s.Op > StoreRemove:
		return "an invalid operation"
	case s.UnchangedSince > fetchMaxModSeq:
		return "UNCHANGEDSINCE above 2^63-1"
	case !s.HasUnchangedSince && s.UnchangedSince != 0:
		return "UnchangedSince without HasUnchangedSince"
	}
	for _, m := range s.Modifiers {
		if msg := modsCheck(m.Name, &m.Value, "UNCHANGEDSINCE"); msg != "" {
			return "store modifier " + msg
		}
	}
	for _, f := range s.Flags {
		if s.GmailLabels {
			continue // any string is a label
		}
		if !isStoreFlag(f) {
			return "flag " + f + " has no wire form, or is \\*"
		}
		if c := canonFlag(f); c != f {
			return "flag " + f + " is a system flag not in its canonical case " + c
		}
	}
	return ""
}

// systemFlags are the system flags of RFC 3501 §2.3.2 in their
// canonical case (RFC 9051 drops \Recent, which RFC 3501 servers still
// report).
var systemFlags = [...]string{`\Seen`, `\Answered`, `\Flagged`, `\Deleted`, `\Draft`, `\Recent`}

// canonFlag returns a system flag in its canonical case, and any
// other flag as it is.
func canonFlag(f string) string {
	if len(f) > 1 && f[0] == '\\' {
		for _, s := range systemFlags {
			if strings.EqualFold(f, s) {
				return s
			}
		}
	}
	return f
}

// isStoreFlag reports whether f is a flag with a wire form, as
// wire.Encoder.Flag writes it, other than "\*": "\" atom or an atom, a "]"
// allowed after the first byte of the atom (Gmail's keywords).
func isStoreFlag(f string) bool {
	a := f
	if len(f) > 1 && f[0] == '\\' {
		a = f[1:]
	}
	if a == "" || a[0] == ']' {
		return false
	}
	for i := 0; i < len(a); i++ {
		if c := a[i]; c != ']' && (c <= ' ' || c >= 0x7f || strings.IndexByte(`(){%*"\]`, c) >= 0) {
			return false
		}
	}
	return true
}

// isStoreFlagLabel reports whether a Gmail label is written as a flag, a
// system label such as "\Inbox", rather than as an astring.
func isStoreFlagLabel(l string) bool {
	return len(l) > 1 && l[0] == '\\' && isStoreFlag(l)
}

// readStore reads SP sequence-set [store-modifiers] SP store-att-flags
// after STORE.
func readStore(d *Decoder, uid bool) (Command, error) {
	w := d.w
	s := &Store{UID: uid}
	if err := w.SP(); err != nil {
		return nil, err
	}
	var err error
	if s.Set, err = w.ReadSeqSet(); err != nil {
		return nil, err
	}
	if err := w.SP(); err != nil {
		return nil, err
	}
	if c, err := w.Peek(); err != nil {
		return nil, err
	} else if c == '(' {
		if err := w.ListStart(); err != nil {
			return nil, err
		}
		err := modsRead(d, "store-modifier", nil, 0, func(name []byte, off int64) (bool, error) {
			if string(name) != "UNCHANGEDSINCE" {
				return false, nil
			}
			if s.HasUnchangedSince {
				return true, w.Failf(off, "store-modifier", "UNCHANGEDSINCE twice")
			}
			if err := w.SP(); err != nil {
				return true, err
			}
			// mod-sequence-valzer: 0 is valid here.
			s.UnchangedSince, err = w.ReadNumber64()
			s.HasUnchangedSince = true
			return true, err
		}, func(name string, v wire.Value) {
			s.Modifiers = append(s.Modifiers, Param{Name: name, Value: v})
		})
		if err != nil {
			return nil, err
		}
		if err := w.SP(); err != nil {
			return nil, err
		}
	}
	off := w.Offset()
	name, err := d.name()
	if err != nil {
		return nil, err
	}
	item := string(name)
	switch {
	case strings.HasPrefix(item, "+"):
		s.Op, item = StoreAdd, item[1:]
	case strings.HasPrefix(item, "-"):
		s.Op, item = StoreRemove, item[1:]
	}
	if rest, ok := strings.CutSuffix(item, ".SILENT"); ok {
		s.Silent, item = true, rest
	}
	switch item {
	case "FLAGS":
	case "X-GM-LABELS":
		s.GmailLabels = true
	default:
		return nil, w.Failf(off, "store-att-flags", "expected FLAGS, +FLAGS or -FLAGS, found %q", name)
	}
	if err := w.SP(); err != nil {
		return nil, err
	}
	c, err := w.Peek()
	if err != nil {
		return nil, err
	}
	if c != '(' {
		// flag *(SP flag), without parentheses.
		for {
			f, err := d.readStoreFlag(s.GmailLabels)
			if err != nil {
				return nil, err
			}
			s.Flags = append(s.Flags, f)
			if more, err := d.another(); !more || err != nil {
				return s, err
			}
		}
	}
	if err := w.ListStart(); err != nil {
		return nil, err
	}
	for i := 0; ; i++ {
		if end, err := w.ListEnd(); end || err != nil {
			return s, err
		}
		if i > 0 {
			if err := w.SP(); err != nil {
				return nil, err
			}
		}
		f, err := d.readStoreFlag(s.GmailLabels)
		if err != nil {
			return nil, err
		}
		s.Flags = append(s.Flags, f)
	}
}

// readStoreFlag reads a flag, or for X-GM-LABELS a label: an astring or
// a system label ("\Inbox").
func (d *Decoder) readStoreFlag(label bool) (string, error) {
	w := d.w
	off := w.Offset()
	if label {
		if c, err := w.Peek(); err != nil {
			return "", err
		} else if c != '\\' {
			b, err := w.ReadAString()
			return string(b), err
		}
	}
	b, err := w.ReadFlag()
	if err != nil {
		return "", err
	}
	f := string(b)
	if !isStoreFlag(f) {
		// "\*", or 8-bit bytes, which lenient reading accepts but which
		// have no wire form in a flag.
		return "", w.Failf(off, "flag", "%q is not a flag", b)
	}
	if label {
		return f, nil
	}
	return canonFlag(f), nil
}

// A Copy is the COPY command (RFC 9051 §6.4.7), or UID COPY (§6.4.9).
//
//	C: A003 COPY 2:4 MEETING
type Copy struct {
	// UID selects UID COPY: Set holds UIDs.
	UID bool
	// Set is the sequence-set of the messages to copy.
	Set wire.SeqSet
	// Mailbox is the name of the destination mailbox.
	Mailbox string
}

// Kind returns "COPY" or "UID COPY".
func (c *Copy) Kind() string {
	if c.UID {
		return "UID COPY"
	}
	return "COPY"
}

func (c *Copy) encode(e *encoder) { encodeCopyMove(e, c.UID, "COPY", c.Set, c.Mailbox) }

// A Move is the MOVE command (RFC 9051 §6.4.8, RFC 6851 §3), or UID MOVE.
//
//	C: a UID MOVE 42:69 foo
type Move struct {
	// UID selects UID MOVE: Set holds UIDs.
	UID bool
	// Set is the sequence-set of the messages to move.
	Set wire.SeqSet
	// Mailbox is the name of the destination mailbox.
	Mailbox string
}

// Kind returns "MOVE" or "UID MOVE".
func (m *Move) Kind() string {
	if m.UID {
		return "UID MOVE"
	}
	return "MOVE"
}

func (m *Move) encode(e *encoder) { encodeCopyMove(e, m.UID, "MOVE", m.Set, m.Mailbox) }

func encodeCopyMove(e *encoder, uid bool, name string, set wire.SeqSet, mailbox string) {
	if uid {
		e.Atom("UID").SP()
	}
	e.Atom(name).SP().SeqSet(set).SP().Mailbox(mailbox)
}

// readCopyMove reads SP sequence-set SP mailbox after COPY or MOVE.
func readCopyMove(d *Decoder) (wire.SeqSet, string, error) {
	if err := d.w.SP(); err != nil {
		return wire.SeqSet{}, "", err
	}
	set, err := d.w.ReadSeqSet()
	if err != nil {
		return wire.SeqSet{}, "", err
	}
	mailbox, err := d.spMailbox()
	return set, mailbox, err
}

func readCopy(d *Decoder, uid bool) (Command, error) {
	set, mailbox, err := readCopyMove(d)
	if err != nil {
		return nil, err
	}
	return &Copy{UID: uid, Set: set, Mailbox: mailbox}, nil
}

func readMove(d *Decoder, uid bool) (Command, error) {
	set, mailbox, err := readCopyMove(d)
	if err != nil {
		return nil, err
	}
	return &Move{UID: uid, Set: set, Mailbox: mailbox}, nil
}

// An Expunge is the EXPUNGE command (RFC 9051 §6.4.3), which removes every
// message marked \Deleted, or UID EXPUNGE (RFC 4315 §2.1, RFC 9051 §6.4.9),
// which removes only those among UIDs:
//
//	C: A202 EXPUNGE
//	C: A003 UID EXPUNGE 3000:3002
type Expunge struct {
	// UID selects UID EXPUNGE, which needs UIDs; plain EXPUNGE has none.
	UID  bool
	UIDs wire.SeqSet
}

// Kind returns "EXPUNGE" or "UID EXPUNGE".
func (x *Expunge) Kind() string {
	if x.UID {
		return "UID EXPUNGE"
	}
	return "EXPUNGE"
}

func (x *Expunge) encode(e *encoder) {
	switch {
	case !x.UID && !x.UIDs.IsZero():
		e.Refuse("EXPUNGE with UIDs: only UID EXPUNGE takes them")
	case x.UID && x.UIDs.IsZero():
		e.Refuse("UID EXPUNGE without UIDs")
	case x.UID:
		e.Atom("UID").SP().Atom("EXPUNGE").SP().SeqSet(x.UIDs)
	default:
		e.Atom("EXPUNGE")
	}
}

func readExpunge(d *Decoder, uid bool) (Command, error) {
	x := &Expunge{UID: uid}
	if !uid {
		return x, nil
	}
	if err := d.w.SP(); err != nil {
		return nil, err
	}
	var err error
	x.UIDs, err = d.w.ReadSeqSet()
	if err != nil {
		return nil, err
	}
	return x, nil
}

func init() {
	register(readStore, "STORE", "UID STORE")
	register(readCopy, "COPY", "UID COPY")
	register(readMove, "MOVE", "UID MOVE")
	register(readExpunge, "EXPUNGE", "UID EXPUNGE")
}
