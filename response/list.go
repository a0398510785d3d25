package response

import (
	"strings"

	"github.com/mailwire/imap/wire"
)

// A List is a LIST or LSUB response (RFC 9051 §7.3.1, RFC 3501 §7.2.2 and
// §7.2.3): one mailbox, its attributes and its hierarchy delimiter, and,
// with LIST-EXTENDED (RFC 5258), extended data.
//
//	S: * LIST (\HasNoChildren) "/" INBOX
//	S: * LIST (\HasNoChildren \Sent) "/" "[Gmail]/Sent Mail"
//	S: * LIST (\Subscribed \HasChildren) "/" "Foo" ("CHILDINFO" ("SUBSCRIBED"))
//	S: * LIST () "/" "NewMailbox" ("OLDNAME" ("OldMailbox"))
//	S: * LSUB () "." #news.comp.mail.misc
//
// The grammar is RFC 9051's, which folds in RFC 5258 and RFC 3348:
//
//	mailbox-list = "(" [mbx-list-flags] ")" SP
//	               (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
//	               [SP mbox-list-extended]
//	mbox-list-extended = "(" [mbox-list-extended-item
//	                     *(SP mbox-list-extended-item)] ")"
//	mbox-list-extended-item = mbox-list-extended-item-tag SP tagged-ext-val
//
// The two extended items with a grammar of their own are typed:
// CHILDINFO (RFC 5258 §4) in ChildInfo and OLDNAME (RFC 9051 §7.3.1) in
// OldName. Any other item is kept in Ext as a generic value. The encoder
// writes CHILDINFO first, then OLDNAME, then Ext in order; an empty
// extended list "()" carries nothing and is left out.
//
// Attributes are not checked against the rule that at most one of
// \NonExistent, \Noselect, \Marked and \Unmarked appears, nor for
// repetitions: those are rules of meaning the grammar states only in part,
// and a client reads what the server sent.
type List struct {
	// Command is "LIST" or "LSUB", the name the response was read with;
	// the encoder writes "LIST" when it is empty.
	Command string
	// Attrs are the mailbox attributes (name attributes), each "\" and an
	// atom: \Noinferiors, \Noselect, \Marked, \Unmarked (RFC 9051),
	// \HasChildren, \HasNoChildren (RFC 3348), \NonExistent, \Subscribed,
	// \Remote (RFC 5258), \All, \Archive, \Drafts, \Flagged, \Junk, \Sent,
	// \Trash (RFC 6154), \Important (RFC 8457). Those are stored in the
	// case written here; other attributes as sent.
	Attrs []string
	// Delim is the hierarchy delimiter, or 0 for NIL (a flat name space).
	Delim byte
	// Mailbox is the mailbox name, decoded (modified UTF-7, or UTF-8 under
	// UTF8=ACCEPT); any case of INBOX is "INBOX".
	Mailbox string
	// ChildInfo holds the selection options of a CHILDINFO extended item
	// (RFC 5258 §4): why a parent is listed although it does not match,
	// normally "SUBSCRIBED" (stored in upper case; other options as
	// sent). Nil when there is no CHILDINFO item; the encoder writes one
	// when it is not empty.
	ChildInfo []string
	// OldName is the mailbox's former name from an OLDNAME extended item
	// (RFC 9051 §7.3.1), after a RENAME or when the server normalised the
	// name, decoded like Mailbox; "" when there is none. An OLDNAME with
	// an empty name is refused when decoding, since no mailbox had that
	// name.
	OldName string
	// Ext are the other extended data items, in the order sent.
	Ext []ListExt
}

// A ListExt is an extended data item of a LIST response that this package
// does not type (RFC 5258 §3.5, mbox-list-extended-item).
type ListExt struct {
	// Tag is the item's tag, as sent (an atom, or vendor.name-atom).
	Tag string
	// Value is its value (tagged-ext-val), kept as a generic value.
	Value wire.Value
}

// Kind returns "LSUB" for an LSUB response and "LIST" otherwise.
func (l *List) Kind() string {
	if l.Command == "LSUB" {
		return "LSUB"
	}
	return "LIST"
}

// hasUnknown reports whether the response holds extended data this package
// does not know.
func (l *List) hasUnknown() bool { return len(l.Ext) > 0 }

// listAttrs maps the known mailbox attributes, in lower case, to their
// canonical spelling.
var listAttrs = func() map[string]string {
	m := map[string]string{}
	for _, a := range []string{
		`\Noinferiors`, `\Noselect`, `\Marked`, `\Unmarked`, // RFC 3501, 9051
		`\HasChildren`, `\HasNoChildren`, // RFC 3348
		`\NonExistent`, `\Subscribed`, `\Remote`, // RFC 5258
		`\All`, `\Archive`, `\Drafts`, `\Flagged`, `\Junk`, `\Sent`, `\Trash`, // RFC 6154
		`\Important`, // RFC 8457
	} {
		m[strings.ToLower(a)] = a
	}
	return m
}()

