package peers

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/mailwire/imap/bodystructure"
	"github.com/mailwire/imap/response"
	"github.com/mailwire/imap/wire"
)

// benchMessages is the number of FETCH responses in the benchmark session.
const benchMessages = 50000

var (
	benchOnce    sync.Once
	benchCorpus  *Corpus
	benchSession []byte

	benchDecodedOnce sync.Once
	benchDecoded     []response.Response
	benchDecodedErr  error
)

// benchData returns the generated corpus and the session that carries it:
// Greeting, the FETCH responses and Done, the same bytes for every decoder.
func benchData(b testing.TB) (*Corpus, []byte) {
	b.Helper()
	benchOnce.Do(func() {
		benchCorpus = Generate(benchMessages)
		benchSession = benchCorpus.Session()
	})
	return benchCorpus, benchSession
}

// benchResponses returns the session decoded into typed values: the
// greeting, the FETCH responses and the tagged completion.
func benchResponses(b testing.TB) []response.Response {
	b.Helper()
	_, session := benchData(b)
	benchDecodedOnce.Do(func() {
		benchDecoded, benchDecodedErr = decodeAll(session, true)
	})
	if benchDecodedErr != nil {
		b.Fatal(benchDecodedErr)
	}
	return benchDecoded
}

// decodeAll decodes every response of session with response.Decoder.
func decodeAll(session []byte, strict bool) ([]response.Response, error) {
	d := response.NewDecoder(bytes.NewReader(session), wire.Strict(strict))
	var all []response.Response
	for {
		r, err := d.ReadResponse()
		if err == io.EOF {
			return all, nil
		}
		if err != nil {
			return all, err
		}
		all = append(all, r)
	}
}

// measure runs b.N iterations of one whole session. For each, setup runs
// with the timer stopped (and a GC, so that no iteration pays for the garbage
// of another), then work is timed, then teardown runs with the timer stopped
// again. Besides the usual per-op figures it reports ns/msg (wall clock),
// cpu-ns/msg (CPU time of the whole process, GC and every goroutine
// included, where the system tells it), allocs/msg and B/msg over the n
// messages of a session.
func measure[T any](b *testing.B, n int, setup func() T, work func(T), teardown func(T)) {
	_, session := benchData(b)
	b.SetBytes(int64(len(session)))
	b.ReportAllocs()
	var (
		elapsed, cpu   time.Duration
		allocs, nbytes uint64
		m0, m1         runtime.MemStats
	)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		v := setup()
		runtime.GC()
		runtime.ReadMemStats(&m0)
		start, startCPU := time.Now(), cpuTime()
		b.StartTimer()
		work(v)
		b.StopTimer()
		elapsed += time.Since(start)
		cpu += cpuTime() - startCPU
		runtime.ReadMemStats(&m1)
		allocs += m1.Mallocs - m0.Mallocs
		nbytes += m1.TotalAlloc - m0.TotalAlloc
		teardown(v)
		b.StartTimer()
	}
	msgs := float64(b.N) * float64(n)
	b.ReportMetric(float64(elapsed.Nanoseconds())/msgs, "ns/msg")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/msgs, "cpu-ns/msg")
	}
	b.ReportMetric(float64(allocs)/msgs, "allocs/msg")
	b.ReportMetric(float64(nbytes)/msgs, "B/msg")
}

// BenchmarkGoIMAPFetch decodes the session with go-imap v2's client: a
// FETCH 1:50000 command is sent over an in-memory connection that then
// delivers the responses, and every item of every message is read. The timer
// covers sending the command, reading all the responses and the tagged
// completion, until the client's reader has reached the end of the stream.
//
// Next uses the streaming API (FetchCommand.Next, FetchMessageData.Next);
// Collect gathers each message into a FetchMessageBuffer.
func BenchmarkGoIMAPFetch(b *testing.B) {
	corpus, session := benchData(b)
	n := len(corpus.Responses)
	setup := func() *goIMAPRun {
		c, err := goIMAPClient(session)
		if err != nil {
			b.Fatal(err)
		}
		return &goIMAPRun{c: c}
	}
	teardown := func(r *goIMAPRun) {
		if r.err != nil {
			b.Fatal(r.err)
		}
		if r.messages != n {
			b.Fatalf("go-imap returned %d messages, want %d", r.messages, n)
		}
	}
	b.Run("Next", func(b *testing.B) {
		measure(b, n, setup, func(r *goIMAPRun) {
			s, err := goIMAPFetchNext(r.c, n)
			<-r.c.Closed()
			r.messages, r.err = s.Messages, err
		}, teardown)
	})
	b.Run("Collect", func(b *testing.B) {
		measure(b, n, setup, func(r *goIMAPRun) {
			msgs, err := goIMAPFetchCollect(r.c, n)
			<-r.c.Closed()
			r.messages, r.err = len(msgs), err
		}, teardown)
	})
}

