package literal_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mailwire/imap/literal"
)

func ExampleParseAnnouncement() {
	line := []byte("~{12+}\r\nhello\x00world!")
	a, n, err := literal.ParseAnnouncement(line)
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Size, a.NonSync, a.Binary, n)
	fmt.Println(a)

	// Input that stops early asks for more.
	_, _, err = literal.ParseAnnouncement([]byte("{12"))
	fmt.Println(err == io.ErrUnexpectedEOF)

	// A size past 2^63-1 is refused at the digit that overflows.
	_, n, err = literal.ParseAnnouncement([]byte("{99999999999999999999}"))
	fmt.Println(n, errors.Is(err, literal.ErrTooLarge))
	// Output:
	// 12 true true 6
	// ~{12+}
	// true
	// 19 true
}

func ExamplePolicy_Announce() {
	// The server advertised LITERAL-.
	peer := literal.Policy{LiteralMinus: true}
	for _, size := range []int64{4096, 4097} {
		a, err := peer.Announce(size, false)
		if err != nil {
			panic(err)
		}
		fmt.Println(a)
	}
	// It did not advertise BINARY.
	_, err := peer.Announce(10, true)
	fmt.Println(errors.Is(err, literal.ErrBinary))
	// Output:
	// {4096+}
	// {4097}
	// true
}

func ExampleBegin() {
	var wire bytes.Buffer // what the server receives
	out := bufio.NewWriter(&wire)
	// A stand-in for the server's replies.
	server := bufio.NewReader(strings.NewReader("+ Ready for literal data\r\n"))

	// The client's continuation hook: it runs once "{5}\r\n" has been
	// flushed, and waits for the server's "+".
	waitForPlus := func(a literal.Announcement) error {
		fmt.Printf("server has %q\n", wire.String())
		line, err := server.ReadString('\n')
		if err != nil {
			return err
		}
		if !strings.HasPrefix(line, "+") {
			return fmt.Errorf("server refused %v: %q", a, line)
		}
		return nil
	}

	out.WriteString("A1 LOGIN fred ")
	w, err := literal.Begin(out, literal.Announcement{Size: 5}, waitForPlus)
	if err != nil {
		panic(err)
	}
	io.WriteString(w, "s3cr3")
	if err := w.Close(); err != nil {
		panic(err)
	}
	out.WriteString("\r\n")
	out.Flush()
	fmt.Printf("server has %q\n", wire.String())
	// Output:
	// server has "A1 LOGIN fred {5}\r\n"
	// server has "A1 LOGIN fred {5}\r\ns3cr3\r\n"
}

func ExampleReader() {
	// A FETCH response with a literal body, as a server sends it.
	stream := bufio.NewReader(strings.NewReader("* 1 FETCH (BODY[] {11}\r\nhello world)\r\n"))
	head, _ := stream.ReadString('\n')
	a, _, err := literal.ParseAnnouncement([]byte(head[strings.IndexByte(head, '{'):]))
	if err != nil {
		panic(err)
	}
	if err := (literal.Policy{MaxSize: 1 << 20}).Check(a); err != nil {
		panic(err)
	}
	body := literal.NewReader(stream, a.Size)
	io.Copy(os.Stdout, body)
	fmt.Println()
	rest, _ := io.ReadAll(stream)
	fmt.Printf("%q\n", rest)
	// Output:
	// hello world
	// ")\r\n"
}
