package command

import (
	"strings"

	"github.com/mailwire/imap/wire"
)

// A List is the LIST command (RFC 9051 §6.3.9), with the selection
// options, patterns and return options of LIST-EXTENDED (RFC 5258), the
// STATUS return option of LIST-STATUS (RFC 5819) and the SPECIAL-USE
// options (RFC 6154):
//
//	C: A101 LIST "" ""
//	C: A202 LIST ~/Mail/ %
//	C: A02 LIST (SUBSCRIBED) "" "*"
//	C: BBB LIST "" ("INBOX" "Drafts" "Sent/%")
//	C: A01 LIST "" % RETURN (STATUS (MESSAGES UNSEEN))
//	C: 61 list (subscribed) "" "*" return (special-use)
//
// The grammar (RFC 5258 §6, RFC 5819 §4; list-select-opts without the
// order RFC 5258 puts its kinds of option in, which option-extension
// makes moot):
//
//	list             = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat
//	                   [SP list-return-opts]
//	list-select-opts = "(" [list-select-opt *(SP list-select-opt)] ")"
//	mbox-or-pat      = list-mailbox / patterns
//	patterns         = "(" list-mailbox *(SP list-mailbox) ")"
//	list-return-opts = "RETURN" SP "(" [return-option *(SP return-option)] ")"
//	return-option    = "SUBSCRIBED" / "CHILDREN" / status-option /
//	                   option-extension
//	status-option    = "STATUS" SP "(" status-att *(SP status-att) ")"
//	option-extension = (option-standard-tag / option-vendor-tag)
//	                   [SP option-value]
//	option-value     = "(" option-val-comp ")"
//
// A LIST is extended (RFC 5258 §1) when it has selection options, a
// parenthesised list of patterns or return options, even empty ones: a
// server must then not treat an empty pattern as the request for the
// hierarchy delimiter. So the value keeps "()" apart from no options
// (nil) and "(pattern)" apart from a bare pattern (PatternList).
//
// Patterns (list-mailbox) are decoded as mailbox names are: from modified
// UTF-7 (or as UTF-8 under UTF8=ACCEPT), with any case of INBOX as
// "INBOX"; the wildcards "%" and "*" stand for themselves. The encoder
// writes patterns as mailbox names, astrings: one with a wildcard is a
// quoted string ("*"), as most clients send it, although list-mailbox
// also allows it bare. The rules of meaning that RFC 5258 states beside
// its grammar (RECURSIVEMATCH needs a base option, no option twice) are
// not checked.
type List struct {
	// SelectOptions are the selection options (SUBSCRIBED, REMOTE,
	// RECURSIVEMATCH, SPECIAL-USE, ...) in the order sent. Nil when there
	// are none; a non-nil empty slice is "()".
	SelectOptions []ListOption
	// Reference is the reference name, decoded like a mailbox name.
	Reference string
	// Patterns are the mailbox patterns; at least one.
	Patterns []string
	// PatternList is set when the patterns are a parenthesised list
	// (RFC 5258 patterns), which the encoder always writes for more than
	// one pattern.
	PatternList bool
	// ReturnOptions are the return options (SUBSCRIBED, CHILDREN,
	// SPECIAL-USE, MYRIGHTS, STATUS, ...) in the order sent. Nil when
	// there is no RETURN; a non-nil empty slice is "RETURN ()".
	ReturnOptions []ListOption
}

// A ListOption is a selection or return option of an extended LIST
// command (RFC 5258 §3.1 and §3.2).
type ListOption struct {
	// Name is the option's name in upper case: "SUBSCRIBED",
	// "RECURSIVEMATCH", "CHILDREN", "STATUS", a vendor option ...
	Name string
	// Status are the status items of the STATUS return option (RFC 5819
	// §2), in upper case; at least one. They are set for a return
	// option named STATUS only.
	Status []string
	// Value is the value of any other option (option-value, a
	// parenthesised list) as a generic value, or the zero Value when the
	// option has none.
	Value wire.Value
}

// Kind returns "LIST".
func (*List) Kind() string { return "LIST" }

// Extended reports whether l is an extended LIST command (RFC 5258 §1):
// whether it has selection options, a parenthesised list of patterns or
// return options.
func (l *List) Extended() bool {
	return l.SelectOptions != nil || l.PatternList || l.ReturnOptions != nil
}

// An LSub is the LSUB command (RFC 3501 §6.3.9; deprecated by RFC 9051,
// Appendix E, in favour of LIST (SUBSCRIBED)): the subscribed mailboxes
// that match the pattern, decoded as List.Patterns are.
//
//	C: A002 LSUB "#news." "comp.mail.*"
type LSub struct {
	Reference string
	Pattern   string
}

// Kind returns "LSUB".
func (*LSub) Kind() string { return "LSUB" }

