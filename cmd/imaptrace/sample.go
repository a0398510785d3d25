package main

import (
	"bytes"
	_ "embed"
)

// The embedded sample: a real session with Dovecot 2.3, recorded by its
// rawlog with timestamps. Regenerate it with
//
//	go run ./internal/testdata-capture -out cmd/imaptrace/testdata
var (
	//go:embed testdata/dovecot.in
	sampleIn []byte
	//go:embed testdata/dovecot.out
	sampleOut []byte
)

// sample decodes the embedded session, as rawlog.
func (t *tracer) sample() {
	t.pair("sample session with Dovecot 2.3 (testdata/dovecot.in, testdata/dovecot.out): rawlog",
		bytes.NewReader(sampleIn), bytes.NewReader(sampleOut))
}
