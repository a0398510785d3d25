package main

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"time"
)

// Dovecot rawlog files (rawlog_dir, or the rawlog binary) hold one direction
// of a session each: NAME.in what the client sent, NAME.out what the server
// sent. With timestamps, which is Dovecot's default, every line starts with
// "sec.usec " (for example "1700000000.123456 "), written when the line's
// first byte passed; a line that Dovecot wrote in several pieces has one
// prefix. Literal bodies are lines like any other, so their lines carry
// prefixes too.

// maxPrefix bounds the timestamp prefix: 19 digits, a dot, 9 digits and a
// space.
const maxPrefix = 19 + 1 + 9 + 1

// parsePrefix reports whether b starts with a rawlog timestamp prefix
// 1*DIGIT "." 1*DIGIT SP, and returns its length and time.
func parsePrefix(b []byte) (int, time.Time, bool) {
	var sec, frac int64
	i := 0
	for i < len(b) && i < 19 && isDigit(b[i]) {
		sec = sec*10 + int64(b[i]-'0')
		i++
	}
	if i == 0 || i == len(b) || b[i] != '.' {
		return 0, time.Time{}, false
	}
	i++
	start := i
	scale := int64(1e9)
	for i < len(b) && i-start < 9 && isDigit(b[i]) {
		scale /= 10
		frac += int64(b[i]-'0') * scale
		i++
	}
	if i == start || i == len(b) || b[i] != ' ' {
		return 0, time.Time{}, false
	}
	return i + 1, time.Unix(sec, frac).UTC(), true
}

// partialPrefix reports whether b could be the start of a timestamp prefix
// that has not been read whole.
func partialPrefix(b []byte) bool {
	dot := false
	for _, c := range b {
		switch {
		case isDigit(c):
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// hasPrefix reports whether the input that br holds starts with a rawlog
// timestamp prefix. It peeks and consumes nothing.
func hasPrefix(br *bufio.Reader) bool {
	// The caller's reader must hold maxPrefix bytes (all of ours do).
	b, _ := br.Peek(maxPrefix)
	_, _, ok := parsePrefix(b)
	return ok
}

// rawlogName reports whether name is one half of a rawlog pair (NAME.in or
// NAME.out) and returns the pair's stem NAME.
func rawlogName(name string) (stem string, ok bool) {
	for _, ext := range []string{".in", ".out"} {
		if strings.HasSuffix(name, ext) {
			return strings.TrimSuffix(name, ext), true
		}
	}
	return "", false
}

// A timeMark records that the line starting at offset off of the
// de-prefixed stream carried time t.
type timeMark struct {
	off int64
	t   time.Time
}

// A rawlogReader strips the timestamp prefixes of a rawlog file as it is
// read, and remembers the time of each line by its offset in the stripped
// stream, for TimeAt. Without timestamps (timed false) it passes the input
// through.
type rawlogReader struct {
	br        *bufio.Reader
	timed     bool
	lineStart bool
	out       int64 // offset in the stripped stream
	marks     []timeMark
}

func newRawlogReader(br *bufio.Reader, timed bool) *rawlogReader {
	// Peeking at a whole prefix needs a buffer at least that large;
	// NewReaderSize returns br itself when it is.
	br = bufio.NewReaderSize(br, 2*maxPrefix)
	return &rawlogReader{br: br, timed: timed, lineStart: true}
}

// Read implements io.Reader.
func (r *rawlogReader) Read(p []byte) (int, error) {
	if !r.timed {
		n, err := r.br.Read(p)
		r.out += int64(n)
		return n, err
	}
	n := 0
	for n < len(p) {
		if r.lineStart {
			// Peeking for a prefix may wait for input: hand over what
			// is ready first.
			if n > 0 && r.br.Buffered() < maxPrefix {
				return n, nil
			}
			b, err := r.br.Peek(maxPrefix)
			if len(b) == 0 {
				return n, err
			}
			if err != nil && err != io.EOF && partialPrefix(b) {
				// A transient error cut what may be a prefix: try
				// again on the next call.
				return n, err
			}
			if l, t, ok := parsePrefix(b); ok {
				r.br.Discard(l)
				// A line with the time of the one before adds nothing:
				// literal bodies are often many lines of one write.
				if len(r.marks) == 0 || !r.marks[len(r.marks)-1].t.Equal(t) {
					r.marks = append(r.marks, timeMark{r.out, t})
				}
			}
			r.lineStart = false
		}
		if r.br.Buffered() == 0 {
			if n > 0 {
				return n, nil
			}
			if _, err := r.br.Peek(1); err != nil {
				return n, err
			}
		}
		b, _ := r.br.Peek(min(r.br.Buffered(), len(p)-n))
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			b = b[:i+1]
			r.lineStart = true
		}
		c := copy(p[n:], b)
		r.br.Discard(c)
		n += c
		r.out += int64(c)
	}
	return n, nil
}

// TimeAt returns the time of the line holding offset off of the stripped
// stream, if the file has times. Offsets must not decrease from one call to
// the next: the marks before off are dropped.
func (r *rawlogReader) TimeAt(off int64) (time.Time, bool) {
	i := 0
	for i+1 < len(r.marks) && r.marks[i+1].off <= off {
		i++
	}
	r.marks = r.marks[i:]
	if len(r.marks) == 0 || r.marks[0].off > off {
		return time.Time{}, false
	}
	return r.marks[0].t, true
}

var _ io.Reader = (*rawlogReader)(nil)
