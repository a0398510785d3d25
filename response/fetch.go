package response

import (
	"io"
	"math"
	"time"
	"unsafe"

	"github.com/mailwire/imap/bodystructure"
	"github.com/mailwire/imap/wire"
)

// A Fetch is a FETCH response (RFC 9051 §7.5.2): the data items of one
// message.
//
//   - 12 FETCH (UID 4827313 FLAGS (\Seen) RFC822.SIZE 44827)
//
// Has says which of the single-valued items the response carries; the
// fields of the others are zero. Body sections, BINARY.SIZE items and items
// of unknown kinds are lists, present when not empty.
//
// The encoder writes the items in a fixed order, the order of the fields
// below, whatever the order they came in: UID, FLAGS, INTERNALDATE,
// RFC822.SIZE, ENVELOPE, BODY, BODYSTRUCTURE, MODSEQ, EMAILID, THREADID,
// SAVEDATE, PREVIEW, X-GM-MSGID, X-GM-THRID, X-GM-LABELS, SNIPPET, the BINARY.SIZE
// items, the sections and the unknown items in the order they came.
type Fetch struct {
	// Seq is the message's sequence number.
	Seq uint32
	// Has holds the items present, a FetchUID | FetchFlags | ... mask.
	Has FetchItem

	UID   uint32   // UID (nz-number)
	Flags []string // FLAGS; system flags in canonical case ("\Seen")
	// InternalDate is INTERNALDATE, in the zone it was sent in.
	InternalDate time.Time
	// Size is RFC822.SIZE (number64 in RFC 9051).
	Size uint64
	// Envelope is ENVELOPE; Body is BODY and BodyStructure is
	// BODYSTRUCTURE. Servers send BODY without extension data, and a
	// server should give Body that form (Body.NonExtensible); a Body with
	// extension data, which the grammar allows, is written with it, as it
	// was read.
	Envelope      *bodystructure.Envelope
	Body          *bodystructure.Body
	BodyStructure *bodystructure.Body
	// ModSeq is MODSEQ (RFC 7162): a positive 63-bit number.
	ModSeq uint64
	// EmailID and ThreadID are EMAILID and THREADID (RFC 8474). A
	// ThreadID that is not Valid is NIL: the server does not track threads.
	EmailID  string
	ThreadID wire.NString
	// SaveDate is SAVEDATE (RFC 8514); the zero time stands for NIL, which
	// servers send for a mailbox without save dates.
	SaveDate time.Time
	// Preview is PREVIEW (RFC 8970), NIL when the server has none.
	Preview wire.NString
	// Snippet is SNIPPET, the form of PREVIEW in the draft that preceded
	// RFC 8970 (draft-ietf-extra-imap-fetch-snippet), which Dovecot 2.3
	// still answers as SNIPPET (FUZZY "text"); SnippetAlgorithm is the
	// algorithm named, in upper case.
	SnippetAlgorithm string
	Snippet          wire.NString
	// GmailMsgID, GmailThreadID and GmailLabels are Gmail's X-GM-MSGID,
	// X-GM-THRID and X-GM-LABELS.
	GmailMsgID    uint64
	GmailThreadID uint64
	GmailLabels   []string

	// BinarySizes are the BINARY.SIZE items (RFC 3516).
	BinarySizes []BinarySize
	// Sections are the body sections: BODY[...], BINARY[...], RFC822,
	// RFC822.HEADER and RFC822.TEXT, in the order they came.
	Sections []Section
	// Unknown are items of kinds this package does not know, kept raw.
	Unknown []FetchUnknown
}

// A FetchItem names one of the single-valued FETCH data items, as a bit
// of Fetch.Has.
type FetchItem uint32

// The single-valued FETCH data items.
const (
	FetchUID FetchItem = 1 << iota
	FetchFlags
	FetchInternalDate
	FetchSize
	FetchEnvelope
	FetchBody
	FetchBodyStructure
	FetchModSeq
	FetchEmailID
	FetchThreadID
	FetchSaveDate
	FetchPreview
	FetchGmailMsgID
	FetchGmailThreadID
	FetchGmailLabels
	FetchSnippet
)

// fetchItemNames are the names of the FetchItem bits, in encoding order.
var fetchItemNames = [...]string{
	"UID", "FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODY",
	"BODYSTRUCTURE", "MODSEQ", "EMAILID", "THREADID", "SAVEDATE", "PREVIEW",
	"X-GM-MSGID", "X-GM-THRID", "X-GM-LABELS", "SNIPPET",
}

// String returns the item's name as the grammar spells it ("RFC822.SIZE"),
// or the names of the items of a mask joined by spaces.
func (it FetchItem) String() string {
	s := ""
	for i, name := range fetchItemNames {
		if it&(1<<i) != 0 {
			if s != "" {
				s += " "
			}
			s += name
		}
	}
	return s
}

// A SectionKind says which FETCH item carries a body section.
type SectionKind uint8

// The items that carry message data.
const (
	SectionBody         SectionKind = iota // BODY[section]<origin>
	SectionBinary                          // BINARY[section-part]<origin> (RFC 3516)
	SectionRFC822                          // RFC822, the same as BODY[]
	SectionRFC822Header                    // RFC822.HEADER, as BODY[HEADER]
	SectionRFC822Text                      // RFC822.TEXT, as BODY[TEXT]
)

