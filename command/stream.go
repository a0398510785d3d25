package command

import (
	"errors"
	"io"

	"github.com/mailwire/imap/literal"
)

// A MessageFunc receives a message literal of an APPEND or REPLACE command
// while the Decoder reads the command, instead of having it buffered in
// MessageData.Bytes (see Decoder.StreamMessages). A server typically
// copies body to storage, and undoes that if the command fails later.
//
// m describes the literal: the command, the message's options read so far
// and the literal's announcement. body yields exactly the literal's bytes
// (m.Literal.Size of them) and then io.EOF; it is valid only until the
// function returns, and whatever of it the function leaves unread is
// read and discarded.
//
// The decoder consumes the literal's announcement only when the function
// first reads from body: the announcement's checks (wire.MaxLiteralTotal,
// the wire.LiteralPolicy) and, for a synchronising literal, the
// continuation hook (wire.Continuation), which invites the client to send
// the body, run then. So the function can refuse a message before the
// client sends it, by returning an error without reading body: a server
// then answers NO, with TRYCREATE, OVERQUOTA or TOOBIG (RFC 5530) as the
// case may be, where it would have sent "+". A non-synchronising literal
// ("{n+}") is on its way already: Skip skips its body. A function that
// returns nil without reading lets the decoder read and discard the body.
//
// An error returned by the function ends the command: ReadCommand returns
// it as it is, and Decoder.Skip goes on with the next command. An error
// from reading body (the stream ended inside the literal, the literal
// breaks a limit, the continuation hook refused it) is returned by
// ReadCommand whatever the function returns.
type MessageFunc func(m *MessageLiteral, body io.Reader) error

// A MessageLiteral describes a message literal handed to a MessageFunc,
// which may keep it.
type MessageLiteral struct {
	// Tag is the command's tag.
	Tag string
	// Command is the command being read, an *Append or a *Replace,
	// with what was read before this literal: its mailbox, the number
	// of the message REPLACE replaces, and the earlier messages of a
	// MULTIAPPEND command, whose data is complete.
	Command Command
	// Mailbox is the destination mailbox, as in Command.
	Mailbox string
	// Index is the message's place among the messages of the command,
	// from 0: above 0 only in a MULTIAPPEND command (RFC 3502).
	Index int
	// Part is, for a CATENATE message, the index in Message.Catenate of
	// the TEXT or UTF8 part whose literal this is (the parts before it
	// are in Message.Catenate already); -1 when the literal is the whole
	// message.
	Part int
	// Message is the message being read: its Flags, Date, Ext and UTF8
	// are set, and for CATENATE the parts before this one. Its data is
	// set once the literal has been read, and the command gets a copy
	// of it once it is complete.
	Message *AppendMessage
	// Literal is the literal's announcement: its size, whether it is a
	// literal8 (binary data, RFC 3516) and whether it is
	// non-synchronising (RFC 7888). The decoder's limits and literal
	// policy judge it when the MessageFunc first reads the body.
	Literal literal.Announcement
}

// StreamMessages makes d hand the message literals of APPEND and REPLACE
// commands (and the TEXT and UTF8 parts of CATENATE messages) to fn as it
// reads them, instead of buffering them under the wire.MaxLiteralBuffer
// limit. The decoded MessageData is then marked Streamed, with its Size
// and Binary set and Bytes nil. A nil fn restores buffering.
//
// A server that stores messages as they arrive:
//
//	d.StreamMessages(func(m *command.MessageLiteral, body io.Reader) error {
//		if !exists(m.Mailbox) {
//			return errTryCreate // NO [TRYCREATE]: the client sends no body
//		}
//		f, err := store.Create(m.Mailbox, m.Message.Flags, m.Message.Date)
//		if err != nil {
//			return err
//		}
//		_, err = io.Copy(f, body)
//		return err
//	})
//
// Streamed literals are limited only by wire.MaxLiteralTotal (the sum of a
// command's literals) and the wire.LiteralPolicy. The decoder does not
// look for NUL bytes in them, which a literal other than a literal8 must
// not hold: a server that cares checks what it stores.
func (d *Decoder) StreamMessages(fn MessageFunc) { d.stream = fn }

// appendDataForm says which literals a place in the grammar takes.
type appendDataForm uint8

