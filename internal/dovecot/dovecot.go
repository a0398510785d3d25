// Package dovecot runs a throw-away live Dovecot IMAP server for tests.
//
// Start launches Dovecot's imap process (Debian package dovecot-imapd,
// /usr/lib/dovecot/imap, or the path in $MAILWIRE_DOVECOT_IMAP) without its
// daemon, preauthenticated on its standard input and output, with a fresh
// Maildir in a temporary directory of the test. The test talks IMAP to it
// through the returned Server and gets back the exact bytes Dovecot sent,
// framed into whole response messages, literals included:
//
//	srv := dovecot.Start(t)
//	uid, err := srv.Append("INBOX", msg)
//	...
//	if err := srv.Select("INBOX"); err != nil { ... }
//	reply, err := srv.FetchUID(uid, "BODY[]")
//	...
//	bodies, err := dovecot.Literals(reply.Untagged[0]) // bodies[0] == msg
//
// When the binary is missing, Start skips the test, or fails it when the
// environment variable MAILWIRE_REQUIRE_DOVECOT is set (as .ci/run does). Each server is stopped
// by a Cleanup of the test (LOGOUT, end of input, wait for the exit, a kill
// if it does not come), so no process or goroutine outlives the test.
//
// # Commands and replies
//
// Server.Command sends one command, with a tag of its own, and reads the
// responses up to its tagged reply. Literal arguments are given as Literal
// parts between the text parts of the command; a synchronising literal waits
// for the server's continuation request before its body, as a client must.
// A command that the server refuses (NO, BAD) is a Reply with that Status,
// not a Go error: Go errors are for I/O, timeouts and responses that cannot
// be framed, and they quote the last bytes read and what Dovecot logged.
//
// Server.Raw and Server.ReadResponse drive the bytes by hand, for tests that
// send what Command would not (a broken literal, IDLE and DONE, ...).
//
// # Framing
//
// A response message is a line and, when the line ends in a literal
// announcement ("{n}" or the literal8 "~{n}"), the literal body and the line
// that goes on after it, and so on until a line that announces nothing.
// Status responses (tagged replies and untagged OK, NO, BAD, BYE and
// PREAUTH) and continuation requests end in free text, so a "{n}" at the end
// of their line is text, not a literal. The framing is done here, without
// the codec under test, so that tests can compare the codec with it.
//
// # Running as root
//
// Dovecot refuses to run mail processes as root. When the test runs as root,
// the server runs with mail_uid and mail_gid 65534 (nobody), its directory is
// given to that user, and the directories above it inside os.TempDir, which
// the testing package creates with mode 0700, are made traversable (o+x) so
// that the mail process can reach it. The same is done for a Rawlog
// directory.
//
// Dovecot's replies carry timings ("(0.001 + 0.000 secs)") and a random
// UIDVALIDITY, so tests should not compare whole tagged replies or SELECT
// responses byte for byte.
package dovecot

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mailwire/imap/literal"
	"github.com/mailwire/imap/wire"
)

// DefaultBinary is where Debian's dovecot-imapd installs the imap process.
const DefaultBinary = "/usr/lib/dovecot/imap"

// EnvRequire names the environment variable that, when set and not empty,
// makes Start fail rather than skip without Dovecot.
const EnvRequire = "MAILWIRE_REQUIRE_DOVECOT"

// EnvBinary names the environment variable that, when set and not empty,
// overrides DefaultBinary.
const EnvBinary = "MAILWIRE_DOVECOT_IMAP"

// DefaultTimeout bounds every read and write of a Server unless the Timeout
// option or Server.SetTimeout says otherwise.
const DefaultTimeout = 30 * time.Second

// Limits of the framing, against a runaway server.
const (
	maxLineBytes    = 1 << 20 // one line of a response, without literals
	maxLiteralBytes = 1 << 30 // one literal body
	maxStderrBytes  = 1 << 20 // what is kept of Dovecot's log
	tailBytes       = 300     // bytes quoted in errors
)

// stopTimeout bounds LOGOUT and the wait for the exit in Close, unless the
// Timeout option is shorter.
const stopTimeout = 5 * time.Second

// nobody is the uid and gid of the mail processes when the test runs as root.
const nobody = 65534

