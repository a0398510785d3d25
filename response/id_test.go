package response

import (
	"testing"

	"github.com/mailwire/imap/wire"
)

var idCases = []testCase{
	{name: "RFC 2971 §3.1 example, NIL", in: "* ID NIL\r\n", want: &ID{}},
	{name: "RFC 2971 §3.1 example, Cyrus",
		in: "* ID (\"name\" \"Cyrus\" \"version\" \"1.5\" \"os\" \"sunos\" \"os-version\" \"5.5\" \"support-url\" \"mailto:cyrus-bugs+@andrew.cmu.edu\")\r\n",
		want: &ID{Params: []IDParam{
			{Key: "name", Value: wire.Str("Cyrus")}, {Key: "version", Value: wire.Str("1.5")}, {Key: "os", Value: wire.Str("sunos")},
			{Key: "os-version", Value: wire.Str("5.5")}, {Key: "support-url", Value: wire.Str("mailto:cyrus-bugs+@andrew.cmu.edu")},
		}}},
	{name: "Gmail (IMAP Extensions page)",
		in: "* ID (\"name\" \"GImap\" \"vendor\" \"Google, Inc.\" \"support-url\" \"http://mail.google.com/support\" \"remote-host\" \"127.0.0.1\")\r\n",
		want: &ID{Params: []IDParam{
			{Key: "name", Value: wire.Str("GImap")}, {Key: "vendor", Value: wire.Str("Google, Inc.")},
			{Key: "support-url", Value: wire.Str("http://mail.google.com/support")}, {Key: "remote-host", Value: wire.Str("127.0.0.1")},
		}}},
	{name: "Dovecot default", in: "* ID (\"name\" \"Dovecot\")\r\n",
		want: &ID{Params: []IDParam{{Key: "name", Value: wire.Str("Dovecot")}}}},
	{name: "RFC 2971 §4 NIL value", in: "* ID (\"name\" \"Dovecot\" \"version\" NIL)\r\n",
		want: &ID{Params: []IDParam{{Key: "name", Value: wire.Str("Dovecot")}, {Key: "version", Value: wire.NString{}}}}},
	{name: "RFC 2971 §4 empty value", in: "* ID (\"name\" \"\")\r\n",
		want: &ID{Params: []IDParam{{Key: "name", Value: wire.Str("")}}}},
	{name: "RFC 2971 §4 empty list", in: "* ID ()\r\n", want: &ID{Params: []IDParam{}}},
	{name: "literal value", in: "* ID (\"environment\" {9}\r\nLANG=C.UT)\r\n", canon: "* ID (\"environment\" \"LANG=C.UT\")\r\n",
		want: &ID{Params: []IDParam{{Key: "environment", Value: wire.Str("LANG=C.UT")}}}},
	{name: "literal key", in: "* ID ({4}\r\nname \"x\")\r\n", canon: "* ID (\"name\" \"x\")\r\n",
		want: &ID{Params: []IDParam{{Key: "name", Value: wire.Str("x")}}}},
	{name: "value with a line break", in: "* ID (\"name\" {3}\r\na\r\n)\r\n",
		want: &ID{Params: []IDParam{{Key: "name", Value: wire.Str("a\r\n")}}}},
	{name: "nil in lower case", in: "* id nil\r\n", canon: "* ID NIL\r\n", want: &ID{}},
	{name: "trailing space (Office 365, Yahoo shape)", in: "* ID (\"name\" \"Example\" \"version\" \"1.0\") \r\n",
		canon:  "* ID (\"name\" \"Example\" \"version\" \"1.0\")\r\n",
		want:   &ID{Params: []IDParam{{Key: "name", Value: wire.Str("Example")}, {Key: "version", Value: wire.Str("1.0")}}},
		quirks: []string{"trailing-space@39"}},
	{name: "space before ')'", in: "* ID (\"name\" \"x\" )\r\n", canon: "* ID (\"name\" \"x\")\r\n",
		want: &ID{Params: []IDParam{{Key: "name", Value: wire.Str("x")}}}, quirks: []string{"space-before-paren@16"}},
}

var idErrorCases = []errorCase{
	{name: "nothing", in: "* ID\r\n", off: 4},
	{name: "a string instead of a list", in: "* ID \"name\"\r\n", off: 5},
	{name: "an atom instead of NIL", in: "* ID NILS\r\n", off: 5},
	{name: "a key without a value", in: "* ID (\"name\")\r\n", off: 12},
	{name: "an atom key", in: "* ID (name \"x\")\r\n", off: 6},
	{name: "an atom value", in: "* ID (\"name\" x)\r\n", off: 13},
	{name: "unclosed list", in: "* ID (\"name\" \"x\"\r\n", off: 16},
}

var idRefusals = []refuseCase{
	{name: "key with a NUL", r: &ID{Params: []IDParam{{Key: "na\x00me", Value: wire.Str("x")}}}},
	{name: "value with a NUL", r: &ID{Params: []IDParam{{Key: "name", Value: wire.Str("x\x00")}}}},
}

func init() {
	allCases = append(allCases, idCases...)
	allErrorCases = append(allErrorCases, idErrorCases...)
}

func TestID(t *testing.T)         { checkCases(t, idCases) }
func TestIDErrors(t *testing.T)   { checkErrorCases(t, idErrorCases) }
func TestIDRefusals(t *testing.T) { checkRefusals(t, idRefusals) }

func TestIDGet(t *testing.T) {
	id := &ID{Params: []IDParam{{Key: "Name", Value: wire.Str("Dovecot")}, {Key: "version", Value: wire.NString{}}, {Key: "name", Value: wire.Str("other")}}}
	if v, ok := id.Get("NAME"); !ok || v != wire.Str("Dovecot") {
		t.Errorf("Get(NAME) = %v, %v; want Dovecot, true", v, ok)
	}
	if v, ok := id.Get("version"); !ok || v.Valid {
		t.Errorf("Get(version) = %v, %v; want NIL, true", v, ok)
	}
	if v, ok := id.Get("os"); ok || v.Valid {
		t.Errorf("Get(os) = %v, %v; want NIL, false", v, ok)
	}
	if _, ok := (&ID{}).Get("name"); ok {
		t.Error("Get on ID NIL found a field")
	}
}
