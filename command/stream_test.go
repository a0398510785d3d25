package command

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"net"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/mailwire/imap/literal"
	"github.com/mailwire/imap/wire"
)

// appendPattern produces an endless stream of letters from a fixed pattern
// without holding more than the pattern: a large literal generated, not
// stored.
type appendPattern struct {
	pat []byte
	off int
}

func newAppendPattern() *appendPattern {
	pat := make([]byte, 64<<10)
	for i := range pat {
		pat[i] = byte('a' + i%26)
	}
	return &appendPattern{pat: pat}
}

func (p *appendPattern) Read(b []byte) (int, error) {
	n := 0
	for n < len(b) {
		c := copy(b[n:], p.pat[p.off:])
		n += c
		p.off = (p.off + c) % len(p.pat)
	}
	return n, nil
}

// appendBigInput is an APPEND command with a generated literal of size
// bytes, followed by "b NOOP".
func appendBigInput(size int64) io.Reader {
	return io.MultiReader(
		strings.NewReader(fmt.Sprintf("a APPEND INBOX (\\Seen) {%d}\r\n", size)),
		io.LimitReader(newAppendPattern(), size),
		strings.NewReader("\r\nb NOOP\r\n"))
}

// appendNext reads the next command, which must be tag NOOP.
func appendNext(t *testing.T, d *Decoder, tag string) {
	t.Helper()
	got, c, err := d.ReadCommand()
	if _, ok := c.(*Noop); err != nil || !ok || got != tag {
		t.Fatalf("next command: %q %#v, %v; want %s NOOP", got, c, err, tag)
	}
}

func TestAppendStreamLarge(t *testing.T) {
	const size = 64 << 20
	want := crc32.NewIEEE()
	if _, err := io.CopyN(want, newAppendPattern(), size); err != nil {
		t.Fatal(err)
	}

	d := NewDecoder(appendBigInput(size), wire.MaxLiteralBuffer(1<<20))
	var calls int
	got := crc32.NewIEEE()
	d.StreamMessages(func(m *MessageLiteral, body io.Reader) error {
		calls++
		if m.Tag != "a" || m.Mailbox != "INBOX" || m.Index != 0 || m.Part != -1 || m.Literal != (literal.Announcement{Size: size}) ||
			m.Command.Kind() != "APPEND" || len(m.Message.Flags) != 1 {
			t.Errorf("message literal %+v", m)
		}
		n, err := io.Copy(got, body)
		if n != size {
			t.Errorf("body of %d bytes, want %d", n, size)
		}
		return err
	})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	tag, c, err := d.ReadCommand()
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
		t.Errorf("streaming %d bytes allocated %d bytes", size, alloc)
	}
	wantCmd := &Append{Mailbox: "INBOX", Messages: []AppendMessage{{Flags: []string{`\Seen`}, Data: MessageData{Size: size, Streamed: true}}}}
	if tag != "a" || calls != 1 || got.Sum32() != want.Sum32() {
		t.Errorf("tag %q, %d calls, crc %x, want %x", tag, calls, got.Sum32(), want.Sum32())
	}
	if diff := appendDiff(wantCmd, c); diff != "" {
		t.Errorf("command (-want +got):\n%s", diff)
	}
	if _, err := AppendCommand(nil, "a", c); !errors.Is(err, wire.ErrUnrepresentable) {
		t.Errorf("encoding streamed data: %v, want wire.ErrUnrepresentable", err)
	}
	appendNext(t, d, "b")

	// Buffering the same literal breaks MaxLiteralBuffer, before a byte
	// of it is read; Skip goes on with the next command.
	d = NewDecoder(appendBigInput(size), wire.MaxLiteralBuffer(1<<20))
	_, _, err = d.ReadCommand()
	var se *wire.SyntaxError
	if !errors.Is(err, wire.ErrLiteralTooLarge) || !errors.As(err, &se) || se.Offset != int64(len("a APPEND INBOX (\\Seen) ")) {
		t.Fatalf("buffered: %v, want wire.ErrLiteralTooLarge at the announcement", err)
	}
	if d.Tag() != "a" {
		t.Errorf("Tag() = %q", d.Tag())
	}
	if err := d.Skip(); err != nil {
		t.Fatal(err)
	}
	appendNext(t, d, "b")
}

