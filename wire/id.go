package wire

// An IDParam is one field-value pair of the ID command and response (RFC
// 2971 §3).
type IDParam struct {
	// Key is the field name, such as "name", "version" or "support-url"
	// (RFC 2971 §3.3), as sent. Field names are not case-sensitive.
	Key string
	// Value is the field's value, or NIL.
	Value NString
}

// ReadIDParams reads the id_params_list of the ID command and response
// (RFC 2971 §4):
//
//	id_params_list ::= "(" #(string SPACE nstring) ")" / nil
//
// whose "#" list peers write with single spaces between the pairs. NIL is
// a nil slice, and "()" a non-nil empty one. The limits of RFC 2971 §3.3
// (fields of at most 30 octets, values of at most 1024, at most 30 pairs)
// bind senders; they are not checked here, so that a peer that exceeds
// them can still be read and relayed. Like List, it cannot be repeated
// after an I/O error in its middle.
func (d *Decoder) ReadIDParams() ([]IDParam, error) {
	const rule = "id_params_list"
	off := d.Offset()
	c, err := d.Peek()
	if err != nil {
		return nil, err
	}
	if c != '(' {
		if c == 'N' || c == 'n' {
			b, err := d.ReadAtom()
			if err != nil {
				return nil, err
			}
			if isNIL(b) {
				return nil, nil
			}
		}
		return nil, d.failf(off, rule, "expected a list of field-value pairs or NIL")
	}
	params := []IDParam{}
	err = d.List(func() error {
		key, err := d.ReadString()
		if err != nil {
			return err
		}
		p := IDParam{Key: string(key)}
		if err := d.SP(); err != nil {
			return err
		}
		if p.Value, err = d.ReadNStringValue(); err != nil {
			return err
		}
		params = append(params, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return params, nil
}

// IDParams writes an id_params_list: NIL for a nil slice, else the pairs in
// a list.
func (e *Encoder) IDParams(params []IDParam) *Encoder {
	if params == nil {
		return e.NIL()
	}
	e.ListStart()
	for i, p := range params {
		if i > 0 {
			e.SP()
		}
		e.String(p.Key).SP().NString(p.Value)
	}
	return e.ListEnd()
}
