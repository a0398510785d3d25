package wire

// ReadPartialRange reads the partial-range of RFC 9394 §4, the range of
// results a PARTIAL search return option asks for and an ESEARCH response
// answers:
//
//	partial-range-first = nz-number ":" nz-number
//	partial-range-last  = MINUS nz-number ":" MINUS nz-number
//
// It returns the two positions as sent: counted from the first result
// (1), or, both negative, from the last (-1).
func (d *Decoder) ReadPartialRange() (start, stop int64, err error) {
	const rule = "partial-range"
	neg, err := d.Accept('-')
	if err != nil {
		return 0, 0, err
	}
	a, err := d.ReadNZNumber()
	if err != nil {
		return 0, 0, err
	}
	if err := d.Expect(':', rule); err != nil {
		return 0, 0, err
	}
	off := d.Offset()
	neg2, err := d.Accept('-')
	if err != nil {
		return 0, 0, err
	}
	if neg2 != neg {
		return 0, 0, d.failf(off, rule, "both ends of a range must have the same sign")
	}
	b, err := d.ReadNZNumber()
	if err != nil {
		return 0, 0, err
	}
	start, stop = int64(a), int64(b)
	if neg {
		start, stop = -start, -stop
	}
	return start, stop, nil
}

// PartialRange writes a partial-range (RFC 9394 §4). It refuses positions
// that are 0, of different signs or beyond 2^32-1 in size.
func (e *Encoder) PartialRange(start, stop int64) *Encoder {
	const max = 1<<32 - 1
	neg := start < 0
	a, b := start, stop
	if neg {
		a, b = -a, -b
	}
	if start == 0 || stop == 0 || neg != (stop < 0) || a > max || b > max {
		return e.fail("partial-range: positions that are 0, of different signs or beyond 2^32-1")
	}
	if neg {
		e.Punct('-')
	}
	e.Number(uint32(a)).Punct(':')
	if neg {
		e.Punct('-')
	}
	return e.Number(uint32(b))
}
