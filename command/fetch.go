package command

import (
	"strings"

	"github.com/mailwire/imap/bodystructure"
	"github.com/mailwire/imap/wire"
)

// A Fetch is the FETCH command (RFC 9051 §6.4.5), or UID FETCH (§6.4.9),
// with the fetch modifiers of RFC 4466 §2.4 and RFC 7162:
//
//	C: A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])
//	C: a003 fetch 12 full
//	C: A999 UID FETCH 4827313:4828442 FLAGS
//	C: s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)
//
// The data items are either a macro (ALL, FAST or FULL), kept as the client
// sent it (Expand gives its items), or a list of items. A single item is
// written in its parenthesised form, "(FLAGS)": the canonical form always
// parenthesises the list.
//
// Data items of kinds this package does not know are kept raw rather than
// refused (FetchUnknown), since every extension adds its own: an atom,
// with the section that may adjoin it ("X-FOO[1]") and, inside a
// parenthesised list of items, a list that follows it ("ANNOTATION
// (/comment value)"). Outside such a list, a list after the single item is
// the fetch modifiers, as the grammar has it.
//
// A server answers what the grammar allows but the command's rules forbid
// with BAD itself: VANISHED without CHANGEDSINCE or outside UID FETCH (RFC
// 7162 §3.2.6), items of an extension the server lacks, the unknown items.
type Fetch struct {
	// UID selects UID FETCH: Set holds UIDs rather than message sequence
	// numbers.
	UID bool
	// Set is the sequence-set of the messages to fetch.
	Set wire.SeqSet
	// Macro is ALL, FAST or FULL, if the client sent one; Atts is then
	// empty.
	Macro FetchMacro
	// Atts are the data items (fetch-att), in the order sent, when there
	// is no macro.
	Atts []FetchAtt
	// ChangedSince is the CHANGEDSINCE modifier's mod-sequence (RFC 7162
	// §3.1.4.1), or 0 without it.
	ChangedSince uint64
	// Vanished is the VANISHED modifier (RFC 7162 §3.2.6).
	Vanished bool
	// Modifiers are the fetch modifiers this package does not know (RFC
	// 4466 §2.4), kept raw, in the order sent.
	Modifiers []Param
}

// A FetchMacro is one of the macros that FETCH accepts in place of a list
// of data items (RFC 9051 §6.4.5).
type FetchMacro uint8

// The macros.
const (
	FetchNoMacro   FetchMacro = iota // a list of items, no macro
	FetchMacroAll                    // ALL: FLAGS INTERNALDATE RFC822.SIZE ENVELOPE
	FetchMacroFast                   // FAST: FLAGS INTERNALDATE RFC822.SIZE
	FetchMacroFull                   // FULL: FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODY
)

var fetchMacroNames = [...]string{"", "ALL", "FAST", "FULL"}

// String returns the macro's name, or "" for none.
func (m FetchMacro) String() string {
	if int(m) < len(fetchMacroNames) {
		return fetchMacroNames[m]
	}
	return "INVALID"
}

// A FetchAtt is one data item of a FETCH command (RFC 9051 §6.4.5,
// fetch-att), such as
//
//	FLAGS
//	BODY.PEEK[HEADER.FIELDS (From To)]
//	BODY[1.2.MIME]<0.1024>
//	BINARY.PEEK[2]
//	PREVIEW (LAZY)
//
// Kind says which; the other fields apply to some kinds only and are zero
// for the others.
type FetchAtt struct {
	Kind FetchAttKind
	// Peek selects BODY.PEEK and BINARY.PEEK, which leave \Seen alone,
	// for FetchBodySection and FetchBinary.
	Peek bool
	// Section is the section of FetchBodySection, and the part of
	// FetchBinary and FetchBinarySize (RFC 3516 section-binary: a part
	// number only). The zero Section is "[]", the whole message.
	Section bodystructure.Section
	// Partial is the <origin.count> of FetchBodySection and FetchBinary;
	// its zero value means none.
	Partial FetchPartial
	// Lazy is PREVIEW's LAZY modifier (RFC 8970 §4.1): "PREVIEW (LAZY)".
	Lazy bool
	// Name is the name of a FetchUnknown item, in upper case.
	Name string
	// Args are what follows a FetchUnknown item's name, kept raw: a
	// section that adjoins the name ("X-FOO[1]", a wire.KindSection
	// value), then, inside a parenthesised list of items, a list after a
	// space ("ANNOTATION (/comment value)", a wire.KindList value); at
	// most one of each, in that order.
	Args []wire.Value
}

