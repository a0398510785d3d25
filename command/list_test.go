package command

import (
	"testing"

	"github.com/mailwire/imap/literal"
	"github.com/mailwire/imap/wire"
)

// listOpts builds options without values.
func listOpts(names ...string) []ListOption {
	opts := []ListOption{}
	for _, n := range names {
		opts = append(opts, ListOption{Name: n})
	}
	return opts
}

func init() {
	utf8 := []wire.Option{wire.UTF8(true)}
	status := func(items ...string) ListOption { return ListOption{Name: "STATUS", Status: items} }
	allCases = append(allCases, []testCase{
		// RFC 9051 §6.3.9.
		{name: "RFC 9051 §6.3.9 example", in: "A101 LIST \"\" \"\"\r\n", want: &List{Patterns: []string{""}}},
		{name: "RFC 9051 §6.3.9 example 2", in: "A102 LIST #news.comp.mail.misc \"\"\r\n",
			want: &List{Reference: "#news.comp.mail.misc", Patterns: []string{""}}},
		{name: "RFC 9051 §6.3.9 example 3", in: "A103 LIST /usr/staff/jones \"\"\r\n",
			want: &List{Reference: "/usr/staff/jones", Patterns: []string{""}}},
		{name: "RFC 9051 §6.3.9 example 4, an unquoted wildcard", in: "A202 LIST ~/Mail/ %\r\n",
			want: &List{Reference: "~/Mail/", Patterns: []string{"%"}}, canon: "A202 LIST ~/Mail/ \"%\"\r\n"},
		{name: "RFC 9051 §6.3.5 example, LIST \"\" *", in: "A682 LIST \"\" *\r\n",
			want: &List{Patterns: []string{"*"}}, canon: "A682 LIST \"\" \"*\"\r\n"},

		// RFC 5258 §5.
		{name: "RFC 5258 §5 example 1", in: "A01 LIST \"\" \"*\"\r\n", want: &List{Patterns: []string{"*"}}},
		{name: "RFC 5258 §5 example 2", in: "A02 LIST (SUBSCRIBED) \"\" \"*\"\r\n",
			want: &List{SelectOptions: listOpts("SUBSCRIBED"), Patterns: []string{"*"}}},
		{name: "RFC 5258 §5 example 3", in: "A03 LIST () \"\" \"%\" RETURN (CHILDREN)\r\n",
			want: &List{SelectOptions: listOpts(), Patterns: []string{"%"}, ReturnOptions: listOpts("CHILDREN")}},
		{name: "RFC 5258 §5 example 4", in: "A04 LIST (REMOTE) \"\" \"%\" RETURN (CHILDREN)\r\n",
			want: &List{SelectOptions: listOpts("REMOTE"), Patterns: []string{"%"}, ReturnOptions: listOpts("CHILDREN")}},
		{name: "RFC 5258 §5 example 5", in: "A05 LIST (REMOTE SUBSCRIBED) \"\" \"*\"\r\n",
			want: &List{SelectOptions: listOpts("REMOTE", "SUBSCRIBED"), Patterns: []string{"*"}}},
		{name: "RFC 5258 §5 example 6", in: "A06 LIST (REMOTE) \"\" \"*\" RETURN (SUBSCRIBED)\r\n",
			want: &List{SelectOptions: listOpts("REMOTE"), Patterns: []string{"*"}, ReturnOptions: listOpts("SUBSCRIBED")}},
		{name: "RFC 5258 §5 example 7, several patterns", in: "BBB LIST \"\" (\"INBOX\" \"Drafts\" \"Sent/%\")\r\n",
			want:  &List{Patterns: []string{"INBOX", "Drafts", "Sent/%"}, PatternList: true},
			canon: "BBB LIST \"\" (INBOX Drafts \"Sent/%\")\r\n"},
		{name: "RFC 5258 §5 example 8", in: "C04 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"%\" RETURN (CHILDREN)\r\n",
			want: &List{SelectOptions: listOpts("SUBSCRIBED", "RECURSIVEMATCH"), Patterns: []string{"%"}, ReturnOptions: listOpts("CHILDREN")}},
		{name: "RFC 5258 §5 example 9", in: "D03 LIST (RECURSIVEMATCH SUBSCRIBED) \"\" \"*2\"\r\n",
			want: &List{SelectOptions: listOpts("RECURSIVEMATCH", "SUBSCRIBED"), Patterns: []string{"*2"}}},
		{name: "RFC 5258 §5 example 10", in: "a1 LIST \"\" (\"foo\" \"foo/*\")\r\n",
			want: &List{Patterns: []string{"foo", "foo/*"}, PatternList: true}, canon: "a1 LIST \"\" (foo \"foo/*\")\r\n"},
		{name: "RFC 5258 §5 example 10 b", in: "a3 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" foo RETURN (CHILDREN)\r\n",
			want: &List{SelectOptions: listOpts("SUBSCRIBED", "RECURSIVEMATCH"), Patterns: []string{"foo"}, ReturnOptions: listOpts("CHILDREN")}},
		{name: "RFC 5258 §5 example 11", in: "a1 LIST (REMOTE) \"\" *\r\n",
			want: &List{SelectOptions: listOpts("REMOTE"), Patterns: []string{"*"}}, canon: "a1 LIST (REMOTE) \"\" \"*\"\r\n"},
		{name: "RFC 5258 §5 example 11 b, empty selection options", in: "a2 LIST () \"\" %\r\n",
			want: &List{SelectOptions: listOpts(), Patterns: []string{"%"}}, canon: "a2 LIST () \"\" \"%\"\r\n"},
		{name: "RFC 5258 §5 example 11 c, unquoted patterns in a list", in: "a3.1 LIST \"\" (% music/rock)\r\n",
			want: &List{Patterns: []string{"%", "music/rock"}, PatternList: true}, canon: "a3.1 LIST \"\" (\"%\" music/rock)\r\n"},
		{name: "RFC 5258 §1 one pattern in parentheses is extended", in: "a LIST \"\" (\"\")\r\n",
			want: &List{Patterns: []string{""}, PatternList: true}},
		{name: "RFC 5258 §6 empty return options", in: "a LIST \"\" \"%\" RETURN ()\r\n",
			want: &List{Patterns: []string{"%"}, ReturnOptions: listOpts()}},
		{name: "RFC 5258 §6 option values", in: "a LIST (X-VENDOR-OPT (a (b c)) SUBSCRIBED) \"\" \"*\" RETURN (X-RET (\"x\") CHILDREN)\r\n",
			want: &List{SelectOptions: []ListOption{
				{Name: "X-VENDOR-OPT", Value: mboxListValue(mboxAtomValue("a"), mboxListValue(mboxAtomValue("b"), mboxAtomValue("c")))},
				{Name: "SUBSCRIBED"},
			}, Patterns: []string{"*"}, ReturnOptions: []ListOption{
				{Name: "X-RET", Value: mboxListValue(wire.Value{Kind: wire.KindString, Bytes: []byte("x")})},
				{Name: "CHILDREN"},
			}}},

		// RFC 5819, RFC 6154, RFC 8440.
		{name: "RFC 5819 §2 example", in: "A01 LIST \"\" % RETURN (STATUS (MESSAGES UNSEEN))\r\n",
			want:  &List{Patterns: []string{"%"}, ReturnOptions: []ListOption{status("MESSAGES", "UNSEEN")}},
			canon: "A01 LIST \"\" \"%\" RETURN (STATUS (MESSAGES UNSEEN))\r\n"},
		{name: "RFC 6154 §2 SPECIAL-USE return option", in: "t1 LIST \"\" \"%\" RETURN (SPECIAL-USE)\r\n",
			want: &List{Patterns: []string{"%"}, ReturnOptions: listOpts("SPECIAL-USE")}},
		{name: "RFC 6154 §2 SPECIAL-USE selection option", in: "t3 LIST (SPECIAL-USE) \"\" \"*\"\r\n",
			want: &List{SelectOptions: listOpts("SPECIAL-USE"), Patterns: []string{"*"}}},
		{name: "RFC 8440 MYRIGHTS return option", in: "a LIST \"\" \"%\" RETURN (MYRIGHTS)\r\n",
			want: &List{Patterns: []string{"%"}, ReturnOptions: listOpts("MYRIGHTS")}},

		// Clients and servers.
		{name: "Thunderbird 115 (mox issue 66)", in: "61 list (subscribed) \"\" \"*\" return (special-use)\r\n",
			want:  &List{SelectOptions: listOpts("SUBSCRIBED"), Patterns: []string{"*"}, ReturnOptions: listOpts("SPECIAL-USE")},
			canon: "61 LIST (SUBSCRIBED) \"\" \"*\" RETURN (SPECIAL-USE)\r\n"},
		{name: "enough_mail LIST-EXTENDED with STATUS", in: "a LIST (SUBSCRIBED) \"\" \"%\" RETURN (SPECIAL-USE STATUS (MESSAGES UNSEEN))\r\n",
			want: &List{SelectOptions: listOpts("SUBSCRIBED"), Patterns: []string{"%"},
				ReturnOptions: []ListOption{{Name: "SPECIAL-USE"}, status("MESSAGES", "UNSEEN")}}},
		{name: "Dovecot session: SPECIAL-USE both ways", in: "A030 LIST (SPECIAL-USE) \"\" \"*\" RETURN (SPECIAL-USE)\r\n",
			want: &List{SelectOptions: listOpts("SPECIAL-USE"), Patterns: []string{"*"}, ReturnOptions: listOpts("SPECIAL-USE")}},
		{name: "Dovecot session: patterns and return options", in: "A031 LIST \"\" (\"INBOX\" \"Work/*\") RETURN (CHILDREN SUBSCRIBED)\r\n",
			want:  &List{Patterns: []string{"INBOX", "Work/*"}, PatternList: true, ReturnOptions: listOpts("CHILDREN", "SUBSCRIBED")},
			canon: "A031 LIST \"\" (INBOX \"Work/*\") RETURN (CHILDREN SUBSCRIBED)\r\n"},
		{name: "Dovecot session: LIST-STATUS", in: "A055 LIST \"\" \"%\" RETURN (SPECIAL-USE STATUS (MESSAGES UIDNEXT UNSEEN SIZE))\r\n",
			want: &List{Patterns: []string{"%"}, ReturnOptions: []ListOption{{Name: "SPECIAL-USE"}, status("MESSAGES", "UIDNEXT", "UNSEEN", "SIZE")}}},
		{name: "status items in lower case", in: "a LIST \"\" \"%\" RETURN (status (messages x-new))\r\n",
			want:  &List{Patterns: []string{"%"}, ReturnOptions: []ListOption{status("MESSAGES", "X-NEW")}},
			canon: "a LIST \"\" \"%\" RETURN (STATUS (MESSAGES X-NEW))\r\n"},
		{name: "Gmail reference with brackets", in: "a LIST \"[Gmail]/\" \"%\"\r\n",
			want: &List{Reference: "[Gmail]/", Patterns: []string{"%"}}, canon: "a LIST [Gmail]/ \"%\"\r\n"},
		{name: "unquoted pattern with brackets (list-char has resp-specials)", in: "a LIST \"\" [Gmail]/%\r\n",
			want: &List{Patterns: []string{"[Gmail]/%"}}, canon: "a LIST \"\" \"[Gmail]/%\"\r\n"},
		{name: "unquoted pattern without a wildcard", in: "a LIST \"\" INBOX.Sent\r\n", want: &List{Patterns: []string{"INBOX.Sent"}}},
		{name: "pattern INBOX in any case", in: "a LIST \"\" inbox\r\n", want: &List{Patterns: []string{"INBOX"}}, canon: "a LIST \"\" INBOX\r\n"},
		{name: "pattern as a literal", in: "a LIST \"\" {1}\r\n*\r\n", want: &List{Patterns: []string{"*"}}, canon: "a LIST \"\" \"*\"\r\n"},
		{name: "pattern as a literal8", in: "a LIST \"\" ~{1}\r\n*\r\n", want: &List{Patterns: []string{"*"}}, canon: "a LIST \"\" \"*\"\r\n",
			opts: []wire.Option{wire.LiteralPolicy(literal.Policy{Binary: true})}},
		{name: "RFC 9051 §5.1.3 modified UTF-7 in a pattern", in: "a LIST \"\" \"&ZeVnLIqe-/*\"\r\n", want: &List{Patterns: []string{"日本語/*"}}},
		{name: "modified UTF-7 in an unquoted pattern", in: "a LIST ~peter/mail/ &U,BTFw-/%\r\n",
			want: &List{Reference: "~peter/mail/", Patterns: []string{"台北/%"}}, canon: "a LIST ~peter/mail/ \"&U,BTFw-/%\"\r\n"},
		{name: "UTF-8 pattern under UTF8=ACCEPT", in: "a LIST \"\" \"日本語/*\"\r\n", want: &List{Patterns: []string{"日本語/*"}}, opts: utf8},
		{name: "UTF-8 pattern without UTF8=ACCEPT", in: "a LIST \"\" \"台北/*\"\r\n", want: &List{Patterns: []string{"台北/*"}},
			canon: "a LIST \"\" \"&U,BTFw-/*\"\r\n", quirks: []string{mboxQuirk(wire.QuirkEightBit, 11)}},
		{name: "8-bit bytes in an unquoted pattern", in: "a LIST \"\" Caf\xc3\xa9*\r\n", want: &List{Patterns: []string{"Café*"}},
			canon: "a LIST \"\" \"Caf&AOk-*\"\r\n", quirks: []string{mboxQuirk(wire.QuirkEightBit, 13)}},
		{name: "unencoded ampersand in an unquoted pattern", in: "a LIST \"\" Tom&Jerry&AOk-*\r\n", want: &List{Patterns: []string{"Tom&Jerryé*"}},
			canon: "a LIST \"\" \"Tom&-Jerry&AOk-*\"\r\n", quirks: []string{mboxQuirk(wire.QuirkUnencodedAmpersand, 13)}},
		{name: "unquoted wildcard in the reference", in: "a LIST foo/% \"\"\r\n", want: &List{Reference: "foo/%", Patterns: []string{""}},
			canon: "a LIST \"foo/%\" \"\"\r\n", quirks: []string{mboxQuirk(wire.QuirkMailboxSpecials, 11)}},
		{name: "SurgeMail-style space before the parenthesis", in: "a LIST (SUBSCRIBED ) \"\" \"*\" RETURN (CHILDREN )\r\n",
			want:   &List{SelectOptions: listOpts("SUBSCRIBED"), Patterns: []string{"*"}, ReturnOptions: listOpts("CHILDREN")},
			canon:  "a LIST (SUBSCRIBED) \"\" \"*\" RETURN (CHILDREN)\r\n",
			quirks: []string{mboxQuirk(wire.QuirkSpaceBeforeParen, 18), mboxQuirk(wire.QuirkSpaceBeforeParen, 44)}},

		// LSUB.
		{name: "RFC 3501 §6.3.9 LSUB example", in: "A002 LSUB \"#news.\" \"comp.mail.*\"\r\n",
			want: &LSub{Reference: "#news.", Pattern: "comp.mail.*"}, canon: "A002 LSUB #news. \"comp.mail.*\"\r\n"},
		{name: "LSUB in lower case with an unquoted wildcard", in: "a lsub \"\" *\r\n", want: &LSub{Pattern: "*"}, canon: "a LSUB \"\" \"*\"\r\n"},
		{name: "LSUB pattern in modified UTF-7", in: "a LSUB \"\" \"&ZeVnLIqe-%\"\r\n", want: &LSub{Pattern: "日本語%"}},
	}...)
	allErrorCases = append(allErrorCases, []errorCase{
		{name: "LIST without arguments", in: "a LIST\r\n", off: 6},
		{name: "LIST without a pattern", in: "a LIST \"\"\r\n", off: 9},
		{name: "LIST with an empty list of patterns", in: "a LIST \"\" ()\r\n", off: 11},
		{name: "LIST pattern that is a parenthesis", in: "a LIST \"\" )\r\n", off: 10},
		{name: "LIST with something else than RETURN", in: "a LIST \"\" * FOO (X)\r\n", off: 12},
		{name: "RETURN without options", in: "a LIST \"\" * RETURN\r\n", off: 18},
		{name: "STATUS return option without items", in: "a LIST \"\" * RETURN (STATUS)\r\n", off: 26},
		{name: "STATUS return option with no item", in: "a LIST \"\" * RETURN (STATUS ())\r\n", off: 28},
		{name: "return option value that is a string", in: "a LIST \"\" * RETURN (CHILDREN \"x\")\r\n", off: 29},
		{name: "selection option that is a string", in: "a LIST (\"SUBSCRIBED\") \"\" *\r\n", off: 8},
		{name: "RFC 5258 patterns with a bad pattern", in: "a LIST \"\" (INBOX ()) \r\n", off: 17},
		{name: "LSUB without a pattern", in: "a LSUB \"\"\r\n", off: 9},
		{name: "LSUB with two patterns", in: "a LSUB \"\" * %\r\n", off: 12},
	}...)
}

