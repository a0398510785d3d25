package response

// Stubs until the search, quota, ACL, metadata and URLAUTH responses land.

func readSearch(d *Decoder) (Response, error)    { return d.readUnknown([]byte("SEARCH"), 0, false) }
func readSort(d *Decoder) (Response, error)      { return d.readUnknown([]byte("SORT"), 0, false) }
func readESearch(d *Decoder) (Response, error)   { return d.readUnknown([]byte("ESEARCH"), 0, false) }
func readThread(d *Decoder) (Response, error)    { return d.readUnknown([]byte("THREAD"), 0, false) }
func readVanished(d *Decoder) (Response, error)  { return d.readUnknown([]byte("VANISHED"), 0, false) }
func readQuota(d *Decoder) (Response, error)     { return d.readUnknown([]byte("QUOTA"), 0, false) }
func readQuotaRoot(d *Decoder) (Response, error) { return d.readUnknown([]byte("QUOTAROOT"), 0, false) }
func readACL(d *Decoder) (Response, error)       { return d.readUnknown([]byte("ACL"), 0, false) }
func readListRights(d *Decoder) (Response, error) {
	return d.readUnknown([]byte("LISTRIGHTS"), 0, false)
}
func readMyRights(d *Decoder) (Response, error) { return d.readUnknown([]byte("MYRIGHTS"), 0, false) }
func readMetadata(d *Decoder) (Response, error) { return d.readUnknown([]byte("METADATA"), 0, false) }
func readGenURLAuth(d *Decoder) (Response, error) {
	return d.readUnknown([]byte("GENURLAUTH"), 0, false)
}
func readURLFetch(d *Decoder) (Response, error) { return d.readUnknown([]byte("URLFETCH"), 0, false) }
