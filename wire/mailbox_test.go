package wire

import (
	"encoding/base64"
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// checkValueError checks that err is the *SyntaxError the value parsers
// return for input: Rule rule, Offset off, Quote of the input from there,
// and either ErrQuirk with quirk or a detail wrapping ErrSyntax.
func checkValueError(t *testing.T, err error, input, rule string, off int, quirk Quirk) {
	t.Helper()
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("error = %v (%T), want *SyntaxError", err, err)
	}
	if se.Rule != rule {
		t.Errorf("Rule = %q, want %q", se.Rule, rule)
	}
	if se.Offset != int64(off) {
		t.Errorf("Offset = %d, want %d (error %v)", se.Offset, off, err)
	}
	if off >= 0 && off <= len(input) {
		if want := quote([]byte(input[off:])); se.Quote != want {
			t.Errorf("Quote = %q, want %q", se.Quote, want)
		}
	}
	if se.Quirk != quirk {
		t.Errorf("Quirk = %v, want %v", se.Quirk, quirk)
	}
	if quirk != 0 {
		if se.Err != ErrQuirk {
			t.Errorf("Err = %v, want ErrQuirk", se.Err)
		}
	} else if !errors.Is(err, ErrSyntax) {
		t.Errorf("error %v does not wrap ErrSyntax", err)
	}
}

// refMailbox is an independent reference encoder for the tests, built on
// encoding/base64 and unicode/utf16.
func refMailbox(s string) string {
	enc := base64.NewEncoding("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,").WithPadding(base64.NoPadding)
	var out strings.Builder
	var run []rune
	flush := func() {
		if len(run) == 0 {
			return
		}
		var raw []byte
		for _, u := range utf16.Encode(run) {
			raw = append(raw, byte(u>>8), byte(u))
		}
		out.WriteString("&" + enc.EncodeToString(raw) + "-")
		run = run[:0]
	}
	for _, r := range s {
		switch {
		case r == '&':
			flush()
			out.WriteString("&-")
		case r >= 0x20 && r <= 0x7e:
			flush()
			out.WriteRune(r)
		default:
			run = append(run, r)
		}
	}
	flush()
	return out.String()
}

// mailboxCases are names with their canonical modified UTF-7.
var mailboxCases = []struct {
	name    string
	encoded string
	decoded string
}{
	{"empty", "", ""},
	{"ascii", "INBOX/Sent Items", "INBOX/Sent Items"},
	{"all printable", " !\"#$%'()*+,-./0-9:;<=>?@A-Z[\\]^_`a-z{|}~", " !\"#$%'()*+,-./0-9:;<=>?@A-Z[\\]^_`a-z{|}~"},
	// RFC 3501 §5.1.3 and RFC 9051 §5.1.3.
	{"rfc example", "~peter/mail/&U,BTFw-/&ZeVnLIqe-", "~peter/mail/台北/日本語"},
	{"ampersand", "&-", "&"},
	{"ampersands", "Tom &- Jerry &-&-", "Tom & Jerry &&"},
	{"latin", "Entw&APw-rfe", "Entwürfe"},
	{"two runs", "&AOk-x&AOk-", "éxé"},
	{"run then ampersand", "&AOk-&-", "é&"},
	{"ampersand then run", "&-&AOk-", "&é"},
	{"three units", "&AOkA6QDp-", "ééé"},
	{"control", "&AAE-", "\x01"},
	{"nul", "&AAA-", "\x00"},
	{"del", "&AH8-", "\x7f"},
	{"emoji", "&2D3eAA-", "😀"},
	{"emoji pair", "&2D3eANg93gE-", "😀😁"},
	{"emoji and bmp", "a&2D3eAADp-b", "a😀éb"},
	{"bmp and emoji", "&AOnYPd4A-", "é😀"},
	{"replacement char", "&,,0-", "\uFFFD"},
	{"cjk long", "&ZeVnLIqeZeVnLIqeZeVnLIqe-", "日本語日本語日本語"},
}

func TestMailboxCasesReference(t *testing.T) {
	for _, tc := range mailboxCases {
		if got := refMailbox(tc.decoded); got != tc.encoded {
			t.Errorf("%s: reference encoder gives %q, table says %q", tc.name, got, tc.encoded)
		}
	}
}

