package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// A printer writes records, as text or as JSON.
type printer interface {
	// header introduces an input: its name and how it is decoded.
	header(text string)
	record(r *record)
}

// jsonTime is the format of the "time" field: RFC 3339 with microseconds.
const jsonTime = "2006-01-02T15:04:05.000000Z07:00"

// jsonRecord is the JSON form of a record. The field names are a contract
// (see the usage text); absent fields are omitted.
type jsonRecord struct {
	Dir    string `json:"dir"`
	Offset int64  `json:"offset"`
	Time   string `json:"time,omitempty"`
	Tag    string `json:"tag,omitempty"`
	Type   string `json:"type,omitempty"`
	Wire   string `json:"wire,omitempty"`
	// WireBase64 holds the exact bytes of wire when they are not valid
	// UTF-8, which a JSON string cannot carry (encoding/json turns each
	// invalid byte into U+FFFD, so wire is then only for reading).
	WireBase64 string `json:"wire_base64,omitempty"`
	// Unknown is set when something of the message was kept raw because
	// its kind is not known: an unknown response, response code, FETCH
	// item, ...
	Unknown bool     `json:"unknown,omitempty"`
	Quirks  []string `json:"quirks,omitempty"`
	Error   string   `json:"error,omitempty"`
}

type jsonPrinter struct {
	enc *json.Encoder
	err error
}

func newJSONPrinter(w *bufio.Writer) *jsonPrinter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &jsonPrinter{enc: enc}
}

func (p *jsonPrinter) header(string) {}

func (p *jsonPrinter) record(r *record) {
	j := jsonRecord{
		Dir:     string(r.dir),
		Offset:  r.offset,
		Tag:     r.tag,
		Type:    r.typ,
		Unknown: r.unknown,
		Error:   r.err,
	}
	if !r.time.IsZero() {
		j.Time = r.time.Format(jsonTime)
	}
	if r.err == "" {
		j.Wire = string(r.wire)
		if !utf8.Valid(r.wire) {
			j.WireBase64 = base64.StdEncoding.EncodeToString(r.wire)
		}
	}
	for _, q := range r.quirks {
		j.Quirks = append(j.Quirks, q.Quirk.String())
	}
	if err := p.enc.Encode(&j); err != nil && p.err == nil {
		p.err = err
	}
}

// textPrinter writes one line per record:
//
//	[TIME ]DIR OFFSET  MESSAGE [QUIRK@OFFSET ...]
//
// TIME is the UTC time of day (a "# DATE" line comes first and whenever the
// date changes), DIR is C or S, MESSAGE is the canonical re-encoding with CR,
// LF and other control bytes escaped and long literal bodies shortened, or
// "ERROR: ..." for a message that failed.
type textPrinter struct {
	w    *bufio.Writer
	date string
	buf  []byte
}

func newTextPrinter(w *bufio.Writer) *textPrinter { return &textPrinter{w: w} }

func (p *textPrinter) header(text string) {
	p.w.WriteString("# ")
	p.w.WriteString(text)
	p.w.WriteByte('\n')
	p.date = ""
}

func (p *textPrinter) record(r *record) {
	b := p.buf[:0]
	if !r.time.IsZero() {
		if d := r.time.Format("2006-01-02"); d != p.date {
			p.date = d
			b = append(b, "# "...)
			b = append(b, d...)
			b = append(b, " (times UTC)\n"...)
		}
		b = r.time.AppendFormat(b, "15:04:05.000000 ")
	}
	b = append(b, r.dir, ' ')
	off := strconv.FormatInt(r.offset, 10)
	for i := len(off); i < 7; i++ {
		b = append(b, ' ')
	}
	b = append(b, off...)
	b = append(b, "  "...)
	if r.err != "" {
		b = append(b, "ERROR: "...)
		b = escapeText(b, []byte(r.err))
	} else {
		b = renderWire(b, r.wire)
	}
	if len(r.quirks) > 0 {
		b = append(b, "  ["...)
		for i, q := range r.quirks {
			if i > 0 {
				b = append(b, ' ')
			}
			b = append(b, q.Quirk.String()...)
			b = append(b, '@')
			b = strconv.AppendInt(b, q.Offset, 10)
		}
		b = append(b, ']')
	}
	b = append(b, '\n')
	p.w.Write(b)
	p.buf = b
}

// Literal bodies longer than maxLiteralShown bytes are shown as their first
// literalHead bytes and a count of the rest.
const (
	maxLiteralShown = 100
	literalHead     = 64
)

// renderWire appends a readable form of a canonical message: its lines with
// CR and LF escaped, the final line ending left out, and literal bodies,
// which follow the "{n}" at the end of a line, shortened when long.
func renderWire(dst, w []byte) []byte {
	w = bytes.TrimSuffix(w, []byte("\r\n"))
	for len(w) > 0 {
		i := bytes.Index(w, []byte("\r\n"))
		if i < 0 {
			return escapeText(dst, w)
		}
		line := w[:i]
		dst = escapeText(dst, line)
		dst = append(dst, `\r\n`...)
		w = w[i+2:]
		n, ok := literalSize(line)
		if !ok {
			continue
		}
		n = min(n, int64(len(w)))
		body := w[:n]
		w = w[n:]
		if len(body) <= maxLiteralShown {
			dst = escapeText(dst, body)
			continue
		}
		head := body[:literalHead]
		// Cut before a rune that the head would split.
		for k := 1; k < utf8.UTFMax && k <= len(head); k++ {
			if utf8.RuneStart(head[len(head)-k]) {
				if !utf8.FullRune(head[len(head)-k:]) {
					head = head[:len(head)-k]
				}
				break
			}
		}
		dst = escapeText(dst, head)
		dst = append(dst, "...["...)
		dst = strconv.AppendInt(dst, int64(len(body)-len(head)), 10)
		dst = append(dst, " more bytes]"...)
	}
	return dst
}

// literalSize reports whether a line of a canonical message ends with a
// literal announcement "{n}" or "~{n}", and returns n.
func literalSize(line []byte) (int64, bool) {
	if len(line) < 3 || line[len(line)-1] != '}' {
		return 0, false
	}
	i := bytes.LastIndexByte(line, '{')
	if i < 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(string(line[i+1:len(line)-1]), 10, 64)
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// escapeText appends b with CR, LF, tab, other control characters and bytes
// that are not UTF-8 escaped Go-style (\r \n \t \x00 \u200e); printable text,
// non-ASCII included, is kept as it is.
func escapeText(dst, b []byte) []byte {
	const hex = "0123456789abcdef"
	for len(b) > 0 {
		c := b[0]
		if 0x20 <= c && c < 0x7f {
			dst = append(dst, c)
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		switch {
		case r == '\r':
			dst = append(dst, `\r`...)
		case r == '\n':
			dst = append(dst, `\n`...)
		case r == '\t':
			dst = append(dst, `\t`...)
		case r == utf8.RuneError && size <= 1, r < 0x80:
			dst = append(dst, '\\', 'x', hex[c>>4], hex[c&15])
		case !unicode.IsPrint(r) && r <= 0xffff:
			dst = append(dst, '\\', 'u', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15])
		case !unicode.IsPrint(r):
			dst = append(dst, `\U`...)
			for shift := 28; shift >= 0; shift -= 4 {
				dst = append(dst, hex[r>>shift&15])
			}
		default:
			dst = append(dst, b[:size]...)
		}
		b = b[size:]
	}
	return dst
}