// Available returns the path of Dovecot's imap binary ($MAILWIRE_DOVECOT_IMAP
// or DefaultBinary) and whether it exists as an executable file.
func Available() (path string, ok bool) {
	path = os.Getenv(EnvBinary)
	if path == "" {
		path = DefaultBinary
	}
	fi, err := os.Stat(path)
	return path, err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}

// An Option configures Start.
type Option func(*config)

type config struct {
	settings [][2]string
	conf     []string
	rawlog   string
	timeout  time.Duration
}

// Setting sets a Dovecot configuration setting, passed on the command line
// as "-o key=value" after the harness's own, so that it overrides them and
// the configuration file.
func Setting(key, value string) Option {
	return func(c *config) { c.settings = append(c.settings, [2]string{key, value}) }
}

// Config appends text to the configuration file that Start writes, after
// the harness's own settings: blocks that "-o" cannot express, such as a
// namespace with its mailboxes or a plugin section. "%h" in values is the
// server's home directory (Dovecot expands it). Setting options still
// override what text sets. For example:
//
//	dovecot.Start(t, dovecot.Config(`
//	mail_plugins = quota imap_quota
//	plugin {
//	  quota = count:User quota
//	  quota_vsizes = yes
//	}
//	`))
func Config(text string) Option {
	return func(c *config) { c.conf = append(c.conf, text) }
}

// Rawlog makes Dovecot write the session's traces into dir (its rawlog_dir
// setting): a pair of files "<date>-<time>.<pid>.1.in" and ".out" holding
// what the server read and wrote. dir is created if needed. Dovecot
// completes the files when it exits: call Server.Close before reading them.
func Rawlog(dir string) Option {
	return func(c *config) { c.rawlog = dir }
}

// Timeout sets how long a Server waits for each read and write (each response
// message, each command write) before it gives up with an error wrapping
// os.ErrDeadlineExceeded. The default is DefaultTimeout.
func Timeout(d time.Duration) Option {
	return func(c *config) { c.timeout = d }
}

// A Server is a running Dovecot imap process, preauthenticated, talking IMAP
// on pipes. Its methods must be called from one goroutine at a time.
type Server struct {
	tb      testing.TB
	dir     string
	timeout time.Duration

	cmd    *exec.Cmd
	stdin  *os.File // write end of the server's standard input
	stdout *os.File // read end of the server's standard output
	r      *bufio.Reader
	stderr *logBuffer

	greeting []byte
	seq      int
	frame    framer
	last     []byte // the end of the last message read, for errors

	closed   bool
	closeErr error
}

// Start starts a Dovecot imap process for the test, reads its greeting and
// registers a Cleanup that stops it (see Close). It skips the test when the
// binary is not available and fails it when the server cannot be started.
//
// The server's home directory is a new tb.TempDir holding dovecot.conf and
// the Maildir "mail"; it is preauthenticated as user "test".
func Start(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	path, ok := Available()
	if !ok {
		from := ""
		if os.Getenv(EnvBinary) != "" {
			from = " (from $" + EnvBinary + ")"
		}
		if os.Getenv(EnvRequire) != "" {
			tb.Fatalf("dovecot: %s%s not found, and $%s requires the live tests (CI installs dovecot-imapd)", path, from, EnvRequire)
		}
		tb.Skipf("dovecot: %s%s not found; install dovecot-imapd to run live tests", path, from)
	}
	cfg := config{timeout: DefaultTimeout}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.timeout <= 0 {
		cfg.timeout = DefaultTimeout
	}

	dir := tb.TempDir()
	args, err := prepare(dir, &cfg)
	if err != nil {
		tb.Fatalf("dovecot: preparing %s: %v", dir, err)
	}

	s := &Server{tb: tb, dir: dir, timeout: cfg.timeout, stderr: &logBuffer{}}
	if err := s.start(path, args); err != nil {
		tb.Fatalf("dovecot: starting %s: %v", path, err)
	}
	tb.Cleanup(func() {
		if s.closed {
			return // the test has had Close's error
		}
		if err := s.Close(); err != nil {
			tb.Errorf("%v", err)
		}
	})
	g, err := s.ReadResponse()
	if err != nil {
		tb.Fatalf("dovecot: reading the greeting: %v", err)
	}
	s.greeting = g
	if !bytes.HasPrefix(g, []byte("* PREAUTH")) && !bytes.HasPrefix(g, []byte("* OK")) {
		tb.Fatalf("dovecot: unexpected greeting %q%s", g, s.logs())
	}
	return s
}

