package response

import (
	"github.com/mailwire/imap/wire"
)

// A Search is the result of a SEARCH or UID SEARCH command in IMAP4rev1
// (RFC 3501 §7.2.5, kept by RFC 9051 as obsolete-search-response): the
// numbers of the matching messages, sequence numbers or UIDs, in the order
// sent, and with CONDSTORE (RFC 7162 §3.1.5) the highest mod-sequence of
// the messages found.
//
//	S: * SEARCH 2 84 882
//	S: * SEARCH
//	S: * SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)
//
// A space before the line ending, as Yahoo and David.fx send
// ("* SEARCH 7456 "), is wire.QuirkTrailingSpace.
type Search struct {
	// Nums are the matching messages; empty when none matched. Each is
	// non-zero (nz-number).
	Nums []uint32
	// ModSeq is the mod-sequence of RFC 7162's "(MODSEQ n)", or 0 when there
	// is none. RFC 7162 §7 allows it only after at least one number.
	ModSeq uint64
}

// Kind returns "SEARCH".
func (s *Search) Kind() string { return "SEARCH" }

// A Sort is the result of a SORT or UID SORT command (RFC 5256 §4): the
// numbers of the matching messages in the requested order, and with
// CONDSTORE (RFC 7162 §3.1.5, which updates sort-data in §7) the highest
// mod-sequence of the messages found.
//
//	S: * SORT 5 3 4 1 2
//	S: * SORT 5 3 4 (MODSEQ 1236)
type Sort struct {
	// Nums are the matching messages in sorted order; empty when none
	// matched. Each is non-zero (nz-number).
	Nums []uint32
	// ModSeq is the mod-sequence of "(MODSEQ n)", or 0 when there is none;
	// it is allowed only after at least one number.
	ModSeq uint64
}

// Kind returns "SORT".
func (s *Sort) Kind() string { return "SORT" }

func readSearch(d *Decoder) (Response, error) {
	nums, modseq, err := d.readSearchNums("SEARCH")
	if err != nil {
		return nil, err
	}
	return &Search{Nums: nums, ModSeq: modseq}, nil
}

func readSort(d *Decoder) (Response, error) {
	nums, modseq, err := d.readSearchNums("sort-data")
	if err != nil {
		return nil, err
	}
	return &Sort{Nums: nums, ModSeq: modseq}, nil
}

// readSearchNums reads *(SP nz-number) [SP search-sort-mod-seq], the
// arguments of SEARCH and SORT (RFC 7162 §7):
//
//	search-sort-mod-seq = "(" "MODSEQ" SP mod-sequence-value ")"
//
// The slice grows with the numbers actually read.
func (d *Decoder) readSearchNums(rule string) ([]uint32, uint64, error) {
	w := d.w
	var nums []uint32
	for {
		if more, err := d.another(); !more || err != nil {
			return nums, 0, err
		}
		c, err := w.Peek()
		if err != nil {
			return nil, 0, err
		}
		if c == '(' {
			off := w.Offset()
			if len(nums) == 0 {
				return nil, 0, w.Failf(off, rule, "a MODSEQ needs at least one number before it")
			}
			modseq, err := d.readSearchModSeq()
			return nums, modseq, err
		}
		n, err := w.ReadNZNumber()
		if err != nil {
			return nil, 0, err
		}
		nums = append(nums, n)
	}
}

// readSearchModSeq reads search-sort-mod-seq: "(MODSEQ n)".
func (d *Decoder) readSearchModSeq() (uint64, error) {
	w := d.w
	if err := w.ListStart(); err != nil {
		return 0, err
	}
	off := w.Offset()
	name, err := w.ReadAtom()
	if err != nil {
		return 0, err
	}
	if upperString(name) != "MODSEQ" {
		return 0, w.Failf(off, "search-sort-mod-seq", "expected MODSEQ")
	}
	if err := w.SP(); err != nil {
		return 0, err
	}
	modseq, err := d.readModSeqValue("search-sort-mod-seq")
	if err != nil {
		return 0, err
	}
	off = w.Offset()
	if end, err := w.ListEnd(); err != nil || !end {
		if err == nil {
			err = w.Failf(off, "search-sort-mod-seq", "expected ')'")
		}
		return 0, err
	}
	return modseq, nil
}

