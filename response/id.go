package response

import (
	"strings"

	"github.com/mailwire/imap/wire"
)

// An ID is the ID response (RFC 2971 §3.2): the server's answer to the ID
// command, naming its software.
//
//	S: * ID ("name" "Cyrus" "version" "1.5" "os" "sunos" "os-version" "5.5" "support-url" "mailto:cyrus-bugs+@andrew.cmu.edu")
//	S: * ID NIL
//
// The grammar (RFC 2971 §4) is
//
//	id_response    ::= "ID" SPACE id_params_list
//	id_params_list ::= "(" #(string SPACE nstring) ")" / nil
//
// whose "#" list servers write with single spaces between the pairs, as
// this package reads and writes it. The limits of RFC 2971 §3.3 (fields of
// at most 30 octets, values of at most 1024, at most 30 pairs) bind
// senders; they are not checked here, so that a server that exceeds them
// can still be read and relayed.
type ID struct {
	// Params are the field-value pairs in the order sent. Nil means NIL
	// (the server sends no information); a non-nil empty slice is the
	// empty list "()".
	Params []IDParam
}

// An IDParam is one field-value pair of an ID response.
type IDParam struct {
	// Key is the field name, such as "name", "version" or "support-url"
	// (RFC 2971 §3.3), as sent. Field names are not case-sensitive.
	Key string
	// Value is the field's value, or NIL.
	Value wire.NString
}

// Kind returns "ID".
func (id *ID) Kind() string { return "ID" }

// Get returns the value of the first field named key, compared without
// regard to case (RFC 2971 §3.3), and whether there is one.
func (id *ID) Get(key string) (wire.NString, bool) {
	for _, p := range id.Params {
		if strings.EqualFold(p.Key, key) {
			return p.Value, true
		}
	}
	return wire.NString{}, false
}

func (id *ID) encode(e *wire.Encoder) {
	e.Atom("ID").SP()
	if id.Params == nil {
		e.NIL()
		return
	}
	e.ListStart()
	for i, p := range id.Params {
		if i > 0 {
			e.SP()
		}
		e.String(p.Key).SP().NString(p.Value)
	}
	e.ListEnd()
}

// readID reads id_response after its name: SP id_params_list.
func readID(d *Decoder) (Response, error) {
	w := d.w
	if err := w.SP(); err != nil {
		return nil, err
	}
	c, err := w.Peek()
	if err != nil {
		return nil, err
	}
	if c != '(' {
		if err := d.readNIL("id_params_list", "a list of field-value pairs or NIL"); err != nil {
			return nil, err
		}
		return &ID{}, nil
	}
	id := &ID{Params: []IDParam{}}
	err = w.List(func() error {
		key, err := w.ReadString()
		if err != nil {
			return err
		}
		p := IDParam{Key: string(key)}
		if err := w.SP(); err != nil {
			return err
		}
		if p.Value, err = w.ReadNStringValue(); err != nil {
			return err
		}
		id.Params = append(id.Params, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return id, nil
}
