package command_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/mailwire/imap/command"
	"github.com/mailwire/imap/internal/dovecot"
	"github.com/mailwire/imap/literal"
	"github.com/mailwire/imap/response"
	"github.com/mailwire/imap/wire"
)

// A liveClient drives a live Dovecot with commands written by this
// package's Encoder: synchronising literals wait for Dovecot's continuation
// request, as a client must, and everything Dovecot sends is framed by the
// harness and decoded with package response.
type liveClient struct {
	t   *testing.T
	srv *dovecot.Server
	enc *command.Encoder
	n   int
	// got collects the messages Dovecot sends for the command being
	// written, continuation requests included.
	got [][]byte
	// refused is the tagged reply that ended the command early, in place
	// of a continuation request.
	refused []byte
	tag     string
	// decoded counts the responses decoded, by kind.
	decoded map[string]int
	// uidValidity is the last UIDVALIDITY Dovecot sent.
	uidValidity uint32
}

// errRefused is what the continuation hook returns when Dovecot answers a
// synchronising literal's announcement with its tagged reply.
var errRefused = errors.New("the server refused the literal")

// serverWriter writes the encoder's bytes to Dovecot.
type serverWriter struct{ srv *dovecot.Server }

func (w serverWriter) Write(p []byte) (int, error) {
	if err := w.srv.Raw(p); err != nil {
		return 0, err
	}
	return len(p), nil
}

func newLiveClient(t *testing.T, srv *dovecot.Server) *liveClient {
	c := &liveClient{t: t, srv: srv, decoded: map[string]int{}}
	c.enc = command.NewEncoder(serverWriter{srv},
		wire.LiteralPolicy(literal.Policy{Binary: true}),
		wire.Continuation(c.awaitContinuation))
	c.decode(srv.Greeting())
	return c
}

// awaitContinuation reads Dovecot's responses until its continuation
// request, or its tagged reply, which refuses the literal.
func (c *liveClient) awaitContinuation(literal.Announcement) error {
	for {
		m, err := c.srv.ReadResponse()
		if err != nil {
			return err
		}
		c.got = append(c.got, m)
		switch {
		case bytes.HasPrefix(m, []byte("+")):
			return nil
		case bytes.HasPrefix(m, []byte(c.tag+" ")):
			c.refused = m
			return errRefused
		}
	}
}

// A liveResult is what Dovecot answered a command.
type liveResult struct {
	status   string // OK, NO or BAD
	tagged   []byte
	untagged [][]byte
}

// run sends cmd with the next tag and reads Dovecot's answer to it. The
// untagged responses and the tagged reply must decode with package
// response.
func (c *liveClient) run(cmd command.Command) liveResult {
	c.t.Helper()
	c.n++
	c.tag = fmt.Sprintf("C%03d", c.n)
	c.got, c.refused = nil, nil
	err := c.enc.Encode(c.tag, cmd)
	var res liveResult
	switch {
	case errors.Is(err, errRefused):
		res.tagged = c.refused
	case err != nil:
		c.t.Fatalf("%s %s: %v", c.tag, cmd.Kind(), err)
	}
	for res.tagged == nil {
		m, err := c.srv.ReadResponse()
		if err != nil {
			c.t.Fatalf("%s %s: %v", c.tag, cmd.Kind(), err)
		}
		c.got = append(c.got, m)
		if bytes.HasPrefix(m, []byte(c.tag+" ")) {
			res.tagged = m
		}
	}
	for _, m := range c.got {
		if bytes.Equal(m, res.tagged) {
			continue
		}
		c.decode(m)
		if !bytes.HasPrefix(m, []byte("+")) {
			res.untagged = append(res.untagged, m)
		}
	}
	st := c.decode(res.tagged).(*response.Status)
	res.status = st.Type.String()
	return res
}

// decode decodes one message Dovecot sent, leniently (the Dovecot quirks
// are response's business, checked by its own live test), and requires
// that nothing of it is kept raw.
func (c *liveClient) decode(m []byte) response.Response {
	c.t.Helper()
	d := response.NewDecoder(bytes.NewReader(m), wire.LiteralPolicy(literal.Policy{Binary: true}))
	r, err := d.ReadResponse()
	if err != nil {
		c.t.Fatalf("%s: Dovecot's %q does not decode: %v", c.tag, clip(m), err)
	}
	if _, err := d.ReadResponse(); err != io.EOF {
		c.t.Fatalf("%s: Dovecot's %q is more than one response: %v", c.tag, clip(m), err)
	}
	if response.HasUnknown(r) {
		c.t.Errorf("%s: Dovecot's %q decodes with something kept raw", c.tag, clip(m))
	}
	if st, ok := r.(*response.Status); ok {
		if v, ok := st.Code.(response.UIDValidityCode); ok {
			c.uidValidity = v.UIDValidity
		}
	}
	c.decoded[r.Kind()]++
	if st, ok := r.(*response.Status); ok && st.Type == response.BAD && st.Tag == "" {
		c.t.Errorf("%s: untagged BAD: %q", c.tag, clip(m))
	}
	return r
}

