// Command imapmsg prints, in IMAP wire form, what a server would send for an
// RFC 5322 message: its BODYSTRUCTURE, BODY or ENVELOPE, or a section of it.
// See usage for the options and the contract of its output.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mailwire/imap/bodystructure"
	"github.com/mailwire/imap/literal"
	"github.com/mailwire/imap/wire"
)

const usage = `usage: imapmsg [-bodystructure|-body|-envelope|-section SPEC] [FILE]

imapmsg reads an RFC 5322 message from FILE, or from standard input without
one, and prints what an IMAP server would send for it in a FETCH response:
the item's name, a space and its value, ending with CRLF.

  -bodystructure  BODYSTRUCTURE (...), with extension data (the default)
  -body           BODY (...), the non-extensible form
  -envelope       ENVELOPE (...)
  -section SPEC   the section SPEC, as in BODY[SPEC]: "", "1.2", "HEADER",
                  "TEXT", "2.MIME", "HEADER.FIELDS (From To)", ... printed as
                  BODY[SPEC] {n} and the n bytes. SPEC may also be written
                  as a whole FETCH item: BODY[SPEC]<origin.count> for a
                  partial range, BINARY[PART] for the content-transfer-decoded
                  part, BINARY.SIZE[PART] for its decoded size.

Exit status: 0 on success, 1 if the message cannot be read or the section
does not exist, 2 for bad usage.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the program: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("imapmsg", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var bs, body, env bool
	var section string
	sectionSet := false
	fs.BoolVar(&bs, "bodystructure", false, "")
	fs.BoolVar(&body, "body", false, "")
	fs.BoolVar(&env, "envelope", false, "")
	fs.Func("section", "", func(s string) error { section, sectionSet = s, true; return nil })
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		fmt.Fprintf(stderr, "imapmsg: %v\n%s", err, usage)
		return 2
	}
	n := 0
	for _, b := range []bool{bs, body, env, sectionSet} {
		if b {
			n++
		}
	}
	if n > 1 || fs.NArg() > 1 {
		fmt.Fprintf(stderr, "imapmsg: give one of -bodystructure, -body, -envelope, -section and at most one FILE\n%s", usage)
		return 2
	}
	var item fetchItem
	if sectionSet {
		var err error
		if item, err = parseItem(section); err != nil {
			fmt.Fprintf(stderr, "imapmsg: -section %q: %v\n", section, err)
			return 2
		}
	} else {
		item.kind = itemBodyStructure
		switch {
		case body:
			item.kind = itemBody
		case env:
			item.kind = itemEnvelope
		}
	}

	src, cleanup, err := openInput(fs.Arg(0), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "imapmsg: %v\n", err)
		return 1
	}
	defer cleanup()
	if err := write(stdout, src, item); err != nil {
		fmt.Fprintf(stderr, "imapmsg: %v\n", err)
		return 1
	}
	return 0
}

// input is the message: read once by Build, then at offsets for sections.
type input interface {
	io.Reader
	io.ReaderAt
	io.Seeker
}

// openInput opens the named file, or standard input. Sections need random
// access, so standard input that is not a regular file is spooled to a
// temporary file rather than held in memory.
func openInput(name string, stdin io.Reader) (input, func(), error) {
	if name != "" {
		f, err := os.Open(name)
		if err != nil {
			return nil, nil, err
		}
		return f, func() { f.Close() }, nil
	}
	if f, ok := stdin.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			return f, func() {}, nil
		}
	}
	tmp, err := os.CreateTemp("", "imapmsg-*.eml")
	if err != nil {
		return nil, nil, err
	}
	cleanup := func() { tmp.Close(); os.Remove(tmp.Name()) }
	if _, err := io.Copy(tmp, stdin); err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("reading standard input: %w", err)
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		cleanup()
		return nil, nil, err
	}
	return tmp, cleanup, nil
}

type itemKind int

const (
	itemBodyStructure itemKind = iota
	itemBody
	itemEnvelope
	itemSection    // BODY[section]<partial>
	itemBinary     // BINARY[part]<partial>
	itemBinarySize // BINARY.SIZE[part]
)

type fetchItem struct {
	kind    itemKind
	section bodystructure.Section
	partial *bodystructure.Partial
}

// parseItem parses the argument of -section: a section-spec, or a whole
// BODY[...], BODY.PEEK[...], BINARY[...] or BINARY.SIZE[...] item.
func parseItem(s string) (fetchItem, error) {
	item := fetchItem{kind: itemSection}
	name, rest, found := strings.Cut(s, "[")
	upper := strings.ToUpper(name)
	if !found || strings.ContainsAny(name, " ()") {
		sec, err := bodystructure.ParseSection(s)
		item.section = sec
		return item, err
	}
	switch upper {
	case "BODY", "BODY.PEEK":
	case "BINARY", "BINARY.PEEK":
		item.kind = itemBinary
	case "BINARY.SIZE":
		item.kind = itemBinarySize
	default:
		return item, fmt.Errorf("unknown item %q", name)
	}
	spec, after, ok := strings.Cut(rest, "]")
	if !ok {
		return item, errors.New(`missing "]"`)
	}
	sec, err := bodystructure.ParseSection(spec)
	if err != nil {
		return item, err
	}
	if item.kind != itemSection && sec.Specifier != bodystructure.SpecifierNone {
		return item, errors.New("BINARY takes a part number only")
	}
	item.section = sec
	if after == "" {
		return item, nil
	}
	if item.kind == itemBinarySize {
		return item, fmt.Errorf("unexpected %q after BINARY.SIZE[...]", after)
	}
	p, err := bodystructure.ParsePartial(after)
	if err != nil {
		return item, err
	}
	item.partial = &p
	return item, nil
}

// write prints the item for the message in src.
func write(w io.Writer, src input, item fetchItem) error {
	msg, err := bodystructure.Build(src)
	if err != nil {
		return err
	}
	// literal8 is for BINARY[] only: anywhere else a NUL is an error,
	// not a literal8 that the grammar does not allow there.
	var opts []wire.Option
	if item.kind == itemBinary {
		opts = append(opts, wire.LiteralPolicy(literal.Policy{Binary: true}))
	}
	e := wire.NewEncoder(w, opts...)
	switch item.kind {
	case itemBodyStructure:
		bodystructure.EncodeBody(e.Atom("BODYSTRUCTURE").SP(), msg.Body, true)
		return e.CRLF()
	case itemBody:
		bodystructure.EncodeBody(e.Atom("BODY").SP(), msg.Body, false)
		return e.CRLF()
	case itemEnvelope:
		bodystructure.EncodeEnvelope(e.Atom("ENVELOPE").SP(), msg.Envelope)
		return e.CRLF()
	case itemBinarySize:
		size, err := msg.BinarySize(src, item.section.Part)
		if err != nil {
			return err
		}
		bodystructure.EncodeSection(e.Atom("BINARY.SIZE"), item.section)
		return e.SP().Number64(uint64(size)).CRLF()
	}
	var r io.Reader
	var size int64
	nul := false
	if item.kind == itemBinary {
		// The decoded size, and whether a NUL needs literal8, are known
		// only by decoding: a first pass counts, a second writes.
		if r, err = msg.Binary(src, item.section.Part); err == nil {
			var c nulCounter
			if _, err = io.Copy(&c, r); err == nil {
				size, nul = c.n, c.nul
				r, err = msg.Binary(src, item.section.Part)
			}
		}
		e.Atom("BINARY")
	} else {
		r, size, err = msg.Section(src, item.section)
		e.Atom("BODY")
	}
	if err != nil {
		return err
	}
	bodystructure.EncodeSection(e, item.section)
	if p := item.partial; p != nil {
		// The response names the origin only (RFC 9051 §7.5.2).
		e.Punct('<').Number(p.Offset).Punct('>')
		if r, size, err = p.Cut(r, size); err != nil {
			return err
		}
	}
	// As Dovecot does, literal8 only when the bytes need it.
	e.SP().LiteralFrom(r, size, nul)
	return e.CRLF()
}

// nulCounter counts the bytes written to it and notes a NUL among them.
type nulCounter struct {
	n   int64
	nul bool
}

func (c *nulCounter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	if !c.nul && bytes.IndexByte(p, 0) >= 0 {
		c.nul = true
	}
	return len(p), nil
}
