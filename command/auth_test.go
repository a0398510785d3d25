package command

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"github.com/mailwire/imap/wire"
)

func init() {
	allCases = append(allCases, []testCase{
		{name: "RFC 9051 §6.1.1 CAPABILITY", in: "abcd CAPABILITY\r\n", want: &Capability{}},
		{name: "RFC 9051 §6.1.2 NOOP", in: "a002 NOOP\r\n", want: &Noop{}},
		{name: "NOOP in lower case", in: "a002 noop\r\n", want: &Noop{}, canon: "a002 NOOP\r\n"},
		{name: "RFC 9051 §6.1.3 LOGOUT", in: "A023 LOGOUT\r\n", want: &Logout{}},
		{name: "RFC 9051 §6.2.1 STARTTLS", in: "a001 STARTTLS\r\n", want: &StartTLS{}},
		{name: "RFC 9051 §6.3.10 NAMESPACE", in: "A001 NAMESPACE\r\n", want: &Namespace{}},
		{name: "RFC 9051 §6.3.13 IDLE", in: "A002 IDLE\r\n", want: &Idle{}},
		{name: "RFC 9051 §6.3.13 DONE", in: "DONE\r\n", want: &Done{}},
		{name: "done in lower case", in: "done\r\n", want: &Done{}, canon: "DONE\r\n"},
		{name: "RFC 3501 §6.4.1 CHECK", in: "FXXZ CHECK\r\n", want: &Check{}},
		{name: "RFC 9051 §6.4.1 CLOSE", in: "A341 CLOSE\r\n", want: &Close{}},
		{name: "RFC 3691 UNSELECT", in: "A342 UNSELECT\r\n", want: &Unselect{}},
		{name: "RFC 8437 UNAUTHENTICATE", in: "a UNAUTHENTICATE\r\n", want: &Unauthenticate{}},
		{name: "tag with a bracket", in: "a]1 NOOP\r\n", want: &Noop{}},

		{name: "RFC 9051 §6.2.2 AUTHENTICATE GSSAPI", in: "A001 AUTHENTICATE GSSAPI\r\n", want: &Authenticate{Mechanism: "GSSAPI"}},
		{name: "RFC 4959 initial response", in: "a AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=\r\n",
			want: &Authenticate{Mechanism: "PLAIN", InitialResponse: NewSecret("test\x00test\x00test"), HasInitialResponse: true}},
		{name: "RFC 4959 empty initial response", in: "a AUTHENTICATE EXTERNAL =\r\n",
			want: &Authenticate{Mechanism: "EXTERNAL", HasInitialResponse: true}},
		{name: "mechanism in lower case", in: "a AUTHENTICATE plain\r\n", want: &Authenticate{Mechanism: "PLAIN"},
			canon: "a AUTHENTICATE PLAIN\r\n"},
		{name: "RFC 9051 §6.2.2 client response", prior: "A001 AUTHENTICATE GSSAPI\r\n",
			in:   "YIIB+wYJKoZIhvcSAQICAQBuggHqMIIB5qADAgEFoQMCAQ6iBwMFACAAAACjggEmYYIBIjCCAR6gAwIBBaESGxB1Lndhc2hpbmd0b24uZWR1oi0wK6ADAgEDoSQwIhsEaW1hcBsac2hpdmFtcy5jYWMud2FzaGluZ3Rvbi5lZHWjgdMwgdCgAwIBAaEDAgEDooHDBIHAAAAAAA==\r\n",
			want: &AuthResponse{Data: NewSecret(mustBase64("YIIB+wYJKoZIhvcSAQICAQBuggHqMIIB5qADAgEFoQMCAQ6iBwMFACAAAACjggEmYYIBIjCCAR6gAwIBBaESGxB1Lndhc2hpbmd0b24uZWR1oi0wK6ADAgEDoSQwIhsEaW1hcBsac2hpdmFtcy5jYWMud2FzaGluZ3Rvbi5lZHWjgdMwgdCgAwIBAaEDAgEDooHDBIHAAAAAAA=="))}},
		{name: "empty client response", prior: "a AUTHENTICATE PLAIN\r\n", in: "\r\n", want: &AuthResponse{}},
		{name: "cancelled exchange", prior: "a AUTHENTICATE PLAIN\r\n", in: "*\r\n", want: &AuthResponse{Cancel: true}},
		{name: "a command after AUTHENTICATE", prior: "a AUTHENTICATE PLAIN\r\n*\r\n", in: "b NOOP\r\n", want: &Noop{}},

		{name: "RFC 9051 §6.2.3 LOGIN", in: "a001 LOGIN SMITH SESAME\r\n", want: &Login{Username: "SMITH", Password: NewSecret("SESAME")}},
		{name: "LOGIN with quoted strings", in: "a LOGIN \"fred smith\" \"p\\\"w\"\r\n", want: &Login{Username: "fred smith", Password: NewSecret(`p"w`)}},
		{name: "RFC 7888 LOGIN with literals", in: "A001 LOGIN {11+}\r\nFRED FOOBAR {7+}\r\nfat man\r\n",
			want: &Login{Username: "FRED FOOBAR", Password: NewSecret("fat man")}, canon: "A001 LOGIN \"FRED FOOBAR\" \"fat man\"\r\n"},

		{name: "RFC 5161 ENABLE", in: "t2 ENABLE CONDSTORE X-GOOD-IDEA\r\n", want: &Enable{Capabilities: []string{"CONDSTORE", "X-GOOD-IDEA"}}},
		{name: "RFC 9051 ENABLE UTF8=ACCEPT", in: "t ENABLE utf8=accept\r\n", want: &Enable{Capabilities: []string{"UTF8=ACCEPT"}}, canon: "t ENABLE UTF8=ACCEPT\r\n"},
		{name: "RFC 4978 COMPRESS", in: "a COMPRESS DEFLATE\r\n", want: &Compress{Mechanism: "DEFLATE"}},
		{name: "RFC 2971 ID", in: "a023 ID (\"name\" \"sodr\" \"version\" \"19.34\" \"vendor\" \"Pink Floyd Music Limited\")\r\n",
			want: &ID{Params: []IDParam{{Key: "name", Value: wire.Str("sodr")}, {Key: "version", Value: wire.Str("19.34")}, {Key: "vendor", Value: wire.Str("Pink Floyd Music Limited")}}}},
		{name: "RFC 2971 ID NIL", in: "a042 ID NIL\r\n", want: &ID{}},
		{name: "ID with a NIL value", in: "a ID (\"name\" NIL)\r\n", want: &ID{Params: []IDParam{{Key: "name"}}}},
		{name: "ID empty list", in: "a ID ()\r\n", want: &ID{Params: []IDParam{}}},

		{name: "unknown command", in: "a XYZZY 1 (2 \"x\") NIL\r\n", want: &Unknown{Name: "XYZZY", Args: []wire.Value{
			{Kind: wire.KindNumber, Bytes: []byte("1"), Num: 1},
			{Kind: wire.KindList, Items: []wire.Value{{Kind: wire.KindNumber, Bytes: []byte("2"), Num: 2}, {Kind: wire.KindString, Bytes: []byte("x")}}},
			{Kind: wire.KindNIL},
		}}},
		{name: "unknown command without arguments", in: "a X-FOO\r\n", want: &Unknown{Name: "X-FOO"}},
		{name: "unknown UID command", in: "a uid xfoo 1:2\r\n", want: &Unknown{Name: "UID XFOO", Args: []wire.Value{{Kind: wire.KindAtom, Bytes: []byte("1:2")}}},
			canon: "a UID XFOO 1:2\r\n"},
	}...)
	allErrorCases = append(allErrorCases, []errorCase{
		{name: "no command", in: "a1\r\n", off: 2},
		{name: "no tag", in: "+ NOOP\r\n", off: 0},
		{name: "UID of a command without a UID form", in: "a UID NOOP\r\n", off: 6},
		{name: "UID alone", in: "a UID\r\n", off: 5},
		{name: "LOGIN without password", in: "a LOGIN fred\r\n", off: 12},
		{name: "AUTHENTICATE bad base64", in: "a AUTHENTICATE PLAIN dGVzd\r\n", off: 21},
		{name: "ENABLE nothing", in: "a ENABLE\r\n", off: 8},
		{name: "ID not a list", in: "a ID foo\r\n", off: 5},
		{name: "ID odd list", in: "a ID (\"name\")\r\n", off: 12},
	}...)
}