// readModSeqValue reads a mod-sequence-value: a number64 that is not zero
// (RFC 7162 §7).
func (d *Decoder) readModSeqValue(rule string) (uint64, error) {
	w := d.w
	off := w.Offset()
	n, err := w.ReadNumber64()
	if err == nil && n == 0 {
		err = w.Failf(off, rule, "a mod-sequence cannot be zero")
	}
	return n, err
}

func (s *Search) encode(e *wire.Encoder) {
	e.Atom("SEARCH")
	encodeSearchNums(e, s.Nums, s.ModSeq)
}

func (s *Sort) encode(e *wire.Encoder) {
	e.Atom("SORT")
	encodeSearchNums(e, s.Nums, s.ModSeq)
}

// encodeSearchNums writes *(SP nz-number) [SP "(MODSEQ" SP n ")"].
func encodeSearchNums(e *wire.Encoder, nums []uint32, modseq uint64) {
	for _, n := range nums {
		if n == 0 {
			e.Refuse("a message number 0 in a search result")
			return
		}
		e.SP().Number(n)
	}
	if modseq != 0 {
		if len(nums) == 0 {
			e.Refuse("a search result MODSEQ without any message")
			return
		}
		e.SP().ListStart().Atom("MODSEQ").SP().Number64(modseq).ListEnd()
	}
}

// An ESearch is an extended search result (RFC 4731, RFC 9051 §7.3.4): the
// answer to a SEARCH, UID SEARCH, SORT or THREAD with RETURN options, and
// in IMAP4rev2 to every SEARCH.
//
//	S: * ESEARCH (TAG "A282") MIN 2 COUNT 3
//	S: * ESEARCH (TAG "a567") UID COUNT 17 ALL 4:18,21,28
//	S: * ESEARCH (TAG "tag1" MAILBOX "folder1" UIDVALIDITY 1) UID ALL 4001,4003
//	S: * ESEARCH (TAG "A04") UID PARTIAL (24000:24500 NIL)
//
// The return data items are typed fields, and an Encoder writes them in
// one canonical order, the one Dovecot sends: MIN, MAX, ALL, COUNT,
// MODSEQ, PARTIAL, then the items this package does not know in the order
// received. Items sent in another order, as in RFC 9051's "UID COUNT 17
// ALL 4:18,21,28", re-encode in the canonical one ("UID ALL 4:18,21,28
// COUNT 17"), which means the same. Each item may appear once.
type ESearch struct {
	// Tag is the tag of the command this answers, from the
	// search-correlator "(TAG ...)", or "" when there is no correlator.
	// RFC 4466 makes it a string, RFC 9051 an astring; an Encoder writes
	// it as a string, which both accept.
	Tag string
	// Mailbox and UIDValidity identify the mailbox searched, from the
	// correlator of a multimailbox search (RFC 7377), or "" and 0.
	Mailbox     string
	UIDValidity uint32
	// UID reports that the numbers are UIDs ("UID" after the correlator).
	UID bool

	// Min and Max are the lowest and highest matching numbers (MIN, MAX),
	// or 0 when not returned.
	Min, Max uint32
	// All is the set of matching messages (ALL), or the zero SeqSet when
	// not returned. It is never "$" (RFC 9051 §9).
	All wire.SeqSet
	// Count is the number of matching messages (COUNT), if HasCount.
	Count    uint32
	HasCount bool
	// ModSeq is the highest mod-sequence of the matching messages (MODSEQ,
	// RFC 4731 §3.2 with CONDSTORE), or 0 when not returned.
	ModSeq uint64
	// Partial is a range of the results (PARTIAL, RFC 9394 §3.1), or nil.
	Partial *ESearchPartial
	// Updates are the changes to a search result that a server reports
	// with CONTEXT=SEARCH (ADDTO and REMOVEFROM, RFC 5267 §4.2), in the
	// order sent, which matters: each position counts the updates before
	// it.
	Updates []ESearchUpdate
	// Unknown are the return data items of extensions this package does
	// not know, in the order received.
	Unknown []ESearchItem
}

// Kind returns "ESEARCH".
func (s *ESearch) Kind() string { return "ESEARCH" }

// An ESearchUpdate is one change of an ESEARCH ADDTO or REMOVEFROM item
// (RFC 5267 §4.2): messages added to, or removed from, a search result at a
// position in it.
//
//	ADDTO (0 3:4)
//	REMOVEFROM (0 5)
type ESearchUpdate struct {
	// Remove tells REMOVEFROM from ADDTO.
	Remove bool
	// Position is the place in the result, 0 for an unknown one.
	Position uint32
	// Set are the messages.
	Set wire.SeqSet
}

