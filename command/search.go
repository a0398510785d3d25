package command

import (
	"strings"
	"time"

	"github.com/mailwire/imap/wire"
)

// A Search is the SEARCH or UID SEARCH command (RFC 9051 §6.4.4, RFC 3501
// §6.4.4), with the RETURN options of ESEARCH (RFC 4731), SEARCHRES (RFC
// 5182), CONTEXT=SEARCH (RFC 5267) and PARTIAL (RFC 9394):
//
//	C: A282 SEARCH FLAGGED SINCE 1-Feb-1994 NOT FROM "Smith"
//	C: A283 SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM "Smith"
//	C: A285 SEARCH CHARSET UTF-8 TEXT {12}
//	C: отпуск
//	C: A04 UID SEARCH RETURN (PARTIAL -1:-100) UNDELETED UNKEYWORD $Junk
//
// The grammar (RFC 9051 §9, which puts RETURN before CHARSET as RFC 4466
// does) is
//
//	search         = "SEARCH" [search-return-opts] SP search-program
//	search-program = ["CHARSET" SP charset SP] search-key *(SP search-key)
//
// The search keys are a tree of SearchKey values; several keys match the
// messages that match all of them. The canonical form writes the keys in
// upper case with single spaces, strings as atoms when they can be, and
// "FROM \"Smith\"" as "FROM Smith".
type Search struct {
	// UID tells UID SEARCH from SEARCH.
	UID bool
	// Return holds the RETURN options, or nil when there are none.
	// "RETURN ()" is a Return with no option set, which asks for an
	// ESEARCH response with ALL (RFC 4731 §3.1).
	Return *SearchReturn
	// Charset is the CHARSET of the strings in the keys, in upper case
	// ("UTF-8"), or "" when none is named (US-ASCII, or UTF-8 in
	// IMAP4rev2).
	Charset string
	// Keys are the search keys, at least one; a message matches when it
	// matches every key.
	Keys []SearchKey
}

// Kind returns "SEARCH" or "UID SEARCH".
func (s *Search) Kind() string {
	if s.UID {
		return "UID SEARCH"
	}
	return "SEARCH"
}

// A SearchKey is one search key of a SEARCH, SORT or THREAD command (RFC
// 9051 §6.4.4 and §9 search-key, RFC 3501 §6.4.4), with the keys of the
// extensions. Keys nest: NOT, OR, FUZZY and parenthesised groups hold other
// keys, so the criteria of a command form a tree.
//
// Name says which key it is and which of the other fields it uses; the
// fields it does not use are zero, and an Encoder refuses a key that sets
// one of them:
//
//	ALL ANSWERED DELETED DRAFT FLAGGED NEW OLD RECENT SEEN      no argument
//	UNANSWERED UNDELETED UNDRAFT UNFLAGGED UNSEEN
//	SAVEDATESUPPORTED (RFC 8514)
//	BCC BODY CC FROM SUBJECT TEXT TO                           Value: astring
//	X-GM-RAW (Gmail)                                           Value: astring
//	HEADER                                                     Field: header field name; Value: astring
//	KEYWORD UNKEYWORD                                          Value: flag-keyword, an atom ("$Forwarded")
//	X-GM-LABELS (Gmail)                                        Value: a label, an astring or "\" atom
//	EMAILID THREADID (RFC 8474)                                Value: objectid
//	FILTER (RFC 5466)                                          Value: filter-name
//	BEFORE ON SINCE SENTBEFORE SENTON SENTSINCE                Date
//	SAVEDBEFORE SAVEDON SAVEDSINCE (RFC 8514)                  Date
//	LARGER SMALLER                                             Num: number64 (number in RFC 3501)
//	X-GM-MSGID X-GM-THRID (Gmail)                              Num: number64
//	OLDER YOUNGER (RFC 5032)                                   Num: nz-number, seconds
//	MODSEQ (RFC 7162 §3.1.5)                                   Num: mod-sequence-valzer; Field, Value: see below
//	UID                                                        Set: sequence-set or "$"
//	SEQSET                                                     Set: sequence-set or "$" (RFC 5182)
//	NOT, FUZZY (RFC 6203)                                      Keys: the one key they apply to
//	OR                                                         Keys: the two keys, either of which matches
//	AND                                                        Keys: a parenthesised group, one or more keys that all match
//
// SEQSET and AND are this package's names for the two keys the grammar
// writes without a name: a bare sequence set ("2:4", "$") and a
// parenthesised group ("(FROM Smith SINCE 1-Feb-1994)").
//
// MODSEQ may name the metadata item whose mod-sequence counts: Field is
// then the flag of the entry name "/flags/<flag>" (system flags in
// canonical case, "\Seen") and Value the entry type, "ALL", "SHARED" or
// "PRIV"; both are "" for a MODSEQ without them.
//
//	MODSEQ "/flags/\\draft" all 620162338
//	SearchKey{Name: "MODSEQ", Field: `\Draft`, Value: "ALL", Num: 620162338}
//
// Names are in upper case. Dates are the day a Date falls on in its
// location; decoding gives midnight UTC. An Encoder writes strings as
// atoms, quoted strings or literals as their content allows: with CHARSET
// UTF-8 a string of UTF-8 goes as a literal, or quoted under UTF8=ACCEPT.
// Lenient decoding accepts two values that have no valid form, which the
// Encoder writes back as they came: a string holding a NUL, in a literal
// (wire.QuirkNULInLiteral), and a keyword holding "]"
// (wire.QuirkBracketInAtom), as Gmail's OIB-Seen-[Gmail]/Trash.
//
// The decoder bounds the nesting of keys by the wire.MaxDepth limit (100 by
// default): each NOT, OR, FUZZY and group is a level, and a key nested
// deeper is a *wire.SyntaxError wrapping wire.ErrTooDeep. The encoder has
// no such limit and does not recurse.
type SearchKey struct {
	// Name is the key's name in upper case, as the grammar spells it, or
	// SEQSET or AND.
	Name string
	// Field is HEADER's field name, or MODSEQ's flag.
	Field string
	// Value is the string, keyword, label or object ID argument, or
	// MODSEQ's entry type.
	Value string
	// Date is the date of the date keys.
	Date time.Time
	// Num is the number of LARGER, SMALLER, OLDER, YOUNGER, MODSEQ,
	// X-GM-MSGID and X-GM-THRID.
	Num uint64
	// Set is the set of UID and SEQSET.
	Set wire.SeqSet
	// Keys are the keys NOT, FUZZY, OR and AND apply to.
	Keys []SearchKey
}

