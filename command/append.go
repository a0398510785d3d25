package command

import (
	"bytes"
	"io"
	"strings"
	"time"
)

// An Append is the APPEND command (RFC 9051 §6.3.12), which adds
// messages to a mailbox, with the extensions of its grammar: several
// messages in one command (MULTIAPPEND, RFC 3502), message data as a
// literal8 (BINARY, RFC 3516), a message built from parts of messages on
// the server and literals (CATENATE, RFC 4469), message data marked as
// UTF-8 (UTF8=ACCEPT, RFC 6855) and the append-ext options of RFC 4466:
//
//	C: A003 APPEND saved-messages (\Seen) {326}
//	C: A003 APPEND saved-messages (\Seen) {329}
//	   ... (\Seen) " 7-Feb-1994 22:43:04 -0800" {295}
//	C: A003 APPEND Drafts (\Seen \Draft $MDNSent) CATENATE
//	   (URL "/Drafts;UIDVALIDITY=385759045/;UID=20/;section=HEADER" TEXT {42}
//	   ...)
//	C: a APPEND INBOX ~{1024}
//	C: a APPEND INBOX UTF8 (~{1024}
//
// The grammar (RFC 3502, RFC 4466, RFC 4469, RFC 6855):
//
//	append          = "APPEND" SP mailbox 1*append-message
//	append-message  = append-opts SP append-data
//	append-opts     = [SP flag-list] [SP date-time] *(SP append-ext)
//	append-data     = literal / literal8 / append-data-ext
//	append-data     =/ "CATENATE" SP "(" cat-part *(SP cat-part) ")"
//	append-data     =/ "UTF8" SP "(" literal8 ")"
//	cat-part        = "TEXT" SP literal / "URL" SP astring /
//	                  "UTF8" SP "(" literal8 ")"
//
// A message's data is always a literal on the wire, never a quoted
// string. Decoded data is buffered in MessageData.Bytes, under the
// wire.MaxLiteralBuffer limit, unless the Decoder streams it to a
// MessageFunc (Decoder.StreamMessages).
type Append struct {
	// Mailbox is the destination mailbox, decoded (modified UTF-7, or
	// UTF-8 under UTF8=ACCEPT); any case of INBOX is "INBOX".
	Mailbox string
	// Messages are the messages to append, in order: at least one, more
	// only with MULTIAPPEND.
	Messages []AppendMessage
}

// Kind returns "APPEND".
func (*Append) Kind() string { return "APPEND" }

// An AppendMessage is one message of an APPEND or REPLACE command
// (append-message, RFC 3502 and RFC 4466): its options and its data.
// Exactly one of three forms of data is used: Catenate when it is not nil,
// otherwise Data, sent as "UTF8 (~{n}...)" when UTF8 is set.
type AppendMessage struct {
	// Flags is the flag list to set on the message. Nil means no flag
	// list; a non-nil empty slice is the empty list "()". System flags
	// are in their canonical case ("\Seen"), other flags as sent; "\*"
	// is not a flag of a message.
	Flags []string
	// Date is the internal date to give the message, in the zone it was
	// sent in; the zero Time means none (the server uses the current
	// time). The zero time itself cannot be sent: a Decoder refuses it.
	Date time.Time
	// Ext are the append-ext options (RFC 4466) after the date, such as
	// ANNOTATION (RFC 5257), kept as generic values in the order sent.
	Ext []Param
	// Data is the message, unless Catenate is set.
	Data MessageData
	// UTF8 sends Data in the UTF8 data item of RFC 6855, "UTF8 (~{n}"
	// ... ")", which says the message may have UTF-8 headers. The data
	// is then a literal8: Data.Binary must be set.
	UTF8 bool
	// Catenate, when not nil, builds the message from parts (CATENATE,
	// RFC 4469), and Data must be zero. It needs at least one part.
	Catenate []CatenatePart
}

// A CatenateKind says what a part of a CATENATE message is.
type CatenateKind uint8

