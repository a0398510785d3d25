package wire

import (
	"cmp"
	"iter"
	"slices"
	"strconv"
)

// ruleSeqSet is the SyntaxError.Rule of sequence set errors.
const ruleSeqSet = "sequence-set"

// A SeqRange is one element of a sequence set: the numbers from Start to
// Stop inclusive, in either order (RFC 9051 §9: "2:4" and "4:2" are the same
// range). The number 0 stands for "*", the largest number in use, which is
// higher than every other number; a single number n is the range {n, n} and
// "*" alone is {0, 0}.
type SeqRange struct{ Start, Stop uint32 }

// A SeqSet is a set of message sequence numbers or UIDs: the sequence-set
// of RFC 9051 §9, or "$", the result saved by a SEARCH RETURN (SAVE)
// (RFC 5182).
//
// Ranges keeps the elements in the order they were written and never merges
// them: the order matters when sets are paired element by element, as the
// two sets of a COPYUID response code are (RFC 4315). Parsing and AddRange
// store each range with its lower end first ("*" counting as highest), so
// that every set has one canonical form.
type SeqSet struct {
	Ranges []SeqRange // the elements, in the order written
	Saved  bool       // "$": the saved search result; Ranges is then empty
}

// seqNormRange returns the range from a to b with its lower end first, 0
// ("*") counting as the highest number.
func seqNormRange(a, b uint32) SeqRange {
	switch {
	case a == 0:
		return SeqRange{b, 0}
	case b == 0 || a <= b:
		return SeqRange{a, b}
	}
	return SeqRange{b, a}
}

// resolve returns the numbers r covers when "*" stands for max, lowest
// first; ok is false when r is empty, which it is when it uses "*" and max
// is 0 (an empty mailbox).
func (r SeqRange) resolve(max uint32) (lo, hi uint32, ok bool) {
	lo, hi = r.Start, r.Stop
	if lo == 0 || hi == 0 {
		if max == 0 {
			return 0, 0, false
		}
		if lo == 0 {
			lo = max
		}
		if hi == 0 {
			hi = max
		}
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	return lo, hi, true
}

// ParseSeqSet parses a sequence-set (RFC 9051 §9) or "$" (RFC 5182). It
// refuses the number 0, leading zeros, numbers above 4294967295, empty
// elements and "$" combined with anything else, with a *SyntaxError whose
// Rule is "sequence-set" and whose Offset is the byte offset in s of the
// first byte that cannot be accepted.
func ParseSeqSet(s string) (SeqSet, error) { return parseSeqSetT(s) }

// parseSeqSet is ParseSeqSet on bytes; it does not retain b.
func parseSeqSet(b []byte) (SeqSet, error) { return parseSeqSetT(b) }

func parseSeqSetT[T string | []byte](b T) (SeqSet, error) {
	if len(b) == 0 {
		return SeqSet{}, seqSetError(b, 0, "empty sequence set")
	}
	if b[0] == '$' {
		if len(b) == 1 {
			return SeqSet{Saved: true}, nil
		}
		return SeqSet{}, seqSetError(b, 1, `"$" must stand alone`)
	}
	n := 1
	for i := 0; i < len(b); i++ {
		if b[i] == ',' {
			n++
		}
	}
	ranges := make([]SeqRange, 0, n)
	i := 0
	for {
		start, next, err := parseSeqNumber(b, i)
		if err != nil {
			return SeqSet{}, err
		}
		stop := start
		i = next
		if i < len(b) && b[i] == ':' {
			stop, i, err = parseSeqNumber(b, i+1)
			if err != nil {
				return SeqSet{}, err
			}
		}
		ranges = append(ranges, seqNormRange(start, stop))
		if i == len(b) {
			return SeqSet{Ranges: ranges}, nil
		}
		if b[i] != ',' {
			if b[i] == ':' {
				return SeqSet{}, seqSetError(b, i, "a range has two ends")
			}
			return SeqSet{}, seqSetError(b, i, `expected "," or the end of the set`)
		}
		i++
	}
}

// parseSeqNumber parses the seq-number at b[i:]: an nz-number without
// leading zeros, or "*" as 0. It returns the offset after it.
func parseSeqNumber[T string | []byte](b T, i int) (uint32, int, error) {
	if i == len(b) {
		return 0, i, seqSetError(b, i, `expected a number or "*"`)
	}
	switch c := b[i]; {
	case c == '*':
		return 0, i + 1, nil
	case c == '0':
		if i+1 < len(b) && b[i+1] >= '0' && b[i+1] <= '9' {
			return 0, i, seqSetError(b, i, "number with a leading zero")
		}
		return 0, i, seqSetError(b, i, "0 is not a valid number")
	case c == '$':
		return 0, i, seqSetError(b, i, `"$" must stand alone`)
	case c < '1' || c > '9':
		return 0, i, seqSetError(b, i, `expected a number or "*"`)
	}
	var v uint64
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		v = v*10 + uint64(b[i]-'0')
		if v > 1<<32-1 {
			return 0, i, seqSetError(b, i, "number larger than 4294967295")
		}
	}
	return uint32(v), i, nil
}

