package bodystructure_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/mailwire/imap/bodystructure"
	"github.com/mailwire/imap/wire"
)

// A client reads the BODYSTRUCTURE of a FETCH response and walks its parts.
func ExampleReadBody() {
	in := `(("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 12 1 NIL NIL NIL NIL)` +
		`("application" "pdf" ("name" "r.pdf") NIL NIL "base64" 4096 NIL ("attachment" ("filename" "r.pdf")) NIL NIL)` +
		` "mixed" ("boundary" "b1") NIL NIL NIL)` + "\r\n"
	d := wire.NewDecoder(strings.NewReader(in))
	body, err := bodystructure.ReadBody(d)
	if err != nil {
		fmt.Println(err)
		return
	}
	body.Walk(func(part []int, b *bodystructure.Body) bool {
		fmt.Println(part, b.MediaType(), b.Size)
		return true
	})
	// Output:
	// [] multipart/mixed 0
	// [1] text/plain 12
	// [2] application/pdf 4096
}

// Lenient decoding repairs what real servers get wrong and says so.
func ExampleReadBody_quirks() {
	in := `("TEXT" "PLAIN" NIL NIL NIL NIL -1 -1)` + "\r\n"
	d := wire.NewDecoder(strings.NewReader(in))
	body, err := bodystructure.ReadBody(d)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range d.Quirks() {
		fmt.Println(q.Quirk, "at", q.Offset)
	}
	var out strings.Builder
	e := wire.NewEncoder(&out)
	bodystructure.EncodeBody(e, body, true)
	e.CRLF()
	fmt.Print(strings.ReplaceAll(out.String(), "\r\n", "\n"))

	// Strict mode refuses the first one.
	d = wire.NewDecoder(strings.NewReader(in), wire.Strict(true))
	_, err = bodystructure.ReadBody(d)
	fmt.Println(err)
	// Output:
	// nil-string at 28
	// negative-number at 32
	// negative-number at 35
	// ("TEXT" "PLAIN" NIL NIL NIL "" 0 0)
	// imap/wire: offset 28: body-fld-enc: nil-string: deviation from the grammar refused in strict mode (near "NIL -1 -1)\r\n")
}

// A server writes the structure it computed, as BODYSTRUCTURE and as BODY.
func ExampleEncodeBody() {
	body := &bodystructure.Body{
		Type: "text", Subtype: "plain",
		Params:   []bodystructure.Param{{Name: "charset", Value: "us-ascii"}},
		Encoding: "7bit", Size: 42, Lines: 2,
		Ext: &bodystructure.Extension{Language: []string{"en"}},
	}
	e := wire.NewEncoder(os.Stdout)
	e.Atom("BODYSTRUCTURE").SP()
	bodystructure.EncodeBody(e, body, true)
	e.SP().Atom("BODY").SP()
	bodystructure.EncodeBody(e, body, false)
	if err := e.CRLF(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// BODYSTRUCTURE ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 42 2 NIL NIL ("en") NIL) BODY ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 42 2)
}

// Envelope address lists flatten groups with start and end markers.
func ExampleReadEnvelope() {
	in := `("Mon, 1 Jan 2024 10:00:00 +0000" "Plans" (("Ann" NIL "ann" "example.org")) NIL NIL ` +
		`((NIL NIL "team" NIL)("Bob" NIL "bob" "example.net")(NIL NIL NIL NIL)) NIL NIL NIL "<1@example.org>")` + "\r\n"
	env, err := bodystructure.ReadEnvelope(wire.NewDecoder(strings.NewReader(in)))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(env.Subject.Value, env.From[0].Name.Value, env.From[0].Addr())
	for _, a := range env.To {
		switch {
		case a.IsGroupStart():
			fmt.Println("group", a.Mailbox.Value)
		case a.IsGroupEnd():
			fmt.Println("end of group")
		default:
			fmt.Println(" ", a.Addr())
		}
	}
	// Output:
	// Plans Ann ann@example.org
	// group team
	//   bob@example.net
	// end of group
}

func ExampleParseSection() {
	s, err := bodystructure.ParseSection("1.2.header.fields (From Subject)")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Part, s.Specifier, s.Fields)
	fmt.Println(s)
	// Output:
	// [1 2] HEADER.FIELDS [From Subject]
	// 1.2.HEADER.FIELDS (From Subject)
}
