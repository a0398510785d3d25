package command

import "strings"

// The commands of QUOTA (RFC 9208 §4.1, earlier RFC 2087 §4).

// A GetQuota is the GETQUOTA command (RFC 9208 §4.1.1): the usage and
// limits of a quota root.
//
//	C: A003 GETQUOTA ""
//	C: G0001 GETQUOTA "!partition/sda4"
type GetQuota struct {
	// Root is the quota root's name (quota-root-name, an astring); ""
	// is a valid name.
	Root string
}

// Kind returns "GETQUOTA".
func (*GetQuota) Kind() string { return "GETQUOTA" }

// A GetQuotaRoot is the GETQUOTAROOT command (RFC 9208 §4.1.2): the quota
// roots of a mailbox and their usage and limits.
//
//	C: A003 GETQUOTAROOT INBOX
type GetQuotaRoot struct {
	Mailbox string
}

// Kind returns "GETQUOTAROOT".
func (*GetQuotaRoot) Kind() string { return "GETQUOTAROOT" }

// A SetQuota is the SETQUOTA command (RFC 9208 §4.1.3): new limits for
// the resources of a quota root, which replace all its former limits.
//
//	C: A001 SETQUOTA "" (STORAGE 512)
//	C: S0001 SETQUOTA "#user/alice" (STORAGE 510)
//
// The grammar:
//
//	setquota          = "SETQUOTA" SP quota-root-name SP setquota-list
//	setquota-list     = "(" [setquota-resource *(SP setquota-resource)] ")"
//	setquota-resource = resource-name SP resource-limit
type SetQuota struct {
	Root string
	// Resources are the new limits, in the order sent; none ("()")
	// removes every limit. Nil and empty encode alike.
	Resources []SetQuotaResource
}

// A SetQuotaResource is one resource of a SETQUOTA command and its new
// limit (RFC 9208 §4.1.3, setquota-resource).
type SetQuotaResource struct {
	// Name is the resource's name in upper case: "STORAGE" (in units of
	// 1024 octets), "MESSAGE", "MAILBOX", "ANNOTATION-STORAGE" (RFC 9208
	// §5) or another atom.
	Name string
	// Limit is a number64 (RFC 9208; RFC 2087 had 32-bit numbers).
	Limit uint64
}

// Kind returns "SETQUOTA".
func (*SetQuota) Kind() string { return "SETQUOTA" }

func (c *GetQuota) encode(e *encoder) { e.Atom("GETQUOTA").SP().AString(c.Root) }

func readGetQuota(d *Decoder, _ bool) (Command, error) {
	root, err := d.spAString()
	if err != nil {
		return nil, err
	}
	return &GetQuota{Root: root}, nil
}

func (c *GetQuotaRoot) encode(e *encoder) { e.Atom("GETQUOTAROOT").SP().Mailbox(c.Mailbox) }

func readGetQuotaRoot(d *Decoder, _ bool) (Command, error) {
	name, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	return &GetQuotaRoot{Mailbox: name}, nil
}

func (c *SetQuota) encode(e *encoder) {
	e.Atom("SETQUOTA").SP().AString(c.Root).SP().ListStart()
	for i, r := range c.Resources {
		if !isAtom(r.Name) || strings.ToUpper(r.Name) != r.Name {
			e.Refuse("SETQUOTA: the resource name " + r.Name + ": not an upper-case atom")
			return
		}
		if i > 0 {
			e.SP()
		}
		e.Atom(r.Name).SP().Number64(r.Limit)
	}
	e.ListEnd()
}

func readSetQuota(d *Decoder, _ bool) (Command, error) {
	w := d.w
	root, err := d.spAString()
	if err != nil {
		return nil, err
	}
	c := &SetQuota{Root: root}
	if err := w.SP(); err != nil {
		return nil, err
	}
	err = w.List(func() error {
		name, err := mboxReadKeyword(d, "resource-name")
		if err != nil {
			return err
		}
		r := SetQuotaResource{Name: name}
		if err := w.SP(); err != nil {
			return err
		}
		if r.Limit, err = w.ReadNumber64(); err != nil {
			return err
		}
		c.Resources = append(c.Resources, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

func init() {
	register(readGetQuota, "GETQUOTA")
	register(readGetQuotaRoot, "GETQUOTAROOT")
	register(readSetQuota, "SETQUOTA")
}