func seqSetError[T string | []byte](b T, off int, msg string) error {
	return &SyntaxError{Offset: int64(off), Rule: ruleSeqSet, Quote: quoteValue(b[off:]), Err: errDetail(msg)}
}

// String returns the canonical form of s: "$" for a Saved set, otherwise
// the ranges in their order, each lower end first ("*" counting as
// highest) and a range of one number as that number: "*:5" is written
// "5:*", "5:3" is "3:5", "7:7" is "7" and "*:*" is "*". The zero SeqSet
// gives "", which is not a valid sequence-set.
func (s SeqSet) String() string {
	if s.Saved {
		return "$"
	}
	if len(s.Ranges) == 0 {
		return ""
	}
	var buf [64]byte
	b := s.AppendTo(buf[:0])
	return string(b)
}

// AppendTo appends the canonical form of s, as String returns it, to dst.
// It does not allocate when dst has room.
func (s SeqSet) AppendTo(dst []byte) []byte {
	if s.Saved {
		return append(dst, '$')
	}
	for i, r := range s.Ranges {
		if i > 0 {
			dst = append(dst, ',')
		}
		r = seqNormRange(r.Start, r.Stop)
		dst = appendSeqNumber(dst, r.Start)
		if r.Stop != r.Start {
			dst = append(dst, ':')
			dst = appendSeqNumber(dst, r.Stop)
		}
	}
	return dst
}

func appendSeqNumber(dst []byte, n uint32) []byte {
	if n == 0 {
		return append(dst, '*')
	}
	return strconv.AppendUint(dst, uint64(n), 10)
}

// IsZero reports whether s is the zero SeqSet: no ranges and not Saved.
func (s SeqSet) IsZero() bool { return len(s.Ranges) == 0 && !s.Saved }

// Dynamic reports whether the numbers of s depend on the state of the
// mailbox: whether s uses "*" or is "$".
func (s SeqSet) Dynamic() bool {
	if s.Saved {
		return true
	}
	for _, r := range s.Ranges {
		if r.Start == 0 || r.Stop == 0 {
			return true
		}
	}
	return false
}

// Contains reports whether n is in s, with "*" standing for max, the
// largest number in use (the number of messages, or for UIDs the UID of the
// last message, or UIDNEXT when the mailbox is empty; RFC 9051 §9). A max
// of 0 makes every range that uses "*" empty. Ranges may be written in
// either order. The number 0 is never in a set, and a Saved set reports
// false: the caller resolves "$" against the saved result.
func (s SeqSet) Contains(n, max uint32) bool {
	if n == 0 || s.Saved {
		return false
	}
	for _, r := range s.Ranges {
		if lo, hi, ok := r.resolve(max); ok && lo <= n && n <= hi {
			return true
		}
	}
	return false
}

