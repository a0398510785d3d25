package command

import "testing"

func TestStates(t *testing.T) {
	cases := []struct {
		name string
		in   State
		want bool
	}{
		{"CAPABILITY", StateNotAuthenticated, true},
		{"capability", StateSelected, true},
		{"LOGIN", StateNotAuthenticated, true},
		{"LOGIN", StateAuthenticated, false},
		{"AUTHENTICATE", StateSelected, false},
		{"AUTHENTICATE-DATA", StateNotAuthenticated, true},
		{"ENABLE", StateAuthenticated, true},
		{"ENABLE", StateSelected, false},
		{"SELECT", StateSelected, true},
		{"SELECT", StateNotAuthenticated, false},
		{"FETCH", StateAuthenticated, false},
		{"UID FETCH", StateSelected, true},
		{"uid expunge", StateSelected, true},
		{"IDLE", StateSelected, true},
		{"DONE", StateAuthenticated, true},
		{"NOOP", StateLogout, false},
		{"XYZZY", StateAuthenticated, false},
		{"NOOP", StateAuthenticated | StateSelected, true},
		{"CLOSE", StateAuthenticated | StateSelected, false},
		{"NOOP", 0, false},
	}
	for _, c := range cases {
		if got := Allowed(c.name, c.in); got != c.want {
			t.Errorf("Allowed(%q, %v) = %v, want %v", c.name, c.in, got, c.want)
		}
	}
	if s := States("LIST"); s != StateAuthenticated|StateSelected {
		t.Errorf("States(LIST) = %v", s)
	}
	if got := (StateAuthenticated | StateSelected).String(); got != "authenticated|selected" {
		t.Errorf("String() = %q", got)
	}
	if got := State(0).String(); got != "no state" {
		t.Errorf("String() = %q", got)
	}
}

// TestStatesCoverReaders: every command the decoder types has its states,
// and every named state belongs to a command the decoder types.
func TestStatesCoverReaders(t *testing.T) {
	for name := range readers {
		if States(name) == 0 {
			t.Errorf("%s has no states", name)
		}
	}
	for name := range states {
		if readers[name] == nil && name != "DONE" && name != "AUTHENTICATE-DATA" {
			t.Errorf("%s has states but no reader", name)
		}
	}
}
