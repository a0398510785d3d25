package dovecot_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mailwire/imap/internal/dovecot"
	"github.com/mailwire/imap/wire"
)

const plainMessage = "Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n" +
	"From: Alice Example <alice@example.org>\r\n" +
	"To: Bob Example <bob@example.net>, undisclosed-recipients:;\r\n" +
	"Cc: \"Carol \\\"C\\\" Example\" <carol@example.com>\r\n" +
	"Subject: =?UTF-8?Q?Entw=C3=BCrfe?= for the meeting\r\n" +
	"Message-ID: <draft-1@example.org>\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: text/plain; charset=utf-8; format=flowed\r\n" +
	"Content-Transfer-Encoding: 8bit\r\n" +
	"\r\n" +
	"Hello Bob,\r\n" +
	"here is the agenda: Entw\xc3\xbcrfe.\r\n"

// bigMessage returns a multipart message of exactly size bytes, with an
// attachment that has a disposition, a language and a location.
func bigMessage(size int) []byte {
	head := "Date: Wed, 15 Nov 2023 08:00:00 +0100\r\n" +
		"From: Bob Example <bob@example.net>\r\n" +
		"Sender: Secretary <sec@example.net>\r\n" +
		"Reply-To: list@example.net\r\n" +
		"To: Alice Example <alice@example.org>\r\n" +
		"Subject: the big one\r\n" +
		"In-Reply-To: <draft-1@example.org>\r\n" +
		"Message-ID: <big-1@example.net>\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=\"b1\"\r\n" +
		"\r\n" +
		"--b1\r\n" +
		"Content-Type: text/plain; charset=us-ascii\r\n" +
		"Content-Language: en, de\r\n" +
		"\r\n" +
		"See the attachment.\r\n" +
		"--b1\r\n" +
		"Content-Type: application/octet-stream; name=\"data.bin\"\r\n" +
		"Content-Transfer-Encoding: base64\r\n" +
		"Content-Disposition: attachment; filename=\"data.bin\"; size=1234\r\n" +
		"Content-Language: en\r\n" +
		"Content-Location: http://example.org/data.bin\r\n" +
		"Content-ID: <data@example.net>\r\n" +
		"Content-Description: some data\r\n" +
		"Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==\r\n" +
		"\r\n"
	tail := "--b1--\r\n"
	var b bytes.Buffer
	b.WriteString(head)
	line := "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n"
	for b.Len()+len(line)+len(tail) <= size {
		b.WriteString(line)
	}
	pad := size - b.Len() - len(tail)
	if pad > 0 {
		b.WriteString(strings.Repeat("A", max(pad-2, 0)))
		b.WriteString("\r\n"[:min(pad, 2)])
	}
	b.WriteString(tail)
	return b.Bytes()
}

const nestedMessage = "Date: Thu, 16 Nov 2023 09:30:00 -0500\r\n" +
	"From: Carol <carol@example.com>\r\n" +
	"To: Alice Example <alice@example.org>\r\n" +
	"Subject: Fwd: agenda\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: multipart/mixed; boundary=\"outer\"\r\n" +
	"\r\n" +
	"--outer\r\n" +
	"Content-Type: text/plain\r\n" +
	"\r\n" +
	"Forwarded below.\r\n" +
	"--outer\r\n" +
	"Content-Type: message/rfc822\r\n" +
	"Content-Disposition: inline\r\n" +
	"\r\n" +
	"Date: Wed, 15 Nov 2023 08:00:00 +0100\r\n" +
	"From: Bob Example <bob@example.net>\r\n" +
	"Subject: Re: agenda\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: multipart/alternative; boundary=\"inner\"\r\n" +
	"\r\n" +
	"--inner\r\n" +
	"Content-Type: text/plain; charset=us-ascii\r\n" +
	"\r\n" +
	"Thanks!\r\n" +
	"--inner\r\n" +
	"Content-Type: text/html; charset=us-ascii\r\n" +
	"\r\n" +
	"<p>Thanks!</p>\r\n" +
	"--inner--\r\n" +
	"--outer--\r\n"