// An ESearchPartial is the PARTIAL return data item of RFC 9394 §4: the
// range of results the command asked for and the messages in it.
//
//	PARTIAL (-1:-100 200001:200100)
//	PARTIAL (24000:24500 NIL)
type ESearchPartial struct {
	// Start and Stop are the requested range, as sent: positions in the
	// list of results counted from the first (lowest) result, which is 1
	// (partial-range-first), or, when both are negative, from the last,
	// which is -1 (partial-range-last). They are never 0 and have the same
	// sign; "500:400" is the same range as "400:500".
	Start, Stop int64
	// Results are the messages in the range, or the zero SeqSet for NIL:
	// none of the results is in the range.
	Results wire.SeqSet
}

// An ESearchItem is a return data item of an extension this package does
// not know (RFC 4466 §2.6.2, search-ret-data-ext): its name, a
// tagged-ext-label in upper case, and its value, kept as a generic value.
type ESearchItem struct {
	Name  string
	Value wire.Value
}

// The names ESearch types, which an ESearchItem cannot have.
var esearchNames = map[string]bool{
	"UID": true, "MIN": true, "MAX": true, "ALL": true, "COUNT": true, "MODSEQ": true, "PARTIAL": true,
	"ADDTO": true, "REMOVEFROM": true,
}

// readESearch reads esearch-response after its name (RFC 9051 §9, with
// RFC 7377's correlators and RFC 9394's PARTIAL):
//
//	esearch-response   = "ESEARCH" [search-correlator] [SP "UID"]
//	                     *(SP search-return-data)
//	search-correlator  = SP "(" one-correlator *(SP one-correlator) ")"
//	search-return-data = "MIN" SP nz-number / "MAX" SP nz-number /
//	                     "ALL" SP sequence-set / "COUNT" SP number /
//	                     "MODSEQ" SP mod-sequence-value /
//	                     ret-data-partial / search-ret-data-ext
func readESearch(d *Decoder) (Response, error) {
	w := d.w
	s := &ESearch{}
	// first is true until the first word after the correlator.
	first := true
	for n := 0; ; n++ {
		if more, err := d.another(); !more || err != nil {
			return s, err
		}
		if n == 0 {
			c, err := w.Peek()
			if err != nil {
				return nil, err
			}
			if c == '(' {
				if err := d.readESearchCorrelator(s); err != nil {
					return nil, err
				}
				continue
			}
		}
		off := w.Offset()
		b, err := w.ReadAtom()
		if err != nil {
			return nil, err
		}
		name := upperString(b)
		if name == "UID" {
			if !first {
				return nil, w.Failf(off, "esearch-response", "UID must come before the return data")
			}
			s.UID = true
			first = false
			continue
		}
		first = false
		if err := d.readESearchItem(s, name, off); err != nil {
			return nil, err
		}
	}
}

// readESearchCorrelator reads the correlator after its space:
//
//	"(" one-correlator *(SP one-correlator) ")"
//	one-correlator = ("TAG" SP tag-string) / ("MAILBOX" SP astring) /
//	                 ("UIDVALIDITY" SP nz-number)
//
// RFC 7377 §4 wants each correlator once; they may come in any order.
func (d *Decoder) readESearchCorrelator(s *ESearch) error {
	w := d.w
	const rule = "search-correlator"
	start := w.Offset()
	n := 0
	err := w.List(func() error {
		n++
		off := w.Offset()
		b, err := w.ReadAtom()
		if err != nil {
			return err
		}
		name := upperString(b)
		if err := w.SP(); err != nil {
			return err
		}
		valOff := w.Offset()
		switch name {
		case "TAG":
			if s.Tag != "" {
				return w.Failf(off, rule, "TAG twice")
			}
			tag, err := w.ReadAString()
			if err != nil {
				return err
			}
			if len(tag) == 0 {
				return w.Failf(valOff, rule, "empty tag")
			}
			s.Tag = string(tag)
		case "MAILBOX":
			if s.Mailbox != "" {
				return w.Failf(off, rule, "MAILBOX twice")
			}
			m, err := w.ReadMailbox()
			if err != nil {
				return err
			}
			if m == "" {
				return w.Failf(valOff, rule, "empty mailbox name")
			}
			s.Mailbox = m
		case "UIDVALIDITY":
			if s.UIDValidity != 0 {
				return w.Failf(off, rule, "UIDVALIDITY twice")
			}
			v, err := w.ReadNZNumber()
			if err != nil {
				return err
			}
			s.UIDValidity = v
		default:
			return w.Failf(off, rule, "expected TAG, MAILBOX or UIDVALIDITY")
		}
		return nil
	})
	if err == nil && n == 0 {
		err = w.Failf(start, rule, "empty correlator")
	}
	return err
}

