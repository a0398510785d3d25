package response

import (
	"strings"

	"github.com/mailwire/imap/wire"
)

// A MailboxStatus is the STATUS response (RFC 9051 §7.3.3, RFC 3501
// §7.2.4): the status items of one mailbox, as a STATUS command or a LIST
// with RETURN (STATUS ...) (RFC 5819) asks for them.
//
//	S: * STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)
//	S: * STATUS "INBOX" (MESSAGES 17 SIZE 16234)
//	S: * STATUS foo (MAILBOXID (F2212ea87-6097-4256-9d51-71338625))
//
// The grammar is
//
//	"STATUS" SP mailbox SP "(" [status-att-list] ")"
//	status-att-list = status-att-val *(SP status-att-val)
//
// with the items of RFC 9051 §9 and its extensions (see StatusItem). A
// space after the closing parenthesis (Office 365) is
// wire.QuirkTrailingSpace.
//
// It is named MailboxStatus because Status is the status response (OK, NO,
// BAD, ...).
type MailboxStatus struct {
	// Mailbox is the mailbox name, decoded as List.Mailbox is.
	Mailbox string
	// Items are the status items in the order sent. The list may be
	// empty ("()"); nil and empty encode alike.
	Items []StatusItem
}

// A StatusItem is one status item of a STATUS response (status-att-val).
//
// The items this package knows, with the values their grammar allows:
//
//	MESSAGES, UNSEEN, DELETED  number: 0 to 2^32-1 (RFC 9051; DELETED also RFC 9208)
//	RECENT                     number (RFC 3501; gone from RFC 9051)
//	UIDNEXT, UIDVALIDITY       nz-number: 1 to 2^32-1 (RFC 9051)
//	SIZE                       number64: 0 to 2^63-1 (RFC 8438, RFC 9051)
//	DELETED-STORAGE            number64 (RFC 9208)
//	HIGHESTMODSEQ              mod-sequence-valzer: 0 to 2^63-1 (RFC 7162)
//	APPENDLIMIT                number, or NIL for no limit (RFC 7889)
//	MAILBOXID                  "(" objectid ")" (RFC 8474)
//
// A numeric item has its value in Value; APPENDLIMIT NIL has NIL set;
// MAILBOXID has ObjectID. Any other item is kept with its value as a
// generic value in Raw. The encoder refuses an item whose fields do not
// fit its grammar, such as a UIDNEXT above 2^32-1 or a UIDVALIDITY of 0.
type StatusItem struct {
	// Name is the item's name in upper case: "MESSAGES", "UIDNEXT", ...
	Name string
	// Value is the value of a numeric item.
	Value uint64
	// NIL is set for "APPENDLIMIT NIL": the mailbox has no append limit
	// (RFC 7889 §3).
	NIL bool
	// ObjectID is the object ID of a MAILBOXID item: 1 to 255 letters,
	// digits, "-" and "_" (RFC 8474 §4 objectid).
	ObjectID string
	// Raw is the value of an item this package does not know.
	Raw wire.Value
}

// Kind returns "STATUS".
func (s *MailboxStatus) Kind() string { return "STATUS" }

// Get returns the numeric value of the first item named name (in any case).
// It reports false when there is no such item or when that item has no
// number: APPENDLIMIT NIL, MAILBOXID, or an unknown item whose value is not
// a number.
//
//	uidnext, ok := s.Get("UIDNEXT")
func (s *MailboxStatus) Get(name string) (uint64, bool) {
	for i := range s.Items {
		it := &s.Items[i]
		if !strings.EqualFold(it.Name, name) {
			continue
		}
		switch kind := statusKinds[strings.ToUpper(it.Name)]; {
		case kind == 0:
			return it.Raw.Num, it.Raw.Kind == wire.KindNumber
		case kind == statusObjectID, it.NIL:
			return 0, false
		}
		return it.Value, true
	}
	return 0, false
}

// MailboxID returns the object ID of the first MAILBOXID item (RFC 8474
// §4), if there is one.
func (s *MailboxStatus) MailboxID() (string, bool) {
	for i := range s.Items {
		if strings.EqualFold(s.Items[i].Name, "MAILBOXID") {
			return s.Items[i].ObjectID, true
		}
	}
	return "", false
}

// hasUnknown reports whether the response holds an item this package does
// not know.
func (s *MailboxStatus) hasUnknown() bool {
	for i := range s.Items {
		if statusKinds[strings.ToUpper(s.Items[i].Name)] == 0 {
			return true
		}
	}
	return false
}

// The grammars of the known status items.
const (
	statusNumber   = iota + 1 // number
	statusNZNumber            // nz-number
	statusNumber64            // number64 or mod-sequence-valzer
	statusNNumber             // number / nil
	statusObjectID            // "(" objectid ")"
)

