// Command fetchgen writes the generated FETCH session to standard output, or
// with -stats prints the size of the responses.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/mailwire/imap/peers"
)

func main() {
	n := flag.Int("n", 50000, "number of FETCH responses")
	stats := flag.Bool("stats", false, "print sizes instead of the session")
	validate := flag.Bool("validate", false, "check every response first: strict decoding with mailwire, values, canonical form")
	flag.Parse()
	c := peers.Generate(*n)
	if *validate {
		if err := c.Validate(); err != nil {
			log.Fatal(err)
		}
	}
	if *stats {
		minSize, maxSize := len(c.Responses[0]), 0
		for _, r := range c.Responses {
			minSize = min(minSize, len(r))
			maxSize = max(maxSize, len(r))
		}
		fmt.Printf("responses %d\nbytes %d\naverage %.2f\nmin %d\nmax %d\nsession %d\n",
			len(c.Responses), len(c.Stream), c.AverageSize(), minSize, maxSize, len(c.Session()))
		return
	}
	os.Stdout.Write(c.Session())
}
