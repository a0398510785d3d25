package response

import (
	"github.com/mailwire/imap/bodystructure"
	"github.com/mailwire/imap/wire"
)

// A GenURLAuth holds the authorized URLs a GENURLAUTH command generated
// (RFC 4467 §8), one for each URL and mechanism the command named, in the
// same order.
//
//	S: * GENURLAUTH "imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred:internal:91354a473744909de610943775f92038"
//
// The URLs are astrings (url-full); an Encoder writes them as atoms when
// they can be, like every astring.
type GenURLAuth struct {
	// URLs are the authorized URLs; at least one.
	URLs []string
}

// Kind returns "GENURLAUTH".
func (g *GenURLAuth) Kind() string { return "GENURLAUTH" }

// A URLFetch holds the data of the URLs a URLFETCH command asked for (RFC
// 4467 §8), in the order of the command.
//
//	S: * URLFETCH "imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred:internal:91354a473744909de610943775f92038" {28}
//	S: Si vis pacem, para bellum.
//
// With URLAUTH=BINARY (RFC 5524 §3.2) the data of a URL may instead be
// parenthesised metadata items, such as "(BODYPARTSTRUCTURE (...))
// (BINARY ~{123}...)", kept in Metadata.
type URLFetch struct {
	// Items are the URLs and their data; at least one.
	Items []URLFetchItem
}

// A URLFetchItem is one URL of a URLFETCH response and its data.
type URLFetchItem struct {
	// URL is the URL as the command gave it.
	URL string
	// Data is the data the URL refers to, or NIL when the URL is not valid
	// for any reason (RFC 4467 §8). It is always NIL when Metadata is set.
	Data wire.NString
	// Metadata are the metadata items of RFC 5524's extended form
	// (urldata-ext), in the order sent, or nil for the plain form.
	Metadata []URLFetchMetadata
}

// A URLFetchMetadata is one metadata item of RFC 5524 §3.2: its name in
// upper case ("BODYPARTSTRUCTURE", "BODY", "BINARY" or another atom) and
// its value, kept as a generic value (a body structure list, an nstring
// or a literal8).
//
//	url-metadata-el = "BODYPARTSTRUCTURE" SP body / "BODY" SP nstring /
//	                  "BINARY" SP (nstring / literal8)
type URLFetchMetadata struct {
	Name string
	// Body is the value of BODYPARTSTRUCTURE.
	Body *bodystructure.Body
	// Data is the value of BODY and BINARY: the part's content, or NIL.
	Data wire.NString
	// Value is the value of an item of any other name, kept generic.
	Value wire.Value
}

// Kind returns "URLFETCH".
func (u *URLFetch) Kind() string { return "URLFETCH" }

// readGenURLAuth reads genurlauth-data after its name (RFC 4467 §9):
//
//	genurlauth-data = "*" SP "GENURLAUTH" 1*(SP url-full)
//	url-full        = astring
func readGenURLAuth(d *Decoder) (Response, error) {
	w := d.w
	g := &GenURLAuth{}
	for {
		if more, err := d.another(); !more || err != nil {
			if err == nil && len(g.URLs) == 0 {
				err = w.Failf(w.Offset(), "genurlauth-data", "expected a URL")
			}
			return g, err
		}
		u, err := w.ReadAString()
		if err != nil {
			return nil, err
		}
		g.URLs = append(g.URLs, string(u))
	}
}

// readURLFetch reads urlfetch-data after its name (RFC 4467 §9, with the
// extended form of RFC 5524 §5):
//
//	urlfetch-data  = "*" SP "URLFETCH" 1*(SP (urldata-simple / urldata-ext))
//	urldata-simple = url-full SP nstring
//	urldata-ext    = url-full 1*(SP "(" url-metadata-el ")")
//
// A "(" after a space always starts a metadata item, since a URL, an
// astring, cannot start with one.
func readURLFetch(d *Decoder) (Response, error) {
	w := d.w
	u := &URLFetch{}
	for {
		if more, err := d.another(); !more || err != nil {
			if err == nil && len(u.Items) == 0 {
				err = w.Failf(w.Offset(), "urlfetch-data", "expected a URL")
			}
			return u, err
		}
		if n := len(u.Items); n > 0 && u.Items[n-1].Metadata != nil {
			// Another metadata item of the same URL, or the next URL.
			c, err := w.Peek()
			if err != nil {
				return nil, err
			}
			if c == '(' {
				if u.Items[n-1].Metadata, err = d.readURLFetchMetadata(u.Items[n-1].Metadata); err != nil {
					return nil, err
				}
				continue
			}
		}
		url, err := w.ReadAString()
		if err != nil {
			return nil, err
		}
		it := URLFetchItem{URL: string(url)}
		if err := w.SP(); err != nil {
			return nil, err
		}
		c, err := w.Peek()
		if err != nil {
			return nil, err
		}
		if c == '(' {
			if it.Metadata, err = d.readURLFetchMetadata(nil); err != nil {
				return nil, err
			}
		} else if it.Data, err = w.ReadNStringValue(); err != nil {
			return nil, err
		}
		u.Items = append(u.Items, it)
	}
}

