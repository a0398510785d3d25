package command

import (
	"strings"

	"github.com/mailwire/imap/wire"
)

// A Notify is the NOTIFY command (RFC 5465 §3): which events the server
// should report, for which mailboxes, without being asked.
//
//	C: a NOTIFY NONE
//	C: b notify set status (selected (MessageNew (uid body.peek[header.fields (from to subject)]) MessageExpunge)) (subtree Lists (MessageNew))
//	C: a notify set (mailboxes INBOX (Messagenew messageExpunge)) (personal (SubscriptionChange))
//
// The grammar (RFC 5465 §8, with errata 1804):
//
//	notify           = "NOTIFY" SP (notify-set / notify-none)
//	notify-set       = "SET" [status-indicator] SP event-groups
//	notify-none      = "NONE"
//	status-indicator = SP "STATUS"
//	event-groups     = event-group *(SP event-group)
//	event-group      = "(" filter-mailboxes SP events ")"
//	events           = ("(" event *(SP event) ")") / "NONE"
//	message-event    = ("MessageNew" [SP "(" fetch-att *(SP fetch-att) ")"])
//	                   / "MessageExpunge" / "FlagChange" / "AnnotationChange"
//
// Only the grammar is checked, not the rules of RFC 5465 §5 and §6 that
// say which events go together (MessageNew with MessageExpunge) and which
// filters take which events. The encoder writes the keywords and filters
// in upper case and the known events in the spelling of RFC 5465 §8.
type Notify struct {
	// None is set for NOTIFY NONE, which has neither Status nor Groups.
	None bool
	// Status asks for STATUS responses for the mailboxes of the groups
	// at once ("SET STATUS", RFC 5465 §3.1).
	Status bool
	// Groups are the event groups of NOTIFY SET, in the order sent; at
	// least one.
	Groups []NotifyGroup
}

// A NotifyGroup is an event group of a NOTIFY command (RFC 5465 §6): the
// events wanted for a set of mailboxes.
type NotifyGroup struct {
	// Filter names the mailboxes, in upper case: "SELECTED",
	// "SELECTED-DELAYED", "INBOXES", "PERSONAL", "SUBSCRIBED", "SUBTREE"
	// or "MAILBOXES".
	Filter string
	// Mailboxes are the mailboxes of SUBTREE and MAILBOXES (at least
	// one), decoded; the encoder writes a single one without
	// parentheses.
	Mailboxes []string
	// Events are the events wanted; none (nil or empty) is "NONE".
	Events []NotifyEvent
}

// A NotifyEvent is one event of an event group (RFC 5465 §5 and §8).
type NotifyEvent struct {
	// Name is the event: MessageNew, MessageExpunge, FlagChange,
	// AnnotationChange, MailboxName, SubscriptionChange,
	// MailboxMetadataChange, ServerMetadataChange in that spelling, or
	// another atom (event-ext) as sent.
	Name string
	// Fetch are the fetch attributes of MessageNew (fetch-att), as
	// generic values in the order sent: an attribute with a section or a
	// partial range, as BODY.PEEK[HEADER.FIELDS (From)]<0.100>, is an atom
	// followed by values marked Adjacent. Nil when there are none.
	Fetch []wire.Value
}

// Kind returns "NOTIFY".
func (*Notify) Kind() string { return "NOTIFY" }

// notifyFilters are the mailbox filters of RFC 5465 §6; those that take
// mailboxes map to true.
var notifyFilters = map[string]bool{
	"SELECTED": false, "SELECTED-DELAYED": false, "INBOXES": false, "PERSONAL": false,
	"SUBSCRIBED": false, "SUBTREE": true, "MAILBOXES": true,
}

// notifyEvents maps the events of RFC 5465 §8, in upper case, to their
// spelling there.
var notifyEvents = func() map[string]string {
	m := map[string]string{}
	for _, e := range []string{"MessageNew", "MessageExpunge", "FlagChange", "AnnotationChange",
		"MailboxName", "SubscriptionChange", "MailboxMetadataChange", "ServerMetadataChange"} {
		m[strings.ToUpper(e)] = e
	}
	return m
}()

