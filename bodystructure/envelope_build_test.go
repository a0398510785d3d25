package bodystructure

import (
	"strings"
	"testing"

	"github.com/mailwire/imap/wire"
)

// TestAddressList checks address parsing against Dovecot 2.3's ENVELOPE for
// the same header (testdata/build/env_e*.eml), written here in a compact
// form: name/adl/mailbox/host with "-" for NIL, addresses separated by
// " | ".
func TestAddressList(t *testing.T) {
	for _, c := range []struct{ value, want string }{
		{`"Joe Q. Public" <john.q.public@example.com>`, `Joe Q. Public/-/john.q.public/example.com`},
		{`Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>`, `Mary Smith/-/mary/x.test | -/-/jdoe/example.org | Who?/-/one/y.test`},
		{`<boss@nil.test>, "Giant; \"Big\" Box" <sysservices@example.net>`, `-/-/boss/nil.test | Giant; "Big" Box/-/sysservices/example.net`},
		{`Pete(A nice \) chap) <pete(his account)@silly.test(his host)>`, `Pete/-/pete/silly.test`},
		{`A Group(Some people):Chris Jones <c@(Chris's host.)public.example>, joe@example.org, John <jdoe@one.test> (my dear friend); (the end of the group)`,
			`-/-/A Group/- | Chris Jones/-/c/public.example | -/-/joe/example.org | John/-/jdoe/one.test | -/-/-/-`},
		{`(Empty list)(start)Hidden recipients  :(nobody(that I know))  ;`, `-/-/Hidden recipients/- | -/-/-/-`},
		{`John Doe <jdoe@machine(comment).  example>`, `John Doe/-/jdoe/machine.example`},
		{`<@route1,@route2:user@host>`, `-/@route1,@route2/user/host`},
		{`user`, `-/-/user/MISSING_DOMAIN`},
		{`@host`, `-/-/MISSING_MAILBOX/host`},
		{`<>`, `-/-/MISSING_MAILBOX/MISSING_DOMAIN`},
		{`""@x`, `-/-//x`},
		{`"a b"@c, "a\"b"@c`, `-/-/a b/c | -/-/a"b/c`},
		{`a.b.c@d, a . b@c`, `-/-/a.b.c/d | a. b/-/MISSING_MAILBOX/MISSING_DOMAIN`},
		{`,a@b`, `-/-/MISSING_MAILBOX/MISSING_DOMAIN | -/-/a/b`},
		{`a@b,,c@d`, `-/-/a/b | -/-/MISSING_MAILBOX/MISSING_DOMAIN | -/-/c/d`},
		{`a@b c@d`, `-/-/a/b`},
		{`undisclosed-recipients:;`, `-/-/undisclosed-recipients/- | -/-/-/-`},
		{`g2:;, x@y`, `-/-/g2/- | -/-/-/- | -/-/x/y`},
		{`Name <a@b`, `Name/-/a/SYNTAX_ERROR`},
		{`<a@b>, <c@d`, `-/-/a/b | -/-/c/SYNTAX_ERROR`},
		{`a@[1.2.3.4]`, `-/-/a/[1.2.3.4]`},
		{`b@[ipv6:::1], c@[bad`, `-/-/b/[ipv6:::1] | -/-/c/MISSING_DOMAIN`},
		{`"Only Display Name"`, `Only Display Name/-/MISSING_MAILBOX/MISSING_DOMAIN`},
		{`a@b (c1) (c2)`, `c2/-/a/b`},
		{`<@r1:a>`, `-/@r1/a/MISSING_DOMAIN`},
		{`<@bad a@b>`, `-/INVALID_ROUTE/a/b`},
		{`a.@b, .a@b, a..b@c`, `-/-/a./b | -/-/.a/b | -/-/a..b/c`},
		{`"a""b" <c@d>`, `a b/-/c/d`},
		{`g: x@y, bad;`, `-/-/g/- | -/-/x/y | -/-/bad/MISSING_DOMAIN | -/-/-/-`},
		{`"unterminated <a@b>`, `-/-/MISSING_MAILBOX/MISSING_DOMAIN`},
		{`a@b@c`, `-/-/a/b`},
		{`Name: <a@b>`, `-/-/Name/- | -/-/a/b | -/-/-/-`},
		{`Name<a@b>,Other<c@d>`, `Name/-/a/b | Other/-/c/d`},
		{"\"a\n b\" <c@d>", `a b/-/c/d`},
		{"=?utf-8?q?J=C3=B6rg?= <j@x>", `=?utf-8?q?J=C3=B6rg?=/-/j/x`},
		{"al\x00ice@example.com", `-/-/al/MISSING_DOMAIN`},
		{"", ``},
	} {
		var parts []string
		ns := func(n wire.NString) string {
			if !n.Valid {
				return "-"
			}
			return n.Value
		}
		for _, a := range parseAddressList(nil, []byte(c.value)) {
			parts = append(parts, ns(a.Name)+"/"+ns(a.Adl)+"/"+ns(a.Mailbox)+"/"+ns(a.Host))
		}
		if got := strings.Join(parts, " | "); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.value, got, c.want)
		}
	}
}

// TestEnvelopeFields checks the unstructured fields and the fallbacks.
func TestEnvelopeFields(t *testing.T) {
	m := build(t, "Date: Mon, 1 Jan 2024\r\n 10:00:00 +0000\r\nSubject:   Hello\r\n\t  world  \r\n"+
		"Message-ID:  <a@b>  \r\nIn-Reply-To: <x@y>\r\n <z@w>\r\nFrom: a@b\r\nSender:\r\nReply-To: \r\n\r\n")
	e := m.Envelope
	for _, c := range []struct {
		got  wire.NString
		want string
	}{
		{e.Date, "Mon, 1 Jan 2024 10:00:00 +0000"},
		{e.Subject, "Hello world"},
		{e.MessageID, "<a@b>  "},
		{e.InReplyTo, "<x@y> <z@w>"},
	} {
		if !c.got.Valid || c.got.Value != c.want {
			t.Errorf("%v, want %q", c.got, c.want)
		}
	}
	if len(e.Sender) != 1 || len(e.ReplyTo) != 1 || e.Sender[0].Mailbox.Value != "a" {
		t.Errorf("Sender %v ReplyTo %v: want From's address", e.Sender, e.ReplyTo)
	}
	if e.To != nil || e.Cc != nil || e.Bcc != nil {
		t.Error("absent address fields are not NIL")
	}
	m = build(t, "Subject: \r\nDate: \r\nMessage-ID: \r\nIn-Reply-To:\r\n\r\n")
	if e := m.Envelope; e.Subject != wire.Str("") || e.Date != wire.Str("") || e.InReplyTo != wire.Str("") {
		t.Errorf("empty fields: %+v", e)
	}
}