// The kinds of CATENATE parts (RFC 4469 §5, RFC 6855).
const (
	// CatenateURL is "URL" SP astring: an IMAP URL (RFC 5092) of a
	// message or a part of one on the server.
	CatenateURL CatenateKind = iota
	// CatenateText is "TEXT" SP literal: data sent with the command.
	CatenateText
	// CatenateUTF8 is "UTF8" SP "(" literal8 ")" (RFC 6855): data that
	// may hold UTF-8 headers, sent as a literal8.
	CatenateUTF8
)

var catenateKindNames = [...]string{"URL", "TEXT", "UTF8"}

// String returns the part's label: "URL", "TEXT" or "UTF8".
func (k CatenateKind) String() string {
	if int(k) < len(catenateKindNames) {
		return catenateKindNames[k]
	}
	return "INVALID"
}

// A CatenatePart is one part of a CATENATE message (RFC 4469 §5):
//
//	URL "/Drafts;UIDVALIDITY=385759045/;UID=20/;section=HEADER"
//	TEXT {42}
type CatenatePart struct {
	Kind CatenateKind
	// URL is the IMAP URL of a CatenateURL part, as sent.
	URL string
	// Data is the data of a CatenateText part (a literal: Binary must
	// be false) or of a CatenateUTF8 part (a literal8: Binary must be
	// set).
	Data MessageData
}

// MessageData is the content of a message, or of a TEXT or UTF8 part of a
// CATENATE message: always a literal on the wire ("{n}"), or a literal8
// ("~{n}", RFC 3516) when Binary is set.
//
// To send data, set Bytes, or set Reader and Size to stream Size bytes
// from Reader (the Encoder's check before the command is written does not
// read it). Data that is not Binary should not hold a NUL byte (RFC 3516):
// such Bytes, which lenient decoding accepts (wire.QuirkNULInLiteral), are
// written back as a literal holding the NUL, which strict decoding refuses.
//
// A Decoder sets Size to the literal's size and Binary for a literal8. It
// puts the bytes in Bytes, or, when it hands the data to a MessageFunc
// (Decoder.StreamMessages), sets Streamed and leaves Bytes nil: Streamed,
// not an empty Bytes, tells streamed data from an empty message. Streamed
// data cannot be encoded again.
type MessageData struct {
	// Bytes is the data, when it is held in memory.
	Bytes []byte
	// Reader, when not nil, yields the data to send: exactly Size bytes
	// are read from it while the command is written. Bytes must then be
	// nil. If it ends early, the encoder fails with io.ErrUnexpectedEOF
	// after part of the literal went out, and the connection cannot be
	// used for further commands.
	Reader io.Reader
	// Size is the size of the data: of what Reader yields, or of the
	// literal a Decoder read. With Bytes it is 0 or len(Bytes).
	Size int64
	// Binary selects literal8 (RFC 3516), which may hold any byte; the
	// encoder's wire.LiteralPolicy must allow it (BINARY).
	Binary bool
	// Streamed is set by a Decoder that handed the data to its
	// MessageFunc instead of buffering it.
	Streamed bool
}

// isZero reports whether d holds no data and no setting.
func (d *MessageData) isZero() bool {
	return d.Bytes == nil && d.Reader == nil && d.Size == 0 && !d.Binary && !d.Streamed
}

func (c *Append) encode(e *encoder) {
	if len(c.Messages) == 0 {
		e.Refuse("APPEND without a message")
		return
	}
	e.Atom("APPEND").SP().Mailbox(c.Mailbox)
	for i := range c.Messages {
		encodeAppendMessage(e, &c.Messages[i], "APPEND")
	}
}