func (l *List) encode(e *encoder) {
	e.Atom("LIST")
	if l.SelectOptions != nil {
		e.SP()
		listEncodeOptions(e, l.SelectOptions, false)
	}
	e.SP().Mailbox(l.Reference).SP()
	switch {
	case len(l.Patterns) == 0:
		e.Refuse("LIST without a pattern")
		return
	case len(l.Patterns) > 1 || l.PatternList:
		e.ListStart()
		for i, p := range l.Patterns {
			if i > 0 {
				e.SP()
			}
			e.Mailbox(p)
		}
		e.ListEnd()
	default:
		e.Mailbox(l.Patterns[0])
	}
	if l.ReturnOptions != nil {
		e.SP().Atom("RETURN").SP()
		listEncodeOptions(e, l.ReturnOptions, true)
	}
}

// listEncodeOptions writes a list of selection or return options.
func listEncodeOptions(e *encoder, opts []ListOption, ret bool) {
	e.ListStart()
	for i := range opts {
		o := &opts[i]
		if !isAtom(o.Name) || strings.ToUpper(o.Name) != o.Name {
			e.Refuse("LIST: the option " + o.Name + ": not an upper-case atom")
			return
		}
		if i > 0 {
			e.SP()
		}
		e.Atom(o.Name)
		if ret && o.Name == "STATUS" {
			if o.Value.Kind != wire.KindInvalid {
				e.Refuse("LIST: a STATUS return option with a generic value")
				return
			}
			e.SP()
			mboxEncodeStatusAtts(e, o.Status, "LIST: the STATUS return option")
			continue
		}
		if o.Status != nil {
			e.Refuse("LIST: status items on the option " + o.Name)
			return
		}
		switch o.Value.Kind {
		case wire.KindInvalid:
		case wire.KindList:
			e.SP()
			o.Value.Encode(e.Encoder)
		default:
			e.Refuse("LIST: the option " + o.Name + ": a value that is not a parenthesised list")
			return
		}
	}
	e.ListEnd()
}

func readList(d *Decoder, _ bool) (Command, error) {
	w := d.w
	l := &List{}
	if err := w.SP(); err != nil {
		return nil, err
	}
	c, err := w.Peek()
	if err != nil {
		return nil, err
	}
	if c == '(' {
		if l.SelectOptions, err = listReadOptions(d, false); err != nil {
			return nil, err
		}
		if err := w.SP(); err != nil {
			return nil, err
		}
	}
	if l.Reference, err = w.ReadMailbox(); err != nil {
		return nil, err
	}
	if err := w.SP(); err != nil {
		return nil, err
	}
	if c, err = w.Peek(); err != nil {
		return nil, err
	}
	if c == '(' {
		off := w.Offset()
		l.PatternList = true
		err := w.List(func() error {
			p, err := d.w.ReadListMailbox()
			if err != nil {
				return err
			}
			l.Patterns = append(l.Patterns, p)
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(l.Patterns) == 0 {
			return nil, w.Failf(off+1, "patterns", "expected a mailbox pattern")
		}
	} else {
		p, err := d.w.ReadListMailbox()
		if err != nil {
			return nil, err
		}
		l.Patterns = []string{p}
	}
	if more, err := d.another(); !more || err != nil {
		return l, err
	}
	off := w.Offset()
	name, err := d.name()
	if err != nil {
		return nil, err
	}
	if string(name) != "RETURN" {
		return nil, w.Failf(off, "list-return-opts", "expected RETURN")
	}
	if err := w.SP(); err != nil {
		return nil, err
	}
	if l.ReturnOptions, err = listReadOptions(d, true); err != nil {
		return nil, err
	}
	return l, nil
}

// listReadOptions reads list-select-opts or the list of list-return-opts
// (ret), possibly empty.
func listReadOptions(d *Decoder, ret bool) ([]ListOption, error) {
	w := d.w
	items, err := mboxStartItems(d)
	if err != nil {
		return nil, err
	}
	opts := []ListOption{}
	for {
		more, err := items.next()
		if err != nil || !more {
			return opts, err
		}
		name, err := mboxReadKeyword(d, "option-extension")
		if err != nil {
			return nil, err
		}
		o := ListOption{Name: name}
		if ret && name == "STATUS" {
			if err := w.SP(); err != nil {
				return nil, err
			}
			if o.Status, err = mboxReadStatusAtts(d); err != nil {
				return nil, err
			}
		} else if ok, err := items.value(func(c byte) bool { return c == '(' }); err != nil {
			return nil, err
		} else if ok {
			if o.Value, err = w.ReadValue(); err != nil {
				return nil, err
			}
		}
		opts = append(opts, o)
	}
}

func (l *LSub) encode(e *encoder) {
	e.Atom("LSUB").SP().Mailbox(l.Reference).SP().Mailbox(l.Pattern)
}

func readLSub(d *Decoder, _ bool) (Command, error) {
	ref, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	if err := d.w.SP(); err != nil {
		return nil, err
	}
	pat, err := d.w.ReadListMailbox()
	if err != nil {
		return nil, err
	}
	return &LSub{Reference: ref, Pattern: pat}, nil
}

func init() {
	register(readList, "LIST")
	register(readLSub, "LSUB")
}
