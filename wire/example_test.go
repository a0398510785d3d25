package wire_test

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mailwire/imap/literal"
	"github.com/mailwire/imap/wire"
)

// Decode a captured server stream as generic messages, re-encode each in
// canonical form, and go on after an error.
func ExampleDecoder_ReadMessage() {
	in := "* OK [CAPABILITY IMAP4rev1] ready\r\n" +
		"* 1 FETCH (FLAGS (\\Seen ) BODY[TEXT] {5}\r\nhello)\r\n" +
		"* BAD \"unterminated\r\n" + // not a status response's text: fine
		"a1 OK done\r\n"
	d := wire.NewDecoder(strings.NewReader(in))
	for {
		m, err := d.ReadMessage()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("error:", err)
			d.Skip()
			continue
		}
		b, _ := wire.AppendMessage(nil, m)
		fmt.Printf("%d %q", m.Offset, b)
		for _, q := range m.Quirks {
			fmt.Printf(" [%v at %d]", q.Quirk, q.Offset)
		}
		fmt.Println()
	}
	// Output:
	// 0 "* OK [CAPABILITY IMAP4rev1] ready\r\n"
	// 35 "* 1 FETCH (FLAGS (\\Seen) BODY[TEXT] \"hello\")\r\n" [space-before-paren at 58]
	// 85 "* BAD \"unterminated\r\n"
	// 106 "a1 OK done\r\n"
}

// After a syntax error, Skip discards the rest of the message, literals
// included, and decoding goes on.
func ExampleDecoder_Skip() {
	in := "a1 LOGIN ) {5}\r\nhello\r\na2 NOOP\r\n"
	d := wire.NewDecoder(strings.NewReader(in))
	_, err := d.ReadMessage()
	var se *wire.SyntaxError
	if errors.As(err, &se) {
		fmt.Println("offset", se.Offset, "rule", se.Rule)
	}
	d.Skip()
	m, _ := d.ReadMessage()
	fmt.Printf("%s %s\n", m.Items[0].Bytes, m.Items[1].Bytes)
	// Output:
	// offset 9 rule list
	// a2 NOOP
}

// A server reads an APPEND: it answers the synchronising literal with a
// continuation request and streams the message body without buffering it.
func ExampleDecoder_literal() {
	client := "A003 APPEND saved-messages {23}\r\nFrom: fred@example.com\r\n\r\n"
	w := bufio.NewWriter(os.Stdout)
	d := wire.NewDecoder(strings.NewReader(client), wire.Continuation(func(a literal.Announcement) error {
		fmt.Fprintf(w, "+ Ready for %d bytes\n", a.Size)
		return w.Flush()
	}))
	tag, _ := d.ReadTag()
	fmt.Fprintf(w, "tag %s\n", tag)
	d.SP()
	d.ReadAtom()
	d.SP()
	mailbox, _ := d.ReadMailbox()
	d.SP()
	_, body, err := d.ReadLiteral()
	if err != nil {
		panic(err)
	}
	n, _ := io.Copy(io.Discard, body)
	d.ReadEOL()
	fmt.Fprintf(w, "appended %d bytes to %s\n", n, mailbox)
	w.Flush()
	// Output:
	// tag A003
	// + Ready for 23 bytes
	// appended 23 bytes to saved-messages
}

// Read tokens without knowing the grammar; they do not allocate.
func ExampleDecoder_ReadToken() {
	d := wire.NewDecoder(strings.NewReader("* 12 FETCH (UID 1005 BODY[HEADER] NIL)\r\n"))
	for {
		t, err := d.ReadToken()
		if err != nil {
			break
		}
		fmt.Printf("%v:%s ", t.Kind, t.Bytes())
		if t.Kind == wire.KindEOL {
			break
		}
	}
	fmt.Println()
	// Output:
	// atom:* number:12 atom:FETCH (: atom:UID number:1005 atom:BODY [: atom:HEADER ]: NIL:NIL ): EOL:
}

// Strict decoding refuses what lenient decoding tolerates and reports.
func ExampleStrict() {
	in := "* SEARCH 2 84 882 \r\n" // a trailing space, as some servers send
	m, _ := wire.NewDecoder(strings.NewReader(in)).ReadMessage()
	fmt.Println("lenient:", m.Quirks[0].Quirk, "at", m.Quirks[0].Offset)
	_, err := wire.NewDecoder(strings.NewReader(in), wire.Strict(true)).ReadMessage()
	fmt.Println("strict:", err)
	// Output:
	// lenient: trailing-space at 17
	// strict: imap/wire: offset 17: CRLF: trailing-space: deviation from the grammar refused in strict mode (near " \r\n")
}

// The Encoder chooses the form of each string and waits for the server's
// continuation before the body of a synchronising literal.
func ExampleEncoder() {
	w := bufio.NewWriter(lfWriter{os.Stdout}) // shows CRLF as a plain line break

	e := wire.NewEncoder(w, wire.Continuation(func(a literal.Announcement) error {
		fmt.Fprintf(w, "<client waits for + before sending %d bytes>\n", a.Size)
		return w.Flush()
	}))
	e.Tag("a1").SP().Atom("LOGIN").SP().AString("fred").SP().AString("pass word").CRLF()
	e.Tag("a2").SP().Atom("SELECT").SP().Mailbox("Entwürfe").CRLF()
	e.Tag("a3").SP().Atom("APPEND").SP().Mailbox("INBOX").SP().String("line 1\r\nline 2").CRLF()
	w.Flush()
	// Output:
	// a1 LOGIN fred "pass word"
	// a2 SELECT Entw&APw-rfe
	// a3 APPEND INBOX {14}
	// <client waits for + before sending 14 bytes>
	// line 1
	// line 2
}

// lfWriter drops the CR of each CRLF, so that the examples' output reads as
// plain lines.
type lfWriter struct{ w io.Writer }

func (l lfWriter) Write(p []byte) (int, error) {
	_, err := io.WriteString(l.w, strings.ReplaceAll(string(p), "\r\n", "\n"))
	return len(p), err
}
