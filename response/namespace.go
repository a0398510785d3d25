package response

import (
	"github.com/mailwire/imap/wire"
)

// A Namespace is the NAMESPACE response (RFC 2342 §5, RFC 9051 §7.3.2):
// the prefixes and hierarchy delimiters of the server's personal, other
// users' and shared namespaces.
//
//	S: * NAMESPACE (("" "/")) NIL NIL
//	S: * NAMESPACE (("" "/")) (("~" "/")) (("#shared/" "/")("#public/" "/")("#ftp/" "/")("#news." "."))
//	S: * NAMESPACE (("" "/")("#mh/" "/" "X-PARAM" ("FLAG1" "FLAG2"))) NIL NIL
//
// The grammar (RFC 9051 §9, as RFC 4466 restated RFC 2342 §6) is
//
//	namespace-response = "NAMESPACE" SP namespace SP namespace SP namespace
//	namespace          = nil / "(" 1*namespace-descr ")"
//	namespace-descr    = "(" string SP (DQUOTE QUOTED-CHAR DQUOTE / nil)
//	                     [namespace-response-extensions] ")"
//	namespace-response-extension = SP string SP "(" string *(SP string) ")"
//
// with no space between the descriptions of one namespace.
type Namespace struct {
	// Personal, Other and Shared are the personal namespaces, the other
	// users' namespaces and the shared namespaces. A nil slice is NIL (no
	// namespace of that class); the encoder refuses a non-nil empty one,
	// for which the grammar has no form.
	Personal, Other, Shared []NamespaceDescr
}

// A NamespaceDescr describes one namespace (namespace-descr).
type NamespaceDescr struct {
	// Prefix is the namespace's prefix string as sent, such as "",
	// "INBOX.", "~" or "#shared/". It is the start of mailbox names, and
	// so in modified UTF-7 (RFC 2342 §6) unless UTF8=ACCEPT or IMAP4rev2
	// is in force, when it is UTF-8: wire.DecodeMailbox turns the former
	// into the form of List.Mailbox. It is kept as sent, not decoded:
	// the grammar makes it a string (never an atom), and the encoder
	// cannot tell whether its session writes mailbox names as modified
	// UTF-7 or as UTF-8, so it could not write a decoded prefix back.
	Prefix string
	// Delim is the namespace's hierarchy delimiter, or 0 for NIL.
	Delim byte
	// Ext are the namespace-response-extensions, in the order sent, such
	// as RFC 5255's TRANSLATION.
	Ext []NamespaceExt
}

// A NamespaceExt is one namespace-response-extension: a name and one or
// more string values, such as "X-PARAM" ("FLAG1" "FLAG2") or RFC 5255's
// "TRANSLATION" ("Andere Ben&APw-tzer/"). Both are kept as sent.
type NamespaceExt struct {
	Name   string
	Values []string // at least one
}

// Kind returns "NAMESPACE".
func (n *Namespace) Kind() string { return "NAMESPACE" }

func (n *Namespace) encode(e *wire.Encoder) {
	e.Atom("NAMESPACE")
	for _, ns := range [...][]NamespaceDescr{n.Personal, n.Other, n.Shared} {
		e.SP()
		if ns == nil {
			e.NIL()
			continue
		}
		if len(ns) == 0 {
			e.Refuse("an empty namespace list: NIL or at least one namespace (RFC 9051 namespace)")
			return
		}
		e.ListStart()
		for i := range ns {
			encodeNamespaceDescr(e, &ns[i])
		}
		e.ListEnd()
	}
}

func encodeNamespaceDescr(e *wire.Encoder, ns *NamespaceDescr) {
	e.ListStart().String(ns.Prefix).SP()
	encodeDelim(e, ns.Delim)
	for _, x := range ns.Ext {
		if len(x.Values) == 0 {
			e.Refuse("the namespace extension " + x.Name + " without a value")
			return
		}
		e.SP().String(x.Name).SP().ListStart()
		for i, v := range x.Values {
			if i > 0 {
				e.SP()
			}
			e.String(v)
		}
		e.ListEnd()
	}
	e.ListEnd()
}

// readNamespace reads namespace-response after its name.
func readNamespace(d *Decoder) (Response, error) {
	n := &Namespace{}
	for _, ns := range [...]*[]NamespaceDescr{&n.Personal, &n.Other, &n.Shared} {
		if err := d.w.SP(); err != nil {
			return nil, err
		}
		var err error
		if *ns, err = d.readNamespaceList(); err != nil {
			return nil, err
		}
	}
	return n, nil
}

// readNamespaceList reads one namespace: nil / "(" 1*namespace-descr ")".
func (d *Decoder) readNamespaceList() ([]NamespaceDescr, error) {
	w := d.w
	c, err := w.Peek()
	if err != nil {
		return nil, err
	}
	if c != '(' {
		return nil, d.readNIL("namespace", "a list of namespace descriptions or NIL")
	}
	if err := w.ListStart(); err != nil {
		return nil, err
	}
	var list []NamespaceDescr
	for {
		if len(list) > 0 {
			if end, err := w.ListEnd(); err != nil || end {
				return list, err
			}
		}
		off := w.Offset()
		if c, err := w.Peek(); err != nil {
			return nil, err
		} else if c != '(' {
			return nil, w.Failf(off, "namespace", "expected '(' and a namespace description")
		}
		ns, err := d.readNamespaceDescr()
		if err != nil {
			return nil, err
		}
		list = append(list, ns)
	}
}

// readNamespaceDescr reads namespace-descr.
func (d *Decoder) readNamespaceDescr() (NamespaceDescr, error) {
	w := d.w
	var ns NamespaceDescr
	if err := w.ListStart(); err != nil {
		return ns, err
	}
	prefix, err := w.ReadString()
	if err != nil {
		return ns, err
	}
	ns.Prefix = string(prefix)
	if err := w.SP(); err != nil {
		return ns, err
	}
	if ns.Delim, err = d.readDelim("namespace-descr"); err != nil {
		return ns, err
	}
	for {
		if end, err := w.ListEnd(); err != nil || end {
			return ns, err
		}
		if err := w.SP(); err != nil {
			return ns, err
		}
		name, err := w.ReadString()
		if err != nil {
			return ns, err
		}
		x := NamespaceExt{Name: string(name)}
		if err := w.SP(); err != nil {
			return ns, err
		}
		if err := w.ListStart(); err != nil {
			return ns, err
		}
		for {
			v, err := w.ReadString()
			if err != nil {
				return ns, err
			}
			x.Values = append(x.Values, string(v))
			if end, err := w.ListEnd(); err != nil {
				return ns, err
			} else if end {
				break
			}
			if err := w.SP(); err != nil {
				return ns, err
			}
		}
		ns.Ext = append(ns.Ext, x)
	}
}
