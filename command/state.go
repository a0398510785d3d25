package command

import "strings"

// A State is a session state of RFC 9051 §3, or a set of them.
type State uint8

// The session states (RFC 9051 §3). A set of states is their union.
const (
	StateNotAuthenticated State = 1 << iota
	StateAuthenticated
	StateSelected
	StateLogout

	// AnyState is every state in which a client may send a command.
	AnyState = StateNotAuthenticated | StateAuthenticated | StateSelected
)

var stateNames = []struct {
	s    State
	name string
}{
	{StateNotAuthenticated, "not authenticated"},
	{StateAuthenticated, "authenticated"},
	{StateSelected, "selected"},
	{StateLogout, "logout"},
}

// String returns the state's name as RFC 9051 §3 writes it, or the names
// of a set joined with "|".
func (s State) String() string {
	var names []string
	for _, n := range stateNames {
		if s&n.s != 0 {
			names = append(names, n.name)
		}
	}
	if len(names) == 0 {
		return "no state"
	}
	return strings.Join(names, "|")
}

// Has reports whether the set s holds every state of t.
func (s State) Has(t State) bool { return t != 0 && s&t == t }

// states says in which states each command may be sent (RFC 9051 §6, and
// each extension's RFC). Commands of the authenticated state are valid in
// the selected state too, unless their RFC says otherwise.
var states = func() map[string]State {
	authOrSelected := StateAuthenticated | StateSelected
	m := map[string]State{}
	set := func(s State, names ...string) {
		for _, n := range names {
			m[n] = s
		}
	}
	// RFC 9051 §6.1, RFC 2971 §3.1 (ID "may be sent in any state").
	set(AnyState, "CAPABILITY", "NOOP", "LOGOUT", "ID")
	// RFC 9051 §6.2.
	set(StateNotAuthenticated, "STARTTLS", "AUTHENTICATE", "LOGIN")
	// RFC 5161 §3.1: "only valid in the authenticated state, before any
	// mailbox is selected".
	set(StateAuthenticated, "ENABLE")
	// RFC 9051 §6.3 and the extensions of the authenticated state.
	set(authOrSelected, "SELECT", "EXAMINE", "CREATE", "DELETE", "RENAME",
		"SUBSCRIBE", "UNSUBSCRIBE", "LIST", "LSUB", "NAMESPACE", "STATUS",
		"APPEND", "IDLE",
		"COMPRESS",                             // RFC 4978 §3
		"GETQUOTA", "GETQUOTAROOT", "SETQUOTA", // RFC 9208 §4
		"SETACL", "DELETEACL", "GETACL", "LISTRIGHTS", "MYRIGHTS", // RFC 4314 §3
		"GETMETADATA", "SETMETADATA", // RFC 5464 §4
		"UNAUTHENTICATE",                     // RFC 8437 §2
		"GENURLAUTH", "RESETKEY", "URLFETCH", // RFC 4467 §7
		"NOTIFY", // RFC 5465 §3
	)
	// RFC 9051 §6.4 and the extensions of the selected state.
	set(StateSelected, "CHECK", "CLOSE", "UNSELECT", "EXPUNGE", "SEARCH", "FETCH",
		"STORE", "COPY", "MOVE", "SORT", "THREAD", "REPLACE",
		"UID EXPUNGE", "UID SEARCH", "UID FETCH", "UID STORE", "UID COPY",
		"UID MOVE", "UID SORT", "UID THREAD", "UID REPLACE")
	// The lines sent inside a command.
	set(authOrSelected, "DONE")
	set(StateNotAuthenticated, "AUTHENTICATE-DATA")
	return m
}()

// States returns the session states in which a client may send the command
// named name (a Command's Kind: "LOGIN", "UID FETCH"), or 0 for a name this
// package does not know. DONE belongs to IDLE and AUTHENTICATE-DATA to
// AUTHENTICATE, and they have their commands' states.
func States(name string) State { return states[strings.ToUpper(name)] }

// Allowed reports whether a client may send the command named name in
// state s.
func Allowed(name string, s State) bool { return States(name).Has(s) }
