package command

import (
	"strings"
)

// A Sort is the SORT or UID SORT command (RFC 5256 §3), with the sort keys
// of RFC 5957 (DISPLAYFROM, DISPLAYTO) and RFC 6203 (RELEVANCY) and the
// RETURN options of ESORT (RFC 5267 §3):
//
//	C: A282 SORT (SUBJECT) UTF-8 SINCE 1-Feb-1994
//	C: A283 SORT (SUBJECT REVERSE DATE) UTF-8 ALL
//	C: A284 UID SORT RETURN (MIN) (DATE) UTF-8 ALL
//
// The grammar is
//
//	sort            = ["UID" SP] "SORT" [search-return-opts] SP sort-criteria SP search-criteria
//	sort-criteria   = "(" sort-criterion *(SP sort-criterion) ")"
//	sort-criterion  = ["REVERSE" SP] sort-key
//	search-criteria = charset 1*(SP search-key)
//
// The search keys are those of SEARCH, and encode as Search's do.
type Sort struct {
	// UID tells UID SORT from SORT.
	UID bool
	// Return holds the RETURN options of ESORT, or nil when there are
	// none.
	Return *SearchReturn
	// Criteria are the sort criteria, at least one, the first the most
	// significant.
	Criteria []SortCriterion
	// Charset is the charset of the strings in the keys, in upper case:
	// SORT always names one ("UTF-8", "US-ASCII").
	Charset string
	// Keys are the search keys, at least one; a message is sorted when it
	// matches every key.
	Keys []SearchKey
}

// A SortCriterion is one sort criterion of a SORT command (RFC 5256 §3):
// a sort key, in ascending order or, with Reverse, descending.
type SortCriterion struct {
	// Key is the sort key in upper case: ARRIVAL, CC, DATE, FROM, SIZE,
	// SUBJECT or TO (RFC 5256), DISPLAYFROM or DISPLAYTO (RFC 5957),
	// RELEVANCY (RFC 6203), or an experimental key whose name starts
	// with "X-" (as Dovecot's X-SCORE).
	Key string
	// Reverse is set for "REVERSE".
	Reverse bool
}

// Kind returns "SORT" or "UID SORT".
func (s *Sort) Kind() string {
	if s.UID {
		return "UID SORT"
	}
	return "SORT"
}

// sortKeys are the sort keys this package knows (RFC 5256 §5, RFC 5957
// §4, RFC 6203 §7), by name.
var sortKeys = map[string]string{}

func init() {
	for _, k := range strings.Fields("ARRIVAL CC DATE FROM SIZE SUBJECT TO DISPLAYFROM DISPLAYTO RELEVANCY") {
		sortKeys[k] = k
	}
}

// sortKeyName returns the sort key named name (upper case) as a string,
// shared for the keys sortKeys holds, and reports whether it is a sort
// key: one of those, or an atom starting with "X-".
func sortKeyName[T string | []byte](name T) (string, bool) {
	if k, ok := sortKeys[string(name)]; ok {
		return k, true
	}
	if len(name) > 2 && string(name[:2]) == "X-" && isAtom(string(name)) {
		return string(name), true
	}
	return "", false
}

func readSort(d *Decoder, uid bool) (Command, error) {
	w := d.w
	s := &Sort{UID: uid}
	if err := w.SP(); err != nil {
		return nil, err
	}
	r := newSearchReader(d)
	c, err := w.Peek()
	if err != nil {
		return nil, err
	}
	if c != '(' {
		off := w.Offset()
		name, err := d.name()
		if err != nil {
			return nil, err
		}
		if string(name) != "RETURN" {
			return nil, w.Failf(off, "sort-criteria", "expected RETURN or sort criteria")
		}
		if s.Return, err = r.readReturn(); err != nil {
			return nil, err
		}
		if err := w.SP(); err != nil {
			return nil, err
		}
	}
	if s.Criteria, err = r.readSortCriteria(); err != nil {
		return nil, err
	}
	if err := w.SP(); err != nil {
		return nil, err
	}
	if s.Charset, s.Keys, err = r.readCriteria(); err != nil {
		return nil, err
	}
	return s, nil
}

// readSortCriteria reads sort-criteria.
func (r *searchReader) readSortCriteria() ([]SortCriterion, error) {
	d, w := r.d, r.w
	const rule = "sort-criterion"
	if err := w.ListStart(); err != nil {
		return nil, err
	}
	if err := r.listSpace(); err != nil {
		return nil, err
	}
	var crit []SortCriterion
	for {
		off := w.Offset()
		if end, err := w.ListEnd(); err != nil {
			return nil, err
		} else if end {
			if len(crit) == 0 {
				return nil, w.Failf(off, rule, "expected a sort criterion")
			}
			return crit, nil
		}
		if len(crit) > 0 {
			if err := w.SP(); err != nil {
				return nil, err
			}
			off = w.Offset()
		}
		name, err := d.name()
		if err != nil {
			return nil, err
		}
		var c SortCriterion
		if string(name) == "REVERSE" {
			c.Reverse = true
			if err := w.SP(); err != nil {
				return nil, err
			}
			off = w.Offset()
			if name, err = d.name(); err != nil {
				return nil, err
			}
		}
		key, ok := sortKeyName(name)
		if !ok {
			return nil, w.Failf(off, rule, "unknown sort key %q", name)
		}
		c.Key = key
		crit = append(crit, c)
	}
}

