package command

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mailwire/imap/bodystructure"
	"github.com/mailwire/imap/wire"
)

// fetchSet parses a sequence set for the tables.
func fetchSet(s string) wire.SeqSet {
	set, err := wire.ParseSeqSet(s)
	if err != nil {
		panic(err)
	}
	return set
}

func fetchAtts(kinds ...FetchAttKind) []FetchAtt {
	atts := make([]FetchAtt, len(kinds))
	for i, k := range kinds {
		atts[i].Kind = k
	}
	return atts
}

func fetchHeaderFields(not bool, fields ...string) bodystructure.Section {
	s := bodystructure.Section{Specifier: bodystructure.SpecifierHeaderFields, Fields: fields}
	if not {
		s.Specifier = bodystructure.SpecifierHeaderFieldsNot
	}
	return s
}

// thunderbirdFetch is the FETCH Thunderbird sends for new message headers.
const thunderbirdFetch = "9 UID fetch 1:* (UID RFC822.SIZE FLAGS BODY.PEEK[HEADER.FIELDS (From To Cc Bcc Subject Date Message-ID Priority X-Priority References Newsgroups In-Reply-To Content-Type Reply-To)])\r\n"

var thunderbirdFields = strings.Fields("From To Cc Bcc Subject Date Message-ID Priority X-Priority References Newsgroups In-Reply-To Content-Type Reply-To")

