package response_test

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mailwire/imap/response"
)

// A client reads the responses to a FETCH command.
func ExampleDecoder() {
	in := "* 12 FETCH (UID 4827 FLAGS (\\Seen) RFC822.SIZE 44827)\r\n" +
		"* OK [HIGHESTMODSEQ 715194045007]\r\n" +
		"a1 OK Fetch completed\r\n"
	d := response.NewDecoder(strings.NewReader(in))
	for {
		r, err := d.ReadResponse()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			d.Skip()
			continue
		}
		switch r := r.(type) {
		case *response.Fetch:
			fmt.Println("message", r.Seq, "UID", r.UID, "flags", r.Flags, "size", r.Size)
		case *response.Status:
			fmt.Printf("%s %q, quirks %v\n", r.Type, r.Text, d.Quirks())
		}
	}
	// Output:
	// message 12 UID 4827 flags [\Seen] size 44827
	// OK "", quirks [{code-without-text 88}]
	// OK "Fetch completed", quirks []
}

// A client streams message bodies instead of buffering them.
func ExampleDecoder_StreamSections() {
	in := "* 1 FETCH (UID 7 BODY[] {11}\r\nHello world)\r\n"
	d := response.NewDecoder(strings.NewReader(in))
	d.StreamSections(func(f *response.Fetch, s *response.Section, r io.Reader) error {
		fmt.Printf("UID %d %s[%s]: ", f.UID, s.Kind, s.Section)
		_, err := io.Copy(os.Stdout, r)
		fmt.Println()
		return err
	})
	if _, err := d.ReadResponse(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// UID 7 BODY[]: Hello world
}

// A client indexing a mailbox keeps a few strings of each message and lets
// the decoder reuse the memory of the rest.
func ExampleDecoder_ReuseValues() {
	in := `* 1 FETCH (UID 31 ENVELOPE ("Mon, 3 Jun 2024 10:00:00 +0000" "Minutes" NIL NIL NIL NIL NIL NIL NIL "<m1@example.org>"))` + "\r\n" +
		`* 2 FETCH (UID 32 ENVELOPE ("Tue, 4 Jun 2024 09:30:00 +0000" "Agenda" NIL NIL NIL NIL NIL NIL NIL "<a7@example.org>"))` + "\r\n"
	d := response.NewDecoder(strings.NewReader(in))
	d.ReuseValues(true)
	subjects := map[uint32]string{} // strings stay valid
	var last *response.Fetch
	for {
		r, err := d.ReadResponse()
		if err != nil {
			break // io.EOF at the end of the input
		}
		f := r.(*response.Fetch)
		subjects[f.UID] = f.Envelope.Subject.Value
		fmt.Println("same memory as the last:", f == last)
		last = f
	}
	fmt.Println(subjects)
	// Output:
	// same memory as the last: false
	// same memory as the last: true
	// map[31:Minutes 32:Agenda]
}

// A server writes responses from values.
func ExampleEncoder() {
	var out strings.Builder
	e := response.NewEncoder(&out)
	e.Encode(&response.Fetch{Seq: 3, Has: response.FetchUID | response.FetchFlags, UID: 9, Flags: []string{`\Answered`}})
	e.Encode(&response.Status{Tag: "a2", Type: response.OK, Text: "FETCH completed"})
	// A value with no valid wire form is refused, and nothing is written.
	err := e.Encode(&response.Fetch{Seq: 4, Has: response.FetchUID})
	fmt.Print(strings.ReplaceAll(out.String(), "\r\n", "\n"))
	fmt.Println(err)
	// Output:
	// * 3 FETCH (UID 9 FLAGS (\Answered))
	// a2 OK FETCH completed
	// imap/wire: cannot encode FETCH UID: UID 0, or a UID not in Has
}