func TestCapability(t *testing.T) {
	t.Parallel()
	srv := dovecot.Start(t)
	if g := srv.Greeting(); !bytes.HasPrefix(g, []byte("* PREAUTH ")) || !bytes.HasSuffix(g, []byte("\r\n")) {
		t.Errorf("greeting %q", g)
	}
	r, err := srv.Command("CAPABILITY")
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != "OK" || len(r.Untagged) != 1 || len(r.Continuations) != 0 {
		t.Fatalf("CAPABILITY: %+q", r)
	}
	if !bytes.HasPrefix(r.Tagged, []byte("tag1 OK ")) {
		t.Errorf("tagged reply %q", r.Tagged)
	}
	caps := strings.Fields(strings.TrimPrefix(string(r.Untagged[0]), "* CAPABILITY "))
	for _, want := range []string{"IMAP4rev1", "LITERAL+", "UIDPLUS", "BINARY"} {
		if !contains(caps, want) {
			t.Errorf("capability %s missing from %q", want, r.Untagged[0])
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestSession creates a mailbox, appends three messages and fetches them.
func TestSession(t *testing.T) {
	t.Parallel()
	srv := dovecot.Start(t)
	const box = "Entwürfe 2023"
	r, err := srv.Command("CREATE " + dovecot.Mailbox(box))
	if err != nil || r.Status != "OK" {
		t.Fatalf("CREATE: %+q, %v", r, err)
	}
	if err := srv.Select(box); err != nil {
		t.Fatal(err)
	}

	big := bigMessage(100 << 10)
	if len(big) != 100<<10 {
		t.Fatalf("big message is %d bytes", len(big))
	}
	msgs := [][]byte{[]byte(plainMessage), big, []byte(nestedMessage)}

	uid1, err := srv.Append(box, msgs[0])
	if err != nil {
		t.Fatal(err)
	}
	uid2, err := srv.Append(box, msgs[1])
	if err != nil {
		t.Fatal(err)
	}
	// LITERAL+: no continuation request.
	r, err = srv.Command("APPEND "+dovecot.Mailbox(box)+` (\Seen $Forwarded) "16-Nov-2023 09:30:00 -0500" `, dovecot.LitPlus(msgs[2]))
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != "OK" || len(r.Continuations) != 0 {
		t.Fatalf("APPEND with LITERAL+: %+q", r)
	}
	// The mailbox is selected: the new message is announced.
	if !hasResponse(r.Untagged, "* 3 EXISTS\r\n") {
		t.Errorf("APPEND with LITERAL+: no EXISTS in %q", r.Untagged)
	}
	uid3 := uint32(3)
	if uid1 != 1 || uid2 != 2 || !bytes.Contains(r.Tagged, []byte(" 3] ")) {
		t.Errorf("UIDs %d, %d and %q, want 1, 2 and 3", uid1, uid2, r.Tagged)
	}

	// The big body, byte for byte.
	r, err = srv.FetchUID(uid2, "BODY[]")
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != "OK" || len(r.Untagged) != 1 {
		t.Fatalf("UID FETCH BODY[]: %d untagged, %q", len(r.Untagged), r.Tagged)
	}
	fetch := r.Untagged[0]
	// Dovecot adds the FLAGS, as BODY[] has set \Seen.
	announce := fmt.Sprintf(" BODY[] {%d}\r\n", len(big))
	if !bytes.HasPrefix(fetch, []byte("* 2 FETCH (UID 2 ")) || !bytes.Contains(fetch, []byte(announce)) ||
		!bytes.HasSuffix(fetch, []byte(")\r\n")) {
		t.Errorf("FETCH response starts %q, ends %q", fetch[:min(len(fetch), 60)], fetch[max(0, len(fetch)-10):])
	}
	lits, err := dovecot.Literals(fetch)
	if err != nil {
		t.Fatal(err)
	}
	if len(lits) != 1 || !bytes.Equal(lits[0], big) {
		t.Fatalf("BODY[]: %d literals, first of %d bytes; want the %d bytes appended", len(lits), len(lits[0]), len(big))
	}

	// Every message's BODY[] is what was appended.
	for i, m := range msgs {
		r, err := srv.FetchUID(uint32(i+1), "BODY.PEEK[]")
		if err != nil {
			t.Fatal(err)
		}
		lits, err := dovecot.Literals(r.Untagged[len(r.Untagged)-1])
		if err != nil || len(lits) != 1 || !bytes.Equal(lits[0], m) {
			t.Errorf("UID %d: BODY[] %q, %v", i+1, lits, err)
		}
	}

	// Structure and envelope: each is one untagged FETCH response.
	for _, uid := range []uint32{uid1, uid2, uid3} {
		r, err := srv.FetchUID(uid, "BODYSTRUCTURE BODY ENVELOPE")
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != "OK" || len(r.Untagged) != 1 {
			t.Fatalf("UID %d: %+q", uid, r)
		}
		m := r.Untagged[0]
		for _, item := range []string{"BODYSTRUCTURE (", "BODY (", "ENVELOPE ("} {
			if !bytes.Contains(m, []byte(item)) {
				t.Errorf("UID %d: no %s in %q", uid, item, m)
			}
		}
		t.Logf("UID %d: %s", uid, m)
	}
}

func hasResponse(list [][]byte, s string) bool {
	for _, m := range list {
		if string(m) == s {
			return true
		}
	}
	return false
}

func TestBadAndNo(t *testing.T) {
	t.Parallel()
	srv := dovecot.Start(t)

	r, err := srv.Command("FROBNICATE")
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != "BAD" || !bytes.HasPrefix(r.Tagged, []byte("tag1 BAD ")) || r.Err() == nil {
		t.Errorf("FROBNICATE: %+q", r)
	}

	r, err = srv.Command("SELECT " + dovecot.Mailbox("no such box"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != "NO" || r.Err() == nil {
		t.Errorf("SELECT of a missing mailbox: %+q", r)
	}
	if err := srv.Select("no such box"); err == nil {
		t.Error("Select of a missing mailbox succeeded")
	}
	if _, err := srv.Append("no such box", []byte(plainMessage)); err == nil {
		t.Error("Append to a missing mailbox succeeded")
	}

	// Synchronising literals refused before their body: the rest of the
	// command is not sent.
	for _, tc := range []struct {
		cmd  string
		body []byte
	}{
		{"APPEND " + dovecot.Mailbox("no such box") + " ", []byte(plainMessage)},
		{"APPEND INBOX ", nil}, // "Can't save a zero byte message"
	} {
		r, err = srv.Command(tc.cmd, dovecot.Lit(tc.body), dovecot.Text(" NEVER SENT"))
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != "NO" || len(r.Continuations) != 0 {
			t.Errorf("%s{%d}: %+q", tc.cmd, len(tc.body), r)
		}
	}

	// The session goes on.
	r, err = srv.Command("NOOP")
	if err != nil || r.Status != "OK" {
		t.Fatalf("NOOP: %+q, %v", r, err)
	}
}

// TestRaw drives the bytes by hand: a broken literal announcement, and IDLE.
func TestRaw(t *testing.T) {
	t.Parallel()
	srv := dovecot.Start(t)

	// A literal announcement without its "}". Dovecot answers BAD, then
	// parses what follows the "{" as a new command, tagged "5".
	if err := srv.Raw([]byte("x1 APPEND INBOX {5\r\n")); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"x1 BAD ", "5 BAD "} {
		m, err := srv.ReadResponse()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(m, []byte(want)) {
			t.Errorf("broken literal: %q, want %q...", m, want)
		}
	}
	if err := srv.Raw([]byte("x2 IDLE\r\n")); err != nil {
		t.Fatal(err)
	}
	m, err := srv.ReadResponse()
	if err != nil || !bytes.HasPrefix(m, []byte("+ ")) {
		t.Fatalf("IDLE: %q, %v", m, err)
	}
	if err := srv.Raw([]byte("DONE\r\n")); err != nil {
		t.Fatal(err)
	}
	m, err = srv.ReadResponse()
	if err != nil || !bytes.HasPrefix(m, []byte("x2 OK ")) {
		t.Fatalf("DONE: %q, %v", m, err)
	}

	// Command stops at an unexpected continuation request.
	r, err := srv.Command("IDLE")
	if err == nil || r == nil || len(r.Continuations) != 1 {
		t.Fatalf("IDLE through Command: %+q, %v", r, err)
	}
	if err := srv.Raw([]byte("DONE\r\n")); err != nil {
		t.Fatal(err)
	}
	if m, err := srv.ReadResponse(); err != nil || !bytes.HasPrefix(m, []byte("tag1 OK ")) {
		t.Fatalf("DONE: %q, %v", m, err)
	}
}

func TestTimeout(t *testing.T) {
	t.Parallel()
	srv := dovecot.Start(t)
	if err := srv.Raw([]byte("x1 IDLE\r\n")); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.ReadResponse(); err != nil {
		t.Fatal(err)
	}
	srv.SetTimeout(200 * time.Millisecond)
	start := time.Now()
	_, err := srv.ReadResponse()
	if !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("reading during IDLE: %v, want a timeout", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("timeout after %v", d)
	}
	t.Logf("timeout error: %v", err)
	// The stream is intact after a timeout.
	srv.SetTimeout(0)
	if err := srv.Raw([]byte("DONE\r\n")); err != nil {
		t.Fatal(err)
	}
	if m, err := srv.ReadResponse(); err != nil || !bytes.HasPrefix(m, []byte("x1 OK ")) {
		t.Fatalf("DONE: %q, %v", m, err)
	}
}

// TestParallel runs two servers at once and checks they are independent.
func TestParallel(t *testing.T) {
	t.Parallel()
	for i := range 2 {
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			t.Parallel()
			srv := dovecot.Start(t)
			for j := range i + 1 {
				msg := []byte(fmt.Sprintf("Subject: %d.%d\r\n\r\nbody\r\n", i, j))
				if uid, err := srv.Append("INBOX", msg); err != nil || uid != uint32(j+1) {
					t.Fatalf("Append: %d, %v", uid, err)
				}
			}
			r, err := srv.Command("STATUS INBOX (MESSAGES)")
			if err != nil || r.Status != "OK" {
				t.Fatalf("STATUS: %+q, %v", r, err)
			}
			want := fmt.Sprintf("* STATUS INBOX (MESSAGES %d)\r\n", i+1)
			if len(r.Untagged) != 1 || string(r.Untagged[0]) != want {
				t.Errorf("STATUS: %q, want %q", r.Untagged, want)
			}
		})
	}
}

// TestRawlog checks that the session's traces are written.
func TestRawlog(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "rawlog")
	srv := dovecot.Start(t, dovecot.Rawlog(dir), dovecot.Setting("imap_capability", "+XTEST"))
	if !bytes.Contains(srv.Greeting(), []byte(" XTEST ")) {
		t.Errorf("imap_capability setting not applied: %q", srv.Greeting())
	}
	if _, err := srv.Command("NOOP"); err != nil {
		t.Fatal(err)
	}
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.Command("NOOP"); err == nil {
		t.Error("Command after Close succeeded")
	}
	ins, _ := filepath.Glob(filepath.Join(dir, "*.in"))
	if len(ins) != 1 {
		t.Fatalf("rawlog files: %q", ins)
	}
	in, err := os.ReadFile(ins[0])
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(in, []byte("tag1 NOOP\r\n")) || !bytes.Contains(in, []byte("tag2 LOGOUT\r\n")) {
		t.Errorf("rawlog input: %q", in)
	}
}

// TestFramingAgreesWithWire checks that wire.Decoder frames the responses
// of a session as the harness does: each is exactly one message.
func TestFramingAgreesWithWire(t *testing.T) {
	t.Parallel()
	srv := dovecot.Start(t)
	if _, err := srv.Append("INBOX", []byte(nestedMessage)); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.Append("INBOX", bigMessage(5000)); err != nil {
		t.Fatal(err)
	}
	// BINARY[1] of this one has a NUL: Dovecot sends it as a literal8.
	binary := "Content-Type: application/octet-stream\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\nAAECAw==\r\n"
	if _, err := srv.Append("INBOX", []byte(binary)); err != nil {
		t.Fatal(err)
	}
	var all [][]byte
	all = append(all, srv.Greeting())
	for _, cmd := range []string{
		"CAPABILITY", `LIST "" "*"`, "SELECT INBOX",
		"FETCH 1:2 (UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE BODY[] BINARY[2] BODY[HEADER.FIELDS (SUBJECT)])",
		"FETCH 3 (BINARY[1] BINARY[1]<1.2> BODY[])",
		"NOOP",
	} {
		r, err := srv.Command(cmd)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, r.Untagged...)
		all = append(all, r.Continuations...)
		all = append(all, r.Tagged)
	}
	want := "BINARY[1] ~{4}\r\n\x00\x01\x02\x03 BINARY[1]<1> ~{2}\r\n\x01\x02 BODY[] {"
	if !bytes.Contains(bytes.Join(all, nil), []byte(want)) {
		t.Errorf("no response has %q", want)
	}
	for _, m := range all {
		d := wire.NewDecoder(bytes.NewReader(m))
		if _, err := d.ReadMessage(); err != nil {
			t.Errorf("wire: %v reading %q", err, m)
			continue
		}
		if _, err := d.ReadMessage(); err != io.EOF {
			t.Errorf("wire: %v after the first message of %q", err, m)
		}
	}
}

