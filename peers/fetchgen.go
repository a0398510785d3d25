// Package peers compares mailwire's decoders with other IMAP implementations
// on the same bytes. It is a nested module so that the library's go.mod never
// requires them.
//
// This file generates the input: rich FETCH responses, as a server such as
// Dovecot writes them, deterministically.
package peers

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/mailwire/imap/bodystructure"
	"github.com/mailwire/imap/response"
	"github.com/mailwire/imap/wire"
)

// Greeting is the first line of a generated session: a preauthenticated
// greeting whose capabilities keep a client from asking for them.
const Greeting = "* PREAUTH [CAPABILITY IMAP4rev1 LITERAL+] mailwire peers ready\r\n"

// Done is the last line of a generated session: the tagged completion of
// the client's first command (imapclient tags it T1).
const Done = "T1 OK Fetch completed (0.001 + 0.000 secs).\r\n"

// Info is what the generator put into one FETCH response, for checking what
// the decoders make of it.
type Info struct {
	Seq, UID     uint32
	Flags        []string
	InternalDate time.Time
	Size         uint32
	Subject      wire.NString // as sent: unescaped, RFC 2047 words not decoded
	MessageID    string       // as sent, angle brackets included
	To, Cc       int          // number of addresses
	Parts        int          // leaf body parts
}

// Corpus is a generated series of FETCH responses.
type Corpus struct {
	Responses [][]byte // one per response, each ending in CRLF; views of Stream
	Info      []Info
	Stream    []byte // the responses, concatenated
}

// Generate returns n FETCH responses for sequence numbers 1 to n. The same n
// always gives the same bytes.
func Generate(n int) *Corpus {
	g := &gen{r: rand.New(rand.NewPCG(0x6d61696c, 0x77697265))}
	c := &Corpus{Info: make([]Info, n)}
	var ends []int
	for i := range n {
		c.Stream = g.fetch(c.Stream, uint32(i+1), &c.Info[i])
		ends = append(ends, len(c.Stream))
	}
	c.Responses = make([][]byte, n)
	start := 0
	for i, end := range ends {
		c.Responses[i] = c.Stream[start:end:end]
		start = end
	}
	return c
}

// Session returns what a server sends for one FETCH command that returns the
// corpus: Greeting, the responses and Done.
func (c *Corpus) Session() []byte {
	s := make([]byte, 0, len(Greeting)+len(c.Stream)+len(Done))
	s = append(s, Greeting...)
	s = append(s, c.Stream...)
	return append(s, Done...)
}

// AverageSize returns the mean length of a response in bytes.
func (c *Corpus) AverageSize() float64 {
	if len(c.Responses) == 0 {
		return 0
	}
	return float64(len(c.Stream)) / float64(len(c.Responses))
}

// Validate checks that every response is what the generator means to
// write, and in canonical form. It decodes each one in strict mode twice,
// as a generic message with wire.Decoder.ReadMessage and as a typed
// *response.Fetch with response.Decoder, checks that no quirk is reported
// and that the typed values are those of Info, and checks that
// response.Encoder writes the value back as the same bytes.
func (c *Corpus) Validate() error {
	wd := wire.NewDecoder(nil, wire.Strict(true))
	rd := response.NewDecoder(nil, wire.Strict(true))
	var enc []byte
	for i, resp := range c.Responses {
		wd.Reset(bytes.NewReader(resp))
		m, err := wd.ReadMessage()
		if err != nil {
			return fmt.Errorf("response %d: ReadMessage: %w\n%s", i+1, err, resp)
		}
		if len(m.Quirks) != 0 {
			return fmt.Errorf("response %d: quirks %v", i+1, m.Quirks)
		}
		if _, err := wd.ReadMessage(); err != io.EOF {
			return fmt.Errorf("response %d: after the message: %v", i+1, err)
		}

		rd.Reset(bytes.NewReader(resp))
		r, err := rd.ReadResponse()
		if err != nil {
			return fmt.Errorf("response %d: ReadResponse: %w\n%s", i+1, err, resp)
		}
		if q := rd.Quirks(); len(q) != 0 {
			return fmt.Errorf("response %d: quirks %v", i+1, q)
		}
		f, ok := r.(*response.Fetch)
		if !ok {
			return fmt.Errorf("response %d: a %s response, want FETCH", i+1, r.Kind())
		}
		if err := c.Info[i].Check(f); err != nil {
			return fmt.Errorf("response %d: %v\n%s", i+1, err, resp)
		}
		if _, err := rd.ReadResponse(); err != io.EOF {
			return fmt.Errorf("response %d: after the response: %v", i+1, err)
		}
		if enc, err = response.Append(enc[:0], f); err != nil {
			return fmt.Errorf("response %d: encoding: %v", i+1, err)
		}
		if !bytes.Equal(enc, resp) {
			return fmt.Errorf("response %d: not in canonical form:\n%s\nencodes as\n%s", i+1, resp, enc)
		}
	}
	return nil
}