// readURLFetchMetadata reads "(" url-metadata-el ")": a name, a space and
// a value. Further items in the same group, as Dovecot sends them, are
// wire.QuirkGroupedMetadata, and are read into more.
func (d *Decoder) readURLFetchMetadata(more []URLFetchMetadata) ([]URLFetchMetadata, error) {
	w := d.w
	const rule = "url-metadata-el"
	if err := w.ListStart(); err != nil {
		return nil, err
	}
	for i := 0; ; i++ {
		if i > 0 {
			off := w.Offset()
			if end, err := w.ListEnd(); err != nil || end {
				return more, err
			}
			if err := w.SP(); err != nil {
				return nil, err
			}
			if i == 1 {
				if err := w.Quirk(wire.QuirkGroupedMetadata, off+1, rule); err != nil {
					return nil, err
				}
			}
		}
		var md URLFetchMetadata
		off := w.Offset()
		name, err := w.ReadAtom()
		if err != nil {
			return nil, err
		}
		if !isAtom(name) {
			return nil, w.Failf(off, rule, "expected a metadata item name")
		}
		md.Name = upperString(name)
		if err := w.SP(); err != nil {
			return nil, err
		}
		switch md.Name {
		case "BODYPARTSTRUCTURE":
			md.Body, err = d.arena.ReadBody(w)
		case "BODY", "BINARY":
			var t wire.Token
			if t, err = w.ReadToken(); err != nil {
				return nil, err
			}
			switch {
			case t.Kind == wire.KindNIL:
			case t.Kind == wire.KindString && (!t.Binary() || md.Name == "BINARY"):
				md.Data = wire.Str(string(t.Bytes()))
			default:
				return nil, w.Failf(t.Offset, rule, "expected the data of %s, found %s", md.Name, t.Kind)
			}
		default:
			md.Value, err = w.ReadValue()
		}
		if err != nil {
			return nil, err
		}
		more = append(more, md)
	}
}

func (g *GenURLAuth) encode(e *wire.Encoder) {
	if len(g.URLs) == 0 {
		e.Refuse("a GENURLAUTH response without URLs")
		return
	}
	e.Atom("GENURLAUTH")
	for _, u := range g.URLs {
		e.SP().AString(u)
	}
}

func (u *URLFetch) encode(e *wire.Encoder) {
	if len(u.Items) == 0 {
		e.Refuse("a URLFETCH response without URLs")
		return
	}
	e.Atom("URLFETCH")
	for _, it := range u.Items {
		e.SP().AString(it.URL).SP()
		if len(it.Metadata) == 0 {
			e.NString(it.Data)
			continue
		}
		if it.Data.Valid {
			e.Refuse("a URLFETCH item with both data and metadata")
			return
		}
		for i, md := range it.Metadata {
			if i > 0 {
				e.SP()
			}
			name := upperString([]byte(md.Name))
			e.ListStart().Atom(name).SP()
			switch {
			case name == "BODYPARTSTRUCTURE":
				if md.Data.Valid || md.Value.Kind != wire.KindInvalid {
					e.Refuse("URLFETCH BODYPARTSTRUCTURE with data")
					return
				}
				bodystructure.EncodeBody(e, md.Body, true)
			case name == "BODY" || name == "BINARY":
				switch {
				case md.Body != nil || md.Value.Kind != wire.KindInvalid:
					e.Refuse("URLFETCH " + name + " with a body structure or a generic value")
					return
				case !md.Data.Valid:
					e.NIL()
				case name == "BINARY":
					e.Literal([]byte(md.Data.Value)) // a literal8 if it holds a NUL
				default:
					// Message data is a literal, as for FETCH sections,
					// with a NUL as lenient decoding read it.
					e.LiteralNUL([]byte(md.Data.Value))
				}
			default:
				if md.Value.Kind == wire.KindText || md.Value.Kind == wire.KindInvalid ||
					md.Body != nil || md.Data.Valid {
					e.Refuse("URLFETCH metadata " + name + " without a generic value")
					return
				}
				md.Value.Encode(e)
			}
			e.ListEnd()
		}
	}
}

// hasUnknown reports whether the response holds metadata items of kinds
// this package does not know, kept as generic values.
func (r *URLFetch) hasUnknown() bool {
	for i := range r.Items {
		for _, md := range r.Items[i].Metadata {
			switch md.Name {
			case "BODYPARTSTRUCTURE", "BODY", "BINARY":
			default:
				return true
			}
		}
	}
	return false
}