// encodeAppendMessage writes append-message: the options and the data,
// each after a space.
func encodeAppendMessage(e *encoder, m *AppendMessage, cmd string) {
	if m.Flags != nil {
		e.SP().ListStart()
		for i, f := range m.Flags {
			if f == `\*` {
				e.Refuse(cmd + `: \* is not a flag of a message`)
				return
			}
			if i > 0 {
				e.SP()
			}
			e.Flag(f)
		}
		e.ListEnd()
	}
	if !m.Date.IsZero() {
		e.SP().DateTime(m.Date)
	}
	for _, x := range m.Ext {
		if !isExtLabel(x.Name) || strings.ToUpper(x.Name) != x.Name || x.Name == "CATENATE" || x.Name == "UTF8" {
			e.Refuse(cmd + ": an append-ext option named " + x.Name)
			return
		}
		e.SP().Atom(x.Name).SP()
		x.Value.Encode(e.Encoder)
	}
	e.SP()
	switch {
	case m.Catenate != nil:
		if len(m.Catenate) == 0 || m.UTF8 || !m.Data.isZero() {
			e.Refuse(cmd + ": CATENATE without parts, or with Data or UTF8 set")
			return
		}
		e.Atom("CATENATE").SP().ListStart()
		for i := range m.Catenate {
			p := &m.Catenate[i]
			if i > 0 {
				e.SP()
			}
			switch p.Kind {
			case CatenateURL:
				if !p.Data.isZero() {
					e.Refuse(cmd + ": a CATENATE URL part with data")
					return
				}
				e.Atom("URL").SP().AString(p.URL)
			case CatenateText:
				if p.URL != "" || p.Data.Binary {
					e.Refuse(cmd + ": a CATENATE TEXT part with a URL or binary data")
					return
				}
				e.Atom("TEXT").SP()
				encodeAppendData(e, &p.Data, cmd)
			case CatenateUTF8:
				if p.URL != "" || !p.Data.Binary {
					e.Refuse(cmd + ": a CATENATE UTF8 part with a URL or data that is not Binary")
					return
				}
				e.Atom("UTF8").SP().ListStart()
				encodeAppendData(e, &p.Data, cmd)
				e.ListEnd()
			default:
				e.Refuse(cmd + ": a CATENATE part of an unknown kind")
				return
			}
		}
		e.ListEnd()
	case m.UTF8:
		if !m.Data.Binary {
			e.Refuse(cmd + ": UTF8 data that is not Binary (UTF8 takes a literal8)")
			return
		}
		e.Atom("UTF8").SP().ListStart()
		encodeAppendData(e, &m.Data, cmd)
		e.ListEnd()
	default:
		encodeAppendData(e, &m.Data, cmd)
	}
}

// encodeAppendData writes message data as a literal or literal8. In the dry
// run it reads neither Reader nor Bytes: it announces a literal of the same
// size and kind, which the literal policy judges as it will in the real
// run, over a body of placeholder bytes that go to io.Discard.
func encodeAppendData(e *encoder, d *MessageData, cmd string) {
	switch {
	case e.Err() != nil:
		return
	case d.Streamed:
		e.Refuse(cmd + ": message data that was handed to a MessageFunc")
		return
	case d.Reader != nil:
		if d.Bytes != nil || d.Size < 0 {
			e.Refuse(cmd + ": message data with both Bytes and a Reader, or a negative Size")
			return
		}
		if e.dry {
			e.LiteralFrom(appendDryReader{}, d.Size, d.Binary)
			return
		}
		e.LiteralFrom(d.Reader, d.Size, d.Binary)
		return
	case d.Size != 0 && d.Size != int64(len(d.Bytes)):
		e.Refuse(cmd + ": message data whose Size is not the length of its Bytes")
		return
	case e.dry:
		e.LiteralFrom(appendDryReader{}, int64(len(d.Bytes)), d.Binary)
	case d.Binary:
		e.Literal8(d.Bytes)
	case bytes.IndexByte(d.Bytes, 0) >= 0:
		// Only literal8 may hold a NUL; lenient decoding accepts one
		// in a literal (wire.QuirkNULInLiteral), and such data is
		// written back as it came, which strict decoding refuses.
		e.LiteralNUL(d.Bytes)
	default:
		e.Literal(d.Bytes)
	}
}

// appendDryReader is the body of a literal in the encoder's dry run: it
// yields as many bytes as asked for without writing them.
type appendDryReader struct{}

func (appendDryReader) Read(p []byte) (int, error) { return len(p), nil }

