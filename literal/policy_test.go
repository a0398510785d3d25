package literal

import (
	"errors"
	"testing"
)

var (
	plain   = Policy{}
	plus    = Policy{LiteralPlus: true}
	minus   = Policy{LiteralMinus: true}
	binary  = Policy{Binary: true}
	limited = Policy{MaxSize: 1000, LiteralPlus: true}
	// Dovecot-like: LITERAL+ and BINARY.
	full = Policy{LiteralPlus: true, LiteralMinus: true, Binary: true}
)

func TestPolicyCheck(t *testing.T) {
	tests := []struct {
		name string
		p    Policy
		a    Announcement
		want error
	}{
		{name: "plain sync", p: plain, a: Announcement{Size: 5}},
		{name: "plain sync zero", p: plain, a: Announcement{Size: 0}},
		{name: "plain sync number64 max", p: plain, a: Announcement{Size: MaxSize}},
		{name: "plain nonsync", p: plain, a: Announcement{Size: 5, NonSync: true}, want: ErrNonSync},
		{name: "plain literal8", p: plain, a: Announcement{Size: 5, Binary: true}, want: ErrBinary},
		{name: "plus nonsync", p: plus, a: Announcement{Size: 5, NonSync: true}},
		{name: "plus nonsync huge", p: plus, a: Announcement{Size: MaxSize, NonSync: true}},
		// RFC 7888: LITERAL- allows non-synchronising literals of up to
		// 4096 bytes, no more.
		{name: "minus nonsync 4096", p: minus, a: Announcement{Size: MaxNonSyncMinus, NonSync: true}},
		{name: "minus nonsync 4097", p: minus, a: Announcement{Size: MaxNonSyncMinus + 1, NonSync: true}, want: ErrNonSync},
		{name: "minus sync 4097", p: minus, a: Announcement{Size: MaxNonSyncMinus + 1}},
		{name: "binary literal8", p: binary, a: Announcement{Size: 5, Binary: true}},
		{name: "binary literal8 nonsync", p: binary, a: Announcement{Size: 5, Binary: true, NonSync: true}, want: ErrNonSync},
		{name: "full literal8 nonsync", p: full, a: Announcement{Size: 5, Binary: true, NonSync: true}},
		{name: "plus literal8 nonsync", p: plus, a: Announcement{Size: 5, Binary: true, NonSync: true}, want: ErrBinary},
		{name: "limit exactly", p: limited, a: Announcement{Size: 1000}},
		{name: "limit exactly nonsync", p: limited, a: Announcement{Size: 1000, NonSync: true}},
		{name: "limit plus one", p: limited, a: Announcement{Size: 1001}, want: ErrTooLarge},
		{name: "limit plus one nonsync", p: limited, a: Announcement{Size: 1001, NonSync: true}, want: ErrTooLarge},
		// The size is judged first: a server answers NO [TOOBIG].
		{name: "limit plus one literal8", p: Policy{MaxSize: 1000}, a: Announcement{Size: 1001, Binary: true, NonSync: true}, want: ErrTooLarge},
		{name: "negative", p: plain, a: Announcement{Size: -1}, want: ErrTooLarge},
		{name: "negative limit means none", p: Policy{MaxSize: -5}, a: Announcement{Size: MaxSize}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Check(tt.a)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("%+v.Check(%v) = %v; want nil", tt.p, tt.a, err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("%+v.Check(%v) = %v; want %v", tt.p, tt.a, err, tt.want)
			}
		})
	}
}

func TestPolicyAnnounce(t *testing.T) {
	tests := []struct {
		name   string
		p      Policy
		size   int64
		binary bool
		want   Announcement
		err    error
	}{
		{name: "plain", p: plain, size: 5, want: Announcement{Size: 5}},
		{name: "plain zero", p: plain, size: 0, want: Announcement{Size: 0}},
		{name: "plain binary", p: plain, size: 5, binary: true, err: ErrBinary},
		{name: "plus", p: plus, size: 5, want: Announcement{Size: 5, NonSync: true}},
		{name: "plus huge", p: plus, size: 1 << 40, want: Announcement{Size: 1 << 40, NonSync: true}},
		{name: "minus 4096", p: minus, size: MaxNonSyncMinus, want: Announcement{Size: MaxNonSyncMinus, NonSync: true}},
		{name: "minus 4097", p: minus, size: MaxNonSyncMinus + 1, want: Announcement{Size: MaxNonSyncMinus + 1}},
		{name: "minus zero", p: minus, size: 0, want: Announcement{Size: 0, NonSync: true}},
		{name: "binary", p: binary, size: 5, binary: true, want: Announcement{Size: 5, Binary: true}},
		{name: "full binary", p: full, size: 5, binary: true, want: Announcement{Size: 5, Binary: true, NonSync: true}},
		{name: "limit exactly", p: limited, size: 1000, want: Announcement{Size: 1000, NonSync: true}},
		{name: "limit plus one", p: limited, size: 1001, err: ErrTooLarge},
		{name: "number64 max", p: plain, size: MaxSize, want: Announcement{Size: MaxSize}},
		{name: "negative", p: plain, size: -1, err: errNegativeSize},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := tt.p.Announce(tt.size, tt.binary)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("%+v.Announce(%d, %v) error = %v; want %v", tt.p, tt.size, tt.binary, err, tt.err)
				}
				if a != (Announcement{}) {
					t.Errorf("%+v.Announce(%d, %v) = %v with an error; want zero", tt.p, tt.size, tt.binary, a)
				}
				return
			}
			if err != nil || a != tt.want {
				t.Fatalf("%+v.Announce(%d, %v) = %v, %v; want %v, nil", tt.p, tt.size, tt.binary, a, err, tt.want)
			}
			// What Announce chooses, Check accepts.
			if err := tt.p.Check(a); err != nil {
				t.Errorf("%+v.Check(%v) = %v after Announce", tt.p, a, err)
			}
		})
	}
}

func TestPolicyCheckAllocs(t *testing.T) {
	a := Announcement{Size: 4096, NonSync: true}
	allocs := testing.AllocsPerRun(100, func() {
		if minus.Check(a) != nil {
			t.Fatal("refused")
		}
	})
	if allocs != 0 {
		t.Errorf("Check allocates %v times on success; want 0", allocs)
	}
}