// A FetchPartial is the partial range "<origin.count>" of BODY[...]
// and BINARY[...] (RFC 9051 §6.4.5): Count octets from octet Origin,
// counting from 0. Both are number64 in RFC 9051 (RFC 3501 had 32-bit
// numbers), and Count is at least 1; the zero FetchPartial stands for no
// range. bodystructure.Partial.Cut applies a range that fits in 32 bits.
type FetchPartial struct {
	Origin uint64
	Count  uint64
}

// IsZero reports whether p is the zero FetchPartial: no range.
func (p FetchPartial) IsZero() bool { return p == FetchPartial{} }

// A FetchAttKind says which data item a FetchAtt is.
type FetchAttKind uint8

// The data items of RFC 9051 §6.4.5 (and RFC 3501's RFC822 items), of RFC
// 3516 (BINARY), RFC 7162 (MODSEQ), RFC 8474 (EMAILID, THREADID), RFC 8514
// (SAVEDATE), RFC 8970 (PREVIEW) and Gmail's extensions.
const (
	// FetchUnknown is an item this package does not know, named by
	// FetchAtt.Name. The grammar of FETCH grows with each extension, so
	// an unknown atom is kept rather than refused, as unknown commands
	// are; a server answers BAD if it does not know it either.
	FetchUnknown       FetchAttKind = iota
	FetchEnvelope                   // ENVELOPE
	FetchFlags                      // FLAGS
	FetchInternalDate               // INTERNALDATE
	FetchRFC822                     // RFC822, the same as BODY[] (RFC 3501)
	FetchRFC822Header               // RFC822.HEADER, as BODY.PEEK[HEADER] (RFC 3501)
	FetchRFC822Size                 // RFC822.SIZE
	FetchRFC822Text                 // RFC822.TEXT, as BODY[TEXT] (RFC 3501)
	FetchBody                       // BODY: BODYSTRUCTURE without extension data
	FetchBodyStructure              // BODYSTRUCTURE
	FetchUID                        // UID
	FetchBodySection                // BODY[section]<partial> or BODY.PEEK[...]
	FetchBinary                     // BINARY[part]<partial> or BINARY.PEEK[...] (RFC 3516)
	FetchBinarySize                 // BINARY.SIZE[part] (RFC 3516)
	FetchModSeq                     // MODSEQ (RFC 7162)
	FetchEmailID                    // EMAILID (RFC 8474)
	FetchThreadID                   // THREADID (RFC 8474)
	FetchSaveDate                   // SAVEDATE (RFC 8514)
	FetchPreview                    // PREVIEW, PREVIEW (LAZY) (RFC 8970)
	FetchGmailMsgID                 // X-GM-MSGID (Gmail)
	FetchGmailThreadID              // X-GM-THRID (Gmail)
	FetchGmailLabels                // X-GM-LABELS (Gmail)
	fetchAttKinds                   // the number of kinds
)

// fetchAttNames are the names of the kinds as items start on the wire.
var fetchAttNames = [fetchAttKinds]string{
	"", "ENVELOPE", "FLAGS", "INTERNALDATE", "RFC822", "RFC822.HEADER",
	"RFC822.SIZE", "RFC822.TEXT", "BODY", "BODYSTRUCTURE", "UID", "BODY",
	"BINARY", "BINARY.SIZE", "MODSEQ", "EMAILID", "THREADID", "SAVEDATE",
	"PREVIEW", "X-GM-MSGID", "X-GM-THRID", "X-GM-LABELS",
}

