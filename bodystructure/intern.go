package bodystructure

// intern returns b as a string, without allocating for the media types,
// parameter names and values, encodings and dispositions that most body
// structures are made of, in the cases servers write them.
func intern(b []byte) string {
	if len(b) > 16 {
		return string(b)
	}
	switch string(b) {
	case "":
		return ""
	case "text", "TEXT":
		return internSame(b, "text", "TEXT")
	case "plain", "PLAIN":
		return internSame(b, "plain", "PLAIN")
	case "html", "HTML":
		return internSame(b, "html", "HTML")
	case "application", "APPLICATION":
		return internSame(b, "application", "APPLICATION")
	case "octet-stream", "OCTET-STREAM":
		return internSame(b, "octet-stream", "OCTET-STREAM")
	case "pdf", "PDF":
		return internSame(b, "pdf", "PDF")
	case "image", "IMAGE":
		return internSame(b, "image", "IMAGE")
	case "jpeg", "JPEG":
		return internSame(b, "jpeg", "JPEG")
	case "png", "PNG":
		return internSame(b, "png", "PNG")
	case "gif", "GIF":
		return internSame(b, "gif", "GIF")
	case "message", "MESSAGE":
		return internSame(b, "message", "MESSAGE")
	case "rfc822", "RFC822":
		return internSame(b, "rfc822", "RFC822")
	case "mixed", "MIXED":
		return internSame(b, "mixed", "MIXED")
	case "alternative", "ALTERNATIVE":
		return internSame(b, "alternative", "ALTERNATIVE")
	case "related", "RELATED":
		return internSame(b, "related", "RELATED")
	case "signed", "SIGNED":
		return internSame(b, "signed", "SIGNED")
	case "report", "REPORT":
		return internSame(b, "report", "REPORT")
	case "charset", "CHARSET":
		return internSame(b, "charset", "CHARSET")
	case "us-ascii", "US-ASCII":
		return internSame(b, "us-ascii", "US-ASCII")
	case "utf-8", "UTF-8":
		return internSame(b, "utf-8", "UTF-8")
	case "iso-8859-1", "ISO-8859-1":
		return internSame(b, "iso-8859-1", "ISO-8859-1")
	case "windows-1252", "WINDOWS-1252":
		return internSame(b, "windows-1252", "WINDOWS-1252")
	case "boundary", "BOUNDARY":
		return internSame(b, "boundary", "BOUNDARY")
	case "name", "NAME":
		return internSame(b, "name", "NAME")
	case "filename", "FILENAME":
		return internSame(b, "filename", "FILENAME")
	case "format", "FORMAT":
		return internSame(b, "format", "FORMAT")
	case "flowed", "FLOWED":
		return internSame(b, "flowed", "FLOWED")
	case "size", "SIZE":
		return internSame(b, "size", "SIZE")
	case "type", "TYPE":
		return internSame(b, "type", "TYPE")
	case "7bit", "7BIT":
		return internSame(b, "7bit", "7BIT")
	case "8bit", "8BIT":
		return internSame(b, "8bit", "8BIT")
	case "binary", "BINARY":
		return internSame(b, "binary", "BINARY")
	case "base64", "BASE64":
		return internSame(b, "base64", "BASE64")
	case "quoted-printable", "QUOTED-PRINTABLE":
		return internSame(b, "quoted-printable", "QUOTED-PRINTABLE")
	case "attachment", "ATTACHMENT":
		return internSame(b, "attachment", "ATTACHMENT")
	case "inline", "INLINE":
		return internSame(b, "inline", "INLINE")
	case "en", "EN":
		return internSame(b, "en", "EN")
	}
	return string(b)
}

// internSame returns lower if b is in lower case, else upper: b is one of
// the two.
func internSame(b []byte, lower, upper string) string {
	if string(b) == lower {
		return lower
	}
	return upper
}
