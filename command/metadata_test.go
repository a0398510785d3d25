package command

import (
	"testing"

	"github.com/mailwire/imap/literal"
	"github.com/mailwire/imap/wire"
)

func init() {
	binary := []wire.Option{wire.LiteralPolicy(literal.Policy{Binary: true})}
	allCases = append(allCases, []testCase{
		{name: "RFC 5464 §4.2 example", in: "a GETMETADATA \"\" /shared/comment\r\n",
			want: &GetMetadata{Entries: []string{"/shared/comment"}}},
		{name: "RFC 5464 §4.2 example 2", in: "a GETMETADATA \"INBOX\" /private/comment\r\n",
			want: &GetMetadata{Mailbox: "INBOX", Entries: []string{"/private/comment"}}, canon: "a GETMETADATA INBOX /private/comment\r\n"},
		{name: "RFC 5464 §4.2 example 3", in: "a GETMETADATA \"INBOX\" (/shared/comment /private/comment)\r\n",
			want:  &GetMetadata{Mailbox: "INBOX", Entries: []string{"/shared/comment", "/private/comment"}},
			canon: "a GETMETADATA INBOX (/shared/comment /private/comment)\r\n"},
		{name: "RFC 5464 §4.2.1 example with errata 2785", in: "a GETMETADATA (MAXSIZE 1024) \"INBOX\" (/shared/comment /private/comment)\r\n",
			want:  &GetMetadata{MaxSize: 1024, HasMaxSize: true, Mailbox: "INBOX", Entries: []string{"/shared/comment", "/private/comment"}},
			canon: "a GETMETADATA (MAXSIZE 1024) INBOX (/shared/comment /private/comment)\r\n"},
		{name: "RFC 5464 §4.2.2 example with errata 2785", in: "a GETMETADATA (DEPTH 1) \"INBOX\" (/private/filters/values)\r\n",
			want:  &GetMetadata{Depth: MetadataDepth1, Mailbox: "INBOX", Entries: []string{"/private/filters/values"}},
			canon: "a GETMETADATA (DEPTH 1) INBOX /private/filters/values\r\n"},
		{name: "RFC 5464 §4.4.1 example with errata 3868", in: "a GETMETADATA \"INBOX\" (/private/comment /shared/comment)\r\n",
			want:  &GetMetadata{Mailbox: "INBOX", Entries: []string{"/private/comment", "/shared/comment"}},
			canon: "a GETMETADATA INBOX (/private/comment /shared/comment)\r\n"},
		{name: "Dovecot session: DEPTH infinity", in: "A162 GETMETADATA (DEPTH infinity) INBOX /private\r\n",
			want: &GetMetadata{Depth: MetadataDepthInfinity, Mailbox: "INBOX", Entries: []string{"/private"}}},
		{name: "Dovecot session: MAXSIZE", in: "A161 GETMETADATA (MAXSIZE 5) INBOX (/private/comment /shared/comment)\r\n",
			want: &GetMetadata{MaxSize: 5, HasMaxSize: true, Mailbox: "INBOX", Entries: []string{"/private/comment", "/shared/comment"}}},
		{name: "Dovecot session: DEPTH 1 on the server", in: "A163 GETMETADATA (DEPTH 1) \"\" /private/vendor\r\n",
			want: &GetMetadata{Depth: MetadataDepth1, Entries: []string{"/private/vendor"}}},
		{name: "DEPTH 0, options in another order and case", in: "a getmetadata (depth INFINITY maxsize 0) \"\" /shared\r\n",
			want:  &GetMetadata{Depth: MetadataDepthInfinity, HasMaxSize: true, Entries: []string{"/shared"}},
			canon: "a GETMETADATA (MAXSIZE 0 DEPTH infinity) \"\" /shared\r\n"},
		{name: "DEPTH 0", in: "a GETMETADATA (DEPTH 0) INBOX /private/comment\r\n",
			want: &GetMetadata{Depth: MetadataDepth0, Mailbox: "INBOX", Entries: []string{"/private/comment"}}},
		{name: "RFC 4466 options kept raw", in: "a GETMETADATA (X-FLAG X-N 5 DEPTH 1 X-L (a b)) INBOX /private/comment\r\n",
			want: &GetMetadata{Depth: MetadataDepth1, Options: []Param{
				{Name: "X-FLAG"}, {Name: "X-N", Value: mboxNumValue(5)}, {Name: "X-L", Value: mboxListValue(mboxAtomValue("a"), mboxAtomValue("b"))},
			}, Mailbox: "INBOX", Entries: []string{"/private/comment"}},
			canon: "a GETMETADATA (DEPTH 1 X-FLAG X-N 5 X-L (a b)) INBOX /private/comment\r\n"},
		{name: "entry as a quoted string and a literal", in: "a GETMETADATA INBOX (\"/private/a b\" {15}\r\n/shared/comment)\r\n",
			want:  &GetMetadata{Mailbox: "INBOX", Entries: []string{"/private/a b", "/shared/comment"}},
			canon: "a GETMETADATA INBOX (\"/private/a b\" /shared/comment)\r\n"},

		{name: "RFC 5464 §4.3 example", in: "a SETMETADATA INBOX (/private/comment {33}\r\nMy new comment across\r\ntwo lines.)\r\n",
			want: &SetMetadata{Mailbox: "INBOX", Entries: []MetadataEntry{{Name: "/private/comment", Value: wire.Str("My new comment across\r\ntwo lines.")}}}},
		{name: "RFC 5464 §4.3 example 2", in: "a SETMETADATA INBOX (/private/comment NIL)\r\n",
			want: &SetMetadata{Mailbox: "INBOX", Entries: []MetadataEntry{{Name: "/private/comment"}}}},
		{name: "RFC 5464 §4.3 example 3", in: "a SETMETADATA INBOX (/private/comment \"My new comment\" /shared/comment \"This one is for you!\")\r\n",
			want: &SetMetadata{Mailbox: "INBOX", Entries: []MetadataEntry{
				{Name: "/private/comment", Value: wire.Str("My new comment")}, {Name: "/shared/comment", Value: wire.Str("This one is for you!")},
			}}},
		{name: "Dovecot session: server annotation in a LITERAL+ literal", in: "A156 SETMETADATA \"\" (/private/vendor/mailwire/note {23+}\r\nfirst line\r\nsecond line)\r\n",
			want:  &SetMetadata{Entries: []MetadataEntry{{Name: "/private/vendor/mailwire/note", Value: wire.Str("first line\r\nsecond line")}}},
			canon: "A156 SETMETADATA \"\" (/private/vendor/mailwire/note {23}\r\nfirst line\r\nsecond line)\r\n"},
		{name: "RFC 5464 §5 value as a literal8", in: "a SETMETADATA INBOX (/private/vendor/x/blob ~{3}\r\na\x00b)\r\n",
			want: &SetMetadata{Mailbox: "INBOX", Entries: []MetadataEntry{{Name: "/private/vendor/x/blob", Value: wire.Str("a\x00b")}}}, opts: binary},
		{name: "SETMETADATA empty value", in: "a SETMETADATA INBOX (/shared/comment \"\")\r\n",
			want: &SetMetadata{Mailbox: "INBOX", Entries: []MetadataEntry{{Name: "/shared/comment", Value: wire.Str("")}}}},
	}...)
	allErrorCases = append(allErrorCases, []errorCase{
		{name: "RFC 5464 §4.2.1 example before errata 2785", in: "a GETMETADATA \"INBOX\" (MAXSIZE 1024) (/shared/comment /private/comment)\r\n", off: 37},
		{name: "RFC 5464 §4.4.1 example before errata 3868", in: "a GETMETADATA \"INBOX\" /private/comment /shared/comment\r\n", off: 39},
		{name: "GETMETADATA DEPTH 2", in: "a GETMETADATA (DEPTH 2) INBOX /a\r\n", off: 21},
		{name: "GETMETADATA DEPTH without a value", in: "a GETMETADATA (DEPTH) INBOX /a\r\n", off: 20},
		{name: "GETMETADATA empty options", in: "a GETMETADATA () INBOX /a\r\n", off: 15},
		{name: "GETMETADATA two MAXSIZE options", in: "a GETMETADATA (MAXSIZE 1 MAXSIZE 2) INBOX /a\r\n", off: 25},
		{name: "GETMETADATA two DEPTH options", in: "a GETMETADATA (DEPTH 1 DEPTH 0) INBOX /a\r\n", off: 23},
		{name: "GETMETADATA MAXSIZE above number", in: "a GETMETADATA (MAXSIZE 4294967296) INBOX /a\r\n", off: 23},
		{name: "GETMETADATA without entries", in: "a GETMETADATA INBOX\r\n", off: 19},
		{name: "GETMETADATA empty list of entries", in: "a GETMETADATA INBOX ()\r\n", off: 21},
		{name: "SETMETADATA without entries", in: "a SETMETADATA INBOX ()\r\n", off: 21},
		{name: "SETMETADATA entry without a value", in: "a SETMETADATA INBOX (/private/comment)\r\n", off: 37},
		{name: "SETMETADATA entries without parentheses", in: "a SETMETADATA INBOX /private/comment \"x\"\r\n", off: 20},
	}...)
}