func init() {
	allCases = append(allCases, []testCase{
		{name: "RFC 9051 §6.4.5 FETCH example", in: "A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])\r\n",
			want: &Fetch{Set: fetchSet("2:4"), Atts: []FetchAtt{{Kind: FetchFlags},
				{Kind: FetchBodySection, Section: fetchHeaderFields(false, "DATE", "FROM")}}}},
		{name: "RFC 9051 §6.4.9 UID FETCH example", in: "A999 UID FETCH 4827313:4828442 FLAGS\r\n",
			want:  &Fetch{UID: true, Set: fetchSet("4827313:4828442"), Atts: fetchAtts(FetchFlags)},
			canon: "A999 UID FETCH 4827313:4828442 (FLAGS)\r\n"},
		{name: "RFC 3501 §8 fetch full", in: "a003 fetch 12 full\r\n",
			want: &Fetch{Set: fetchSet("12"), Macro: FetchMacroFull}, canon: "a003 FETCH 12 FULL\r\n"},
		{name: "RFC 3501 §8 fetch body[header]", in: "a004 fetch 12 body[header]\r\n",
			want:  &Fetch{Set: fetchSet("12"), Atts: []FetchAtt{{Kind: FetchBodySection, Section: bodystructure.Section{Specifier: bodystructure.SpecifierHeader}}}},
			canon: "a004 FETCH 12 (BODY[HEADER])\r\n"},
		{name: "ALL macro", in: "a FETCH 1:* ALL\r\n", want: &Fetch{Set: fetchSet("1:*"), Macro: FetchMacroAll}},
		{name: "FAST macro", in: "a FETCH 1 FAST\r\n", want: &Fetch{Set: fetchSet("1"), Macro: FetchMacroFast}},
		{name: "every RFC 9051 item", in: "a FETCH 1 (ENVELOPE FLAGS INTERNALDATE RFC822.SIZE BODY BODYSTRUCTURE UID)\r\n",
			want: &Fetch{Set: fetchSet("1"), Atts: fetchAtts(FetchEnvelope, FetchFlags, FetchInternalDate, FetchRFC822Size, FetchBody, FetchBodyStructure, FetchUID)}},
		{name: "RFC 3501 RFC822 items", in: "a FETCH 1 (RFC822 RFC822.HEADER RFC822.TEXT)\r\n",
			want: &Fetch{Set: fetchSet("1"), Atts: fetchAtts(FetchRFC822, FetchRFC822Header, FetchRFC822Text)}},
		{name: "section forms", in: "a FETCH 1 (BODY[] BODY[TEXT] BODY[1] BODY[1.2.3] BODY[2.MIME] BODY[3.HEADER] BODY[3.TEXT] BODY[4.2.HEADER.FIELDS (Subject)] BODY.PEEK[HEADER.FIELDS.NOT (Received \"X Y\")])\r\n",
			want: &Fetch{Set: fetchSet("1"), Atts: []FetchAtt{
				{Kind: FetchBodySection},
				{Kind: FetchBodySection, Section: bodystructure.Section{Specifier: bodystructure.SpecifierText}},
				{Kind: FetchBodySection, Section: bodystructure.Section{Part: []int{1}}},
				{Kind: FetchBodySection, Section: bodystructure.Section{Part: []int{1, 2, 3}}},
				{Kind: FetchBodySection, Section: bodystructure.Section{Part: []int{2}, Specifier: bodystructure.SpecifierMIME}},
				{Kind: FetchBodySection, Section: bodystructure.Section{Part: []int{3}, Specifier: bodystructure.SpecifierHeader}},
				{Kind: FetchBodySection, Section: bodystructure.Section{Part: []int{3}, Specifier: bodystructure.SpecifierText}},
				{Kind: FetchBodySection, Section: bodystructure.Section{Part: []int{4, 2}, Specifier: bodystructure.SpecifierHeaderFields, Fields: []string{"Subject"}}},
				{Kind: FetchBodySection, Peek: true, Section: fetchHeaderFields(true, "Received", "X Y")},
			}}},
		{name: "partials", in: "a FETCH 1 (BODY[]<0.1024> BODY.PEEK[TEXT]<1024.9223372036854775807>)\r\n",
			want: &Fetch{Set: fetchSet("1"), Atts: []FetchAtt{
				{Kind: FetchBodySection, Partial: FetchPartial{0, 1024}},
				{Kind: FetchBodySection, Peek: true, Section: bodystructure.Section{Specifier: bodystructure.SpecifierText}, Partial: FetchPartial{1024, 1<<63 - 1}},
			}}},
		{name: "partial beyond 32 bits (RFC 9051 number64)", in: "a FETCH 1 BODY[]<4294967296.1>\r\n",
			want:  &Fetch{Set: fetchSet("1"), Atts: []FetchAtt{{Kind: FetchBodySection, Partial: FetchPartial{1 << 32, 1}}}},
			canon: "a FETCH 1 (BODY[]<4294967296.1>)\r\n"},
		{name: "field name as a literal", in: "a FETCH 1 (BODY.PEEK[HEADER.FIELDS ({7}\r\nSubject)])\r\n",
			want:  &Fetch{Set: fetchSet("1"), Atts: []FetchAtt{{Kind: FetchBodySection, Peek: true, Section: fetchHeaderFields(false, "Subject")}}},
			canon: "a FETCH 1 (BODY.PEEK[HEADER.FIELDS (Subject)])\r\n"},
		{name: "RFC 3516 §4.2 BINARY, BINARY.PEEK and BINARY.SIZE", in: "a FETCH 1 (BINARY[] BINARY[1] BINARY.PEEK[1.2]<0.1024> BINARY.SIZE[1] BINARY.SIZE[])\r\n",
			want: &Fetch{Set: fetchSet("1"), Atts: []FetchAtt{
				{Kind: FetchBinary},
				{Kind: FetchBinary, Section: bodystructure.Section{Part: []int{1}}},
				{Kind: FetchBinary, Peek: true, Section: bodystructure.Section{Part: []int{1, 2}}, Partial: FetchPartial{0, 1024}},
				{Kind: FetchBinarySize, Section: bodystructure.Section{Part: []int{1}}},
				{Kind: FetchBinarySize},
			}}},
		{name: "RFC 7162 §3.1.4.1 CHANGEDSINCE", in: "s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)\r\n",
			want: &Fetch{UID: true, Set: fetchSet("1:*"), Atts: fetchAtts(FetchFlags), ChangedSince: 12345}},
		{name: "RFC 7162 §3.2.6 VANISHED", in: "s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)\r\n",
			want: &Fetch{UID: true, Set: fetchSet("300:500"), Atts: fetchAtts(FetchFlags), ChangedSince: 12345, Vanished: true}},
		{name: "modifiers in another order", in: "a UID FETCH 1:* FLAGS (vanished changedsince 7)\r\n",
			want:  &Fetch{UID: true, Set: fetchSet("1:*"), Atts: fetchAtts(FetchFlags), ChangedSince: 7, Vanished: true},
			canon: "a UID FETCH 1:* (FLAGS) (CHANGEDSINCE 7 VANISHED)\r\n"},
		{name: "RFC 7162 §3.1.4 MODSEQ item", in: "a FETCH 1:3 (MODSEQ)\r\n", want: &Fetch{Set: fetchSet("1:3"), Atts: fetchAtts(FetchModSeq)}},
		{name: "macro with modifiers", in: "a FETCH 1:* ALL (CHANGEDSINCE 5)\r\n", want: &Fetch{Set: fetchSet("1:*"), Macro: FetchMacroAll, ChangedSince: 5}},
		{name: "unknown modifiers kept raw (RFC 4466 §2.4)", in: "a FETCH 1 (FLAGS) (X-A X-B 5 CHANGEDSINCE 3 X-C 1:*,7 X-D (a (b \"c d\")) X-E)\r\n",
			want: &Fetch{Set: fetchSet("1"), Atts: fetchAtts(FetchFlags), ChangedSince: 3, Modifiers: []Param{
				{Name: "X-A"},
				{Name: "X-B", Value: wire.Value{Kind: wire.KindNumber, Bytes: []byte("5"), Num: 5}},
				{Name: "X-C", Value: wire.Value{Kind: wire.KindAtom, Bytes: []byte("1:*,7")}},
				{Name: "X-D", Value: wire.Value{Kind: wire.KindList, Items: []wire.Value{
					{Kind: wire.KindAtom, Bytes: []byte("a")},
					{Kind: wire.KindList, Items: []wire.Value{{Kind: wire.KindAtom, Bytes: []byte("b")}, {Kind: wire.KindString, Bytes: []byte("c d")}}}}}},
				{Name: "X-E"},
			}},
			canon: "a FETCH 1 (FLAGS) (CHANGEDSINCE 3 X-A X-B 5 X-C 1:*,7 X-D (a (b \"c d\")) X-E)\r\n"},
		{name: "RFC 8474 EMAILID THREADID", in: "a FETCH 1:* (EMAILID THREADID)\r\n",
			want: &Fetch{Set: fetchSet("1:*"), Atts: fetchAtts(FetchEmailID, FetchThreadID)}},
		{name: "RFC 8514 SAVEDATE", in: "a FETCH 1 (SAVEDATE)\r\n", want: &Fetch{Set: fetchSet("1"), Atts: fetchAtts(FetchSaveDate)}},
		{name: "RFC 8970 §3.1 PREVIEW", in: "A1 FETCH 1 (PREVIEW)\r\n", want: &Fetch{Set: fetchSet("1"), Atts: fetchAtts(FetchPreview)}},
		{name: "RFC 8970 §4.1 PREVIEW (LAZY) in a list", in: "A1 FETCH 1:* (UID PREVIEW (LAZY))\r\n",
			want: &Fetch{Set: fetchSet("1:*"), Atts: []FetchAtt{{Kind: FetchUID}, {Kind: FetchPreview, Lazy: true}}}},
		{name: "PREVIEW (LAZY) alone", in: "A3 FETCH 3 PREVIEW (LAZY)\r\n",
			want:  &Fetch{Set: fetchSet("3"), Atts: []FetchAtt{{Kind: FetchPreview, Lazy: true}}},
			canon: "A3 FETCH 3 (PREVIEW (LAZY))\r\n"},
		{name: "PREVIEW (LAZY) repeated, then modifiers", in: "A4 FETCH 3 PREVIEW (lazy LAZY) (CHANGEDSINCE 9)\r\n",
			want:  &Fetch{Set: fetchSet("3"), Atts: []FetchAtt{{Kind: FetchPreview, Lazy: true}}, ChangedSince: 9},
			canon: "A4 FETCH 3 (PREVIEW (LAZY)) (CHANGEDSINCE 9)\r\n"},
		{name: "PREVIEW alone then modifiers", in: "A5 FETCH 3 PREVIEW (CHANGEDSINCE 9)\r\n",
			want:  &Fetch{Set: fetchSet("3"), Atts: fetchAtts(FetchPreview), ChangedSince: 9},
			canon: "A5 FETCH 3 (PREVIEW) (CHANGEDSINCE 9)\r\n"},
		{name: "Gmail items", in: "a UID FETCH 1:* (X-GM-MSGID X-GM-THRID X-GM-LABELS)\r\n",
			want: &Fetch{UID: true, Set: fetchSet("1:*"), Atts: fetchAtts(FetchGmailMsgID, FetchGmailThreadID, FetchGmailLabels)}},
		{name: "SEARCHRES $", in: "a FETCH $ (FLAGS)\r\n", want: &Fetch{Set: wire.SeqSet{Saved: true}, Atts: fetchAtts(FetchFlags)}},
		{name: "Thunderbird UID fetch FLAGS", in: "8 UID fetch 1:* (FLAGS)\r\n",
			want: &Fetch{UID: true, Set: fetchSet("1:*"), Atts: fetchAtts(FetchFlags)}, canon: "8 UID FETCH 1:* (FLAGS)\r\n"},
		{name: "Thunderbird header fetch", in: thunderbirdFetch,
			want: &Fetch{UID: true, Set: fetchSet("1:*"), Atts: []FetchAtt{{Kind: FetchUID}, {Kind: FetchRFC822Size}, {Kind: FetchFlags},
				{Kind: FetchBodySection, Peek: true, Section: fetchHeaderFields(false, thunderbirdFields...)}}},
			canon: strings.Replace(thunderbirdFetch, "fetch", "FETCH", 1)},
		{name: "Apple Mail lower-case header fields (tutabridge PR #15)", in: "a3 UID FETCH 7 (BODY.PEEK[HEADER.FIELDS (date subject from x-priority)])\r\n",
			want: &Fetch{UID: true, Set: fetchSet("7"), Atts: []FetchAtt{{Kind: FetchBodySection, Peek: true, Section: fetchHeaderFields(false, "date", "subject", "from", "x-priority")}}}},
		{name: "curl header fetch", in: "A1 UID FETCH 1:* (FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER.FIELDS (Message-Id DATE FROM SUBJECT TO SENDER REPLY-TO CC BCC)])\r\n",
			want: &Fetch{UID: true, Set: fetchSet("1:*"), Atts: []FetchAtt{{Kind: FetchFlags}, {Kind: FetchInternalDate}, {Kind: FetchRFC822Size},
				{Kind: FetchBodySection, Peek: true, Section: fetchHeaderFields(false, "Message-Id", "DATE", "FROM", "SUBJECT", "TO", "SENDER", "REPLY-TO", "CC", "BCC")}}}},
		{name: "Windows Mail rfc822.header body.peek (go-imap issue #331)", in: "a18 uid fetch 1 (rfc822.header body.peek[2])\r\n",
			want:  &Fetch{UID: true, Set: fetchSet("1"), Atts: []FetchAtt{{Kind: FetchRFC822Header}, {Kind: FetchBodySection, Peek: true, Section: bodystructure.Section{Part: []int{2}}}}},
			canon: "a18 UID FETCH 1 (RFC822.HEADER BODY.PEEK[2])\r\n"},
		{name: "Outlook RFC822.PEEK kept as unknown (go-imap issue #657)", in: "7 UID fetch 39 (UID RFC822.SIZE RFC822.peek)\r\n",
			want:  &Fetch{UID: true, Set: fetchSet("39"), Atts: []FetchAtt{{Kind: FetchUID}, {Kind: FetchRFC822Size}, {Kind: FetchUnknown, Name: "RFC822.PEEK"}}},
			canon: "7 UID FETCH 39 (UID RFC822.SIZE RFC822.PEEK)\r\n"},
		{name: "unknown item alone", in: "a FETCH 1 X-FOO\r\n", want: &Fetch{Set: fetchSet("1"), Atts: []FetchAtt{{Kind: FetchUnknown, Name: "X-FOO"}}},
			canon: "a FETCH 1 (X-FOO)\r\n"},
		{name: "unknown items with a section and arguments", in: "a FETCH 1 (X-FOO[1 (A)] SNIPPET (FUZZY) ANNOTATION (/comment (value.priv)) FLAGS)\r\n",
			want: &Fetch{Set: fetchSet("1"), Atts: []FetchAtt{
				{Kind: FetchUnknown, Name: "X-FOO", Args: []wire.Value{{Kind: wire.KindSection, Adjacent: true, Items: []wire.Value{
					{Kind: wire.KindNumber, Bytes: []byte("1"), Num: 1}, {Kind: wire.KindList, Items: []wire.Value{{Kind: wire.KindAtom, Bytes: []byte("A")}}}}}}},
				{Kind: FetchUnknown, Name: "SNIPPET", Args: []wire.Value{{Kind: wire.KindList, Items: []wire.Value{{Kind: wire.KindAtom, Bytes: []byte("FUZZY")}}}}},
				{Kind: FetchUnknown, Name: "ANNOTATION", Args: []wire.Value{{Kind: wire.KindList, Items: []wire.Value{
					{Kind: wire.KindAtom, Bytes: []byte("/comment")}, {Kind: wire.KindList, Items: []wire.Value{{Kind: wire.KindAtom, Bytes: []byte("value.priv")}}}}}}},
				{Kind: FetchFlags},
			}}},
		{name: "unknown item alone then modifiers", in: "a FETCH 1 X-FOO (X-BAR)\r\n",
			want:  &Fetch{Set: fetchSet("1"), Atts: []FetchAtt{{Kind: FetchUnknown, Name: "X-FOO"}}, Modifiers: []Param{{Name: "X-BAR"}}},
			canon: "a FETCH 1 (X-FOO) (X-BAR)\r\n"},
		{name: "space before ) (SurgeMail-like)", in: "a FETCH 1 (FLAGS UID )\r\n",
			want: &Fetch{Set: fetchSet("1"), Atts: fetchAtts(FetchFlags, FetchUID)}, canon: "a FETCH 1 (FLAGS UID)\r\n",
			quirks: []string{"space-before-paren@20"}},
		{name: "trailing space", in: "a FETCH 1 FLAGS \r\n",
			want: &Fetch{Set: fetchSet("1"), Atts: fetchAtts(FetchFlags)}, canon: "a FETCH 1 (FLAGS)\r\n",
			quirks: []string{"trailing-space@15"}},
		{name: "extra space", in: "a FETCH 1  (FLAGS)\r\n",
			want: &Fetch{Set: fetchSet("1"), Atts: fetchAtts(FetchFlags)}, canon: "a FETCH 1 (FLAGS)\r\n",
			quirks: []string{"extra-space@10"}},
	}...)
	allErrorCases = append(allErrorCases, []errorCase{
		{name: "FETCH without items", in: "a FETCH 1\r\n", off: int64(len("a FETCH 1"))},
		{name: "FETCH empty list", in: "a FETCH 1 ()\r\n", off: int64(len("a FETCH 1 ("))},
		{name: "FETCH sequence 0", in: "a FETCH 0 FLAGS\r\n", off: int64(len("a FETCH "))},
		{name: "FETCH macro in a list", in: "a FETCH 1 (FLAGS ALL)\r\n", off: int64(len("a FETCH 1 (FLAGS "))},
		{name: "FETCH two macros", in: "a FETCH 1 ALL FAST\r\n", off: int64(len("a FETCH 1 ALL "))},
		{name: "FETCH BODY.PEEK without section", in: "a FETCH 1 (BODY.PEEK)\r\n", off: int64(len("a FETCH 1 (BODY.PEEK"))},
		{name: "FETCH BINARY.SIZE without section", in: "a FETCH 1 BINARY.SIZE\r\n", off: int64(len("a FETCH 1 BINARY.SIZE"))},
		{name: "FETCH BINARY with a specifier", in: "a FETCH 1 (BINARY[1.TEXT])\r\n", off: int64(len("a FETCH 1 (BINARY["))},
		{name: "FETCH BINARY.SIZE with a partial", in: "a FETCH 1 (BINARY.SIZE[1]<0.5>)\r\n", off: int64(len("a FETCH 1 (BINARY.SIZE[1]"))},
		{name: "FETCH section part 0", in: "a FETCH 1 (BODY[0])\r\n", off: int64(len("a FETCH 1 (BODY["))},
		{name: "FETCH MIME without part", in: "a FETCH 1 (BODY[MIME])\r\n", off: int64(len("a FETCH 1 (BODY["))},
		{name: "FETCH HEADER.FIELDS without fields", in: "a FETCH 1 (BODY[HEADER.FIELDS ()])\r\n", off: int64(len("a FETCH 1 (BODY[HEADER.FIELDS ("))},
		{name: "FETCH unclosed section", in: "a FETCH 1 (BODY[TEXT)\r\n", off: int64(len("a FETCH 1 (BODY[TEXT"))},
		{name: "FETCH partial of 0 octets", in: "a FETCH 1 (BODY[]<5.0>)\r\n", off: int64(len("a FETCH 1 (BODY[]<5."))},
		{name: "FETCH partial without count", in: "a FETCH 1 (BODY[]<5>)\r\n", off: int64(len("a FETCH 1 (BODY[]<5"))},
		{name: "FETCH partial too large", in: "a FETCH 1 (BODY[]<9223372036854775808.1>)\r\n", off: int64(len("a FETCH 1 (BODY[]<"))},
		{name: "FETCH space before section", in: "a FETCH 1 (BODY [TEXT])\r\n", off: int64(len("a FETCH 1 (BODY "))},
		{name: "FETCH list after FLAGS", in: "a FETCH 1 (FLAGS (X))\r\n", off: int64(len("a FETCH 1 (FLAGS "))},
		{name: "FETCH PREVIEW bad modifier", in: "a FETCH 1 (PREVIEW (FUZZY))\r\n", off: int64(len("a FETCH 1 (PREVIEW ("))},
		{name: "FETCH PREVIEW empty modifiers", in: "a FETCH 1 (PREVIEW ())\r\n", off: int64(len("a FETCH 1 (PREVIEW ("))},
		{name: "FETCH PREVIEW LAZY then bad", in: "a FETCH 1 PREVIEW (LAZY X)\r\n", off: int64(len("a FETCH 1 PREVIEW (LAZY "))},
		{name: "FETCH unclosed list", in: "a FETCH 1 (FLAGS\r\n", off: int64(len("a FETCH 1 (FLAGS"))},
		{name: "FETCH garbage after the item", in: "a FETCH 1 (FLAGS)x\r\n", off: int64(len("a FETCH 1 (FLAGS)"))},
		{name: "FETCH modifiers not a list", in: "a FETCH 1 FLAGS CHANGEDSINCE 5\r\n", off: int64(len("a FETCH 1 FLAGS "))},
		{name: "FETCH empty modifiers", in: "a FETCH 1 FLAGS ()\r\n", off: int64(len("a FETCH 1 FLAGS ("))},
		{name: "FETCH CHANGEDSINCE 0 (iPhone Mail, modern-email/defects #29)", in: "a UID FETCH 1:* (FLAGS) (CHANGEDSINCE 0)\r\n", off: int64(len("a UID FETCH 1:* (FLAGS) (CHANGEDSINCE "))},
		{name: "FETCH CHANGEDSINCE twice", in: "a FETCH 1 (FLAGS) (CHANGEDSINCE 1 CHANGEDSINCE 2)\r\n", off: int64(len("a FETCH 1 (FLAGS) (CHANGEDSINCE 1 "))},
		{name: "FETCH CHANGEDSINCE without value", in: "a FETCH 1 (FLAGS) (CHANGEDSINCE)\r\n", off: int64(len("a FETCH 1 (FLAGS) (CHANGEDSINCE"))},
		{name: "FETCH modifier label with a digit first", in: "a FETCH 1 (FLAGS) (X 1 2)\r\n", off: int64(len("a FETCH 1 (FLAGS) (X 1 "))},
		{name: "FETCH modifier value a string", in: "a FETCH 1 (FLAGS) (X-A \"s\")\r\n", off: int64(len("a FETCH 1 (FLAGS) (X-A "))},
		{name: "FETCH modifier value not a set", in: "a FETCH 1 (FLAGS) (X-A 1:x)\r\n", off: int64(len("a FETCH 1 (FLAGS) (X-A "))},
		{name: "FETCH item a literal", in: "a FETCH 1 ({5}\r\nFLAGS)\r\n", off: int64(len("a FETCH 1 ("))},
	}...)
}