func readAppend(d *Decoder, _ bool) (Command, error) {
	w := d.w
	mailbox, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	c := &Append{Mailbox: mailbox}
	for {
		if len(c.Messages) == 0 {
			if err := w.SP(); err != nil {
				return nil, err
			}
		} else if more, err := d.another(); !more || err != nil {
			return c, err
		}
		lit := MessageLiteral{Tag: d.tag, Command: c, Mailbox: mailbox, Index: len(c.Messages)}
		var m AppendMessage
		if err := d.readAppendMessage(&m, &lit); err != nil {
			return nil, err
		}
		c.Messages = append(c.Messages, m)
	}
}

// readAppendMessage reads append-message after its first space: the
// options and the data. lit describes the command for a MessageFunc.
func (d *Decoder) readAppendMessage(m *AppendMessage, lit *MessageLiteral) error {
	w := d.w
	lit.Message, lit.Part = m, -1
	c, err := w.Peek()
	if err != nil {
		return err
	}
	if c == '(' {
		if m.Flags, err = d.readAppendFlags(); err != nil {
			return err
		}
		if err := w.SP(); err != nil {
			return err
		}
		if c, err = w.Peek(); err != nil {
			return err
		}
	}
	if c == '"' {
		off := w.Offset()
		if m.Date, err = w.ReadDateTime(); err != nil {
			return err
		}
		if m.Date.IsZero() {
			return w.Failf(off, "date-time", "an internal date of the zero time")
		}
		if err := w.SP(); err != nil {
			return err
		}
		if c, err = w.Peek(); err != nil {
			return err
		}
	}
	for {
		if c == '{' || c == '~' {
			return d.readAppendData(&m.Data, lit, "append-data", appendDataAny)
		}
		off := w.Offset()
		if !isExtLabel(string(c)) {
			return w.Failf(off, "append-data", "expected a literal, CATENATE, UTF8 or an append-ext label")
		}
		name, err := d.name()
		if err != nil {
			return err
		}
		switch string(name) {
		case "CATENATE":
			if err := w.SP(); err != nil {
				return err
			}
			return d.readCatenate(m, lit)
		case "UTF8":
			m.UTF8 = true
			if err := w.SP(); err != nil {
				return err
			}
			if err := w.ListStart(); err != nil {
				return err
			}
			if err := d.readAppendData(&m.Data, lit, "append-data", appendDataUTF8); err != nil {
				return err
			}
			return d.appendListEnd("append-data")
		}
		if !isExtLabel(string(name)) {
			return w.Failf(off, "append-ext", "%q is not an append-ext label", name)
		}
		x := Param{Name: string(name)}
		if err := w.SP(); err != nil {
			return err
		}
		if x.Value, err = w.ReadValue(); err != nil {
			return err
		}
		m.Ext = append(m.Ext, x)
		if err := w.SP(); err != nil {
			return err
		}
		if c, err = w.Peek(); err != nil {
			return err
		}
	}
}

// readAppendFlags reads flag-list: "(" [flag *(SP flag)] ")".
func (d *Decoder) readAppendFlags() ([]string, error) {
	w := d.w
	flags := []string{}
	err := w.List(func() error {
		off := w.Offset()
		b, err := w.ReadFlag()
		if err != nil {
			return err
		}
		if len(b) == 2 && b[1] == '*' {
			return w.Failf(off, "flag", `\* is not a flag of a message`)
		}
		for i, c := range b {
			if c >= 0x80 {
				// Lenient reading accepts 8-bit bytes, which have
				// no wire form in a flag.
				return w.Failf(off+int64(i), "flag", "flag %q is not an atom", b)
			}
		}
		flags = append(flags, canonFlag(string(b)))
		return nil
	})
	return flags, err
}