// prepare writes the configuration into dir, creates the Maildir and the
// rawlog directory, and returns the arguments of the imap process.
func prepare(dir string, cfg *config) ([]string, error) {
	mail := filepath.Join(dir, "mail")
	if err := os.Mkdir(mail, 0o700); err != nil {
		return nil, err
	}
	conf := filepath.Join(dir, "dovecot.conf")
	text := "log_path = /dev/stderr\nssl = no\nmail_location = maildir:" + mail + "\n"
	for _, c := range cfg.conf {
		text += c + "\n"
	}
	if err := os.WriteFile(conf, []byte(text), 0o644); err != nil {
		return nil, err
	}
	args := []string{"-c", conf}
	root := os.Geteuid() == 0
	if root {
		args = append(args, "-o", "mail_uid="+strconv.Itoa(nobody), "-o", "mail_gid="+strconv.Itoa(nobody))
		if err := giveAway(dir); err != nil {
			return nil, err
		}
	}
	if cfg.rawlog != "" {
		raw, err := filepath.Abs(cfg.rawlog)
		if err != nil {
			return nil, err
		}
		if err := os.MkdirAll(raw, 0o755); err != nil {
			return nil, err
		}
		if root {
			if err := giveAway(raw); err != nil {
				return nil, err
			}
		}
		args = append(args, "-o", "rawlog_dir="+raw)
	}
	for _, kv := range cfg.settings {
		args = append(args, "-o", kv[0]+"="+kv[1])
	}
	return args, nil
}

// giveAway gives dir and everything in it to the mail user and makes the
// directories above it inside os.TempDir traversable by others, for Dovecot
// running as root with mail_uid 65534. Directories outside os.TempDir are
// left alone: if the mail user cannot reach dir, Dovecot logs why.
func giveAway(dir string) error {
	err := filepath.WalkDir(dir, func(path string, _ os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(path, nobody, nobody)
	})
	if err != nil {
		return err
	}
	tmp := filepath.Clean(os.TempDir()) + string(filepath.Separator)
	for p := filepath.Dir(dir); strings.HasPrefix(p, tmp); p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		if err != nil {
			return err
		}
		if fi.Mode().Perm()&0o001 == 0 {
			if err := os.Chmod(p, fi.Mode().Perm()|0o001); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Server) start(path string, args []string) error {
	inR, inW, err := os.Pipe()
	if err != nil {
		return err
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return err
	}
	cmd := exec.Command(path, args...)
	cmd.Env = []string{"PATH=/usr/bin:/bin", "USER=test", "HOME=" + s.dir}
	cmd.Dir = s.dir
	cmd.Stdin = inR
	cmd.Stdout = outW
	cmd.Stderr = s.stderr
	cmd.WaitDelay = stopTimeout
	err = cmd.Start()
	// The child has its own copies of its ends of the pipes.
	inR.Close()
	outW.Close()
	if err != nil {
		inW.Close()
		outR.Close()
		return err
	}
	s.cmd, s.stdin, s.stdout = cmd, inW, outR
	s.r = bufio.NewReaderSize(outR, 64<<10)
	return nil
}

// Close stops the server: it sends LOGOUT and reads the reply, as far as it
// can (the test may have left the session in any state, or the server may
// have hung up: failures here are ignored), closes the server's input and output and waits for the process to exit,
// killing it if it has not exited after 5 seconds (or the Timeout, if
// shorter). It reports a server that had to be killed or exited with an
// error, with what Dovecot logged.
//
// The Cleanup that Start registers calls Close and fails the test on its
// error. A test may call Close earlier, to read a Rawlog for instance; it
// then gets the error itself, further calls return the same, and the
// Cleanup does nothing. After Close the other methods return errors.
func (s *Server) Close() error {
	if s.closed {
		return s.closeErr
	}
	saved := s.timeout
	s.timeout = min(s.timeout, stopTimeout)
	defer func() { s.timeout = saved }()
	s.Command("LOGOUT")
	s.closed = true
	s.stdin.Close()
	s.stdout.Close() // a server blocked writing gets EPIPE
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(s.timeout):
		s.cmd.Process.Kill()
		<-done
		err = fmt.Errorf("did not exit within %v after LOGOUT, killed", s.timeout)
	}
	if err != nil {
		s.closeErr = fmt.Errorf("dovecot: server in %s: %v%s", s.dir, err, s.logs())
	}
	return s.closeErr
}