func TestFetchExpand(t *testing.T) {
	for _, c := range []struct {
		m    FetchMacro
		want []FetchAttKind
	}{
		{FetchMacroAll, []FetchAttKind{FetchFlags, FetchInternalDate, FetchRFC822Size, FetchEnvelope}},
		{FetchMacroFast, []FetchAttKind{FetchFlags, FetchInternalDate, FetchRFC822Size}},
		{FetchMacroFull, []FetchAttKind{FetchFlags, FetchInternalDate, FetchRFC822Size, FetchEnvelope, FetchBody}},
	} {
		f := &Fetch{Set: fetchSet("1"), Macro: c.m}
		if diff := cmp.Diff(fetchAtts(c.want...), f.Expand()); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.m, diff)
		}
	}
	f := &Fetch{Atts: fetchAtts(FetchUID)}
	if got := f.Expand(); len(got) != 1 || &got[0] != &f.Atts[0] {
		t.Errorf("Expand without a macro = %v, want Atts", got)
	}
}

func TestFetchKindNames(t *testing.T) {
	for k := FetchAttKind(0); k < fetchAttKinds; k++ {
		if k.String() == "" || k.String() == "INVALID" {
			t.Errorf("kind %d has no name", k)
		}
	}
	if s := fetchAttKinds.String(); s != "INVALID" {
		t.Errorf("invalid kind: %q", s)
	}
	if s := FetchMacroFull.String(); s != "FULL" {
		t.Errorf("FetchMacroFull = %q", s)
	}
}

