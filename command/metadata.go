package command

import (
	"strings"

	"github.com/mailwire/imap/wire"
)

// The commands of METADATA (RFC 5464 §4).

// A GetMetadata is the GETMETADATA command (RFC 5464 §4.2): the values of
// annotations of a mailbox or, for the mailbox "", of the server.
//
//	C: a GETMETADATA "" /shared/comment
//	C: a GETMETADATA "INBOX" (/shared/comment /private/comment)
//	C: a GETMETADATA (MAXSIZE 1024) "INBOX" (/shared/comment /private/comment)
//	C: a GETMETADATA (DEPTH infinity) INBOX /private
//
// The grammar (RFC 5464 §5):
//
//	getmetadata         = "GETMETADATA" [SP getmetadata-options]
//	                      SP mailbox SP entries
//	getmetadata-options = "(" getmetadata-option *(SP getmetadata-option) ")"
//	getmetadata-option  = tagged-ext-label [SP tagged-ext-val]
//	maxsize-opt         = "MAXSIZE" SP number
//	scope-opt           = "DEPTH" SP ("0" / "1" / "infinity")
//	entries             = entry / "(" entry *(SP entry) ")"
//
// The options come before the mailbox, as the grammar and errata 2785
// have it; the examples of RFC 5464 §4.2.1 and §4.2.2 put them after it,
// which this package refuses. The encoder writes MAXSIZE, then DEPTH,
// then Options in order, and a single entry without parentheses.
type GetMetadata struct {
	// MaxSize is the MAXSIZE option (§4.2.1), if HasMaxSize: only values
	// of at most that many octets are wanted.
	MaxSize    uint32
	HasMaxSize bool
	// Depth is the DEPTH option (§4.2.2).
	Depth MetadataDepth
	// Options are the other options, in the order sent.
	Options []Param
	// Mailbox is the mailbox, or "" for the server's annotations.
	Mailbox string
	// Entries are the entry names, such as "/private/comment"; at least
	// one. Entry names are case-insensitive (§3.2) but kept as sent.
	Entries []string
}

// A MetadataDepth is the DEPTH option of GETMETADATA (RFC 5464 §4.2.2):
// how far below each entry the server returns entries.
type MetadataDepth uint8

// The depths. The zero value is no DEPTH option, which means the same as
// DEPTH 0.
const (
	MetadataDepthNone     MetadataDepth = iota // no DEPTH option
	MetadataDepth0                             // "DEPTH 0": the entries themselves
	MetadataDepth1                             // "DEPTH 1": and the entries just below them
	MetadataDepthInfinity                      // "DEPTH infinity": and all entries below them
)

// String returns the depth as the command writes it: "0", "1",
// "infinity", or "" for none.
func (m MetadataDepth) String() string {
	switch m {
	case MetadataDepth0:
		return "0"
	case MetadataDepth1:
		return "1"
	case MetadataDepthInfinity:
		return "infinity"
	}
	return ""
}

// Kind returns "GETMETADATA".
func (*GetMetadata) Kind() string { return "GETMETADATA" }

// A SetMetadata is the SETMETADATA command (RFC 5464 §4.3): it sets, or
// with NIL removes, annotations of a mailbox or, for the mailbox "", of
// the server.
//
//	C: a SETMETADATA INBOX (/private/comment {33}
//	   My new comment across
//	   two lines.
//	   )
//	C: a SETMETADATA INBOX (/private/comment NIL)
//
// The grammar (RFC 5464 §5):
//
//	setmetadata  = "SETMETADATA" SP mailbox SP entry-values
//	entry-values = "(" entry-value *(SP entry-value) ")"
//	entry-value  = entry SP value
//	value        = nstring / literal8
type SetMetadata struct {
	// Mailbox is the mailbox, or "" for the server's annotations.
	Mailbox string
	// Entries are the entries and their values, in the order sent; at
	// least one.
	Entries []MetadataEntry
}

// A MetadataEntry is an entry of a SETMETADATA command and its value (RFC
// 5464 §5, entry-value).
type MetadataEntry struct {
	// Name is the entry's name, such as "/private/comment", as sent.
	Name string
	// Value is the new value, or NIL to remove the entry. It may hold any
	// octets, since a literal8 may carry it; an Encoder needs BINARY
	// (wire.LiteralPolicy) to write one with a NUL.
	Value wire.NString
}

// Kind returns "SETMETADATA".
func (*SetMetadata) Kind() string { return "SETMETADATA" }

