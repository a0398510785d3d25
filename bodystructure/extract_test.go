package bodystructure

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// sectionMsg is a message whose sections were fetched from Dovecot 2.3.
const sectionMsg = "From: a@b\r\nSubject: s\r\nX-Foo: one\r\n two\r\nMIME-Version: 1.0\r\n" +
	"Content-Type: multipart/mixed; boundary=XX\r\nx-foo: three\r\n\r\npre\r\n" +
	"--XX\r\nContent-Type: text/plain\r\nX-Foo: p1\r\n\r\nhello\r\n" +
	"--XX\r\nContent-Type: message/rfc822\r\n\r\nFrom: in@x\r\nSubject: inner\r\nX-Foo: in\r\n\r\ninner body\r\n" +
	"--XX\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\naGVs\r\nbG8g\r\nd29y bGQ=\r\n" +
	"--XX\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\na=3Db=\r\nc  \r\nd=\r\ne=3d\tx \r\n\r\nf\r\n" +
	"--XX--\r\nepi\r\n"

func TestSection(t *testing.T) {
	m := build(t, sectionMsg)
	src := strings.NewReader(sectionMsg)
	for _, c := range []struct {
		section string
		want    string // Dovecot's answer
	}{
		{"HEADER.FIELDS (x-foo SUBJECT)", "Subject: s\r\nX-Foo: one\r\n two\r\nx-foo: three\r\n\r\n"},
		{"HEADER.FIELDS.NOT (x-foo Subject from)", "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n"},
		{"HEADER.FIELDS (nothere)", "\r\n"},
		{"1", "hello"},
		{"1.MIME", "Content-Type: text/plain\r\nX-Foo: p1\r\n\r\n"},
		{"2.MIME", "Content-Type: message/rfc822\r\n\r\n"},
		{"2.HEADER", "From: in@x\r\nSubject: inner\r\nX-Foo: in\r\n\r\n"},
		{"2.TEXT", "inner body"},
		{"2", "From: in@x\r\nSubject: inner\r\nX-Foo: in\r\n\r\ninner body"},
		{"2.1", "inner body"},
		{"2.1.MIME", "From: in@x\r\nSubject: inner\r\nX-Foo: in\r\n\r\n"},
		{"2.HEADER.FIELDS (x-foo)", "X-Foo: in\r\n\r\n"},
		{"1.1", "hello"},
		{"3.MIME", "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n"},
		{"HEADER", "From: a@b\r\nSubject: s\r\nX-Foo: one\r\n two\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\nx-foo: three\r\n\r\n"},
		{"", sectionMsg},
		{"TEXT", sectionMsg[strings.Index(sectionMsg, "\r\n\r\n")+4:]},
	} {
		s, err := ParseSection(c.section)
		if err != nil {
			t.Fatal(err)
		}
		r, n, err := m.Section(src, s)
		if err != nil {
			t.Errorf("BODY[%s]: %v", c.section, err)
			continue
		}
		b, err := io.ReadAll(r)
		if err != nil || string(b) != c.want || n != int64(len(b)) {
			t.Errorf("BODY[%s] = %q (%d announced, %v), want %q", c.section, b, n, err, c.want)
		}
	}
	// Dovecot answers "" for these; Section says why.
	for _, c := range []string{"7", "2.2", "1.HEADER", "1.TEXT", "2.1.HEADER", "3.HEADER.FIELDS (From)"} {
		s, _ := ParseSection(c)
		if _, _, err := m.Section(src, s); !errors.Is(err, ErrNoPart) {
			t.Errorf("BODY[%s]: %v, want ErrNoPart", c, err)
		}
	}
	if _, _, err := m.Section(src, Section{Specifier: SpecifierMIME}); !errors.Is(err, ErrMIMEWithoutPart) {
		t.Errorf("BODY[MIME]: %v", err)
	}
}

