package response

// Stubs until the mailbox responses land.

func readCapability(d *Decoder) (Response, error) {
	return d.readUnknown([]byte("CAPABILITY"), 0, false)
}
func readEnabled(d *Decoder) (Response, error)   { return d.readUnknown([]byte("ENABLED"), 0, false) }
func readID(d *Decoder) (Response, error)        { return d.readUnknown([]byte("ID"), 0, false) }
func readNamespace(d *Decoder) (Response, error) { return d.readUnknown([]byte("NAMESPACE"), 0, false) }
func readList(d *Decoder) (Response, error)      { return d.readUnknown([]byte("LIST"), 0, false) }
func readMailboxStatus(d *Decoder) (Response, error) {
	return d.readUnknown([]byte("STATUS"), 0, false)
}
func readFlags(d *Decoder) (Response, error) { return d.readUnknown([]byte("FLAGS"), 0, false) }
func readExists(d *Decoder, n uint32, off int64) (Response, error) {
	return d.readUnknown([]byte("EXISTS"), n, true)
}
func readRecent(d *Decoder, n uint32, off int64) (Response, error) {
	return d.readUnknown([]byte("RECENT"), n, true)
}
func readExpunge(d *Decoder, n uint32, off int64) (Response, error) {
	return d.readUnknown([]byte("EXPUNGE"), n, true)
}