func clip(b []byte) string {
	if len(b) > 200 {
		return string(b[:200]) + "..."
	}
	return string(b)
}

// parse decodes text, one canonical command after its tag "x ", strictly:
// the steps of the live session are written as text for readability, and
// sent as the typed values they decode to, written by the Encoder.
func parse(t *testing.T, text string) command.Command {
	t.Helper()
	in := "x " + text + "\r\n"
	d := command.NewDecoder(strings.NewReader(in), wire.Strict(true), wire.LiteralPolicy(literal.Policy{Binary: true}))
	_, c, err := d.ReadCommand()
	if err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	b, err := command.AppendCommand(nil, "x", c, wire.LiteralPolicy(literal.Policy{Binary: true}))
	if err != nil || string(b) != in {
		t.Fatalf("%q is not canonical: %q, %v", text, b, err)
	}
	return c
}

// A liveStep is one command of the live session and what Dovecot must
// answer: OK, or NO where the command is refused for what it asks (a
// missing mailbox, over quota), never BAD.
type liveStep struct {
	name string
	cmd  command.Command
	want string // "OK", "NO" or "BAD" (a command kind of liveUnsupported); "" for OK
	// lazy, when set, makes the command from what Dovecot sent before.
	lazy func(c *liveClient) command.Command
}

// liveUnsupported are the command kinds Dovecot 2.3 does not take in this
// session, each with the reason. The session sends each of them anyway,
// and Dovecot must refuse it (BAD, or NO), so that the table cannot go
// stale.
var liveUnsupported = map[string]string{
	"LOGIN":          "the session is preauthenticated: not permitted in the authenticated state",
	"AUTHENTICATE":   "the session is preauthenticated: not permitted in the authenticated state",
	"STARTTLS":       "the session is preauthenticated, and runs without TLS",
	"UNAUTHENTICATE": "not implemented by Dovecot 2.3 (RFC 8437)",
	"REPLACE":        "not implemented by Dovecot 2.3 (RFC 8508)",
	"UID REPLACE":    "not implemented by Dovecot 2.3 (RFC 8508)",
	"FETCH":          "the Gmail items X-GM-MSGID, X-GM-THRID and X-GM-LABELS, and OBJECTID's EMAILID and THREADID, are not Dovecot 2.3's",
}

// message is a small RFC 5322 message for APPEND.
const liveMessage = "From: Fred Foobar <foobar@Blurdybloop.example>\r\n" +
	"Subject: afternoon meeting\r\n" +
	"To: mooch@owatagu.siam.edu.example\r\n" +
	"Message-Id: <B27397-0100000@Blurdybloop.example>\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: TEXT/PLAIN; CHARSET=UTF-8\r\n" +
	"\r\n" +
	"Hello Joe, do you think we can meet at 3:30 tomorrow? Grüße\r\n"

