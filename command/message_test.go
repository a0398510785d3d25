package command

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mailwire/imap/wire"
)

func init() {
	allCases = append(allCases, []testCase{
		{name: "RFC 9051 §6.4.6 STORE example", in: "A003 STORE 2:4 +FLAGS (\\Deleted)\r\n",
			want: &Store{Set: fetchSet("2:4"), Op: StoreAdd, Flags: []string{`\Deleted`}}},
		{name: "RFC 3501 §8 store without parentheses", in: "a005 store 12 +flags \\deleted\r\n",
			want:  &Store{Set: fetchSet("12"), Op: StoreAdd, Flags: []string{`\Deleted`}},
			canon: "a005 STORE 12 +FLAGS (\\Deleted)\r\n"},
		{name: "flags without parentheses", in: "a STORE 1 -FLAGS.SILENT \\Seen $Junk NonJunk\r\n",
			want:  &Store{Set: fetchSet("1"), Op: StoreRemove, Silent: true, Flags: []string{`\Seen`, "$Junk", "NonJunk"}},
			canon: "a STORE 1 -FLAGS.SILENT (\\Seen $Junk NonJunk)\r\n"},
		{name: "replace with the empty list", in: "a UID STORE 1:* FLAGS ()\r\n", want: &Store{UID: true, Set: fetchSet("1:*")}},
		{name: "system flags in canonical case, keywords as sent", in: "a STORE 1 FLAGS (\\SEEN \\answered \\Flagged \\DELETED \\draft \\recent \\X-Ext $label1 Foo)\r\n",
			want:  &Store{Set: fetchSet("1"), Flags: []string{`\Seen`, `\Answered`, `\Flagged`, `\Deleted`, `\Draft`, `\Recent`, `\X-Ext`, "$label1", "Foo"}},
			canon: "a STORE 1 FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft \\Recent \\X-Ext $label1 Foo)\r\n"},
		{name: "RFC 7162 §3.1.3 UNCHANGEDSINCE", in: "a103 UID STORE 6,4,8 (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted)\r\n",
			want: &Store{UID: true, Set: fetchSet("6,4,8"), UnchangedSince: 12121230045, HasUnchangedSince: true, Op: StoreAdd, Silent: true, Flags: []string{`\Deleted`}}},
		{name: "UNCHANGEDSINCE 0, which always fails (RFC 7162 §3.1.3)", in: "a104 STORE 7,5,9 (UNCHANGEDSINCE 0) FLAGS.SILENT (\\Seen)\r\n",
			want: &Store{Set: fetchSet("7,5,9"), HasUnchangedSince: true, Silent: true, Flags: []string{`\Seen`}}},
		{name: "unknown store modifiers kept raw", in: "a STORE 1 (X-A X-B (1 2) UNCHANGEDSINCE 5) FLAGS (a)\r\n",
			want: &Store{Set: fetchSet("1"), UnchangedSince: 5, HasUnchangedSince: true, Flags: []string{"a"}, Modifiers: []Param{
				{Name: "X-A"},
				{Name: "X-B", Value: wire.Value{Kind: wire.KindList, Items: []wire.Value{{Kind: wire.KindNumber, Bytes: []byte("1"), Num: 1}, {Kind: wire.KindNumber, Bytes: []byte("2"), Num: 2}}}},
			}},
			canon: "a STORE 1 (UNCHANGEDSINCE 5 X-A X-B (1 2)) FLAGS (a)\r\n"},
		{name: "Gmail X-GM-LABELS", in: "a1 UID STORE 42 +X-GM-LABELS (\\Important \"Work stuff\" foo)\r\n",
			want: &Store{UID: true, Set: fetchSet("42"), Op: StoreAdd, GmailLabels: true, Flags: []string{`\Important`, "Work stuff", "foo"}}},
		{name: "Gmail X-GM-LABELS.SILENT without parentheses", in: "a1 STORE 1 -x-gm-labels.silent \\Inbox\r\n",
			want:  &Store{Set: fetchSet("1"), Op: StoreRemove, Silent: true, GmailLabels: true, Flags: []string{`\Inbox`}},
			canon: "a1 STORE 1 -X-GM-LABELS.SILENT (\\Inbox)\r\n"},
		{name: "Gmail label with a backslash, quoted", in: "a1 STORE 1 X-GM-LABELS (\"\\\\a b\")\r\n",
			want: &Store{Set: fetchSet("1"), GmailLabels: true, Flags: []string{`\a b`}}},

		{name: "RFC 9051 §6.4.7 COPY example", in: "A003 COPY 2:4 MEETING\r\n", want: &Copy{Set: fetchSet("2:4"), Mailbox: "MEETING"}},
		{name: "UID COPY to a quoted mailbox", in: "a UID COPY 1:3,5 \"Sent Items\"\r\n", want: &Copy{UID: true, Set: fetchSet("1:3,5"), Mailbox: "Sent Items"}},
		{name: "COPY to inbox", in: "a copy $ inbox\r\n", want: &Copy{Set: wire.SeqSet{Saved: true}, Mailbox: "INBOX"}, canon: "a COPY $ INBOX\r\n"},
		{name: "COPY to a modified UTF-7 mailbox", in: "a COPY 1 &AOQ-\r\n", want: &Copy{Set: fetchSet("1"), Mailbox: "ä"}},
		{name: "RFC 6851 §4.4 UID MOVE example", in: "a UID MOVE 42:69 foo\r\n", want: &Move{UID: true, Set: fetchSet("42:69"), Mailbox: "foo"}},
		{name: "MOVE (RFC 6851 §3.1)", in: "a MOVE 2:4 MEETING\r\n", want: &Move{Set: fetchSet("2:4"), Mailbox: "MEETING"}},
		{name: "Gmail MOVE to [Gmail]/Trash", in: "a MOVE 1 \"[Gmail]/Trash\"\r\n", want: &Move{Set: fetchSet("1"), Mailbox: "[Gmail]/Trash"},
			canon: "a MOVE 1 [Gmail]/Trash\r\n"},

		{name: "RFC 9051 §6.4.3 EXPUNGE example", in: "A202 EXPUNGE\r\n", want: &Expunge{}},
		{name: "RFC 4315 §2.1 UID EXPUNGE example", in: "A003 UID EXPUNGE 3000:3002\r\n",
			want: &Expunge{UID: true, UIDs: fetchSet("3000:3002")}},
		{name: "uid expunge in lower case", in: "a uid expunge 5,1:2\r\n",
			want: &Expunge{UID: true, UIDs: fetchSet("5,1:2")}, canon: "a UID EXPUNGE 5,1:2\r\n"},
	}...)
	allErrorCases = append(allErrorCases, []errorCase{
		{name: "STORE without flags", in: "a STORE 1 FLAGS\r\n", off: int64(len("a STORE 1 FLAGS"))},
		{name: "STORE without space-separated flag", in: "a STORE 1 FLAGS \r\n", off: int64(len("a STORE 1 FLAGS "))},
		{name: "STORE bad item", in: "a STORE 1 +FLAG (\\Seen)\r\n", off: int64(len("a STORE 1 "))},
		{name: "STORE *FLAGS", in: "a STORE 1 *FLAGS (\\Seen)\r\n", off: int64(len("a STORE 1 "))},
		{name: "STORE \\* flag", in: "a STORE 1 +FLAGS (\\*)\r\n", off: int64(len("a STORE 1 +FLAGS ("))},
		{name: "STORE flag a string", in: "a STORE 1 +FLAGS (\"x\")\r\n", off: int64(len("a STORE 1 +FLAGS ("))},
		{name: "STORE unclosed", in: "a STORE 1 +FLAGS (\\Seen\r\n", off: int64(len("a STORE 1 +FLAGS (\\Seen"))},
		{name: "STORE UNCHANGEDSINCE twice", in: "a STORE 1 (UNCHANGEDSINCE 1 UNCHANGEDSINCE 2) FLAGS ()\r\n", off: int64(len("a STORE 1 (UNCHANGEDSINCE 1 "))},
		{name: "STORE UNCHANGEDSINCE too large", in: "a STORE 1 (UNCHANGEDSINCE 9223372036854775808) FLAGS ()\r\n", off: int64(len("a STORE 1 (UNCHANGEDSINCE "))},
		{name: "STORE empty modifiers", in: "a STORE 1 () FLAGS ()\r\n", off: int64(len("a STORE 1 ("))},
		{name: "STORE modifiers without item", in: "a STORE 1 (X-A)\r\n", off: int64(len("a STORE 1 (X-A)"))},
		{name: "COPY without mailbox", in: "a COPY 1\r\n", off: int64(len("a COPY 1"))},
		{name: "COPY bad set", in: "a COPY 1:x foo\r\n", off: int64(len("a COPY 1:"))},
		{name: "MOVE extra argument", in: "a MOVE 1 foo bar\r\n", off: int64(len("a MOVE 1 foo "))},
		{name: "EXPUNGE with an argument", in: "a EXPUNGE 1\r\n", off: int64(len("a EXPUNGE "))},
		{name: "UID EXPUNGE without set", in: "a UID EXPUNGE\r\n", off: int64(len("a UID EXPUNGE"))},
	}...)
}