// SetTimeout changes the Timeout of the server's reads and writes from now
// on; d <= 0 restores DefaultTimeout.
func (s *Server) SetTimeout(d time.Duration) {
	if d <= 0 {
		d = DefaultTimeout
	}
	s.timeout = d
}

// Greeting returns the server's greeting, the whole line with its CRLF
// ("* PREAUTH [CAPABILITY ...] Logged in as test\r\n").
func (s *Server) Greeting() []byte { return bytes.Clone(s.greeting) }

// Dir returns the server's home directory, which holds dovecot.conf and the
// Maildir "mail".
func (s *Server) Dir() string { return s.dir }

// Stderr returns what Dovecot has logged so far (its log_path is stderr).
func (s *Server) Stderr() string { return s.stderr.String() }

// A Reply is what a command got back. Each element of its slices is the
// complete raw bytes of one response message, as Dovecot sent it: the line
// with its CRLF and, where the line announces a literal, the literal body and
// the rest of the message after it.
type Reply struct {
	// Untagged holds the untagged responses ("* ...") read while the
	// command ran, in order.
	Untagged [][]byte
	// Continuations holds the continuation requests ("+ ...") the server
	// sent, one per synchronising literal it accepted.
	Continuations [][]byte
	// Tagged is the tagged reply that completed the command.
	Tagged []byte
	// Status is the status of the tagged reply: "OK", "NO" or "BAD".
	Status string
}

// Err returns nil when the command succeeded (Status "OK"), and otherwise an
// error quoting the tagged reply.
func (r *Reply) Err() error {
	if r.Status == "OK" {
		return nil
	}
	return fmt.Errorf("dovecot: command failed: %q", r.Tagged)
}

// A Part is a piece of a command after its first text: a Text or a Literal.
type Part interface{ part() }

// Text is text of a command, written as is.
type Text string

// A Literal is a literal argument of a command: its announcement ("{n}",
// "{n+}", "~{n}" or "~{n+}", with n the length of Body) followed by CRLF and
// Body. A synchronising literal (NonSync false) waits for the server's
// continuation request before its body is sent.
type Literal struct {
	Body    []byte
	NonSync bool // "{n+}" (LITERAL+, RFC 7888): the body follows at once
	Binary  bool // "~{n}" (literal8, BINARY, RFC 3516)
}

// Lit returns a synchronising literal "{n}" of body.
func Lit(body []byte) Literal { return Literal{Body: body} }

// LitPlus returns a non-synchronising literal "{n+}" of body (LITERAL+).
func LitPlus(body []byte) Literal { return Literal{Body: body, NonSync: true} }

// Lit8 returns a synchronising literal8 "~{n}" of body (BINARY), for APPEND.
func Lit8(body []byte) Literal { return Literal{Body: body, Binary: true} }

func (Text) part()    {}
func (Literal) part() {}