func TestFetchRefusals(t *testing.T) {
	one := fetchSet("1")
	flags := fetchAtts(FetchFlags)
	checkRefused(t,
		&Fetch{Atts: flags},
		&Fetch{Set: one},
		&Fetch{Set: one, Macro: FetchMacroAll, Atts: flags},
		&Fetch{Set: one, Macro: 9},
		&Fetch{Set: one, Atts: flags, ChangedSince: 1 << 63},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: fetchAttKinds}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchFlags, Peek: true}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchBody, Section: bodystructure.Section{Part: []int{1}}}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchBinary, Section: bodystructure.Section{Specifier: bodystructure.SpecifierText}}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchBinarySize, Section: fetchHeaderFields(false, "a")}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchBinarySize, Partial: FetchPartial{0, 1}}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchBodySection, Partial: FetchPartial{5, 0}}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchBodySection, Partial: FetchPartial{1 << 63, 1}}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchBodySection, Section: bodystructure.Section{Part: []int{0}}}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchBodySection, Section: bodystructure.Section{Specifier: bodystructure.SpecifierMIME}}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchBodySection, Section: bodystructure.Section{Specifier: bodystructure.SpecifierHeaderFields}}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchFlags, Lazy: true}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchFlags, Name: "X"}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchUnknown}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchUnknown, Name: "x-foo"}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchUnknown, Name: "X[1]"}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchUnknown, Name: "BODY.PEEK"}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchUnknown, Name: "ALL"}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchUnknown, Name: "FLAGS"}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchUnknown, Name: "X", Args: []wire.Value{{Kind: wire.KindAtom, Bytes: []byte("a")}}}}},
		&Fetch{Set: one, Atts: []FetchAtt{{Kind: FetchUnknown, Name: "X", Args: []wire.Value{{Kind: wire.KindList}, {Kind: wire.KindList}}}}},
		&Fetch{Set: one, Atts: flags, Modifiers: []Param{{Name: "CHANGEDSINCE", Value: wire.Value{Kind: wire.KindNumber, Bytes: []byte("1"), Num: 1}}}},
		&Fetch{Set: one, Atts: flags, Modifiers: []Param{{Name: "VANISHED"}}},
		&Fetch{Set: one, Atts: flags, Modifiers: []Param{{Name: "x-a"}}},
		&Fetch{Set: one, Atts: flags, Modifiers: []Param{{Name: "1A"}}},
		&Fetch{Set: one, Atts: flags, Modifiers: []Param{{Name: "X", Value: wire.Value{Kind: wire.KindString, Bytes: []byte("s")}}}},
		&Fetch{Set: one, Atts: flags, Modifiers: []Param{{Name: "X", Value: wire.Value{Kind: wire.KindAtom, Bytes: []byte("abc")}}}},
	)
}