func TestListExtended(t *testing.T) {
	for _, c := range []struct {
		l    List
		want bool
	}{
		{List{Patterns: []string{"*"}}, false},
		{List{SelectOptions: []ListOption{}, Patterns: []string{"*"}}, true},
		{List{Patterns: []string{"*"}, PatternList: true}, true},
		{List{Patterns: []string{"*"}, ReturnOptions: []ListOption{}}, true},
	} {
		if got := c.l.Extended(); got != c.want {
			t.Errorf("%+v: Extended() = %v", c.l, got)
		}
	}
	// Several patterns are written as a list even without PatternList.
	b, err := AppendCommand(nil, "a", &List{Patterns: []string{"INBOX", "Sent/%"}})
	if want := "a LIST \"\" (INBOX \"Sent/%\")\r\n"; err != nil || string(b) != want {
		t.Errorf("Append: %q, %v; want %q", b, err, want)
	}
}

func TestListRefusals(t *testing.T) {
	checkRefused(t,
		&List{},
		&List{Patterns: []string{"*"}, SelectOptions: listOpts("subscribed")},
		&List{Patterns: []string{"*"}, SelectOptions: listOpts("")},
		&List{Patterns: []string{"*"}, SelectOptions: []ListOption{{Name: "STATUS", Status: []string{"MESSAGES"}}}},
		&List{Patterns: []string{"*"}, ReturnOptions: listOpts("STATUS")},
		&List{Patterns: []string{"*"}, ReturnOptions: []ListOption{{Name: "STATUS", Status: []string{"messages"}}}},
		&List{Patterns: []string{"*"}, ReturnOptions: []ListOption{{Name: "STATUS", Status: []string{"MESSAGES"}, Value: mboxListValue()}}},
		&List{Patterns: []string{"*"}, ReturnOptions: []ListOption{{Name: "X", Value: mboxAtomValue("a")}}},
		&List{Patterns: []string{"*"}, ReturnOptions: []ListOption{{Name: "X", Status: []string{}}}},
	)
}
