package response

import (
	"github.com/mailwire/imap/wire"
)

// A Quota is the usage and limits of a quota root (RFC 9208 §4.2.1, earlier
// RFC 2087 §5.1), the answer to GETQUOTA and GETQUOTAROOT.
//
//	S: * QUOTA "" (STORAGE 10 512)
//	S: * QUOTA "#user/alice" (STORAGE 54 111 MESSAGE 42 1000)
//
// Extra spaces between the resource fields and before ")", as DavMail and
// others send them ("* QUOTA "" (STORAGE  10  512 )"), are
// wire.QuirkExtraSpace and wire.QuirkSpaceBeforeParen.
type Quota struct {
	// Root is the quota root's name, an astring; "" is a valid name.
	Root string
	// Resources are the limited resources, in the order sent. An empty
	// list means that nothing is limited: RFC 9208 §4.2.1 says so in its
	// text, although its ABNF (quota-list) wants one resource at least,
	// and this package follows the text.
	Resources []QuotaResource
}

// A QuotaResource is one resource of a quota root: its name, how much of
// it is in use and the limit (RFC 9208 §4.2.1, quota-resource). STORAGE
// counts units of 1024 octets (§5.1).
type QuotaResource struct {
	// Name is the resource's name in upper case: "STORAGE", "MESSAGE",
	// "MAILBOX", "ANNOTATION-STORAGE" or another atom.
	Name string
	// Usage and Limit are number64 values (RFC 9208; RFC 2087 had 32-bit
	// numbers).
	Usage, Limit uint64
}

// Kind returns "QUOTA".
func (q *Quota) Kind() string { return "QUOTA" }

// A QuotaRoot lists the quota roots of a mailbox (RFC 9208 §4.2.2,
// earlier RFC 2087 §5.2), the answer to GETQUOTAROOT; the QUOTA responses
// for each root follow it.
//
//	S: * QUOTAROOT INBOX ""
//	S: * QUOTAROOT comp.mail.mime
type QuotaRoot struct {
	Mailbox string
	// Roots are the names of the quota roots, possibly none.
	Roots []string
}

// Kind returns "QUOTAROOT".
func (q *QuotaRoot) Kind() string { return "QUOTAROOT" }

// readQuota reads quota-response after its name (RFC 9208 §7):
//
//	quota-response = "QUOTA" SP quota-root-name SP quota-list
//	quota-list     = "(" quota-resource *(SP quota-resource) ")"
//	quota-resource = resource-name SP resource-usage SP resource-limit
func readQuota(d *Decoder) (Response, error) {
	w := d.w
	if err := w.SP(); err != nil {
		return nil, err
	}
	root, err := w.ReadAString()
	if err != nil {
		return nil, err
	}
	q := &Quota{Root: string(root)}
	if err := w.SP(); err != nil {
		return nil, err
	}
	err = w.List(func() error {
		var r QuotaResource
		off := w.Offset()
		name, err := w.ReadAtom()
		if err != nil {
			return err
		}
		if !isAtom(name) {
			return w.Failf(off, "resource-name", "expected an atom")
		}
		r.Name = upperString(name)
		if err := w.SP(); err != nil {
			return err
		}
		if r.Usage, err = w.ReadNumber64(); err != nil {
			return err
		}
		if err := w.SP(); err != nil {
			return err
		}
		if r.Limit, err = w.ReadNumber64(); err != nil {
			return err
		}
		q.Resources = append(q.Resources, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return q, nil
}

// readQuotaRoot reads quotaroot-response after its name (RFC 9208 §7):
//
//	quotaroot-response = "QUOTAROOT" SP mailbox *(SP quota-root-name)
func readQuotaRoot(d *Decoder) (Response, error) {
	w := d.w
	m, err := d.spMailbox()
	if err != nil {
		return nil, err
	}
	q := &QuotaRoot{Mailbox: m}
	for {
		if more, err := d.another(); !more || err != nil {
			return q, err
		}
		root, err := w.ReadAString()
		if err != nil {
			return nil, err
		}
		q.Roots = append(q.Roots, string(root))
	}
}

func (q *Quota) encode(e *wire.Encoder) {
	e.Atom("QUOTA").SP().AString(q.Root).SP().ListStart()
	for i, r := range q.Resources {
		if i > 0 {
			e.SP()
		}
		e.Atom(upperString([]byte(r.Name))).SP().Number64(r.Usage).SP().Number64(r.Limit)
	}
	e.ListEnd()
}

func (q *QuotaRoot) encode(e *wire.Encoder) {
	e.Atom("QUOTAROOT").SP().Mailbox(q.Mailbox)
	for _, r := range q.Roots {
		e.SP().AString(r)
	}
}
