package response

import (
	"github.com/mailwire/imap/wire"
)

// A Thread is the result of a THREAD or UID THREAD command (RFC 5256 §4):
// the matching messages arranged in threads.
//
//	S: * THREAD (2)(3 6 (4 23)(44 7 96))
//	S: * THREAD ((3)(5))
//	S: * THREAD
//
// The first example holds two threads: message 2 alone, and message 3,
// whose reply is 6, which has two replies: 4 (with the reply 23) and 44
// (with the reply 7, whose reply is 96). The second is one thread whose
// first message is missing, with the two replies 3 and 5.
//
// Dovecot answers a THREAD that matched nothing with "* THREAD " and a
// space before the line ending: wire.QuirkTrailingSpace.
type Thread struct {
	// Threads are the threads, in the order sent; empty when no message
	// matched.
	Threads []ThreadNode
}

// Kind returns "THREAD".
func (t *Thread) Kind() string { return "THREAD" }

// A ThreadNode is one parenthesised thread-list of RFC 5256 §5: a chain of
// messages, each the parent of the next, and the subthreads below the
// last of them.
//
//	thread-list    = "(" (thread-members / thread-nested) ")"
//	thread-members = nz-number *(SP nz-number) [SP thread-nested]
//	thread-nested  = 2*thread-list
//
// "(3 6 (4 23)(44 7 96))" is ThreadNode{Nums: {3, 6}, Children: {{Nums:
// {4, 23}}, {Nums: {44, 7, 96}}}}; "((3)(5))", a thread whose first
// message is missing, is ThreadNode{Children: {{Nums: {3}}, {Nums: {5}}}}.
//
// The grammar gives every tree one form, and so does ThreadNode: a
// message with a single reply continues the chain (Nums), so Children is
// either empty or holds at least two subthreads, and it holds at least two
// when Nums is empty. An Encoder refuses a node that breaks this, as it
// has no wire form.
type ThreadNode struct {
	// Nums are the chain of messages, each non-zero; empty when the
	// thread's parent message is missing (thread-nested alone).
	Nums []uint32
	// Children are the subthreads below the last message of Nums: none,
	// or at least two.
	Children []ThreadNode
}

// readThread reads thread-data after its name (RFC 5256 §5):
//
//	thread-data = "THREAD" [SP 1*thread-list]
//
// It keeps its own stack of open thread-lists rather than recursing, and
// the decoder's nesting limit (wire.MaxDepth) bounds it: one thread-list
// too deep is wire.ErrTooDeep.
func readThread(d *Decoder) (Response, error) {
	w := d.w
	t := &Thread{}
	if more, err := d.another(); !more || err != nil {
		return t, err
	}
	const rule = "thread-list"
	// stack holds the thread-lists opened and not yet closed, innermost
	// last.
	var stack []ThreadNode
	const (
		opened = iota // after the "(" of the innermost list
		member        // after a number of its thread-members
		child         // after one of its nested thread-lists
		top           // after a whole thread, outside any list
	)
	state := top
	for {
		switch state {
		case top:
			if eol, err := w.AtEOL(); eol || err != nil {
				return t, err
			}
			off := w.Offset()
			c, err := w.Peek()
			if err != nil {
				return nil, err
			}
			if c != '(' {
				return nil, w.Failf(off, rule, "expected '('")
			}
		case member, child:
			off := w.Offset()
			end, err := w.ListEnd()
			if err != nil {
				return nil, err
			}
			if end {
				n := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if len(n.Children) == 1 {
					return nil, w.Failf(off, rule, "a thread-list nested alone: expected another one before ')'")
				}
				state = child
				if len(stack) == 0 {
					t.Threads = append(t.Threads, n)
					state = top
				} else {
					p := &stack[len(stack)-1]
					p.Children = append(p.Children, n)
				}
				continue
			}
			if state == member {
				if err := w.SP(); err != nil {
					return nil, err
				}
			}
			off = w.Offset()
			c, err := w.Peek()
			if err != nil {
				return nil, err
			}
			if c != '(' {
				if state == child {
					return nil, w.Failf(off, rule, "expected '(' or ')'")
				}
				n, err := w.ReadNZNumber()
				if err != nil {
					return nil, err
				}
				p := &stack[len(stack)-1]
				p.Nums = append(p.Nums, n)
				continue
			}
		case opened:
			c, err := w.Peek()
			if err != nil {
				return nil, err
			}
			if c != '(' {
				n, err := w.ReadNZNumber()
				if err != nil {
					return nil, err
				}
				p := &stack[len(stack)-1]
				p.Nums = append(p.Nums, n)
				state = member
				continue
			}
		}
		// A "(" comes next: open a thread-list.
		if err := w.ListStart(); err != nil {
			return nil, err
		}
		stack = append(stack, ThreadNode{})
		state = opened
	}
}

// encode writes the threads with a stack of its own, so that a deep tree
// does not recurse.
func (t *Thread) encode(e *wire.Encoder) {
	e.Atom("THREAD")
	if len(t.Threads) == 0 {
		return
	}
	e.SP()
	type frame struct {
		nodes []ThreadNode
		next  int
	}
	stack := []frame{{nodes: t.Threads}}
	for len(stack) > 0 && e.Err() == nil {
		f := &stack[len(stack)-1]
		if f.next == len(f.nodes) {
			stack = stack[:len(stack)-1]
			if len(stack) > 0 {
				// The children are done: close their parent.
				e.ListEnd()
			}
			continue
		}
		n := &f.nodes[f.next]
		f.next++
		switch {
		case len(n.Children) == 1:
			e.Refuse("a thread node with a single child (it continues the chain: add it to Nums)")
			return
		case len(n.Nums) == 0 && len(n.Children) == 0:
			e.Refuse("an empty thread node")
			return
		}
		e.ListStart()
		for i, num := range n.Nums {
			if num == 0 {
				e.Refuse("a message number 0 in a thread")
				return
			}
			if i > 0 {
				e.SP()
			}
			e.Number(num)
		}
		if len(n.Children) == 0 {
			e.ListEnd()
			continue
		}
		if len(n.Nums) > 0 {
			e.SP()
		}
		stack = append(stack, frame{nodes: n.Children})
	}
}