// String returns the item's name as the grammar spells it ("RFC822.SIZE",
// "BINARY.SIZE"), "BODY[]" for FetchBodySection, "BINARY[]" for
// FetchBinary and "UNKNOWN" for FetchUnknown.
func (k FetchAttKind) String() string {
	switch {
	case k == FetchUnknown:
		return "UNKNOWN"
	case k == FetchBodySection || k == FetchBinary:
		return fetchAttNames[k] + "[]"
	case k < fetchAttKinds:
		return fetchAttNames[k]
	}
	return "INVALID"
}

// fetchAttByName maps the names of the items without a section to their
// kinds.
var fetchAttByName = map[string]FetchAttKind{
	"ENVELOPE": FetchEnvelope, "FLAGS": FetchFlags, "INTERNALDATE": FetchInternalDate,
	"RFC822": FetchRFC822, "RFC822.HEADER": FetchRFC822Header, "RFC822.SIZE": FetchRFC822Size,
	"RFC822.TEXT": FetchRFC822Text, "BODYSTRUCTURE": FetchBodyStructure, "UID": FetchUID,
	"MODSEQ": FetchModSeq, "EMAILID": FetchEmailID, "THREADID": FetchThreadID,
	"SAVEDATE": FetchSaveDate, "PREVIEW": FetchPreview, "X-GM-MSGID": FetchGmailMsgID,
	"X-GM-THRID": FetchGmailThreadID, "X-GM-LABELS": FetchGmailLabels,
}

// isFetchAttName reports whether name, in upper case, starts an item this
// package types, or is a macro: an unknown item cannot have such a name.
func isFetchAttName(name string) bool {
	switch name {
	case "BODY", "BODY.PEEK", "BINARY", "BINARY.PEEK", "BINARY.SIZE", "ALL", "FAST", "FULL":
		return true
	}
	return fetchAttByName[name] != 0
}

// Kind returns "FETCH" or "UID FETCH".
func (f *Fetch) Kind() string {
	if f.UID {
		return "UID FETCH"
	}
	return "FETCH"
}

// Expand returns the data items f asks for, with a macro replaced by its
// items (RFC 9051 §6.4.5): ALL is FLAGS INTERNALDATE RFC822.SIZE ENVELOPE,
// FAST is FLAGS INTERNALDATE RFC822.SIZE, and FULL is FLAGS INTERNALDATE
// RFC822.SIZE ENVELOPE BODY. Without a macro it returns f.Atts itself.
func (f *Fetch) Expand() []FetchAtt {
	var kinds []FetchAttKind
	switch f.Macro {
	case FetchMacroAll:
		kinds = []FetchAttKind{FetchFlags, FetchInternalDate, FetchRFC822Size, FetchEnvelope}
	case FetchMacroFast:
		kinds = []FetchAttKind{FetchFlags, FetchInternalDate, FetchRFC822Size}
	case FetchMacroFull:
		kinds = []FetchAttKind{FetchFlags, FetchInternalDate, FetchRFC822Size, FetchEnvelope, FetchBody}
	default:
		return f.Atts
	}
	atts := make([]FetchAtt, len(kinds))
	for i, k := range kinds {
		atts[i].Kind = k
	}
	return atts
}

func (f *Fetch) encode(e *encoder) {
	if msg := f.check(); msg != "" {
		e.Refuse(f.Kind() + ": " + msg)
		return
	}
	if f.UID {
		e.Atom("UID").SP()
	}
	e.Atom("FETCH").SP().SeqSet(f.Set).SP()
	if f.Macro != FetchNoMacro {
		e.Atom(f.Macro.String())
	} else {
		e.ListStart()
		for i := range f.Atts {
			if i > 0 {
				e.SP()
			}
			f.Atts[i].encode(e)
		}
		e.ListEnd()
	}
	if f.ChangedSince == 0 && !f.Vanished && len(f.Modifiers) == 0 {
		return
	}
	e.SP().ListStart()
	n := 0
	if f.ChangedSince != 0 {
		e.sep(&n)
		e.Atom("CHANGEDSINCE").SP().Number64(f.ChangedSince)
	}
	if f.Vanished {
		e.sep(&n)
		e.Atom("VANISHED")
	}
	for _, m := range f.Modifiers {
		e.sep(&n)
		modsWrite(e, m.Name, &m.Value)
	}
	e.ListEnd()
}