// Command sends a command and reads the responses up to its tagged reply.
//
// The command is written as a new tag ("tag1", "tag2", ...), a space, cmd and
// the parts in order, then CRLF: cmd and the parts hold everything between
// the tag and the final CRLF. For each Literal the announcement and CRLF are
// written; a synchronising literal then waits for the server's continuation
// request (keeping the untagged responses that come first) before its body.
// For example:
//
//	srv.Command(`APPEND INBOX (\Seen) `, dovecot.Lit(msg))
//	srv.Command("APPEND INBOX ", dovecot.LitPlus(m1), dovecot.Text(" "), dovecot.LitPlus(m2))
//
// If the server answers a synchronising literal with its tagged reply
// instead (it refuses the literal), the rest of the command is not sent and
// that reply is returned. A NO or BAD is not an error: see Reply.Status.
// The error is for I/O, timeouts, a tagged reply with another tag and a
// continuation request that no literal asked for (as IDLE and AUTHENTICATE
// send: use Raw and ReadResponse for those); the Reply read so far is
// returned with it.
func (s *Server) Command(cmd string, parts ...Part) (*Reply, error) {
	if s.closed {
		return nil, errors.New("dovecot: server closed")
	}
	s.seq++
	tag := "tag" + strconv.Itoa(s.seq)
	reply := &Reply{}
	buf := append([]byte(tag+" "), cmd...)
	for _, p := range parts {
		switch p := p.(type) {
		case Text:
			buf = append(buf, p...)
		case Literal:
			a := literal.Announcement{Size: int64(len(p.Body)), NonSync: p.NonSync, Binary: p.Binary}
			buf = append(a.AppendTo(buf), "\r\n"...)
			if !p.NonSync {
				if err := s.Raw(buf); err != nil {
					return reply, err
				}
				buf = buf[:0]
				cont, err := s.collect(tag, reply, true)
				if err != nil || !cont {
					return reply, err
				}
			}
			buf = append(buf, p.Body...)
		default:
			return nil, fmt.Errorf("dovecot: unknown command part %T", p)
		}
	}
	buf = append(buf, "\r\n"...)
	if err := s.Raw(buf); err != nil {
		return reply, err
	}
	_, err := s.collect(tag, reply, false)
	return reply, err
}

// collect reads responses into reply until the tagged reply of tag or, when
// wantCont, a continuation request, and reports whether it stopped at a
// continuation request.
func (s *Server) collect(tag string, reply *Reply, wantCont bool) (cont bool, err error) {
	prefix := []byte(tag + " ")
	for {
		m, err := s.ReadResponse()
		if err != nil {
			return false, err
		}
		switch {
		case bytes.HasPrefix(m, []byte("*")):
			reply.Untagged = append(reply.Untagged, m)
		case bytes.HasPrefix(m, []byte("+")):
			reply.Continuations = append(reply.Continuations, m)
			if !wantCont {
				return true, fmt.Errorf("dovecot: unexpected continuation request %q for %s (use Raw and ReadResponse for IDLE and AUTHENTICATE)", m, tag)
			}
			return true, nil
		case bytes.HasPrefix(m, prefix):
			reply.Tagged = m
			status, _, _ := bytes.Cut(m[len(prefix):], []byte(" "))
			reply.Status = strings.ToUpper(string(bytes.TrimRight(status, "\r\n")))
			return false, nil
		default:
			return false, fmt.Errorf("dovecot: response %q is not for %s%s", m, tag, s.logs())
		}
	}
}

// Raw writes b to the server as it is.
func (s *Server) Raw(b []byte) error {
	if s.closed {
		return errors.New("dovecot: server closed")
	}
	s.stdin.SetWriteDeadline(time.Now().Add(s.timeout))
	if _, err := s.stdin.Write(b); err != nil {
		return fmt.Errorf("dovecot: writing %s: %w%s", quoteTail(b), err, s.logs())
	}
	return nil
}

// ReadResponse reads the next response message, literals included, and
// returns its raw bytes. It fails with an error wrapping
// os.ErrDeadlineExceeded when the message has not come within the timeout;
// the part read so far is kept, and a further call goes on with the same
// message. At the end of the server's output the error wraps io.EOF, or
// io.ErrUnexpectedEOF inside a message.
func (s *Server) ReadResponse() ([]byte, error) {
	if s.closed {
		return nil, errors.New("dovecot: server closed")
	}
	s.stdout.SetReadDeadline(time.Now().Add(s.timeout))
	m, err := s.frame.next(s.r)
	if err != nil {
		what := "reading a response"
		if errors.Is(err, os.ErrDeadlineExceeded) {
			what = fmt.Sprintf("no complete response within %v", s.timeout)
		}
		return nil, fmt.Errorf("dovecot: %s: %w; last bytes read: %s%s",
			what, err, quoteTail(append(bytes.Clone(s.last), s.frame.msg...)), s.logs())
	}
	s.last = append(s.last[:0], m[max(0, len(m)-tailBytes):]...)
	return m, nil
}

