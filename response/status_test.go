package response

import (
	"testing"

	"github.com/mailwire/imap/wire"
)

var statusCases = []testCase{
	{name: "greeting ok", in: "* OK IMAP4rev2 server ready\r\n",
		want: &Status{Type: OK, Text: "IMAP4rev2 server ready"}},
	{name: "greeting preauth", in: "* PREAUTH IMAP4rev2 server logged in as Smith\r\n",
		want: &Status{Type: PREAUTH, Text: "IMAP4rev2 server logged in as Smith"}},
	{name: "greeting bye", in: "* BYE Autologout; idle for too long\r\n",
		want: &Status{Type: BYE, Text: "Autologout; idle for too long"}},
	{name: "tagged ok", in: "a002 OK [READ-WRITE] SELECT completed\r\n",
		want: &Status{Tag: "a002", Type: OK, Code: CodeReadWrite, Text: "SELECT completed"}},
	{name: "tagged no", in: "A003 NO [TRYCREATE] No such mailbox\r\n",
		want: &Status{Tag: "A003", Type: NO, Code: CodeTryCreate, Text: "No such mailbox"}},
	{name: "tagged bad", in: "a1 BAD Error in IMAP command received by server.\r\n",
		want: &Status{Tag: "a1", Type: BAD, Text: "Error in IMAP command received by server."}},
	{name: "lower case", in: "a1 ok done\r\n", canon: "a1 OK done\r\n",
		want: &Status{Tag: "a1", Type: OK, Text: "done"}},
	{name: "empty text", in: "* OK \r\n", want: &Status{Type: OK}},
	{name: "code, empty text", in: "* OK [ALERT] \r\n", want: &Status{Type: OK, Code: CodeAlert}},
	{name: "code without text (Gmail)", in: "* OK [HIGHESTMODSEQ 715194045007]\r\n",
		canon:  "* OK [HIGHESTMODSEQ 715194045007] \r\n",
		want:   &Status{Type: OK, Code: HighestModSeqCode{ModSeq: 715194045007}},
		quirks: []string{"code-without-text@33"}},
	{name: "text right after the code", in: "* OK [ALERT]System going down\r\n", canon: "* OK [ALERT] System going down\r\n",
		want: &Status{Type: OK, Code: CodeAlert, Text: "System going down"}, quirks: []string{"code-without-space@12"}},
	{name: "continuation: text right after the code", in: "+ [ALERT]x\r\n", canon: "+ [ALERT] x\r\n",
		want: &Continuation{Code: CodeAlert, Text: "x"}, quirks: []string{"code-without-space@9"}},
	{name: "no text", in: "* OK\r\n", canon: "* OK \r\n",
		want: &Status{Type: OK}, quirks: []string{"code-without-text@4"}},
	{name: "exchange error code", in: "R1 OK [Error=\"Cross Server access\" Proxy=x:1993:SSL] AUTHENTICATE completed.\r\n",
		want:   &Status{Tag: "R1", Type: OK, Text: "[Error=\"Cross Server access\" Proxy=x:1993:SSL] AUTHENTICATE completed."},
		quirks: []string{"bad-response-code@6"}},
	{name: "latin-1 text", in: "* NO Mailbox d\xe9j\xe0 there\r\n", canon: "* NO Mailbox d\uFFFDj\uFFFD there\r\n",
		want: &Status{Type: NO, Text: "Mailbox d\uFFFDj\uFFFD there"}, quirks: []string{"eight-bit@14"}},
	{name: "utf-8 text", in: "* NO Mailbox déjà there\r\n",
		want: &Status{Type: NO, Text: "Mailbox déjà there"}},
	{name: "continuation", in: "+ Ready for additional command text\r\n",
		want: &Continuation{Text: "Ready for additional command text"}},
	{name: "continuation base64", in: "+ YGgGCSqGSIb3EgECAgIBAAD/////6jcyG4GE3KkTzBeBiVHeceP2CWY0SR0fAQAgAAQEBAQ=\r\n",
		want: &Continuation{Text: "YGgGCSqGSIb3EgECAgIBAAD/////6jcyG4GE3KkTzBeBiVHeceP2CWY0SR0fAQAgAAQEBAQ="}},
	{name: "continuation empty", in: "+ \r\n", want: &Continuation{}},
	{name: "continuation no space (Yandex)", in: "+\r\n", canon: "+ \r\n",
		want: &Continuation{}, quirks: []string{"continuation-no-space@1"}},
	{name: "continuation code", in: "+ [ALERT] go on\r\n",
		want: &Continuation{Code: CodeAlert, Text: "go on"}},
	{name: "unknown", in: "* XFOO bar (1 \"x y\" NIL) {3}\r\nabc\r\n",
		canon: "* XFOO bar (1 \"x y\" NIL) \"abc\"\r\n",
		want: &Unknown{Name: "XFOO", Args: []wire.Value{
			{Kind: wire.KindAtom, Bytes: []byte("bar")},
			{Kind: wire.KindList, Items: []wire.Value{
				{Kind: wire.KindNumber, Num: 1, Bytes: []byte("1")},
				{Kind: wire.KindString, Bytes: []byte("x y")},
				{Kind: wire.KindNIL, Bytes: []byte("NIL")},
			}},
			{Kind: wire.KindString, Bytes: []byte("abc")},
		}}},
	{name: "unknown numbered", in: "* 7 XBAR\r\n", want: &Unknown{Number: 7, HasNumber: true, Name: "XBAR"}},
}

var statusErrorCases = []errorCase{
	{name: "tagged bye", in: "a1 BYE x\r\n", off: 3},
	{name: "tagged preauth", in: "a1 PREAUTH x\r\n", off: 3},
	{name: "not a status", in: "a1 FETCH x\r\n", off: 3},
	{name: "no space after star", in: "*OK x\r\n", off: 1},
	{name: "nul in text", in: "* OK a\x00b\r\n", off: 6},
	{name: "unclosed code", in: "* OK [UIDNEXT 4 x\r\n", off: 17},
}

func init() {
	allCases = append(allCases, statusCases...)
	allErrorCases = append(allErrorCases, statusErrorCases...)
}

func TestStatus(t *testing.T)       { checkCases(t, statusCases) }
func TestStatusErrors(t *testing.T) { checkErrorCases(t, statusErrorCases) }

func TestContinuationBase64(t *testing.T) {
	for _, c := range []struct {
		c    Continuation
		want string
		ok   bool
	}{
		{Continuation{Text: "SGVsbG8sIHdvcmxkIQ=="}, "Hello, world!", true},
		{Continuation{}, "", true},
		{Continuation{Text: "Ready for additional command text"}, "", false},
		{Continuation{Code: SimpleCode("ALERT"), Text: "AAAA"}, "", false},
	} {
		got, err := c.c.Base64()
		if (err == nil) != c.ok || string(got) != c.want {
			t.Errorf("%+v: %q, %v; want %q, ok %v", c.c, got, err, c.want, c.ok)
		}
	}
}