// readESearchItem reads the value of the return data item name, whose
// name started at off, after the space that follows the name.
func (d *Decoder) readESearchItem(s *ESearch, name string, off int64) error {
	w := d.w
	const rule = "search-return-data"
	dup := false
	switch name {
	case "MIN":
		dup = s.Min != 0
	case "MAX":
		dup = s.Max != 0
	case "ALL":
		dup = !s.All.IsZero()
	case "COUNT":
		dup = s.HasCount
	case "MODSEQ":
		dup = s.ModSeq != 0
	case "PARTIAL":
		dup = s.Partial != nil
	case "ADDTO", "REMOVEFROM":
	default:
		if !isTaggedExtLabel(name) {
			return w.Failf(off, rule, "expected a return data item name")
		}
	}
	if dup {
		return w.Failf(off, rule, "%s twice", name)
	}
	if err := w.SP(); err != nil {
		return err
	}
	valOff := w.Offset()
	var err error
	switch name {
	case "MIN":
		s.Min, err = w.ReadNZNumber()
	case "MAX":
		s.Max, err = w.ReadNZNumber()
	case "ALL":
		s.All, err = w.ReadSeqSet()
		if err == nil && s.All.Saved {
			err = w.Failf(valOff, rule, `"$" in ALL`)
		}
	case "COUNT":
		s.Count, err = w.ReadNumber()
		s.HasCount = true
	case "MODSEQ":
		s.ModSeq, err = d.readModSeqValue(rule)
	case "PARTIAL":
		s.Partial, err = d.readESearchPartial()
	case "ADDTO", "REMOVEFROM":
		s.Updates, err = d.readESearchUpdates(s.Updates, name == "REMOVEFROM")
	default:
		var v wire.Value
		if v, err = w.ReadValue(); err == nil {
			s.Unknown = append(s.Unknown, ESearchItem{Name: name, Value: v})
		}
	}
	return err
}

// readESearchUpdates reads the value of ADDTO or REMOVEFROM (RFC 5267
// §4.2) and appends its updates to u:
//
//	"(" context-position SP sequence-set *(SP context-position SP sequence-set) ")"
func (d *Decoder) readESearchUpdates(u []ESearchUpdate, remove bool) ([]ESearchUpdate, error) {
	w := d.w
	const rule = "ret-data-addto"
	if err := w.ListStart(); err != nil {
		return nil, err
	}
	for i := 0; ; i++ {
		if i > 0 {
			if end, err := w.ListEnd(); err != nil || end {
				return u, err
			}
			if err := w.SP(); err != nil {
				return nil, err
			}
		}
		pos, err := w.ReadNumber()
		if err != nil {
			return nil, err
		}
		if err := w.SP(); err != nil {
			return nil, err
		}
		off := w.Offset()
		set, err := w.ReadSeqSet()
		if err != nil {
			return nil, err
		}
		if set.Saved || set.Dynamic() {
			return nil, w.Failf(off, rule, "a set of messages with \"$\" or \"*\"")
		}
		u = append(u, ESearchUpdate{Remove: remove, Position: pos, Set: set})
	}
}

// readESearchPartial reads the value of PARTIAL (RFC 9394 §4):
//
//	"(" partial-range SP partial-results ")"
//	partial-range-first = nz-number ":" nz-number
//	partial-range-last  = MINUS nz-number ":" MINUS nz-number
//	partial-results     = sequence-set / "NIL"
func (d *Decoder) readESearchPartial() (*ESearchPartial, error) {
	w := d.w
	const rule = "ret-data-partial"
	if err := w.ListStart(); err != nil {
		return nil, err
	}
	p := &ESearchPartial{}
	var err error
	if p.Start, p.Stop, err = w.ReadPartialRange(); err != nil {
		return nil, err
	}
	if err := w.SP(); err != nil {
		return nil, err
	}
	c, err := w.Peek()
	if err != nil {
		return nil, err
	}
	off := w.Offset()
	if c == 'N' || c == 'n' {
		if _, ok, err := w.ReadNString(); err != nil || ok {
			if err == nil {
				err = w.Failf(off, rule, "expected NIL")
			}
			return nil, err
		}
	} else {
		if p.Results, err = w.ReadSeqSet(); err != nil {
			return nil, err
		}
		if p.Results.Saved {
			return nil, w.Failf(off, rule, `"$" in PARTIAL`)
		}
	}
	off = w.Offset()
	if end, err := w.ListEnd(); err != nil || !end {
		if err == nil {
			err = w.Failf(off, rule, "expected ')'")
		}
		return nil, err
	}
	return p, nil
}