// logs formats Dovecot's log for an error message.
func (s *Server) logs() string {
	l := strings.TrimRight(s.stderr.String(), "\n")
	if l == "" {
		return ""
	}
	return "\ndovecot stderr:\n" + l
}

// quoteTail quotes the last bytes of b.
func quoteTail(b []byte) string {
	if len(b) > tailBytes {
		return "..." + strconv.Quote(string(b[len(b)-tailBytes:]))
	}
	return strconv.Quote(string(b))
}

// Append appends msg to mailbox (a name in UTF-8, sent in modified UTF-7)
// with a synchronising literal and returns the UID that Dovecot gave it, from
// the APPENDUID response code (UIDPLUS). A NO or BAD is an error here.
func (s *Server) Append(mailbox string, msg []byte) (uid uint32, err error) {
	r, err := s.Command("APPEND "+Mailbox(mailbox)+" ", Lit(msg))
	if err != nil {
		return 0, err
	}
	if err := r.Err(); err != nil {
		return 0, err
	}
	_, code, ok := bytes.Cut(r.Tagged, []byte("[APPENDUID "))
	if ok {
		code, _, ok = bytes.Cut(code, []byte("]"))
	}
	var fields []string
	if ok {
		fields = strings.Fields(string(code))
	}
	if len(fields) == 2 {
		if n, err := strconv.ParseUint(fields[1], 10, 32); err == nil && n != 0 {
			return uint32(n), nil
		}
	}
	return 0, fmt.Errorf("dovecot: no APPENDUID in %q", r.Tagged)
}

// Select selects mailbox (a name in UTF-8, sent in modified UTF-7). A NO or
// BAD is an error here.
func (s *Server) Select(mailbox string) error {
	r, err := s.Command("SELECT " + Mailbox(mailbox))
	if err != nil {
		return err
	}
	return r.Err()
}

// FetchUID sends "UID FETCH <uid> (<items>)", items being the FETCH items
// as written on the wire ("BODY[]", "FLAGS BODYSTRUCTURE", ...).
func (s *Server) FetchUID(uid uint32, items string) (*Reply, error) {
	return s.Command("UID FETCH " + strconv.FormatUint(uint64(uid), 10) + " (" + items + ")")
}

