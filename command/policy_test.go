package command

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/mailwire/imap/literal"
	"github.com/mailwire/imap/wire"
)

// TestEncoderLiteralPolicy: the client writes the literals the server's
// policy allows: synchronising ones by default, non-synchronising ones
// with LITERAL+, and with LITERAL- only up to 4096 bytes; literal8 only
// with BINARY.
func TestEncoderLiteralPolicy(t *testing.T) {
	small := bytes.Repeat([]byte("x"), 10)
	big := bytes.Repeat([]byte("x"), literal.MaxNonSyncMinus+1)
	app := func(data []byte, binary bool) Command {
		return &Append{Mailbox: "INBOX", Messages: []AppendMessage{{Data: MessageData{Bytes: data, Binary: binary}}}}
	}
	cases := []struct {
		name   string
		policy literal.Policy
		cmd    Command
		head   string // the announcement the command must hold
	}{
		{"synchronising by default", literal.Policy{}, app(small, false), "{10}\r\n"},
		{"LITERAL+", literal.Policy{LiteralPlus: true}, app(big, false), "{4097+}\r\n"},
		{"LITERAL- small", literal.Policy{LiteralMinus: true}, app(small, false), "{10+}\r\n"},
		{"LITERAL- big", literal.Policy{LiteralMinus: true}, app(big, false), "{4097}\r\n"},
		{"literal8", literal.Policy{Binary: true}, app(small, true), "~{10}\r\n"},
		{"literal8 LITERAL+", literal.Policy{Binary: true, LiteralPlus: true}, app(small, true), "~{10+}\r\n"},
	}
	for _, c := range cases {
		b, err := AppendCommand(nil, "a", c.cmd, wire.LiteralPolicy(c.policy))
		if err != nil || !bytes.Contains(b, []byte(c.head)) {
			t.Errorf("%s: %.40q, %v; want %q", c.name, b, err, c.head)
			continue
		}
		// The server with the same policy takes it.
		d := NewDecoder(bytes.NewReader(b), wire.LiteralPolicy(c.policy))
		if _, _, err := d.ReadCommand(); err != nil {
			t.Errorf("%s: the server refuses it: %v", c.name, err)
		}
	}
	if b, err := AppendCommand(nil, "a", app(small, true), wire.LiteralPolicy(literal.Policy{})); err == nil {
		t.Errorf("literal8 without BINARY: %q", b)
	}
}

// TestDecoderLiteralPolicy: the server refuses the literals its policy
// does not allow, with a typed error, and goes on with the next command
// after Skip.
func TestDecoderLiteralPolicy(t *testing.T) {
	big := strings.Repeat("x", literal.MaxNonSyncMinus+1)
	cases := []struct {
		name   string
		policy literal.Policy
		in     string
		want   error
	}{
		{"non-synchronising without LITERAL+", literal.Policy{}, "a LOGIN {3+}\r\nabc def\r\n", literal.ErrNonSync},
		{"LITERAL- over 4096", literal.Policy{LiteralMinus: true}, "a APPEND INBOX {4097+}\r\n" + big + "\r\n", literal.ErrNonSync},
		{"literal8 without BINARY", literal.Policy{}, "a APPEND INBOX ~{3}\r\nabc\r\n", literal.ErrBinary},
		{"over the maximum size", literal.Policy{MaxSize: 100}, "a APPEND INBOX {101}\r\n" + strings.Repeat("x", 101) + "\r\n", literal.ErrTooLarge},
	}
	for _, c := range cases {
		d := NewDecoder(strings.NewReader(c.in+"b NOOP\r\n"), wire.LiteralPolicy(c.policy))
		_, _, err := d.ReadCommand()
		if !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
		if d.Tag() != "a" {
			t.Errorf("%s: Tag() = %q after the error", c.name, d.Tag())
		}
		if err := d.Skip(); err != nil {
			t.Fatalf("%s: Skip: %v", c.name, err)
		}
		if tag, cmd, err := d.ReadCommand(); err != nil || tag != "b" || cmd.Kind() != "NOOP" {
			t.Errorf("%s: after Skip: %q %v %v", c.name, tag, cmd, err)
		}
	}
}