// searchArg says what follows a search key's name.
type searchArg uint8

const (
	searchArgNone     searchArg = iota
	searchArgString             // SP astring: Value
	searchArgHeader             // SP header-fld-name SP astring: Field, Value
	searchArgKeyword            // SP flag-keyword: Value
	searchArgLabel              // SP label (astring or "\" atom): Value
	searchArgObjectID           // SP objectid: Value
	searchArgFilter             // SP filter-name: Value
	searchArgDate               // SP date: Date
	searchArgNumber64           // SP number64: Num
	searchArgNZNumber           // SP nz-number: Num
	searchArgSet                // SP sequence-set: Set
	searchArgModSeq             // [SP entry-name SP entry-type-req] SP mod-sequence-valzer
	searchArgKey                // SP search-key: Keys[0]
	searchArgTwoKeys            // SP search-key SP search-key: Keys
	searchArgGroup              // "(" search-key *(SP search-key) ")": Keys
	searchArgSeqSet             // the sequence set itself: Set
)

// A searchKeySpec is a search key's name, as a string that decoding shares
// rather than allocates, and its argument.
type searchKeySpec struct {
	name string
	arg  searchArg
}

// searchKeySpecs are the search keys with names, by name.
var searchKeySpecs = map[string]searchKeySpec{}

func init() {
	for arg, names := range map[searchArg]string{
		searchArgNone: "ALL ANSWERED DELETED DRAFT FLAGGED NEW OLD RECENT SEEN UNANSWERED UNDELETED UNDRAFT " +
			"UNFLAGGED UNSEEN SAVEDATESUPPORTED",
		searchArgString:   "BCC BODY CC FROM SUBJECT TEXT TO X-GM-RAW",
		searchArgHeader:   "HEADER",
		searchArgKeyword:  "KEYWORD UNKEYWORD",
		searchArgLabel:    "X-GM-LABELS",
		searchArgObjectID: "EMAILID THREADID",
		searchArgFilter:   "FILTER",
		searchArgDate:     "BEFORE ON SINCE SENTBEFORE SENTON SENTSINCE SAVEDBEFORE SAVEDON SAVEDSINCE",
		searchArgNumber64: "LARGER SMALLER X-GM-MSGID X-GM-THRID",
		searchArgNZNumber: "OLDER YOUNGER",
		searchArgSet:      "UID",
		searchArgModSeq:   "MODSEQ",
		searchArgKey:      "NOT FUZZY",
		searchArgTwoKeys:  "OR",
	} {
		for _, name := range strings.Fields(names) {
			searchKeySpecs[name] = searchKeySpec{name, arg}
		}
	}
}

// searchKeySpecOf returns the spec of a key named name, including the two
// names the grammar does not write.
func searchKeySpecOf(name string) (searchKeySpec, bool) {
	switch name {
	case "AND":
		return searchKeySpec{name, searchArgGroup}, true
	case "SEQSET":
		return searchKeySpec{name, searchArgSeqSet}, true
	}
	s, ok := searchKeySpecs[name]
	return s, ok
}

