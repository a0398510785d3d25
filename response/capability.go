package response

import (
	"strings"

	"github.com/mailwire/imap/wire"
)

// A Capability is the CAPABILITY response (RFC 9051 §7.2.2, RFC 3501
// §7.2.1): the capabilities the server offers.
//
//	S: * CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI LOGINDISABLED
//
// The same list can also come as the CAPABILITY response code of a status
// response; that is a Code, not this type.
type Capability struct {
	// Caps are the capability names in the order and case sent, such as
	// "IMAP4rev2", "AUTH=PLAIN" or "APPENDLIMIT=35651584". Each is an
	// atom (capability = ("AUTH=" auth-type) / atom), and the grammar
	// requires at least one.
	//
	// The grammar also requires IMAP4rev1 (RFC 3501) or IMAP4rev2 (RFC
	// 9051) among them; neither the decoder nor the encoder checks that,
	// since which one is due depends on the server.
	Caps []string
}

// Kind returns "CAPABILITY".
func (c *Capability) Kind() string { return "CAPABILITY" }

// Has reports whether name is among the capabilities, compared without
// regard to case, as capability names are (RFC 9051 §9): Has("imap4rev2")
// is true for a server that sent "IMAP4rev2".
func (c *Capability) Has(name string) bool {
	for _, s := range c.Caps {
		if strings.EqualFold(s, name) {
			return true
		}
	}
	return false
}

// An Enabled is the ENABLED response (RFC 5161 §3.2, RFC 9051 §7.2.1): the
// capabilities an ENABLE command turned on.
//
//	S: * ENABLED CONDSTORE QRESYNC
type Enabled struct {
	// Caps are the capability names in the order and case sent. The list
	// may be empty: "* ENABLED" says that nothing was enabled.
	Caps []string
}

// Kind returns "ENABLED".
func (en *Enabled) Kind() string { return "ENABLED" }

func (c *Capability) encode(e *wire.Encoder) {
	if len(c.Caps) == 0 {
		e.Refuse("a CAPABILITY response without capabilities (RFC 9051 capability-data)")
		return
	}
	encodeCaps(e.Atom("CAPABILITY"), c.Caps)
}

func (en *Enabled) encode(e *wire.Encoder) {
	encodeCaps(e.Atom("ENABLED"), en.Caps)
}

// encodeCaps writes *(SP capability).
func encodeCaps(e *wire.Encoder, caps []string) {
	for _, c := range caps {
		e.SP().Atom(c)
	}
}

// readCapability reads capability-data after its name: 1*(SP capability).
func readCapability(d *Decoder) (Response, error) {
	caps, err := d.readCaps()
	if err != nil {
		return nil, err
	}
	if len(caps) == 0 {
		return nil, d.w.Failf(d.w.Offset(), "capability-data", "expected at least one capability")
	}
	return &Capability{Caps: caps}, nil
}

// readEnabled reads enable-data after its name: *(SP capability).
func readEnabled(d *Decoder) (Response, error) {
	caps, err := d.readCaps()
	if err != nil {
		return nil, err
	}
	return &Enabled{Caps: caps}, nil
}

// readCaps reads *(SP capability) up to the line ending. A space before the
// line ending (Office 365, qq.com, Yahoo) is left for ReadEOL, which
// reports it as wire.QuirkTrailingSpace. A capability must be an atom, even
// in lenient mode.
func (d *Decoder) readCaps() ([]string, error) {
	var caps []string
	for {
		if more, err := d.another(); !more || err != nil {
			return caps, err
		}
		b, err := d.atom("capability")
		if err != nil {
			return nil, err
		}
		caps = append(caps, string(b))
	}
}

// atom reads an atom that must be one: the "]" and 8-bit bytes that the
// wire layer accepts in lenient mode (wire.QuirkBracketInAtom,
// wire.QuirkEightBit) are refused after all, at the first such byte, since
// no atom could write them back. It is for names, where no real server was
// seen to send them.
func (d *Decoder) atom(rule string) ([]byte, error) {
	w := d.w
	off := w.Offset()
	b, err := w.ReadAtom()
	if err != nil {
		return nil, err
	}
	if i := notAtom(b); i >= 0 {
		return nil, w.Failf(off+int64(i), rule, "%q is not an atom", b)
	}
	return b, nil
}

// notAtom returns the index of the first byte of b that is no ATOM-CHAR, or
// -1 if there is none.
func notAtom(b []byte) int {
	for i, c := range b {
		if !atomChar[c] {
			return i
		}
	}
	return -1
}