// TestLiterals frames hand-written responses, without Dovecot.
func TestLiterals(t *testing.T) {
	for _, tc := range []struct {
		in   string
		lits []string
	}{
		{"* 1 FETCH (BODY[] {5}\r\nhello)\r\n", []string{"hello"}},
		{"* 1 FETCH (BINARY[] ~{3}\r\na\x00b BODY[1] {0}\r\n FLAGS ())\r\n", []string{"a\x00b", ""}},
		{"* 1 FETCH (BODY[1] {2}\r\n{}  BODY[2] {5}\r\n{1}\r\n)\r\n", []string{"{}", "{1}\r\n"}},
		{"* OK [ALERT] text {5}\r\n", nil},
		{"tag1 BAD unknown {5}\r\n", nil},
		{"+ {3}\r\n", nil},
		{"* 3 EXISTS\r\n", nil},
	} {
		lits, err := dovecot.Literals([]byte(tc.in))
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		var got []string
		for _, l := range lits {
			got = append(got, string(l))
		}
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tc.lits) {
			t.Errorf("%q: literals %q, want %q", tc.in, got, tc.lits)
		}
	}
	for _, in := range []string{
		"* OK done\r\n* 2 EXISTS\r\n",
		"* 1 FETCH (BODY[] {5}\r\nhel",
		"* 1 FETCH (FLAGS ())",
		"",
	} {
		if _, err := dovecot.Literals([]byte(in)); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}