// notifyFetchBad returns the index of the first fetch attribute value that
// cannot be part of a fetch-att list, or -1: each attribute starts with
// an atom, which sections and partial ranges (atoms) may follow,
// adjacent. An atom with bytes lenient reading let in (8-bit, "]") is
// refused: it could be written back only as a string.
func notifyFetchBad(vs []wire.Value) int {
	for i := range vs {
		v := &vs[i]
		atom := v.Kind == wire.KindAtom && mboxNotAtom(v.Bytes) < 0
		switch {
		case !v.Adjacent && atom:
		case v.Adjacent && i > 0 && (v.Kind == wire.KindSection || atom):
		default:
			return i
		}
	}
	return -1
}

func (c *Notify) encode(e *encoder) {
	e.Atom("NOTIFY").SP()
	if c.None {
		if c.Status || len(c.Groups) > 0 {
			e.Refuse("NOTIFY NONE with STATUS or event groups")
			return
		}
		e.Atom("NONE")
		return
	}
	if len(c.Groups) == 0 {
		e.Refuse("NOTIFY SET without an event group")
		return
	}
	e.Atom("SET")
	if c.Status {
		e.SP().Atom("STATUS")
	}
	for i := range c.Groups {
		g := &c.Groups[i]
		takes, ok := notifyFilters[g.Filter]
		if !ok {
			e.Refuse("NOTIFY: the mailbox filter " + g.Filter + ": not one of RFC 5465 §6, in upper case")
			return
		}
		e.SP().ListStart().Atom(g.Filter)
		switch {
		case takes && len(g.Mailboxes) == 0:
			e.Refuse("NOTIFY: " + g.Filter + " without a mailbox")
			return
		case !takes && len(g.Mailboxes) > 0:
			e.Refuse("NOTIFY: mailboxes with the filter " + g.Filter)
			return
		case len(g.Mailboxes) == 1:
			e.SP().Mailbox(g.Mailboxes[0])
		case len(g.Mailboxes) > 1:
			e.SP().ListStart()
			for j, m := range g.Mailboxes {
				if j > 0 {
					e.SP()
				}
				e.Mailbox(m)
			}
			e.ListEnd()
		}
		e.SP()
		if len(g.Events) == 0 {
			e.Atom("NONE").ListEnd()
			continue
		}
		e.ListStart()
		for j := range g.Events {
			ev := &g.Events[j]
			name := ev.Name
			if known, ok := notifyEvents[strings.ToUpper(name)]; ok && known != name || !isAtom(name) || strings.EqualFold(name, "NONE") {
				e.Refuse("NOTIFY: the event " + name + ": not an atom, or a known event misspelt")
				return
			}
			if j > 0 {
				e.SP()
			}
			e.Atom(name)
			if ev.Fetch == nil {
				continue
			}
			if name != "MessageNew" || len(ev.Fetch) == 0 || notifyFetchBad(ev.Fetch) >= 0 {
				e.Refuse("NOTIFY: fetch attributes other than a list of fetch-att after MessageNew")
				return
			}
			list := wire.Value{Kind: wire.KindList, Items: ev.Fetch}
			e.SP()
			list.Encode(e.Encoder)
		}
		e.ListEnd().ListEnd()
	}
}

func readNotify(d *Decoder, _ bool) (Command, error) {
	w := d.w
	if err := w.SP(); err != nil {
		return nil, err
	}
	off := w.Offset()
	kw, err := d.name()
	if err != nil {
		return nil, err
	}
	c := &Notify{}
	switch string(kw) {
	case "NONE":
		c.None = true
		return c, nil
	case "SET":
	default:
		return nil, w.Failf(off, "notify", "expected SET or NONE")
	}
	if err := w.SP(); err != nil {
		return nil, err
	}
	ch, err := w.Peek()
	if err != nil {
		return nil, err
	}
	if ch != '(' {
		off := w.Offset()
		kw, err := d.name()
		if err != nil {
			return nil, err
		}
		if string(kw) != "STATUS" {
			return nil, w.Failf(off, "notify-set", "expected STATUS or an event group")
		}
		c.Status = true
		if err := w.SP(); err != nil {
			return nil, err
		}
	}
	for {
		g, err := notifyReadGroup(d)
		if err != nil {
			return nil, err
		}
		c.Groups = append(c.Groups, g)
		if more, err := d.another(); !more || err != nil {
			return c, err
		}
	}
}