// TestFetchEncode checks values that only the encoder produces.
func TestFetchEncode(t *testing.T) {
	for _, c := range []struct {
		c    Command
		want string
	}{
		{&Fetch{Set: fetchSet("1"), Atts: []FetchAtt{{Kind: FetchUnknown, Name: "X", Args: []wire.Value{{Kind: wire.KindSection}, {Kind: wire.KindList}}}}},
			"a FETCH 1 (X[] ())\r\n"},
		{&Fetch{Set: fetchSet("1"), Atts: []FetchAtt{{Kind: FetchBinary, Peek: true, Partial: FetchPartial{0, 1}}}},
			"a FETCH 1 (BINARY.PEEK[]<0.1>)\r\n"},
		{&Fetch{Set: fetchSet("5,1:3"), Atts: []FetchAtt{{Kind: FetchBodySection, Section: fetchHeaderFields(false, "A B", "C")}}},
			"a FETCH 5,1:3 (BODY[HEADER.FIELDS (\"A B\" C)])\r\n"},
	} {
		got, err := encodeOne("a", c.c)
		if err != nil || got != c.want {
			t.Errorf("%+v: %q, %v; want %q", c.c, got, err, c.want)
		}
		if _, back, _, err := decodeOne("", strings.NewReader(got), wire.Strict(true)); err != nil {
			t.Errorf("%q: %v", got, err)
		} else if again, _ := encodeOne("a", back); again != got {
			t.Errorf("%q re-encodes as %q", got, again)
		}
	}
}

