package wire

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestWindow checks the interface that typed layers scan buffered bytes
// through: Window is empty between messages and before a literal's body,
// Consume is capped to it, DepthLeft follows the lists opened, and Refill
// grows the window up to MaxLineBytes and no further.
func TestWindow(t *testing.T) {
	d := NewDecoder(strings.NewReader("* 1 FETCH (BODY {3}\r\nabc)\r\n"))
	if w := d.Window(); len(w) != 0 {
		t.Fatalf("before the message: window %q", w)
	}
	if _, err := d.Peek(); err != nil {
		t.Fatal(err)
	}
	if w := string(d.Window()); !strings.HasPrefix(w, "* 1 FETCH") {
		t.Fatalf("window %q", w)
	}
	d.Consume(len("* 1 FETCH "))
	if err := d.ListStart(); err != nil {
		t.Fatal(err)
	}
	if got, want := d.DepthLeft(), DefaultMaxDepth-1; got != want {
		t.Errorf("DepthLeft = %d, want %d", got, want)
	}
	d.Consume(len("BODY "))
	_, r, err := d.ReadLiteral()
	if err != nil {
		t.Fatal(err)
	}
	if w := d.Window(); len(w) != 0 {
		t.Errorf("before the literal's body: window %q", w)
	}
	d.Consume(100) // an empty window: nothing is consumed
	if b, err := io.ReadAll(r); string(b) != "abc" || err != nil {
		t.Errorf("literal %q, %v after Consume, want \"abc\"", b, err)
	}
	if w := string(d.Window()); w != ")\r\n" {
		t.Errorf("after the literal: window %q", w)
	}

	// Refill, one byte at a time, up to the line limit.
	const limit = 64
	d = NewDecoder(iotest.OneByteReader(strings.NewReader("* "+strings.Repeat("x", 200)+"\r\n")), MaxLineBytes(limit))
	if _, err := d.Peek(); err != nil {
		t.Fatal(err)
	}
	for d.Refill() {
	}
	if n := len(d.Window()); n != limit {
		t.Errorf("refilled to %d bytes, want the line limit %d", n, limit)
	}
}
