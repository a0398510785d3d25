package command

import "strings"

// The commands of URLAUTH (RFC 4467 §7) and of URLAUTH=BINARY (RFC 5524).
// URLs are astrings (url-rump, url-full); the encoder writes them as atoms
// when they can be, like every astring, although RFC 4466 recommends
// quoted strings for them.

// A GenURLAuth is the GENURLAUTH command (RFC 4467 §7): it asks the server
// to authorize URLs, each with a mechanism.
//
//	C: a777 GENURLAUTH "imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred" INTERNAL
//
// The grammar (RFC 4467 §9):
//
//	genurlauth = "GENURLAUTH" 1*(SP url-rump SP mechanism)
//	mechanism  = "INTERNAL" / 1*(ALPHA / DIGIT / "-" / ".")
type GenURLAuth struct {
	// URLs are the URLs to authorize and their mechanisms, in the
	// order sent; at least one.
	URLs []GenURLAuthURL
}

// A GenURLAuthURL is one URL of a GENURLAUTH command and the mechanism to
// authorize it with.
type GenURLAuthURL struct {
	// URL is the URL without its authorization token (url-rump).
	URL string
	// Mechanism is the authorization mechanism in upper case, such as
	// "INTERNAL": mechanism names are case-insensitive.
	Mechanism string
}

// Kind returns "GENURLAUTH".
func (*GenURLAuth) Kind() string { return "GENURLAUTH" }

// A ResetKey is the RESETKEY command (RFC 4467 §7): with a mailbox, it
// makes new mailbox access keys for it (for the INTERNAL mechanism or the
// ones named), revoking the URLs authorized with the old ones; without
// one, it removes all the user's keys.
//
//	C: a31 RESETKEY
//	C: a33 RESETKEY INBOX XSAMPLE
//
// The grammar (RFC 4467 §9):
//
//	resetkey = "RESETKEY" [SP mailbox *(SP mechanism)]
type ResetKey struct {
	// Mailbox is the mailbox, if HasMailbox.
	Mailbox    string
	HasMailbox bool
	// Mechanisms are the mechanisms in upper case; only with a mailbox.
	Mechanisms []string
}

// Kind returns "RESETKEY".
func (*ResetKey) Kind() string { return "RESETKEY" }

// A URLFetch is the URLFETCH command (RFC 4467 §7), with the extended
// form of URLAUTH=BINARY (RFC 5524 §3.1), which asks for metadata or
// decoded content of a URL:
//
//	C: a002 URLFETCH "imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred:internal:91354a473744909de610943775f92038"
//	C: a003 URLFETCH ("imap://test@localhost/INBOX/;UID=6;urlauth=anonymous:internal:01c2" BODYPARTSTRUCTURE BINARY)
//
// The grammar (RFC 4467 §9, RFC 5524 §5):
//
//	urlfetch        = "URLFETCH" 1*(SP url-fetch-arg)
//	url-fetch-arg   = url-full / "(" url-full *(SP url-fetch-param) ")"
//	url-fetch-param = "BODYPARTSTRUCTURE" / "BINARY" / "BODY" / atom
type URLFetch struct {
	// URLs are the URLs to fetch, in the order sent; at least one.
	URLs []URLFetchURL
}

// A URLFetchURL is one URL of a URLFETCH command (url-fetch-arg).
type URLFetchURL struct {
	// URL is the authorized URL (url-full).
	URL string
	// Params are the parameters of the extended form (RFC 5524 §3.1) in
	// upper case: "BODYPARTSTRUCTURE", "BINARY", "BODY" or another atom.
	// Nil for the plain form; a non-nil empty slice is "(url)".
	Params []string
}

// Kind returns "URLFETCH".
func (*URLFetch) Kind() string { return "URLFETCH" }

// urlauthBadMechanism checks a mechanism name (RFC 4467 §9):
// 1*(ALPHA / DIGIT / "-" / "."). It returns the index of the first byte
// that is not, or -1.
func urlauthBadMechanism[T string | []byte](s T) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.') {
			return i
		}
	}
	return -1
}

// urlauthEncodeMechanism writes a mechanism name, or refuses one that is
// not an upper-case mechanism name.
func urlauthEncodeMechanism(e *encoder, m, what string) {
	if m == "" || urlauthBadMechanism(m) >= 0 || strings.ToUpper(m) != m {
		e.Refuse(what + ": the mechanism " + m + ": not an upper-case mechanism name")
		return
	}
	e.Atom(m)
}