// readCriteria reads search-criteria after its space (RFC 5256 §5):
//
//	search-criteria = charset 1*(SP search-key)
func (r *searchReader) readCriteria() (charset string, keys []SearchKey, err error) {
	if charset, err = r.readCharset(); err != nil {
		return "", nil, err
	}
	if err := r.w.SP(); err != nil {
		return "", nil, err
	}
	if keys, err = r.readKeys(); err != nil {
		return "", nil, err
	}
	return charset, keys, nil
}

func (s *Sort) encode(e *encoder) {
	if s.UID {
		e.Atom("UID").SP()
	}
	e.Atom("SORT")
	encodeSearchReturn(e, s.Return)
	if len(s.Criteria) == 0 {
		e.Refuse("SORT without a sort criterion")
		return
	}
	e.SP().ListStart()
	for i, c := range s.Criteria {
		if _, ok := sortKeyName(c.Key); !ok || strings.ToUpper(c.Key) != c.Key {
			e.Refuse("SORT: unknown sort key " + c.Key)
			return
		}
		if i > 0 {
			e.SP()
		}
		if c.Reverse {
			e.Atom("REVERSE").SP()
		}
		e.Atom(c.Key)
	}
	e.ListEnd()
	encodeSearchCriteria(e, "SORT", s.Charset, s.Keys)
}

// encodeSearchCriteria writes SP search-criteria, whose charset is
// required.
func encodeSearchCriteria(e *encoder, cmd, charset string, keys []SearchKey) {
	if charset == "" {
		e.Refuse(cmd + " without a charset")
		return
	}
	e.SP()
	encodeSearchCharset(e, charset)
	encodeSearchKeys(e, cmd, keys)
}

// A Thread is the THREAD or UID THREAD command (RFC 5256 §3): the
// messages that match the search keys, arranged in threads by an
// algorithm.
//
//	C: A283 THREAD ORDEREDSUBJECT UTF-8 SINCE 5-MAR-2000
//	C: A284 THREAD REFERENCES US-ASCII TEXT "gewp"
//
// The grammar is
//
//	thread     = ["UID" SP] "THREAD" SP thread-alg SP search-criteria
//	thread-alg = "ORDEREDSUBJECT" / "REFERENCES" / thread-alg-ext
//	thread-alg-ext = atom
//
// The search keys are those of SEARCH, and encode as Search's do.
type Thread struct {
	// UID tells UID THREAD from THREAD.
	UID bool
	// Algorithm is the threading algorithm in upper case:
	// "ORDEREDSUBJECT", "REFERENCES", or that of an extension, such as
	// "REFS" (draft-ietf-morg-inthread, which Dovecot implements).
	Algorithm string
	// Charset is the charset of the strings in the keys, in upper case.
	Charset string
	// Keys are the search keys, at least one.
	Keys []SearchKey
}

// Kind returns "THREAD" or "UID THREAD".
func (t *Thread) Kind() string {
	if t.UID {
		return "UID THREAD"
	}
	return "THREAD"
}

func readThread(d *Decoder, uid bool) (Command, error) {
	w := d.w
	t := &Thread{UID: uid}
	if err := w.SP(); err != nil {
		return nil, err
	}
	off := w.Offset()
	alg, err := d.name()
	if err != nil {
		return nil, err
	}
	for i, c := range alg {
		if !isAtom(string(c)) {
			// "]" or 8-bit bytes, which lenient reading accepts, have
			// no place in an atom that is written back.
			return nil, w.Failf(off+int64(i), "thread-alg", "threading algorithm %q is not an atom", alg)
		}
	}
	t.Algorithm = threadAlgorithmName(alg)
	if err := w.SP(); err != nil {
		return nil, err
	}
	r := newSearchReader(d)
	if t.Charset, t.Keys, err = r.readCriteria(); err != nil {
		return nil, err
	}
	return t, nil
}

// threadAlgorithmName returns the algorithm named name as a string, shared
// for the common ones.
func threadAlgorithmName(name []byte) string {
	for _, a := range [...]string{"REFERENCES", "ORDEREDSUBJECT", "REFS"} {
		if string(name) == a {
			return a
		}
	}
	return string(name)
}

func (t *Thread) encode(e *encoder) {
	if !isAtom(t.Algorithm) || strings.ToUpper(t.Algorithm) != t.Algorithm {
		e.Refuse("THREAD: an algorithm that is not an upper-case atom")
		return
	}
	if t.UID {
		e.Atom("UID").SP()
	}
	e.Atom("THREAD").SP().Atom(t.Algorithm)
	encodeSearchCriteria(e, "THREAD", t.Charset, t.Keys)
}

func init() {
	register(readSort, "SORT", "UID SORT")
	register(readThread, "THREAD", "UID THREAD")
}
