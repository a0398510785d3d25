// Command testdata-capture regenerates cmd/imaptrace/testdata/dovecot.in and
// dovecot.out: a real IMAP session with Dovecot, recorded by Dovecot's own
// rawlog (every line prefixed "sec.usec "), used by imaptrace as its embedded
// sample and by its tests.
//
// It needs Dovecot (Debian package dovecot-imapd) and runs
// /usr/lib/dovecot/imap preauthenticated on stdin/stdout, as in the
// "Real peers for tests" recipe of DESIGN.md. It is never run by go test:
//
//	go run ./internal/testdata-capture -out cmd/imaptrace/testdata
//
// Each command waits for its tagged reply before the next one is sent; the
// synchronising APPEND literal waits for the server's "+". The session
// covers CAPABILITY, ID, ENABLE, NAMESPACE, LIST, CREATE with a modified
// UTF-7 name, APPEND with a synchronising and a LITERAL+ literal, SELECT,
// FETCH of the metadata and of BODY[], STORE, SEARCH, UID SEARCH, STATUS,
// IDLE with DONE, NOOP and LOGOUT.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

const imapBinary = "/usr/lib/dovecot/imap"

// The two messages appended: fixed text, so that only the times, the
// UIDVALIDITY and Dovecot's timings change from one capture to the next.
const message1 = "Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n" +
	"From: Alice Example <alice@example.org>\r\n" +
	"To: Bob Example <bob@example.net>\r\n" +
	"Subject: =?UTF-8?Q?Entw=C3=BCrfe?= for the meeting\r\n" +
	"Message-ID: <draft-1@example.org>\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: text/plain; charset=utf-8\r\n" +
	"Content-Transfer-Encoding: 7bit\r\n" +
	"\r\n" +
	"Hello Bob,\r\n" +
	"here is the agenda.\r\n"

const message2 = "Date: Wed, 15 Nov 2023 08:00:00 +0100\r\n" +
	"From: Bob Example <bob@example.net>\r\n" +
	"To: Alice Example <alice@example.org>, carol@example.com\r\n" +
	"Subject: Re: agenda\r\n" +
	"Message-ID: <reply-1@example.net>\r\n" +
	"In-Reply-To: <draft-1@example.org>\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: multipart/alternative; boundary=\"b1\"\r\n" +
	"\r\n" +
	"--b1\r\n" +
	"Content-Type: text/plain; charset=us-ascii\r\n" +
	"\r\n" +
	"Thanks!\r\n" +
	"--b1\r\n" +
	"Content-Type: text/html; charset=us-ascii\r\n" +
	"\r\n" +
	"<p>Thanks!</p>\r\n" +
	"--b1--\r\n"

// mailbox is "Entwürfe" in modified UTF-7 (RFC 3501 section 5.1.3).
const mailbox = `"Entw&APw-rfe"`

func main() {
	out := flag.String("out", "cmd/imaptrace/testdata", "directory that receives dovecot.in and dovecot.out")
	flag.Parse()
	if err := capture(*out); err != nil {
		fmt.Fprintln(os.Stderr, "testdata-capture:", err)
		os.Exit(1)
	}
}

