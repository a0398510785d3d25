package bodystructure

import "slices"

// Equal reports whether b and c are the same body structure, field by field
// and part by part, in time linear in their size. Strings compare exactly,
// case included; a nil and an empty Params, Language or Parts compare
// equal only when both are absent (nil and empty Parts differ: the first
// is a single part).
func (b *Body) Equal(c *Body) bool {
	if b == nil || c == nil {
		return b == c
	}
	if b.Type != c.Type || b.Subtype != c.Subtype || b.ID != c.ID || b.Description != c.Description ||
		b.Encoding != c.Encoding || b.Size != c.Size || b.Lines != c.Lines ||
		!slices.Equal(b.Params, c.Params) || (b.Parts == nil) != (c.Parts == nil) ||
		len(b.Parts) != len(c.Parts) || !b.Envelope.Equal(c.Envelope) || !b.Part.Equal(c.Part) ||
		!b.Ext.Equal(c.Ext) {
		return false
	}
	for i := range b.Parts {
		if !b.Parts[i].Equal(c.Parts[i]) {
			return false
		}
	}
	return true
}

// Equal reports whether x and y hold the same extension data.
func (x *Extension) Equal(y *Extension) bool {
	if x == nil || y == nil {
		return x == y
	}
	if x.MD5 != y.MD5 || x.Location != y.Location || !slices.Equal(x.Language, y.Language) ||
		(x.Disposition == nil) != (y.Disposition == nil) || len(x.More) != len(y.More) {
		return false
	}
	if x.Disposition != nil && (x.Disposition.Type != y.Disposition.Type ||
		!slices.Equal(x.Disposition.Params, y.Disposition.Params)) {
		return false
	}
	for i := range x.More {
		if !x.More[i].Equal(&y.More[i]) {
			return false
		}
	}
	return true
}

// Equal reports whether e and f are the same envelope.
func (e *Envelope) Equal(f *Envelope) bool {
	if e == nil || f == nil {
		return e == f
	}
	return e.Date == f.Date && e.Subject == f.Subject && e.InReplyTo == f.InReplyTo &&
		e.MessageID == f.MessageID && slices.Equal(e.From, f.From) &&
		slices.Equal(e.Sender, f.Sender) && slices.Equal(e.ReplyTo, f.ReplyTo) &&
		slices.Equal(e.To, f.To) && slices.Equal(e.Cc, f.Cc) && slices.Equal(e.Bcc, f.Bcc)
}