// A SearchReturn holds the RETURN options of an extended SEARCH or SORT
// (search-return-opts, RFC 4466 §2.6.1, RFC 9051 §6.4.4, RFC 5267 §3):
//
//	RETURN (MIN COUNT)
//	RETURN ()
//	RETURN (SAVE)
//	RETURN (PARTIAL -1:-100)
//	RETURN (RELEVANCY ALL)
//
// The options this package knows are fields; an Encoder writes them in the
// order of the fields, then the other options in the order received. Each
// option may appear once.
type SearchReturn struct {
	// Min, Max, All and Count ask for the lowest and highest matching
	// message, all of them, and their number (RFC 4731 §3.1, RFC 9051
	// §6.4.4).
	Min, Max, All, Count bool
	// Save keeps the result for "$" (SAVE, RFC 5182 §2).
	Save bool
	// Context and Update ask the server to keep the result and to report
	// its changes (CONTEXT and UPDATE, RFC 5267 §4.2).
	Context, Update bool
	// Partial asks for a range of the results (PARTIAL, RFC 9394 §3.1,
	// and RFC 5267 §4.4 before it), or is nil.
	Partial *SearchPartial
	// Options are the options of extensions this package does not know,
	// such as RELEVANCY of RFC 6203, in the order received.
	Options []Param
}

// A SearchPartial is the range of a PARTIAL return option (RFC 9394 §4):
//
//	partial-range-first = nz-number ":" nz-number
//	partial-range-last  = MINUS nz-number ":" MINUS nz-number
//
// "PARTIAL 1:100" asks for the first hundred results, "PARTIAL -1:-100"
// for the last hundred.
type SearchPartial struct {
	// Start and Stop are positions in the list of results, as sent:
	// counted from the first result, which is 1, or, when both are
	// negative, from the last, which is -1. They are never 0, have the
	// same sign and are at most 2^32-1 in size.
	Start, Stop int64
}

// searchReader reads search keys for one command: limit is the depth the
// keys may reach.
type searchReader struct {
	d     *Decoder
	w     *wire.Decoder
	limit int
}

func newSearchReader(d *Decoder) searchReader {
	return searchReader{d: d, w: d.w, limit: d.w.DepthLeft()}
}

