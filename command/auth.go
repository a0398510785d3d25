package command

import (
	"encoding/base64"
	"strings"

	"github.com/mailwire/imap/wire"
)

// An Authenticate is the AUTHENTICATE command (RFC 9051 §6.2.2), with the
// initial response of SASL-IR (RFC 4959):
//
//	C: a1 AUTHENTICATE GSSAPI
//	C: a2 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=
//	C: a3 AUTHENTICATE EXTERNAL =
//
// The client's responses that follow, one line each, are *AuthResponse
// values.
type Authenticate struct {
	// Mechanism is the SASL mechanism, in upper case ("PLAIN",
	// "SCRAM-SHA-256"): mechanism names are not case-sensitive (RFC 4422
	// §3.1).
	Mechanism string
	// InitialResponse is the decoded initial response, if
	// HasInitialResponse. An empty one is sent as "=" (RFC 4959 §3).
	InitialResponse    Secret
	HasInitialResponse bool
}

// Kind returns "AUTHENTICATE".
func (*Authenticate) Kind() string { return "AUTHENTICATE" }

func (a *Authenticate) encode(e *encoder) {
	if !isAtom(a.Mechanism) || strings.ToUpper(a.Mechanism) != a.Mechanism {
		e.Refuse("AUTHENTICATE: a mechanism that is not an upper-case atom")
		return
	}
	e.Atom("AUTHENTICATE").SP().Atom(a.Mechanism)
	if a.HasInitialResponse {
		e.SP()
		writeBase64(e, a.InitialResponse.Reveal(), "=")
	}
}

// writeBase64 writes data in base64 as an atom, or empty when data is
// empty. Base64 is all ATOM-CHARs.
func writeBase64(e *encoder, data, empty string) {
	if data == "" {
		if empty != "" {
			e.Atom(empty)
		}
		return
	}
	e.Atom(base64.StdEncoding.EncodeToString([]byte(data)))
}

func readAuthenticate(d *Decoder, _ bool) (Command, error) {
	w := d.w
	if err := w.SP(); err != nil {
		return nil, err
	}
	mech, err := d.name()
	if err != nil {
		return nil, err
	}
	a := &Authenticate{Mechanism: string(mech)}
	if more, err := d.another(); !more || err != nil {
		return a, err
	}
	off := w.Offset()
	if ok, err := w.Accept('='); err != nil {
		return nil, err
	} else if ok {
		a.HasInitialResponse = true
		return a, nil
	}
	b, err := w.ReadAtom()
	if err != nil {
		return nil, err
	}
	data, err := decodeBase64(b)
	if err != nil {
		return nil, w.Failf(off, "initial-resp", "%v", err)
	}
	a.InitialResponse, a.HasInitialResponse = NewSecret(data), true
	return a, nil
}

// decodeBase64 decodes base64 data (RFC 9051 §9: with padding, no line
// breaks), rejecting what is not canonical.
func decodeBase64(b []byte) (string, error) {
	data := make([]byte, base64.StdEncoding.DecodedLen(len(b)))
	n, err := base64.StdEncoding.Strict().Decode(data, b)
	if err != nil {
		return "", err
	}
	return string(data[:n]), nil
}

// An AuthResponse is one line a client sends in an AUTHENTICATE exchange
// (RFC 9051 §6.2.2): base64 data answering the server's challenge, or "*",
// which cancels the exchange. It has no tag. A Decoder reads a line as an
// AuthResponse only after an AUTHENTICATE command, until the next command.
//
//	C: dGVzdAB0ZXN0AHRlc3Q=
//	C: *
type AuthResponse struct {
	// Data is the decoded response; empty for an empty line.
	Data Secret
	// Cancel is set for "*".
	Cancel bool
}

// Kind returns "AUTHENTICATE-DATA", a name no command has.
func (*AuthResponse) Kind() string { return "AUTHENTICATE-DATA" }

func (r *AuthResponse) encode(e *encoder) {
	if r.Cancel {
		if r.Data.Len() > 0 {
			e.Refuse("an AUTHENTICATE response that cancels and has data")
			return
		}
		e.Punct('*')
		return
	}
	if r.Data.Len() == 0 {
		// An empty line: the encoder writes nothing before the CRLF.
		return
	}
	writeBase64(e, r.Data.Reveal(), "")
}

