package bodystructure_test

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mailwire/imap/bodystructure"
	"github.com/mailwire/imap/wire"
)

const exampleMessage = "From: Alice <alice@example.com>\r\n" +
	"Subject: Report\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: multipart/mixed; boundary=b1\r\n" +
	"\r\n" +
	"--b1\r\n" +
	"Content-Type: text/plain; charset=utf-8\r\n" +
	"\r\n" +
	"See attached.\r\n" +
	"--b1\r\n" +
	"Content-Type: application/octet-stream; name=r.txt\r\n" +
	"Content-Transfer-Encoding: base64\r\n" +
	"\r\n" +
	"aGVsbG8gd29ybGQ=\r\n" +
	"--b1--\r\n"

// A server computes what FETCH reports for a stored message.
func ExampleBuild() {
	msg, err := bodystructure.Build(strings.NewReader(exampleMessage))
	if err != nil {
		fmt.Println(err)
		return
	}
	var out strings.Builder
	e := wire.NewEncoder(&out)
	e.Atom("RFC822.SIZE").SP().Number64(uint64(msg.Size)).SP()
	bodystructure.EncodeBody(e.Atom("BODY").SP(), msg.Body, false)
	e.CRLF()
	fmt.Println(strings.TrimSuffix(out.String(), "\r\n"))
	fmt.Println(msg.Envelope.Subject.Value, msg.Envelope.From[0].Addr())
	// Output:
	// RFC822.SIZE 300 BODY (("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 13 0)("application" "octet-stream" ("name" "r.txt") NIL NIL "base64" 16) "mixed")
	// Report alice@example.com
}

// A server answers BODY[section] and BINARY[part] from the stored bytes.
// The values are Dovecot's: the CRLF before a boundary belongs to the
// boundary, and a part that does not exist reads as "".
func ExampleMessage_Section() {
	src := strings.NewReader(exampleMessage)
	msg, _ := bodystructure.Build(src)
	for _, s := range []string{"1", "2.MIME", "HEADER.FIELDS (Subject)", "3"} {
		sec, _ := bodystructure.ParseSection(s)
		r, n, err := msg.Section(src, sec)
		if errors.Is(err, bodystructure.ErrNoPart) {
			fmt.Printf("BODY[%s] %q (no such part)\n", s, "")
			continue
		}
		b, _ := io.ReadAll(r)
		fmt.Printf("BODY[%s] {%d} %q\n", s, n, b)
	}
	r, _ := msg.Binary(src, []int{2})
	b, _ := io.ReadAll(r)
	n, _ := msg.BinarySize(src, []int{2})
	fmt.Printf("BINARY[2] {%d} %q\n", n, b)
	// Output:
	// BODY[1] {13} "See attached."
	// BODY[2.MIME] {89} "Content-Type: application/octet-stream; name=r.txt\r\nContent-Transfer-Encoding: base64\r\n\r\n"
	// BODY[HEADER.FIELDS (Subject)] {19} "Subject: Report\r\n\r\n"
	// BODY[3] "" (no such part)
	// BINARY[2] {11} "hello world"
}