// fetchItems are the items of every generated response.
const fetchItems = response.FetchUID | response.FetchFlags | response.FetchInternalDate |
	response.FetchSize | response.FetchEnvelope | response.FetchBodyStructure

// Check compares a decoded FETCH response with what the generator wrote.
func (in *Info) Check(f *response.Fetch) error {
	_, zone := f.InternalDate.Zone()
	_, wantZone := in.InternalDate.Zone()
	switch {
	case f.Has != fetchItems || len(f.Sections) != 0 || len(f.BinarySizes) != 0 || len(f.Unknown) != 0:
		return fmt.Errorf("items %v (%d sections, %d BINARY.SIZE, %d unknown), want %v",
			f.Has, len(f.Sections), len(f.BinarySizes), len(f.Unknown), fetchItems)
	case f.Seq != in.Seq:
		return fmt.Errorf("seq %d, want %d", f.Seq, in.Seq)
	case f.UID != in.UID:
		return fmt.Errorf("UID %d, want %d", f.UID, in.UID)
	case f.Size != uint64(in.Size):
		return fmt.Errorf("RFC822.SIZE %d, want %d", f.Size, in.Size)
	case !f.InternalDate.Equal(in.InternalDate) || zone != wantZone:
		return fmt.Errorf("INTERNALDATE %v, want %v", f.InternalDate, in.InternalDate)
	case !slices.Equal(f.Flags, in.Flags):
		return fmt.Errorf("flags %q, want %q", f.Flags, in.Flags)
	case f.Envelope == nil || f.BodyStructure == nil:
		return errors.New("ENVELOPE or BODYSTRUCTURE missing")
	case f.Envelope.Subject != in.Subject:
		return fmt.Errorf("subject %v, want %v", f.Envelope.Subject, in.Subject)
	case f.Envelope.MessageID != wire.Str(in.MessageID):
		return fmt.Errorf("message-id %v, want %q", f.Envelope.MessageID, in.MessageID)
	case len(f.Envelope.To) != in.To || len(f.Envelope.Cc) != in.Cc:
		return fmt.Errorf("%d To and %d Cc, want %d and %d", len(f.Envelope.To), len(f.Envelope.Cc), in.To, in.Cc)
	case LeafParts(f.BodyStructure) != in.Parts:
		return fmt.Errorf("%d leaf parts, want %d", LeafParts(f.BodyStructure), in.Parts)
	}
	return nil
}

// LeafParts counts the single parts of b.
func LeafParts(b *bodystructure.Body) int {
	n := 0
	b.Walk(func(_ []int, p *bodystructure.Body) bool {
		if !p.IsMultipart() {
			n++
		}
		return true
	})
	return n
}

