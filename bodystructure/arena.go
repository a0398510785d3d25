package bodystructure

import (
	"unsafe"

	"github.com/mailwire/imap/wire"
)

// An Arena reads bodies and envelopes as ReadBody and ReadEnvelope do, but
// takes their memory from blocks it keeps between calls: the strings of
// many values share one block of bytes, and their parts, parameters and
// addresses share blocks of values. Decoding a typical body structure or
// envelope then costs a fraction of an allocation instead of one per
// string and list, which matters to a client that reads thousands of FETCH
// responses.
//
// The values are the caller's as with ReadBody: they stay valid and
// unchanged after later calls, and the arena never writes to memory it has
// handed out, unless the caller allows it with Rewind. The price is
// retention: a block is freed only when nothing decoded from it is
// reachable, so a program that keeps one small value of a large batch
// keeps up to a block of memory (at most 16 KiB of strings, or 12 KiB of
// values) alive with it. Callers that keep few values for long should use
// ReadBody.
//
// The zero Arena is ready to use. An Arena is not safe for concurrent use.
type Arena struct {
	text   []byte // string storage; bytes below len are handed out
	bodies []Body
	exts   []Extension
	envs   []Envelope
	parts  []*Body
	params []Param
	addrs  []Address
	dsps   []Disposition
	strs   []string

	// Stacks of the lists being read; nested reads push above the items
	// of their callers and pop back.
	partStack  []*Body
	paramStack []Param
	addrStack  []Address
	strStack   []string
	esc        []byte // unescaped quoted strings
}

// Block sizes.
const (
	arenaText   = 16 << 10 // bytes of strings
	arenaString = 1 << 10  // longer strings get memory of their own

	// Blocks of values take up to arenaBlockBytes, a size class of the
	// runtime's allocator, so that little of what it hands out is
	// unused, and up to arenaBlockLen values.
	arenaBlockBytes = 12 << 10
	arenaBlockLen   = 256
)

// The number of values in a block of each kind.
const (
	bodyBlock  = min(arenaBlockBytes/int(unsafe.Sizeof(Body{})), arenaBlockLen)
	extBlock   = min(arenaBlockBytes/int(unsafe.Sizeof(Extension{})), arenaBlockLen)
	envBlock   = min(arenaBlockBytes/int(unsafe.Sizeof(Envelope{})), arenaBlockLen)
	dspBlock   = min(arenaBlockBytes/int(unsafe.Sizeof(Disposition{})), arenaBlockLen)
	partBlock  = min(arenaBlockBytes/int(unsafe.Sizeof((*Body)(nil))), arenaBlockLen)
	paramBlock = min(arenaBlockBytes/int(unsafe.Sizeof(Param{})), arenaBlockLen)
	addrBlock  = min(arenaBlockBytes/int(unsafe.Sizeof(Address{})), arenaBlockLen)
	strBlock   = min(arenaBlockBytes/int(unsafe.Sizeof("")), arenaBlockLen)
)

// ReadBody is the package's ReadBody with memory from a.
func (a *Arena) ReadBody(d *wire.Decoder) (*Body, error) {
	a.reset()
	p := parser{d: d, a: a}
	if b, ok := p.fastBody(); ok {
		return b, nil
	}
	return p.body()
}

// ReadEnvelope is the package's ReadEnvelope with memory from a.
func (a *Arena) ReadEnvelope(d *wire.Decoder) (*Envelope, error) {
	a.reset()
	p := parser{d: d, a: a}
	if e, ok := p.fastEnvelope(); ok {
		return e, nil
	}
	return p.envelope(true)
}

// String returns a copy of b as a string stored in a, for typed layers
// that decode strings of their own next to bodies and envelopes.
func (a *Arena) String(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > arenaString {
		return string(b)
	}
	if cap(a.text)-len(a.text) < len(b) {
		a.text = make([]byte, 0, arenaText)
	}
	// The bytes are never written again: later strings go above them,
	// and a new block replaces a full one. (Reslicing a.text, rather than
	// appending to it, stores only its length.)
	n := len(a.text)
	a.text = a.text[:n+len(b)]
	copy(a.text[n:], b)
	return unsafe.String(&a.text[n], len(b))
}

