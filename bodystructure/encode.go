package bodystructure

import (
	"strings"

	"github.com/mailwire/imap/wire"
)

// maxEncodeDepth bounds the nesting EncodeBody follows, as MaxDepth bounds
// what a Decoder reads, so that a cyclic or absurdly deep value is refused
// instead of overflowing the stack.
const maxEncodeDepth = 1000

// EncodeBody writes b with e as a FETCH BODYSTRUCTURE value, with extension
// data where b has it, or, when extended is false, as the non-extensible
// BODY value. The output is canonical: strings are written as e chooses,
// the type of a multipart is not written, and extension data always
// includes every field up to the location.
//
// Values that have no valid wire form make e fail with an error wrapping
// wire.ErrUnrepresentable: a multipart without parts, a message/rfc822 part
// without envelope or body, a part nested deeper than 1000 levels.
func EncodeBody(e *wire.Encoder, b *Body, extended bool) *wire.Encoder {
	encodeBody(e, b, extended, 0)
	return e
}

// EncodeEnvelope writes env with e as a FETCH ENVELOPE value.
func EncodeEnvelope(e *wire.Encoder, env *Envelope) *wire.Encoder {
	if env == nil {
		return e.Refuse("envelope: nil")
	}
	e.ListStart().NString(env.Date).SP().NString(env.Subject)
	for _, l := range [...][]Address{env.From, env.Sender, env.ReplyTo, env.To, env.Cc, env.Bcc} {
		e.SP()
		encodeAddresses(e, l)
	}
	return e.SP().NString(env.InReplyTo).SP().NString(env.MessageID).ListEnd()
}

func encodeAddresses(e *wire.Encoder, as []Address) {
	if len(as) == 0 {
		e.NIL()
		return
	}
	e.ListStart()
	for i := range as {
		a := &as[i]
		e.ListStart().NString(a.Name).SP().NString(a.Adl).SP().
			NString(a.Mailbox).SP().NString(a.Host).ListEnd()
	}
	e.ListEnd()
}

func encodeBody(e *wire.Encoder, b *Body, extended bool, depth int) {
	switch {
	case e.Err() != nil:
		return
	case b == nil:
		e.Refuse("body: nil")
		return
	case depth > maxEncodeDepth:
		e.Refuse("body: nested too deep")
		return
	}
	e.ListStart()
	if b.Parts != nil {
		if len(b.Parts) == 0 {
			e.Refuse("body: a multipart without parts")
			return
		}
		for _, p := range b.Parts {
			encodeBody(e, p, extended, depth+1)
		}
		e.SP().String(b.Subtype)
		if extended && b.Ext != nil {
			e.SP()
			encodeParams(e, b.Params)
			encodeExtRest(e, b.Ext)
		}
		e.ListEnd()
		return
	}
	e.String(b.Type).SP().String(b.Subtype).SP()
	encodeParams(e, b.Params)
	e.SP().NString(b.ID).SP().NString(b.Description).SP().String(b.Encoding).
		SP().Number(b.Size)
	switch {
	case b.IsText():
		e.SP().Number64(b.Lines)
	case strings.EqualFold(b.Type, "MESSAGE") && strings.EqualFold(b.Subtype, "RFC822") ||
		b.IsMessage():
		if b.Envelope == nil || b.Part == nil {
			e.Refuse("body: a message/rfc822 part without envelope or body")
			return
		}
		e.SP()
		EncodeEnvelope(e, b.Envelope)
		e.SP()
		encodeBody(e, b.Part, extended, depth+1)
		e.SP().Number64(b.Lines)
	}
	if extended && b.Ext != nil {
		e.SP().NString(b.Ext.MD5)
		encodeExtRest(e, b.Ext)
	}
	e.ListEnd()
}

// encodeParams writes body-fld-param: NIL for none.
func encodeParams(e *wire.Encoder, ps []Param) {
	if len(ps) == 0 {
		e.NIL()
		return
	}
	e.ListStart()
	for i, p := range ps {
		if i > 0 {
			e.SP()
		}
		e.String(p.Name).SP().String(p.Value)
	}
	e.ListEnd()
}

// encodeExtRest writes SP body-fld-dsp SP body-fld-lang SP body-fld-loc
// *(SP body-extension).
func encodeExtRest(e *wire.Encoder, x *Extension) {
	e.SP()
	if d := x.Disposition; d == nil {
		e.NIL()
	} else {
		e.ListStart().String(d.Type).SP()
		encodeParams(e, d.Params)
		e.ListEnd()
	}
	e.SP()
	if len(x.Language) == 0 {
		e.NIL()
	} else {
		// Always a list, as Dovecot writes it, even for one tag.
		e.ListStart()
		for i, l := range x.Language {
			if i > 0 {
				e.SP()
			}
			e.String(l)
		}
		e.ListEnd()
	}
	e.SP().NString(x.Location)
	for i := range x.More {
		e.SP()
		encodeExtension(e, &x.More[i], 0)
	}
}

// encodeExtension writes a body-extension: a string, number, NIL, or a
// non-empty list of them.
func encodeExtension(e *wire.Encoder, v *wire.Value, depth int) {
	switch v.Kind {
	case wire.KindNIL:
		e.NIL()
	case wire.KindNumber:
		e.Number64(v.Num)
	case wire.KindString, wire.KindAtom:
		e.StringBytes(v.Bytes)
	case wire.KindList:
		if len(v.Items) == 0 {
			e.Refuse("body-extension: an empty list")
			return
		}
		if depth > maxEncodeDepth {
			e.Refuse("body-extension: nested too deep")
			return
		}
		e.ListStart()
		for i := range v.Items {
			if i > 0 {
				e.SP()
			}
			encodeExtension(e, &v.Items[i], depth+1)
		}
		e.ListEnd()
	default:
		e.Refuse("body-extension: a value of kind " + v.Kind.String())
	}
}