func liveSteps(t *testing.T) []liveStep {
	p := func(text string) command.Command { return parse(t, text) }
	date := time.Date(2025, 3, 3, 10, 15, 0, 0, time.FixedZone("", 3600))
	msg := func(flags []string, data string) command.AppendMessage {
		return command.AppendMessage{Flags: flags, Data: command.MessageData{Bytes: []byte(data)}}
	}
	return []liveStep{
		// Any state.
		{"CAPABILITY", &command.Capability{}, "", nil},
		{"NOOP", &command.Noop{}, "", nil},
		{"ID", &command.ID{Params: []command.IDParam{{Key: "name", Value: wire.Str("mailwire")}, {Key: "version", Value: wire.Str("0.1")}, {Key: "support-url", Value: wire.NString{}}}}, "", nil},
		{"ID NIL", &command.ID{}, "", nil},
		{"NAMESPACE", &command.Namespace{}, "", nil},
		{"ENABLE", &command.Enable{Capabilities: []string{"CONDSTORE", "QRESYNC"}}, "", nil},

		// Mailboxes, with UTF-8 names sent in modified UTF-7.
		{"CREATE", &command.Create{Mailbox: "Work/Projects/2025"}, "", nil},
		{"CREATE UTF-8 name", &command.Create{Mailbox: "Entwürfe/台北"}, "", nil},
		{"CREATE name with quotes", &command.Create{Mailbox: `Work "quoted" \ name`}, "", nil},
		{"CREATE USE", p(`CREATE Archive2 (USE (\Archive))`), "", nil},
		{"CREATE existing", &command.Create{Mailbox: "Work/Projects/2025"}, "NO", nil},
		{"RENAME", &command.Rename{From: "Work/Projects/2025", To: "Work/Projects/2026"}, "", nil},
		{"SUBSCRIBE", &command.Subscribe{Mailbox: "Entwürfe/台北"}, "", nil},
		{"UNSUBSCRIBE", &command.Unsubscribe{Mailbox: "Entwürfe/台北"}, "", nil},
		{"LIST", p(`LIST "" "*"`), "", nil},
		{"LIST percent", p(`LIST "" "%"`), "", nil},
		{"LIST UTF-8 reference", &command.List{Reference: "Entwürfe", Patterns: []string{"*"}}, "", nil},
		{"LIST extended", p(`LIST (SUBSCRIBED RECURSIVEMATCH) "" (INBOX "Work/*") RETURN (CHILDREN SPECIAL-USE STATUS (MESSAGES UNSEEN))`), "", nil},
		{"LIST SPECIAL-USE", p(`LIST (SPECIAL-USE) "" "*" RETURN (SPECIAL-USE)`), "", nil},
		{"LSUB", p(`LSUB "" "*"`), "", nil},
		// (Not DELETED, an item of IMAP4rev2, nor APPENDLIMIT, which
		// Dovecot 2.3 does not have.)
		{"STATUS", p(`STATUS INBOX (MESSAGES UIDNEXT UIDVALIDITY UNSEEN RECENT SIZE HIGHESTMODSEQ)`), "", nil},
		{"STATUS UTF-8 name", &command.Status{Mailbox: "Entwürfe/台北", Items: []string{"MESSAGES"}}, "", nil},
		{"DELETE", &command.Delete{Mailbox: "Entwürfe/台北"}, "", nil},
		{"DELETE missing", &command.Delete{Mailbox: "Nope"}, "NO", nil},

		// APPEND: synchronising literals, MULTIAPPEND, literal8,
		// CATENATE, streamed data.
		{"APPEND", &command.Append{Mailbox: "INBOX", Messages: []command.AppendMessage{
			{Flags: []string{`\Seen`}, Date: date, Data: command.MessageData{Bytes: []byte(liveMessage)}}}}, "", nil},
		{"MULTIAPPEND", &command.Append{Mailbox: "INBOX", Messages: []command.AppendMessage{
			msg([]string{`\Flagged`, "$Forwarded"}, liveMessage), msg(nil, strings.Replace(liveMessage, "afternoon", "morning", 1))}}, "", nil},
		{"APPEND literal8", &command.Append{Mailbox: "INBOX", Messages: []command.AppendMessage{
			{Data: command.MessageData{Bytes: []byte(strings.Replace(liveMessage, "Hello", "He\x00llo", 1)), Binary: true}}}}, "", nil},
		{"APPEND streamed", &command.Append{Mailbox: "INBOX", Messages: []command.AppendMessage{
			{Flags: []string{}, Data: command.MessageData{Reader: strings.NewReader(liveMessage), Size: int64(len(liveMessage))}}}}, "", nil},
		{"APPEND CATENATE", &command.Append{Mailbox: "INBOX", Messages: []command.AppendMessage{{Catenate: []command.CatenatePart{
			{Kind: command.CatenateURL, URL: "/INBOX/;UID=1/;SECTION=HEADER"},
			{Kind: command.CatenateText, Data: command.MessageData{Bytes: []byte("\r\nQuoted from UID 1:\r\n")}},
			{Kind: command.CatenateURL, URL: "/INBOX/;UID=1/;SECTION=TEXT"},
		}}}}, "", nil},
		// Dovecot refuses these before its continuation request: the
		// Encoder's hook sees the tagged NO, and the body is not sent.
		{"APPEND missing mailbox (refused literal)", &command.Append{Mailbox: "Nope", Messages: []command.AppendMessage{msg(nil, liveMessage)}}, "NO", nil},
		{"APPEND too big (refused literal)", &command.Append{Mailbox: "INBOX", Messages: []command.AppendMessage{msg(nil, strings.Repeat("x", 100000))}}, "NO", nil},

		// The selected state.
		{"SELECT", &command.Select{Mailbox: "INBOX"}, "", nil},
		{"EXAMINE CONDSTORE", &command.Select{Mailbox: "INBOX", ReadOnly: true, CondStore: true}, "", nil},
		{"SELECT", &command.Select{Mailbox: "INBOX", CondStore: true}, "", nil},
		{"CHECK", &command.Check{}, "", nil},
		{"FETCH macro", p(`FETCH 1:* FAST`), "", nil},
		{"FETCH ALL", p(`FETCH 1 ALL`), "", nil},
		{"FETCH FULL", p(`FETCH 1 FULL`), "", nil},
		{"UID FETCH items", p(`UID FETCH 1:* (UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE BODY MODSEQ SAVEDATE)`), "", nil},
		{"FETCH header fields", p(`UID FETCH 1:* (BODY.PEEK[HEADER.FIELDS (From To Cc Bcc Subject Date Message-ID Priority X-Priority References Newsgroups In-Reply-To Content-Type Reply-To)])`), "", nil},
		{"FETCH partial", p(`FETCH 1 (BODY.PEEK[TEXT]<0.20> BODY.PEEK[]<10.30> BODY.PEEK[1]<0.5>)`), "", nil},
		{"FETCH sections", p(`FETCH 1 (BODY.PEEK[HEADER] BODY.PEEK[HEADER.FIELDS.NOT (Received)] BODY.PEEK[1.MIME] RFC822.HEADER RFC822.TEXT)`), "", nil},
		{"FETCH BINARY", p(`FETCH 3 (BINARY.PEEK[1] BINARY.SIZE[1] BINARY.PEEK[1]<0.10>)`), "", nil},
		{"FETCH PREVIEW", p(`FETCH 1:2 (PREVIEW)`), "", nil},
		{"FETCH RFC822", p(`FETCH 2 (RFC822)`), "", nil},
		{"FETCH CHANGEDSINCE", p(`UID FETCH 1:* (FLAGS) (CHANGEDSINCE 1)`), "", nil},
		{"SEARCH nested", p(`SEARCH OR (FROM Fred SINCE 1-Feb-1994) NOT (LARGER 100000 SMALLER 1) UNDELETED`), "", nil},
		{"SEARCH UTF-8 literal", &command.Search{Charset: "UTF-8", Keys: []command.SearchKey{{Name: "BODY", Value: "Grüße"}}}, "", nil},
		{"SEARCH header and sets", p(`SEARCH 1:3 UID 1:* HEADER Message-Id <B27397-0100000@Blurdybloop.example> SUBJECT meeting`), "", nil},
		{"UID SEARCH RETURN", p(`UID SEARCH RETURN (MIN MAX ALL COUNT) ALL`), "", nil},
		{"SEARCH RETURN SAVE", p(`SEARCH RETURN (SAVE) FLAGGED`), "", nil},
		{"FETCH $", p(`FETCH $ (UID)`), "", nil},
		{"SEARCH $", p(`UID SEARCH UID $`), "", nil},
		{"SEARCH MODSEQ", p(`SEARCH MODSEQ "/flags/\\Seen" ALL 1`), "", nil},
		{"SEARCH WITHIN SAVEDATE", p(`SEARCH YOUNGER 3000000000 NOT OLDER 1 SAVEDBEFORE 1-Jan-2100`), "", nil},
		{"SEARCH FUZZY", p(`SEARCH FUZZY SUBJECT meting`), "", nil},
		{"SORT", p(`SORT (REVERSE DATE) UTF-8 ALL`), "", nil},
		{"UID SORT ESORT", p(`UID SORT RETURN (MIN COUNT) (SUBJECT DISPLAYFROM) US-ASCII UNDELETED`), "", nil},
		{"THREAD", p(`THREAD REFERENCES UTF-8 ALL`), "", nil},
		{"UID THREAD", p(`UID THREAD ORDEREDSUBJECT US-ASCII SUBJECT meeting`), "", nil},
		{"STORE", p(`STORE 1 +FLAGS (\Answered $Label1)`), "", nil},
		{"STORE silent", p(`UID STORE 1:2 -FLAGS.SILENT (\Answered)`), "", nil},
		{"STORE replace", p(`STORE 2 FLAGS (\Seen \Flagged)`), "", nil},
		{"STORE UNCHANGEDSINCE", p(`UID STORE 1 (UNCHANGEDSINCE 1000000) +FLAGS.SILENT (\Deleted)`), "", nil},
		{"COPY", &command.Copy{Set: mustSeq(t, "1:2"), Mailbox: "Work/Projects/2026"}, "", nil},
		{"UID COPY", &command.Copy{UID: true, Set: mustSeq(t, "1:*"), Mailbox: "Archive2"}, "", nil},
		{"COPY missing", &command.Copy{Set: mustSeq(t, "1"), Mailbox: "Nope"}, "NO", nil},
		{"MOVE", &command.Move{Set: mustSeq(t, "2"), Mailbox: "Work/Projects/2026"}, "", nil},
		{"UID MOVE", &command.Move{UID: true, Set: mustSeq(t, "3"), Mailbox: "Archive2"}, "", nil},
		{"UID EXPUNGE", &command.Expunge{UID: true, UIDs: mustSeq(t, "1")}, "", nil},
		{"EXPUNGE", &command.Expunge{}, "", nil},
		{"UNSELECT", &command.Unselect{}, "", nil},
		{name: "SELECT QRESYNC", lazy: func(c *liveClient) command.Command {
			return &command.Select{Mailbox: "INBOX", QResync: &command.QResync{UIDValidity: c.uidValidity, ModSeq: 1, KnownUIDs: mustSeq(t, "1:10")}}
		}},
		{"CLOSE", &command.Close{}, "", nil},

		// Extensions of the authenticated state.
		{"GETQUOTAROOT", &command.GetQuotaRoot{Mailbox: "INBOX"}, "", nil},
		{"GETQUOTA", &command.GetQuota{Root: "User quota"}, "", nil},
		{"SETQUOTA", &command.SetQuota{Root: "User quota", Resources: []command.SetQuotaResource{{Name: "STORAGE", Limit: 512}}}, "NO", nil},
		{"MYRIGHTS", &command.MyRights{Mailbox: "INBOX"}, "", nil},
		{"GETACL", &command.GetACL{Mailbox: "INBOX"}, "", nil},
		{"LISTRIGHTS", &command.ListRights{Mailbox: "INBOX", Identifier: "anyone"}, "", nil},
		{"SETACL", p(`SETACL Archive2 anyone +lr`), "", nil},
		{"DELETEACL", &command.DeleteACL{Mailbox: "Archive2", Identifier: "anyone"}, "", nil},
		{"SETMETADATA", p(`SETMETADATA INBOX (/private/comment "My comment" /shared/comment NIL)`), "", nil},
		{"SETMETADATA literal", &command.SetMetadata{Mailbox: "", Entries: []command.MetadataEntry{{Name: "/private/comment", Value: wire.Str("two\r\nlines")}}}, "", nil},
		{"GETMETADATA", p(`GETMETADATA (MAXSIZE 1024 DEPTH infinity) INBOX (/private/comment /shared/comment)`), "", nil},
		{"GETMETADATA server", p(`GETMETADATA "" /private/comment`), "", nil},
		{"GENURLAUTH", p(`GENURLAUTH imap://test@localhost/INBOX/;uid=4;urlauth=user+test INTERNAL`), "", nil},
		{"URLFETCH", p(`URLFETCH /INBOX/;uid=4/;section=TEXT`), "", nil},
		{"RESETKEY", &command.ResetKey{}, "", nil},
		{"NOTIFY", p(`NOTIFY SET STATUS (SELECTED (MessageNew (UID) MessageExpunge FlagChange)) (PERSONAL (MessageNew MessageExpunge))`), "", nil},
		{"NOTIFY NONE", &command.Notify{None: true}, "", nil},
		{"IDLE", &command.Idle{}, "", nil},
		{"COMPRESS unknown mechanism", &command.Compress{Mechanism: "BOGUS"}, "NO", nil},

		// What Dovecot does not take (liveUnsupported).
		{"LOGIN", &command.Login{Username: "test", Password: command.NewSecret("secret")}, "BAD", nil},
		{"AUTHENTICATE", &command.Authenticate{Mechanism: "PLAIN", InitialResponse: command.NewSecret("\x00test\x00secret"), HasInitialResponse: true}, "BAD", nil},
		{"STARTTLS", &command.StartTLS{}, "BAD", nil},
		{"SELECT for REPLACE", &command.Select{Mailbox: "INBOX"}, "", nil},
		{"REPLACE", &command.Replace{Number: 1, Mailbox: "INBOX", Message: msg(nil, liveMessage)}, "BAD", nil},
		{"UID REPLACE", &command.Replace{UID: true, Number: 4, Mailbox: "INBOX", Message: msg(nil, liveMessage)}, "BAD", nil},
		{"FETCH Gmail items", p(`FETCH 1 (X-GM-MSGID X-GM-THRID X-GM-LABELS)`), "BAD", nil},
		{"FETCH OBJECTID", p(`FETCH 1 (EMAILID THREADID)`), "BAD", nil},
		{"UNAUTHENTICATE", &command.Unauthenticate{}, "BAD", nil},
		{"LOGOUT", &command.Logout{}, "", nil},
	}
}

