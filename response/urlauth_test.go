package response

import (
	"testing"

	"github.com/mailwire/imap/bodystructure"
	"github.com/mailwire/imap/literal"
	"github.com/mailwire/imap/wire"
)

const (
	urlauthURL  = "imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred:internal:91354a473744909de610943775f92038"
	urlauthURL2 = "imap://joe@example.com/INBOX/;uid=20/;section=1.3;urlauth=anonymous:internal:b8b8ee0e0e2e1eb2c6e4e6a4f36d4f2a"
)

var urlauthCases = []testCase{
	{name: "RFC 4467 GENURLAUTH example", in: "* GENURLAUTH \"" + urlauthURL + "\"\r\n",
		canon: "* GENURLAUTH " + urlauthURL + "\r\n",
		want:  &GenURLAuth{URLs: []string{urlauthURL}}},
	{name: "RFC 4467 §9 two URLs", in: "* GENURLAUTH \"" + urlauthURL + "\" \"" + urlauthURL2 + "\"\r\n",
		canon: "* GENURLAUTH " + urlauthURL + " " + urlauthURL2 + "\r\n",
		want:  &GenURLAuth{URLs: []string{urlauthURL, urlauthURL2}}},
	{name: "RFC 4467 §9 URL with a percent sign", in: "* GENURLAUTH \"imap://joe@example.com/Sent%20Items/;uid=3;urlauth=anonymous:internal:00\"\r\n",
		want: &GenURLAuth{URLs: []string{"imap://joe@example.com/Sent%20Items/;uid=3;urlauth=anonymous:internal:00"}}},
	{name: "GENURLAUTH trailing space", in: "* GENURLAUTH a \r\n", canon: "* GENURLAUTH a\r\n",
		want: &GenURLAuth{URLs: []string{"a"}}, quirks: []string{"trailing-space@14"}},

	{name: "RFC 4467 URLFETCH example", in: "* URLFETCH \"" + urlauthURL + "\" {28}\r\nSi vis pacem, para bellum.\r\n\r\n",
		canon: "* URLFETCH " + urlauthURL + " {28}\r\nSi vis pacem, para bellum.\r\n\r\n",
		want:  &URLFetch{Items: []URLFetchItem{{URL: urlauthURL, Data: wire.Str("Si vis pacem, para bellum.\r\n")}}}},
	{name: "RFC 4467 §9 URLFETCH NIL: URL not valid", in: "* URLFETCH \"" + urlauthURL + "\" NIL\r\n",
		canon: "* URLFETCH " + urlauthURL + " NIL\r\n",
		want:  &URLFetch{Items: []URLFetchItem{{URL: urlauthURL}}}},
	{name: "RFC 4467 §9 URLFETCH two URLs", in: "* URLFETCH \"" + urlauthURL + "\" \"body\" \"" + urlauthURL2 + "\" NIL\r\n",
		canon: "* URLFETCH " + urlauthURL + " \"body\" " + urlauthURL2 + " NIL\r\n",
		want:  &URLFetch{Items: []URLFetchItem{{URL: urlauthURL, Data: wire.Str("body")}, {URL: urlauthURL2}}}},
	{name: "RFC 5524 §3.2 extended form", in: "* URLFETCH " + urlauthURL + " (BODYPARTSTRUCTURE (\"IMAGE\" \"PNG\" NIL NIL NIL \"BINARY\" 3)) (BINARY ~{3}\r\n\x89P\x00)\r\n",
		want: &URLFetch{Items: []URLFetchItem{{URL: urlauthURL, Metadata: []URLFetchMetadata{
			{Name: "BODYPARTSTRUCTURE", Body: &bodystructure.Body{Type: "IMAGE", Subtype: "PNG", Encoding: "BINARY", Size: 3}},
			{Name: "BINARY", Data: wire.Str("\x89P\x00")},
		}}}},
		opts: []wire.Option{wire.LiteralPolicy(literal.Policy{Binary: true})}},
	{name: "Dovecot 2.3 grouped metadata", in: "* URLFETCH a (BODYPARTSTRUCTURE (\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"8bit\" 5 1 NIL NIL NIL NIL) BINARY {5}\r\nhello)\r\n",
		canon: "* URLFETCH a (BODYPARTSTRUCTURE (\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"8bit\" 5 1 NIL NIL NIL NIL)) (BINARY {5}\r\nhello)\r\n",
		want: &URLFetch{Items: []URLFetchItem{{URL: "a", Metadata: []URLFetchMetadata{
			{Name: "BODYPARTSTRUCTURE", Body: &bodystructure.Body{Type: "text", Subtype: "plain",
				Params: []bodystructure.Param{{Name: "charset", Value: "utf-8"}}, Encoding: "8bit", Size: 5, Lines: 1,
				Ext: &bodystructure.Extension{}}},
			{Name: "BINARY", Data: wire.Str("hello")},
		}}}},
		quirks: []string{"grouped-metadata@104"}},
	{name: "RFC 5524 §3.2 extended form, then a plain item", in: "* URLFETCH a (body NIL) (binary NIL) b \"x\"\r\n",
		canon: "* URLFETCH a (BODY NIL) (BINARY NIL) b \"x\"\r\n",
		want: &URLFetch{Items: []URLFetchItem{
			{URL: "a", Metadata: []URLFetchMetadata{{Name: "BODY"}, {Name: "BINARY"}}},
			{URL: "b", Data: wire.Str("x")},
		}}},
	{name: "URLFETCH unknown metadata", in: "* URLFETCH a (X-FOO (1))\r\n",
		want: &URLFetch{Items: []URLFetchItem{{URL: "a", Metadata: []URLFetchMetadata{
			{Name: "X-FOO", Value: wire.Value{Kind: wire.KindList, Items: []wire.Value{{Kind: wire.KindNumber, Num: 1, Bytes: []byte("1")}}}}}}}}},
	{name: "URLFETCH space before paren", in: "* URLFETCH a (BODY \"x\" )\r\n", canon: "* URLFETCH a (BODY {1}\r\nx)\r\n",
		want:   &URLFetch{Items: []URLFetchItem{{URL: "a", Metadata: []URLFetchMetadata{{Name: "BODY", Data: wire.Str("x")}}}}},
		quirks: []string{"space-before-paren@22"}},
}