func capture(outDir string) error {
	if _, err := os.Stat(imapBinary); err != nil {
		return fmt.Errorf("dovecot is not installed (apt-get install dovecot-imapd): %w", err)
	}
	dir, err := os.MkdirTemp("", "imaptrace-capture-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	home := filepath.Join(dir, "home")
	raw := filepath.Join(dir, "rawlog")
	for _, d := range []string{home, raw} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	conf := filepath.Join(dir, "dovecot.conf")
	text := "log_path = /dev/stderr\nssl = no\nmail_location = maildir:" + filepath.Join(home, "mail") + "\n"
	if err := os.WriteFile(conf, []byte(text), 0o644); err != nil {
		return err
	}
	args := []string{"-c", conf, "-o", "rawlog_dir=" + raw}
	if os.Geteuid() == 0 {
		// Dovecot refuses to run mail processes as root.
		args = append(args, "-o", "mail_uid=65534", "-o", "mail_gid=65534")
		if err := chownTree(dir, 65534, 65534); err != nil {
			return err
		}
	}
	cmd := exec.Command(imapBinary, args...)
	cmd.Env = []string{"PATH=/usr/bin:/bin", "USER=test", "HOME=" + home}
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	s := &session{w: stdin, r: bufio.NewReader(stdout)}
	serr := s.run()
	stdin.Close()
	werr := cmd.Wait()
	if serr != nil {
		return serr
	}
	if werr != nil {
		return werr
	}
	return copyRawlog(raw, outDir)
}

func chownTree(root string, uid, gid int) error {
	return filepath.Walk(root, func(path string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Chown(path, uid, gid)
	})
}

// copyRawlog copies the single .in/.out pair Dovecot wrote in raw to
// outDir/dovecot.in and outDir/dovecot.out.
func copyRawlog(raw, outDir string) error {
	ins, err := filepath.Glob(filepath.Join(raw, "*.in"))
	if err != nil {
		return err
	}
	if len(ins) != 1 {
		return fmt.Errorf("expected one rawlog pair in %s, found %d", raw, len(ins))
	}
	base := strings.TrimSuffix(ins[0], ".in")
	for _, ext := range []string{".in", ".out"} {
		b, err := os.ReadFile(base + ext)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(outDir, "dovecot"+ext), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// session drives the server: one command at a time.
type session struct {
	w   io.Writer
	r   *bufio.Reader
	seq int
}

func (s *session) run() error {
	// The greeting.
	if _, err := s.readResponse(func(line string) bool { return strings.HasPrefix(line, "* ") }); err != nil {
		return err
	}
	steps := []func() error{
		func() error { return s.command("CAPABILITY") },
		func() error { return s.command(`ID ("name" "imaptrace-capture" "version" "1")`) },
		func() error { return s.command("ENABLE CONDSTORE") },
		func() error { return s.command("NAMESPACE") },
		func() error { return s.command(`LIST "" "*"`) },
		func() error { return s.command("CREATE " + mailbox) },
		func() error { return s.command("LIST " + `"" "*"`) },
		func() error {
			return s.appendSync("APPEND "+mailbox+` (\Seen) "14-Nov-2023 22:13:20 +0000" `, message1)
		},
		func() error {
			return s.command("APPEND " + mailbox + ` "15-Nov-2023 08:00:00 +0100" ` +
				"{" + strconv.Itoa(len(message2)) + "+}\r\n" + message2)
		},
		func() error { return s.command("SELECT " + mailbox) },
		func() error {
			return s.command("FETCH 1:* (UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE)")
		},
		func() error { return s.command("FETCH 1 BODY[]") },
		func() error { return s.command(`STORE 1 +FLAGS (\Flagged)`) },
		func() error { return s.command("SEARCH FLAGGED") },
		func() error { return s.command(`UID SEARCH FROM "bob"`) },
		func() error { return s.command("STATUS INBOX (MESSAGES UIDNEXT UNSEEN)") },
		s.idle,
		func() error { return s.command("NOOP") },
		func() error { return s.command("LOGOUT") },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func (s *session) nextTag() string {
	s.seq++
	return "a" + strconv.Itoa(s.seq)
}

// command sends one command line and waits for its tagged reply.
func (s *session) command(text string) error {
	tag := s.nextTag()
	if _, err := io.WriteString(s.w, tag+" "+text+"\r\n"); err != nil {
		return err
	}
	return s.waitTagged(tag)
}

// appendSync sends an APPEND whose message is a synchronising literal,
// waiting for the continuation request before the body.
func (s *session) appendSync(prefix, body string) error {
	tag := s.nextTag()
	if _, err := io.WriteString(s.w, tag+" "+prefix+"{"+strconv.Itoa(len(body))+"}\r\n"); err != nil {
		return err
	}
	line, err := s.readResponse(func(line string) bool {
		return strings.HasPrefix(line, "+") || strings.HasPrefix(line, tag+" ")
	})
	if err != nil {
		return err
	}
	if !strings.HasPrefix(line, "+") {
		return fmt.Errorf("APPEND refused: %q", line)
	}
	if _, err := io.WriteString(s.w, body+"\r\n"); err != nil {
		return err
	}
	return s.waitTagged(tag)
}

// idle runs IDLE for a moment and ends it with DONE.
func (s *session) idle() error {
	tag := s.nextTag()
	if _, err := io.WriteString(s.w, tag+" IDLE\r\n"); err != nil {
		return err
	}
	if _, err := s.readResponse(func(line string) bool { return strings.HasPrefix(line, "+") }); err != nil {
		return err
	}
	time.Sleep(50 * time.Millisecond)
	if _, err := io.WriteString(s.w, "DONE\r\n"); err != nil {
		return err
	}
	return s.waitTagged(tag)
}

func (s *session) waitTagged(tag string) error {
	line, err := s.readResponse(func(line string) bool { return strings.HasPrefix(line, tag+" ") })
	if err != nil {
		return err
	}
	if !strings.HasPrefix(line, tag+" OK") {
		return fmt.Errorf("command %s failed: %q", tag, line)
	}
	return nil
}

var literalAtEnd = regexp.MustCompile(`\{([0-9]+)\}\r\n$`)

// readResponse reads server responses until one whose first line satisfies
// done, and returns that line. Literals in responses are read by their size,
// so that their content is never mistaken for a response.
func (s *session) readResponse(done func(string) bool) (string, error) {
	for {
		first, err := s.readMessage()
		if err != nil {
			return "", err
		}
		if done(first) {
			return first, nil
		}
	}
}

// readMessage reads one response, literals included, and returns its first
// line.
func (s *session) readMessage() (string, error) {
	first := ""
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return "", fmt.Errorf("reading from the server: %w (after %q)", err, line)
		}
		if first == "" {
			first = line
		}
		m := literalAtEnd.FindStringSubmatch(line)
		if m == nil {
			return first, nil
		}
		n, err := strconv.Atoi(m[1])
		if err != nil {
			return "", err
		}
		if _, err := io.CopyN(io.Discard, s.r, int64(n)); err != nil {
			return "", err
		}
	}
}