func TestEncodeMailbox(t *testing.T) {
	for _, tc := range mailboxCases {
		t.Run(tc.name, func(t *testing.T) {
			if got := EncodeMailbox(tc.decoded); got != tc.encoded {
				t.Errorf("EncodeMailbox(%q) = %q, want %q", tc.decoded, got, tc.encoded)
			}
			if got := string(appendMailbox([]byte("x"), tc.decoded)); got != "x"+tc.encoded {
				t.Errorf("appendMailbox = %q, want %q", got, "x"+tc.encoded)
			}
			if n, _ := encodedMailboxLen(tc.decoded); n != len(tc.encoded) {
				t.Errorf("encodedMailboxLen = %d, want %d", n, len(tc.encoded))
			}
		})
	}
}

func TestEncodeMailboxInvalidUTF8(t *testing.T) {
	// Each byte that is not part of valid UTF-8 becomes U+FFFD, as a range
	// loop reads it.
	for _, tc := range []struct{ in, want string }{
		{"a\xffb", "a&,,0-b"},
		{"\xff\xfe", "&,,3,,Q-"},
		{"\xe6\x97", "&,,3,,Q-"},       // a cut 3-byte sequence: two bytes
		{"\xed\xa0\x80", "&,,3,,f,9-"}, // an encoded surrogate: three bytes
		{"日\xff", "&ZeX,,Q-"},
	} {
		if got := EncodeMailbox(tc.in); got != tc.want {
			t.Errorf("EncodeMailbox(%q) = %q, want %q", tc.in, got, tc.want)
		}
		var repl strings.Builder
		for _, r := range tc.in {
			repl.WriteRune(r)
		}
		if got := refMailbox(repl.String()); got != tc.want {
			t.Errorf("reference for %q = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDecodeMailbox(t *testing.T) {
	for _, tc := range mailboxCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DecodeMailbox(tc.encoded)
			if err != nil || got != tc.decoded {
				t.Errorf("DecodeMailbox(%q) = %q, %v; want %q", tc.encoded, got, err, tc.decoded)
			}
			for _, lenient := range []bool{false, true} {
				got, q, err := decodeMailbox([]byte(tc.encoded), lenient)
				if err != nil || got != tc.decoded || q != (QuirkReport{}) {
					t.Errorf("decodeMailbox(%q, %v) = %q, %v, %v; want %q", tc.encoded, lenient, got, q, err, tc.decoded)
				}
			}
		})
	}
}

// mailboxRefusals are inputs strict decoding refuses; the error is at
// len(prefix). Those with quirk set are an '&' that does not start a
// well-formed shift, which lenient decoding takes as a literal '&'.
var mailboxRefusals = []struct {
	name   string
	prefix string // input before the error
	rest   string // input from the error on
	quirk  bool
}{
	{"lone ampersand", "", "&", true},
	{"ampersand at end", "abc", "&", true},
	{"ampersand space", "Tom ", "& Jerry", true},
	{"ampersand dot", "", "&.x-", true},
	{"ampersand ampersand", "", "&&-", true},
	{"ampersand raw byte", "", "&\x01-", true},
	{"unterminated", "x", "&AOk", true},
	{"unterminated word", "", "&Jerry", true},
	{"shift ended by space", "", "&AOk x", true},
	{"shift ended by raw byte", "", "&AOk\xff-", true},
	{"padding", "", "&AOk=-", true},
	{"padding only", "", "&=-", true},
	{"padding two", "", "&AA==-", true},
	{"bit count 1", "", "&A-", true},
	{"bit count 2", "", "&AO-", true},
	{"bit count 4", "", "&AOkA-", true},
	{"bit count 5", "", "&AOkA6-", true},
	{"bit count 7", "", "&AOkA6QD-", true},
	{"bit count 9", "", "&AOkA6QDpA-", true},
	{"ampersand hyphen word", "AT", "&T-Mobile", true},
	{"leftover bits 3 chars", "", "&AOl-", true},
	{"leftover bits 6 chars", "", "&AOkA6R-", true},
	{"quirk after good shift", "&AOk-", "& ", true},
	{"adjacent shifts", "&AOk-", "&AOk-", false},
	{"adjacent shifts emoji", "&2D3eAA-", "&2D3eAA-", false},
	{"encoded a", "&", "AGE-", false},
	{"encoded space", "&", "ACA-", false},
	{"encoded tilde", "&", "AH4-", false},
	{"encoded ampersand", "", "&ACY-", true},
	{"encoded ampersand among others (Yandex)", "", "&BBAEMQQyACYEMwQ0BDU-", true},
	{"encoded ampersand after another error", "&", "AGEAJg-", false},
	{"encoded ascii second unit", "&AO", "kAYQ-", false},
	{"encoded ascii third unit", "&AOkA6", "QBh-", false},
	{"lone high at end", "&", "2D0-", false},
	{"high then bmp", "&", "2D0A6Q-", false},
	{"high then high", "&", "2D3YPQ-", false},
	{"lone low", "&", "3gA-", false},
	{"low after bmp", "&AO", "neAA-", false},
	{"high at end after pair", "&2D3eA", "Ng9-", false},
	{"raw control", "abc", "\x01", false},
	{"raw tab", "", "\t", false},
	{"raw del", "", "\x7f", false},
	{"raw nul", "a", "\x00b", false},
	{"raw crlf", "a", "\r\n", false},
	{"raw utf-8", "Entw", "ürfe", false},
	{"raw byte after shift", "&AOk-", "\t", false},
	{"raw byte after ampersand", "&-", "\x80", false},
}