// statusKinds maps the names of the known status items to their grammar.
var statusKinds = map[string]uint8{
	"MESSAGES":        statusNumber,
	"UNSEEN":          statusNumber,
	"DELETED":         statusNumber,
	"RECENT":          statusNumber,
	"UIDNEXT":         statusNZNumber,
	"UIDVALIDITY":     statusNZNumber,
	"SIZE":            statusNumber64,
	"DELETED-STORAGE": statusNumber64,
	"HIGHESTMODSEQ":   statusNumber64,
	"APPENDLIMIT":     statusNNumber,
	"MAILBOXID":       statusObjectID,
}

func (s *MailboxStatus) encode(e *wire.Encoder) {
	e.Atom("STATUS").SP().Mailbox(s.Mailbox).SP().ListStart()
	for i := range s.Items {
		if i > 0 {
			e.SP()
		}
		s.Items[i].encode(e)
	}
	e.ListEnd()
}

func (it *StatusItem) encode(e *wire.Encoder) {
	name := strings.ToUpper(it.Name)
	kind := statusKinds[name]
	refuse := func(why string) { e.Refuse("the STATUS item " + name + ": " + why) }
	if kind == 0 {
		if it.Value != 0 || it.NIL || it.ObjectID != "" {
			refuse("an unknown item with a typed value")
			return
		}
		e.Atom(name).SP()
		it.Raw.Encode(e)
		return
	}
	if why := it.misfit(kind); why != "" {
		refuse(why)
		return
	}
	e.Atom(name).SP()
	switch {
	case it.NIL:
		e.NIL()
	case kind == statusObjectID:
		e.ListStart().Atom(it.ObjectID).ListEnd()
	default:
		e.Number64(it.Value)
	}
}

// misfit says why the fields of a known item of the given kind do not fit
// its grammar, or returns "" if they do.
func (it *StatusItem) misfit(kind uint8) string {
	switch {
	case it.Raw.Kind != wire.KindInvalid:
		return "a known item with a generic value"
	case it.NIL && kind != statusNNumber:
		return "NIL"
	case it.NIL && it.Value != 0:
		return "NIL with a number"
	case it.ObjectID != "" && kind != statusObjectID:
		return "an object ID"
	case kind == statusObjectID && (it.Value != 0 || !validObjectID(it.ObjectID)):
		return "not an objectid (1 to 255 letters, digits, - and _)"
	case (kind == statusNumber || kind == statusNNumber) && it.Value > 1<<32-1:
		return "above 4294967295"
	case kind == statusNZNumber && (it.Value == 0 || it.Value > 1<<32-1):
		return "not in 1 to 4294967295"
	case kind == statusNumber64 && it.Value > 1<<63-1:
		return "above 2^63-1"
	}
	return ""
}

// readMailboxStatus reads a STATUS response after its name.
func readMailboxStatus(d *Decoder) (Response, error) {
	w := d.w
	s := &MailboxStatus{}
	if err := w.SP(); err != nil {
		return nil, err
	}
	var err error
	if s.Mailbox, err = w.ReadMailbox(); err != nil {
		return nil, err
	}
	if err := w.SP(); err != nil {
		return nil, err
	}
	err = w.List(func() error {
		it, err := d.readStatusItem()
		if err == nil {
			s.Items = append(s.Items, it)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// readStatusItem reads one status-att-val.
func (d *Decoder) readStatusItem() (StatusItem, error) {
	w := d.w
	var it StatusItem
	name, err := d.atom("status-att-val")
	if err != nil {
		return it, err
	}
	it.Name = upperString(name)
	if err := w.SP(); err != nil {
		return it, err
	}
	switch statusKinds[it.Name] {
	case statusNumber:
		var n uint32
		n, err = w.ReadNumber()
		it.Value = uint64(n)
	case statusNZNumber:
		var n uint32
		n, err = w.ReadNZNumber()
		it.Value = uint64(n)
	case statusNumber64:
		it.Value, err = w.ReadNumber64()
	case statusNNumber:
		var c byte
		if c, err = w.Peek(); err != nil {
			return it, err
		}
		if c == 'N' || c == 'n' {
			err = d.readNIL("status-att-val", "a number or NIL")
			it.NIL = true
		} else {
			var n uint32
			n, err = w.ReadNumber()
			it.Value = uint64(n)
		}
	case statusObjectID:
		err = d.readObjectID(&it)
	default:
		it.Raw, err = w.ReadValue()
	}
	return it, err
}

// readObjectID reads the value of a MAILBOXID item: "(" objectid ")".
func (d *Decoder) readObjectID(it *StatusItem) error {
	w := d.w
	if err := w.ListStart(); err != nil {
		return err
	}
	off := w.Offset()
	id, err := w.ReadAtom()
	if err != nil {
		return err
	}
	if !validObjectID(id) {
		return w.Failf(off, "objectid", "expected 1 to 255 letters, digits, '-' and '_'")
	}
	it.ObjectID = string(id)
	end, err := w.ListEnd()
	if err == nil && !end {
		err = w.Failf(w.Offset(), "objectid", "expected ')' after the object ID")
	}
	return err
}