var errAppendDiskFull = errors.New("disk full")

func TestAppendStreamErrors(t *testing.T) {
	const size = 1 << 20
	t.Run("callback error mid-stream", func(t *testing.T) {
		d := NewDecoder(appendBigInput(size), wire.MaxLiteralBuffer(1024))
		d.StreamMessages(func(m *MessageLiteral, body io.Reader) error {
			if _, err := io.CopyN(io.Discard, body, 100000); err != nil {
				return err
			}
			return fmt.Errorf("storing: %w", errAppendDiskFull)
		})
		_, _, err := d.ReadCommand()
		if !errors.Is(err, errAppendDiskFull) || errors.As(err, new(*wire.SyntaxError)) {
			t.Fatalf("%v, want the callback's error as it is", err)
		}
		if d.Tag() != "a" {
			t.Errorf("Tag() = %q", d.Tag())
		}
		// Only Skip goes on.
		if _, _, err := d.ReadCommand(); err == nil {
			t.Errorf("ReadCommand went on without Skip")
		}
		if err := d.Skip(); err != nil {
			t.Fatal(err)
		}
		appendNext(t, d, "b")
	})
	t.Run("callback reading part", func(t *testing.T) {
		for _, n := range []int64{0, 1, 50000, size - 1} {
			d := NewDecoder(appendBigInput(size))
			d.StreamMessages(func(m *MessageLiteral, body io.Reader) error {
				_, err := io.CopyN(io.Discard, body, n)
				return err
			})
			_, c, err := d.ReadCommand()
			if err != nil {
				t.Fatalf("reading %d bytes: %v", n, err)
			}
			if data := c.(*Append).Messages[0].Data; data.Bytes != nil || data.Size != size || !data.Streamed {
				t.Errorf("reading %d bytes: data %+v", n, data)
			}
			appendNext(t, d, "b")
		}
	})
	t.Run("cut stream", func(t *testing.T) {
		in := io.MultiReader(strings.NewReader("a APPEND INBOX {100}\r\n"), strings.NewReader("only some"))
		d := NewDecoder(in)
		var readErr error
		d.StreamMessages(func(m *MessageLiteral, body io.Reader) error {
			_, readErr = io.Copy(io.Discard, body)
			return nil // the decoder's error wins anyway
		})
		if _, _, err := d.ReadCommand(); err != io.ErrUnexpectedEOF || readErr != io.ErrUnexpectedEOF {
			t.Fatalf("%v (body read: %v), want io.ErrUnexpectedEOF", err, readErr)
		}
	})
	t.Run("literal over the policy", func(t *testing.T) {
		d := NewDecoder(appendBigInput(size), wire.LiteralPolicy(literal.Policy{MaxSize: 1000}))
		var sizeSeen int64
		d.StreamMessages(func(m *MessageLiteral, body io.Reader) error {
			sizeSeen = m.Literal.Size
			if _, err := body.Read(make([]byte, 10)); err == nil {
				t.Error("read the body of a refused literal")
			}
			return errAppendDiskFull
		})
		_, _, err := d.ReadCommand()
		if !errors.Is(err, wire.ErrLiteralTooLarge) || sizeSeen != size {
			t.Fatalf("%v (size %d), want wire.ErrLiteralTooLarge", err, sizeSeen)
		}
		if err := d.Skip(); err != nil {
			t.Fatal(err)
		}
		appendNext(t, d, "b")
	})
	t.Run("body after the callback", func(t *testing.T) {
		var kept io.Reader
		d := NewDecoder(strings.NewReader("a APPEND INBOX {5}\r\nhello\r\n"))
		d.StreamMessages(func(m *MessageLiteral, body io.Reader) error {
			kept = body
			return nil
		})
		if _, _, err := d.ReadCommand(); err != nil {
			t.Fatal(err)
		}
		if n, err := kept.Read(make([]byte, 5)); n != 0 || err == nil {
			t.Errorf("read after the callback returned: %d, %v", n, err)
		}
	})
}