func TestDecodeMailboxRefused(t *testing.T) {
	for _, tc := range mailboxRefusals {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.prefix + tc.rest
			var quirk Quirk
			if tc.quirk {
				quirk = QuirkUnencodedAmpersand
			}
			got, err := DecodeMailbox(in)
			if err == nil {
				t.Fatalf("DecodeMailbox(%q) = %q, want an error", in, got)
			}
			checkValueError(t, err, in, ruleMailbox, len(tc.prefix), quirk)
			_, q, err2 := decodeMailbox([]byte(in), false)
			if q != (QuirkReport{}) || err2 == nil || err2.Error() != err.Error() {
				t.Errorf("decodeMailbox strict = %v, %v; want %v", q, err2, err)
			}
			// The streaming decoder reports the same error.
			_, err3 := ModifiedUTF7.NewDecoder().String(in)
			sameSyntaxError(t, err3, err)
		})
	}
}

// sameSyntaxError checks that got is a SyntaxError like want but for Quote,
// which the streaming decoder can only fill from the bytes at hand.
func sameSyntaxError(t *testing.T, got, want error) {
	t.Helper()
	var g, w *SyntaxError
	if !errors.As(got, &g) || !errors.As(want, &w) {
		t.Fatalf("errors %v and %v are not both *SyntaxError", got, want)
	}
	if g.Offset != w.Offset || g.Rule != w.Rule || g.Quirk != w.Quirk || g.Err != w.Err {
		t.Errorf("error = %#v, want %#v", g, w)
	}
}

func TestDecodeMailboxLenient(t *testing.T) {
	for _, tc := range []struct {
		name   string
		in     string
		want   string
		offset int // of the first unencoded '&'
	}{
		{"Yandex", "Tom & Jerry", "Tom & Jerry", len("Tom ")},
		{"at end", "R&", "R&", len("R")},
		{"word", "&Jerry", "&Jerry", 0},
		{"hyphen", "AT&T-Mobile", "AT&T-Mobile", len("AT")},
		{"reported once", "a&b&c", "a&b&c", len("a")},
		{"then encoded", "Q&A &AOk-", "Q&A é", len("Q")},
		{"then escaped", "& &-", "& &", 0},
		{"double", "&&-", "&&", 0},
		{"padding", "&AOk=-", "&AOk=-", 0},
		{"bit count", "R&D-2024", "R&D-2024", len("R")},
		{"leftover bits", "x&AOl-", "x&AOl-", len("x")},
		{"after a shift", "&AOk-&", "é&", len("&AOk-")},
		// modern-email/defects#46: Yandex lists "Абв&где" so.
		{"encoded in base64 (Yandex)", "&BBAEMQQyACYEMwQ0BDU-", "Абв&где", 0},
		{"encoded alone", "R&ACY-D", "R&D", len("R")},
		{"encoded after a plain one", "a&b &ACY-", "a&b &", len("a")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, q, err := decodeMailbox([]byte(tc.in), true)
			want := QuirkReport{Quirk: QuirkUnencodedAmpersand, Offset: int64(tc.offset)}
			if err != nil || got != tc.want || q != want {
				t.Errorf("decodeMailbox(%q, lenient) = %q, %v, %v; want %q, %v", tc.in, got, q, err, tc.want, want)
			}
			_, _, err = decodeMailbox([]byte(tc.in), false)
			checkValueError(t, err, tc.in, ruleMailbox, tc.offset, QuirkUnencodedAmpersand)
		})
	}
}

