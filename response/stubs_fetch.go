package response

import "io"

// SectionFunc receives a FETCH body section as it streams.
type SectionFunc func(r io.Reader) error

func readFetch(d *Decoder, n uint32, off int64) (Response, error) {
	return d.readUnknown([]byte("FETCH"), n, true)
}