// check returns what keeps f from having a wire form, or "".
func (f *Fetch) check() string {
	switch {
	case f.Macro > FetchMacroFull:
		return "an invalid macro"
	case f.Macro != FetchNoMacro && len(f.Atts) > 0:
		return "both a macro and data items"
	case f.Macro == FetchNoMacro && len(f.Atts) == 0:
		return "no data item"
	case f.ChangedSince > fetchMaxModSeq:
		return "CHANGEDSINCE above 2^63-1"
	}
	for i := range f.Atts {
		if msg := f.Atts[i].check(); msg != "" {
			return msg
		}
	}
	for _, m := range f.Modifiers {
		if msg := modsCheck(m.Name, &m.Value, "CHANGEDSINCE", "VANISHED"); msg != "" {
			return "fetch modifier " + msg
		}
	}
	return ""
}

// fetchMaxModSeq is the largest mod-sequence-value (RFC 7162 §7).
const fetchMaxModSeq = 1<<63 - 1

// check returns what keeps a from having a wire form, or "".
func (a *FetchAtt) check() string {
	k := a.Kind
	sectioned := k == FetchBodySection || k == FetchBinary || k == FetchBinarySize
	switch {
	case k >= fetchAttKinds:
		return "a data item of an invalid kind"
	case a.Peek && k != FetchBodySection && k != FetchBinary:
		return "PEEK on " + k.String()
	case !sectioned && !fetchSectionIsZero(a.Section):
		return "a section on " + k.String()
	case (k == FetchBinary || k == FetchBinarySize) &&
		(a.Section.Specifier != bodystructure.SpecifierNone || len(a.Section.Fields) > 0):
		return k.String() + " with a section specifier: BINARY takes a part number only"
	case !a.Partial.IsZero() && k != FetchBodySection && k != FetchBinary:
		return "a partial range on " + k.String()
	case !a.Partial.IsZero() && (a.Partial.Count == 0 || a.Partial.Count > fetchMaxNumber64 || a.Partial.Origin > fetchMaxNumber64):
		return "a partial range of 0 octets or beyond number64"
	case a.Lazy && k != FetchPreview:
		return "LAZY on " + k.String()
	case k != FetchUnknown && (a.Name != "" || a.Args != nil):
		return "a name or arguments on " + k.String()
	}
	if k == FetchUnknown {
		return checkFetchUnknown(a)
	}
	return ""
}

// fetchMaxNumber64 is the largest number64 (RFC 9051 §9).
const fetchMaxNumber64 = 1<<63 - 1

// checkFetchUnknown checks the name and arguments of an unknown item.
func checkFetchUnknown(a *FetchAtt) string {
	if !isAtom(a.Name) || strings.IndexByte(a.Name, '[') >= 0 || strings.ToUpper(a.Name) != a.Name {
		return "an unknown data item whose name is not an upper-case atom without '['"
	}
	if isFetchAttName(a.Name) {
		return "an unknown data item named " + a.Name
	}
	args := a.Args
	if len(args) > 0 && args[0].Kind == wire.KindSection {
		args = args[1:]
	}
	if len(args) > 1 || len(args) == 1 && args[0].Kind != wire.KindList {
		return "arguments of " + a.Name + " other than a section and a list"
	}
	return ""
}

func fetchSectionIsZero(s bodystructure.Section) bool {
	return len(s.Part) == 0 && s.Specifier == bodystructure.SpecifierNone && len(s.Fields) == 0
}

