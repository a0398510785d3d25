package bodystructure

// interned returns b as a string without allocating when it is one of the
// media types, parameter names and values, encodings and dispositions that
// most body structures are made of, in the cases servers write them.
func interned(b []byte) (string, bool) {
	if len(b) > 16 {
		return "", false
	}
	switch string(b) {
	case "":
		return "", true
	case "text", "TEXT":
		return internSame(b, "text", "TEXT"), true
	case "plain", "PLAIN":
		return internSame(b, "plain", "PLAIN"), true
	case "html", "HTML":
		return internSame(b, "html", "HTML"), true
	case "application", "APPLICATION":
		return internSame(b, "application", "APPLICATION"), true
	case "octet-stream", "OCTET-STREAM":
		return internSame(b, "octet-stream", "OCTET-STREAM"), true
	case "pdf", "PDF":
		return internSame(b, "pdf", "PDF"), true
	case "image", "IMAGE":
		return internSame(b, "image", "IMAGE"), true
	case "jpeg", "JPEG":
		return internSame(b, "jpeg", "JPEG"), true
	case "png", "PNG":
		return internSame(b, "png", "PNG"), true
	case "gif", "GIF":
		return internSame(b, "gif", "GIF"), true
	case "message", "MESSAGE":
		return internSame(b, "message", "MESSAGE"), true
	case "rfc822", "RFC822":
		return internSame(b, "rfc822", "RFC822"), true
	case "mixed", "MIXED":
		return internSame(b, "mixed", "MIXED"), true
	case "alternative", "ALTERNATIVE":
		return internSame(b, "alternative", "ALTERNATIVE"), true
	case "related", "RELATED":
		return internSame(b, "related", "RELATED"), true
	case "signed", "SIGNED":
		return internSame(b, "signed", "SIGNED"), true
	case "report", "REPORT":
		return internSame(b, "report", "REPORT"), true
	case "charset", "CHARSET":
		return internSame(b, "charset", "CHARSET"), true
	case "us-ascii", "US-ASCII":
		return internSame(b, "us-ascii", "US-ASCII"), true
	case "utf-8", "UTF-8":
		return internSame(b, "utf-8", "UTF-8"), true
	case "iso-8859-1", "ISO-8859-1":
		return internSame(b, "iso-8859-1", "ISO-8859-1"), true
	case "windows-1252", "WINDOWS-1252":
		return internSame(b, "windows-1252", "WINDOWS-1252"), true
	case "boundary", "BOUNDARY":
		return internSame(b, "boundary", "BOUNDARY"), true
	case "name", "NAME":
		return internSame(b, "name", "NAME"), true
	case "filename", "FILENAME":
		return internSame(b, "filename", "FILENAME"), true
	case "format", "FORMAT":
		return internSame(b, "format", "FORMAT"), true
	case "flowed", "FLOWED":
		return internSame(b, "flowed", "FLOWED"), true
	case "size", "SIZE":
		return internSame(b, "size", "SIZE"), true
	case "type", "TYPE":
		return internSame(b, "type", "TYPE"), true
	case "7bit", "7BIT":
		return internSame(b, "7bit", "7BIT"), true
	case "8bit", "8BIT":
		return internSame(b, "8bit", "8BIT"), true
	case "binary", "BINARY":
		return internSame(b, "binary", "BINARY"), true
	case "base64", "BASE64":
		return internSame(b, "base64", "BASE64"), true
	case "quoted-printable", "QUOTED-PRINTABLE":
		return internSame(b, "quoted-printable", "QUOTED-PRINTABLE"), true
	case "attachment", "ATTACHMENT":
		return internSame(b, "attachment", "ATTACHMENT"), true
	case "inline", "INLINE":
		return internSame(b, "inline", "INLINE"), true
	case "en", "EN":
		return internSame(b, "en", "EN"), true
	}
	return "", false
}

// internSame returns lower if b is in lower case, else upper: b is one of
// the two.
func internSame(b []byte, lower, upper string) string {
	if string(b) == lower {
		return lower
	}
	return upper
}