func TestMailbox(t *testing.T) {
	for in, want := range map[string]string{
		"INBOX":        `"INBOX"`,
		"Entwürfe":     `"Entw&APw-rfe"`,
		`a"b\c`:        `"a\"b\\c"`,
		"line\r\nfeed": `"line&AA0ACg-feed"`,
	} {
		if got := dovecot.Mailbox(in); got != want {
			t.Errorf("Mailbox(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestAvailable(t *testing.T) {
	t.Setenv(dovecot.EnvBinary, filepath.Join(t.TempDir(), "no-imap"))
	if path, ok := dovecot.Available(); ok || !strings.HasSuffix(path, "no-imap") {
		t.Errorf("Available() = %q, %v with a missing binary", path, ok)
	}
}

// TestFakeServer runs a script in place of Dovecot: a reply with a tag
// that is not the command's is an error, and a server that does not exit
// is killed.
func TestFakeServer(t *testing.T) {
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh")
	}
	script := filepath.Join(t.TempDir(), "imap")
	err := os.WriteFile(script, []byte("#!/bin/sh\n"+
		"printf '* PREAUTH fake\\r\\n'\n"+
		"read line\n"+
		"printf 'other OK done\\r\\n'\n"+
		"echo 'fake: going to sleep' >&2\n"+
		"exec sleep 30\n"), 0o755)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(dovecot.EnvBinary, script)
	srv := dovecot.Start(t, dovecot.Timeout(time.Minute))
	if g := string(srv.Greeting()); g != "* PREAUTH fake\r\n" {
		t.Errorf("greeting %q", g)
	}
	srv.SetTimeout(300 * time.Millisecond)
	r, err := srv.Command("NOOP")
	if err == nil || !strings.Contains(err.Error(), `"other OK done\r\n" is not for tag1`) {
		t.Errorf("reply for another tag: %+q, %v", r, err)
	}
	start := time.Now()
	err = srv.Close()
	if err == nil || !strings.Contains(err.Error(), "killed") || !strings.Contains(err.Error(), "fake: going to sleep") {
		t.Errorf("Close: %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Close took %v", d)
	}
}

// TestMain checks, after all the tests, that no process started by the
// tests is left and no goroutine of the harness or of os/exec is running.
func TestMain(m *testing.M) {
	code := m.Run()
	if kids := children(); len(kids) != 0 {
		fmt.Fprintf(os.Stderr, "processes left: %q\n", kids)
		code = 1
	}
	buf := make([]byte, 1<<20)
	stacks := string(buf[:runtime.Stack(buf, true)])
	if strings.Contains(stacks, "os/exec.") || strings.Contains(stacks, "internal/dovecot.") {
		fmt.Fprintf(os.Stderr, "goroutines left:\n%s\n", stacks)
		code = 1
	}
	os.Exit(code)
}

// children lists the processes whose parent is this test binary (Linux).
func children() []string {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	ppid := " " + strconv.Itoa(os.Getpid()) + " "
	var kids []string
	for _, f := range stats {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...
		i := bytes.LastIndexByte(b, ')')
		if i < 0 || len(b) < i+4 {
			continue
		}
		if strings.HasPrefix(string(b[i+4:]), ppid[1:]) {
			kids = append(kids, string(b[:i+1]))
		}
	}
	return kids
}

// TestConfig checks that Config text reaches the configuration file and
// that Setting overrides it.
func TestConfig(t *testing.T) {
	t.Parallel()
	srv := dovecot.Start(t, dovecot.Config("imap_capability = +XCONF\nimap_id_send = name *"))
	if !bytes.Contains(srv.Greeting(), []byte(" XCONF ")) {
		t.Errorf("Config not applied: %q", srv.Greeting())
	}
	conf, err := os.ReadFile(filepath.Join(srv.Dir(), "dovecot.conf"))
	if err != nil || !bytes.HasSuffix(conf, []byte("\nimap_capability = +XCONF\nimap_id_send = name *\n")) {
		t.Errorf("dovecot.conf %q, %v", conf, err)
	}
	srv = dovecot.Start(t, dovecot.Config("imap_capability = +XCONF"), dovecot.Setting("imap_capability", "+XSET"))
	if g := srv.Greeting(); !bytes.Contains(g, []byte(" XSET ")) || bytes.Contains(g, []byte("XCONF")) {
		t.Errorf("Setting does not override Config: %q", g)
	}
}
