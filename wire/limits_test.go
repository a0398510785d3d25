package wire

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// repeatReader yields prefix and then the byte c forever.
type repeatReader struct {
	prefix []byte
	c      byte
}

func (r *repeatReader) Read(p []byte) (int, error) {
	n := copy(p, r.prefix)
	r.prefix = r.prefix[n:]
	for i := n; i < len(p); i++ {
		p[i] = r.c
	}
	return len(p), nil
}

func expectSyntax(t *testing.T, err error, off int64, sentinel error) {
	t.Helper()
	var se *SyntaxError
	if !errors.As(err, &se) || !errors.Is(err, sentinel) {
		t.Fatalf("got %v, want a SyntaxError wrapping %v", err, sentinel)
	}
	if se.Offset != off {
		t.Errorf("offset %d, want %d (%v)", se.Offset, off, err)
	}
}

func TestMaxLineBytes(t *testing.T) {
	const limit = 100
	for _, tc := range []struct {
		name string
		msg  string
	}{
		{"atoms", "a " + strings.Repeat("x", limit-4) + "\r\n"},
		{"quoted", "a \"" + strings.Repeat("x", limit-6) + "\"\r\n"},
		{"text", "* OK " + strings.Repeat("x", limit-7) + "\r\n"},
		{"with literal", "a {3}\r\nabc " + strings.Repeat("x", limit-10) + "\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nonLiteral := len(tc.msg)
			if strings.Contains(tc.msg, "{3}") {
				nonLiteral -= 3
			}
			if nonLiteral != limit {
				t.Fatalf("test message has %d non-literal bytes", nonLiteral)
			}
			for rname, r := range readers(tc.msg + "b NOOP\r\n") {
				got := decodeAll(t, r, MaxLineBytes(limit))
				if len(got) != 2 || strings.HasPrefix(got[0], "error") {
					t.Errorf("%s: at the limit: %q", rname, got)
				}
			}
			// One byte more, anywhere, is refused at the byte past the limit.
			long := strings.Replace(tc.msg, "xx", "xxx", 1)
			for rname, r := range readers(long + "b NOOP\r\n") {
				got := decodeAll(t, r, MaxLineBytes(limit))
				if len(got) != 2 || !strings.Contains(got[0], "exceeds MaxLineBytes (100)") || got[1] != `"b NOOP\r\n"` {
					t.Errorf("%s: one past the limit: %q", rname, got)
				}
			}
			d := NewDecoder(strings.NewReader(long), MaxLineBytes(limit))
			_, err := d.ReadMessage()
			lit := int64(0)
			if strings.Contains(tc.msg, "{3}") {
				lit = 3
			}
			expectSyntax(t, err, limit+lit, ErrLineTooLong)
		})
	}
}

// TestLineLimitBeforeMemory feeds an endless line: the decoder must fail
// once the limit is reached, having read about that much.
func TestLineLimitBeforeMemory(t *testing.T) {
	for _, c := range []byte{'x', ' ', '"'} {
		prefix := []byte("a ")
		if c == '"' {
			prefix = []byte("a \"")
			c = 'y'
		}
		src := &countingReader{r: &repeatReader{prefix: prefix, c: c}}
		d := NewDecoder(src)
		_, err := d.ReadMessage()
		expectSyntax(t, err, DefaultMaxLineBytes, ErrLineTooLong)
		if src.n > 2*DefaultMaxLineBytes+minBufSize {
			t.Errorf("read %d bytes before refusing the line", src.n)
		}
		if cap(d.buf) > 2*DefaultMaxLineBytes+minBufSize {
			t.Errorf("buffer grew to %d bytes", cap(d.buf))
		}
	}
}

// TestParenBomb: a 10 MB line of "(" fails fast at the depth limit.
func TestParenBomb(t *testing.T) {
	in := "* " + strings.Repeat("(", 10<<20)
	src := &countingReader{r: strings.NewReader(in)}
	d := NewDecoder(src)
	_, err := d.ReadMessage()
	expectSyntax(t, err, int64(2+DefaultMaxDepth), ErrTooDeep)
	if src.n > 1<<20 {
		t.Errorf("read %d bytes of the bomb", src.n)
	}
	// The typed reader refuses it the same way.
	d = NewDecoder(strings.NewReader(in[2:]))
	var read func() error
	read = func() error { return d.List(read) }
	expectSyntax(t, read(), DefaultMaxDepth, ErrTooDeep)
}

func TestMaxDepth(t *testing.T) {
	for _, depth := range []int{1, 5, 100} {
		ok := "* " + strings.Repeat("(", depth) + strings.Repeat(")", depth) + "\r\n"
		if got := decodeAll(t, strings.NewReader(ok), MaxDepth(depth)); len(got) != 1 || strings.HasPrefix(got[0], "error") {
			t.Errorf("depth %d at the limit: %q", depth, got)
		}
		deep := "* " + strings.Repeat("(", depth+1) + strings.Repeat(")", depth+1) + "\r\n"
		_, err := NewDecoder(strings.NewReader(deep), MaxDepth(depth)).ReadMessage()
		expectSyntax(t, err, int64(2+depth), ErrTooDeep)
		// Sections count too.
		deep = "* " + strings.Repeat("[", depth+1) + strings.Repeat("]", depth+1) + "\r\n"
		_, err = NewDecoder(strings.NewReader(deep), MaxDepth(depth)).ReadMessage()
		expectSyntax(t, err, int64(2+depth), ErrTooDeep)
	}
}