// urlauthReadMechanism reads a mechanism name and returns it in upper
// case.
func urlauthReadMechanism(d *Decoder) (string, error) {
	off := d.w.Offset()
	b, err := d.name()
	if err != nil {
		return "", err
	}
	if i := urlauthBadMechanism(b); i >= 0 {
		return "", d.w.Failf(off+int64(i), "mechanism", "%q is not a mechanism name", b)
	}
	return string(b), nil
}

func (c *GenURLAuth) encode(e *encoder) {
	if len(c.URLs) == 0 {
		e.Refuse("GENURLAUTH without a URL")
		return
	}
	e.Atom("GENURLAUTH")
	for _, u := range c.URLs {
		e.SP().AString(u.URL).SP()
		urlauthEncodeMechanism(e, u.Mechanism, "GENURLAUTH")
	}
}

func readGenURLAuth(d *Decoder, _ bool) (Command, error) {
	w := d.w
	c := &GenURLAuth{}
	for {
		if len(c.URLs) > 0 {
			if more, err := d.another(); !more || err != nil {
				return c, err
			}
		} else if err := w.SP(); err != nil {
			return nil, err
		}
		b, err := w.ReadAString()
		if err != nil {
			return nil, err
		}
		u := GenURLAuthURL{URL: string(b)}
		if err := w.SP(); err != nil {
			return nil, err
		}
		if u.Mechanism, err = urlauthReadMechanism(d); err != nil {
			return nil, err
		}
		c.URLs = append(c.URLs, u)
	}
}

func (c *ResetKey) encode(e *encoder) {
	e.Atom("RESETKEY")
	if !c.HasMailbox {
		if len(c.Mechanisms) > 0 {
			e.Refuse("RESETKEY: mechanisms without a mailbox")
		}
		return
	}
	e.SP().Mailbox(c.Mailbox)
	for _, m := range c.Mechanisms {
		e.SP()
		urlauthEncodeMechanism(e, m, "RESETKEY")
	}
}

func readResetKey(d *Decoder, _ bool) (Command, error) {
	c := &ResetKey{}
	if more, err := d.another(); !more || err != nil {
		return c, err
	}
	var err error
	if c.Mailbox, err = d.w.ReadMailbox(); err != nil {
		return nil, err
	}
	c.HasMailbox = true
	for {
		if more, err := d.another(); !more || err != nil {
			return c, err
		}
		m, err := urlauthReadMechanism(d)
		if err != nil {
			return nil, err
		}
		c.Mechanisms = append(c.Mechanisms, m)
	}
}

func (c *URLFetch) encode(e *encoder) {
	if len(c.URLs) == 0 {
		e.Refuse("URLFETCH without a URL")
		return
	}
	e.Atom("URLFETCH")
	for _, u := range c.URLs {
		e.SP()
		if u.Params == nil {
			e.AString(u.URL)
			continue
		}
		e.ListStart().AString(u.URL)
		for _, p := range u.Params {
			if !isAtom(p) || strings.ToUpper(p) != p {
				e.Refuse("URLFETCH: the parameter " + p + ": not an upper-case atom")
				return
			}
			e.SP().Atom(p)
		}
		e.ListEnd()
	}
}

func readURLFetch(d *Decoder, _ bool) (Command, error) {
	w := d.w
	c := &URLFetch{}
	for {
		if len(c.URLs) > 0 {
			if more, err := d.another(); !more || err != nil {
				return c, err
			}
		} else if err := w.SP(); err != nil {
			return nil, err
		}
		ch, err := w.Peek()
		if err != nil {
			return nil, err
		}
		var u URLFetchURL
		if ch != '(' {
			b, err := w.ReadAString()
			if err != nil {
				return nil, err
			}
			u.URL = string(b)
			c.URLs = append(c.URLs, u)
			continue
		}
		if err := w.ListStart(); err != nil {
			return nil, err
		}
		b, err := w.ReadAString()
		if err != nil {
			return nil, err
		}
		u.URL, u.Params = string(b), []string{}
		for {
			if end, err := w.ListEnd(); err != nil {
				return nil, err
			} else if end {
				break
			}
			if err := w.SP(); err != nil {
				return nil, err
			}
			p, err := mboxReadKeyword(d, "url-fetch-param")
			if err != nil {
				return nil, err
			}
			u.Params = append(u.Params, p)
		}
		c.URLs = append(c.URLs, u)
	}
}

func init() {
	register(readGenURLAuth, "GENURLAUTH")
	register(readResetKey, "RESETKEY")
	register(readURLFetch, "URLFETCH")
}