func readSearch(d *Decoder, uid bool) (Command, error) {
	w := d.w
	s := &Search{UID: uid}
	if err := w.SP(); err != nil {
		return nil, err
	}
	r := newSearchReader(d)
	// The first word may be RETURN, then CHARSET, then a key.
	first, off, named, err := r.word()
	if err != nil {
		return nil, err
	}
	if named && string(first) == "RETURN" {
		if s.Return, err = r.readReturn(); err != nil {
			return nil, err
		}
		if err := w.SP(); err != nil {
			return nil, err
		}
		if first, off, named, err = r.word(); err != nil {
			return nil, err
		}
	}
	if named && string(first) == "CHARSET" {
		if err := w.SP(); err != nil {
			return nil, err
		}
		if s.Charset, err = r.readCharset(); err != nil {
			return nil, err
		}
		if err := w.SP(); err != nil {
			return nil, err
		}
		if first, off, named, err = r.word(); err != nil {
			return nil, err
		}
	}
	var k SearchKey
	if named {
		k, err = r.readNamed(first, off, 0)
	} else {
		k, err = r.readKey(0)
	}
	if err != nil {
		return nil, err
	}
	s.Keys, err = r.readMore(k)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// word reads the name of the next search key, in upper case, if the key
// has one; named is false, and nothing is read, when the next key is a
// sequence set or a parenthesised group. The name is valid until the
// next read.
func (r *searchReader) word() (name []byte, off int64, named bool, err error) {
	c, err := r.w.Peek()
	if err != nil {
		return nil, 0, false, err
	}
	off = r.w.Offset()
	if c == '(' || isSearchSetByte(c) {
		return nil, off, false, nil
	}
	name, err = r.d.name()
	return name, off, err == nil, err
}

// isSearchSetByte reports whether c starts a sequence set.
func isSearchSetByte(c byte) bool { return '0' <= c && c <= '9' || c == '*' || c == '$' }

// readKeys reads search-key *(SP search-key), the keys that end a
// command.
func (r *searchReader) readKeys() ([]SearchKey, error) {
	k, err := r.readKey(0)
	if err != nil {
		return nil, err
	}
	return r.readMore(k)
}

// readMore reads *(SP search-key) after the first key, k.
func (r *searchReader) readMore(k SearchKey) ([]SearchKey, error) {
	keys := make([]SearchKey, 1, 4)
	keys[0] = k
	for {
		if more, err := r.d.another(); !more || err != nil {
			return keys, err
		}
		k, err := r.readKey(0)
		if err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
}

// readKey reads a search key at the given depth of nesting.
func (r *searchReader) readKey(depth int) (SearchKey, error) {
	name, off, named, err := r.word()
	if err != nil {
		return SearchKey{}, err
	}
	if named {
		return r.readNamed(name, off, depth)
	}
	if err := r.checkDepth(off, depth); err != nil {
		return SearchKey{}, err
	}
	w := r.w
	c, err := w.Peek()
	if err != nil {
		return SearchKey{}, err
	}
	if c != '(' {
		set, err := w.ReadSeqSet()
		if err != nil {
			return SearchKey{}, err
		}
		return SearchKey{Name: "SEQSET", Set: set}, nil
	}
	if err := w.ListStart(); err != nil {
		return SearchKey{}, err
	}
	if err := r.listSpace(); err != nil {
		return SearchKey{}, err
	}
	var keys []SearchKey
	for {
		off := w.Offset()
		if end, err := w.ListEnd(); err != nil {
			return SearchKey{}, err
		} else if end {
			if len(keys) == 0 {
				return SearchKey{}, w.Failf(off, "search-key", "expected a search key in the parenthesised group")
			}
			return SearchKey{Name: "AND", Keys: keys}, nil
		}
		if len(keys) > 0 {
			if err := w.SP(); err != nil {
				return SearchKey{}, err
			}
		}
		k, err := r.readKey(depth + 1)
		if err != nil {
			return SearchKey{}, err
		}
		keys = append(keys, k)
	}
}

// checkDepth fails when a key at off is nested deeper than the limit.
func (r *searchReader) checkDepth(off int64, depth int) error {
	if depth > r.limit {
		return r.w.Fail(off, "search-key", wire.ErrTooDeep)
	}
	return nil
}

// readNamed reads the arguments of the search key whose name, at off, was
// just read.
func (r *searchReader) readNamed(name []byte, off int64, depth int) (SearchKey, error) {
	w := r.w
	spec, ok := searchKeySpecs[string(name)]
	if !ok {
		return SearchKey{}, w.Failf(off, "search-key", "unknown search key %q", name)
	}
	if err := r.checkDepth(off, depth); err != nil {
		return SearchKey{}, err
	}
	k := SearchKey{Name: spec.name}
	if spec.arg == searchArgNone {
		return k, nil
	}
	if err := w.SP(); err != nil {
		return SearchKey{}, err
	}
	argOff := w.Offset()
	var err error
	switch spec.arg {
	case searchArgString:
		k.Value, err = r.astring()
	case searchArgHeader:
		if k.Field, err = r.astring(); err == nil {
			if err = w.SP(); err == nil {
				k.Value, err = r.astring()
			}
		}
	case searchArgKeyword:
		var b []byte
		if b, err = w.ReadAtom(); err == nil {
			if i := searchBadFlagByte(b); i >= 0 {
				err = w.Failf(argOff+int64(i), "flag-keyword", "keyword %q is not an atom", b)
			}
			k.Value = string(b)
		}
	case searchArgLabel:
		k.Value, err = r.readLabel()
	case searchArgObjectID:
		var b []byte
		if b, err = w.ReadAtom(); err == nil {
			if i := searchBadObjectIDByte(b); i >= 0 {
				err = w.Failf(argOff+int64(i), "objectid", "expected an object ID: letters, digits, - and _")
			}
			k.Value = string(b)
		}
	case searchArgFilter:
		var b []byte
		if b, err = w.ReadAtom(); err == nil {
			if i := searchBadFilterByte(b); i >= 0 {
				err = w.Failf(argOff+int64(i), "filter-name", "expected a filter name: an atom without /")
			}
			k.Value = string(b)
		}
	case searchArgDate:
		k.Date, err = w.ReadDate()
	case searchArgNumber64:
		k.Num, err = w.ReadNumber64()
	case searchArgNZNumber:
		var n uint32
		n, err = w.ReadNZNumber()
		k.Num = uint64(n)
	case searchArgSet:
		k.Set, err = w.ReadSeqSet()
	case searchArgModSeq:
		err = r.readModSeq(&k)
	case searchArgKey:
		var sub SearchKey
		if sub, err = r.readKey(depth + 1); err == nil {
			k.Keys = []SearchKey{sub}
		}
	case searchArgTwoKeys:
		var a, b SearchKey
		if a, err = r.readKey(depth + 1); err == nil {
			if err = w.SP(); err == nil {
				if b, err = r.readKey(depth + 1); err == nil {
					k.Keys = []SearchKey{a, b}
				}
			}
		}
	}
	if err != nil {
		return SearchKey{}, err
	}
	return k, nil
}

func (r *searchReader) astring() (string, error) {
	b, err := r.w.ReadAString()
	return string(b), err
}

// readLabel reads a Gmail label: an astring, or a system label such as
// \Important written as a flag.
func (r *searchReader) readLabel() (string, error) {
	w := r.w
	c, err := w.Peek()
	if err != nil {
		return "", err
	}
	if c != '\\' {
		return r.astring()
	}
	off := w.Offset()
	b, err := w.ReadFlag()
	if err != nil {
		return "", err
	}
	if i := searchBadFlagByte(b[1:]); i >= 0 {
		// "\*", or 8-bit bytes, which lenient reading accepts and
		// which have no wire form in a flag.
		return "", w.Failf(off+1+int64(i), "x-gm-labels", "label %q is not an astring or a \\ and an atom", b)
	}
	return string(b), nil
}

// readModSeq reads MODSEQ's arguments after its space (RFC 7162 §7):
//
//	search-modsequence     = "MODSEQ" [search-modseq-ext] SP mod-sequence-valzer
//	search-modseq-ext      = SP entry-name SP entry-type-req
//	entry-name             = entry-flag-name
//	entry-flag-name        = DQUOTE "/flags/" attr-flag DQUOTE
//	entry-type-req         = entry-type-resp / "all"
//	entry-type-resp        = "priv" / "shared"
func (r *searchReader) readModSeq(k *SearchKey) error {
	w := r.w
	c, err := w.Peek()
	if err != nil {
		return err
	}
	if c == '"' {
		off := w.Offset()
		b, err := w.ReadQuoted()
		if err != nil {
			return err
		}
		const prefix = "/flags/"
		if len(b) <= len(prefix) || !strings.EqualFold(string(b[:len(prefix)]), prefix) {
			return w.Failf(off, "entry-flag-name", `expected "/flags/" and a flag`)
		}
		if len(b) > searchMaxEntryName {
			return w.Failf(off, "entry-flag-name", "entry name longer than %d bytes", searchMaxEntryName)
		}
		flag := b[len(prefix):]
		if !searchIsEntryFlag(flag) {
			return w.Failf(off, "entry-flag-name", "%q is not a flag", flag)
		}
		k.Field = searchFlag(flag)
		if err := w.SP(); err != nil {
			return err
		}
		off = w.Offset()
		b, err = w.ReadAtom()
		if err != nil {
			return err
		}
		switch {
		case strings.EqualFold(string(b), "ALL"):
			k.Value = "ALL"
		case strings.EqualFold(string(b), "SHARED"):
			k.Value = "SHARED"
		case strings.EqualFold(string(b), "PRIV"):
			k.Value = "PRIV"
		default:
			return w.Failf(off, "entry-type-req", "expected all, shared or priv")
		}
		if err := w.SP(); err != nil {
			return err
		}
	}
	k.Num, err = w.ReadNumber64()
	return err
}

// searchMaxEntryName is the longest entry name a MODSEQ key may have: the
// longest string an Encoder writes quoted, as entry-flag-name must be.
const searchMaxEntryName = 1024

// searchIsEntryFlag reports whether b is the attr-flag of a MODSEQ entry
// name: "\" and an atom, or an atom.
func searchIsEntryFlag[T string | []byte](b T) bool {
	if len(b) > 0 && b[0] == '\\' {
		b = b[1:]
	}
	return len(b) > 0 && searchBadFlagByte([]byte(b)) < 0
}

// searchSystemFlags are the system flags in canonical case that a MODSEQ
// entry name may hold (RFC 7162 attr-flag).
var searchSystemFlags = [...]string{`\Answered`, `\Flagged`, `\Deleted`, `\Seen`, `\Draft`}

// searchFlag returns a flag as a string, a system flag in canonical case.
func searchFlag(b []byte) string {
	for _, f := range searchSystemFlags {
		if strings.EqualFold(string(b), f) {
			return f
		}
	}
	return string(b)
}

// searchBadFlagByte returns the index of the first byte of b that has no
// place in an atom written as a flag (an ATOM-CHAR, or "]" between the
// first byte and an ATOM-CHAR, which lenient decoding reads back), or -1
// when b is one; b must not be empty.
func searchBadFlagByte(b []byte) int {
	for i, c := range b {
		if c == ']' && i > 0 && i+1 < len(b) && isAtom(string(b[i+1])) {
			continue
		}
		if !isAtom(string(c)) {
			return i
		}
	}
	return -1
}

// searchIsFlagAtom reports whether s is an atom that Encoder.Flag writes
// after a backslash or as a keyword.
func searchIsFlagAtom(s string) bool {
	return s != "" && searchBadFlagByte([]byte(s)) < 0
}

// searchBadObjectIDByte returns the index of the first byte of b that has
// no place in an objectid (RFC 8474 §4: 1*255(ALPHA / DIGIT / "_" / "-")),
// or -1 when b is one.
func searchBadObjectIDByte(b []byte) int {
	for i, c := range b {
		if i >= 255 || !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return i
		}
	}
	if len(b) == 0 {
		return 0
	}
	return -1
}

// searchBadFilterByte returns the index of the first byte of b that has no
// place in a filter-name (RFC 5466 §4: 1*<any ATOM-CHAR except "/">), or -1.
func searchBadFilterByte(b []byte) int {
	for i, c := range b {
		if c == '/' || !isAtom(string(c)) {
			return i
		}
	}
	if len(b) == 0 {
		return 0
	}
	return -1
}

// readCharset reads a charset (RFC 9051 charset = atom / quoted; an
// astring in RFC 3501) and returns it in upper case.
func (r *searchReader) readCharset() (string, error) {
	w := r.w
	off := w.Offset()
	b, err := w.ReadAString()
	if err != nil {
		return "", err
	}
	if i := searchBadCharsetByte(b); i >= 0 {
		return "", w.Failf(off, "charset", "expected a charset name: printable ASCII without spaces")
	}
	for _, cs := range [...]string{"UTF-8", "US-ASCII"} {
		if strings.EqualFold(string(b), cs) {
			return cs, nil
		}
	}
	u := make([]byte, len(b))
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		u[i] = c
	}
	return string(u), nil
}

