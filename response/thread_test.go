package response

import (
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/mailwire/imap/wire"
)

// threadLeaf is a thread of one chain of messages without subthreads.
func threadLeaf(nums ...uint32) ThreadNode { return ThreadNode{Nums: nums} }

// threadDeep returns a thread nested n thread-lists deep, n >= 1, and its
// wire form: "(1 (2 (...)(x))(x))", where every level but the innermost
// has two subthreads so that the grammar allows it.
func threadDeep(n int) (string, ThreadNode) {
	var b strings.Builder
	for i := 1; i < n; i++ {
		b.WriteString("(" + strconv.Itoa(i) + " ")
	}
	b.WriteString("(" + strconv.Itoa(n) + ")")
	for i := n - 1; i >= 1; i-- {
		b.WriteString("(" + strconv.Itoa(1000+i) + "))")
	}
	node := threadLeaf(uint32(n))
	for i := n - 1; i >= 1; i-- {
		node = ThreadNode{Nums: []uint32{uint32(i)}, Children: []ThreadNode{node, threadLeaf(uint32(1000 + i))}}
	}
	return b.String(), node
}

var threadDeep8In, threadDeep8 = threadDeep(8)

var threadCases = []testCase{
	{name: "RFC 5256 §BASE.7.2.THREAD example", in: "* THREAD (2)(3 6 (4 23)(44 7 96))\r\n",
		want: &Thread{Threads: []ThreadNode{
			threadLeaf(2),
			{Nums: []uint32{3, 6}, Children: []ThreadNode{threadLeaf(4, 23), threadLeaf(44, 7, 96)}},
		}}},
	{name: "RFC 5256 §BASE.7.2.THREAD example, missing parent", in: "* THREAD ((3)(5))\r\n",
		want: &Thread{Threads: []ThreadNode{{Children: []ThreadNode{threadLeaf(3), threadLeaf(5)}}}}},
	{name: "RFC 5256 §BASE.6.4.THREAD example, nothing found", in: "* THREAD\r\n", want: &Thread{}},
	{name: "RFC 5256 §BASE.6.4.THREAD ORDEREDSUBJECT example",
		in: "* THREAD (166)(167)(168)(169)(172)(170)(171)(173)(174 (175)(176)(178)(181)(180))(179)(177 (183)(182)(188)(184)(185)(186)(187)(189))(190)(191)(192)(193)(194 195)(196 (197)(198))(199)(200 202)(201)(203)(204)(205)(206 207)(208)\r\n",
		want: &Thread{Threads: []ThreadNode{
			threadLeaf(166), threadLeaf(167), threadLeaf(168), threadLeaf(169), threadLeaf(172), threadLeaf(170), threadLeaf(171), threadLeaf(173),
			{Nums: []uint32{174}, Children: []ThreadNode{threadLeaf(175), threadLeaf(176), threadLeaf(178), threadLeaf(181), threadLeaf(180)}},
			threadLeaf(179),
			{Nums: []uint32{177}, Children: []ThreadNode{threadLeaf(183), threadLeaf(182), threadLeaf(188), threadLeaf(184), threadLeaf(185), threadLeaf(186), threadLeaf(187), threadLeaf(189)}},
			threadLeaf(190), threadLeaf(191), threadLeaf(192), threadLeaf(193), threadLeaf(194, 195),
			{Nums: []uint32{196}, Children: []ThreadNode{threadLeaf(197), threadLeaf(198)}},
			threadLeaf(199), threadLeaf(200, 202), threadLeaf(201), threadLeaf(203), threadLeaf(204), threadLeaf(205), threadLeaf(206, 207), threadLeaf(208),
		}}},
	{name: "RFC 5256 §BASE.6.4.THREAD REFERENCES example",
		in: "* THREAD (166)(167)(168)(169)(172)((170)(179))(171)(173)((174)(175)(176)(178)(181)(180))((177)(183)(182)(188 (184)(189))(185 186)(187))(190)(191)(192)(193)((194)(195 196))(197 198)(199)(200 202)(201)(203)(204)(205 206 207)(208)\r\n",
		want: &Thread{Threads: []ThreadNode{
			threadLeaf(166), threadLeaf(167), threadLeaf(168), threadLeaf(169), threadLeaf(172),
			{Children: []ThreadNode{threadLeaf(170), threadLeaf(179)}},
			threadLeaf(171), threadLeaf(173),
			{Children: []ThreadNode{threadLeaf(174), threadLeaf(175), threadLeaf(176), threadLeaf(178), threadLeaf(181), threadLeaf(180)}},
			{Children: []ThreadNode{
				threadLeaf(177), threadLeaf(183), threadLeaf(182),
				{Nums: []uint32{188}, Children: []ThreadNode{threadLeaf(184), threadLeaf(189)}},
				threadLeaf(185, 186), threadLeaf(187),
			}},
			threadLeaf(190), threadLeaf(191), threadLeaf(192), threadLeaf(193),
			{Children: []ThreadNode{threadLeaf(194), threadLeaf(195, 196)}},
			threadLeaf(197, 198), threadLeaf(199), threadLeaf(200, 202), threadLeaf(201), threadLeaf(203), threadLeaf(204), threadLeaf(205, 206, 207), threadLeaf(208),
		}}},
	{name: "RFC 5256 §5 nested", in: "* THREAD (1 (2 (3 (4)(5))(6))(7))\r\n",
		want: &Thread{Threads: []ThreadNode{{Nums: []uint32{1}, Children: []ThreadNode{
			{Nums: []uint32{2}, Children: []ThreadNode{
				{Nums: []uint32{3}, Children: []ThreadNode{threadLeaf(4), threadLeaf(5)}},
				threadLeaf(6),
			}},
			threadLeaf(7),
		}}}}},
	{name: "missing parent inside a thread", in: "* THREAD (1 (2)((3)(4)))\r\n",
		want: &Thread{Threads: []ThreadNode{{Nums: []uint32{1}, Children: []ThreadNode{
			threadLeaf(2),
			{Children: []ThreadNode{threadLeaf(3), threadLeaf(4)}},
		}}}}},
	{name: "Dovecot 2.3 THREAD REFERENCES", in: "* THREAD (1 (2 (5)(6))(3))(4)\r\n",
		want: &Thread{Threads: []ThreadNode{
			{Nums: []uint32{1}, Children: []ThreadNode{
				{Nums: []uint32{2}, Children: []ThreadNode{threadLeaf(5), threadLeaf(6)}},
				threadLeaf(3),
			}},
			threadLeaf(4),
		}}},
	{name: "Dovecot 2.3 THREAD REFS, missing parent", in: "* THREAD ((5)(6 7))(3)(1 (2)(4))\r\n",
		want: &Thread{Threads: []ThreadNode{
			{Children: []ThreadNode{threadLeaf(5), threadLeaf(6, 7)}},
			threadLeaf(3),
			{Nums: []uint32{1}, Children: []ThreadNode{threadLeaf(2), threadLeaf(4)}},
		}}},
	{name: "Dovecot 2.3 THREAD, nothing found, trailing space", in: "* THREAD \r\n", canon: "* THREAD\r\n",
		want: &Thread{}, quirks: []string{"trailing-space@8"}},
	{name: "trailing space", in: "* THREAD (1)(2) \r\n", canon: "* THREAD (1)(2)\r\n",
		want: &Thread{Threads: []ThreadNode{threadLeaf(1), threadLeaf(2)}}, quirks: []string{"trailing-space@15"}},
	{name: "space before paren", in: "* THREAD (1 2 )\r\n", canon: "* THREAD (1 2)\r\n",
		want: &Thread{Threads: []ThreadNode{threadLeaf(1, 2)}}, quirks: []string{"space-before-paren@13"}},
	{name: "double space", in: "* THREAD (1  (2)(3))\r\n", canon: "* THREAD (1 (2)(3))\r\n",
		want:   &Thread{Threads: []ThreadNode{{Nums: []uint32{1}, Children: []ThreadNode{threadLeaf(2), threadLeaf(3)}}}},
		quirks: []string{"extra-space@12"}},
	// Deeper trees are in TestThreadDeep: cmp.Diff takes time exponential
	// in their depth.
	{name: "nested 8 deep", in: "* THREAD " + threadDeep8In + "\r\n",
		want: &Thread{Threads: []ThreadNode{threadDeep8}}},
}