func mustBase64(s string) string {
	b, err := decodeBase64([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func TestAuthResponseErrors(t *testing.T) {
	for _, in := range []string{"dGVzd\r\n", "*x\r\n"} {
		d := NewDecoder(stringsReader("a AUTHENTICATE PLAIN\r\n" + in + "b NOOP\r\n"))
		if _, _, err := d.ReadCommand(); err != nil {
			t.Fatal(err)
		}
		if _, _, err := d.ReadCommand(); err == nil {
			t.Errorf("%q: no error", in)
		}
		if err := d.Skip(); err != nil {
			t.Fatal(err)
		}
		if tag, c, err := d.ReadCommand(); err != nil || tag != "b" || c.Kind() != "NOOP" {
			t.Errorf("%q: after Skip: %q %v %v", in, tag, c, err)
		}
	}
}

func TestAuthRefusals(t *testing.T) {
	checkRefused(t,
		&Authenticate{},
		&Authenticate{Mechanism: "plain"},
		&Enable{},
		&Enable{Capabilities: []string{"A B"}},
		&Compress{Mechanism: ""},
		&AuthResponse{Cancel: true, Data: NewSecret("x")},
		&Unknown{Name: "NOOP"},
		&Unknown{Name: "x y"},
		&Unknown{Name: "uid"},
		&Unknown{Name: "UID"},
		&Unknown{Name: "UID NOOP"},
		&Unknown{Name: "UID x"},
		&Unknown{Name: "xfoo"},
	)
	checkRefusals(t, []refuseCase{
		{"DONE with a tag", "a", &Done{}},
		{"nil command", "a", nil},
		{"bad tag", "a+b", &Noop{}},
	})
	if b, err := AppendCommand(nil, "", &Noop{}); err == nil {
		t.Errorf("a command without a tag: %q", b)
	}
}

// TestAuthResponseLong: a client response longer than the decoder's buffer
// decodes whole; one longer than MaxLineBytes fails with ErrLineTooLong,
// and the decoder goes on after Skip.
func TestAuthResponseLong(t *testing.T) {
	data := strings.Repeat("0123456789abcdef", 8<<10) // 128 KiB
	line := base64.StdEncoding.EncodeToString([]byte(data))
	for _, c := range []struct {
		limit int64
		want  error
	}{{1 << 20, nil}, {64 << 10, wire.ErrLineTooLong}} {
		in := "a AUTHENTICATE PLAIN\r\n" + line + "\r\nb NOOP\r\n"
		d := NewDecoder(strings.NewReader(in), wire.MaxLineBytes(c.limit))
		if _, _, err := d.ReadCommand(); err != nil {
			t.Fatal(err)
		}
		_, cmd, err := d.ReadCommand()
		switch {
		case c.want == nil && err != nil:
			t.Fatalf("limit %d: %v", c.limit, err)
		case c.want == nil:
			if r, ok := cmd.(*AuthResponse); !ok || r.Data.Reveal() != data {
				t.Fatalf("limit %d: %T, not the data", c.limit, cmd)
			}
		case !errors.Is(err, c.want):
			t.Fatalf("limit %d: %v, want %v", c.limit, err, c.want)
		default:
			if err := d.Skip(); err != nil {
				t.Fatal(err)
			}
		}
		if tag, cmd, err := d.ReadCommand(); err != nil || tag != "b" || cmd.Kind() != "NOOP" {
			t.Errorf("limit %d: next: %q %v %v", c.limit, tag, cmd, err)
		}
	}
}