// notifyReadGroup reads an event-group.
func notifyReadGroup(d *Decoder) (NotifyGroup, error) {
	w := d.w
	var g NotifyGroup
	if err := w.ListStart(); err != nil {
		return g, err
	}
	off := w.Offset()
	filter, err := d.name()
	if err != nil {
		return g, err
	}
	takes, ok := notifyFilters[string(filter)]
	if !ok {
		return g, w.Failf(off, "filter-mailboxes", "expected a mailbox filter (SELECTED, INBOXES, PERSONAL, SUBTREE ...)")
	}
	g.Filter = string(filter)
	if err := w.SP(); err != nil {
		return g, err
	}
	if takes {
		ch, err := w.Peek()
		if err != nil {
			return g, err
		}
		if ch == '(' {
			off := w.Offset()
			err := w.List(func() error {
				m, err := w.ReadMailbox()
				if err != nil {
					return err
				}
				g.Mailboxes = append(g.Mailboxes, m)
				return nil
			})
			if err != nil {
				return g, err
			}
			if len(g.Mailboxes) == 0 {
				return g, w.Failf(off+1, "many-mailboxes", "expected a mailbox")
			}
		} else {
			m, err := w.ReadMailbox()
			if err != nil {
				return g, err
			}
			g.Mailboxes = []string{m}
		}
		if err := w.SP(); err != nil {
			return g, err
		}
	}
	ch, err := w.Peek()
	if err != nil {
		return g, err
	}
	if ch != '(' {
		off := w.Offset()
		kw, err := d.name()
		if err != nil {
			return g, err
		}
		if string(kw) != "NONE" {
			return g, w.Failf(off, "events", "expected a list of events or NONE")
		}
	} else if g.Events, err = notifyReadEvents(d); err != nil {
		return g, err
	}
	if end, err := w.ListEnd(); err != nil {
		return g, err
	} else if !end {
		return g, w.Failf(w.Offset(), "event-group", "expected ')' after the events")
	}
	return g, nil
}

// notifyReadEvents reads "(" event *(SP event) ")".
func notifyReadEvents(d *Decoder) ([]NotifyEvent, error) {
	w := d.w
	if err := w.ListStart(); err != nil {
		return nil, err
	}
	var events []NotifyEvent
	for {
		off := w.Offset()
		b, err := w.ReadAtom()
		if err != nil {
			return nil, err
		}
		if i := mboxNotAtom(b); i >= 0 {
			return nil, w.Failf(off+int64(i), "event", "%q is not an event", b)
		}
		name := string(b)
		if known, ok := notifyEvents[strings.ToUpper(name)]; ok {
			name = known
		} else if strings.EqualFold(name, "NONE") {
			return nil, w.Failf(off, "event", "NONE inside a list of events")
		}
		ev := NotifyEvent{Name: name}
		if end, err := w.ListEnd(); err != nil {
			return nil, err
		} else if end {
			return append(events, ev), nil
		}
		if err := w.SP(); err != nil {
			return nil, err
		}
		ch, err := w.Peek()
		if err != nil {
			return nil, err
		}
		if ch == '(' {
			if name != "MessageNew" {
				return nil, w.Failf(w.Offset(), "message-event", "fetch attributes after an event other than MessageNew")
			}
			foff := w.Offset()
			v, err := w.ReadValue()
			if err != nil {
				return nil, err
			}
			if len(v.Items) == 0 {
				return nil, w.Failf(foff+1, "message-event", "expected a fetch attribute")
			}
			if i := notifyFetchBad(v.Items); i >= 0 {
				return nil, w.Failf(v.Items[i].Offset, "fetch-att", "expected a fetch attribute")
			}
			ev.Fetch = v.Items
			events = append(events, ev)
			if end, err := w.ListEnd(); err != nil {
				return nil, err
			} else if end {
				return events, nil
			}
			if err := w.SP(); err != nil {
				return nil, err
			}
			continue
		}
		events = append(events, ev)
	}
}

func init() {
	register(readNotify, "NOTIFY")
}
