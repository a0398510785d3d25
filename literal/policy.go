package literal

import "fmt"

// Policy is what a peer accepts: the limits and extensions that decide
// whether a received announcement is acceptable (Check) and how a literal is
// to be announced to that peer (Announce).
//
// A server builds its Policy from its own limits and the capabilities it
// advertises, and checks each literal a client announces. A client builds
// one from the server's CAPABILITY response (and APPENDLIMIT, if any) to
// choose its announcements. Servers never send non-synchronising literals
// (RFC 7888), so a server announcing literals to a client uses a Policy with
// LiteralPlus and LiteralMinus unset.
//
// The zero Policy accepts synchronising literals of any size up to MaxSize
// and nothing else: plain RFC 3501.
type Policy struct {
	MaxSize      int64 // largest literal accepted; 0 means no limit beyond MaxSize
	LiteralPlus  bool  // RFC 7888 LITERAL+: non-synchronising literals of any size
	LiteralMinus bool  // RFC 7888 LITERAL-: non-synchronising literals up to MaxNonSyncMinus bytes
	Binary       bool  // RFC 3516 BINARY: literal8 allowed
}

// nonSyncOK reports whether the policy allows a non-synchronising literal of
// size bytes.
func (p Policy) nonSyncOK(size int64) bool {
	return p.LiteralPlus || p.LiteralMinus && size <= MaxNonSyncMinus
}

// limit returns the effective size limit.
func (p Policy) limit() int64 {
	if p.MaxSize <= 0 {
		return MaxSize
	}
	return p.MaxSize
}

// Check judges a received announcement against the policy. It reports the
// first rule a breaks, in this order:
//
//   - Size over MaxSize (or negative): an error wrapping ErrTooLarge; a
//     server refuses a synchronising literal with NO [TOOBIG] (RFC 5530,
//     RFC 9051).
//   - NonSync where neither LiteralPlus, nor LiteralMinus with a Size of
//     at most MaxNonSyncMinus, allows it: an error wrapping ErrNonSync.
//   - Binary without p.Binary: an error wrapping ErrBinary.
//
// Check returns nil for an acceptable announcement. A refused
// non-synchronising literal has already been sent: its body follows in the
// stream, and the receiver must skip it (Reader.Discard) or close the
// connection. Check allocates only when it returns an error.
func (p Policy) Check(a Announcement) error {
	if a.Size < 0 || a.Size > p.limit() {
		return p.tooLarge(a.Size)
	}
	if a.NonSync && !p.nonSyncOK(a.Size) {
		if p.LiteralMinus {
			return fmt.Errorf("%w: %d bytes over the LITERAL- limit of %d", ErrNonSync, a.Size, MaxNonSyncMinus)
		}
		return fmt.Errorf("%w: peer has neither LITERAL+ nor LITERAL-", ErrNonSync)
	}
	if a.Binary && !p.Binary {
		return fmt.Errorf("%w: peer has no BINARY", ErrBinary)
	}
	return nil
}

// Announce chooses how to send a literal of size bytes to a peer with policy
// p. The result is non-synchronising when the policy allows it (LiteralPlus,
// or LiteralMinus and size <= MaxNonSyncMinus), synchronising otherwise; it
// is a literal8 when binary is set. Errors are as for Check: ErrTooLarge
// (wrapped) for a size over MaxSize, ErrBinary (wrapped) for binary without
// p.Binary. A negative size is an error too.
//
// Check(Announce(size, binary)) is nil whenever Announce succeeds.
func (p Policy) Announce(size int64, binary bool) (Announcement, error) {
	if size < 0 {
		return Announcement{}, errNegativeSize
	}
	a := Announcement{Size: size, NonSync: p.nonSyncOK(size), Binary: binary}
	if err := p.Check(a); err != nil {
		return Announcement{}, err
	}
	return a, nil
}

// tooLarge builds the error for a size over the limit; it runs only on the
// error path.
func (p Policy) tooLarge(size int64) error {
	if size < 0 {
		return fmt.Errorf("%w: negative size %d", ErrTooLarge, size)
	}
	return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, size, p.limit())
}