// A Login is the LOGIN command (RFC 9051 §6.2.3).
//
//	C: a001 LOGIN SMITH SESAME
type Login struct {
	Username string
	Password Secret
}

// Kind returns "LOGIN".
func (*Login) Kind() string { return "LOGIN" }

func (l *Login) encode(e *encoder) {
	e.Atom("LOGIN").SP().AString(l.Username).SP().AString(l.Password.Reveal())
}

func readLogin(d *Decoder, _ bool) (Command, error) {
	user, err := d.spAString()
	if err != nil {
		return nil, err
	}
	pass, err := d.spAString()
	if err != nil {
		return nil, err
	}
	return &Login{Username: user, Password: NewSecret(pass)}, nil
}

// An Enable is the ENABLE command (RFC 9051 §6.3.1, RFC 5161).
//
//	C: t2 ENABLE CONDSTORE X-GOOD-IDEA
type Enable struct {
	// Capabilities are the extensions to enable, in upper case:
	// capability names are not case-sensitive.
	Capabilities []string
}

// Kind returns "ENABLE".
func (*Enable) Kind() string { return "ENABLE" }

func (c *Enable) encode(e *encoder) {
	if len(c.Capabilities) == 0 {
		e.Refuse("ENABLE without a capability")
		return
	}
	e.Atom("ENABLE")
	for _, name := range c.Capabilities {
		if !isAtom(name) || strings.ToUpper(name) != name {
			e.Refuse("ENABLE: a capability that is not an upper-case atom")
			return
		}
		e.SP().Atom(name)
	}
}

func readEnable(d *Decoder, _ bool) (Command, error) {
	c := &Enable{}
	for {
		if len(c.Capabilities) > 0 {
			if more, err := d.another(); !more || err != nil {
				return c, err
			}
		} else if err := d.w.SP(); err != nil {
			return nil, err
		}
		name, err := d.name()
		if err != nil {
			return nil, err
		}
		c.Capabilities = append(c.Capabilities, string(name))
	}
}

// A Compress is the COMPRESS command (RFC 4978 §3).
//
//	C: a COMPRESS DEFLATE
type Compress struct {
	// Mechanism is the compression algorithm in upper case: "DEFLATE"
	// is the one RFC 4978 defines.
	Mechanism string
}

// Kind returns "COMPRESS".
func (*Compress) Kind() string { return "COMPRESS" }

func (c *Compress) encode(e *encoder) {
	if !isAtom(c.Mechanism) || strings.ToUpper(c.Mechanism) != c.Mechanism {
		e.Refuse("COMPRESS: a mechanism that is not an upper-case atom")
		return
	}
	e.Atom("COMPRESS").SP().Atom(c.Mechanism)
}

func readCompress(d *Decoder, _ bool) (Command, error) {
	if err := d.w.SP(); err != nil {
		return nil, err
	}
	name, err := d.name()
	if err != nil {
		return nil, err
	}
	return &Compress{Mechanism: string(name)}, nil
}

// An ID is the ID command (RFC 2971 §3.1): the client names its software
// and asks the server to name its own.
//
//	C: a023 ID ("name" "sodr" "version" "19.34" "vendor" "Pink Floyd Music Limited")
//	C: a042 ID NIL
//
// As in the ID response, pairs are written with single spaces between
// them, and the limits of RFC 2971 §3.3 are not checked.
type ID struct {
	// Params are the field-value pairs in the order sent. Nil means NIL;
	// a non-nil empty slice is the empty list "()".
	Params []IDParam
}

// An IDParam is one field-value pair of an ID command.
type IDParam = wire.IDParam

// Kind returns "ID".
func (*ID) Kind() string { return "ID" }

func (id *ID) encode(e *encoder) {
	e.Atom("ID").SP().IDParams(id.Params)
}

func readID(d *Decoder, _ bool) (Command, error) {
	if err := d.w.SP(); err != nil {
		return nil, err
	}
	params, err := d.w.ReadIDParams()
	if err != nil {
		return nil, err
	}
	return &ID{Params: params}, nil
}

func init() {
	register(readAuthenticate, "AUTHENTICATE")
	register(readLogin, "LOGIN")
	register(readEnable, "ENABLE")
	register(readCompress, "COMPRESS")
	register(readID, "ID")
}