// isTaggedExtLabel reports whether s is a tagged-ext-label (RFC 4466 §3):
//
//	tagged-ext-label   = tagged-label-fchar *tagged-label-char
//	tagged-label-fchar = ALPHA / "-" / "_" / "."
//	tagged-label-char  = tagged-label-fchar / DIGIT / ":"
func isTaggedExtLabel(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', c == '-', c == '_', c == '.':
		case i > 0 && ('0' <= c && c <= '9' || c == ':'):
		default:
			return false
		}
	}
	return true
}

func (s *ESearch) encode(e *wire.Encoder) {
	e.Atom("ESEARCH")
	if s.Tag != "" || s.Mailbox != "" || s.UIDValidity != 0 {
		e.SP().ListStart()
		sep := false
		if s.Tag != "" {
			e.Atom("TAG").SP().String(s.Tag)
			sep = true
		}
		if s.Mailbox != "" {
			if sep {
				e.SP()
			}
			e.Atom("MAILBOX").SP().Mailbox(s.Mailbox)
			sep = true
		}
		if s.UIDValidity != 0 {
			if sep {
				e.SP()
			}
			e.Atom("UIDVALIDITY").SP().Number(s.UIDValidity)
		}
		e.ListEnd()
	}
	if s.UID {
		e.SP().Atom("UID")
	}
	if s.Min != 0 {
		e.SP().Atom("MIN").SP().Number(s.Min)
	}
	if s.Max != 0 {
		e.SP().Atom("MAX").SP().Number(s.Max)
	}
	if !s.All.IsZero() {
		if s.All.Saved {
			e.Refuse(`an ESEARCH ALL of "$"`)
			return
		}
		e.SP().Atom("ALL").SP().SeqSet(s.All)
	}
	if s.HasCount {
		e.SP().Atom("COUNT").SP().Number(s.Count)
	}
	if s.ModSeq != 0 {
		e.SP().Atom("MODSEQ").SP().Number64(s.ModSeq)
	}
	if p := s.Partial; p != nil {
		e.SP().Atom("PARTIAL").SP()
		p.encode(e)
	}
	for i := 0; i < len(s.Updates); {
		remove := s.Updates[i].Remove
		name := "ADDTO"
		if remove {
			name = "REMOVEFROM"
		}
		e.SP().Atom(name).SP().ListStart()
		for j := i; i < len(s.Updates) && s.Updates[i].Remove == remove; i++ {
			u := &s.Updates[i]
			if u.Set.IsZero() || u.Set.Saved || u.Set.Dynamic() {
				e.Refuse("an ESEARCH " + name + " without a set of numbers")
				return
			}
			if i > j {
				e.SP()
			}
			e.Number(u.Position).SP().SeqSet(u.Set)
		}
		e.ListEnd()
	}
	for i := range s.Unknown {
		it := &s.Unknown[i]
		if !isTaggedExtLabel(it.Name) || esearchNames[upperString([]byte(it.Name))] {
			e.Refuse("an ESEARCH return data item named " + it.Name)
			return
		}
		if it.Value.Kind == wire.KindText {
			e.Refuse("text as the value of ESEARCH return data " + it.Name)
			return
		}
		e.SP().Atom(upperString([]byte(it.Name))).SP()
		it.Value.Encode(e)
	}
}

func (p *ESearchPartial) encode(e *wire.Encoder) {
	e.ListStart().PartialRange(p.Start, p.Stop).SP()
	switch {
	case p.Results.Saved:
		e.Refuse(`PARTIAL results of "$"`)
	case p.Results.IsZero():
		e.NIL()
	default:
		e.SeqSet(p.Results)
	}
	e.ListEnd()
}

// hasUnknown reports whether the response holds return data this package
// does not know.
func (r *ESearch) hasUnknown() bool { return len(r.Unknown) > 0 }