// TestFetchLongName checks an unknown item whose name is longer than the
// decoder's scratch space, and one that goes past the line limit.
func TestFetchLongName(t *testing.T) {
	name := "X-" + strings.Repeat("LONG", 20)
	_, c, _, err := decodeOne("", strings.NewReader("a FETCH 1 ("+strings.ToLower(name)+" FLAGS)\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := &Fetch{Set: fetchSet("1"), Atts: []FetchAtt{{Kind: FetchUnknown, Name: name}, {Kind: FetchFlags}}}
	if diff := cmp.Diff(want, c, cmpOpts...); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	d := NewDecoder(strings.NewReader("a FETCH 1 ("+strings.Repeat("X", 200)+")\r\n"), wire.MaxLineBytes(100))
	if _, _, err := d.ReadCommand(); !errors.Is(err, wire.ErrLineTooLong) {
		t.Errorf("long name: %v, want wire.ErrLineTooLong", err)
	}
}

func BenchmarkDecodeFetch(b *testing.B) {
	r := strings.NewReader(thunderbirdFetch)
	d := NewDecoder(r)
	b.ReportAllocs()
	b.SetBytes(int64(len(thunderbirdFetch)))
	for b.Loop() {
		r.Reset(thunderbirdFetch)
		d.Reset(r)
		if _, _, err := d.ReadCommand(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeFetch(b *testing.B) {
	_, c, _, err := decodeOne("", strings.NewReader(thunderbirdFetch))
	if err != nil {
		b.Fatal(err)
	}
	e := NewEncoder(io.Discard)
	b.ReportAllocs()
	for b.Loop() {
		if err := e.Encode("9", c); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzFetchMessageSelect checks that FETCH, STORE, COPY, MOVE, EXPUNGE and
// SELECT never fail to encode what they decode, and that decode, encode and
// strict decode reach a fixed point.
func FuzzFetchMessageSelect(f *testing.F) {
	for _, c := range allCases {
		if c.prior == "" && len(c.opts) == 0 {
			f.Add(c.in)
		}
	}
	for _, c := range allErrorCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		// With BINARY, as FuzzReadCommand: a NUL in a value kept raw
		// (an unknown item's arguments) is written as a literal8.
		d := NewDecoder(strings.NewReader(in), fuzzOpts...)
		for {
			tag, c, err := d.ReadCommand()
			if err != nil {
				if d.Skip() != nil {
					return
				}
				if _, ok := err.(*wire.SyntaxError); !ok {
					return
				}
				continue
			}
			switch c.(type) {
			case *Fetch, *Store, *Copy, *Move, *Expunge, *Select:
			default:
				continue
			}
			if tag == "" {
				continue
			}
			out, err := encodeOne(tag, c, fuzzOpts...)
			if err != nil {
				t.Fatalf("%q decoded to %#v, which does not encode: %v", in, c, err)
			}
			_, back, _, err := decodeOne("", strings.NewReader(out), strictOpts(fuzzOpts)...)
			if err != nil {
				if errors.Is(err, wire.ErrQuirk) {
					continue // a keyword with "]" has no strict form
				}
				t.Fatalf("%q -> %q: strict: %v", in, out, err)
			}
			if diff := cmp.Diff(c, back, cmpOpts...); diff != "" {
				t.Fatalf("%q -> %q: differs:\n%s", in, out, diff)
			}
			out2, _ := encodeOne(tag, back, fuzzOpts...)
			if out2 != out {
				t.Fatalf("%q -> %q -> %q", in, out, out2)
			}
		}
	})
}