// searchBadCharsetByte returns the index of the first byte of a charset
// name that is not printable ASCII other than space, or -1; 0 for an empty
// name.
func searchBadCharsetByte[T string | []byte](b T) int {
	for i := 0; i < len(b); i++ {
		if b[i] <= ' ' || b[i] >= 0x7f {
			return i
		}
	}
	if len(b) == 0 {
		return 0
	}
	return -1
}

// readReturn reads the options after RETURN:
//
//	search-return-opts = SP "RETURN" SP "(" [search-return-opt *(SP search-return-opt)] ")"
//	search-return-opt  = "MIN" / "MAX" / "ALL" / "COUNT" / "SAVE" / "CONTEXT" /
//	                     "UPDATE" / "PARTIAL" SP partial-range / search-ret-opt-ext
func (r *searchReader) readReturn() (*SearchReturn, error) {
	w := r.w
	const rule = "search-return-opt"
	if err := w.SP(); err != nil {
		return nil, err
	}
	if err := w.ListStart(); err != nil {
		return nil, err
	}
	ret := &SearchReturn{}
	if end, err := w.ListEnd(); err != nil || end {
		return ret, err
	}
	if err := r.listSpace(); err != nil {
		return nil, err
	}
	for {
		off := w.Offset()
		name, err := r.d.name()
		if err != nil {
			return nil, err
		}
		var flag *bool
		switch string(name) {
		case "MIN":
			flag = &ret.Min
		case "MAX":
			flag = &ret.Max
		case "ALL":
			flag = &ret.All
		case "COUNT":
			flag = &ret.Count
		case "SAVE":
			flag = &ret.Save
		case "CONTEXT":
			flag = &ret.Context
		case "UPDATE":
			flag = &ret.Update
		case "PARTIAL":
			if ret.Partial != nil {
				return nil, w.Failf(off, rule, "PARTIAL twice")
			}
			if err := w.SP(); err != nil {
				return nil, err
			}
			if ret.Partial, err = r.readPartial(); err != nil {
				return nil, err
			}
		default:
			end, sep, err := r.readReturnOption(ret, name, off)
			if err != nil || end {
				return ret, err
			}
			if sep {
				// The space after the name came before the next
				// option, not before a parameter.
				continue
			}
		}
		if flag != nil {
			if *flag {
				return nil, w.Failf(off, rule, "%s twice", name)
			}
			*flag = true
		}
		if end, err := w.ListEnd(); err != nil || end {
			return ret, err
		}
		if err := w.SP(); err != nil {
			return nil, err
		}
	}
}

