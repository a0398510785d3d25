package bodystructure

// A Section names a part of a message, as in BODY[section] and
// BINARY[section] (RFC 9051 §6.4.5): a part number and what of that part.
type Section struct {
	// Part is the part number, {} or nil for the whole message; {1, 2}
	// is "1.2".
	Part []int
	// Specifier says which bytes of the part: all of them, its header or
	// some of its header fields, its text, or its MIME header.
	Specifier Specifier
	// Fields are the header field names of HEADER.FIELDS and
	// HEADER.FIELDS.NOT, as written.
	Fields []string
}

// A Specifier is the section-text or section-msgtext of a Section.
type Specifier uint8

// The specifiers.
const (
	SpecifierNone            Specifier = iota // the whole part: BODY[1.2]
	SpecifierHeader                           // HEADER
	SpecifierHeaderFields                     // HEADER.FIELDS (...)
	SpecifierHeaderFieldsNot                  // HEADER.FIELDS.NOT (...)
	SpecifierText                             // TEXT
	SpecifierMIME                             // MIME, only after a part number
)

// A Partial is the <origin.count> range of a FETCH BODY[...] or BINARY[...]
// request; a FETCH response names only the origin.
type Partial struct {
	Offset uint32
	Count  uint32
}
