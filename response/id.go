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
type IDParam = wire.IDParam

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
	e.Atom("ID").SP().IDParams(id.Params)
}

// readID reads id_response after its name: SP id_params_list.
func readID(d *Decoder) (Response, error) {
	if err := d.w.SP(); err != nil {
		return nil, err
	}
	params, err := d.w.ReadIDParams()
	if err != nil {
		return nil, err
	}
	return &ID{Params: params}, nil
}