// listSpace reads a space after the "(" that opens a list, which is
// wire.QuirkExtraSpace, as wire.Decoder.List reads it.
func (r *searchReader) listSpace() error {
	w := r.w
	if c, err := w.Peek(); err != nil || c != ' ' {
		return err
	}
	if err := w.Quirk(wire.QuirkExtraSpace, w.Offset(), "list"); err != nil {
		return err
	}
	return w.SP()
}

// readReturnOption reads an option of an extension, whose name, at off,
// was just read, with its parameter if it has one. end reports that it
// read the end of the list, and sep that it read the space before the next
// option.
func (r *searchReader) readReturnOption(ret *SearchReturn, name []byte, off int64) (end, sep bool, err error) {
	w := r.w
	const rule = "search-return-opt"
	if !isExtLabel(name) {
		return false, false, w.Failf(off, rule, "expected a return option, found %q", name)
	}
	for _, o := range ret.Options {
		if o.Name == string(name) {
			return false, false, w.Failf(off, rule, "%s twice", name)
		}
	}
	ret.Options = append(ret.Options, Param{Name: string(name)})
	if end, err := w.ListEnd(); err != nil || end {
		return end, false, err
	}
	if err := w.SP(); err != nil {
		return false, false, err
	}
	c, err := w.Peek()
	if err != nil {
		return false, false, err
	}
	if c != '(' && !isSearchSetByte(c) {
		// A tagged-ext-label cannot start with any of those, so the
		// next word is an option, not a parameter.
		return false, true, nil
	}
	valOff := w.Offset()
	v, err := w.ReadValue()
	if err != nil {
		return false, false, err
	}
	if !searchIsModParams(&v) {
		return false, false, w.Failf(valOff, "search-mod-params", "expected a number, a sequence set or a list")
	}
	ret.Options[len(ret.Options)-1].Value = v
	return false, false, nil
}

// searchIsModParams reports whether v is a valid search-mod-params
// (tagged-ext-val, RFC 4466 §2.1): a number, a sequence set or a
// parenthesised list of astrings, numbers, sequence sets and lists.
func searchIsModParams(v *wire.Value) bool {
	switch v.Kind {
	case wire.KindNumber:
		return true
	case wire.KindAtom:
		_, err := wire.ParseSeqSet(string(v.Bytes))
		return err == nil
	case wire.KindList:
		for i := range v.Items {
			it := &v.Items[i]
			switch it.Kind {
			case wire.KindAtom, wire.KindString, wire.KindNumber:
				if it.Kind == wire.KindAtom && !isAtom(string(it.Bytes)) {
					return false
				}
			case wire.KindList:
				if !searchIsModParams(it) {
					return false
				}
			default:
				return false
			}
		}
		return true
	}
	return false
}

