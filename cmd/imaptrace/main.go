// Command imaptrace decodes captured IMAP traffic into one readable line, or
// one JSON object, per message. See usage for the options and the contract
// of its output, which other tools rely on.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

const usage = `usage: imaptrace [-format F] [-json] [-strict] [-show-secrets] [FILE...]

imaptrace decodes captured IMAP traffic and prints one line per message, or
one JSON object per message with -json. It reads each FILE, or standard
input without one; run without arguments on a terminal, it decodes an
embedded sample session captured from Dovecot.

  -format F      how the input was captured (default auto):
                   client  the raw bytes a client sent to a server
                   server  the raw bytes a server sent to a client
                   rawlog  Dovecot rawlog: NAME.in holds what the client sent,
                           NAME.out what the server sent, each line optionally
                           prefixed with its time "sec.usec ". Either half
                           given as FILE brings in the other, if present, and
                           the two directions are merged in time order (the
                           client first on equal times; without times, all
                           the client's messages, then all the server's).
                           Another name is one direction, guessed as for auto.
                   auto    rawlog for names ending in .in or .out, or lines
                           with a time prefix; else server if the input starts
                           with "* " or "+"; else client
                 mailkit, tshark, pcap and mozlog are not supported yet.
  -json          one JSON object per message, one per line, with the fields
                   dir     "C" (client to server) or "S" (server to client)
                   offset  byte offset of the message in its direction's stream
                           (for rawlog, with the time prefixes left out)
                   time    RFC 3339 UTC time with microseconds, if captured
                   tag     the tag of a command, or of a tagged status
                           response (OK, NO, BAD)
                   type    command name ("FETCH", "UID FETCH"), "DONE",
                           "AUTHENTICATE-DATA" or "UNKNOWN"; status ("OK",
                           "BYE"), response name ("CAPABILITY", "EXISTS",
                           also one not known) or "+" for a continuation
                           request
                   wire    the canonical re-encoding of the whole message, line
                           endings and literal bodies included: feeding the
                           concatenated wire strings of one direction back in
                           yields the same wire strings
                   wire_base64  the same bytes, only when they are not UTF-8,
                           which a JSON string cannot hold exactly
                   unknown true when something of the message was kept
                           raw because its kind is not known: a command, a
                           response, a response code, a FETCH item, ...
                   quirks  names of the tolerated deviations from the grammar
                   error   why the message failed (then there is no wire)
                 Absent fields are left out.
  -strict        refuse the known deviations (quirks) instead of tolerating them
  -show-secrets  show LOGIN passwords, AUTHENTICATE initial responses and
                 the client's AUTHENTICATE lines, otherwise replaced by "***"
                 ("Kioq" where base64 stands) and left out of the excerpts
                 of client decoding errors

Client commands and server responses are decoded as typed values
(packages command and response); wire is their canonical re-encoding.

Text output: [TIME] DIR OFFSET  MESSAGE  [QUIRK@OFFSET ...], with CR, LF and
control bytes escaped and long literal bodies shortened; times are UTC.

Exit status: 0 if every message decoded, 1 if any failed (decoding goes on
after a failure), 2 for bad usage or an unreadable file.
`

func main() {
	fi, err := os.Stdin.Stat()
	terminal := err == nil && fi.Mode()&os.ModeCharDevice != 0
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, terminal))
}

// run is the program: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, stdinIsTerminal bool) int {
	fs := flag.NewFlagSet("imaptrace", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cfg := &config{}
	fs.StringVar(&cfg.format, "format", "auto", "")
	fs.BoolVar(&cfg.json, "json", false, "")
	fs.BoolVar(&cfg.strict, "strict", false, "")
	fs.BoolVar(&cfg.showSecrets, "show-secrets", false, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		fmt.Fprintf(stderr, "imaptrace: %v\n%s", err, usage)
		return 2
	}
	switch cfg.format {
	case "auto", "client", "server", "rawlog":
	case "mailkit", "tshark", "pcap", "mozlog":
		fmt.Fprintf(stderr, "imaptrace: -format %s is not supported yet\n", cfg.format)
		return 2
	default:
		fmt.Fprintf(stderr, "imaptrace: unknown -format %q\n%s", cfg.format, usage)
		return 2
	}

	out := bufio.NewWriterSize(stdout, 64<<10)
	t := newTracer(cfg, out, stderr)
	switch {
	case len(args) == 0 && stdinIsTerminal:
		t.sample()
	case fs.NArg() == 0:
		t.reader("stdin", stdin)
	default:
		for _, path := range fs.Args() {
			t.file(path)
		}
	}
	if err := t.flush(); err != nil {
		fmt.Fprintf(stderr, "imaptrace: writing the output: %v\n", err)
		return 2
	}
	switch {
	case t.fatal:
		return 2
	case t.failed:
		return 1
	}
	return 0
}
