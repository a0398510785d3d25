package command

// The commands of ACL (RFC 4314 §3). Rights are the lower-case letters and
// digits of RFC 4314 §2.1, in the order sent; both decoding and encoding
// refuse anything else, as RFC 4314 §7 allows nothing else.

// A SetACL is the SETACL command (RFC 4314 §3.1): it changes the rights
// an identifier has on a mailbox.
//
//	C: A002 SETACL INBOX/Drafts Chris +cda
//	C: A036 SETACL INBOX/Drafts John lrqswicda
//
// The grammar:
//
//	setacl     = "SETACL" SP mailbox SP identifier SP mod-rights
//	mod-rights = astring   ; +rights to add, -rights to remove,
//	                       ; rights to replace
type SetACL struct {
	Mailbox string
	// Identifier is whom the rights are for: a user or group name, or
	// "anyone"; a leading "-" names negative rights (RFC 4314 §2).
	Identifier string
	// Mod says whether Rights replace the identifier's rights (the
	// zero value), are added to them ("+") or removed from them ("-").
	Mod RightsMod
	// Rights are the rights without the "+" or "-"; possibly "".
	Rights string
}

// A RightsMod is the prefix of a SETACL command's rights (RFC 4314 §3.1,
// mod-rights).
type RightsMod uint8

// The prefixes of mod-rights.
const (
	RightsReplace RightsMod = iota // no prefix: the rights replace the old ones
	RightsAdd                      // "+": the rights are added
	RightsRemove                   // "-": the rights are taken away
)

// String returns "", "+" or "-".
func (m RightsMod) String() string {
	switch m {
	case RightsAdd:
		return "+"
	case RightsRemove:
		return "-"
	}
	return ""
}

// Kind returns "SETACL".
func (*SetACL) Kind() string { return "SETACL" }

// A DeleteACL is the DELETEACL command (RFC 4314 §3.2): it removes an
// identifier from the access control list of a mailbox.
//
//	C: A002 DELETEACL INBOX Fred
type DeleteACL struct {
	Mailbox    string
	Identifier string
}

// Kind returns "DELETEACL".
func (*DeleteACL) Kind() string { return "DELETEACL" }

// A GetACL is the GETACL command (RFC 4314 §3.3), answered by an ACL
// response.
//
//	C: A002 GETACL INBOX
type GetACL struct {
	Mailbox string
}

// Kind returns "GETACL".
func (*GetACL) Kind() string { return "GETACL" }

// A ListRights is the LISTRIGHTS command (RFC 4314 §3.4), answered by a
// LISTRIGHTS response: which rights an identifier may be given.
//
//	C: a001 LISTRIGHTS ~/Mail/saved smith
type ListRights struct {
	Mailbox    string
	Identifier string
}

// Kind returns "LISTRIGHTS".
func (*ListRights) Kind() string { return "LISTRIGHTS" }

// A MyRights is the MYRIGHTS command (RFC 4314 §3.5), answered by a
// MYRIGHTS response: the rights the user has on a mailbox.
//
//	C: A003 MYRIGHTS INBOX
type MyRights struct {
	Mailbox string
}

// Kind returns "MYRIGHTS".
func (*MyRights) Kind() string { return "MYRIGHTS" }

// aclBadRight returns the index of the first byte of rights that is not a
// lower-case ASCII letter or a digit, or -1.
func aclBadRight(rights string) int {
	for i := 0; i < len(rights); i++ {
		if c := rights[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return i
		}
	}
	return -1
}

func (c *SetACL) encode(e *encoder) {
	if aclBadRight(c.Rights) >= 0 {
		e.Refuse(`SETACL: the rights "` + c.Rights + `": only lower-case letters and digits are rights`)
		return
	}
	if c.Mod > RightsRemove {
		e.Refuse("SETACL: an unknown RightsMod")
		return
	}
	e.Atom("SETACL").SP().Mailbox(c.Mailbox).SP().AString(c.Identifier).SP().AString(c.Mod.String() + c.Rights)
}

func readSetACL(d *Decoder, _ bool) (Command, error) {
	w := d.w
	name, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	id, err := d.spAString()
	if err != nil {
		return nil, err
	}
	if err := w.SP(); err != nil {
		return nil, err
	}
	off := w.Offset()
	b, err := w.ReadAString()
	if err != nil {
		return nil, err
	}
	c := &SetACL{Mailbox: name, Identifier: id}
	rights := string(b)
	if rights != "" {
		switch rights[0] {
		case '+':
			c.Mod, rights = RightsAdd, rights[1:]
		case '-':
			c.Mod, rights = RightsRemove, rights[1:]
		}
	}
	if aclBadRight(rights) >= 0 {
		return nil, w.Failf(off, "mod-rights", "rights hold only lower-case letters and digits, after an optional + or -")
	}
	c.Rights = rights
	return c, nil
}

func (c *DeleteACL) encode(e *encoder) {
	e.Atom("DELETEACL").SP().Mailbox(c.Mailbox).SP().AString(c.Identifier)
}

func readDeleteACL(d *Decoder, _ bool) (Command, error) {
	name, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	id, err := d.spAString()
	if err != nil {
		return nil, err
	}
	return &DeleteACL{Mailbox: name, Identifier: id}, nil
}

func (c *GetACL) encode(e *encoder) { e.Atom("GETACL").SP().Mailbox(c.Mailbox) }

func readGetACL(d *Decoder, _ bool) (Command, error) {
	name, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	return &GetACL{Mailbox: name}, nil
}

func (c *ListRights) encode(e *encoder) {
	e.Atom("LISTRIGHTS").SP().Mailbox(c.Mailbox).SP().AString(c.Identifier)
}

func readListRights(d *Decoder, _ bool) (Command, error) {
	name, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	id, err := d.spAString()
	if err != nil {
		return nil, err
	}
	return &ListRights{Mailbox: name, Identifier: id}, nil
}

func (c *MyRights) encode(e *encoder) { e.Atom("MYRIGHTS").SP().Mailbox(c.Mailbox) }

func readMyRights(d *Decoder, _ bool) (Command, error) {
	name, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	return &MyRights{Mailbox: name}, nil
}

func init() {
	register(readSetACL, "SETACL")
	register(readDeleteACL, "DELETEACL")
	register(readGetACL, "GETACL")
	register(readListRights, "LISTRIGHTS")
	register(readMyRights, "MYRIGHTS")
}