// Numbers returns an iterator over the numbers of s in ascending order, each
// once, with "*" standing for max as in Contains. It is lazy: the numbers
// are produced one at a time, so even "1:4294967295" is iterated in
// constant memory. A set whose ranges are in ascending order of their lower
// ends (overlapping or not) is iterated without allocating; other sets cost
// at most one allocation, for a sorted copy of the ranges. A Saved set
// yields nothing.
func (s SeqSet) Numbers(max uint32) iter.Seq[uint32] {
	return func(yield func(uint32) bool) {
		if s.Saved {
			return
		}
		sorted := true
		var prev uint32
		for _, r := range s.Ranges {
			lo, _, ok := r.resolve(max)
			if !ok {
				continue
			}
			if lo < prev {
				sorted = false
				break
			}
			prev = lo
		}
		next := uint64(1) // the lowest number not yet yielded
		emit := func(lo, hi uint32) bool {
			if uint64(hi) < next {
				return true
			}
			for n := seqMax64(uint64(lo), next); n <= uint64(hi); n++ {
				if !yield(uint32(n)) {
					return false
				}
			}
			next = uint64(hi) + 1
			return true
		}
		if sorted {
			for _, r := range s.Ranges {
				if lo, hi, ok := r.resolve(max); ok && !emit(lo, hi) {
					return
				}
			}
			return
		}
		rs := make([]SeqRange, 0, len(s.Ranges))
		for _, r := range s.Ranges {
			if lo, hi, ok := r.resolve(max); ok {
				rs = append(rs, SeqRange{lo, hi})
			}
		}
		slices.SortFunc(rs, func(a, b SeqRange) int { return cmp.Compare(a.Start, b.Start) })
		for _, r := range rs {
			if !emit(r.Start, r.Stop) {
				return
			}
		}
	}
}

func seqMax64(a, b uint64) uint64 {
	if a > b {
		return a
	}
	return b
}

// AddNum appends each number in n to s as a range of its own; 0 stands for
// "*". Since "$" cannot be combined with numbers, it clears Saved.
func (s *SeqSet) AddNum(n ...uint32) {
	s.Saved = false
	s.Ranges = slices.Grow(s.Ranges, len(n))
	for _, v := range n {
		s.Ranges = append(s.Ranges, SeqRange{v, v})
	}
}

// AddRange appends the range from start to stop, in either order, to s,
// stored lower end first; 0 stands for "*". Since "$" cannot be combined
// with numbers, it clears Saved.
func (s *SeqSet) AddRange(start, stop uint32) {
	s.Saved = false
	s.Ranges = append(s.Ranges, seqNormRange(start, stop))
}

// ReadSeqSet reads a sequence set (RFC 9051 sequence-set, with "$" of RFC
// 5182).
func (d *Decoder) ReadSeqSet() (SeqSet, error) {
	if err := d.prepare(); err != nil {
		return SeqSet{}, err
	}
	i := 0
	for {
		b := d.buf[d.r:d.end]
		for i < len(b) && cSeq[b[i]] {
			i++
		}
		if i < len(b) {
			break
		}
		if err := d.moreLine(); err != nil {
			return SeqSet{}, err
		}
	}
	s, err := parseSeqSet(d.buf[d.r : d.r+i])
	if err != nil {
		return SeqSet{}, d.rebaseAt(err, d.Offset())
	}
	d.r += i
	return s, nil
}

// SeqSet writes a sequence set in canonical form. The zero SeqSet is an
// error.
func (e *Encoder) SeqSet(s SeqSet) *Encoder {
	if e.err != nil {
		return e
	}
	if s.IsZero() {
		return e.fail("empty sequence set")
	}
	for _, r := range s.Ranges {
		if r.Start == 0 && r.Stop != 0 {
			return e.fail("malformed sequence range")
		}
	}
	e.buf = s.AppendTo(e.buf)
	e.last = 'v'
	return e
}
