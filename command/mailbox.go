package command

import (
	"strings"

	"github.com/mailwire/imap/wire"
)

// The commands that manage mailboxes (RFC 9051 §6.3.4 to §6.3.8 and
// §6.3.11): CREATE, DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE and STATUS.
// Mailbox names are decoded, from modified UTF-7 or, under UTF8=ACCEPT,
// as UTF-8, and any case of INBOX is "INBOX", as wire.Decoder.ReadMailbox
// returns them; the encoder writes them back with wire.Encoder.Mailbox.

// A Create is the CREATE command (RFC 9051 §6.3.4), with the create
// parameters of RFC 4466 §2.2 and the USE parameter of RFC 6154 §3
// (CREATE-SPECIAL-USE):
//
//	C: A003 CREATE owatagusiam/
//	C: t1 CREATE MySpecial (USE (\Drafts \Sent))
//
// The grammar:
//
//	create        = "CREATE" SP mailbox [create-params]
//	create-params = SP "(" create-param *(SP create-param) ")"
//	create-param  = create-param-name [SP create-param-value]
//	create-param  =/ "USE" SP "(" [use-attr *(SP use-attr)] ")"
//
// The encoder writes USE first, then Params in order.
type Create struct {
	Mailbox string
	// Use are the special-use attributes of the USE parameter, in the
	// order sent: \All, \Archive, \Drafts, \Flagged, \Junk, \Sent,
	// \Trash (RFC 6154) and \Important (RFC 8457) in that spelling,
	// others ("\" and an atom, use-attr-ext) as sent. Nil when there is
	// no USE parameter; a non-nil empty slice is "USE ()".
	Use []string
	// Params are the other create parameters, in the order sent.
	Params []Param
}

// Kind returns "CREATE".
func (*Create) Kind() string { return "CREATE" }

// A Delete is the DELETE command (RFC 9051 §6.3.5).
//
//	C: A683 DELETE blurdybloop
type Delete struct {
	Mailbox string
}

// Kind returns "DELETE".
func (*Delete) Kind() string { return "DELETE" }

// A Rename is the RENAME command (RFC 9051 §6.3.6): the mailbox From gets
// the name To.
//
//	C: A683 RENAME blurdybloop sarasoop
type Rename struct {
	From, To string
}

// Kind returns "RENAME".
func (*Rename) Kind() string { return "RENAME" }

// A Subscribe is the SUBSCRIBE command (RFC 9051 §6.3.7).
//
//	C: A002 SUBSCRIBE #news.comp.mail.mime
type Subscribe struct {
	Mailbox string
}

// Kind returns "SUBSCRIBE".
func (*Subscribe) Kind() string { return "SUBSCRIBE" }

// An Unsubscribe is the UNSUBSCRIBE command (RFC 9051 §6.3.8).
//
//	C: A002 UNSUBSCRIBE #news.comp.mail.mime
type Unsubscribe struct {
	Mailbox string
}

// Kind returns "UNSUBSCRIBE".
func (*Unsubscribe) Kind() string { return "UNSUBSCRIBE" }

// A Status is the STATUS command (RFC 9051 §6.3.11): which status items
// of a mailbox the server should send in a STATUS response
// (response.MailboxStatus).
//
//	C: A042 STATUS blurdybloop (UIDNEXT MESSAGES)
//
// The grammar:
//
//	status     = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")"
//	status-att = "MESSAGES" / "UIDNEXT" / "UIDVALIDITY" / "UNSEEN" /
//	             "DELETED" / "SIZE"
//
// and the items of the extensions: RECENT (RFC 3501), HIGHESTMODSEQ (RFC
// 7162), APPENDLIMIT (RFC 7889), MAILBOXID (RFC 8474), DELETED-STORAGE
// (RFC 9208).
type Status struct {
	Mailbox string
	// Items are the names of the status items in upper case, in the
	// order sent: the items above, or any other atom; at least one.
	Items []string
}

// Kind returns "STATUS".
func (*Status) Kind() string { return "STATUS" }