var sectionKindNames = [...]string{"BODY", "BINARY", "RFC822", "RFC822.HEADER", "RFC822.TEXT"}

// String returns the item's name: "BODY", "BINARY", "RFC822", ...
func (k SectionKind) String() string {
	if int(k) < len(sectionKindNames) {
		return sectionKindNames[k]
	}
	return "INVALID"
}

// A Section is one item of message data in a FETCH response:
//
//	BODY[1.2.MIME] {79}
//	BODY[]<1024> {512}
//	BINARY[2] ~{1280}
//	RFC822.HEADER {342}
type Section struct {
	Kind SectionKind
	// Section is the part and specifier of BODY and BINARY (for BINARY
	// only a part); it is empty for the RFC822 items.
	Section bodystructure.Section
	// Origin is the offset of the first byte, if HasOrigin: the data
	// is then a partial fetch, "BODY[]<1024>".
	Origin    uint32
	HasOrigin bool
	// Data is the content. It is nil when the server sent NIL, and when
	// the Decoder handed the content to a SectionFunc instead.
	Data []byte
	// Nil is set when the server sent NIL instead of the content.
	Nil bool
}

// A BinarySize is a BINARY.SIZE item (RFC 3516): the size of a part after
// its content transfer encoding is removed.
//
//	BINARY.SIZE[1.2] 4096
type BinarySize struct {
	Part []int // part number, nil for the whole message
	Size uint32
}

// A FetchUnknown is a FETCH item of a kind this package does not know,
// kept as generic values: its name, the items of a section that adjoins
// the name ("X-FOO[1]"), if any, and its value.
type FetchUnknown struct {
	Name    string // in upper case
	Section []wire.Value
	// HasSection tells "X-FOO[] v" from "X-FOO v".
	HasSection bool
	Value      wire.Value
}

// Kind returns "FETCH".
func (f *Fetch) Kind() string { return "FETCH" }

func (f *Fetch) hasUnknown() bool { return len(f.Unknown) > 0 }

// A SectionFunc receives the content of a body section while the Decoder
// reads it, instead of having it buffered in Section.Data: r yields exactly
// the content's bytes, and whatever the function leaves unread is skipped.
// f holds the items read so far and s the section's item, with Data nil.
// An error from the function ends the response with that error; the
// decoder can then Skip to the next one.
type SectionFunc func(f *Fetch, s *Section, r io.Reader) error

// StreamSections makes d hand the content of FETCH body sections to fn as
// it reads it, rather than buffer it under the wire.MaxLiteralBuffer limit.
// A nil fn restores buffering.
func (d *Decoder) StreamSections(fn SectionFunc) { d.sectionFn = fn }

