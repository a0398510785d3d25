package command

// The commands without arguments (RFC 9051 §6 and extensions).

// Capability is the CAPABILITY command (RFC 9051 §6.1.1).
type Capability struct{}

// Noop is the NOOP command (RFC 9051 §6.1.2).
type Noop struct{}

// Logout is the LOGOUT command (RFC 9051 §6.1.3).
type Logout struct{}

// StartTLS is the STARTTLS command (RFC 9051 §6.2.1).
type StartTLS struct{}

// Namespace is the NAMESPACE command (RFC 9051 §6.3.10, RFC 2342).
type Namespace struct{}

// Idle is the IDLE command (RFC 9051 §6.3.13, RFC 2177). The client ends it
// with the line DONE, a *Done.
type Idle struct{}

// Done is the line "DONE" that ends IDLE (RFC 9051 §6.3.13). It has no tag.
type Done struct{}

// Check is the CHECK command (RFC 3501 §6.4.1; removed by RFC 9051, which
// treats it as NOOP).
type Check struct{}

// Close is the CLOSE command (RFC 9051 §6.4.1).
type Close struct{}

// Unselect is the UNSELECT command (RFC 9051 §6.4.2, RFC 3691).
type Unselect struct{}

// Unauthenticate is the UNAUTHENTICATE command (RFC 8437 §2).
type Unauthenticate struct{}

// Kind returns "CAPABILITY".
func (*Capability) Kind() string { return "CAPABILITY" }

// Kind returns "NOOP".
func (*Noop) Kind() string { return "NOOP" }

// Kind returns "LOGOUT".
func (*Logout) Kind() string { return "LOGOUT" }

// Kind returns "STARTTLS".
func (*StartTLS) Kind() string { return "STARTTLS" }

// Kind returns "NAMESPACE".
func (*Namespace) Kind() string { return "NAMESPACE" }

// Kind returns "IDLE".
func (*Idle) Kind() string { return "IDLE" }

// Kind returns "DONE".
func (*Done) Kind() string { return "DONE" }

// Kind returns "CHECK".
func (*Check) Kind() string { return "CHECK" }

// Kind returns "CLOSE".
func (*Close) Kind() string { return "CLOSE" }

// Kind returns "UNSELECT".
func (*Unselect) Kind() string { return "UNSELECT" }

// Kind returns "UNAUTHENTICATE".
func (*Unauthenticate) Kind() string { return "UNAUTHENTICATE" }

func (c *Capability) encode(e *encoder)     { e.Atom(c.Kind()) }
func (c *Noop) encode(e *encoder)           { e.Atom(c.Kind()) }
func (c *Logout) encode(e *encoder)         { e.Atom(c.Kind()) }
func (c *StartTLS) encode(e *encoder)       { e.Atom(c.Kind()) }
func (c *Namespace) encode(e *encoder)      { e.Atom(c.Kind()) }
func (c *Idle) encode(e *encoder)           { e.Atom(c.Kind()) }
func (c *Done) encode(e *encoder)           { e.Atom(c.Kind()) }
func (c *Check) encode(e *encoder)          { e.Atom(c.Kind()) }
func (c *Close) encode(e *encoder)          { e.Atom(c.Kind()) }
func (c *Unselect) encode(e *encoder)       { e.Atom(c.Kind()) }
func (c *Unauthenticate) encode(e *encoder) { e.Atom(c.Kind()) }

func init() {
	register(func(*Decoder, bool) (Command, error) { return &Capability{}, nil }, "CAPABILITY")
	register(func(*Decoder, bool) (Command, error) { return &Noop{}, nil }, "NOOP")
	register(func(*Decoder, bool) (Command, error) { return &Logout{}, nil }, "LOGOUT")
	register(func(*Decoder, bool) (Command, error) { return &StartTLS{}, nil }, "STARTTLS")
	register(func(*Decoder, bool) (Command, error) { return &Namespace{}, nil }, "NAMESPACE")
	register(func(*Decoder, bool) (Command, error) { return &Idle{}, nil }, "IDLE")
	register(func(*Decoder, bool) (Command, error) { return &Check{}, nil }, "CHECK")
	register(func(*Decoder, bool) (Command, error) { return &Close{}, nil }, "CLOSE")
	register(func(*Decoder, bool) (Command, error) { return &Unselect{}, nil }, "UNSELECT")
	register(func(*Decoder, bool) (Command, error) { return &Unauthenticate{}, nil }, "UNAUTHENTICATE")
}
