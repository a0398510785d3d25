package bodystructure

import (
	"math"
	"strings"

	"github.com/mailwire/imap/wire"
)

// ReadBody reads a body (RFC 9051 §9: body), the value of a FETCH
// BODYSTRUCTURE or BODY item, at the decoder's position. The space before it
// is the caller's to read; one is accepted.
//
// In lenient mode (the decoder's default) the body-field deviations that
// real servers send are accepted, repaired and reported as quirks with
// their offsets:
//
//   - wire.QuirkNegativeNumber: "-1" as a size or line count, read as 0;
//   - wire.QuirkNILString: NIL where a string belongs (type, subtype,
//     encoding, parameter, disposition type, language), read as "";
//   - wire.QuirkMissingBodyFields: a text part without its line count (read
//     as 0), a message/rfc822 part without envelope, body or line count
//     (read as an empty envelope, the empty text/plain body that Dovecot
//     uses, and 0);
//   - wire.QuirkEmptyMultipart: a multipart without parts, given the empty
//     text/plain body as its one part;
//   - wire.QuirkDispositionAsBody: ("ATTACHMENT" (...)) where a body part
//     belongs, read as an application/octet-stream part with that
//     disposition;
//   - wire.QuirkExtraSpace: spaces between the parts of a multipart.
//
// In strict mode each is a *wire.SyntaxError naming the quirk. What ReadBody
// returns always encodes, and decodes again to the same value. Nesting is
// bounded by the decoder's MaxDepth.
func ReadBody(d *wire.Decoder) (*Body, error) {
	p := parser{d: d}
	if b, ok := p.fastBody(); ok {
		return b, nil
	}
	return p.body()
}

// ReadEnvelope reads an envelope (RFC 9051 §9: envelope), the value of a
// FETCH ENVELOPE item, at the decoder's position. The space before it is
// the caller's to read; one is accepted. In lenient mode spaces between the
// addresses of an address list (outlook.com) are reported as
// wire.QuirkNoAddressSpace.
func ReadEnvelope(d *wire.Decoder) (*Envelope, error) {
	p := parser{d: d}
	if e, ok := p.fastEnvelope(); ok {
		return e, nil
	}
	return p.envelope(true)
}

// parser reads body structures token by token with one token of lookahead.
// Token bytes are views into the decoder's buffer, so a peeked token is
// consumed before the decoder is called again.
type parser struct {
	d   *wire.Decoder
	tok wire.Token
	has bool
	a   *Arena // memory for the values; nil to allocate them one by one
	own *Arena // the list stacks of a call without an arena
}

// peek returns the next token without consuming it. The token is valid
// until the next call of peek or next.
func (p *parser) peek() (*wire.Token, error) {
	if !p.has {
		var err error
		if p.tok, err = p.d.ReadToken(); err != nil {
			return &p.tok, err
		}
		p.has = true
	}
	return &p.tok, nil
}

// next consumes the next token and returns it, valid until the next call of
// peek or next.
func (p *parser) next() (*wire.Token, error) {
	t, err := p.peek()
	p.has = false
	return t, err
}

func (p *parser) failf(t *wire.Token, rule, format string, args ...any) error {
	return p.d.Failf(t.Offset, rule, format, args...)
}

// item reads the next token, which must be preceded by a space (sp) or not.
func (p *parser) item(sp bool, rule string) (*wire.Token, error) {
	t, err := p.next()
	if err != nil {
		return t, err
	}
	if sp && !t.Space() {
		if t.Kind == wire.KindListEnd || t.Kind == wire.KindEOL {
			return t, p.failf(t, rule, "expected SP %s, found %s", rule, t.Kind)
		}
		return t, p.failf(t, rule, "expected a space before %s", t.Kind)
	}
	return t, nil
}

// more reports whether another item follows in the current list, consuming
// the ")" if not.
func (p *parser) more(rule string) (bool, error) {
	t, err := p.peek()
	if err != nil {
		return false, err
	}
	if t.Kind == wire.KindListEnd {
		p.has = false
		return false, nil
	}
	if !t.Space() {
		return false, p.failf(t, rule, "expected SP or ')', found %s", t.Kind)
	}
	return true, nil
}