func (a *FetchAtt) encode(e *encoder) {
	switch a.Kind {
	case FetchUnknown:
		e.Atom(a.Name)
		for i := range a.Args {
			v := a.Args[i]
			if v.Kind == wire.KindSection {
				v.Adjacent = true
			} else {
				e.SP()
			}
			v.Encode(e.Encoder)
		}
		return
	case FetchBodySection, FetchBinary:
		name := fetchAttNames[a.Kind]
		if a.Peek {
			name += ".PEEK"
		}
		e.Atom(name)
		bodystructure.EncodeSection(e.Encoder, a.Section)
		if !a.Partial.IsZero() {
			e.Punct('<').Number64(a.Partial.Origin).Punct('.').Number64(a.Partial.Count).Punct('>')
		}
		return
	case FetchBinarySize:
		e.Atom("BINARY.SIZE")
		bodystructure.EncodeSection(e.Encoder, a.Section)
		return
	}
	e.Atom(fetchAttNames[a.Kind])
	if a.Lazy {
		e.SP().ListStart().Atom("LAZY").ListEnd()
	}
}

// readFetch reads SP sequence-set SP (macro / fetch-att / "(" fetch-att
// *(SP fetch-att) ")") [fetch-modifiers] after FETCH.
func readFetch(d *Decoder, uid bool) (Command, error) {
	w := d.w
	f := &Fetch{UID: uid}
	if err := w.SP(); err != nil {
		return nil, err
	}
	var err error
	if f.Set, err = w.ReadSeqSet(); err != nil {
		return nil, err
	}
	if err := w.SP(); err != nil {
		return nil, err
	}
	c, err := w.Peek()
	if err != nil {
		return nil, err
	}
	if c == '(' {
		if err := d.readFetchAttList(f); err != nil {
			return nil, err
		}
		return f, d.readFetchModifiers(f)
	}
	att, macro, err := d.readFetchAtt(false)
	if err != nil {
		return nil, err
	}
	if macro != FetchNoMacro {
		f.Macro = macro
		return f, d.readFetchModifiers(f)
	}
	f.Atts = []FetchAtt{att}
	if att.Kind != FetchPreview {
		return f, d.readFetchModifiers(f)
	}
	// "PREVIEW (" opens either PREVIEW's own modifiers or the fetch
	// modifiers: LAZY, the only preview-mod, is no fetch modifier.
	if more, err := d.another(); !more || err != nil {
		return f, err
	}
	if err := w.ListStart(); err != nil {
		return nil, err
	}
	off := w.Offset()
	name, err := modsReadLabel(d, "fetch-modifier")
	if err != nil {
		return nil, err
	}
	if string(name) != "LAZY" {
		return f, d.readFetchModifierItems(f, name, off)
	}
	f.Atts[0].Lazy = true
	if err := d.readPreviewMods(); err != nil {
		return nil, err
	}
	return f, d.readFetchModifiers(f)
}

// readFetchAttList reads "(" fetch-att *(SP fetch-att) ")".
func (d *Decoder) readFetchAttList(f *Fetch) error {
	w := d.w
	if err := w.ListStart(); err != nil {
		return err
	}
	// Clients ask for a few items at a time: room for the common lists
	// saves growing the slice.
	f.Atts = make([]FetchAtt, 0, 4)
	for {
		att, _, err := d.readFetchAtt(true)
		if err != nil {
			return err
		}
		f.Atts = append(f.Atts, att)
		if end, err := w.ListEnd(); end || err != nil {
			return err
		}
		if err := w.SP(); err != nil {
			return err
		}
		if c, err := w.Peek(); err != nil {
			return err
		} else if c != '(' {
			continue
		}
		// A list after an item is its argument: PREVIEW's modifiers,
		// or the arguments of an unknown item.
		a := &f.Atts[len(f.Atts)-1]
		off := w.Offset()
		switch {
		case a.Kind == FetchPreview:
			if err := w.ListStart(); err != nil {
				return err
			}
			off := w.Offset()
			name, err := modsReadLabel(d, "preview-mod")
			if err != nil {
				return err
			}
			if string(name) != "LAZY" {
				return w.Failf(off, "preview-mod", "expected LAZY, found %q", name)
			}
			a.Lazy = true
			if err := d.readPreviewMods(); err != nil {
				return err
			}
		case a.Kind == FetchUnknown:
			v, err := w.ReadValue()
			if err != nil {
				return err
			}
			a.Args = append(a.Args, v)
		default:
			return w.Failf(off, "fetch-att", "expected a FETCH data item, found '('")
		}
		if end, err := w.ListEnd(); end || err != nil {
			return err
		}
		if err := w.SP(); err != nil {
			return err
		}
	}
}

