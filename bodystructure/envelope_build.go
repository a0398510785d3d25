package bodystructure

import "github.com/mailwire/imap/wire"

// This file computes an ENVELOPE from header fields the way Dovecot 2.3
// does (lib-mail message-address.c and message-part-data.c). Broken address
// lists degrade into placeholder values rather than errors: a missing local
// part is "MISSING_MAILBOX", a missing domain "MISSING_DOMAIN", an angle
// address that does not parse has the domain "SYNTAX_ERROR", and a source
// route that does not parse is "INVALID_ROUTE".

// Placeholders Dovecot writes for the parts of an address it could not find.
const (
	missingMailbox = "MISSING_MAILBOX"
	missingDomain  = "MISSING_DOMAIN"
	syntaxError    = "SYNTAX_ERROR"
	invalidRoute   = "INVALID_ROUTE"
)

// envelopeFields accumulates the envelope header fields of one message
// header. The string fields are the last occurrence's value; the address
// fields hold the addresses of every occurrence, in order, as if the
// fields had been one comma-separated list.
type envelopeFields struct {
	date, subject, inReplyTo, messageID *string

	from, sender, replyTo, to, cc, bcc []Address
}

// header handles one complete header field of the envelope.
func (e *envelopeFields) header(name string, v []byte) {
	str := func(p **string) {
		s := headerString(v)
		*p = &s
	}
	switch {
	case equalFoldASCII(name, "Date"):
		str(&e.date)
	case equalFoldASCII(name, "Subject"):
		str(&e.subject)
	case equalFoldASCII(name, "Message-ID"):
		str(&e.messageID)
	case equalFoldASCII(name, "In-Reply-To"):
		str(&e.inReplyTo)
	case equalFoldASCII(name, "From"):
		e.from = parseAddressList(e.from, v)
	case equalFoldASCII(name, "Sender"):
		e.sender = parseAddressList(e.sender, v)
	case equalFoldASCII(name, "Reply-To"):
		e.replyTo = parseAddressList(e.replyTo, v)
	case equalFoldASCII(name, "To"):
		e.to = parseAddressList(e.to, v)
	case equalFoldASCII(name, "Cc"):
		e.cc = parseAddressList(e.cc, v)
	case equalFoldASCII(name, "Bcc"):
		e.bcc = parseAddressList(e.bcc, v)
	}
}

func isEnvelopeField(name string) bool {
	switch len(name) {
	case 2:
		return equalFoldASCII(name, "To") || equalFoldASCII(name, "Cc")
	case 3:
		return equalFoldASCII(name, "Bcc")
	case 4:
		return equalFoldASCII(name, "Date") || equalFoldASCII(name, "From")
	case 6:
		return equalFoldASCII(name, "Sender")
	case 7:
		return equalFoldASCII(name, "Subject")
	case 8:
		return equalFoldASCII(name, "Reply-To")
	case 10:
		return equalFoldASCII(name, "Message-ID")
	case 11:
		return equalFoldASCII(name, "In-Reply-To")
	}
	return false
}

// envelope returns the Envelope as Dovecot writes it: Sender and Reply-To
// fall back to From when they have no address.
func (e *envelopeFields) envelope() *Envelope {
	ns := func(p *string, f func([]byte) string) wire.NString {
		if p == nil {
			return wire.NString{}
		}
		return wire.Str(f([]byte(*p)))
	}
	env := &Envelope{
		Date:      ns(e.date, noLF),
		Subject:   ns(e.subject, forHumans),
		From:      e.from,
		Sender:    e.sender,
		ReplyTo:   e.replyTo,
		To:        e.to,
		Cc:        e.cc,
		Bcc:       e.bcc,
		InReplyTo: ns(e.inReplyTo, noLF),
		MessageID: ns(e.messageID, noLF),
	}
	if env.Sender == nil {
		env.Sender = env.From
	}
	if env.ReplyTo == nil {
		env.ReplyTo = env.From
	}
	return env
}

// addrParser parses an address list (RFC 5322 §3.4 with the obsolete
// syntax) into envelope addresses.
type addrParser struct {
	l    lexer
	out  []Address
	cur  addr
	work []byte
}

// addr is an address being parsed; nil fields are absent.
type addr struct {
	name, route, mailbox, domain *string
	invalid                      bool
}

func sp(s string) *string { return &s }

func (p *addrParser) add() {
	ns := func(s *string) wire.NString {
		if s == nil {
			return wire.NString{}
		}
		return wire.Str(*s)
	}
	a := Address{Adl: ns(p.cur.route), Mailbox: ns(p.cur.mailbox), Host: ns(p.cur.domain)}
	if p.cur.name != nil {
		a.Name = wire.Str(forHumans([]byte(*p.cur.name)))
	}
	p.out = append(p.out, a)
	p.cur = addr{}
}

// addFixed adds the current address with placeholders for a missing local
// part or domain.
func (p *addrParser) addFixed() {
	if p.cur.mailbox == nil {
		p.cur.mailbox = sp(missingMailbox)
	}
	if p.cur.domain == nil || *p.cur.domain == "" {
		p.cur.domain = sp(missingDomain)
	}
	p.add()
}

// parseAddressList appends the addresses of the header value v to dst.
func parseAddressList(dst []Address, v []byte) []Address {
	p := addrParser{l: lexer{s: v, trackComments: true, nul: true}, out: dst}
	if p.l.skipCFWS() <= 0 {
		return p.out
	}
	for {
		r := p.address()
		if r == 0 {
			break
		}
		if !p.l.more() || p.l.cur() != ',' {
			break
		}
		p.l.i++
		if r = p.l.skipCFWS(); r <= 0 {
			if r < 0 {
				p.addFixed()
			}
			break
		}
	}
	return p.out
}