// readFetch reads "FETCH" SP "(" msg-att ")" after the name.
func readFetch(d *Decoder, n uint32, off int64) (Response, error) {
	w := d.w
	if n == 0 {
		return nil, w.Failf(off-2, "message-data", "message sequence number 0")
	}
	f := d.newFetch()
	f.Seq = n
	if err := w.SP(); err != nil {
		return nil, err
	}
	if err := w.ListStart(); err != nil {
		return nil, err
	}
	for i := 0; ; i++ {
		if name, off, ok := d.fastName(i > 0); ok {
			if d.fastValue(f, name) {
				continue
			}
			if err := d.fetchValue(f, name, nil, off); err != nil {
				return nil, err
			}
			continue
		}
		if i > 0 {
			end, err := w.ListEnd()
			if err != nil {
				return nil, err
			}
			if end {
				break
			}
			if err := w.SP(); err != nil {
				return nil, err
			}
		}
		if err := d.fetchItem(f); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// fastValue reads SP and the value of the item name, if it is one of the
// small ones servers send in every FETCH response (UID, FLAGS,
// RFC822.SIZE, MODSEQ) in its common shape, straight from the decoder's
// buffered bytes. It reports whether it did; if not, it consumed nothing
// and fetchValue reads the value.
func (d *Decoder) fastValue(f *Fetch, name itemName) bool {
	b := d.w.Window()
	if d.w.DepthLeft() < 1 {
		return false // the lists of FLAGS and MODSEQ would be too deep
	}
	if len(b) < 2 || b[0] != ' ' || b[1] == ' ' {
		return false
	}
	j := 1
	var item FetchItem
	switch name {
	case nameUID:
		n, k := scanNumber(b[j:], 1<<32-1)
		if k == 0 || n == 0 {
			return false
		}
		item, f.UID, j = FetchUID, uint32(n), j+k
	case nameRFC822Size:
		n, k := scanNumber(b[j:], 1<<63-1)
		if k == 0 {
			return false
		}
		item, f.Size, j = FetchSize, n, j+k
	case nameModSeq:
		if b[j] != '(' {
			return false
		}
		n, k := scanNumber(b[j+1:], 1<<63-1)
		if k == 0 || n == 0 || j+1+k >= len(b) || b[j+1+k] != ')' {
			return false
		}
		item, f.ModSeq, j = FetchModSeq, n, j+k+2
	case nameFlags:
		k, ok := d.scanFlags(b[j:], f)
		if !ok {
			return false
		}
		item, j = FetchFlags, j+k
	default:
		return false
	}
	if f.Has&item != 0 || j >= len(b) || b[j] != ' ' && b[j] != ')' {
		// Twice, or something odd follows: fetchValue reports it.
		d.undoItem(f, item)
		return false
	}
	f.Has |= item
	d.w.Consume(j)
	return true
}

// undoItem clears what fastValue set of item when it gives up.
func (d *Decoder) undoItem(f *Fetch, item FetchItem) {
	if f.Has&item != 0 {
		return // the earlier value stays
	}
	switch item {
	case FetchUID:
		f.UID = 0
	case FetchSize:
		f.Size = 0
	case FetchModSeq:
		f.ModSeq = 0
	case FetchFlags:
		f.Flags = nil
	}
}

// scanNumber reads a number no larger than max at the start of b, which
// must go on after it, and returns it and its length, 0 if there is none.
func scanNumber(b []byte, max uint64) (uint64, int) {
	var n uint64
	i := 0
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		if i == 19 {
			return 0, 0
		}
		n = n*10 + uint64(b[i]-'0')
		i++
	}
	if i == len(b) || n > max {
		return 0, 0
	}
	return n, i
}

// scanFlags reads "(" [flag *(SP flag)] ")" of plain flags (system flags
// and keyword atoms, no "\*", no "]") at the start of b, and returns its
// length.
func (d *Decoder) scanFlags(b []byte, f *Fetch) (int, bool) {
	if len(b) == 0 || b[0] != '(' {
		return 0, false
	}
	start := len(d.strStack)
	defer func() { d.strStack = d.strStack[:start] }()
	i := 1
	for {
		if i < len(b) && b[i] == ')' && (i == 1) {
			break
		}
		j := i
		if j < len(b) && b[j] == '\\' {
			j++
		}
		k := j
		for k < len(b) && atomChar[b[k]] {
			k++
		}
		if k == j || k == len(b) {
			return 0, false
		}
		d.strStack = append(d.strStack, d.flag(b[i:k]))
		if b[k] == ')' {
			i = k
			break
		}
		if b[k] != ' ' || k+1 < len(b) && b[k+1] == ' ' {
			return 0, false
		}
		i = k + 1
	}
	f.Flags = d.strings(start)
	return i + 1, true
}

// fetchItem reads one msg-att item.
func (d *Decoder) fetchItem(f *Fetch) error {
	w := d.w
	t, err := w.ReadToken()
	if err != nil {
		return err
	}
	if t.Kind != wire.KindAtom {
		return w.Failf(t.Offset, "msg-att", "expected a FETCH item name, found %s", t.Kind)
	}
	upper := d.upperName(t.Bytes())
	return d.fetchValue(f, lookupItemName(upper), upper, t.Offset)
}

// fastName reads the name of the next item, after a space unless it is the
// first, if it is a known one in upper case, straight from the decoder's
// buffered bytes, and returns it and its offset. It reports whether it
// did; if not, it consumed nothing.
func (d *Decoder) fastName(sp bool) (name itemName, off int64, ok bool) {
	b := d.w.Window()
	i := 0
	if sp {
		if len(b) < 2 || b[0] != ' ' || b[1] == ' ' {
			return 0, 0, false
		}
		i = 1
	}
	name, n := commonItemName(b[i:])
	j := i + n
	if n == 0 {
		for j < len(b) && fetchNameChar[b[j]] {
			j++
		}
		if j == i || j == len(b) {
			return 0, 0, false
		}
		if name = lookupItemName(b[i:j]); name == nameUnknown {
			return 0, 0, false
		}
	}
	if b[j] != ' ' && b[j] != '[' {
		return 0, 0, false
	}
	off = d.w.Offset() + int64(i)
	d.w.Consume(j)
	return name, off, true
}

// commonItemName returns the name of one of the items clients fetch most
// and its length, if b starts with it followed by a byte that is not part
// of a name, or a length of 0: it saves fastName its loop over the bytes.
func commonItemName(b []byte) (itemName, int) {
	if len(b) == 0 {
		return nameUnknown, 0
	}
	var name itemName
	var n int
	switch b[0] {
	case 'U':
		name, n = nameUID, len("UID")
	case 'F':
		name, n = nameFlags, len("FLAGS")
	case 'I':
		name, n = nameInternalDate, len("INTERNALDATE")
	case 'R':
		name, n = nameRFC822Size, len("RFC822.SIZE")
	case 'E':
		name, n = nameEnvelope, len("ENVELOPE")
	case 'B':
		name, n = nameBodyStructure, len("BODYSTRUCTURE")
	default:
		return nameUnknown, 0
	}
	if len(b) <= n || fetchNameChar[b[n]] {
		return nameUnknown, 0
	}
	switch string(b[:n]) {
	case "UID", "FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODYSTRUCTURE":
		return name, n
	}
	return nameUnknown, 0
}

// fetchValue reads the rest of an item after its name, which started at
// offset off; upper is the name in upper case, needed only for an unknown
// item.
func (d *Decoder) fetchValue(f *Fetch, name itemName, upper []byte, off int64) error {
	w := d.w
	var err error
	item, rule := FetchItem(0), ""
	switch name {
	case nameUID:
		item, rule = FetchUID, "uniqueid"
		f.UID, err = d.nzNumber(rule)
	case nameFlags:
		item, rule = FetchFlags, "flag-fetch"
		if err = w.SP(); err == nil {
			f.Flags, err = d.flagList(rule, false)
		}
	case nameInternalDate:
		item, rule = FetchInternalDate, "date-time"
		if err = w.SP(); err == nil {
			f.InternalDate, err = w.ReadDateTime()
		}
	case nameRFC822Size:
		item, rule = FetchSize, "number64"
		if err = w.SP(); err == nil {
			f.Size, err = w.ReadNumber64()
		}
	case nameEnvelope:
		item, rule = FetchEnvelope, "envelope"
		if err = w.SP(); err == nil {
			f.Envelope, err = d.arena.ReadEnvelope(w)
		}
	case nameBodyStructure:
		item, rule = FetchBodyStructure, "body"
		if err = w.SP(); err == nil {
			f.BodyStructure, err = d.arena.ReadBody(w)
		}
	case nameBody:
		c, perr := w.Peek()
		if perr != nil {
			return perr
		}
		if c == '[' {
			return d.readSection(f, SectionBody)
		}
		item, rule = FetchBody, "body"
		if err = w.SP(); err == nil {
			f.Body, err = d.arena.ReadBody(w)
		}
	case nameBinary:
		return d.readSection(f, SectionBinary)
	case nameBinarySize:
		return d.binarySize(f, off)
	case nameRFC822:
		return d.readSection(f, SectionRFC822)
	case nameRFC822Header:
		return d.readSection(f, SectionRFC822Header)
	case nameRFC822Text:
		return d.readSection(f, SectionRFC822Text)
	case nameModSeq:
		// "MODSEQ" SP "(" permsg-modsequence ")" (RFC 7162 §7).
		item, rule = FetchModSeq, "fetch-mod-resp"
		if err = w.SP(); err == nil {
			if err = w.ListStart(); err == nil {
				if f.ModSeq, err = d.modSeq(rule); err == nil {
					err = d.listEnd(rule)
				}
			}
		}
	case nameEmailID:
		item, rule = FetchEmailID, "fetch-emailid-resp"
		f.EmailID, err = d.objectID(rule, false)
	case nameThreadID:
		item, rule = FetchThreadID, "fetch-threadid-resp"
		var id string
		if id, err = d.objectID(rule, true); id != "" {
			f.ThreadID = wire.Str(id)
		}
	case nameSaveDate:
		item, rule = FetchSaveDate, "msg-att-savedate"
		if err = w.SP(); err == nil {
			var c byte
			if c, err = w.Peek(); err == nil && c != '"' {
				_, err = d.nil(rule)
			} else if err == nil {
				f.SaveDate, err = w.ReadDateTime()
				if err == nil && f.SaveDate.IsZero() {
					err = w.Failf(off, rule, "a SAVEDATE of the zero time")
				}
			}
		}
	case namePreview:
		item, rule = FetchPreview, "preview-response"
		if err = w.SP(); err == nil {
			var b []byte
			var ok bool
			if b, ok, err = w.ReadNString(); ok {
				f.Preview = wire.Str(string(b))
			}
		}
	case nameSnippet:
		// "SNIPPET" SP "(" algorithm SP nstring ")"
		item, rule = FetchSnippet, "snippet"
		if err = w.SP(); err == nil {
			if err = w.ListStart(); err == nil {
				var b []byte
				if b, err = w.ReadAtom(); err == nil {
					if !isAtom(b) {
						return w.Failf(off, rule, "snippet algorithm %q", b)
					}
					f.SnippetAlgorithm = upperString(b)
					if err = w.SP(); err == nil {
						var ok bool
						if b, ok, err = w.ReadNString(); ok {
							f.Snippet = wire.Str(string(b))
						}
						if err == nil {
							err = d.listEnd(rule)
						}
					}
				}
			}
		}
	case nameGmailMsgID:
		item, rule = FetchGmailMsgID, "x-gm-msgid"
		if err = w.SP(); err == nil {
			f.GmailMsgID, err = w.ReadNumber64()
		}
	case nameGmailThreadID:
		item, rule = FetchGmailThreadID, "x-gm-thrid"
		if err = w.SP(); err == nil {
			f.GmailThreadID, err = w.ReadNumber64()
		}
	case nameGmailLabels:
		item, rule = FetchGmailLabels, "x-gm-labels"
		if err = w.SP(); err == nil {
			f.GmailLabels, err = d.labels(rule)
		}
	default:
		if !isAtom(upper) {
			return w.Failf(off, "msg-att", "expected a FETCH item name, found %q", upper)
		}
		return d.fetchUnknown(f, upper)
	}
	if err != nil {
		return err
	}
	if f.Has&item != 0 {
		return w.Failf(off, rule, "%s twice in one FETCH response", item)
	}
	f.Has |= item
	return nil
}

// upperName returns b in upper case, in d.upper if it fits.
func (d *Decoder) upperName(b []byte) []byte {
	u := d.upper[:0]
	if len(b) > len(d.upper) {
		u = make([]byte, 0, len(b))
	}
	for _, c := range b {
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		u = append(u, c)
	}
	return u
}

// nzNumber reads SP nz-number.
func (d *Decoder) nzNumber(rule string) (uint32, error) {
	if err := d.w.SP(); err != nil {
		return 0, err
	}
	return d.w.ReadNZNumber()
}

// modSeq reads a mod-sequence-value: a positive number below 2^63.
func (d *Decoder) modSeq(rule string) (uint64, error) {
	off := d.w.Offset()
	n, err := d.w.ReadNumber64()
	if err == nil && (n == 0 || n > math.MaxInt64) {
		err = d.w.Failf(off, rule, "mod-sequence %d out of range", n)
	}
	return n, err
}

// listEnd reads the ")" that must end a list.
func (d *Decoder) listEnd(rule string) error {
	off := d.w.Offset()
	end, err := d.w.ListEnd()
	if err == nil && !end {
		err = d.w.Failf(off, rule, "expected ')'")
	}
	return err
}

// nil reads NIL.
func (d *Decoder) nil(rule string) (bool, error) {
	off := d.w.Offset()
	b, ok, err := d.w.ReadNString()
	if err == nil && ok {
		return false, d.w.Failf(off, rule, "expected NIL, found the string %q", b)
	}
	return true, err
}

// objectID reads SP "(" objectid ")" (RFC 8474), or NIL if nilOK.
func (d *Decoder) objectID(rule string, nilOK bool) (string, error) {
	w := d.w
	if err := w.SP(); err != nil {
		return "", err
	}
	if nilOK {
		if c, err := w.Peek(); err != nil || c != '(' {
			if err == nil {
				_, err = d.nil(rule)
			}
			return "", err
		}
	}
	if err := w.ListStart(); err != nil {
		return "", err
	}
	off := w.Offset()
	b, err := w.ReadAtom()
	if err != nil {
		return "", err
	}
	if !validObjectID(b) {
		return "", w.Failf(off, rule, "objectid %q: 1 to 255 letters, digits, '-' or '_'", b)
	}
	id := d.arena.String(b)
	return id, d.listEnd(rule)
}

// validObjectID reports whether b is an objectid (RFC 8474 §7): 1 to 255
// of A-Z a-z 0-9 "_" "-".
func validObjectID[T string | []byte](b T) bool {
	if len(b) == 0 || len(b) > 255 {
		return false
	}
	for i := 0; i < len(b); i++ {
		if !objectChar[b[i]] {
			return false
		}
	}
	return true
}

// flagList reads "(" [flag *(SP flag)] ")". "\*" is only a flag of
// PERMANENTFLAGS: elsewhere it is wire.QuirkStarFlagInFlags (Zoho).
func (d *Decoder) flagList(rule string, star bool) ([]string, error) {
	w := d.w
	return d.strList(func() (string, error) {
		off := w.Offset()
		b, err := w.ReadFlag()
		if err != nil {
			return "", err
		}
		if i := badFlagByte(b); i >= 0 {
			// 8-bit bytes, which lenient reading accepts, have no
			// wire form in a flag.
			return "", w.Failf(off+int64(i), rule, "flag %q is not an atom", b)
		}
		if !star && len(b) == 2 && b[1] == '*' {
			if err := w.Quirk(wire.QuirkStarFlagInFlags, off, rule); err != nil {
				return "", err
			}
		}
		return d.flag(b), nil
	})
}

// labels reads X-GM-LABELS' list: "(" [label *(SP label)] ")", each label
// an astring or a system label ("\Inbox", "\Sent").
func (d *Decoder) labels(rule string) ([]string, error) {
	w := d.w
	return d.strList(func() (string, error) {
		c, err := w.Peek()
		if err != nil {
			return "", err
		}
		off := w.Offset()
		var b []byte
		if c == '\\' {
			if b, err = w.ReadFlag(); err == nil {
				if i := badFlagByte(b); i >= 0 {
					// As in FLAGS: 8-bit bytes have no wire form in a
					// system label.
					err = w.Failf(off+int64(i), rule, "label %q is not an atom", b)
				}
			}
		} else {
			b, err = w.ReadAString()
		}
		if err != nil {
			return "", err
		}
		return d.arena.String(b), nil
	})
}

// strList reads "(" [item *(SP item)] ")", each item read by item, into a
// list from d's blocks.
func (d *Decoder) strList(item func() (string, error)) ([]string, error) {
	w := d.w
	if err := w.ListStart(); err != nil {
		return nil, err
	}
	start := len(d.strStack)
	defer func() { d.strStack = d.strStack[:start] }()
	for i := 0; ; i++ {
		end, err := w.ListEnd()
		if err != nil {
			return nil, err
		}
		if end {
			return d.strings(start), nil
		}
		if i > 0 {
			if err := w.SP(); err != nil {
				return nil, err
			}
		}
		s, err := item()
		if err != nil {
			return nil, err
		}
		d.strStack = append(d.strStack, s)
	}
}

// strings returns a copy of d.strStack[start:], never nil.
func (d *Decoder) strings(start int) []string {
	items := d.strStack[start:]
	if len(items) == 0 {
		return []string{}
	}
	if cap(d.strBlock)-len(d.strBlock) < len(items) {
		d.strBlock = make([]string, 0, max(256, len(items)))
	}
	i := len(d.strBlock)
	d.strBlock = append(d.strBlock, items...)
	return d.strBlock[i:len(d.strBlock):len(d.strBlock)]
}

// fetchBlockLen is the number of Fetch values in a block: as many as fit
// in 12 KiB, a size class of the runtime's allocator.
const fetchBlockLen = 12 << 10 / unsafe.Sizeof(Fetch{})

// newFetch returns a zero Fetch from a block.
func (d *Decoder) newFetch() *Fetch {
	if len(d.fetches) == cap(d.fetches) {
		d.fetches = make([]Fetch, 0, fetchBlockLen)
	}
	d.fetches = d.fetches[:len(d.fetches)+1]
	return &d.fetches[len(d.fetches)-1]
}

// commonFlags are the flags of RFC 9051 §2.3.2 and the common keywords of
// RFC 5788's registry, in their canonical case.
var commonFlags = [...]string{`\Seen`, `\Answered`, `\Flagged`, `\Deleted`, `\Draft`, `\Recent`, `\*`,
	"$Forwarded", "$MDNSent", "$Junk", "$NotJunk", "$Phishing"}

// flag returns a flag as a string: a system flag in canonical case, and
// the common ones without allocating.
func (d *Decoder) flag(b []byte) string {
	for _, f := range commonFlags {
		if len(b) == len(f) && equalFold(b, f) {
			if f[0] == '\\' || string(b) == f {
				return f
			}
		}
	}
	return d.arena.String(b)
}

// section reads a body section item after its name: for BODY and BINARY
// the section and origin, then SP and the content.
func (d *Decoder) readSection(f *Fetch, kind SectionKind) error {
	w := d.w
	s := Section{Kind: kind}
	if kind == SectionBody || kind == SectionBinary {
		off := w.Offset()
		sec, err := bodystructure.ReadSection(w)
		if err != nil {
			return err
		}
		if kind == SectionBinary && (sec.Specifier != bodystructure.SpecifierNone || sec.Fields != nil) {
			return w.Failf(off, "section-binary", "BINARY with a section specifier")
		}
		s.Section = sec
		if c, err := w.Peek(); err != nil {
			return err
		} else if c == '<' {
			if s.Origin, err = d.origin(); err != nil {
				return err
			}
			s.HasOrigin = true
		}
	}
	if err := w.SP(); err != nil {
		return err
	}
	c, err := w.Peek()
	if err != nil {
		return err
	}
	if d.sectionFn != nil && (c == '{' || c == '~') {
		ann, r, err := w.ReadLiteral()
		if err != nil {
			return err
		}
		if ann.Binary && kind != SectionBinary {
			return w.Failf(w.Offset(), "nstring", "literal8 outside BINARY")
		}
		f.Sections = append(f.Sections, s)
		if err := d.sectionFn(f, &f.Sections[len(f.Sections)-1], r); err != nil {
			return w.Fail(w.Offset(), "nstring", err)
		}
		return nil
	}
	t, err := w.ReadToken()
	if err != nil {
		return err
	}
	switch t.Kind {
	case wire.KindNIL:
		s.Nil = true
	case wire.KindString:
		if t.Binary() && kind != SectionBinary {
			return w.Failf(t.Offset, "nstring", "literal8 outside BINARY")
		}
		s.Data = append(make([]byte, 0, len(t.Bytes())), t.Bytes()...)
	default:
		return w.Failf(t.Offset, "nstring", "expected a string or NIL, found %s", t.Kind)
	}
	f.Sections = append(f.Sections, s)
	return nil
}

// origin reads "<" number ">" after a section.
func (d *Decoder) origin() (uint32, error) {
	w := d.w
	if err := w.Expect('<', "section-partial"); err != nil {
		return 0, err
	}
	n, err := w.ReadNumber()
	if err != nil {
		return 0, err
	}
	return n, w.Expect('>', "section-partial")
}

// binarySize reads "[" [section-part] "]" SP number after BINARY.SIZE.
func (d *Decoder) binarySize(f *Fetch, off int64) error {
	w := d.w
	secOff := w.Offset()
	sec, err := bodystructure.ReadSection(w)
	if err != nil {
		return err
	}
	if sec.Specifier != bodystructure.SpecifierNone || sec.Fields != nil {
		return w.Failf(secOff, "section-binary", "BINARY.SIZE with a section specifier")
	}
	if err := w.SP(); err != nil {
		return err
	}
	n, err := w.ReadNumber()
	if err != nil {
		return err
	}
	f.BinarySizes = append(f.BinarySizes, BinarySize{Part: sec.Part, Size: n})
	return nil
}

// fetchUnknown reads an item of an unknown kind after its name: an
// adjoining section, if any, then SP and one value.
func (d *Decoder) fetchUnknown(f *Fetch, name []byte) error {
	w := d.w
	u := FetchUnknown{Name: string(name)}
	c, err := w.Peek()
	if err != nil {
		return err
	}
	if c == '[' {
		v, err := w.ReadValue()
		if err != nil {
			return err
		}
		u.Section, u.HasSection = v.Items, true
	}
	if err := w.SP(); err != nil {
		return err
	}
	if u.Value, err = w.ReadValue(); err != nil {
		return err
	}
	f.Unknown = append(f.Unknown, u)
	return nil
}

func (f *Fetch) encode(e *wire.Encoder) {
	if f.Seq == 0 {
		e.Refuse("a FETCH response for message 0")
		return
	}
	if msg := f.check(); msg != "" {
		e.Refuse(msg)
		return
	}
	e.Number(f.Seq).SP().Atom("FETCH").SP().ListStart()
	first := true
	item := func(name string) *wire.Encoder {
		if !first {
			e.SP()
		}
		first = false
		return e.Atom(name)
	}
	has := f.Has
	if has&FetchUID != 0 {
		item("UID").SP().Number(f.UID)
	}
	if has&FetchFlags != 0 {
		item("FLAGS").SP().ListStart()
		for i, fl := range f.Flags {
			if i > 0 {
				e.SP()
			}
			e.Flag(fl)
		}
		e.ListEnd()
	}
	if has&FetchInternalDate != 0 {
		item("INTERNALDATE").SP().DateTime(f.InternalDate)
	}
	if has&FetchSize != 0 {
		item("RFC822.SIZE").SP().Number64(f.Size)
	}
	if has&FetchEnvelope != 0 {
		bodystructure.EncodeEnvelope(item("ENVELOPE").SP(), f.Envelope)
	}
	if has&FetchBody != 0 {
		bodystructure.EncodeBody(item("BODY").SP(), f.Body, true)
	}
	if has&FetchBodyStructure != 0 {
		bodystructure.EncodeBody(item("BODYSTRUCTURE").SP(), f.BodyStructure, true)
	}
	if has&FetchModSeq != 0 {
		item("MODSEQ").SP().ListStart().Number64(f.ModSeq).ListEnd()
	}
	if has&FetchEmailID != 0 {
		item("EMAILID").SP().ListStart().Atom(f.EmailID).ListEnd()
	}
	if has&FetchThreadID != 0 {
		item("THREADID").SP()
		if f.ThreadID.Valid {
			e.ListStart().Atom(f.ThreadID.Value).ListEnd()
		} else {
			e.NIL()
		}
	}
	if has&FetchSaveDate != 0 {
		item("SAVEDATE").SP()
		if f.SaveDate.IsZero() {
			e.NIL()
		} else {
			e.DateTime(f.SaveDate)
		}
	}
	if has&FetchPreview != 0 {
		item("PREVIEW").SP().NString(f.Preview)
	}
	if has&FetchGmailMsgID != 0 {
		item("X-GM-MSGID").SP().Number64(f.GmailMsgID)
	}
	if has&FetchGmailThreadID != 0 {
		item("X-GM-THRID").SP().Number64(f.GmailThreadID)
	}
	if has&FetchGmailLabels != 0 {
		item("X-GM-LABELS").SP().ListStart()
		for i, l := range f.GmailLabels {
			if i > 0 {
				e.SP()
			}
			// A system label is written as a flag; other labels,
			// and a "\" label with no flag form, as astrings.
			if len(l) > 1 && l[0] == '\\' && badFlagByte(l) < 0 {
				e.Flag(l)
			} else {
				e.AString(l)
			}
		}
		e.ListEnd()
	}
	if has&FetchSnippet != 0 {
		item("SNIPPET").SP().ListStart().Atom(f.SnippetAlgorithm).SP().NString(f.Snippet).ListEnd()
	}
	for _, b := range f.BinarySizes {
		item("BINARY.SIZE")
		bodystructure.EncodeSection(e, bodystructure.Section{Part: b.Part})
		e.SP().Number(b.Size)
	}
	for i := range f.Sections {
		s := &f.Sections[i]
		item(s.Kind.String())
		if s.Kind == SectionBody || s.Kind == SectionBinary {
			bodystructure.EncodeSection(e, s.Section)
			if s.HasOrigin {
				e.Punct('<').Number(s.Origin).Punct('>')
			}
		}
		e.SP()
		switch {
		case s.Nil:
			e.NIL()
		case s.Kind == SectionBinary:
			e.Literal(s.Data) // a literal8 if it holds a NUL

		default:
			// Message data is always a literal, as servers send it: it
			// keeps the bytes exactly. A NUL, which only BINARY may
			// carry, is written back as lenient decoding read it
			// (wire.QuirkNULInLiteral).
			e.LiteralNUL(s.Data)
		}
	}
	for i := range f.Unknown {
		u := &f.Unknown[i]
		item(u.Name)
		if u.HasSection {
			sec := wire.Value{Kind: wire.KindSection, Items: u.Section, Adjacent: true}
			sec.Encode(e)
		}
		e.SP()
		u.Value.Encode(e)
	}
	if first {
		e.Refuse("a FETCH response without items")
		return
	}
	e.ListEnd()
}

// check returns what makes f impossible to encode, or "".
func (f *Fetch) check() string {
	has := f.Has
	if has >= FetchSnippet<<1 {
		return "a FETCH response with unknown Has bits"
	}
	switch {
	case (has&FetchUID != 0) != (f.UID != 0):
		return "FETCH UID: UID 0, or a UID not in Has"
	case has&FetchFlags == 0 && f.Flags != nil:
		return "FETCH Flags not in Has"
	case has&FetchInternalDate == 0 && !f.InternalDate.IsZero():
		return "FETCH InternalDate not in Has"
	case has&FetchSize == 0 && f.Size != 0:
		return "FETCH Size not in Has"
	case (has&FetchEnvelope != 0) != (f.Envelope != nil):
		return "FETCH Envelope: nil, or not in Has"
	case (has&FetchBody != 0) != (f.Body != nil):
		return "FETCH Body: nil, or not in Has"
	case (has&FetchBodyStructure != 0) != (f.BodyStructure != nil):
		return "FETCH BodyStructure: nil, or not in Has"
	case (has&FetchModSeq != 0) != (f.ModSeq != 0) || f.ModSeq > math.MaxInt64:
		return "FETCH ModSeq: 0 or above 2^63-1, or not in Has"
	case has&FetchEmailID == 0 && f.EmailID != "":
		return "FETCH EmailID not in Has"
	case has&FetchEmailID != 0 && !validObjectID(f.EmailID):
		return "FETCH EmailID: not an objectid"
	case has&FetchThreadID == 0 && f.ThreadID != (wire.NString{}):
		return "FETCH ThreadID not in Has"
	case f.ThreadID.Valid && !validObjectID(f.ThreadID.Value):
		return "FETCH ThreadID: not an objectid"
	case has&FetchSaveDate == 0 && !f.SaveDate.IsZero():
		return "FETCH SaveDate not in Has"
	case has&FetchPreview == 0 && f.Preview != (wire.NString{}):
		return "FETCH Preview not in Has"
	case has&FetchGmailMsgID == 0 && f.GmailMsgID != 0:
		return "FETCH GmailMsgID not in Has"
	case has&FetchGmailThreadID == 0 && f.GmailThreadID != 0:
		return "FETCH GmailThreadID not in Has"
	case has&FetchGmailLabels == 0 && f.GmailLabels != nil:
		return "FETCH GmailLabels not in Has"
	case has&FetchSnippet == 0 && (f.SnippetAlgorithm != "" || f.Snippet != (wire.NString{})):
		return "FETCH Snippet not in Has"
	case has&FetchSnippet != 0 && !isAtom(f.SnippetAlgorithm):
		return "FETCH SnippetAlgorithm: not an atom"
	}
	for i := range f.Sections {
		s := &f.Sections[i]
		if s.Kind > SectionRFC822Text {
			return "a FETCH section of an invalid kind"
		}
		if s.Kind != SectionBody && s.Kind != SectionBinary && (s.HasOrigin || !sectionEmpty(s.Section)) {
			return "a section or origin on " + s.Kind.String()
		}
		if s.Kind == SectionBinary && (s.Section.Specifier != bodystructure.SpecifierNone || s.Section.Fields != nil) {
			return "a BINARY section with a specifier"
		}
		if s.Nil && s.Data != nil {
			return "a FETCH section both NIL and with data"
		}
		if !s.HasOrigin && s.Origin != 0 {
			return "a FETCH section origin without HasOrigin"
		}
	}
	for i := range f.Unknown {
		if lookupItemName(upperString([]byte(f.Unknown[i].Name))) != nameUnknown {
			return "an unknown FETCH item named " + f.Unknown[i].Name
		}
	}
	return ""
}

func sectionEmpty(s bodystructure.Section) bool {
	return len(s.Part) == 0 && s.Specifier == bodystructure.SpecifierNone && s.Fields == nil
}

// An itemName stands for the name of a FETCH item this package decodes as
// a typed one, so that the decoder dispatches on a number, not a string.
type itemName uint8

const (
	nameUnknown       itemName = iota
	nameUID                    // UID
	nameFlags                  // FLAGS
	nameInternalDate           // INTERNALDATE
	nameRFC822Size             // RFC822.SIZE
	nameEnvelope               // ENVELOPE
	nameBodyStructure          // BODYSTRUCTURE
	nameBody                   // BODY
	nameBinary                 // BINARY
	nameBinarySize             // BINARY.SIZE
	nameRFC822                 // RFC822
	nameRFC822Header           // RFC822.HEADER
	nameRFC822Text             // RFC822.TEXT
	nameModSeq                 // MODSEQ
	nameEmailID                // EMAILID
	nameThreadID               // THREADID
	nameSaveDate               // SAVEDATE
	namePreview                // PREVIEW
	nameSnippet                // SNIPPET
	nameGmailMsgID             // X-GM-MSGID
	nameGmailThreadID          // X-GM-THRID
	nameGmailLabels            // X-GM-LABELS
)

// lookupItemName returns the itemName of name, in upper case, or
// nameUnknown.
func lookupItemName[T string | []byte](name T) itemName {
	switch string(name) {
	case "UID":
		return nameUID
	case "FLAGS":
		return nameFlags
	case "INTERNALDATE":
		return nameInternalDate
	case "RFC822.SIZE":
		return nameRFC822Size
	case "ENVELOPE":
		return nameEnvelope
	case "BODYSTRUCTURE":
		return nameBodyStructure
	case "BODY":
		return nameBody
	case "BINARY":
		return nameBinary
	case "BINARY.SIZE":
		return nameBinarySize
	case "RFC822":
		return nameRFC822
	case "RFC822.HEADER":
		return nameRFC822Header
	case "RFC822.TEXT":
		return nameRFC822Text
	case "MODSEQ":
		return nameModSeq
	case "EMAILID":
		return nameEmailID
	case "THREADID":
		return nameThreadID
	case "SAVEDATE":
		return nameSaveDate
	case "PREVIEW":
		return namePreview
	case "SNIPPET":
		return nameSnippet
	case "X-GM-MSGID":
		return nameGmailMsgID
	case "X-GM-THRID":
		return nameGmailThreadID
	case "X-GM-LABELS":
		return nameGmailLabels
	}
	return nameUnknown
}

// badFlagByte returns the index of the first byte of the flag b that keeps
// it from having a wire form (what wire.Encoder.Flag writes: a "]" only
// inside the atom, before an ATOM-CHAR), or -1 if it has one.
func badFlagByte[T string | []byte](b T) int {
	start := 0
	if len(b) > 1 && b[0] == '\\' {
		start = 1
	}
	for i := start; i < len(b); i++ {
		c := b[i]
		if atomChar[c] || c == '*' && i == 1 && len(b) == 2 {
			continue
		}
		if c != ']' || i == start || i+1 == len(b) || !atomChar[b[i+1]] {
			return i
		}
	}
	return -1
}