// readPartial reads the partial-range of PARTIAL (RFC 9394 §4).
func (r *searchReader) readPartial() (*SearchPartial, error) {
	start, stop, err := r.w.ReadPartialRange()
	if err != nil {
		return nil, err
	}
	return &SearchPartial{Start: start, Stop: stop}, nil
}

func (s *Search) encode(e *encoder) {
	if s.UID {
		e.Atom("UID").SP()
	}
	e.Atom("SEARCH")
	encodeSearchReturn(e, s.Return)
	if s.Charset != "" {
		e.SP().Atom("CHARSET").SP()
		encodeSearchCharset(e, s.Charset)
	}
	encodeSearchKeys(e, "SEARCH", s.Keys)
}

// encodeSearchCharset writes a charset name: an atom when it can be, and
// quoted otherwise (RFC 9051 charset = atom / quoted).
func encodeSearchCharset(e *encoder, cs string) {
	if searchBadCharsetByte(cs) >= 0 || strings.ToUpper(cs) != cs {
		e.Refuse("a charset that is not upper-case printable ASCII: " + cs)
		return
	}
	if isAtom(cs) {
		e.Atom(cs)
	} else {
		e.String(cs)
	}
}

// encodeSearchReturn writes SP "RETURN" SP "(" options ")", if ret is not
// nil.
func encodeSearchReturn(e *encoder, ret *SearchReturn) {
	if ret == nil {
		return
	}
	e.SP().Atom("RETURN").SP().ListStart()
	sep := false
	opt := func(name string) *encoder {
		if sep {
			e.SP()
		}
		sep = true
		e.Atom(name)
		return e
	}
	for _, f := range [...]struct {
		set  bool
		name string
	}{{ret.Min, "MIN"}, {ret.Max, "MAX"}, {ret.All, "ALL"}, {ret.Count, "COUNT"}, {ret.Save, "SAVE"},
		{ret.Context, "CONTEXT"}, {ret.Update, "UPDATE"}} {
		if f.set {
			opt(f.name)
		}
	}
	if p := ret.Partial; p != nil {
		opt("PARTIAL").SP().PartialRange(p.Start, p.Stop)
	}
	for i := range ret.Options {
		o := &ret.Options[i]
		if !isExtLabel(o.Name) || strings.ToUpper(o.Name) != o.Name || searchReturnNames[o.Name] {
			e.Refuse("a RETURN option named " + o.Name)
			return
		}
		for _, p := range ret.Options[:i] {
			if p.Name == o.Name {
				e.Refuse("the RETURN option " + o.Name + " twice")
				return
			}
		}
		opt(o.Name)
		if o.Value.Kind != wire.KindInvalid {
			if !searchIsModParams(&o.Value) {
				e.Refuse("the parameter of the RETURN option " + o.Name)
				return
			}
			e.SP()
			o.Value.Encode(e.Encoder)
		}
	}
	e.ListEnd()
}

// searchReturnNames are the RETURN options SearchReturn has fields for,
// which a Param cannot name.
var searchReturnNames = map[string]bool{
	"MIN": true, "MAX": true, "ALL": true, "COUNT": true, "SAVE": true, "CONTEXT": true, "UPDATE": true,
	"PARTIAL": true,
}

// A searchFrame is a list of keys being written: the top-level keys, the
// keys of a NOT, OR or FUZZY, or a parenthesised group.
type searchFrame struct {
	keys  []SearchKey
	next  int
	group bool
}

// encodeSearchKeys writes 1*(SP search-key) for the keys of cmd, without
// recursion, so that a tree of any depth is written or refused without
// exhausting the stack.
func encodeSearchKeys(e *encoder, cmd string, keys []SearchKey) {
	if len(keys) == 0 {
		e.Refuse(cmd + " without a search key")
		return
	}
	var buf [16]searchFrame
	stack := append(buf[:0], searchFrame{keys: keys})
	for len(stack) > 0 && e.Err() == nil {
		f := &stack[len(stack)-1]
		if f.next == len(f.keys) {
			if f.group {
				e.ListEnd()
			}
			stack = stack[:len(stack)-1]
			continue
		}
		k := &f.keys[f.next]
		if f.next > 0 || !f.group {
			e.SP()
		}
		f.next++
		if !encodeSearchKey(e, k) {
			return
		}
		if len(k.Keys) > 0 {
			group := k.Name == "AND"
			if group {
				e.ListStart()
			}
			stack = append(stack, searchFrame{keys: k.Keys, group: group})
		}
	}
}