func TestDecodeMailboxLenientOtherErrors(t *testing.T) {
	// Errors that are not an unencoded '&' stay errors in lenient mode.
	for _, tc := range mailboxRefusals {
		if tc.quirk {
			continue
		}
		in := tc.prefix + tc.rest
		_, _, err := decodeMailbox([]byte(in), true)
		checkValueError(t, err, in, ruleMailbox, len(tc.prefix), 0)
	}
	// After a tolerated '&', later errors are still found.
	for _, tc := range []struct{ prefix, rest string }{
		{"& ", "\x01"},
		{"&&", "AGE-"},
		{"Tom & &AOk-", "&AOk-"},
	} {
		in := tc.prefix + tc.rest
		_, _, err := decodeMailbox([]byte(in), true)
		checkValueError(t, err, in, ruleMailbox, len(tc.prefix), 0)
	}
}

func TestCanonicalMailbox(t *testing.T) {
	for in, want := range map[string]string{
		"INBOX":        "INBOX",
		"inbox":        "INBOX",
		"InBoX":        "INBOX",
		"iNBOX":        "INBOX",
		"inbox/Sent":   "inbox/Sent",
		"INBOX2":       "INBOX2",
		"inbo":         "inbo",
		"":             "",
		"Sent":         "Sent",
		"inb\xcfx":     "inb\xcfx",
		"\x09\x0e\x02": "\x09\x0e\x02",
	} {
		if got := CanonicalMailbox(in); got != want {
			t.Errorf("CanonicalMailbox(%q) = %q, want %q", in, got, want)
		}
	}
}

// randomName returns a name mixing the kinds of characters that matter.
func randomName(r *rand.Rand) string {
	pieces := []string{"a", "Z", " ", "&", "-", ",", "+", "/", "~", "\x00", "\x01", "\x7f", "é", "ü",
		"日", "本", "\uFFFD", "\uFFFF", "😀", "\U0010FFFF", "\U00010000", "&-", "A", "0"}
	var b strings.Builder
	for n := r.IntN(12); n > 0; n-- {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func TestMailboxRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		name := randomName(r)
		enc := EncodeMailbox(name)
		if ref := refMailbox(name); enc != ref {
			t.Fatalf("EncodeMailbox(%q) = %q, reference %q", name, enc, ref)
		}
		dec, err := DecodeMailbox(enc)
		if err != nil || dec != name {
			t.Fatalf("DecodeMailbox(EncodeMailbox(%q)) = %q, %v", name, dec, err)
		}
		if again := EncodeMailbox(dec); again != enc {
			t.Fatalf("EncodeMailbox(DecodeMailbox(%q)) = %q", enc, again)
		}
	}
}

// transformChunked runs tr over src the way a careful caller does, handing
// it at most chunk new bytes at a time and a destination of dstSize bytes,
// grown by one whenever the transformer cannot make progress.
func transformChunked(t *testing.T, tr transform.Transformer, src []byte, chunk, dstSize int) ([]byte, error) {
	t.Helper()
	tr.Reset()
	var out, pending []byte
	dst := make([]byte, dstSize)
	pos := 0
	for {
		take := min(chunk, len(src)-pos)
		pending = append(pending, src[pos:pos+take]...)
		pos += take
		atEOF := pos == len(src)
		for {
			nDst, nSrc, err := tr.Transform(dst, pending, atEOF)
			out = append(out, dst[:nDst]...)
			pending = pending[nSrc:]
			switch err {
			case nil:
				if len(pending) != 0 {
					t.Fatalf("Transform returned nil with %d bytes unconsumed", len(pending))
				}
				if atEOF {
					return out, nil
				}
			case transform.ErrShortDst:
				if nDst == 0 && nSrc == 0 {
					dst = make([]byte, len(dst)+1)
				}
				continue
			case transform.ErrShortSrc:
				if atEOF {
					t.Fatalf("Transform returned ErrShortSrc at EOF")
				}
			default:
				return out, err
			}
			break
		}
	}
}

