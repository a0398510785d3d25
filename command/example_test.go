package command_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mailwire/imap/command"
	"github.com/mailwire/imap/literal"
	"github.com/mailwire/imap/wire"
)

// A server reads commands, answers a synchronising literal with a
// continuation request, and answers a broken command with BAD and goes on.
func ExampleDecoder() {
	in := strings.NewReader("a1 LOGIN fred {6}\r\nsesame\r\n" +
		"a2 SELECT\r\n" +
		"a3 UID FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (Subject)])\r\n")
	var out strings.Builder
	d := command.NewDecoder(in, wire.Continuation(func(a literal.Announcement) error {
		out.WriteString("+ Ready\r\n")
		return nil
	}))
	for {
		tag, cmd, err := d.ReadCommand()
		if err == io.EOF {
			break
		}
		var se *wire.SyntaxError
		if errors.As(err, &se) {
			fmt.Fprintf(&out, "%s BAD %s\r\n", d.Tag(), se.Rule)
			d.Skip()
			continue
		}
		switch c := cmd.(type) {
		case *command.Login:
			fmt.Printf("%s LOGIN %s %s\n", tag, c.Username, c.Password)
		case *command.Fetch:
			fmt.Printf("%s %s %s, %d items\n", tag, c.Kind(), c.Set, len(c.Atts))
		}
	}
	fmt.Print(strings.ReplaceAll(out.String(), "\r\n", "\n"))
	// Output:
	// a1 LOGIN fred [redacted]
	// a3 UID FETCH 1:*, 2 items
	// + Ready
	// a2 BAD SP
}

// A client writes an APPEND: the Encoder flushes the literal's
// announcement and waits in the hook for the server's "+" before it sends
// the message.
func ExampleEncoder() {
	e := command.NewEncoder(lfWriter{os.Stdout}, wire.Continuation(func(a literal.Announcement) error {
		fmt.Printf("\n[waiting for + before %d bytes]\n", a.Size)
		return nil
	}))
	msg := "Subject: hi\r\n\r\nHello\r\n"
	err := e.Encode("a4", &command.Append{Mailbox: "Entwürfe", Messages: []command.AppendMessage{
		{Flags: []string{`\Seen`}, Data: command.MessageData{Bytes: []byte(msg)}},
	}})
	fmt.Println(err)
	// Output:
	// a4 APPEND Entw&APw-rfe (\Seen) {22}
	//
	// [waiting for + before 22 bytes]
	// Subject: hi
	//
	// Hello
	//
	// <nil>
}

// A Secret prints redacted however it is printed.
func ExampleSecret() {
	login := &command.Login{Username: "fred", Password: command.NewSecret("sesame")}
	fmt.Printf("%v %+v %s\n", login.Password, *login, login.Password.Reveal())
	// Output:
	// [redacted] {Username:fred Password:[redacted]} sesame
}

// The session states say where each command may be sent.
func ExampleAllowed() {
	fmt.Println(command.Allowed("LOGIN", command.StateAuthenticated))
	fmt.Println(command.Allowed("UID FETCH", command.StateSelected))
	fmt.Println(command.States("ENABLE"))
	// Output:
	// false
	// true
	// authenticated
}

// lfWriter drops the CRs of line endings, for the examples' output.
type lfWriter struct{ w io.Writer }

func (l lfWriter) Write(p []byte) (int, error) {
	_, err := l.w.Write([]byte(strings.ReplaceAll(string(p), "\r\n", "\n")))
	return len(p), err
}
