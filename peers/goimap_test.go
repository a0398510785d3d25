package peers

import (
	"errors"
	"io"
	"net"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// fakeConn is a net.Conn that plays a server: it sends Greeting, waits for
// the client's first command, then sends the rest of the session and EOF.
// Writes are accepted and dropped. Everything is in memory, so what a client
// costs over it is its own parsing.
type fakeConn struct {
	greeting []byte
	rest     []byte

	written   chan struct{} // closed by the first Write
	closed    chan struct{} // closed by Close
	writeOnce sync.Once
	closeOnce sync.Once
}

func newFakeConn(session []byte) *fakeConn {
	return &fakeConn{
		greeting: session[:len(Greeting)],
		rest:     session[len(Greeting):],
		written:  make(chan struct{}),
		closed:   make(chan struct{}),
	}
}

func (c *fakeConn) Read(p []byte) (int, error) {
	if len(c.greeting) > 0 {
		n := copy(p, c.greeting)
		c.greeting = c.greeting[n:]
		return n, nil
	}
	select {
	case <-c.written:
	case <-c.closed:
		return 0, net.ErrClosed
	}
	if len(c.rest) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.rest)
	c.rest = c.rest[n:]
	return n, nil
}

func (c *fakeConn) Write(p []byte) (int, error) {
	select {
	case <-c.closed:
		return 0, net.ErrClosed
	default:
	}
	c.writeOnce.Do(func() { close(c.written) })
	return len(p), nil
}

func (c *fakeConn) Close() error {
	c.closeOnce.Do(func() { close(c.closed) })
	return nil
}

func (c *fakeConn) LocalAddr() net.Addr                { return fakeAddr{} }
func (c *fakeConn) RemoteAddr() net.Addr               { return fakeAddr{} }
func (c *fakeConn) SetDeadline(t time.Time) error      { return nil }
func (c *fakeConn) SetReadDeadline(t time.Time) error  { return nil }
func (c *fakeConn) SetWriteDeadline(t time.Time) error { return nil }

type fakeAddr struct{}

func (fakeAddr) Network() string { return "fake" }
func (fakeAddr) String() string  { return "fake" }

// goIMAPClient returns an imapclient.Client over a fakeConn playing session,
// once it has read the greeting: the client's reading goroutine is then
// blocked until the FETCH command is written.
func goIMAPClient(session []byte) (*imapclient.Client, error) {
	c := imapclient.New(newFakeConn(session), nil)
	if err := c.WaitGreeting(); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// goIMAPRun is one benchmark iteration: a client ready to send FETCH, and
// what came of it, checked outside the timer.
type goIMAPRun struct {
	c        *imapclient.Client
	messages int
	err      error
}

// goIMAPFetchOptions are the items the generated responses carry.
var goIMAPFetchOptions = &imap.FetchOptions{
	UID:           true,
	Flags:         true,
	InternalDate:  true,
	RFC822Size:    true,
	Envelope:      true,
	BodyStructure: &imap.FetchItemBodyStructure{Extended: true},
}

// goIMAPFetchNext sends "FETCH 1:n (...)" and consumes the answer with the
// streaming API, FetchCommand.Next and FetchMessageData.Next, looking at
// every item. It returns after the tagged completion.
func goIMAPFetchNext(c *imapclient.Client, n int) (summary, error) {
	var s summary
	var set imap.SeqSet
	set.AddRange(1, uint32(n))
	cmd := c.Fetch(set, goIMAPFetchOptions)
	for {
		msg := cmd.Next()
		if msg == nil {
			break
		}
		s.Messages++
		for {
			item := msg.Next()
			if item == nil {
				break
			}
			switch item := item.(type) {
			case imapclient.FetchItemDataUID:
				s.UIDs += uint64(item.UID)
			case imapclient.FetchItemDataFlags:
				s.Flags += len(item.Flags)
			case imapclient.FetchItemDataInternalDate:
				s.Dates += item.Time.Unix()
			case imapclient.FetchItemDataRFC822Size:
				s.Sizes += uint64(item.Size)
			case imapclient.FetchItemDataEnvelope:
				e := item.Envelope
				s.Addresses += len(e.From) + len(e.Sender) + len(e.ReplyTo) + len(e.To) + len(e.Cc) + len(e.Bcc)
			case imapclient.FetchItemDataBodyStructure:
				s.Parts += goIMAPLeafParts(item.BodyStructure)
			default:
				return s, errors.New("unexpected FETCH item")
			}
		}
	}
	return s, cmd.Close()
}

// goIMAPFetchCollect is goIMAPFetchNext with FetchCommand.Collect, which
// gathers each message into a FetchMessageBuffer.
func goIMAPFetchCollect(c *imapclient.Client, n int) ([]*imapclient.FetchMessageBuffer, error) {
	var set imap.SeqSet
	set.AddRange(1, uint32(n))
	return c.Fetch(set, goIMAPFetchOptions).Collect()
}

func goIMAPLeafParts(bs imap.BodyStructure) int {
	switch bs := bs.(type) {
	case *imap.BodyStructureMultiPart:
		n := 0
		for _, c := range bs.Children {
			n += goIMAPLeafParts(c)
		}
		return n
	case *imap.BodyStructureSinglePart:
		if bs.MessageRFC822 != nil && bs.MessageRFC822.BodyStructure != nil {
			return goIMAPLeafParts(bs.MessageRFC822.BodyStructure)
		}
		return 1
	}
	return 0
}