// end reads the ")" that must close the current list.
func (p *parser) end(rule string) error {
	t, err := p.next()
	if err != nil {
		return err
	}
	if t.Kind != wire.KindListEnd {
		return p.failf(t, rule, "expected ')', found %s", t.Kind)
	}
	return nil
}

func (p *parser) open(t *wire.Token, rule string) error {
	if t.Kind != wire.KindListStart {
		return p.failf(t, rule, "expected '(', found %s", t.Kind)
	}
	return nil
}

// str reads a string; NIL is accepted as "" with QuirkNILString.
func (p *parser) str(sp bool, rule string) (string, error) {
	t, err := p.item(sp, rule)
	if err != nil {
		return "", err
	}
	return p.strTok(t, rule)
}

func (p *parser) strTok(t *wire.Token, rule string) (string, error) {
	switch t.Kind {
	case wire.KindString:
		return p.string(t.Bytes()), nil
	case wire.KindNIL:
		return "", p.d.Quirk(wire.QuirkNILString, t.Offset, rule)
	}
	return "", p.failf(t, rule, "expected a string, found %s", t.Kind)
}

// nstr reads an nstring.
func (p *parser) nstr(sp bool, rule string) (wire.NString, error) {
	t, err := p.item(sp, rule)
	if err != nil {
		return wire.NString{}, err
	}
	return p.nstrTok(t, rule)
}

func (p *parser) nstrTok(t *wire.Token, rule string) (wire.NString, error) {
	switch t.Kind {
	case wire.KindString:
		return wire.Str(p.string(t.Bytes())), nil
	case wire.KindNIL:
		return wire.NString{}, nil
	}
	return wire.NString{}, p.failf(t, rule, "expected a string or NIL, found %s", t.Kind)
}

