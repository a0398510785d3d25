package main

import (
	"errors"
	"io"
	"slices"
	"time"

	"github.com/mailwire/imap/command"
	"github.com/mailwire/imap/literal"
	"github.com/mailwire/imap/response"
	"github.com/mailwire/imap/wire"
)

// Limits for decoding traces. They are larger than a server's, since a
// trace holds whatever a real peer sent: SEARCH and FETCH responses can be
// long lines, and message bodies come as literals.
const (
	maxLineBytes     = 16 << 20
	maxLiteralBuffer = 64 << 20
)

// encodeOpts choose the canonical re-encoding: synchronising literals, and
// literal8 where a value needs it.
var encodeOpts = []wire.Option{wire.LiteralPolicy(literal.Policy{Binary: true})}

// A record is one message of a trace, decoded or failed.
type record struct {
	dir    byte      // 'C' (client to server) or 'S' (server to client)
	offset int64     // stream offset of the message's first byte
	time   time.Time // zero when the capture has no times
	tag    string
	typ    string
	// unknown reports that something of the message was kept raw because
	// its kind is not known.
	unknown bool
	wire    []byte // canonical re-encoding; nil when err is set
	quirks  []wire.QuirkReport
	err     string // why the message failed, if it did
	fatal   bool   // an I/O error: the input could not be read
}

// config holds the settings of one run.
type config struct {
	format      string
	json        bool
	strict      bool
	showSecrets bool
}

// A stream decodes the messages of one direction of a session as typed
// values: client commands (package command) or server responses (package
// response).
type stream struct {
	dir   byte
	cd    *command.Decoder  // client streams
	sd    *response.Decoder // server streams
	dec   decoder           // cd or sd
	times *rawlogReader     // nil when the input has no times
	cfg   *config
	done  bool
	// Offset after the last Skip, to stop rather than loop if a broken
	// message were ever skipped without progress.
	lastSkip int64
}

// decoder is what the two decoders of a stream have in common, to report
// and get over an error.
type decoder interface {
	Offset() int64
	MessageOffset() int64
	Quirks() []wire.QuirkReport
	Skip() error
}

func newStream(dir byte, r io.Reader, times *rawlogReader, cfg *config) *stream {
	opts := []wire.Option{
		wire.Strict(cfg.strict),
		wire.MaxLineBytes(maxLineBytes),
		wire.MaxLiteralBuffer(maxLiteralBuffer),
	}
	s := &stream{dir: dir, times: times, cfg: cfg, lastSkip: -1}
	if dir == 'C' {
		s.cd = command.NewDecoder(r, opts...)
		s.dec = s.cd
	} else {
		s.sd = response.NewDecoder(r, opts...)
		// A record keeps nothing of its response but copies and
		// strings (decodedServer), so the next may reuse its memory.
		s.sd.ReuseValues(true)
		s.dec = s.sd
	}
	return s
}

// next decodes the next message. It reports false at the end of the
// stream, after the record of a failure that ends it.
func (s *stream) next() (record, bool) {
	if s.done {
		return record{}, false
	}
	var err error
	if s.dir == 'C' {
		var tag string
		var c command.Command
		if tag, c, err = s.cd.ReadCommand(); err == nil {
			return s.decodedClient(tag, c), true
		}
	} else {
		var r response.Response
		if r, err = s.sd.ReadResponse(); err == nil {
			return s.decodedServer(r), true
		}
	}
	if err == io.EOF {
		s.done = true
		return record{}, false
	}
	rec := record{dir: s.dir, offset: s.dec.MessageOffset()}
	rec.time = s.timeAt(rec.offset)
	rec.quirks = append(rec.quirks, s.dec.Quirks()...)
	var se *wire.SyntaxError
	switch {
	case errors.As(err, &se):
		rec.err = s.syntaxError(se)
		if serr := s.dec.Skip(); serr != nil {
			// The stream ends (or fails) inside the broken message: it
			// is one failure, and the last.
			s.done = true
			rec.fatal = !isCut(serr)
			if rec.fatal {
				rec.err += "; then " + serr.Error()
			}
			break
		}
		if off := s.dec.Offset(); off == s.lastSkip {
			s.done = true
			rec.err += "; decoding stopped: no progress after the error"
		} else {
			s.lastSkip = off
		}
	case err == io.ErrUnexpectedEOF:
		rec.err = "stream ends inside the message (unexpected EOF)"
		s.done = true
	default:
		rec.err = "read error: " + err.Error()
		rec.fatal = true
		s.done = true
	}
	return rec, true
}

