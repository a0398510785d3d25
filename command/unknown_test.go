package command

import (
	"strings"
	"testing"
)

func TestHasUnknown(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"a NOOP\r\n", false},
		{"a XFOO 1\r\n", true},
		{"a UID XFOO 1\r\n", true},
		{"a SELECT INBOX (CONDSTORE)\r\n", false},
		{"a SELECT INBOX (X-FOO 1)\r\n", true},
		{"a CREATE x (USE (\\Drafts))\r\n", false},
		{"a CREATE x (X-FOO)\r\n", true},
		{"a FETCH 1 (FLAGS BODY.PEEK[1])\r\n", false},
		{"a FETCH 1 (FLAGS X-FOO)\r\n", true},
		{"a FETCH 1 (FLAGS) (X-FOO 1)\r\n", true},
		{"a STORE 1 (X-FOO 1) +FLAGS (\\Seen)\r\n", true},
		{"a STATUS x (MESSAGES UNSEEN)\r\n", false},
		{"a STATUS x (MESSAGES X-FOO)\r\n", true},
		{"a LIST (SUBSCRIBED) \"\" * RETURN (CHILDREN STATUS (MESSAGES))\r\n", false},
		{"a LIST (X-FOO) \"\" *\r\n", true},
		{"a SEARCH RETURN (MIN) ALL\r\n", false},
		{"a SEARCH RETURN (X-FOO) ALL\r\n", true},
		{"a GETMETADATA (DEPTH 1) INBOX /private/comment\r\n", false},
		{"a APPEND x {1}\r\nx\r\n", false},
	}
	for _, c := range cases {
		d := NewDecoder(strings.NewReader(c.in))
		_, cmd, err := d.ReadCommand()
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if got := HasUnknown(cmd); got != c.want {
			t.Errorf("%q: HasUnknown = %v, want %v", c.in, got, c.want)
		}
	}
}