// BenchmarkResponseDecode decodes the session with response.Decoder and
// looks at every item of every message as the go-imap consumer does
// (summary.addFetch), in each of the decodeModes: lenient and strict into
// owned *response.Fetch values, and lenient reusing the memory of the
// values of the response before (response.Decoder.ReuseValues), as a
// consumer that is done with each message before the next may. The decoder
// is made outside the timer, as go-imap's client is.
func BenchmarkResponseDecode(b *testing.B) {
	for _, m := range decodeModes {
		b.Run(m.name, func(b *testing.B) {
			corpus, session := benchData(b)
			n := len(corpus.Responses)
			var (
				s   summary
				err error
			)
			measure(b, n, func() *response.Decoder {
				return m.decoder(session)
			}, func(d *response.Decoder) {
				s, err = decodeSession(d)
			}, func(*response.Decoder) {
				if err != nil {
					b.Fatal(err)
				}
				if s.Messages != n {
					b.Fatalf("decoded %d messages, want %d", s.Messages, n)
				}
			})
		})
	}
}

// decodeModes are the ways the benchmarks and TestConsumersAgree run
// response.Decoder.
var decodeModes = []decodeMode{
	{"lenient", false, false},
	{"strict", true, false},
	{"reuse", false, true},
}

type decodeMode struct {
	name          string
	strict, reuse bool
}

func (m decodeMode) decoder(session []byte) *response.Decoder {
	d := response.NewDecoder(bytes.NewReader(session), wire.Strict(m.strict))
	d.ReuseValues(m.reuse)
	return d
}

// decodeSession reads responses from d up to the end of the stream and
// sums up the FETCH responses. It expects the greeting and the tagged
// completion as status responses and nothing else.
func decodeSession(d *response.Decoder) (summary, error) {
	var s summary
	statuses := 0
	for {
		r, err := d.ReadResponse()
		if err == io.EOF {
			break
		}
		if err != nil {
			return s, err
		}
		switch r := r.(type) {
		case *response.Fetch:
			s.addFetch(r)
		case *response.Status:
			statuses++
		default:
			return s, fmt.Errorf("unexpected %s response", r.Kind())
		}
	}
	if statuses != 2 {
		return s, errors.New("greeting or tagged completion missing")
	}
	return s, nil
}

// BenchmarkResponseEncode writes the decoded session (the greeting, the
// FETCH responses and the tagged completion, which encode as the session's
// bytes exactly; TestPeersAgree checks that) with response.Encoder to
// io.Discard. The encoder has written the session once before the timer
// starts, so its buffer has grown to the largest response: what is measured
// is the steady state.
func BenchmarkResponseEncode(b *testing.B) {
	corpus, _ := benchData(b)
	n := len(corpus.Responses)
	all := benchResponses(b)
	enc := response.NewEncoder(io.Discard)
	encode := func(all []response.Response) error {
		for _, r := range all {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	}
	if err := encode(all); err != nil {
		b.Fatal(err)
	}
	var err error
	measure(b, n, func() []response.Response { return all }, func(all []response.Response) {
		err = encode(all)
	}, func([]response.Response) {
		if err != nil {
			b.Fatal(err)
		}
	})
}

// summary is what the benchmarks take from each message, for go-imap's
// values and for ours, so that no item goes unread; TestConsumersAgree
// checks that both give the same sums.
type summary struct {
	Messages, Flags, Addresses, Parts int
	UIDs, Sizes                       uint64
	Dates                             int64
}

func (s *summary) addFetch(f *response.Fetch) {
	s.Messages++
	s.UIDs += uint64(f.UID)
	s.Flags += len(f.Flags)
	s.Dates += f.InternalDate.Unix()
	s.Sizes += f.Size
	e := f.Envelope
	s.Addresses += len(e.From) + len(e.Sender) + len(e.ReplyTo) + len(e.To) + len(e.Cc) + len(e.Bcc)
	s.Parts += leafParts(f.BodyStructure)
}

// leafParts counts the single parts of b without Walk's part numbers.
func leafParts(b *bodystructure.Body) int {
	if b.Parts != nil {
		n := 0
		for _, p := range b.Parts {
			n += leafParts(p)
		}
		return n
	}
	if b.Part != nil {
		return leafParts(b.Part)
	}
	return 1
}

// BenchmarkWireReadToken only lexes the session with wire.Decoder.ReadToken,
// keeping nothing: the floor under any decoder built on the wire layer.
func BenchmarkWireReadToken(b *testing.B) {
	corpus, session := benchData(b)
	n := len(corpus.Responses)
	d := wire.NewDecoder(bytes.NewReader(nil))
	var tokens int
	measure(b, n, func() *bytes.Reader {
		return bytes.NewReader(session)
	}, func(r *bytes.Reader) {
		d.Reset(r)
		tokens = 0
		for {
			t, err := d.ReadToken()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			tokens++
			if t.Kind == wire.KindAtom && len(t.Bytes()) == 2 && t.Bytes()[0] == 'O' && t.Bytes()[1] == 'K' {
				// Status responses end in text, which ReadToken does not
				// lex: skip it.
				if err := d.Skip(); err != nil {
					b.Fatal(err)
				}
			}
		}
	}, func(*bytes.Reader) {
		if tokens < n*100 {
			b.Fatalf("only %d tokens", tokens)
		}
	})
}