func (p *addrParser) address() int {
	start := p.l.i
	r := p.group()
	if r < 0 {
		p.l.i = start
		r = p.mailbox()
	}
	return r
}

func (p *addrParser) group() int {
	var r int
	p.work, r = p.l.phrase(p.work[:0])
	if r <= 0 || p.l.cur() != ':' {
		return -1
	}
	p.l.i++
	r = p.l.skipCFWS()
	p.cur.mailbox = sp(string(p.work))
	p.add()
	if r > 0 && p.l.cur() != ';' {
		for {
			p.mailbox()
			if !p.l.more() || p.l.cur() != ',' {
				break
			}
			p.l.i++
			if p.l.skipCFWS() <= 0 {
				r = -1
				break
			}
		}
	}
	if r >= 0 {
		if !p.l.more() || p.l.cur() != ';' {
			r = -1
		} else {
			p.l.i++
			r = p.l.skipCFWS()
		}
	}
	p.add()
	if r == 0 {
		return 0
	}
	return 1
}

func (p *addrParser) mailbox() int {
	start := p.l.i
	r := p.nameAddr()
	if r < 0 {
		p.l.i = start
		r = p.addrSpec()
		if p.cur.invalid && p.cur.name == nil && p.cur.mailbox != nil && p.cur.domain == nil {
			p.cur.name, p.cur.mailbox = p.cur.mailbox, nil
		}
	}
	p.addFixed()
	return r
}

func (p *addrParser) nameAddr() int {
	var r int
	p.work, r = p.l.phrase(p.work[:0])
	if r <= 0 || p.l.cur() != '<' {
		return -1
	}
	if len(p.work) > 0 {
		p.cur.name = sp(string(p.work))
	}
	if p.angleAddr() < 0 {
		p.cur.domain = sp(syntaxError)
		p.cur.invalid = true
	}
	return p.l.status()
}

func (p *addrParser) angleAddr() int {
	p.l.i++
	if p.l.skipCFWS() <= 0 {
		return -1
	}
	if p.l.cur() == '@' {
		if p.domainList() > 0 && p.l.cur() == ':' {
			p.l.i++
		} else {
			p.cur.route = sp(invalidRoute)
			if !p.l.more() {
				return -1
			}
		}
		if p.l.skipCFWS() <= 0 {
			return -1
		}
	}
	if p.l.cur() != '>' {
		if p.localPart() <= 0 {
			return -1
		}
		if p.l.cur() == '@' {
			if p.domain() <= 0 {
				return -1
			}
		}
	}
	if p.l.cur() != '>' {
		return -1
	}
	p.l.i++
	return p.l.skipCFWS()
}

func (p *addrParser) domainList() int {
	var route []byte
	for {
		if !p.l.more() {
			return 0
		}
		if p.l.cur() != '@' {
			break
		}
		if len(route) > 0 {
			route = append(route, ',')
		}
		route = append(route, '@')
		var r int
		if route, r = p.l.domain(route); r <= 0 {
			return r
		}
		for p.l.skipCFWS() > 0 && p.l.cur() == ',' {
			p.l.i++
		}
	}
	p.cur.route = sp(string(route))
	return 1
}

func (p *addrParser) localPart() int {
	var (
		b []byte
		r int
	)
	if p.l.cur() == '"' {
		b, r = p.l.quoted(nil)
	} else {
		b, r = p.nonStrictDotAtom()
	}
	p.work = append(p.work[:0], b...)
	if r < 0 {
		return -1
	}
	p.cur.mailbox = sp(string(b))
	return r
}

// nonStrictDotAtom is a dot-atom that also takes leading, trailing and
// doubled dots, as real local parts have them.
func (p *addrParser) nonStrictDotAtom() ([]byte, int) {
	var b []byte
	r := -1
	for {
		for p.l.cur() == '.' {
			b = append(b, '.')
			p.l.i++
			if !p.l.more() {
				return b, 0
			}
			r = 1
		}
		if p.l.cur() == '@' {
			break
		}
		b, r = p.l.atom(b)
		if r <= 0 || p.l.cur() != '.' {
			break
		}
	}
	return b, r
}

func (p *addrParser) domain() int {
	d, r := p.l.domain(nil)
	if r < 0 {
		return -1
	}
	p.cur.domain = sp(string(d))
	return r
}

func (p *addrParser) addrSpec() int {
	p.l.comment = p.l.comment[:0]
	quoted := p.l.cur() == '"'
	r := p.localPart()
	if r <= 0 {
		p.cur.invalid = true
	}
	r2 := -2
	if r != 0 && p.l.more() && p.l.cur() == '@' {
		r2 = p.domain()
		if r2 <= 0 {
			r = r2
		}
	}
	if len(p.l.comment) > 0 {
		p.cur.name = sp(string(p.l.comment))
	} else if r2 == -2 {
		// A lone "user" is a mailbox, but "user" followed by more words
		// is a display name.
		p.work = append(p.work, ' ')
		n := len(p.work)
		p.work, _ = p.l.phrase(p.work)
		if len(p.work) != n {
			p.cur.mailbox = nil
			p.cur.name = sp(string(p.work))
		} else if !quoted {
			p.cur.domain = sp("")
		}
		p.cur.invalid = true
		r = -1
	}
	return r
}
