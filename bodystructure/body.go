package bodystructure

import (
	"strings"

	"github.com/mailwire/imap/wire"
)

// A Body is the structure of a message or of one of its parts, as FETCH
// BODYSTRUCTURE and BODY report it (RFC 9051 §7.5.2, RFC 3501 §7.4.2).
//
// A Body is a multipart when Parts is not nil; otherwise it is a single
// part, and one of three kinds by its media type: text ("TEXT" type, with
// Lines), message ("MESSAGE" "RFC822" or "GLOBAL", with Envelope, Part and
// Lines), or basic (anything else). Type and subtype comparisons are
// case-insensitive; the strings are kept as the server or the message wrote
// them.
type Body struct {
	// Type and Subtype are the media type, such as "text" "plain". The
	// Type of a multipart is "MULTIPART" when decoded; the encoder does
	// not write it.
	Type, Subtype string

	// Params are the Content-Type parameters (body-fld-param), in order;
	// nil is NIL. A multipart carries them in its extension data.
	Params []Param

	// The body fields of a single part: Content-ID, Content-Description,
	// Content-Transfer-Encoding, and the size in octets of the body as
	// transferred (body-fld-octets).
	ID          wire.NString
	Description wire.NString
	Encoding    string
	Size        uint32

	// Lines is the size of a text or message part in lines
	// (body-fld-lines).
	Lines uint64

	// Envelope and Part are the envelope and the body structure of the
	// message encapsulated by a message/rfc822 or message/global part. A
	// message/global part without them is written in the basic form of
	// RFC 3501, which did not know message/global.
	Envelope *Envelope
	Part     *Body

	// Parts are the parts of a multipart, one at least.
	Parts []*Body

	// Ext is the extension data of BODYSTRUCTURE; nil for BODY, or when the
	// server sent none.
	Ext *Extension
}

// A Param is one parameter of a Content-Type or Content-Disposition.
type Param struct {
	Name, Value string
}

// Extension is the extension data of a body part (body-ext-1part or
// body-ext-mpart). The encoder always writes every field up to Location,
// which is what servers send and what a missing trailing field means.
type Extension struct {
	// MD5 is the Content-MD5 of a single part (body-fld-md5).
	MD5 wire.NString
	// Disposition is the Content-Disposition; nil is NIL.
	Disposition *Disposition
	// Language are the Content-Language tags (body-fld-lang); nil is NIL.
	// They are written as a list, even one tag.
	Language []string
	// Location is the Content-Location (RFC 2557).
	Location wire.NString
	// More holds extension data defined after RFC 9051, kept as generic
	// values: strings, numbers, NIL and lists of them.
	More []wire.Value
}

// A Disposition is a Content-Disposition: its type, such as "attachment",
// and its parameters (nil is NIL).
type Disposition struct {
	Type   string
	Params []Param
}

// IsMultipart reports whether b is a multipart.
func (b *Body) IsMultipart() bool { return b.Parts != nil }

// IsText reports whether b is a single part of type text.
func (b *Body) IsText() bool { return b.Parts == nil && strings.EqualFold(b.Type, "TEXT") }

// IsMessage reports whether b is a message/rfc822 or message/global part,
// which encapsulates a message of its own. A message/global part sent in
// the basic form, without an envelope, is not.
func (b *Body) IsMessage() bool {
	if b.Parts != nil || !strings.EqualFold(b.Type, "MESSAGE") {
		return false
	}
	if strings.EqualFold(b.Subtype, "RFC822") {
		return true
	}
	return strings.EqualFold(b.Subtype, "GLOBAL") && b.Envelope != nil
}

// Param returns the value of the parameter named name (case-insensitive)
// and whether it is present.
func (b *Body) Param(name string) (string, bool) { return lookup(b.Params, name) }

func lookup(ps []Param, name string) (string, bool) {
	for _, p := range ps {
		if strings.EqualFold(p.Name, name) {
			return p.Value, true
		}
	}
	return "", false
}

// MediaType returns the lower-case media type, such as "text/plain" or
// "multipart/mixed".
func (b *Body) MediaType() string {
	t := b.Type
	if b.Parts != nil {
		t = "multipart"
	}
	return strings.ToLower(t + "/" + b.Subtype)
}

// Walk calls fn for b and each part inside it, depth first, with the part's
// number as section-part numbering has it (RFC 9051 §6.4.5): nil for b
// itself, {1, 2} for the second part of the first part. The body of a
// message/rfc822 part numbered n is walked too: its parts are n.1, n.2, ...
// when it is a multipart, and it is n.1 otherwise. Walk stops when fn
// returns false.
func (b *Body) Walk(fn func(part []int, b *Body) bool) {
	b.walk(nil, fn)
}

func (b *Body) walk(num []int, fn func([]int, *Body) bool) bool {
	if !fn(num, b) {
		return false
	}
	sub := func(i int) []int { return append(num[:len(num):len(num)], i) }
	for i, p := range b.Parts {
		if !p.walk(sub(i+1), fn) {
			return false
		}
	}
	if b.IsMessage() && b.Part != nil && num != nil {
		inner := b.Part
		if inner.Parts == nil {
			return inner.walk(sub(1), fn)
		}
		for i, p := range inner.Parts {
			if !p.walk(sub(i+1), fn) {
				return false
			}
		}
	}
	return true
}

// An Envelope is the envelope structure of a message (RFC 9051 §7.5.2):
// header fields as the message has them, addresses parsed.
type Envelope struct {
	// Date and Subject are the header values, unfolded but not decoded.
	Date, Subject wire.NString
	// The address lists; nil is NIL.
	From, Sender, ReplyTo, To, Cc, Bcc []Address
	// InReplyTo and MessageID are the header values.
	InReplyTo, MessageID wire.NString
}

// An Address is one address of an envelope address list. Group syntax
// (RFC 5322 §3.4) is flattened the way RFC 9051 §7.5.2 prescribes: a group
// starts with an address whose Host is NIL and whose Mailbox is the group's
// name, and ends with an address whose Mailbox and Host are both NIL.
type Address struct {
	// Name is the display name, as the header has it (not decoded).
	Name wire.NString
	// Adl is the source route (obsolete "@a,@b:" syntax).
	Adl wire.NString
	// Mailbox is the local part, or the group name at a group's start.
	Mailbox wire.NString
	// Host is the domain; NIL marks the start or end of a group.
	Host wire.NString
}

// IsGroupStart reports whether a starts a group: a.Mailbox is its name.
func (a *Address) IsGroupStart() bool { return !a.Host.Valid && a.Mailbox.Valid }

// IsGroupEnd reports whether a ends a group.
func (a *Address) IsGroupEnd() bool { return !a.Host.Valid && !a.Mailbox.Valid }

// Addr returns the address as mailbox@host, or the mailbox alone when
// there is no host.
func (a *Address) Addr() string {
	if !a.Host.Valid || a.Host.Value == "" {
		return a.Mailbox.Value
	}
	return a.Mailbox.Value + "@" + a.Host.Value
}