// Rewind lets a reuse the memory of the values it has returned so far for
// the values it returns next: their structs and slices (bodies, envelopes,
// extensions, dispositions, and the lists of parts, parameters, addresses
// and language tags) are overwritten by later calls. Their strings are not:
// a string from an arena stays valid and unchanged.
//
// A caller that handles each value before it decodes the next, and copies
// out the structs it keeps, can call Rewind before each call to decode
// without allocating once the blocks are in place. It must not use any
// value decoded before Rewind afterwards.
func (a *Arena) Rewind() {
	rewind(&a.bodies)
	rewind(&a.exts)
	rewind(&a.envs)
	rewind(&a.parts)
	rewind(&a.params)
	rewind(&a.addrs)
	rewind(&a.dsps)
	rewind(&a.strs)
}

// rewind zeroes the items of block and empties it, so that it hands them
// out again: nothing writes to a block beyond its length, and the blocks
// hand out zero items.
func rewind[T any](block *[]T) {
	clear(*block)
	*block = (*block)[:0]
}

// reset empties the stacks, which a failed call may have left items on.
func (a *Arena) reset() {
	a.partStack = a.partStack[:0]
	a.paramStack = a.paramStack[:0]
	a.addrStack = a.addrStack[:0]
}

// take returns n zeroed elements of a block, starting a new block when the
// current one is short of room.
func take[T any](block *[]T, n, size int) []T {
	if cap(*block)-len(*block) < n {
		*block = make([]T, 0, max(size, n))
	}
	i := len(*block)
	*block = (*block)[:i+n]
	return (*block)[i : i+n : i+n]
}

func (p *parser) newBody() *Body { return newBody(p.a) }

func newBody(a *Arena) *Body {
	if a == nil {
		return new(Body)
	}
	return &take(&a.bodies, 1, bodyBlock)[0]
}

func (p *parser) newExtension() *Extension { return newExtension(p.a) }

func newExtension(a *Arena) *Extension {
	if a == nil {
		return new(Extension)
	}
	return &take(&a.exts, 1, extBlock)[0]
}

func (p *parser) newDisposition() *Disposition { return newDisposition(p.a) }

func newDisposition(a *Arena) *Disposition {
	if a == nil {
		return new(Disposition)
	}
	return &take(&a.dsps, 1, dspBlock)[0]
}

func (p *parser) newEnvelope() *Envelope { return newEnvelope(p.a) }

func newEnvelope(a *Arena) *Envelope {
	if a == nil {
		return new(Envelope)
	}
	return &take(&a.envs, 1, envBlock)[0]
}

// string returns b as a string: a common name without allocating, else
// from the arena if there is one.
func (p *parser) string(b []byte) string { return stringIn(p.a, b) }

func stringIn(a *Arena, b []byte) string {
	if s, ok := interned(b); ok {
		return s
	}
	if a == nil {
		return string(b)
	}
	return a.String(b)
}

// collect moves the items of a stack from start on into a block, or a new
// slice without an arena, and pops them.
func collect[T any](stack *[]T, start int, block *[]T, size int, a *Arena) []T {
	items := (*stack)[start:]
	var out []T
	if len(items) > 0 {
		if a == nil {
			out = make([]T, len(items))
		} else {
			out = take(block, len(items), size)
		}
		copy(out, items)
	}
	clear(items)
	*stack = (*stack)[:start]
	return out
}

// stacks returns the arena, or, without one, stacks for this call alone.
func (p *parser) stacks() *Arena {
	if p.a != nil {
		return p.a
	}
	if p.own == nil {
		p.own = new(Arena)
	}
	return p.own
}