// readPreviewMods reads the rest of PREVIEW's list after its first LAZY:
// *(SP preview-mod) ")" (RFC 8970 §6). LAZY may come again.
func (d *Decoder) readPreviewMods() error {
	w := d.w
	for {
		if end, err := w.ListEnd(); end || err != nil {
			return err
		}
		if err := w.SP(); err != nil {
			return err
		}
		off := w.Offset()
		name, err := modsReadLabel(d, "preview-mod")
		if err != nil {
			return err
		}
		if string(name) != "LAZY" {
			return w.Failf(off, "preview-mod", "expected LAZY, found %q", name)
		}
	}
}

// readFetchAtt reads one fetch-att, or a macro if inList is false.
func (d *Decoder) readFetchAtt(inList bool) (FetchAtt, FetchMacro, error) {
	w := d.w
	name, off, err := d.readFetchAttName()
	if err != nil {
		return FetchAtt{}, 0, err
	}
	var a FetchAtt
	switch string(name) {
	case "ALL", "FAST", "FULL":
		if inList {
			return a, 0, w.Failf(off, "fetch-att", "the macro %s inside a list of data items", name)
		}
		switch string(name) {
		case "ALL":
			return a, FetchMacroAll, nil
		case "FAST":
			return a, FetchMacroFast, nil
		}
		return a, FetchMacroFull, nil
	case "BODY":
		c, err := w.Peek()
		if err != nil {
			return a, 0, err
		}
		if c != '[' {
			a.Kind = FetchBody
			return a, 0, nil
		}
		a.Kind = FetchBodySection
	case "BODY.PEEK":
		a.Kind, a.Peek = FetchBodySection, true
	case "BINARY":
		a.Kind = FetchBinary
	case "BINARY.PEEK":
		a.Kind, a.Peek = FetchBinary, true
	case "BINARY.SIZE":
		a.Kind = FetchBinarySize
	default:
		if a.Kind = fetchAttByName[string(name)]; a.Kind != FetchUnknown {
			return a, 0, nil
		}
		return d.readFetchUnknown(name)
	}
	// The section, and the partial range.
	secOff := w.Offset()
	if c, err := w.Peek(); err != nil {
		return a, 0, err
	} else if c != '[' {
		return a, 0, w.Failf(secOff, "section", "expected '[' after %s", name)
	}
	if a.Section, err = bodystructure.ReadSection(w); err != nil {
		return a, 0, err
	}
	if a.Kind != FetchBodySection && (a.Section.Specifier != bodystructure.SpecifierNone || len(a.Section.Fields) > 0) {
		return a, 0, w.Failf(secOff+1, "section-binary", "expected a part number only after %s", name)
	}
	if a.Kind == FetchBinarySize {
		return a, 0, nil
	}
	if ok, err := w.Accept('<'); err != nil || !ok {
		return a, 0, err
	}
	if a.Partial.Origin, err = w.ReadNumber64(); err != nil {
		return a, 0, err
	}
	if err := w.Expect('.', "partial"); err != nil {
		return a, 0, err
	}
	countOff := w.Offset()
	if a.Partial.Count, err = w.ReadNumber64(); err != nil {
		return a, 0, err
	}
	if a.Partial.Count == 0 {
		return a, 0, w.Failf(countOff, "partial", "a partial range of 0 octets (nz-number64)")
	}
	return a, 0, w.Expect('>', "partial")
}

