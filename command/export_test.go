package command

import "sort"

// CommandKinds returns the kinds of every command the decoder types, for
// the live test of the external test package.
func CommandKinds() []string {
	var kinds []string
	for name := range readers {
		kinds = append(kinds, name)
	}
	sort.Strings(kinds)
	return kinds
}