// TestAppendStreamRefuse checks that a MessageFunc that returns an error
// without reading refuses a synchronising literal before the continuation
// request: the client never sends the body. A non-synchronising literal's
// body is on its way and is skipped.
func TestAppendStreamRefuse(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		hook     bool
		conts    int
	}{
		{"synchronising", "a APPEND INBOX (\\Seen) {5}\r\nb NOOP\r\n", true, 0},
		{"non-synchronising", "a APPEND INBOX (\\Seen) {5+}\r\nhello\r\nb NOOP\r\n", true, 0},
		{"no hook (a trace)", "a APPEND INBOX (\\Seen) {5}\r\nhello\r\nb NOOP\r\n", false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conts := 0
			var opts []wire.Option
			if tc.hook {
				opts = append(opts, wire.Continuation(func(literal.Announcement) error { conts++; return nil }))
			}
			d := NewDecoder(strings.NewReader(tc.in), opts...)
			d.StreamMessages(func(m *MessageLiteral, body io.Reader) error {
				if m.Literal.Size != 5 || m.Message.Flags[0] != `\Seen` {
					t.Errorf("message literal %+v", m)
				}
				return errAppendDiskFull
			})
			if _, _, err := d.ReadCommand(); err != errAppendDiskFull {
				t.Fatalf("%v, want the callback's error", err)
			}
			if err := d.Skip(); err != nil {
				t.Fatal(err)
			}
			appendNext(t, d, "b")
			if conts != tc.conts {
				t.Errorf("%d continuation requests, want %d", conts, tc.conts)
			}
		})
	}
	// A callback that reads nothing and accepts: the decoder invites the
	// body and skips it.
	conts := 0
	d := NewDecoder(strings.NewReader("a APPEND INBOX {5}\r\nhello\r\nb NOOP\r\n"),
		wire.Continuation(func(literal.Announcement) error { conts++; return nil }))
	d.StreamMessages(func(*MessageLiteral, io.Reader) error { return nil })
	if _, _, err := d.ReadCommand(); err != nil || conts != 1 {
		t.Fatalf("%v, %d continuation requests", err, conts)
	}
	appendNext(t, d, "b")
}

// TestAppendStreamParts streams the literals of a MULTIAPPEND command with
// CATENATE and UTF8 messages, and of REPLACE.
func TestAppendStreamParts(t *testing.T) {
	in := "a APPEND Drafts {5}\r\nhello (\\Draft) CATENATE (URL \"/Drafts;UID=1\" TEXT {3}\r\nabc TEXT {2}\r\nde) UTF8 (~{1}\r\n\x00)\r\n" +
		"b UID REPLACE 7 Drafts CATENATE (UTF8 (~{4}\r\nwxyz))\r\n"
	type call struct {
		tag, kind string
		index     int
		part      int
		catenate  int
		ann       literal.Announcement
		body      string
	}
	var calls []call
	d := NewDecoder(strings.NewReader(in))
	d.StreamMessages(func(m *MessageLiteral, body io.Reader) error {
		b, err := io.ReadAll(body)
		calls = append(calls, call{m.Tag, m.Command.Kind(), m.Index, m.Part, len(m.Message.Catenate), m.Literal, string(b)})
		return err
	})
	_, c1, err := d.ReadCommand()
	if err != nil {
		t.Fatal(err)
	}
	_, c2, err := d.ReadCommand()
	if err != nil {
		t.Fatal(err)
	}
	want := []call{
		{"a", "APPEND", 0, -1, 0, literal.Announcement{Size: 5}, "hello"},
		{"a", "APPEND", 1, 1, 1, literal.Announcement{Size: 3}, "abc"},
		{"a", "APPEND", 1, 2, 2, literal.Announcement{Size: 2}, "de"},
		{"a", "APPEND", 2, -1, 0, literal.Announcement{Size: 1, Binary: true}, "\x00"},
		{"b", "UID REPLACE", 0, 0, 0, literal.Announcement{Size: 4, Binary: true}, "wxyz"},
	}
	if fmt.Sprint(calls) != fmt.Sprint(want) {
		t.Errorf("calls\n%v\nwant\n%v", calls, want)
	}
	streamed := func(n int64, bin bool) MessageData { return MessageData{Size: n, Binary: bin, Streamed: true} }
	want1 := &Append{Mailbox: "Drafts", Messages: []AppendMessage{
		{Data: streamed(5, false)},
		{Flags: []string{`\Draft`}, Catenate: []CatenatePart{
			{Kind: CatenateURL, URL: "/Drafts;UID=1"},
			{Kind: CatenateText, Data: streamed(3, false)},
			{Kind: CatenateText, Data: streamed(2, false)},
		}},
		{UTF8: true, Data: streamed(1, true)},
	}}
	want2 := &Replace{UID: true, Number: 7, Mailbox: "Drafts", Message: AppendMessage{Catenate: []CatenatePart{{Kind: CatenateUTF8, Data: streamed(4, true)}}}}
	if diff := appendDiff(want1, c1); diff != "" {
		t.Errorf("APPEND (-want +got):\n%s", diff)
	}
	if diff := appendDiff(want2, c2); diff != "" {
		t.Errorf("REPLACE (-want +got):\n%s", diff)
	}
}

