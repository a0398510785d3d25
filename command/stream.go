package command

import "io"

// A MessageFunc receives the message literal of an APPEND or REPLACE
// command as it streams (placeholder until APPEND lands).
type MessageFunc func(mailbox string, size int64, r io.Reader) error
