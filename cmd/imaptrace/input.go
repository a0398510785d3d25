package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// A tracer decodes the inputs of one run and prints their records.
type tracer struct {
	cfg    *config
	out    *bufio.Writer
	stderr io.Writer
	p      printer
	seen   map[string]bool // rawlog pairs already decoded, by stem
	failed bool            // a message failed
	fatal  bool            // an input could not be read
}

func newTracer(cfg *config, out *bufio.Writer, stderr io.Writer) *tracer {
	t := &tracer{cfg: cfg, out: out, stderr: stderr, seen: map[string]bool{}}
	if cfg.json {
		t.p = newJSONPrinter(out)
	} else {
		t.p = newTextPrinter(out)
	}
	return t
}

func (t *tracer) emit(r record) {
	t.p.record(&r)
	if r.err != "" {
		t.failed = true
	}
	if r.fatal {
		t.fatal = true
	}
}

func (t *tracer) flush() error {
	if p, ok := t.p.(*jsonPrinter); ok && p.err != nil {
		return p.err
	}
	return t.out.Flush()
}

// cannot reports an input that cannot be read.
func (t *tracer) cannot(err error) {
	t.out.Flush()
	fmt.Fprintf(t.stderr, "imaptrace: %v\n", err)
	t.fatal = true
}

// file decodes the file at path according to the format.
func (t *tracer) file(path string) {
	if t.cfg.format == "auto" || t.cfg.format == "rawlog" {
		if stem, ok := rawlogName(path); ok {
			t.rawlogFiles(path, stem)
			return
		}
	}
	f, err := os.Open(path)
	if err != nil {
		t.cannot(err)
		return
	}
	defer f.Close()
	t.reader(path, f)
}

// rawlogFiles decodes path, one half of the rawlog pair stem.in and
// stem.out, together with the other half if it exists.
func (t *tracer) rawlogFiles(path, stem string) {
	if t.seen[stem] {
		return
	}
	var readers [2]io.Reader
	var names []string
	for i, ext := range []string{".in", ".out"} {
		name := stem + ext
		f, err := os.Open(name)
		if err != nil {
			if name == path {
				t.cannot(err)
				return
			}
			if !errors.Is(err, fs.ErrNotExist) {
				t.cannot(err) // and go on with the named half
			}
			continue
		}
		defer f.Close()
		readers[i] = f
		names = append(names, name+" ("+[]string{"client", "server"}[i]+")")
	}
	t.seen[stem] = true
	head := names[0]
	if len(names) == 2 {
		head += " + " + names[1]
	}
	t.pair(head+": rawlog", readers[0], readers[1])
}

// pair decodes the two halves of a rawlog, either of which may be nil.
func (t *tracer) pair(head string, in, out io.Reader) {
	var streams [2]*stream
	timed := false
	for i, r := range []io.Reader{in, out} {
		if r == nil {
			continue
		}
		br := bufio.NewReaderSize(r, 64<<10)
		rr := newRawlogReader(br, hasPrefix(br))
		var times *rawlogReader
		if rr.timed {
			times = rr
			timed = true
		}
		streams[i] = newStream("CS"[i], rr, times, t.cfg)
	}
	if timed {
		head += " with times"
	}
	t.p.header(head)
	merge(streams[0], streams[1], t.emit)
}

// reader decodes one stream whose direction the format or, for auto and
// rawlog, its first bytes decide.
func (t *tracer) reader(name string, r io.Reader) {
	br := bufio.NewReaderSize(r, 64<<10)
	var dir byte
	var rawlog, timed bool
	switch t.cfg.format {
	case "client":
		dir = 'C'
	case "server":
		dir = 'S'
	default: // auto, rawlog
		timed = hasPrefix(br)
		rawlog = timed || t.cfg.format == "rawlog"
		dir = guessDir(br, timed)
	}
	head := name + ": " + map[byte]string{'C': "client", 'S': "server"}[dir] + " stream"
	var src io.Reader = br
	var times *rawlogReader
	if rawlog {
		head += ", rawlog"
		rr := newRawlogReader(br, timed)
		src = rr
		if timed {
			times = rr
			head += " with times"
		}
	}
	t.p.header(head)
	s := newStream(dir, src, times, t.cfg)
	if dir == 'C' {
		merge(s, nil, t.emit)
	} else {
		merge(nil, s, t.emit)
	}
}

// guessDir guesses the direction of a stream from its first bytes, after a
// rawlog time prefix if timed: a server's starts with its greeting "* " or
// with "+"; anything else is taken for a client's.
func guessDir(br *bufio.Reader, timed bool) byte {
	b, _ := br.Peek(maxPrefix + 2)
	if timed {
		if n, _, ok := parsePrefix(b); ok {
			b = b[n:]
		}
	}
	if len(b) >= 2 && b[0] == '*' && b[1] == ' ' || len(b) >= 1 && b[0] == '+' {
		return 'S'
	}
	return 'C'
}