// canonicalAttr returns the canonical spelling of a known attribute, and
// other attributes as they are.
func canonicalAttr(b []byte) string {
	if len(b) <= len(`\HasNoChildren`) {
		var low [len(`\HasNoChildren`)]byte
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			low[i] = c
		}
		if a, ok := listAttrs[string(low[:len(b)])]; ok {
			return a
		}
	}
	return string(b)
}

// The tags of the typed extended items.
const (
	tagChildInfo = "CHILDINFO"
	tagOldName   = "OLDNAME"
)

// maxChildInfo is the longest CHILDINFO option read or written: it must be
// a quoted string (list-select-base-opt-quoted), which an encoder writes
// for at most 1024 bytes.
const maxChildInfo = 1024

// validChildInfo reports whether s can be a CHILDINFO option: 1 to 1024
// bytes of printable US-ASCII, which list-select-base-opt allows and a
// quoted string holds.
func validChildInfo(s []byte) bool {
	if len(s) == 0 || len(s) > maxChildInfo {
		return false
	}
	for _, c := range s {
		if c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

func (l *List) encode(e *wire.Encoder) {
	switch l.Command {
	case "", "LIST", "LSUB":
	default:
		e.Refuse("a LIST response with the command " + l.Command)
		return
	}
	e.Atom(l.Kind()).SP().ListStart()
	for i, a := range l.Attrs {
		if len(a) < 2 || a[0] != '\\' || a == `\*` {
			e.Refuse("the mailbox attribute " + a + `: not "\" and an atom (RFC 9051 mbx-list-flags)`)
			return
		}
		if i > 0 {
			e.SP()
		}
		e.Flag(a)
	}
	e.ListEnd().SP()
	encodeDelim(e, l.Delim)
	e.SP().Mailbox(l.Mailbox)
	if len(l.ChildInfo) == 0 && l.OldName == "" && len(l.Ext) == 0 {
		return
	}
	e.SP().ListStart()
	n := 0
	item := func(tag string) *wire.Encoder {
		if n > 0 {
			e.SP()
		}
		n++
		return e.String(tag).SP()
	}
	if len(l.ChildInfo) > 0 {
		item(tagChildInfo).ListStart()
		for i, o := range l.ChildInfo {
			if !validChildInfo([]byte(o)) {
				e.Refuse("the CHILDINFO option " + o + ": not 1 to 1024 bytes of printable US-ASCII")
				return
			}
			if i > 0 {
				e.SP()
			}
			e.String(o)
		}
		e.ListEnd()
	}
	if l.OldName != "" {
		item(tagOldName).ListStart().Mailbox(l.OldName).ListEnd()
	}
	for i := range l.Ext {
		x := &l.Ext[i]
		if strings.EqualFold(x.Tag, tagChildInfo) || strings.EqualFold(x.Tag, tagOldName) {
			// It would decode as the typed item.
			e.Refuse("a generic LIST extended item tagged " + x.Tag)
			return
		}
		x.Value.Encode(item(x.Tag))
	}
	e.ListEnd()
}

// encodeDelim writes a hierarchy delimiter: a quoted character, or NIL for
// 0.
func encodeDelim(e *wire.Encoder, c byte) {
	switch {
	case c == 0:
		e.NIL()
	case c >= 0x80 || c == '\r' || c == '\n':
		e.Refuse("a hierarchy delimiter that is not a 7-bit QUOTED-CHAR")
	default:
		e.String(string(rune(c)))
	}
}

// readList reads mailbox-list after the name LIST or LSUB.
func readList(d *Decoder) (Response, error) {
	w := d.w
	l := &List{Command: "LIST"}
	// The decoder read the name, LIST or LSUB, into d.upper.
	if string(d.upper[:4]) == "LSUB" {
		l.Command = "LSUB"
	}
	if err := w.SP(); err != nil {
		return nil, err
	}
	err := w.List(func() error {
		off := w.Offset()
		f, err := w.ReadFlag()
		if err != nil {
			return err
		}
		if f[0] != '\\' || string(f) == `\*` {
			return w.Failf(off, "mbx-list-flags", `expected a mailbox attribute ("\" and an atom)`)
		}
		if i := notAtom(f[1:]); i >= 0 {
			// "]" or 8-bit bytes, which lenient reading let through
			// but no attribute could be written with.
			return w.Failf(off+1+int64(i), "mbx-list-flags", "%q is not a mailbox attribute", f)
		}
		l.Attrs = append(l.Attrs, canonicalAttr(f))
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := w.SP(); err != nil {
		return nil, err
	}
	if l.Delim, err = d.readDelim("mailbox-list"); err != nil {
		return nil, err
	}
	if err := w.SP(); err != nil {
		return nil, err
	}
	if l.Mailbox, err = w.ReadMailbox(); err != nil {
		return nil, err
	}
	if more, err := d.another(); !more || err != nil {
		// A space before the line ending is left for ReadEOL, which
		// reports it.
		return l, err
	}
	if err := d.readListExtended(l); err != nil {
		return nil, err
	}
	return l, nil
}

// readListExtended reads mbox-list-extended.
func (d *Decoder) readListExtended(l *List) error {
	w := d.w
	return w.List(func() error {
		off := w.Offset()
		tag, err := w.ReadAString()
		if err != nil {
			return err
		}
		switch {
		case strings.EqualFold(string(tag), tagChildInfo):
			if err := w.SP(); err != nil {
				return err
			}
			return d.readChildInfo(l)
		case strings.EqualFold(string(tag), tagOldName):
			if l.OldName != "" {
				return w.Failf(off, "oldname-extended-item", "a second OLDNAME item")
			}
			if err := w.SP(); err != nil {
				return err
			}
			return d.readOldName(l)
		}
		x := ListExt{Tag: string(tag)}
		if err := w.SP(); err != nil {
			return err
		}
		if x.Value, err = w.ReadValue(); err != nil {
			return err
		}
		l.Ext = append(l.Ext, x)
		return nil
	})
}

// readChildInfo reads the value of a CHILDINFO item:
// "(" list-select-base-opt-quoted *(SP list-select-base-opt-quoted) ")".
// The options of a second CHILDINFO item are added to those of the first.
func (d *Decoder) readChildInfo(l *List) error {
	w := d.w
	if err := w.ListStart(); err != nil {
		return err
	}
	for n := 0; ; n++ {
		if n > 0 {
			end, err := w.ListEnd()
			if err != nil || end {
				return err
			}
			if err := w.SP(); err != nil {
				return err
			}
		}
		off := w.Offset()
		c, err := w.Peek()
		if err != nil {
			return err
		}
		if c != '"' {
			return w.Failf(off, "childinfo-extended-item", "expected a quoted selection option")
		}
		o, err := w.ReadQuoted()
		if err != nil {
			return err
		}
		if !validChildInfo(o) {
			return w.Failf(off, "childinfo-extended-item", "expected 1 to 1024 bytes of printable US-ASCII")
		}
		s := string(o)
		if strings.EqualFold(s, "SUBSCRIBED") {
			s = "SUBSCRIBED"
		}
		l.ChildInfo = append(l.ChildInfo, s)
	}
}

// readOldName reads the value of an OLDNAME item: "(" mailbox ")".
func (d *Decoder) readOldName(l *List) error {
	w := d.w
	if err := w.ListStart(); err != nil {
		return err
	}
	off := w.Offset()
	name, err := w.ReadMailbox()
	if err != nil {
		return err
	}
	if name == "" {
		return w.Failf(off, "oldname-extended-item", "an empty mailbox name")
	}
	l.OldName = name
	end, err := w.ListEnd()
	if err == nil && !end {
		err = w.Failf(w.Offset(), "oldname-extended-item", "expected ')' after the mailbox name")
	}
	return err
}

// readDelim reads a hierarchy delimiter: DQUOTE QUOTED-CHAR DQUOTE / nil.
// It returns 0 for NIL.
func (d *Decoder) readDelim(rule string) (byte, error) {
	w := d.w
	off := w.Offset()
	c, err := w.Peek()
	if err != nil {
		return 0, err
	}
	if c != '"' {
		return 0, d.readNIL(rule, "a quoted hierarchy delimiter or NIL")
	}
	b, err := w.ReadQuoted()
	if err != nil {
		return 0, err
	}
	if len(b) != 1 || b[0] >= 0x80 {
		return 0, w.Failf(off, rule, "a hierarchy delimiter must be one 7-bit character")
	}
	return b[0], nil
}

// readNIL reads NIL, in any case; want says what else was expected, for
// the error.
func (d *Decoder) readNIL(rule, want string) error {
	w := d.w
	off := w.Offset()
	c, err := w.Peek()
	if err != nil {
		return err
	}
	if c == 'N' || c == 'n' {
		b, err := w.ReadAtom()
		if err != nil {
			return err
		}
		if len(b) == 3 && strings.EqualFold(string(b), "NIL") {
			return nil
		}
	}
	return w.Failf(off, rule, "expected %s", want)
}