func TestMetadataRefusals(t *testing.T) {
	checkRefused(t,
		&GetMetadata{Mailbox: "INBOX"},
		&GetMetadata{Mailbox: "INBOX", Entries: []string{"/a"}, Depth: 9},
		&GetMetadata{Mailbox: "INBOX", Entries: []string{"/a"}, Options: []Param{{Name: "DEPTH"}}},
		&GetMetadata{Mailbox: "INBOX", Entries: []string{"/a"}, Options: []Param{{Name: "x-opt"}}},
		&GetMetadata{Mailbox: "INBOX", Entries: []string{"/a"}, Options: []Param{{Name: "X", Value: mboxAtomValue("x")}}},
		&SetMetadata{Mailbox: "INBOX"},
		// A NUL needs literal8, which the encoder may write only with
		// BINARY.
		&SetMetadata{Mailbox: "INBOX", Entries: []MetadataEntry{{Name: "/a", Value: wire.Str("a\x00b")}}},
	)
	for d, want := range map[MetadataDepth]string{MetadataDepthNone: "", MetadataDepth0: "0", MetadataDepth1: "1", MetadataDepthInfinity: "infinity"} {
		if d.String() != want {
			t.Errorf("%d.String() = %q, want %q", d, d.String(), want)
		}
	}
}