func TestModifiedUTF7Transform(t *testing.T) {
	for _, tc := range mailboxCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ModifiedUTF7.NewDecoder().String(tc.encoded)
			if err != nil || got != tc.decoded {
				t.Errorf("decoder String(%q) = %q, %v; want %q", tc.encoded, got, err, tc.decoded)
			}
			got, err = ModifiedUTF7.NewEncoder().String(tc.decoded)
			if err != nil || got != tc.encoded {
				t.Errorf("encoder String(%q) = %q, %v; want %q", tc.decoded, got, err, tc.encoded)
			}
			chain := transform.Chain(ModifiedUTF7.NewEncoder(), ModifiedUTF7.NewDecoder())
			got, _, err = transform.String(chain, tc.decoded)
			if err != nil || got != tc.decoded {
				t.Errorf("encoder+decoder chain(%q) = %q, %v", tc.decoded, got, err)
			}
			chain = transform.Chain(ModifiedUTF7.NewDecoder(), ModifiedUTF7.NewEncoder())
			got, _, err = transform.String(chain, tc.encoded)
			if err != nil || got != tc.encoded {
				t.Errorf("decoder+encoder chain(%q) = %q, %v", tc.encoded, got, err)
			}

			rd := transform.NewReader(iotest.OneByteReader(strings.NewReader(tc.encoded)), ModifiedUTF7.NewDecoder())
			b, err := io.ReadAll(rd)
			if err != nil || string(b) != tc.decoded {
				t.Errorf("one-byte decoding reader = %q, %v; want %q", b, err, tc.decoded)
			}
			rd = transform.NewReader(iotest.OneByteReader(strings.NewReader(tc.decoded)), ModifiedUTF7.NewEncoder())
			b, err = io.ReadAll(rd)
			if err != nil || string(b) != tc.encoded {
				t.Errorf("one-byte encoding reader = %q, %v; want %q", b, err, tc.encoded)
			}

			var w strings.Builder
			wc := transform.NewWriter(&w, ModifiedUTF7.NewEncoder())
			for i := 0; i < len(tc.decoded); i++ {
				if _, err := wc.Write([]byte{tc.decoded[i]}); err != nil {
					t.Fatal(err)
				}
			}
			if err := wc.Close(); err != nil || w.String() != tc.encoded {
				t.Errorf("one-byte encoding writer = %q, %v; want %q", w.String(), err, tc.encoded)
			}
		})
	}
}

func TestModifiedUTF7TinyBuffers(t *testing.T) {
	for _, tc := range mailboxCases {
		for chunk := 1; chunk <= 5; chunk++ {
			for dstSize := 1; dstSize <= 9; dstSize++ {
				got, err := transformChunked(t, ModifiedUTF7.NewDecoder(), []byte(tc.encoded), chunk, dstSize)
				if err != nil || string(got) != tc.decoded {
					t.Errorf("%s: decode chunk %d dst %d = %q, %v; want %q", tc.name, chunk, dstSize, got, err, tc.decoded)
				}
				got, err = transformChunked(t, ModifiedUTF7.NewEncoder(), []byte(tc.decoded), chunk, dstSize)
				if err != nil || string(got) != tc.encoded {
					t.Errorf("%s: encode chunk %d dst %d = %q, %v; want %q", tc.name, chunk, dstSize, got, err, tc.encoded)
				}
			}
		}
	}
	for _, tc := range mailboxRefusals {
		in := tc.prefix + tc.rest
		_, want := DecodeMailbox(in)
		for chunk := 1; chunk <= 3; chunk++ {
			_, err := transformChunked(t, ModifiedUTF7.NewDecoder(), []byte(in), chunk, 1)
			sameSyntaxError(t, err, want)
		}
		rd := transform.NewReader(iotest.OneByteReader(strings.NewReader(in)), ModifiedUTF7.NewDecoder())
		_, err := io.ReadAll(rd)
		sameSyntaxError(t, err, want)
	}
}