func (c *GetMetadata) encode(e *encoder) {
	e.Atom("GETMETADATA")
	if c.HasMaxSize || c.Depth != MetadataDepthNone || len(c.Options) > 0 {
		e.SP().ListStart()
		n := 0
		if c.HasMaxSize {
			e.sep(&n)
			e.Atom("MAXSIZE").SP().Number(c.MaxSize)
		}
		switch c.Depth {
		case MetadataDepthNone:
		case MetadataDepth0, MetadataDepth1, MetadataDepthInfinity:
			e.sep(&n)
			e.Atom("DEPTH").SP().Atom(c.Depth.String())
		default:
			e.Refuse("GETMETADATA: an unknown MetadataDepth")
			return
		}
		for i := range c.Options {
			o := &c.Options[i]
			if !isExtLabel(o.Name) || strings.ToUpper(o.Name) != o.Name {
				e.Refuse("GETMETADATA: the option name " + o.Name + ": not an upper-case tagged-ext-label")
				return
			}
			if o.Name == "MAXSIZE" || o.Name == "DEPTH" {
				e.Refuse("GETMETADATA: a generic " + o.Name + " option")
				return
			}
			e.sep(&n)
			e.Atom(o.Name)
			mboxEncodeExtVal(e, &o.Value, "GETMETADATA: the option "+o.Name)
		}
		e.ListEnd()
	}
	e.SP().Mailbox(c.Mailbox).SP()
	switch len(c.Entries) {
	case 0:
		e.Refuse("GETMETADATA without an entry")
	case 1:
		e.AString(c.Entries[0])
	default:
		e.ListStart()
		for i, name := range c.Entries {
			if i > 0 {
				e.SP()
			}
			e.AString(name)
		}
		e.ListEnd()
	}
}

func readGetMetadata(d *Decoder, _ bool) (Command, error) {
	w := d.w
	c := &GetMetadata{}
	if err := w.SP(); err != nil {
		return nil, err
	}
	ch, err := w.Peek()
	if err != nil {
		return nil, err
	}
	if ch == '(' {
		if err := metadataReadOptions(d, c); err != nil {
			return nil, err
		}
		if err := w.SP(); err != nil {
			return nil, err
		}
	}
	if c.Mailbox, err = w.ReadMailbox(); err != nil {
		return nil, err
	}
	if err := w.SP(); err != nil {
		return nil, err
	}
	if ch, err = w.Peek(); err != nil {
		return nil, err
	}
	if ch != '(' {
		b, err := w.ReadAString()
		if err != nil {
			return nil, err
		}
		c.Entries = []string{string(b)}
		return c, nil
	}
	off := w.Offset()
	err = w.List(func() error {
		b, err := w.ReadAString()
		if err != nil {
			return err
		}
		c.Entries = append(c.Entries, string(b))
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(c.Entries) == 0 {
		return nil, w.Failf(off+1, "entries", "expected an entry")
	}
	return c, nil
}

// metadataReadOptions reads getmetadata-options into c.
func metadataReadOptions(d *Decoder, c *GetMetadata) error {
	w := d.w
	items, err := mboxStartItems(d)
	if err != nil {
		return err
	}
	for {
		more, err := items.next()
		if err != nil {
			return err
		}
		if !more {
			break
		}
		off := w.Offset()
		label, err := mboxReadExtLabel(d, "getmetadata-option")
		if err != nil {
			return err
		}
		switch label {
		case "MAXSIZE":
			if c.HasMaxSize {
				return w.Failf(off, "getmetadata-option", "a second MAXSIZE option")
			}
			if err := w.SP(); err != nil {
				return err
			}
			if c.MaxSize, err = w.ReadNumber(); err != nil {
				return err
			}
			c.HasMaxSize = true
		case "DEPTH":
			if c.Depth != MetadataDepthNone {
				return w.Failf(off, "getmetadata-option", "a second DEPTH option")
			}
			if err := w.SP(); err != nil {
				return err
			}
			voff := w.Offset()
			b, err := w.ReadAtom()
			if err != nil {
				return err
			}
			switch {
			case string(b) == "0":
				c.Depth = MetadataDepth0
			case string(b) == "1":
				c.Depth = MetadataDepth1
			case strings.EqualFold(string(b), "infinity"):
				c.Depth = MetadataDepthInfinity
			default:
				return w.Failf(voff, "scope-opt", `expected 0, 1 or "infinity"`)
			}
		default:
			o := Param{Name: label}
			if ok, err := items.value(mboxExtValStart); err != nil {
				return err
			} else if ok {
				if o.Value, err = mboxReadExtVal(d); err != nil {
					return err
				}
			}
			c.Options = append(c.Options, o)
		}
	}
	if items.n == 0 {
		return w.Failf(items.off+1, "getmetadata-options", "expected an option")
	}
	return nil
}

func (c *SetMetadata) encode(e *encoder) {
	e.Atom("SETMETADATA").SP().Mailbox(c.Mailbox).SP()
	if len(c.Entries) == 0 {
		e.Refuse("SETMETADATA without an entry")
		return
	}
	e.ListStart()
	for i, ent := range c.Entries {
		if i > 0 {
			e.SP()
		}
		e.AString(ent.Name).SP().NString(ent.Value)
	}
	e.ListEnd()
}

func readSetMetadata(d *Decoder, _ bool) (Command, error) {
	w := d.w
	name, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	c := &SetMetadata{Mailbox: name}
	if err := w.SP(); err != nil {
		return nil, err
	}
	off := w.Offset()
	err = w.List(func() error {
		b, err := w.ReadAString()
		if err != nil {
			return err
		}
		ent := MetadataEntry{Name: string(b)}
		if err := w.SP(); err != nil {
			return err
		}
		if ent.Value, err = w.ReadNStringValue(); err != nil {
			return err
		}
		c.Entries = append(c.Entries, ent)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(c.Entries) == 0 {
		return nil, w.Failf(off+1, "entry-values", "expected an entry and its value")
	}
	return c, nil
}

func init() {
	register(readGetMetadata, "GETMETADATA")
	register(readSetMetadata, "SETMETADATA")
}