// TestStoreBracketKeyword checks Gmail's keywords with "]", which have no
// strict form: lenient decoding reads them, and they are written back as
// they came.
func TestStoreBracketKeyword(t *testing.T) {
	in := "a STORE 1 +FLAGS (OIB-Seen-[Gmail]/Trash)\r\n"
	_, c, quirks, err := decodeOne("", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := &Store{Set: fetchSet("1"), Op: StoreAdd, Flags: []string{"OIB-Seen-[Gmail]/Trash"}}
	if diff := cmp.Diff(want, c); diff != "" || len(quirks) != 1 || quirks[0] != "bracket-in-atom@33" {
		t.Errorf("(-want +got):\n%s quirks %q", diff, quirks)
	}
	if out, err := encodeOne("a", c); err != nil || out != in {
		t.Errorf("encode: %q, %v", out, err)
	}
}

func TestMessageRefusals(t *testing.T) {
	one := fetchSet("1")
	checkRefused(t,
		&Store{Flags: []string{`\Seen`}},
		&Store{Set: one, Op: 3},
		&Store{Set: one, Flags: []string{`\seen`}},
		&Store{Set: one, Flags: []string{`\*`}},
		&Store{Set: one, Flags: []string{"a b"}},
		&Store{Set: one, Flags: []string{""}},
		&Store{Set: one, Flags: []string{`\`}},
		&Store{Set: one, Flags: []string{"]a"}},
		&Store{Set: one, Flags: []string{"é"}},
		&Store{Set: one, UnchangedSince: 5},
		&Store{Set: one, UnchangedSince: 1 << 63, HasUnchangedSince: true},
		&Store{Set: one, Modifiers: []Param{{Name: "UNCHANGEDSINCE"}}},
		&Store{Set: one, Modifiers: []Param{{Name: "X A"}}},
		&Store{Set: one, GmailLabels: true, Flags: []string{"a\x00b"}},
		&Copy{Mailbox: "x"},
		&Move{UID: true, Mailbox: "x"},
		&Expunge{UIDs: one},
		&Expunge{UID: true},
	)
}

func TestMessageEncode(t *testing.T) {
	for _, c := range []struct {
		c    Command
		want string
	}{
		{&Store{Set: fetchSet("1"), HasUnchangedSince: true, Flags: []string{}}, "a STORE 1 (UNCHANGEDSINCE 0) FLAGS ()\r\n"},
		{&Store{Set: fetchSet("1"), Modifiers: []Param{{Name: "X-A"}}, Op: StoreRemove, Flags: []string{"a"}}, "a STORE 1 (X-A) -FLAGS (a)\r\n"},
		{&Store{Set: fetchSet("1"), GmailLabels: true, Flags: []string{"", `\`, `\Inbox`, "a b"}}, "a STORE 1 X-GM-LABELS (\"\" \"\\\\\" \\Inbox \"a b\")\r\n"},
		{&Copy{UID: true, Set: fetchSet("1"), Mailbox: ""}, "a UID COPY 1 \"\"\r\n"},
		{&Move{Set: fetchSet("1"), Mailbox: "Entwürfe"}, "a MOVE 1 Entw&APw-rfe\r\n"},
	} {
		got, err := encodeOne("a", c.c)
		if err != nil || got != c.want {
			t.Errorf("%+v: %q, %v; want %q", c.c, got, err, c.want)
		}
		if _, back, _, err := decodeOne("", strings.NewReader(got), wire.Strict(true)); err != nil {
			t.Errorf("%q: %v", got, err)
		} else if again, _ := encodeOne("a", back); again != got {
			t.Errorf("%q re-encodes as %q", got, again)
		}
	}
	if k := (&Store{UID: true}).Kind(); k != "UID STORE" {
		t.Errorf("Kind = %q", k)
	}
	for op, want := range map[StoreOp]string{StoreReplace: "", StoreAdd: "+", StoreRemove: "-", 7: "INVALID"} {
		if op.String() != want {
			t.Errorf("%d.String() = %q, want %q", op, op.String(), want)
		}
	}
}

// TestMessageKinds checks each command's Kind, and that the states table
// knows it.
func TestMessageKinds(t *testing.T) {
	for _, c := range []struct {
		c     Command
		want  string
		state State
	}{
		{&Fetch{}, "FETCH", StateSelected},
		{&Fetch{UID: true}, "UID FETCH", StateSelected},
		{&Store{}, "STORE", StateSelected},
		{&Store{UID: true}, "UID STORE", StateSelected},
		{&Copy{}, "COPY", StateSelected},
		{&Copy{UID: true}, "UID COPY", StateSelected},
		{&Move{}, "MOVE", StateSelected},
		{&Move{UID: true}, "UID MOVE", StateSelected},
		{&Expunge{}, "EXPUNGE", StateSelected},
		{&Expunge{UID: true}, "UID EXPUNGE", StateSelected},
		{&Select{}, "SELECT", StateAuthenticated},
		{&Select{ReadOnly: true}, "EXAMINE", StateAuthenticated},
	} {
		if k := c.c.Kind(); k != c.want {
			t.Errorf("%T: Kind %q, want %q", c.c, k, c.want)
		}
		if !Allowed(c.want, c.state) {
			t.Errorf("%s not allowed in the %s state", c.want, c.state)
		}
	}
}