// mboxUseAttrs maps the special-use attributes of RFC 6154 §2 and RFC
// 8457 §3, in lower case, to their canonical spelling.
var mboxUseAttrs = func() map[string]string {
	m := map[string]string{}
	for _, a := range []string{`\All`, `\Archive`, `\Drafts`, `\Flagged`, `\Junk`, `\Sent`, `\Trash`, `\Important`} {
		m[strings.ToLower(a)] = a
	}
	return m
}()

// mboxCanonicalUseAttr returns the canonical spelling of a known
// special-use attribute and other attributes as they are.
func mboxCanonicalUseAttr(a string) string {
	if c, ok := mboxUseAttrs[strings.ToLower(a)]; ok {
		return c
	}
	return a
}

func (c *Create) encode(e *encoder) {
	e.Atom("CREATE").SP().Mailbox(c.Mailbox)
	if c.Use == nil && len(c.Params) == 0 {
		return
	}
	e.SP().ListStart()
	if c.Use != nil {
		e.Atom("USE").SP().ListStart()
		for i, a := range c.Use {
			if len(a) < 2 || a[0] != '\\' || !isAtom(a[1:]) {
				e.Refuse("CREATE: the special-use attribute " + a + `: not "\" and an atom`)
				return
			}
			if i > 0 {
				e.SP()
			}
			e.Flag(a)
		}
		e.ListEnd()
	}
	for i, p := range c.Params {
		if !isExtLabel(p.Name) || strings.ToUpper(p.Name) != p.Name {
			e.Refuse("CREATE: the parameter name " + p.Name + ": not an upper-case tagged-ext-label")
			return
		}
		if p.Name == "USE" {
			e.Refuse("CREATE: a generic USE parameter (Create.Use holds it)")
			return
		}
		if i > 0 || c.Use != nil {
			e.SP()
		}
		e.Atom(p.Name)
		mboxEncodeExtVal(e, &p.Value, "CREATE: the parameter "+p.Name)
	}
	e.ListEnd()
}

func readCreate(d *Decoder, _ bool) (Command, error) {
	name, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	c := &Create{Mailbox: name}
	if more, err := d.another(); !more || err != nil {
		return c, err
	}
	w := d.w
	l, err := mboxStartItems(d)
	if err != nil {
		return nil, err
	}
	for {
		more, err := l.next()
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
		off := w.Offset()
		label, err := mboxReadExtLabel(d, "create-param")
		if err != nil {
			return nil, err
		}
		if label == "USE" {
			if c.Use != nil {
				return nil, w.Failf(off, "create-param", "a second USE parameter")
			}
			if err := w.SP(); err != nil {
				return nil, err
			}
			if c.Use, err = mboxReadUseAttrs(d); err != nil {
				return nil, err
			}
			continue
		}
		p := Param{Name: label}
		if ok, err := l.value(mboxExtValStart); err != nil {
			return nil, err
		} else if ok {
			if p.Value, err = mboxReadExtVal(d); err != nil {
				return nil, err
			}
		}
		c.Params = append(c.Params, p)
	}
	if l.n == 0 {
		return nil, w.Failf(l.off+1, "create-params", "expected a create parameter")
	}
	return c, nil
}