var threadErrorCases = []errorCase{
	{name: "empty list", in: "* THREAD ()\r\n", off: int64(len("* THREAD ("))},
	{name: "zero", in: "* THREAD (0)\r\n", off: int64(len("* THREAD ("))},
	{name: "one nested list", in: "* THREAD (1 (2))\r\n", off: int64(len("* THREAD (1 (2)"))},
	{name: "one nested list alone", in: "* THREAD ((2))\r\n", off: int64(len("* THREAD ((2)"))},
	{name: "number after nested lists", in: "* THREAD (1 (2)(3) 4)\r\n", off: int64(len("* THREAD (1 (2)(3)"))},
	{name: "number after nested lists alone", in: "* THREAD ((2)(3)4)\r\n", off: int64(len("* THREAD ((2)(3)"))},
	{name: "space between threads", in: "* THREAD (1) (2)\r\n", off: int64(len("* THREAD (1)"))},
	{name: "space between nested lists", in: "* THREAD (1 (2) (3))\r\n", off: int64(len("* THREAD (1 (2)"))},
	{name: "number outside a list", in: "* THREAD 1\r\n", off: int64(len("* THREAD "))},
	{name: "no space after number", in: "* THREAD (1(2)(3))\r\n", off: int64(len("* THREAD (1"))},
	{name: "unclosed", in: "* THREAD (1 2\r\n", off: int64(len("* THREAD (1 2"))},
	{name: "unbalanced", in: "* THREAD (1))\r\n", off: int64(len("* THREAD (1)"))},
	{name: "no space after name", in: "* THREAD(1)\r\n", off: int64(len("* THREAD"))},
	{name: "nested 101 deep", in: "* THREAD " + strings.Repeat("(", 101) + "\r\n", off: int64(len("* THREAD ") + 100)},
}

