package wire_test

import (
	"errors"
	"fmt"

	"github.com/mailwire/imap/wire"
)

func ExampleEncodeMailbox() {
	fmt.Println(wire.EncodeMailbox("~peter/mail/台北/日本語"))
	fmt.Println(wire.EncodeMailbox("Tom & Jerry"))
	// Output:
	// ~peter/mail/&U,BTFw-/&ZeVnLIqe-
	// Tom &- Jerry
}

func ExampleDecodeMailbox() {
	name, err := wire.DecodeMailbox("~peter/mail/&U,BTFw-/&ZeVnLIqe-")
	fmt.Println(name, err)

	// A server that does not encode '&' (Yandex) sends a name strict
	// decoding refuses; the wire Decoder accepts it in lenient mode and
	// reports the quirk.
	_, err = wire.DecodeMailbox("Tom & Jerry")
	var se *wire.SyntaxError
	if errors.As(err, &se) {
		fmt.Println(se.Offset, se.Quirk, errors.Is(err, wire.ErrQuirk))
	}

	// Printable ASCII must not be base64-encoded.
	_, err = wire.DecodeMailbox("&AGE-")
	fmt.Println(err)
	// Output:
	// ~peter/mail/台北/日本語 <nil>
	// 4 unencoded-ampersand true
	// imap/wire: offset 1: mailbox: base64 encodes a printable US-ASCII character (near "AGE-")
}

func ExampleParseSeqSet() {
	set, err := wire.ParseSeqSet("2,4:7,*:9,12:12")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(set)
	fmt.Println(set.Ranges, set.Dynamic())

	_, err = wire.ParseSeqSet("1,,2")
	fmt.Println(err)
	// Output:
	// 2,4:7,9:*,12
	// [{2 2} {4 7} {9 0} {12 12}] true
	// imap/wire: offset 2: sequence-set: expected a number or "*" (near ",2")
}

func ExampleSeqSet_Contains() {
	// RFC 9051 §9: 2,4:7,9,12:* in a mailbox with 15 messages is
	// 2,4,5,6,7,9,12,13,14,15.
	set, _ := wire.ParseSeqSet("2,4:7,9,12:*")
	fmt.Println(set.Contains(5, 15), set.Contains(8, 15), set.Contains(15, 15))
	for n := range set.Numbers(15) {
		fmt.Print(n, " ")
	}
	fmt.Println()
	// Output:
	// true false true
	// 2 4 5 6 7 9 12 13 14 15
}

func ExampleModifiedUTF7() {
	// ModifiedUTF7 plugs into golang.org/x/text: here a decoder and an
	// encoder as one-shot conversions; they also work as streaming
	// transform.Transformers, as Reader and Writer wrappers.
	name, err := wire.ModifiedUTF7.NewDecoder().String("Entw&APw-rfe")
	fmt.Println(name, err)
	enc, err := wire.ModifiedUTF7.NewEncoder().String("Entwürfe & Notizen")
	fmt.Println(enc, err)
	// Output:
	// Entwürfe <nil>
	// Entw&APw-rfe &- Notizen <nil>
}