// TestSectionCanonical checks that sections of a message with bare LF, a CR
// before CRLF, NUL and a final CR are read as Dovecot gives them.
func TestSectionCanonical(t *testing.T) {
	msg := "Subject: a\rb\r\n\r\nx\ry\r\r\nz\r\r\r\nw\n\rq\x00\r"
	m := build(t, msg)
	r, n, err := m.Section(strings.NewReader(msg), Section{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r)
	const want = "Subject: a\rb\r\n\r\nx\ry\r\nz\r\r\nw\r\n\rq\x80"
	if string(b) != want || n != int64(len(want)) || m.Size != n {
		t.Errorf("BODY[] = %q (%d, size %d), want %q", b, n, m.Size, want)
	}
	// A source shorter than the message Build saw.
	r, _, _ = m.Section(strings.NewReader(msg[:10]), Section{})
	if _, err := io.ReadAll(r); err != io.ErrUnexpectedEOF {
		t.Errorf("short source: %v", err)
	}
}

func TestBinary(t *testing.T) {
	m := build(t, sectionMsg)
	src := strings.NewReader(sectionMsg)
	for _, c := range []struct {
		part []int
		want string // Dovecot's BINARY[part]
	}{
		{[]int{1}, "hello"},
		{[]int{2}, "From: in@x\r\nSubject: inner\r\nX-Foo: in\r\n\r\ninner body"},
		{[]int{3}, "hello world"},
		{[]int{4}, "a=bc\r\nde=\tx\r\n\r\nf"},
		{[]int{2, 1}, "inner body"},
		{nil, strings.NewReplacer(
			"Content-Transfer-Encoding: base64\r\n\r\naGVs\r\nbG8g\r\nd29y bGQ=",
			"Content-Transfer-Encoding: binary\r\n\r\nhello world",
			"Content-Transfer-Encoding: quoted-printable\r\n\r\na=3Db=\r\nc  \r\nd=\r\ne=3d\tx \r\n\r\nf",
			"Content-Transfer-Encoding: binary\r\n\r\na=bc\r\nde=\tx\r\n\r\nf").Replace(sectionMsg)},
	} {
		r, err := m.Binary(src, c.part)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil || string(b) != c.want {
			t.Errorf("BINARY[%v] = %q, %v, want %q", c.part, b, err, c.want)
		}
		n, err := m.BinarySize(src, c.part)
		if err != nil || n != int64(len(c.want)) {
			t.Errorf("BINARY.SIZE[%v] = %d, %v, want %d", c.part, n, err, len(c.want))
		}
	}
	if _, err := m.Binary(src, []int{7}); !errors.Is(err, ErrNoPart) {
		t.Errorf("BINARY[7]: %v", err)
	}
	const uu = "Content-Transfer-Encoding: x-uuencode\r\n\r\nzz\r\n"
	if _, err := build(t, uu).Binary(strings.NewReader(uu), []int{1}); !errors.Is(err, ErrUnknownCTE) {
		t.Errorf("unknown CTE: %v", err)
	}
}

// TestDecoders checks base64 and quoted-printable decoding against
// Dovecot's BINARY answers; "ERR" is Dovecot's NO [PARSE] (or its dropping
// the connection, for input cut short).
func TestDecoders(t *testing.T) {
	for _, c := range []struct{ cte, body, want string }{
		{"base64", "aGVsbG8=", "hello"},
		{"base64", "aGVsbG8", "ERR"},
		{"base64", "aGVs!bG8=", "ERR"},
		{"base64", "aGVsbG8=aGk=", "ERR"},
		{"base64", "aGVsbG8=\r\n\r\n", "hello"},
		{"base64", "aGVsbG8===", "ERR"},
		{"base64", "a", "ERR"},
		{"base64", " aG Vs\tbG8 = ", "hello"},
		{"base64", "aGVsbG-_", "ERR"},
		{"quoted-printable", "a=\r\nb", "ab"},
		{"quoted-printable", "a= \r\nb", "ab"},
		{"quoted-printable", "a=4", "ERR"},
		{"quoted-printable", "a=4g", "ERR"},
		{"quoted-printable", "a=4a", "aJ"},
		{"quoted-printable", "a \t ", "a"},
		{"quoted-printable", "a=\r\n", "a"},
		{"quoted-printable", "a=3D=3d", "a=="},
		{"quoted-printable", "a\rb", "ERR"},
		{"quoted-printable", "caf\xe9", "caf\xe9"},
		{"quoted-printable", "x=\r\n\r\n", "x\r\n"},
		{"quoted-printable", "=", "ERR"},
		{"quoted-printable", "a==41", "ERR"},
	} {
		msg := "Content-Transfer-Encoding: " + c.cte + "\r\nContent-Type: application/x\r\n\r\n" + c.body
		m := build(t, msg)
		r, err := m.Binary(strings.NewReader(msg), []int{1})
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		got := string(b)
		if err != nil {
			if !errors.Is(err, ErrBadEncoding) {
				t.Errorf("%s %q: %v", c.cte, c.body, err)
			}
			got = "ERR"
		}
		if got != c.want {
			t.Errorf("%s %q = %q, want %q", c.cte, c.body, got, c.want)
		}
	}
}

// TestBinaryChunked reads every part of the corpus through small reads.
func TestBinaryChunked(t *testing.T) {
	for name, msg := range testdataMessages(t) {
		m, err := Build(bytes.NewReader(msg))
		if err != nil {
			t.Fatal(err)
		}
		src := bytes.NewReader(msg)
		m.Body.Walk(func(part []int, _ *Body) bool {
			r, err := m.Binary(src, part)
			if err != nil {
				return true
			}
			whole, err1 := io.ReadAll(r)
			r, _ = m.Binary(src, part)
			small, err2 := io.ReadAll(iotest.OneByteReader(r))
			if !bytes.Equal(whole, small) || (err1 == nil) != (err2 == nil) {
				t.Errorf("%s %v: one-byte reads differ", name, part)
			}
			return true
		})
	}
}