const (
	appendDataAny  appendDataForm = iota // literal / literal8
	appendDataText                       // literal only (TEXT of CATENATE)
	appendDataUTF8                       // literal8 only (UTF8 data item)
)

// readAppendData reads message data, a literal or literal8, into data:
// buffered, or handed to the decoder's MessageFunc, described by lit.
func (d *Decoder) readAppendData(data *MessageData, lit *MessageLiteral, rule string, form appendDataForm) error {
	w := d.w
	off := w.Offset()
	c, err := w.Peek()
	if err != nil {
		return err
	}
	if c != '{' && c != '~' {
		return w.Failf(off, rule, "expected a literal")
	}
	binary := c == '~'
	switch {
	case form == appendDataText && binary:
		return w.Failf(off, rule, "a literal8 where a literal belongs")
	case form == appendDataUTF8 && !binary:
		return w.Failf(off, rule, "a literal where a literal8 belongs")
	}
	if d.stream == nil {
		b, err := w.ReadString()
		if err != nil {
			return err
		}
		*data = MessageData{Bytes: append([]byte{}, b...), Size: int64(len(b)), Binary: binary}
		return nil
	}
	m := *lit
	body := &appendBody{d: d}
	if ann, ok := d.peekAppendAnnouncement(); ok {
		m.Literal = ann
	} else {
		// Let the wire decoder meet the bad or cut announcement.
		if m.Literal, body.r, err = w.ReadLiteral(); err != nil {
			return err
		}
		body.started = true
	}
	ferr := d.stream(&m, body)
	body.done = true
	if body.err != nil {
		ferr = body.err
	} else if ferr == nil && !body.started {
		// The function read nothing: the body must still be read, and
		// the client invited to send it.
		if _, _, err := w.ReadLiteral(); err != nil {
			return err
		}
	}
	if ferr != nil {
		if w.InMessage() {
			// Break the command, so that only Skip goes on; the
			// error is returned as it is.
			w.Fail(off, rule, ferr)
		}
		return ferr
	}
	*data = MessageData{Size: m.Literal.Size, Binary: m.Literal.Binary, Streamed: true}
	return nil
}

// peekAppendAnnouncement parses the literal announcement at the decoder's
// position and the line ending after it without consuming them. It
// reports false when they are not both there in good form.
func (d *Decoder) peekAppendAnnouncement() (literal.Announcement, bool) {
	w := d.w
	for {
		win := w.Window()
		ann, n, err := literal.ParseAnnouncement(win)
		switch {
		case err == nil && n+1 < len(win) && win[n] == '\r':
			return ann, win[n+1] == '\n'
		case err == nil && n < len(win) && win[n] != '\r':
			return ann, win[n] == '\n'
		case err != nil && err != io.ErrUnexpectedEOF:
			return ann, false
		}
		if !w.Refill() {
			return ann, false
		}
	}
}

// errAppendBodyDone is returned by a message body read after its
// MessageFunc returned.
var errAppendBodyDone = errors.New("imap/command: message literal read after its MessageFunc returned")

// appendBody is the body reader handed to a MessageFunc. It starts the
// literal, with its checks and continuation handshake, at the first read.
type appendBody struct {
	d       *Decoder
	r       io.Reader // the literal's body, once started
	started bool
	done    bool  // the MessageFunc has returned
	err     error // the first error of the decoder, io.EOF aside
}

func (b *appendBody) start() error {
	if b.done {
		return errAppendBodyDone
	}
	if !b.started {
		b.started = true
		_, r, err := b.d.w.ReadLiteral()
		if err != nil {
			b.err = err
			return err
		}
		b.r = r
	}
	return b.err
}

// Read implements io.Reader.
func (b *appendBody) Read(p []byte) (int, error) {
	if err := b.start(); err != nil {
		return 0, err
	}
	n, err := b.r.Read(p)
	if err != nil && err != io.EOF {
		b.err = err
	}
	return n, err
}

// WriteTo implements io.WriterTo, so that io.Copy moves the body through
// the decoder's buffer.
func (b *appendBody) WriteTo(w io.Writer) (int64, error) {
	if err := b.start(); err != nil {
		return 0, err
	}
	var n int64
	var err error
	if wt, ok := b.r.(io.WriterTo); ok {
		n, err = wt.WriteTo(w)
	} else {
		n, err = io.Copy(w, struct{ io.Reader }{b.r})
	}
	if err != nil {
		b.err = err
	}
	return n, err
}
