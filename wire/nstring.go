package wire

// An NString is an nstring of the grammar: a string, or NIL. The zero value
// is NIL; NIL and the empty string are different values.
type NString struct {
	Value string
	Valid bool // false for NIL
}

// Str returns the NString holding s (not NIL).
func Str(s string) NString { return NString{Value: s, Valid: true} }

// String returns the value, or "NIL" for NIL, for display.
func (n NString) String() string {
	if !n.Valid {
		return "NIL"
	}
	return n.Value
}

// ReadNStringValue reads an nstring and returns it as an NString that owns
// its bytes.
func (d *Decoder) ReadNStringValue() (NString, error) {
	b, ok, err := d.ReadNString()
	if err != nil || !ok {
		return NString{}, err
	}
	return Str(string(b)), nil
}

// NString writes n: NIL, or the string as String writes it.
func (e *Encoder) NString(n NString) *Encoder {
	if !n.Valid {
		return e.NIL()
	}
	return e.String(n.Value)
}

// Refuse records that the value being written cannot be represented: the
// message fails with an *EncodeError wrapping ErrUnrepresentable, unless it
// has already failed. Typed layers use it for values their grammar refuses;
// what says what was refused and why.
func (e *Encoder) Refuse(what string) *Encoder { return e.fail(what) }