// gen writes the responses. Everything it chooses comes from r.
type gen struct {
	r   *rand.Rand
	uid uint32
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// chance reports true with probability 1/n.
func (g *gen) chance(n int) bool { return g.r.IntN(n) == 0 }

var (
	firstNames = []string{"Anna", "Ben", "Chloé", "Dmitri", "Eve", "Farah", "Gus", "Hiro", "Ines", "Jon", "Kai", "Lena", "Mo", "Nina", "Olu", "Pat"}
	lastNames  = []string{"Smith", "Okafor", "Müller", "Tanaka", "Ng", "García", "Kowalski", "Dubois", "Rossi", "Berg"}
	hosts      = []string{"example.com", "example.org", "example.net", "corp.example", "mx.example.io"}
	topics     = []string{"Quarterly report", "Lunch on Friday?", "Build failed on main", "Invoice 2024-0187", "Re-org notes", "Offsite agenda", "Design review: wire layer", "Your order has shipped"}
	flagSets   = [][]string{{`\Seen`}, {`\Seen`, `\Answered`}, {}, {`\Seen`, `$Forwarded`}, {`\Seen`, `\Flagged`, `$MDNSent`}, {`$Junk`}, {`\Seen`, `NonJunk`}}
	zones      = []int{-700, 0, 100, 200, 530, -400}
	languages  = [][]string{{"en"}, {"de"}, {"en", "fr"}}
	files      = []string{"report.pdf", "Q3 results.pdf", "invoice-0187.pdf", "scan42.pdf", `plan "v2".pdf`}
)

// quoted appends s as a quoted string, escaping '"' and '\'. The generator
// writes 7-bit text only, so nothing needs a literal.
func quoted(b []byte, s string) []byte {
	b = append(b, '"')
	for i := range len(s) {
		if s[i] == '"' || s[i] == '\\' {
			b = append(b, '\\')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

func nstring(b []byte, s wire.NString) []byte {
	if !s.Valid {
		return append(b, "NIL"...)
	}
	return quoted(b, s.Value)
}

// ascii replaces the letters outside ASCII in s, which a quoted string
// without UTF8=ACCEPT cannot carry.
func ascii(s string) string {
	var b []byte
	for _, r := range s {
		switch r {
		case 'é':
			b = append(b, 'e')
		case 'ü':
			b = append(b, "ue"...)
		case 'í':
			b = append(b, 'i')
		default:
			if r < 0x80 {
				b = append(b, byte(r))
			} else {
				b = append(b, '?')
			}
		}
	}
	return string(b)
}

type addr struct {
	name       wire.NString
	mbox, host string
}

func (g *gen) addr() addr {
	first, last := g.pick(firstNames), g.pick(lastNames)
	a := addr{mbox: lowerASCII(ascii(first[:1] + last)), host: g.pick(hosts)}
	switch g.r.IntN(8) {
	case 0: // no display name
	case 1: // an RFC 2047 encoded word, as headers with non-ASCII names carry them
		a.name = wire.Str("=?UTF-8?Q?" + qEncode(first) + "_" + qEncode(last) + "?=")
	case 2: // "Last, First"
		a.name = wire.Str(ascii(last) + ", " + ascii(first))
	case 3: // a nickname in quotes, escaped on the wire
		a.name = wire.Str(ascii(first) + ` "` + first[:1] + `" ` + ascii(last))
	default:
		a.name = wire.Str(ascii(first) + " " + ascii(last))
	}
	return a
}

func qEncode(s string) string {
	const hex = "0123456789ABCDEF"
	var b []byte
	for i := range len(s) {
		c := s[i]
		if c >= 0x80 || c == '=' || c == '_' || c == '?' || c == ' ' {
			b = append(b, '=', hex[c>>4], hex[c&15])
		} else {
			b = append(b, c)
		}
	}
	return string(b)
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func appendAddrList(b []byte, list []addr) []byte {
	if len(list) == 0 {
		return append(b, "NIL"...)
	}
	b = append(b, '(')
	for _, a := range list {
		b = append(b, '(')
		b = nstring(b, a.name)
		b = append(b, " NIL "...)
		b = quoted(b, a.mbox)
		b = append(b, ' ')
		b = quoted(b, a.host)
		b = append(b, ')')
	}
	return append(b, ')')
}

func (g *gen) fetch(b []byte, seq uint32, in *Info) []byte {
	g.uid += 1 + uint32(g.r.IntN(3))
	in.Seq, in.UID = seq, g.uid
	in.Flags = flagSets[g.r.IntN(len(flagSets))]

	zone := zones[g.r.IntN(len(zones))]
	loc := time.FixedZone("", (zone/100*60+zone%100)*60)
	t := time.Date(2020+g.r.IntN(6), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28),
		g.r.IntN(24), g.r.IntN(60), g.r.IntN(60), 0, loc)
	in.InternalDate = t

	b = append(b, "* "...)
	b = strconv.AppendUint(b, uint64(seq), 10)
	b = append(b, " FETCH (UID "...)
	b = strconv.AppendUint(b, uint64(in.UID), 10)
	b = append(b, " FLAGS ("...)
	for i, f := range in.Flags {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, f...)
	}
	b = append(b, ") INTERNALDATE \""...)
	b = t.AppendFormat(b, "02-Jan-2006 15:04:05 -0700") // date-day-fixed as Dovecot writes it: "04-Jun-2024"
	b = append(b, "\" RFC822.SIZE "...)
	sizeAt := len(b)
	b = append(b, sizePlaceholder...) // replaced once the parts are sized

	// ENVELOPE (date subject from sender reply-to to cc bcc in-reply-to message-id)
	b = append(b, " ENVELOPE ("...)
	sent := t.Add(-time.Duration(g.r.IntN(600)) * time.Second)
	dateStr := sent.Format("Mon, 2 Jan 2006 15:04:05 -0700")
	if g.chance(8) {
		dateStr += " (" + []string{"PDT", "UTC", "CET", "CEST", "IST", "EDT"}[indexOf(zones, zone)] + ")"
	}
	b = quoted(b, dateStr)
	b = append(b, ' ')

	topic := g.pick(topics)
	var subject wire.NString
	reply := false
	switch g.r.IntN(12) {
	case 0:
		// NIL subject: no Subject header
	case 1:
		subject = wire.Str(`Re: "` + topic + `" \ follow-up`)
		reply = true
	case 2:
		subject = wire.Str(`=?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_M=C3=BCnchen?= ` + topic)
	case 3, 4, 5:
		subject = wire.Str("Re: " + topic)
		reply = true
	case 6:
		subject = wire.Str("Fwd: " + topic)
	default:
		subject = wire.Str(topic)
	}
	in.Subject = subject
	b = nstring(b, subject)
	b = append(b, ' ')

	from := []addr{g.addr()}
	b = appendAddrList(b, from) // from
	b = append(b, ' ')
	b = appendAddrList(b, from) // sender, as Dovecot fills it in
	b = append(b, ' ')
	b = appendAddrList(b, from) // reply-to, likewise
	b = append(b, ' ')
	to := make([]addr, 1+g.r.IntN(2))
	for i := range to {
		to[i] = g.addr()
	}
	var cc []addr
	if g.chance(5) {
		cc = make([]addr, 1+g.r.IntN(2))
		for i := range cc {
			cc[i] = g.addr()
		}
	}
	in.To, in.Cc = len(to), len(cc)
	b = appendAddrList(b, to)
	b = append(b, ' ')
	b = appendAddrList(b, cc)
	b = append(b, " NIL "...) // bcc
	host := from[0].host
	if reply {
		b = quoted(b, "<"+strconv.FormatUint(g.r.Uint64N(1<<40), 36)+"@"+g.pick(hosts)+">")
	} else {
		b = append(b, "NIL"...)
	}
	b = append(b, ' ')
	in.MessageID = "<" + strconv.FormatUint(g.r.Uint64N(1<<40), 36) + "@" + host + ">"
	b = quoted(b, in.MessageID)
	b = append(b, ')')

	// BODYSTRUCTURE: multipart/mixed (multipart/alternative (text/plain,
	// text/html), application/pdf [, a second attachment]), or, for a
	// message without attachments, the multipart/alternative alone; with the
	// extension data Dovecot writes.
	b = append(b, " BODYSTRUCTURE ("...)
	total := 600 + g.r.IntN(1200) // header block
	// Half of the messages have no attachment, one in twelve has two.
	attachments := 1
	switch {
	case g.chance(2):
		attachments = 0
	case g.chance(6):
		attachments = 2
	}
	if attachments > 0 {
		b = append(b, '(')
	}
	b = append(b, '(')
	textSize := 200 + g.r.IntN(4000)
	total += textSize
	b = g.textPart(b, "plain", textSize)
	b = append(b, ")("...)
	htmlSize := textSize*3 + g.r.IntN(2000)
	total += htmlSize
	b = g.textPart(b, "html", htmlSize)
	b = append(b, ") \"alternative\" (\"boundary\" "...)
	b = quoted(b, g.boundary())
	in.Parts = 2
	if attachments > 0 {
		b = append(b, ") NIL NIL NIL)"...)
		for range attachments {
			b = append(b, '(')
			size := 2000 + g.r.IntN(400000)
			total += size
			b = g.attachment(b, size)
			b = append(b, ')')
			in.Parts++
		}
		b = append(b, " \"mixed\" (\"boundary\" "...)
		b = quoted(b, g.boundary())
	}
	b = append(b, ") NIL "...)
	if g.chance(10) {
		b = appendLanguages(b, languages[g.r.IntN(len(languages))])
	} else {
		b = append(b, "NIL"...)
	}
	b = append(b, " NIL))\r\n"...)

	in.Size = uint32(total)
	// Replace the placeholder with the size.
	rest := bytes.Clone(b[sizeAt+len(sizePlaceholder):])
	b = strconv.AppendUint(b[:sizeAt], uint64(total), 10)
	return append(b, rest...)
}

const sizePlaceholder = "0000000000"

func indexOf(list []int, v int) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

func (g *gen) boundary() string {
	return "=_" + strconv.FormatUint(g.r.Uint64N(1<<40), 36)
}

func (g *gen) textPart(b []byte, subtype string, size int) []byte {
	b = append(b, `"text" `...)
	b = quoted(b, subtype)
	b = append(b, ` ("charset" `...)
	if g.chance(6) {
		b = append(b, `"us-ascii"`...)
	} else {
		b = append(b, `"utf-8"`...)
	}
	if subtype == "plain" && g.chance(6) {
		b = append(b, ` "format" "flowed"`...)
	}
	b = append(b, ") NIL NIL "...)
	if g.chance(3) {
		b = append(b, `"quoted-printable" `...)
	} else {
		b = append(b, `"7bit" `...)
	}
	b = strconv.AppendUint(b, uint64(size), 10)
	b = append(b, ' ')
	b = strconv.AppendUint(b, uint64(size/60+1), 10)
	b = append(b, " NIL NIL "...)
	if g.chance(16) {
		b = appendLanguages(b, languages[g.r.IntN(len(languages))])
	} else {
		b = append(b, "NIL"...)
	}
	return append(b, " NIL"...)
}

func (g *gen) attachment(b []byte, size int) []byte {
	name := g.pick(files)
	b = append(b, `"application" "pdf" `...)
	if g.chance(2) {
		b = append(b, `("name" `...)
		b = quoted(b, name)
		b = append(b, ") "...)
	} else {
		b = append(b, "NIL "...)
	}
	if g.chance(20) {
		b = quoted(b, "<part"+strconv.Itoa(g.r.IntN(100))+"."+strconv.FormatUint(g.r.Uint64N(1<<32), 36)+"@example.com>")
	} else {
		b = append(b, "NIL"...)
	}
	b = append(b, ' ')
	if g.chance(12) {
		b = quoted(b, "Attached: "+name)
	} else {
		b = append(b, "NIL"...)
	}
	b = append(b, ` "base64" `...)
	b = strconv.AppendUint(b, uint64(size), 10)
	b = append(b, ` NIL ("attachment" ("filename" `...)
	b = quoted(b, name)
	if g.chance(10) {
		b = append(b, ` "size" `...)
		b = quoted(b, strconv.Itoa(size*3/4))
	}
	b = append(b, ")) "...)
	if g.chance(5) {
		b = appendLanguages(b, languages[g.r.IntN(len(languages))])
	} else {
		b = append(b, "NIL"...)
	}
	return append(b, " NIL"...)
}

func appendLanguages(b []byte, langs []string) []byte {
	b = append(b, '(')
	for i, l := range langs {
		if i > 0 {
			b = append(b, ' ')
		}
		b = quoted(b, l)
	}
	return append(b, ')')
}