func init() {
	allCases = append(allCases, threadCases...)
	allErrorCases = append(allErrorCases, threadErrorCases...)
}

func TestThread(t *testing.T)       { checkCases(t, threadCases) }
func TestThreadErrors(t *testing.T) { checkErrorCases(t, threadErrorCases) }

// TestThreadDeep checks a thread nested 100 deep, the default limit:
// decoded whole and one byte at a time, its canonical form and strict
// decoding of that form.
func TestThreadDeep(t *testing.T) {
	in, node := threadDeep(100)
	in = "* THREAD " + in + "\r\n"
	want := &Thread{Threads: []ThreadNode{node}}
	for _, r := range []io.Reader{strings.NewReader(in), iotest.OneByteReader(strings.NewReader(in))} {
		got, quirks, err := decodeOne(r)
		if err != nil || len(quirks) > 0 || !reflect.DeepEqual(got, want) {
			t.Fatalf("decode: %v, quirks %q, equal %v", err, quirks, reflect.DeepEqual(got, want))
		}
	}
	enc, err := encodeOne(want)
	if err != nil || enc != in {
		t.Fatalf("encode: %v, %q", err, enc)
	}
	if got, _, err := decodeOne(strings.NewReader(enc), wire.Strict(true)); err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("strict decode: %v", err)
	}
}

// TestThreadTooDeep checks that the 101st nested thread-list fails with
// wire.ErrTooDeep, also when it is valid apart from its depth and when the
// input goes on with a million more, and that a lower MaxDepth is obeyed.
func TestThreadTooDeep(t *testing.T) {
	in101, _ := threadDeep(101)
	for _, c := range []struct {
		name string
		in   string
		opts []wire.Option
		off  int
	}{
		{"valid but 101 deep", "* THREAD " + in101 + "\r\n", nil, len("* THREAD ") + strings.Index(in101, "(101")},
		{"a million open", "* THREAD " + strings.Repeat("(", 1_000_000) + "\r\n", []wire.Option{wire.MaxLineBytes(2 << 20)}, len("* THREAD ") + 100},
		{"MaxDepth 3", "* THREAD (1 (2 (3 (4)(5))(6))(7))\r\n", []wire.Option{wire.MaxDepth(3)}, len("* THREAD (1 (2 (3 ")},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := decodeOne(strings.NewReader(c.in), c.opts...)
			var se *wire.SyntaxError
			if !errors.Is(err, wire.ErrTooDeep) || !errors.As(err, &se) || se.Offset != int64(c.off) {
				t.Errorf("got %v, want wire.ErrTooDeep at offset %d", err, c.off)
			}
		})
	}
}

// TestThreadEncodeRefuses checks that trees without a wire form are
// refused, and that a deep tree built by hand encodes without recursion
// trouble.
func TestThreadEncodeRefuses(t *testing.T) {
	for _, r := range []*Thread{
		{Threads: []ThreadNode{{}}},
		{Threads: []ThreadNode{{Nums: []uint32{0}}}},
		{Threads: []ThreadNode{{Nums: []uint32{1}, Children: []ThreadNode{threadLeaf(2)}}}},
		{Threads: []ThreadNode{{Children: []ThreadNode{threadLeaf(2)}}}},
		{Threads: []ThreadNode{{Nums: []uint32{1}, Children: []ThreadNode{threadLeaf(2), {}}}}},
	} {
		if b, err := encodeOne(r); err == nil {
			t.Errorf("%#v encoded as %q, want an error", r, b)
		}
	}
	in, node := threadDeep(100_000)
	b, err := encodeOne(&Thread{Threads: []ThreadNode{node}})
	if err != nil || b != "* THREAD "+in+"\r\n" {
		t.Errorf("deep thread: %v, %d bytes", err, len(b))
	}
}