// mboxReadUseAttrs reads "(" [use-attr *(SP use-attr)] ")" (RFC 6154 §6).
func mboxReadUseAttrs(d *Decoder) ([]string, error) {
	w := d.w
	attrs := []string{}
	err := w.List(func() error {
		off := w.Offset()
		f, err := w.ReadFlag()
		if err != nil {
			return err
		}
		if f[0] != '\\' || len(f) < 2 {
			return w.Failf(off, "use-attr", `expected a special-use attribute ("\" and an atom)`)
		}
		if i := mboxNotAtom(f[1:]); i >= 0 {
			return w.Failf(off+1+int64(i), "use-attr", `expected a special-use attribute ("\" and an atom)`)
		}
		attrs = append(attrs, mboxCanonicalUseAttr(string(f)))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return attrs, nil
}

func (c *Delete) encode(e *encoder) { e.Atom("DELETE").SP().Mailbox(c.Mailbox) }

func readDelete(d *Decoder, _ bool) (Command, error) {
	name, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	return &Delete{Mailbox: name}, nil
}

func (c *Rename) encode(e *encoder) { e.Atom("RENAME").SP().Mailbox(c.From).SP().Mailbox(c.To) }

func readRename(d *Decoder, _ bool) (Command, error) {
	from, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	to, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	return &Rename{From: from, To: to}, nil
}

func (c *Subscribe) encode(e *encoder) { e.Atom("SUBSCRIBE").SP().Mailbox(c.Mailbox) }

func readSubscribe(d *Decoder, _ bool) (Command, error) {
	name, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	return &Subscribe{Mailbox: name}, nil
}

func (c *Unsubscribe) encode(e *encoder) { e.Atom("UNSUBSCRIBE").SP().Mailbox(c.Mailbox) }

func readUnsubscribe(d *Decoder, _ bool) (Command, error) {
	name, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	return &Unsubscribe{Mailbox: name}, nil
}

func (c *Status) encode(e *encoder) {
	e.Atom("STATUS").SP().Mailbox(c.Mailbox).SP()
	mboxEncodeStatusAtts(e, c.Items, "STATUS")
}

func readStatus(d *Decoder, _ bool) (Command, error) {
	name, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	if err := d.w.SP(); err != nil {
		return nil, err
	}
	items, err := mboxReadStatusAtts(d)
	if err != nil {
		return nil, err
	}
	return &Status{Mailbox: name, Items: items}, nil
}

// mboxReadStatusAtts reads "(" status-att *(SP status-att) ")", as STATUS
// and the STATUS return option of LIST (RFC 5819) have it, and returns
// the names in upper case.
func mboxReadStatusAtts(d *Decoder) ([]string, error) {
	w := d.w
	off := w.Offset()
	var items []string
	err := w.List(func() error {
		name, err := mboxReadKeyword(d, "status-att")
		if err != nil {
			return err
		}
		items = append(items, name)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, w.Failf(off+1, "status-att", "expected a status item")
	}
	return items, nil
}

// mboxEncodeStatusAtts writes "(" status-att *(SP status-att) ")", or
// refuses items that cannot be written so.
func mboxEncodeStatusAtts(e *encoder, items []string, what string) {
	if len(items) == 0 {
		e.Refuse(what + " without a status item")
		return
	}
	e.ListStart()
	for i, it := range items {
		if !isAtom(it) || strings.ToUpper(it) != it {
			e.Refuse(what + ": the status item " + it + ": not an upper-case atom")
			return
		}
		if i > 0 {
			e.SP()
		}
		e.Atom(it)
	}
	e.ListEnd()
}

// mboxReadKeyword reads an atom and returns it in upper case: a keyword
// of the grammar or a name an extension may add. The bytes lenient
// reading lets into an atom ("]", 8-bit bytes), which no keyword has, are
// refused at their offset.
func mboxReadKeyword(d *Decoder, rule string) (string, error) {
	off := d.w.Offset()
	b, err := d.name()
	if err != nil {
		return "", err
	}
	if i := mboxNotAtom(b); i >= 0 {
		return "", d.w.Failf(off+int64(i), rule, "%q is not an atom", b)
	}
	return string(b), nil
}

// mboxNotAtom returns the index of the first byte of b that is not an
// ATOM-CHAR, or -1.
func mboxNotAtom(b []byte) int {
	for i, c := range b {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`(){%*"\]`, c) >= 0 {
			return i
		}
	}
	return -1
}

// mboxReadExtLabel reads a tagged-ext-label and returns it in upper case.
func mboxReadExtLabel(d *Decoder, rule string) (string, error) {
	off := d.w.Offset()
	b, err := d.name()
	if err != nil {
		return "", err
	}
	if !isExtLabel(b) {
		return "", d.w.Failf(off, rule, "%q is not a tagged-ext-label", b)
	}
	return string(b), nil
}

// An mboxItems reads the items of a parenthesised list whose items are a
// label and an optional value, where only the byte after the space tells
// a value from the next item: the tagged-ext items of RFC 4466 §3
// (create-param, getmetadata-option) and the options of RFC 5258 §6
// (option-extension).
type mboxItems struct {
	d      *Decoder
	off    int64 // offset of the "("
	n      int   // items begun
	sep    bool  // the space before the next item has been read
	closed bool  // the ")" has been read
}

// mboxStartItems reads the "(" of such a list.
func mboxStartItems(d *Decoder) (*mboxItems, error) {
	l := &mboxItems{d: d, off: d.w.Offset()}
	return l, d.w.ListStart()
}

// next reports whether another item follows, reading the space before
// it, or reads the ")" and reports false.
func (l *mboxItems) next() (bool, error) {
	w := l.d.w
	if l.closed {
		return false, nil
	}
	if !l.sep {
		end, err := w.ListEnd()
		if err != nil {
			return false, err
		}
		if end {
			l.closed = true
			return false, nil
		}
		if l.n > 0 {
			if err := w.SP(); err != nil {
				return false, err
			}
		}
	}
	l.sep = false
	l.n++
	return true, nil
}

// value reads the space after an item's label and reports whether a value
// follows, as start says of the byte after the space; if none does, the
// space was the one before the next item. At the ")" it reads it and
// reports false.
func (l *mboxItems) value(start func(byte) bool) (bool, error) {
	w := l.d.w
	end, err := w.ListEnd()
	if err != nil {
		return false, err
	}
	if end {
		l.closed = true
		return false, nil
	}
	if err := w.SP(); err != nil {
		return false, err
	}
	c, err := w.Peek()
	if err != nil {
		return false, err
	}
	if start(c) {
		return true, nil
	}
	l.sep = true
	return false, nil
}

// mboxReadExtVal reads a tagged-ext-val (RFC 4466 §3), after
// mboxItems.value found one:
//
//	tagged-ext-val    = tagged-ext-simple / "(" [tagged-ext-comp] ")"
//	tagged-ext-simple = sequence-set / number / number64
func mboxReadExtVal(d *Decoder) (wire.Value, error) {
	w := d.w
	off := w.Offset()
	v, err := w.ReadValue()
	if err != nil {
		return wire.Value{}, err
	}
	if !mboxExtValOK(&v) {
		return wire.Value{}, w.Failf(off, "tagged-ext-val", "expected a number, a sequence set or a parenthesised list")
	}
	return v, nil
}

// mboxExtValStart reports whether c can start a tagged-ext-val.
func mboxExtValStart(c byte) bool {
	return '0' <= c && c <= '9' || c == '*' || c == '$' || c == '('
}

// mboxExtValOK reports whether v is a tagged-ext-val: a number64, a
// sequence set (an atom) or a list.
func mboxExtValOK(v *wire.Value) bool {
	switch v.Kind {
	case wire.KindNumber:
		return v.Num <= 1<<63-1 && !v.Adjacent
	case wire.KindList:
		return !v.Adjacent
	case wire.KindAtom:
		_, err := wire.ParseSeqSet(string(v.Bytes))
		return err == nil && !v.Adjacent
	}
	return false
}

// mboxEncodeExtVal writes SP and v, if v is not the zero Value, or refuses
// a value that is not a tagged-ext-val.
func mboxEncodeExtVal(e *encoder, v *wire.Value, what string) {
	if v.Kind == wire.KindInvalid {
		return
	}
	if !mboxExtValOK(v) {
		e.Refuse(what + ": a value that is not a number, a sequence set or a list")
		return
	}
	e.SP()
	v.Encode(e.Encoder)
}

func init() {
	register(readCreate, "CREATE")
	register(readDelete, "DELETE")
	register(readRename, "RENAME")
	register(readSubscribe, "SUBSCRIBE")
	register(readUnsubscribe, "UNSUBSCRIBE")
	register(readStatus, "STATUS")
}