// Mailbox returns name (UTF-8) as a mailbox argument: modified UTF-7 in a
// quoted string.
func Mailbox(name string) string {
	e := wire.EncodeMailbox(name)
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(e); i++ {
		if e[i] == '"' || e[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(e[i])
	}
	b.WriteByte('"')
	return b.String()
}

// Literals returns the bodies of the literals in one response message, as
// returned by Command or ReadResponse, in order. The slices share msg's
// memory. It is an error if msg is not exactly one whole message.
func Literals(msg []byte) ([][]byte, error) {
	var f framer
	r := bufio.NewReader(bytes.NewReader(msg))
	m, err := f.next(r)
	if err != nil {
		return nil, fmt.Errorf("dovecot: framing %s: %w", quoteTail(msg), err)
	}
	if len(m) != len(msg) {
		return nil, fmt.Errorf("dovecot: %s is more than one message", quoteTail(msg))
	}
	var lits [][]byte
	for _, l := range f.lits {
		lits = append(lits, msg[l[0]:l[1]])
	}
	return lits, nil
}

// A framer cuts a stream of server responses into messages. Its state
// survives a failed read, so that a read that timed out can be resumed.
type framer struct {
	msg  []byte   // the message read so far
	line int      // offset in msg of the start of the current line
	lit  int64    // bytes of the current literal body still to read
	lits [][2]int // offsets of the literal bodies of the last message
}

// next reads the rest of the current message from r and returns it.
func (f *framer) next(r *bufio.Reader) ([]byte, error) {
	if len(f.msg) == 0 {
		f.lits = f.lits[:0]
	}
	for {
		if f.lit > 0 {
			if r.Buffered() == 0 {
				if _, err := r.Peek(1); err != nil { // waits for input
					return nil, f.fail(err)
				}
			}
			n := min(f.lit, int64(r.Buffered()))
			b, _ := r.Peek(int(n))
			f.msg = append(f.msg, b...)
			r.Discard(int(n))
			f.lit -= n
			if f.lit == 0 {
				f.lits[len(f.lits)-1][1] = len(f.msg)
				f.line = len(f.msg)
			}
			continue
		}
		chunk, err := r.ReadSlice('\n')
		f.msg = append(f.msg, chunk...)
		if len(f.msg)-f.line > maxLineBytes {
			return nil, fmt.Errorf("line longer than %d bytes", maxLineBytes)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return nil, f.fail(err)
		}
		line := f.msg[f.line:]
		n, ok := announced(line)
		if !ok || f.line == 0 && isText(line) {
			m := f.msg
			f.msg, f.line = nil, 0
			return m, nil
		}
		if n > maxLiteralBytes {
			return nil, fmt.Errorf("literal of %d bytes announced, more than %d", n, maxLiteralBytes)
		}
		f.lits = append(f.lits, [2]int{len(f.msg), len(f.msg)})
		f.lit = n
		f.line = len(f.msg)
	}
}

// fail turns the end of the input inside a message into io.ErrUnexpectedEOF.
func (f *framer) fail(err error) error {
	if err == io.EOF && len(f.msg) > 0 {
		return io.ErrUnexpectedEOF
	}
	return err
}

// announced reports whether line (with its line ending) ends in a literal
// announcement "{n}", "{n+}", "~{n}" or "~{n+}" and returns n.
func announced(line []byte) (int64, bool) {
	line = bytes.TrimSuffix(line, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if !bytes.HasSuffix(line, []byte("}")) {
		return 0, false
	}
	open := bytes.LastIndexByte(line, '{')
	if open < 0 {
		return 0, false
	}
	digits := bytes.TrimSuffix(line[open+1:len(line)-1], []byte("+"))
	if len(digits) == 0 || len(digits) > 19 {
		return 0, false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(string(digits), 10, 64)
	return n, err == nil
}

// isText reports whether the first line of a message is a status response or
// a continuation request, which end in free text and carry no literals.
// Tagged server responses are all status responses.
func isText(line []byte) bool {
	if !bytes.HasPrefix(line, []byte("* ")) {
		return true
	}
	word := line[2:]
	if i := bytes.IndexAny(word, " \r\n"); i >= 0 {
		word = word[:i]
	}
	switch strings.ToUpper(string(word)) {
	case "OK", "NO", "BAD", "BYE", "PREAUTH":
		return true
	}
	return false
}

// logBuffer keeps the start of what the server logs, safe for the goroutine
// of exec.Cmd that copies the server's stderr into it.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if room := maxStderrBytes - l.buf.Len(); room > 0 {
		l.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// Extensions enables the plugins and settings behind the extensions
// Dovecot 2.3 can offer without its daemon: QUOTA (count backend; a 64 KiB
// storage limit and a 60 KiB message size limit give OVERQUOTA and LIMIT),
// ACL (vfile, with "anyone" allowed), METADATA (a file dict, which URLAUTH
// needs too), URLAUTH (imap_urlauth_host; URLFETCH of the user's own URLs
// works without the imap-urlauth service), COMPRESS=DEFLATE (imap_zlib;
// only refused here: once active, the rest of the stream would be
// DEFLATE, which is a layer below this package), SPECIAL-USE (mailboxes of
// the inbox namespace), a public namespace for NAMESPACE, and more ID
// fields.
//
// Both the response and the command tests run their live sessions with it.
func Extensions() Option { return Config(extensionsConfig) }

const extensionsConfig = `mail_plugins = quota acl imap_quota imap_acl imap_zlib
mail_attribute_dict = file:%h/dovecot-attributes
imap_metadata = yes
imap_urlauth_host = localhost
imap_id_send = name * version * support-url http://example.org/ support-email postmaster@example.org
plugin {
  quota = count:User quota
  quota_vsizes = yes
  quota_rule = *:storage=64K
  quota_rule2 = *:messages=1000
  quota_max_mail_size = 60K
  acl = vfile
  acl_anyone = allow
}
namespace inbox {
  inbox = yes
  separator = /
  prefix =
  mailbox Drafts {
    special_use = \Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \Trash
    auto = create
  }
  mailbox Archive {
    special_use = \Archive \Flagged
    auto = create
  }
}
namespace public {
  type = public
  separator = /
  prefix = Public/
  location = maildir:%h/public
  subscriptions = no
  list = children
}`