// readCatenate reads "(" cat-part *(SP cat-part) ")" after CATENATE SP.
func (d *Decoder) readCatenate(m *AppendMessage, lit *MessageLiteral) error {
	w := d.w
	off := w.Offset()
	m.Catenate = []CatenatePart{}
	err := w.List(func() error {
		poff := w.Offset()
		name, err := d.name()
		if err != nil {
			return err
		}
		if err := w.SP(); err != nil {
			return err
		}
		var p CatenatePart
		switch string(name) {
		case "URL":
			p.Kind = CatenateURL
			b, err := w.ReadAString()
			if err != nil {
				return err
			}
			p.URL = string(b)
		case "TEXT":
			p.Kind = CatenateText
			lit.Part = len(m.Catenate)
			if err := d.readAppendData(&p.Data, lit, "text-literal", appendDataText); err != nil {
				return err
			}
		case "UTF8":
			p.Kind = CatenateUTF8
			lit.Part = len(m.Catenate)
			if err := w.ListStart(); err != nil {
				return err
			}
			if err := d.readAppendData(&p.Data, lit, "utf8-literal", appendDataUTF8); err != nil {
				return err
			}
			if err := d.appendListEnd("utf8-literal"); err != nil {
				return err
			}
		default:
			return w.Failf(poff, "cat-part", "expected URL, TEXT or UTF8, found %q", name)
		}
		m.Catenate = append(m.Catenate, p)
		return nil
	})
	if err != nil {
		return err
	}
	if len(m.Catenate) == 0 {
		return w.Failf(off+1, "cat-part", "CATENATE without a part")
	}
	return nil
}

// appendListEnd reads the ")" that closes a list of one element.
func (d *Decoder) appendListEnd(rule string) error {
	off := d.w.Offset()
	end, err := d.w.ListEnd()
	if err == nil && !end {
		err = d.w.Failf(off, rule, `expected ")"`)
	}
	return err
}

// A Replace is the REPLACE command (RFC 8508), which replaces a message of
// the selected mailbox by a new one, appended to a mailbox (the same or
// another) as APPEND would, and expunges the old one, atomically:
//
//	C: A003 REPLACE 4 Drafts (\Seen \Draft) {173}
//	C: B003 UID REPLACE 2000 Drafts (\Seen \Draft) {173}
//
// The grammar (RFC 8508 §5) takes one append-message, whose data may be
// a literal8, CATENATE or UTF8 as for APPEND:
//
//	replace = "REPLACE" SP seq-number SP mailbox append-message
type Replace struct {
	// UID selects UID REPLACE: Number is then a UID.
	UID bool
	// Number is the message sequence number, or the UID, of the message
	// to replace; 0 stands for "*", the last message, which seq-number
	// allows.
	Number uint32
	// Mailbox is the mailbox the new message is appended to, decoded as
	// for APPEND.
	Mailbox string
	// Message is the new message.
	Message AppendMessage
}

// Kind returns "REPLACE" or "UID REPLACE".
func (r *Replace) Kind() string {
	if r.UID {
		return "UID REPLACE"
	}
	return "REPLACE"
}

func (r *Replace) encode(e *encoder) {
	if r.UID {
		e.Atom("UID").SP()
	}
	e.Atom("REPLACE").SP()
	if r.Number == 0 {
		e.Punct('*')
	} else {
		e.Number(r.Number)
	}
	e.SP().Mailbox(r.Mailbox)
	encodeAppendMessage(e, &r.Message, r.Kind())
}

func readReplace(d *Decoder, uid bool) (Command, error) {
	w := d.w
	if err := w.SP(); err != nil {
		return nil, err
	}
	r := &Replace{UID: uid}
	if star, err := w.Accept('*'); err != nil {
		return nil, err
	} else if !star {
		if r.Number, err = w.ReadNZNumber(); err != nil {
			return nil, err
		}
	}
	var err error
	if r.Mailbox, err = d.spMailbox(); err != nil {
		return nil, err
	}
	if err := w.SP(); err != nil {
		return nil, err
	}
	lit := MessageLiteral{Tag: d.tag, Command: r, Mailbox: r.Mailbox}
	var m AppendMessage
	if err := d.readAppendMessage(&m, &lit); err != nil {
		return nil, err
	}
	r.Message = m
	return r, nil
}

func init() {
	register(readAppend, "APPEND")
	register(readReplace, "REPLACE", "UID REPLACE")
}