// number reads a number no larger than max; "-1" and other negative
// numbers are 0 with QuirkNegativeNumber.
func (p *parser) number(t *wire.Token, max uint64, rule string) (uint64, error) {
	switch t.Kind {
	case wire.KindNumber:
		if n := t.Number(); n <= max {
			return n, nil
		}
		return 0, p.failf(t, rule, "number %s out of range", t.Bytes())
	case wire.KindAtom:
		if b := t.Bytes(); len(b) > 1 && b[0] == '-' && allDigits(b[1:]) {
			return 0, p.d.Quirk(wire.QuirkNegativeNumber, t.Offset, rule)
		}
	}
	return 0, p.failf(t, rule, "expected a number, found %s", t.Kind)
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// isNumberTok reports whether t is a number, or a negative one (a quirk).
func isNumberTok(t *wire.Token) bool {
	if t.Kind == wire.KindNumber {
		return true
	}
	b := t.Bytes()
	return t.Kind == wire.KindAtom && len(b) > 1 && b[0] == '-' && allDigits(b[1:])
}

// body reads "(" body-type-1part / body-type-mpart ")".
func (p *parser) body() (*Body, error) {
	t, err := p.next()
	if err != nil {
		return nil, err
	}
	if err := p.open(t, "body"); err != nil {
		return nil, err
	}
	first, err := p.peek()
	if err != nil {
		return nil, err
	}
	if first.Kind == wire.KindListStart {
		return p.multipart()
	}
	return p.single()
}

// multipart reads the rest of body-type-mpart after its "(".
func (p *parser) multipart() (*Body, error) {
	b := p.newBody()
	b.Type = "MULTIPART"
	st := p.stacks()
	start := len(st.partStack)
	for {
		t, err := p.peek()
		if err != nil {
			return nil, err
		}
		if t.Kind != wire.KindListStart {
			break
		}
		if t.Space() && len(st.partStack) > start {
			if err := p.d.Quirk(wire.QuirkExtraSpace, t.Offset-1, "body-type-mpart"); err != nil {
				return nil, err
			}
		}
		part, err := p.body()
		if err != nil {
			return nil, err
		}
		st.partStack = append(st.partStack, part)
	}
	b.Parts = collect(&st.partStack, start, &st.parts, partBlock, p.a)
	var err error
	if b.Subtype, err = p.str(true, "media-subtype"); err != nil {
		return nil, err
	}
	return b, p.extMultipart(b)
}

// extMultipart reads [SP body-ext-mpart] ")".
func (p *parser) extMultipart(b *Body) error {
	ok, err := p.more("body-ext-mpart")
	if err != nil || !ok {
		return err
	}
	t, err := p.item(true, "body-fld-param")
	if err != nil {
		return err
	}
	if b.Params, err = p.params(t); err != nil {
		return err
	}
	b.Ext = p.newExtension()
	return p.extRest(b.Ext)
}

// single reads the rest of body-type-1part after its "(".
func (p *parser) single() (*Body, error) {
	b := p.newBody()
	t, err := p.item(false, "media-type")
	if err != nil {
		return nil, err
	}
	if b.Type, err = p.strTok(t, "media-type"); err != nil {
		return nil, err
	}
	t, err = p.next()
	if err != nil {
		return nil, err
	}
	if t.Kind == wire.KindListStart || t.Kind == wire.KindListEnd {
		p.has = true // put it back
		return p.oddSingle(b.Type, t)
	}
	if !t.Space() {
		return nil, p.failf(t, "media-subtype", "expected a space before %s", t.Kind)
	}
	if b.Subtype, err = p.strTok(t, "media-subtype"); err != nil {
		return nil, err
	}
	if err := p.fields(b); err != nil {
		return nil, err
	}
	switch {
	case b.IsText():
		t, err := p.peek()
		if err != nil {
			return nil, err
		}
		if t.Space() && isNumberTok(t) {
			p.has = false
			if b.Lines, err = p.number(t, math.MaxUint64, "body-fld-lines"); err != nil {
				return nil, err
			}
		} else if err := p.d.Quirk(wire.QuirkMissingBodyFields, t.Offset, "body-type-text"); err != nil {
			return nil, err
		}
	case strings.EqualFold(b.Type, "MESSAGE") &&
		(strings.EqualFold(b.Subtype, "RFC822") || strings.EqualFold(b.Subtype, "GLOBAL")):
		if err := p.message(b); err != nil {
			return nil, err
		}
	}
	ok, err := p.more("body-ext-1part")
	if err != nil || !ok {
		return b, err
	}
	b.Ext = p.newExtension()
	if b.Ext.MD5, err = p.nstr(true, "body-fld-md5"); err != nil {
		return nil, err
	}
	return b, p.extRest(b.Ext)
}

// oddSingle reads a list that starts with a string not followed by a
// subtype: a multipart without parts, or a disposition where a body part
// belongs.
func (p *parser) oddSingle(name string, t *wire.Token) (*Body, error) {
	if strings.EqualFold(name, "ATTACHMENT") || strings.EqualFold(name, "INLINE") {
		if err := p.d.Quirk(wire.QuirkDispositionAsBody, t.Offset, "body"); err != nil {
			return nil, err
		}
		dsp := &Disposition{Type: name}
		if t.Kind == wire.KindListStart {
			p.has = false
			if !t.Space() {
				return nil, p.failf(t, "body-fld-dsp", "expected a space before %s", t.Kind)
			}
			var err error
			if dsp.Params, err = p.params(t); err != nil {
				return nil, err
			}
		}
		if err := p.end("body-fld-dsp"); err != nil {
			return nil, err
		}
		return &Body{Type: "APPLICATION", Subtype: "OCTET-STREAM", Encoding: "7BIT",
			Ext: &Extension{Disposition: dsp}}, nil
	}
	if err := p.d.Quirk(wire.QuirkEmptyMultipart, t.Offset, "body-type-mpart"); err != nil {
		return nil, err
	}
	b := &Body{Type: "MULTIPART", Subtype: name, Parts: []*Body{emptyBody()}}
	return b, p.extMultipart(b)
}

// emptyBody returns the body Dovecot gives a part that has none.
func emptyBody() *Body {
	return &Body{Type: "text", Subtype: "plain", Params: []Param{{"charset", "us-ascii"}}, Encoding: "7bit"}
}

// fields reads SP body-fields.
func (p *parser) fields(b *Body) error {
	t, err := p.item(true, "body-fld-param")
	if err != nil {
		return err
	}
	if b.Params, err = p.params(t); err != nil {
		return err
	}
	if b.ID, err = p.nstr(true, "body-fld-id"); err != nil {
		return err
	}
	if b.Description, err = p.nstr(true, "body-fld-desc"); err != nil {
		return err
	}
	if b.Encoding, err = p.str(true, "body-fld-enc"); err != nil {
		return err
	}
	if t, err = p.item(true, "body-fld-octets"); err != nil {
		return err
	}
	n, err := p.number(t, math.MaxUint32, "body-fld-octets")
	b.Size = uint32(n)
	return err
}

// message reads SP envelope SP body SP body-fld-lines of a message/rfc822
// or message/global part, if the envelope is there.
func (p *parser) message(b *Body) error {
	t, err := p.peek()
	if err != nil {
		return err
	}
	if t.Kind != wire.KindListStart || !t.Space() {
		if strings.EqualFold(b.Subtype, "GLOBAL") {
			return nil // the basic form of RFC 3501
		}
		if err := p.d.Quirk(wire.QuirkMissingBodyFields, t.Offset, "body-type-msg"); err != nil {
			return err
		}
		b.Envelope, b.Part = &Envelope{}, emptyBody()
		return nil
	}
	if b.Envelope, err = p.envelope(false); err != nil {
		return err
	}
	t, err = p.peek()
	if err != nil {
		return err
	}
	if t.Kind != wire.KindListStart {
		if err := p.d.Quirk(wire.QuirkMissingBodyFields, t.Offset, "body-type-msg"); err != nil {
			return err
		}
		b.Part = emptyBody()
		return nil
	}
	if !t.Space() {
		return p.failf(t, "body", "expected a space before %s", t.Kind)
	}
	if b.Part, err = p.body(); err != nil {
		return err
	}
	t, err = p.peek()
	if err != nil {
		return err
	}
	if t.Space() && isNumberTok(t) {
		p.has = false
		b.Lines, err = p.number(t, math.MaxUint64, "body-fld-lines")
		return err
	}
	return p.d.Quirk(wire.QuirkMissingBodyFields, t.Offset, "body-type-msg")
}

// params reads body-fld-param starting with t: NIL or a list of name and
// value pairs.
func (p *parser) params(t *wire.Token) ([]Param, error) {
	if t.Kind == wire.KindNIL {
		return nil, nil
	}
	if err := p.open(t, "body-fld-param"); err != nil {
		return nil, err
	}
	st := p.stacks()
	start := len(st.paramStack)
	for sp := false; ; sp = true {
		if len(st.paramStack) > start {
			ok, err := p.more("body-fld-param")
			if err != nil {
				return nil, err
			}
			if !ok {
				return collect(&st.paramStack, start, &st.params, paramBlock, p.a), nil
			}
		}
		name, err := p.str(sp, "body-fld-param")
		if err != nil {
			return nil, err
		}
		value, err := p.str(true, "body-fld-param")
		if err != nil {
			return nil, err
		}
		st.paramStack = append(st.paramStack, Param{name, value})
	}
}

// extRest reads the part of the extension data after body-fld-md5 or
// body-fld-param: [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc
// *(SP body-extension)]]] ")".
func (p *parser) extRest(x *Extension) error {
	ok, err := p.more("body-fld-dsp")
	if err != nil || !ok {
		return err
	}
	t, err := p.item(true, "body-fld-dsp")
	if err != nil {
		return err
	}
	if t.Kind != wire.KindNIL {
		if err := p.open(t, "body-fld-dsp"); err != nil {
			return err
		}
		x.Disposition = p.newDisposition()
		if x.Disposition.Type, err = p.str(false, "body-fld-dsp"); err != nil {
			return err
		}
		t, err := p.item(true, "body-fld-param")
		if err != nil {
			return err
		}
		if x.Disposition.Params, err = p.params(t); err != nil {
			return err
		}
		if err := p.end("body-fld-dsp"); err != nil {
			return err
		}
	}
	if ok, err = p.more("body-fld-lang"); err != nil || !ok {
		return err
	}
	if t, err = p.item(true, "body-fld-lang"); err != nil {
		return err
	}
	switch t.Kind {
	case wire.KindNIL:
	case wire.KindString:
		st := p.stacks()
		st.strStack = append(st.strStack[:0], p.string(t.Bytes()))
		x.Language = collect(&st.strStack, 0, &st.strs, strBlock, p.a)
	default:
		if err := p.open(t, "body-fld-lang"); err != nil {
			return err
		}
		st := p.stacks()
		st.strStack = st.strStack[:0]
		for sp := false; ; sp = true {
			s, err := p.str(sp, "body-fld-lang")
			if err != nil {
				return err
			}
			st.strStack = append(st.strStack, s)
			if ok, err := p.more("body-fld-lang"); err != nil {
				return err
			} else if !ok {
				break
			}
		}
		x.Language = collect(&st.strStack, 0, &st.strs, strBlock, p.a)
	}
	if ok, err = p.more("body-fld-loc"); err != nil || !ok {
		return err
	}
	if x.Location, err = p.nstr(true, "body-fld-loc"); err != nil {
		return err
	}
	for {
		if ok, err = p.more("body-extension"); err != nil || !ok {
			return err
		}
		t, err := p.item(true, "body-extension")
		if err != nil {
			return err
		}
		v, err := p.extension(t)
		if err != nil {
			return err
		}
		x.More = append(x.More, v)
	}
}

// extension reads a body-extension starting with t.
func (p *parser) extension(t *wire.Token) (wire.Value, error) {
	v := wire.Value{Kind: t.Kind}
	switch t.Kind {
	case wire.KindNIL:
	case wire.KindString:
		v.Bytes = append([]byte{}, t.Bytes()...)
	case wire.KindNumber:
		v.Num = t.Number()
	case wire.KindListStart:
		v.Kind = wire.KindList
		for sp := false; ; sp = true {
			if sp {
				if ok, err := p.more("body-extension"); err != nil {
					return v, err
				} else if !ok {
					break
				}
			}
			t, err := p.item(sp, "body-extension")
			if err != nil {
				return v, err
			}
			w, err := p.extension(t)
			if err != nil {
				return v, err
			}
			v.Items = append(v.Items, w)
		}
	default:
		return v, p.failf(t, "body-extension", "expected a string, number, NIL or list, found %s", t.Kind)
	}
	return v, nil
}

// envelope reads an envelope. first says whether it is the first item the
// caller asked for, which may follow a space or not.
func (p *parser) envelope(first bool) (*Envelope, error) {
	t, err := p.item(!first, "envelope")
	if err != nil {
		return nil, err
	}
	if err := p.open(t, "envelope"); err != nil {
		return nil, err
	}
	e := p.newEnvelope()
	if e.Date, err = p.nstr(false, "env-date"); err != nil {
		return nil, err
	}
	if e.Subject, err = p.nstr(true, "env-subject"); err != nil {
		return nil, err
	}
	for _, l := range []*[]Address{&e.From, &e.Sender, &e.ReplyTo, &e.To, &e.Cc, &e.Bcc} {
		if *l, err = p.addresses(); err != nil {
			return nil, err
		}
	}
	if e.InReplyTo, err = p.nstr(true, "env-in-reply-to"); err != nil {
		return nil, err
	}
	if e.MessageID, err = p.nstr(true, "env-message-id"); err != nil {
		return nil, err
	}
	return e, p.end("envelope")
}

// addresses reads SP and an address list: NIL or "(" 1*address ")".
func (p *parser) addresses() ([]Address, error) {
	t, err := p.item(true, "address")
	if err != nil {
		return nil, err
	}
	if t.Kind == wire.KindNIL {
		return nil, nil
	}
	if err := p.open(t, "address"); err != nil {
		return nil, err
	}
	st := p.stacks()
	start := len(st.addrStack)
	for {
		t, err := p.next()
		if err != nil {
			return nil, err
		}
		if t.Kind == wire.KindListEnd && len(st.addrStack) > start {
			return collect(&st.addrStack, start, &st.addrs, addrBlock, p.a), nil
		}
		if err := p.open(t, "address"); err != nil {
			return nil, err
		}
		if t.Space() {
			if len(st.addrStack) == start {
				// "( (" was reported by the decoder as an extra space.
			} else if err := p.d.Quirk(wire.QuirkNoAddressSpace, t.Offset-1, "address"); err != nil {
				return nil, err
			}
		}
		var a Address
		if a.Name, err = p.nstr(false, "addr-name"); err != nil {
			return nil, err
		}
		if a.Adl, err = p.nstr(true, "addr-adl"); err != nil {
			return nil, err
		}
		if a.Mailbox, err = p.nstr(true, "addr-mailbox"); err != nil {
			return nil, err
		}
		if a.Host, err = p.nstr(true, "addr-host"); err != nil {
			return nil, err
		}
		if err := p.end("address"); err != nil {
			return nil, err
		}
		st.addrStack = append(st.addrStack, a)
	}
}