// encodeSearchKey checks k and writes its name and arguments, all but the
// keys it holds; it reports false after a refusal.
func encodeSearchKey(e *encoder, k *SearchKey) bool {
	if p := searchKeyProblem(k); p != "" {
		e.Refuse("search key " + k.Name + ": " + p)
		return false
	}
	spec, _ := searchKeySpecOf(k.Name)
	switch spec.arg {
	case searchArgGroup:
		return true
	case searchArgSeqSet:
		e.SeqSet(k.Set)
		return true
	}
	e.Atom(k.Name)
	switch spec.arg {
	case searchArgNone:
	case searchArgString:
		e.SP()
		searchAString(e, k.Value)
	case searchArgHeader:
		e.SP()
		searchAString(e, k.Field)
		e.SP()
		searchAString(e, k.Value)
	case searchArgKeyword:
		e.SP().Flag(k.Value)
	case searchArgLabel:
		e.SP()
		if len(k.Value) > 1 && k.Value[0] == '\\' && searchIsFlagAtom(k.Value[1:]) {
			e.Flag(k.Value)
		} else {
			searchAString(e, k.Value)
		}
	case searchArgObjectID, searchArgFilter:
		e.SP().Atom(k.Value)
	case searchArgDate:
		e.SP().Date(k.Date)
	case searchArgNumber64, searchArgNZNumber:
		e.SP().Number64(k.Num)
	case searchArgSet:
		e.SP().SeqSet(k.Set)
	case searchArgModSeq:
		if k.Field != "" {
			e.SP().String("/flags/" + k.Field).SP().Atom(k.Value)
		}
		e.SP().Number64(k.Num)
	case searchArgKey, searchArgTwoKeys:
		// The keys follow, each after a space.
	}
	return e.Err() == nil
}

// searchAString writes an astring argument of a search key. A string with
// a NUL, which lenient decoding accepts in a literal (wire.QuirkNULInLiteral)
// and which has no valid form here (the grammar has no literal8 in a search
// key), is written back as such a literal, so that its bytes are kept.
func searchAString(e *encoder, s string) {
	if strings.IndexByte(s, 0) >= 0 {
		e.LiteralNUL([]byte(s))
		return
	}
	e.AString(s)
}

// searchKeyProblem says what is wrong with k, apart from the keys it holds,
// or returns "".
func searchKeyProblem(k *SearchKey) string {
	spec, ok := searchKeySpecOf(k.Name)
	if !ok {
		return "unknown key"
	}
	// uses says which fields the key has.
	const (
		uField = 1 << iota
		uValue
		uDate
		uNum
		uSet
		uKeys
	)
	var uses int
	switch spec.arg {
	case searchArgString, searchArgKeyword, searchArgLabel, searchArgObjectID, searchArgFilter:
		uses = uValue
	case searchArgHeader:
		uses = uField | uValue
	case searchArgDate:
		uses = uDate
	case searchArgNumber64, searchArgNZNumber:
		uses = uNum
	case searchArgSet, searchArgSeqSet:
		uses = uSet
	case searchArgModSeq:
		uses = uField | uValue | uNum
	case searchArgKey, searchArgTwoKeys, searchArgGroup:
		uses = uKeys
	}
	switch {
	case uses&uField == 0 && k.Field != "":
		return "a Field it does not have"
	case uses&uValue == 0 && k.Value != "":
		return "a Value it does not have"
	case uses&uDate == 0 && !k.Date.IsZero():
		return "a Date it does not have"
	case uses&uNum == 0 && k.Num != 0:
		return "a Num it does not have"
	case uses&uSet == 0 && !k.Set.IsZero():
		return "a Set it does not have"
	case uses&uKeys == 0 && len(k.Keys) > 0:
		return "Keys it does not have"
	}
	switch spec.arg {
	case searchArgKeyword:
		if !searchIsFlagAtom(k.Value) {
			return "a keyword that is not an atom"
		}
	case searchArgObjectID:
		if searchBadObjectIDByte([]byte(k.Value)) >= 0 {
			return "not an object ID"
		}
	case searchArgFilter:
		if searchBadFilterByte([]byte(k.Value)) >= 0 {
			return "not a filter name"
		}
	case searchArgNZNumber:
		if k.Num == 0 || k.Num > 1<<32-1 {
			return "a number that is not an nz-number"
		}
	case searchArgSet, searchArgSeqSet:
		if k.Set.IsZero() {
			return "an empty sequence set"
		}
	case searchArgModSeq:
		switch {
		case k.Field == "" && k.Value != "":
			return "an entry type without an entry name"
		case k.Field == "":
		case k.Value != "ALL" && k.Value != "SHARED" && k.Value != "PRIV":
			return "an entry type other than ALL, SHARED and PRIV"
		case !searchIsEntryFlag(k.Field) || len("/flags/")+len(k.Field) > searchMaxEntryName:
			return "an entry name whose flag is not a flag"
		case k.Field != searchFlag([]byte(k.Field)):
			return "a system flag not in canonical case"
		}
	case searchArgKey:
		if len(k.Keys) != 1 {
			return "not one key"
		}
	case searchArgTwoKeys:
		if len(k.Keys) != 2 {
			return "not two keys"
		}
	case searchArgGroup:
		if len(k.Keys) == 0 {
			return "an empty group"
		}
	}
	return ""
}

func init() {
	register(readSearch, "SEARCH", "UID SEARCH")
}