func TestMaxItems(t *testing.T) {
	msg := "a" + strings.Repeat(" x", 9) + "\r\n" // 10 tokens
	if got := decodeAll(t, strings.NewReader(msg), MaxItems(10)); len(got) != 1 || strings.HasPrefix(got[0], "error") {
		t.Errorf("at the limit: %q", got)
	}
	_, err := NewDecoder(strings.NewReader(msg), MaxItems(9)).ReadMessage()
	expectSyntax(t, err, int64(len(msg)-3), ErrTooMany)
}

func TestLiteralOverflow(t *testing.T) {
	in := "a {18446744073709551616}\r\n"
	src := &countingReader{r: io.MultiReader(strings.NewReader(in), &repeatReader{c: 'x'})}
	_, err := NewDecoder(src).ReadMessage()
	expectSyntax(t, err, int64(len("a {1844674407370955161")), ErrLiteralTooLarge)
	if src.n > minBufSize {
		t.Errorf("read %d bytes", src.n)
	}
}

// TestMaxLiteralBuffer: a literal at the limit is buffered; one byte more is
// refused before a byte of its body is read, and Skip then steps over it.
func TestMaxLiteralBuffer(t *testing.T) {
	const limit = 1000
	body := strings.Repeat("y", limit)
	in := "a {1000}\r\n" + body + "\r\nb NOOP\r\n"
	got := decodeAll(t, strings.NewReader(in), MaxLiteralBuffer(limit))
	if len(got) != 2 || strings.HasPrefix(got[0], "error") {
		t.Errorf("at the limit: %.200q", got)
	}
	in = "a {1001}\r\n" + body + "y\r\nb NOOP\r\n"
	for rname, r := range readers(in) {
		got := decodeAll(t, r, MaxLiteralBuffer(limit))
		if len(got) != 2 || !strings.Contains(got[0], "exceeds MaxLiteralBuffer (1000)") || got[1] != `"b NOOP\r\n"` {
			t.Errorf("%s: one past the limit: %q", rname, got)
		}
	}
	// Nothing of the body is read before the refusal.
	head := "a {1001}\r\n"
	src := &countingReader{r: iotestOneByte(head + body)}
	_, err := NewDecoder(src, MaxLiteralBuffer(limit)).ReadMessage()
	expectSyntax(t, err, 2, ErrLiteralTooLarge)
	if src.n != int64(len(head)) {
		t.Errorf("read %d bytes, want only the %d of the announcement", src.n, len(head))
	}
	// A streamed literal is not subject to the buffer limit.
	d := NewDecoder(strings.NewReader("{1001}\r\n"+body+"y"), MaxLiteralBuffer(limit))
	_, r, err := d.ReadLiteral()
	if err != nil {
		t.Fatal(err)
	}
	if b, err := io.ReadAll(r); err != nil || len(b) != 1001 {
		t.Errorf("streamed %d bytes, %v", len(b), err)
	}
}

func iotestOneByte(s string) io.Reader { return &oneByte{s: s} }

type oneByte struct{ s string }

func (o *oneByte) Read(p []byte) (int, error) {
	if o.s == "" {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = o.s[0]
	o.s = o.s[1:]
	return 1, nil
}

func TestMaxLiteralTotal(t *testing.T) {
	in := "a {5}\r\nhello {5}\r\nworld\r\nb NOOP\r\n"
	if got := decodeAll(t, strings.NewReader(in), MaxLiteralTotal(10)); len(got) != 2 || strings.HasPrefix(got[0], "error") {
		t.Errorf("at the limit: %q", got)
	}
	got := decodeAll(t, strings.NewReader(in), MaxLiteralTotal(9))
	if len(got) != 2 || !strings.Contains(got[0], "error at 13:") || got[1] != `"b NOOP\r\n"` {
		t.Errorf("one past the limit: %q", got)
	}
}

// TestLiteralWithoutBody: an announced literal whose body never comes is
// io.ErrUnexpectedEOF, and memory does not follow the announced size.
func TestLiteralWithoutBody(t *testing.T) {
	d := NewDecoder(strings.NewReader("a {16000000}\r\nabc"))
	_, err := d.ReadMessage()
	if err != io.ErrUnexpectedEOF {
		t.Fatalf("got %v", err)
	}
	if cap(d.litBuf) > 1<<20 {
		t.Errorf("allocated %d bytes for a 3-byte body", cap(d.litBuf))
	}
}

func TestLimitsDoNotLeakAcrossMessages(t *testing.T) {
	// Each message is under the limit; together they are far over it.
	var b bytes.Buffer
	for i := 0; i < 1000; i++ {
		b.WriteString("a " + strings.Repeat("x", 90) + "\r\n")
	}
	got := decodeAll(t, &b, MaxLineBytes(100), MaxItems(5))
	if len(got) != 1000 {
		t.Fatalf("%d messages", len(got))
	}
	for _, g := range got {
		if strings.HasPrefix(g, "error") {
			t.Fatal(g)
		}
	}
}

// stuckReader returns no data and no error, forever.
type stuckReader struct{}

func (stuckReader) Read([]byte) (int, error) { return 0, nil }

// TestReaderWithoutProgress: a reader that never makes progress is an
// error, not a hang, also in the middle of a message and of a literal.
func TestReaderWithoutProgress(t *testing.T) {
	for _, prefix := range []string{"", "a (b", "a {5}\r\nab"} {
		d := NewDecoder(io.MultiReader(strings.NewReader(prefix), stuckReader{}))
		if _, err := d.ReadMessage(); err != io.ErrNoProgress {
			t.Errorf("after %q: %v, want io.ErrNoProgress", prefix, err)
		}
	}
	d := NewDecoder(io.MultiReader(strings.NewReader("{5}\r\nab"), stuckReader{}))
	_, body, err := d.ReadLiteral()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadAll(body); err != io.ErrNoProgress {
		t.Errorf("streamed literal: %v, want io.ErrNoProgress", err)
	}
}