// readFetchUnknown reads the rest of an item of a kind this package does
// not know after its name: an adjoining section, if any.
func (d *Decoder) readFetchUnknown(name []byte) (FetchAtt, FetchMacro, error) {
	w := d.w
	a := FetchAtt{Kind: FetchUnknown, Name: string(name)}
	if c, err := w.Peek(); err != nil || c != '[' {
		return a, 0, err
	}
	v, err := w.ReadValue()
	if err != nil {
		return a, 0, err
	}
	v.Adjacent = true
	a.Args = append(a.Args, v)
	return a, 0, nil
}

// fetchNameChar marks the bytes of a data item's name: the ATOM-CHARs
// except "[", which starts a section.
var fetchNameChar = func() (t [256]bool) {
	for c := 0x21; c < 0x7f; c++ {
		t[c] = strings.IndexByte(`(){%*"\][`, byte(c)) < 0
	}
	return t
}()

// readFetchAttName reads the name of a data item, up to a "[" that starts
// its section, and returns it in upper case, in d.upper if it fits, and its
// offset. The name is an atom, but "[" is an ATOM-CHAR: it is scanned from
// the decoder's window rather than read with ReadAtom.
func (d *Decoder) readFetchAttName() ([]byte, int64, error) {
	w := d.w
	off := w.Offset()
	// Peek fills the window, which Refill does not do when it is empty.
	if _, err := w.Peek(); err != nil {
		return nil, off, err
	}
	for {
		win := w.Window()
		n := 0
		for n < len(win) && fetchNameChar[win[n]] {
			n++
		}
		if n < len(win) {
			if n == 0 {
				return nil, off, w.Failf(off, "fetch-att", "expected a FETCH data item")
			}
			u := d.upper[:0]
			if n > len(d.upper) {
				u = make([]byte, 0, n)
			}
			for _, c := range win[:n] {
				if 'a' <= c && c <= 'z' {
					c -= 'a' - 'A'
				}
				u = append(u, c)
			}
			w.Consume(n)
			return u, off, nil
		}
		if !w.Refill() {
			break
		}
	}
	// The input ends, or the line is longer than the decoder takes, or
	// nothing can be scanned here: an element read meets the error.
	if _, err := w.ReadAtom(); err != nil {
		return nil, off, err
	}
	return nil, off, w.Failf(off, "fetch-att", "expected a FETCH data item")
}

// readFetchModifiers reads [fetch-modifiers] (RFC 4466 §2.4): SP "("
// fetch-modifier *(SP fetch-modifier) ")", if the line goes on.
func (d *Decoder) readFetchModifiers(f *Fetch) error {
	if more, err := d.another(); !more || err != nil {
		return err
	}
	if err := d.w.ListStart(); err != nil {
		return err
	}
	return d.readFetchModifierItems(f, nil, 0)
}

// readFetchModifierItems reads the fetch modifiers after "(", the first of
// which may have been read already (first, at offset off).
func (d *Decoder) readFetchModifierItems(f *Fetch, first []byte, off int64) error {
	w := d.w
	return modsRead(d, "fetch-modifier", first, off, func(name []byte, off int64) (bool, error) {
		switch string(name) {
		case "CHANGEDSINCE":
			if f.ChangedSince != 0 {
				return true, w.Failf(off, "fetch-modifier", "CHANGEDSINCE twice")
			}
			if err := w.SP(); err != nil {
				return true, err
			}
			n, err := readFetchModSeq(d, "chgsince-fetch-mod")
			f.ChangedSince = n
			return true, err
		case "VANISHED":
			if f.Vanished {
				return true, w.Failf(off, "fetch-modifier", "VANISHED twice")
			}
			f.Vanished = true
			return true, nil
		}
		return false, nil
	}, func(name string, v wire.Value) {
		f.Modifiers = append(f.Modifiers, Param{Name: name, Value: v})
	})
}

// readFetchModSeq reads a mod-sequence-value (RFC 7162 §7): 1 to 2^63-1.
// Zero is refused, as the grammar has it, though some clients send it
// (iPhone Mail's CHANGEDSINCE 0).
func readFetchModSeq(d *Decoder, rule string) (uint64, error) {
	off := d.w.Offset()
	n, err := d.w.ReadNumber64()
	if err == nil && n == 0 {
		err = d.w.Failf(off, rule, "a mod-sequence-value of 0")
	}
	return n, err
}