func TestModifiedUTF7EncoderInvalidUTF8(t *testing.T) {
	// The streaming encoder waits for the rest of a rune cut by a chunk
	// boundary, and replaces bytes that are not valid UTF-8 as
	// EncodeMailbox does.
	for _, in := range []string{"a\xffb", "\xe6\x97", "\xe6\x97x", "日\xff", "\xf0\x9f\x98", "\xf0\x9f\x98\x80\x80"} {
		want := EncodeMailbox(in)
		for chunk := 1; chunk <= 4; chunk++ {
			got, err := transformChunked(t, ModifiedUTF7.NewEncoder(), []byte(in), chunk, 1)
			if err != nil || string(got) != want {
				t.Errorf("encode %q chunk %d = %q, %v; want %q", in, chunk, got, err, want)
			}
		}
	}
}

func TestMailboxAllocs(t *testing.T) {
	ascii := []byte("INBOX/Archive/2024")
	cjk := []byte("~peter/mail/&U,BTFw-/&ZeVnLIqe-")
	for _, tc := range []struct {
		name string
		want float64
		f    func()
	}{
		{"decodeMailbox ascii", 1, func() { decodeMailbox(ascii, true) }},
		{"decodeMailbox cjk", 1, func() { decodeMailbox(cjk, true) }},
		{"DecodeMailbox ascii", 0, func() { DecodeMailbox("INBOX/Archive/2024") }},
		{"DecodeMailbox cjk", 1, func() { DecodeMailbox("~peter/mail/&U,BTFw-/&ZeVnLIqe-") }},
		{"EncodeMailbox ascii", 0, func() { EncodeMailbox("INBOX/Archive/2024") }},
		{"EncodeMailbox cjk", 1, func() { EncodeMailbox("~peter/mail/台北/日本語") }},
		{"appendMailbox with room", 0, func() { appendMailbox(make([]byte, 0, 64), "~peter/mail/台北/日本語") }},
	} {
		if got := testing.AllocsPerRun(100, tc.f); got != tc.want {
			t.Errorf("%s: %v allocations, want %v", tc.name, got, tc.want)
		}
	}
}

func TestMutf7ValueTable(t *testing.T) {
	for c := 0; c < 256; c++ {
		i := strings.IndexByte(mutf7Alphabet, byte(c))
		want := byte(mutf7Invalid)
		if i >= 0 {
			want = byte(i)
		}
		if mutf7Value[c] != want {
			t.Errorf("mutf7Value[%#x] = %d, want %d", c, mutf7Value[c], want)
		}
	}
	if !utf8.ValidString(mutf7Alphabet) || len(mutf7Alphabet) != 64 {
		t.Error("bad alphabet")
	}
}

// TestReadListMailbox: the patterns of LIST and LSUB take the wildcards
// without a quirk, in strict mode too, and decode as mailbox names do.
func TestReadListMailbox(t *testing.T) {
	cases := []struct {
		in, want string
		utf8     bool
		quirks   int
	}{
		{in: "%", want: "%"},
		{in: "*", want: "*"},
		{in: "Work/%", want: "Work/%"},
		{in: "~peter/mail/&U,BTFw-/*", want: "~peter/mail/台北/*"},
		{in: `"Work/*"`, want: "Work/*"},
		{in: "{6}\r\nWork/%", want: "Work/%"},
		{in: "inbox", want: "INBOX"},
		{in: "[Gmail]/%", want: "[Gmail]/%"},
		{in: `"Entwürfe/%"`, want: "Entwürfe/%", utf8: true},
		// UTF8=ACCEPT allows UTF-8 in quoted strings, not in atoms.
		{in: "Entwürfe/%", want: "Entwürfe/%", utf8: true, quirks: 1},
		{in: "Entwürfe/%", want: "Entwürfe/%", quirks: 1},
	}
	for _, c := range cases {
		for _, strict := range []bool{false, true} {
			if strict && c.quirks > 0 {
				continue
			}
			for rname, r := range readers(c.in + " x\r\n") {
				d := NewDecoder(r, Strict(strict), UTF8(c.utf8))
				var got string
				var err error
				for {
					if got, err = d.ReadListMailbox(); err != errFlaky {
						break
					}
				}
				if err != nil || got != c.want || len(d.Quirks()) != c.quirks {
					t.Errorf("%q strict=%v %s: %q, %v, quirks %v; want %q", c.in, strict, rname, got, err, d.Quirks(), c.want)
				}
			}
		}
	}
	d := NewDecoder(strings.NewReader("(x) y\r\n"))
	if _, err := d.ReadListMailbox(); err == nil {
		t.Error("a list read as a pattern")
	}
}
