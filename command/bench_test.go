package command

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// mixedSession returns n commands of the kinds a mail client sends while
// it synchronises and works in a mailbox, one after the other.
func mixedSession(n int) []byte {
	lines := []string{
		"%d UID FETCH 1:* (FLAGS)\r\n",
		"%d UID FETCH 4810:4900 (UID RFC822.SIZE FLAGS BODY.PEEK[HEADER.FIELDS (From To Cc Bcc Subject Date Message-ID Priority X-Priority References Newsgroups In-Reply-To Content-Type Reply-To)])\r\n",
		"%d UID STORE 4812 +FLAGS.SILENT (\\Seen)\r\n",
		"%d UID SEARCH UNSEEN NOT DELETED SINCE 1-Feb-2025\r\n",
		"%d SELECT \"INBOX\" (CONDSTORE)\r\n",
		"%d LIST (SUBSCRIBED) \"\" \"*\" RETURN (CHILDREN SPECIAL-USE)\r\n",
		"%d STATUS \"Sent\" (MESSAGES UIDNEXT UNSEEN)\r\n",
		"%d APPEND \"Drafts\" (\\Draft \\Seen) {120+}\r\n" + string(bytes.Repeat([]byte("Subject: draft\r\n"), 7)) + "\r\n\r\n\r\n\r\n" + "\r\n",
		"%d UID MOVE 4811 \"Trash\"\r\n",
		"%d NOOP\r\n",
		"%d IDLE\r\nDONE\r\n",
		"%d UID FETCH 4813 (BODY.PEEK[1.2]<0.2048> BINARY.PEEK[2] BODYSTRUCTURE)\r\n",
	}
	var b []byte
	for i := range n {
		b = fmt.Appendf(b, lines[i%len(lines)], i)
	}
	return b
}

func BenchmarkDecodeMixed(b *testing.B) {
	in := mixedSession(1200)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	r := bytes.NewReader(in)
	d := NewDecoder(r)
	cmds := 0
	for b.Loop() {
		r.Reset(in)
		d.Reset(r)
		for {
			_, _, err := d.ReadCommand()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			cmds++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(cmds), "ns/cmd")
	b.ReportMetric(float64(cmds)/float64(b.N), "cmds/op")
}

// BenchmarkEncodeMixed encodes the commands of the same session.
func BenchmarkEncodeMixed(b *testing.B) {
	in := mixedSession(1200)
	d := NewDecoder(bytes.NewReader(in))
	type tagged struct {
		tag string
		cmd Command
	}
	var cmds []tagged
	for {
		tag, cmd, err := d.ReadCommand()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		cmds = append(cmds, tagged{tag, cmd})
	}
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	e := NewEncoder(io.Discard)
	for b.Loop() {
		for _, c := range cmds {
			if err := e.Encode(c.tag, c.cmd); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(len(cmds)*b.N), "ns/cmd")
}