// modsRead reads the items of a list of RFC 4466 extension items
// after its "(": fetch-modifier, store-modifier or select-param, each a
// tagged-ext-label [SP tagged-ext-val], separated by spaces, up to the
// closing ")". first, if not nil, is the label of the first item, already
// read at offset off. known reads the value of a label this package types,
// if it is one, and reports whether it was; raw receives the others with
// their values.
//
// A tagged-ext-val starts with a digit, "*", "$" or "(", and a label never
// does, so a value is told from the next item by its first byte.
func modsRead(d *Decoder, rule string, first []byte, off int64,
	known func(name []byte, off int64) (bool, error), raw func(name string, v wire.Value)) error {
	w := d.w
	name := first
	for {
		if name == nil {
			off = w.Offset()
			var err error
			if name, err = modsReadLabel(d, rule); err != nil {
				return err
			}
		}
		ok, err := known(name, off)
		if err != nil {
			return err
		}
		var label string
		if !ok {
			label = string(name)
		}
		name = nil
		if end, err := w.ListEnd(); err != nil {
			return err
		} else if end {
			if !ok {
				raw(label, wire.Value{})
			}
			return nil
		}
		if err := w.SP(); err != nil {
			return err
		}
		if ok {
			continue
		}
		c, err := w.Peek()
		if err != nil {
			return err
		}
		if !modsValueStart(c) {
			raw(label, wire.Value{})
			continue
		}
		voff := w.Offset()
		v, err := w.ReadValue()
		if err != nil {
			return err
		}
		if !modsIsValue(&v) {
			return w.Failf(voff, "tagged-ext-val", "expected a sequence set, a number or a list")
		}
		raw(label, v)
		if end, err := w.ListEnd(); end || err != nil {
			return err
		}
		if err := w.SP(); err != nil {
			return err
		}
	}
}

// modsReadLabel reads a tagged-ext-label (RFC 4466 §2.1) and returns
// it in upper case, in d.upper if it fits.
func modsReadLabel(d *Decoder, rule string) ([]byte, error) {
	off := d.w.Offset()
	name, err := d.name()
	if err != nil {
		return nil, err
	}
	if i := extLabelBad(name); i >= 0 {
		return nil, d.w.Failf(off+int64(i), rule, "%q is not a tagged-ext-label", name)
	}
	return name, nil
}

func modsValueStart(c byte) bool {
	return '0' <= c && c <= '9' || c == '*' || c == '$' || c == '('
}

// modsIsValue reports whether v, as ReadValue read it, is a
// tagged-ext-val: a number64, a sequence set (an atom), or a list.
func modsIsValue(v *wire.Value) bool {
	switch v.Kind {
	case wire.KindNumber:
		return v.Num <= fetchMaxNumber64
	case wire.KindList:
		return true
	case wire.KindAtom:
		_, err := wire.ParseSeqSet(string(v.Bytes))
		return err == nil
	}
	return false
}

// modsCheck returns what keeps a raw extension item (a fetch or store
// modifier, a select parameter) from having a wire form that decodes to
// the same value, or "". reserved are the names this package types.
func modsCheck(name string, v *wire.Value, reserved ...string) string {
	if extLabelBad(name) >= 0 || strings.ToUpper(name) != name {
		return "name " + name + " is not an upper-case tagged-ext-label"
	}
	for _, r := range reserved {
		if name == r {
			return "named " + name + " kept raw"
		}
	}
	if v.Kind != wire.KindInvalid && !modsIsValue(v) {
		return name + ": a value that is not a tagged-ext-val"
	}
	return ""
}

// modsWrite writes a raw extension item: its label and its value, if
// any.
func modsWrite(e *encoder, name string, v *wire.Value) {
	e.Atom(name)
	if v.Kind != wire.KindInvalid {
		e.SP()
		v.Encode(e.Encoder)
	}
}

func init() {
	register(readFetch, "FETCH", "UID FETCH")
}