func mustSeq(t *testing.T, s string) wire.SeqSet {
	t.Helper()
	set, err := wire.ParseSeqSet(s)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// TestDovecotCommandsLive sends every command kind Dovecot 2.3 takes, in
// several forms, written by the Encoder (synchronising literals wait for
// Dovecot's continuation requests), and checks that Dovecot accepts each
// (OK, or NO for what it refuses to do, never BAD) and that its replies
// decode with package response. The kinds it does not take are the rows
// of liveUnsupported, and Dovecot must refuse each of them.
func TestDovecotCommandsLive(t *testing.T) {
	srv := dovecot.Start(t, dovecot.Extensions())
	c := newLiveClient(t, srv)
	sent := map[string]bool{}
	refused := map[string]bool{}
	for _, st := range liveSteps(t) {
		cmd := st.cmd
		if st.lazy != nil {
			cmd = st.lazy(c)
		}
		var res liveResult
		if _, ok := cmd.(*command.Idle); ok {
			res = c.idle()
		} else {
			res = c.run(cmd)
		}
		want := st.want
		if want == "" {
			want = "OK"
		}
		if strings.Contains(st.name, "(refused literal)") && c.refused == nil {
			t.Errorf("%s: the literal was not refused: %q", st.name, clip(res.tagged))
		}
		kind := cmd.Kind()
		switch {
		case res.status == "BAD" && liveUnsupported[kind] == "":
			t.Errorf("%s (%s): Dovecot answered %q", st.name, c.tag, clip(res.tagged))
		case want == "BAD" && res.status == "OK":
			t.Errorf("%s: Dovecot took %s, which liveUnsupported says it does not: %q", st.name, kind, clip(res.tagged))
		case want != "BAD" && res.status != want:
			t.Errorf("%s (%s): %q, want %s", st.name, c.tag, clip(res.tagged), want)
		}
		if want == "BAD" {
			refused[kind] = true
		} else {
			sent[kind] = true
		}
	}
	// Every kind this package types was sent, or is in the table.
	for _, kind := range command.CommandKinds() {
		if !sent[kind] && liveUnsupported[kind] == "" {
			t.Errorf("%s: never sent to Dovecot, and not in liveUnsupported", kind)
		}
	}
	for kind := range liveUnsupported {
		if !refused[kind] {
			t.Errorf("%s: in liveUnsupported, but never sent", kind)
		}
	}
	t.Logf("%d command kinds taken by Dovecot, %d refused as expected; responses decoded: %v", len(sent), len(refused), c.decoded)
}

// idle runs IDLE: the command, Dovecot's continuation request, DONE, and
// the tagged reply.
func (c *liveClient) idle() liveResult {
	c.t.Helper()
	c.n++
	c.tag = fmt.Sprintf("C%03d", c.n)
	if err := c.enc.Encode(c.tag, &command.Idle{}); err != nil {
		c.t.Fatal(err)
	}
	for {
		m, err := c.srv.ReadResponse()
		if err != nil {
			c.t.Fatalf("IDLE: %v", err)
		}
		c.decode(m)
		if bytes.HasPrefix(m, []byte("+")) {
			break
		}
	}
	if err := c.enc.Encode("", &command.Done{}); err != nil {
		c.t.Fatal(err)
	}
	var res liveResult
	for res.tagged == nil {
		m, err := c.srv.ReadResponse()
		if err != nil {
			c.t.Fatalf("DONE: %v", err)
		}
		if bytes.HasPrefix(m, []byte(c.tag+" ")) {
			res.tagged = m
		} else {
			res.untagged = append(res.untagged, m)
		}
		c.decode(m)
	}
	res.status = c.decode(res.tagged).(*response.Status).Type.String()
	return res
}
