package command

// The hasUnknown methods, for HasUnknown: which commands hold parameters,
// options or items of extensions this package does not know, kept as
// generic values or names.

func (c *Select) hasUnknown() bool { return len(c.Params) > 0 }

func (c *Create) hasUnknown() bool { return len(c.Params) > 0 }

func (c *Store) hasUnknown() bool { return len(c.Modifiers) > 0 }

func (c *GetMetadata) hasUnknown() bool { return len(c.Options) > 0 }

func (c *Fetch) hasUnknown() bool {
	for _, a := range c.Atts {
		if a.Kind == FetchUnknown {
			return true
		}
	}
	return len(c.Modifiers) > 0
}

func (c *Append) hasUnknown() bool {
	for _, m := range c.Messages {
		if len(m.Ext) > 0 {
			return true
		}
	}
	return false
}

func (c *Replace) hasUnknown() bool { return len(c.Message.Ext) > 0 }

func (c *Search) hasUnknown() bool { return c.Return != nil && len(c.Return.Options) > 0 }

func (c *Sort) hasUnknown() bool { return c.Return != nil && len(c.Return.Options) > 0 }

// knownStatusItems are the status items of RFC 9051 and the extensions
// this package knows.
var knownStatusItems = map[string]bool{
	"MESSAGES": true, "UIDNEXT": true, "UIDVALIDITY": true, "UNSEEN": true,
	"DELETED": true, "SIZE": true, "RECENT": true, "HIGHESTMODSEQ": true,
	"APPENDLIMIT": true, "MAILBOXID": true, "DELETED-STORAGE": true,
}

func (c *Status) hasUnknown() bool {
	for _, item := range c.Items {
		if !knownStatusItems[item] {
			return true
		}
	}
	return false
}

// knownListOptions are the selection and return options of RFC 5258, RFC
// 5819, RFC 6154 and RFC 8440 (MYRIGHTS).
var knownListOptions = map[string]bool{
	"SUBSCRIBED": true, "REMOTE": true, "RECURSIVEMATCH": true, "SPECIAL-USE": true,
	"CHILDREN": true, "STATUS": true, "MYRIGHTS": true,
}

func (c *List) hasUnknown() bool {
	for _, opts := range [][]ListOption{c.SelectOptions, c.ReturnOptions} {
		for _, o := range opts {
			if !knownListOptions[o.Name] {
				return true
			}
		}
	}
	return false
}