// TestAppendPipe runs the synchronising-literal handshake both ways over a
// pipe: a client Encoder whose continuation hook waits for the server's
// "+", and a server Decoder whose hook sends it, or refuses a literal that
// is too large, after which both sides go on.
func TestAppendPipe(t *testing.T) {
	const limit = 1 << 16
	cconn, sconn := net.Pipe()
	deadline := time.Now().Add(20 * time.Second)
	cconn.SetDeadline(deadline)
	sconn.SetDeadline(deadline)
	errTooBig := errors.New("too big")

	type received struct {
		tag    string
		cmd    Command
		hashes []string
	}
	var (
		wg      sync.WaitGroup
		got     []received
		srvErr  error
		hashes  []string
		serving = func() error {
			d := NewDecoder(sconn, wire.Continuation(func(a literal.Announcement) error {
				if a.Size > limit {
					return errTooBig
				}
				_, err := io.WriteString(sconn, "+ Ready for literal data\r\n")
				return err
			}))
			d.StreamMessages(func(m *MessageLiteral, body io.Reader) error {
				h := sha256.New()
				if _, err := io.Copy(h, body); err != nil {
					return err
				}
				hashes = append(hashes, fmt.Sprintf("%x", h.Sum(nil)))
				return nil
			})
			for {
				tag, c, err := d.ReadCommand()
				switch {
				case err == io.EOF:
					return nil
				case errors.Is(err, errTooBig):
					if _, err := io.WriteString(sconn, tag+" NO [TOOBIG] Literal too large\r\n"); err != nil {
						return err
					}
					if err := d.Skip(); err != nil {
						return err
					}
					continue
				case err != nil:
					return err
				}
				got = append(got, received{tag, c, hashes})
				hashes = nil
				if _, err := io.WriteString(sconn, tag+" OK done\r\n"); err != nil {
					return err
				}
			}
		}
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		srvErr = serving()
		sconn.Close()
	}()
	// On every path out, end the server and wait for it.
	defer func() {
		cconn.Close()
		wg.Wait()
	}()

	br := bufio.NewReader(cconn)
	conts := 0
	e := NewEncoder(cconn, wire.Continuation(func(a literal.Announcement) error {
		line, err := br.ReadString('\n')
		if err != nil {
			return err
		}
		if strings.HasPrefix(line, "+ ") {
			conts++
			return nil
		}
		return fmt.Errorf("literal refused: %q", line)
	}))
	reply := func(tag string) {
		t.Helper()
		line, err := br.ReadString('\n')
		if err != nil || !strings.HasPrefix(line, tag+" OK") {
			t.Fatalf("reply to %s: %q, %v", tag, line, err)
		}
	}
	sum := func(b []byte) string { return fmt.Sprintf("%x", sha256.Sum256(b)) }
	big := bytes.Repeat([]byte("0123456789abcdef"), 3000) // 48000 bytes

	c1 := &Append{Mailbox: "saved-messages", Messages: []AppendMessage{{Flags: []string{`\Seen`}, Data: appendText(appendFredMsg)}}}
	if err := e.Encode("A1", c1); err != nil {
		t.Fatal(err)
	}
	reply("A1")
	c2 := &Append{Mailbox: "INBOX", Messages: []AppendMessage{
		{Data: MessageData{Reader: bytes.NewReader(big), Size: int64(len(big))}},
		{Date: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC), Catenate: []CatenatePart{
			{Kind: CatenateText, Data: appendText(appendCatText1)},
			{Kind: CatenateURL, URL: "/INBOX;UID=1"},
			{Kind: CatenateText, Data: appendText(appendCatText2)},
		}},
	}}
	if err := e.Encode("A2", c2); err != nil {
		t.Fatal(err)
	}
	reply("A2")
	tooBig := &Append{Mailbox: "INBOX", Messages: []AppendMessage{{Data: MessageData{Reader: bytes.NewReader(big), Size: limit + 1}}}}
	if err := e.Encode("A3", tooBig); err == nil || !strings.Contains(err.Error(), "A3 NO [TOOBIG]") {
		t.Fatalf("refused literal: %v", err)
	}
	if err := e.Encode("A4", &Noop{}); err != nil {
		t.Fatal(err)
	}
	reply("A4")
	c5 := &Replace{UID: true, Number: 2000, Mailbox: "Drafts", Message: AppendMessage{Flags: []string{`\Seen`, `\Draft`}, Data: appendText(appendDraftMsg)}}
	if err := e.Encode("A5", c5); err != nil {
		t.Fatal(err)
	}
	reply("A5")
	cconn.Close()
	wg.Wait()
	if srvErr != nil {
		t.Fatalf("server: %v", srvErr)
	}

	if conts != 5 {
		t.Errorf("%d continuation requests, want 5 (A1 1, A2 3, A5 1; A3 refused)", conts)
	}
	want := []received{
		{"A1", &Append{Mailbox: "saved-messages", Messages: []AppendMessage{{Flags: []string{`\Seen`}, Data: MessageData{Size: 326, Streamed: true}}}},
			[]string{sum([]byte(appendFredMsg))}},
		{"A2", &Append{Mailbox: "INBOX", Messages: []AppendMessage{
			{Data: MessageData{Size: int64(len(big)), Streamed: true}},
			{Date: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC), Catenate: []CatenatePart{
				{Kind: CatenateText, Data: MessageData{Size: 42, Streamed: true}},
				{Kind: CatenateURL, URL: "/INBOX;UID=1"},
				{Kind: CatenateText, Data: MessageData{Size: 44, Streamed: true}},
			}},
		}}, []string{sum(big), sum([]byte(appendCatText1)), sum([]byte(appendCatText2))}},
		{"A4", &Noop{}, nil},
		{"A5", &Replace{UID: true, Number: 2000, Mailbox: "Drafts", Message: AppendMessage{Flags: []string{`\Seen`, `\Draft`},
			Data: MessageData{Size: int64(len(appendDraftMsg)), Streamed: true}}}, []string{sum([]byte(appendDraftMsg))}},
	}
	if len(got) != len(want) {
		t.Fatalf("server received %d commands, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i].tag != want[i].tag || fmt.Sprint(got[i].hashes) != fmt.Sprint(want[i].hashes) {
			t.Errorf("command %d: %s %v, want %s %v", i, got[i].tag, got[i].hashes, want[i].tag, want[i].hashes)
		}
		if diff := appendDiff(want[i].cmd, got[i].cmd); diff != "" {
			t.Errorf("command %s (-want +got):\n%s", want[i].tag, diff)
		}
	}
}

