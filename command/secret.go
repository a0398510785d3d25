package command

import (
	"fmt"
	"io"
	"log/slog"
)

// A Secret holds a credential: a LOGIN password, the data of an
// AUTHENTICATE exchange. Every way of printing it (String, fmt's verbs,
// JSON, slog) shows "[redacted]" instead; Reveal returns it.
type Secret struct{ s string }

// redacted is what a Secret shows.
const redacted = "[redacted]"

// NewSecret returns a Secret holding s.
func NewSecret(s string) Secret { return Secret{s} }

// Reveal returns the secret itself.
func (s Secret) Reveal() string { return s.s }

// Len returns the length of the secret in bytes.
func (s Secret) Len() int { return len(s.s) }

// Equal reports whether s and t hold the same secret.
func (s Secret) Equal(t Secret) bool { return s.s == t.s }

// String returns "[redacted]".
func (s Secret) String() string { return redacted }

// GoString returns "[redacted]", for %#v.
func (s Secret) GoString() string { return redacted }

// Format writes "[redacted]" for every verb.
func (s Secret) Format(f fmt.State, verb rune) { io.WriteString(f, redacted) }

// MarshalJSON returns the JSON string "[redacted]".
func (s Secret) MarshalJSON() ([]byte, error) { return []byte(`"` + redacted + `"`), nil }

// MarshalText returns "[redacted]".
func (s Secret) MarshalText() ([]byte, error) { return []byte(redacted), nil }

// LogValue returns "[redacted]", for log/slog.
func (s Secret) LogValue() slog.Value { return slog.StringValue(redacted) }