var urlauthErrorCases = []errorCase{
	{name: "GENURLAUTH without URL", in: "* GENURLAUTH\r\n", off: int64(len("* GENURLAUTH"))},
	{name: "GENURLAUTH trailing space only", in: "* GENURLAUTH \r\n", off: int64(len("* GENURLAUTH"))},
	{name: "GENURLAUTH list", in: "* GENURLAUTH (a)\r\n", off: int64(len("* GENURLAUTH "))},
	{name: "URLFETCH without URL", in: "* URLFETCH\r\n", off: int64(len("* URLFETCH"))},
	{name: "URLFETCH without data", in: "* URLFETCH a\r\n", off: int64(len("* URLFETCH a"))},
	{name: "URLFETCH data an atom", in: "* URLFETCH a b\r\n", off: int64(len("* URLFETCH a "))},
	{name: "URLFETCH metadata after data", in: "* URLFETCH a \"x\" (BODY NIL)\r\n", off: int64(len("* URLFETCH a \"x\" "))},
	{name: "URLFETCH empty metadata", in: "* URLFETCH a ()\r\n", off: int64(len("* URLFETCH a ("))},
	{name: "URLFETCH metadata without value", in: "* URLFETCH a (BODY)\r\n", off: int64(len("* URLFETCH a (BODY"))},
	{name: "URLFETCH metadata with two values", in: "* URLFETCH a (BODY NIL NIL)\r\n", off: int64(len("* URLFETCH a (BODY NIL NIL"))},
	{name: "URLFETCH literal8 in BODY", in: "* URLFETCH a (BODY ~{1}\r\nx)\r\n", off: int64(len("* URLFETCH a (BODY ")),
		opts: []wire.Option{wire.LiteralPolicy(literal.Policy{Binary: true})}},
	{name: "URLFETCH metadata name not an atom", in: "* URLFETCH a (\"BODY\" NIL)\r\n", off: int64(len("* URLFETCH a ("))},
}

func init() {
	allCases = append(allCases, urlauthCases...)
	allErrorCases = append(allErrorCases, urlauthErrorCases...)
}

func TestURLAuth(t *testing.T)       { checkCases(t, urlauthCases) }
func TestURLAuthErrors(t *testing.T) { checkErrorCases(t, urlauthErrorCases) }

func TestURLAuthEncodeRefuses(t *testing.T) {
	checkRefused(t,
		&GenURLAuth{},
		&URLFetch{},
		&URLFetch{Items: []URLFetchItem{{URL: "a", Data: wire.Str("x"), Metadata: []URLFetchMetadata{{Name: "BODY"}}}}},
		&URLFetch{Items: []URLFetchItem{{URL: "a", Metadata: []URLFetchMetadata{{Name: "X-FOO"}}}}},
		&URLFetch{Items: []URLFetchItem{{URL: "a", Metadata: []URLFetchMetadata{{Name: "BODYPARTSTRUCTURE"}}}}},
		&URLFetch{Items: []URLFetchItem{{URL: "a", Metadata: []URLFetchMetadata{{Name: "A B", Value: wire.Value{Kind: wire.KindNIL}}}}}},
		&URLFetch{Items: []URLFetchItem{{URL: "a", Metadata: []URLFetchMetadata{{Name: "BODY", Value: wire.Value{Kind: wire.KindText, Bytes: []byte("x")}}}}}},
	)
}