// The benchmarks decode one APPEND command whose 1 GiB literal streams to
// io.Discard, against io.Copy of the same source. Goal: >= 90 % of the
// baseline's throughput, with memory that does not grow with the literal.
const appendBenchSize = 1 << 30

func BenchmarkAppendStream1GiB(b *testing.B) {
	head := fmt.Sprintf("a APPEND INBOX (\\Seen) {%d}\r\n", appendBenchSize)
	pat := newAppendPattern()
	fn := func(m *MessageLiteral, body io.Reader) error {
		_, err := io.Copy(io.Discard, body)
		return err
	}
	b.SetBytes(appendBenchSize)
	b.ReportAllocs()
	for b.Loop() {
		src := io.MultiReader(strings.NewReader(head), io.LimitReader(pat, appendBenchSize), strings.NewReader("\r\n"))
		d := NewDecoder(src)
		d.StreamMessages(fn)
		if _, _, err := d.ReadCommand(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAppendIOCopy1GiB(b *testing.B) {
	pat := newAppendPattern()
	b.SetBytes(appendBenchSize)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := io.Copy(io.Discard, io.LimitReader(pat, appendBenchSize)); err != nil {
			b.Fatal(err)
		}
	}
}

// appendDiff compares commands as the table tests do.
func appendDiff(want, got Command) string { return cmp.Diff(want, got, cmpOpts...) }