// isCut reports whether err means the stream ended early rather than that
// it could not be read.
func isCut(err error) bool {
	return err == io.ErrUnexpectedEOF || err == io.EOF
}

// syntaxError formats a decoding error. Without -show-secrets the excerpt
// of client input is left out: the failed message could be a LOGIN whose
// password is what failed to decode.
func (s *stream) syntaxError(se *wire.SyntaxError) string {
	if s.dir == 'C' && !s.cfg.showSecrets && se.Quote != "" {
		c := *se
		c.Quote = ""
		return c.Error()
	}
	return se.Error()
}

func (s *stream) timeAt(off int64) time.Time {
	if s.times == nil {
		return time.Time{}
	}
	t, _ := s.times.TimeAt(off)
	return t
}

// decodedClient makes the record of a client command that decoded: its
// tag, its kind as the type, whether anything of it was kept raw, and its
// canonical re-encoding, with its secrets redacted unless -show-secrets.
func (s *stream) decodedClient(tag string, c command.Command) record {
	off := s.cd.MessageOffset()
	rec := record{dir: s.dir, offset: off, tag: tag, quirks: slices.Clone(s.cd.Quirks())}
	rec.time = s.timeAt(off)
	rec.typ = upper(c.Kind())
	rec.unknown = command.HasUnknown(c)
	if !s.cfg.showSecrets {
		c = redact(c)
	}
	b, err := command.AppendCommand(nil, tag, c, encodeOpts...)
	if err != nil {
		// The decoder accepted what the encoder cannot write: a
		// limitation of package command, reported as a failure of
		// this message.
		rec.err = "decoded, but has no canonical encoding: " + err.Error()
		return rec
	}
	rec.wire = b
	return rec
}

// decodedServer makes the record of a server response that decoded: its
// tag if it is a tagged status response, its kind as the type, whether
// anything of it was kept raw, and its canonical re-encoding.
func (s *stream) decodedServer(r response.Response) record {
	off := s.sd.MessageOffset()
	rec := record{dir: s.dir, offset: off, quirks: slices.Clone(s.sd.Quirks())}
	rec.time = s.timeAt(off)
	if st, ok := r.(*response.Status); ok {
		rec.tag = st.Tag
	}
	// Kind is upper case, except that the decoder keeps the name of an
	// unknown response longer than the names it knows as it came.
	rec.typ = upper(r.Kind())
	rec.unknown = response.HasUnknown(r)
	b, err := appendResponse(r)
	if err != nil {
		// The decoder accepted what the encoder cannot write: a
		// limitation of package response, reported as a failure of
		// this message.
		rec.err = "decoded, but has no canonical encoding: " + err.Error()
		return rec
	}
	rec.wire = b
	return rec
}

// appendResponse returns the canonical encoding of r.
func appendResponse(r response.Response) ([]byte, error) {
	return response.Append(nil, r, encodeOpts...)
}

// merge writes the records of a client and a server stream in time order.
// On equal times the client's record comes first: Dovecot stamps a command
// when it reads it, and the replies follow. Records without a time (rawlog
// files without timestamps) cannot be ordered: the client's come first,
// then the server's. Either stream may be nil.
func merge(c, s *stream, emit func(record)) {
	rc, okc := nextOf(c)
	rs, oks := nextOf(s)
	for okc || oks {
		serverFirst := oks && (!okc || !rc.time.IsZero() && !rs.time.IsZero() && rs.time.Before(rc.time))
		if serverFirst {
			emit(rs)
			rs, oks = s.next()
		} else {
			emit(rc)
			rc, okc = c.next()
		}
	}
}

func nextOf(s *stream) (record, bool) {
	if s == nil {
		return record{}, false
	}
	return s.next()
}

// upper upper-cases the ASCII letters of s and leaves other bytes as they
// are (strings.ToUpper would rewrite invalid UTF-8).
func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - ('a' - 'A')
		}
	}
	return string(b)
}
