package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// committed is the corpus directory, relative to this package.
var committed = filepath.Join("..", "..", "bodystructure", "testdata", "corpus")

const regenerate = "regenerate with: go run ./internal/corpusgen"

// readCorpus returns the *.eml files of dir by name.
func readCorpus(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := make(map[string][]byte)
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".eml") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = b
	}
	return files
}

func sortedNames(m map[string][]byte) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// TestCommittedCorpus regenerates the corpus into a temporary directory and
// requires the committed files to be exactly the same, so that the corpus
// cannot drift from its generator.
func TestCommittedCorpus(t *testing.T) {
	tmp := t.TempDir()
	n, err := write(tmp)
	if err != nil {
		t.Fatal(err)
	}
	want := readCorpus(t, tmp)
	if len(want) != n {
		t.Fatalf("write reported %d messages, directory holds %d", n, len(want))
	}
	got := readCorpus(t, committed)
	if len(got) < 150 {
		t.Errorf("committed corpus has %d messages, want at least 150", len(got))
	}
	for _, name := range sortedNames(want) {
		g, ok := got[name]
		switch {
		case !ok:
			t.Errorf("%s: missing from %s; %s", name, committed, regenerate)
		case !bytes.Equal(g, want[name]):
			i := 0
			for i < len(g) && i < len(want[name]) && g[i] == want[name][i] {
				i++
			}
			t.Errorf("%s: committed file differs from the generator at byte %d; %s", name, i, regenerate)
		}
	}
	if b, err := os.ReadFile(filepath.Join(committed, ".gitattributes")); err != nil || string(b) != gitattributes {
		t.Errorf("%s/.gitattributes missing or stale; %s", committed, regenerate)
	}
	for _, name := range sortedNames(got) {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: committed but not generated; %s", name, regenerate)
		}
	}
}

// TestDeterministic builds the corpus twice and compares.
func TestDeterministic(t *testing.T) {
	a, b := build(), build()
	if len(a) != len(b) {
		t.Fatalf("two builds: %d and %d messages", len(a), len(b))
	}
	for i := range a {
		if a[i].file != b[i].file || !bytes.Equal(a[i].data, b[i].data) {
			t.Errorf("message %d (%s) differs between two builds", i+1, a[i].file)
		}
	}
}

var fileRE = regexp.MustCompile(`^([0-9]{3})-[a-z0-9]+(-[a-z0-9]+)*\.eml$`)

// TestCorpusShape checks the conventions promised in the package comment.
func TestCorpusShape(t *testing.T) {
	msgs := build()
	if len(msgs) < 150 {
		t.Errorf("%d messages, want at least 150", len(msgs))
	}
	total, large, bareLF := 0, 0, 0
	for i, m := range msgs {
		name, data := m.file, m.data
		sub := fileRE.FindStringSubmatch(name)
		if sub == nil {
			t.Errorf("%s: bad file name", name)
		} else if want := fmt.Sprintf("%03d", i+1); sub[1] != want {
			t.Errorf("%s: number out of sequence, want %s", name, want)
		}
		total += len(data)
		if len(data) > 8*1024 {
			large++
		}
		if len(data) > 210*1024 {
			t.Errorf("%s: %d bytes, more than 210 KiB", name, len(data))
		}
		if bytes.IndexByte(data, 0) >= 0 {
			t.Errorf("%s: raw NUL byte", name)
		}
		if bytes.Contains(data, []byte("%ID%")) {
			t.Errorf("%s: unsubstituted %%ID%%", name)
		}
		if strings.Contains(name, "bare-lf") {
			bareLF++
			if bytes.IndexByte(data, '\r') >= 0 {
				t.Errorf("%s: CR in a bare-LF message", name)
			}
			continue
		}
		for j, c := range data {
			if c == '\n' && (j == 0 || data[j-1] != '\r') {
				t.Errorf("%s: bare LF at byte %d", name, j)
				break
			}
			if c == '\r' && (j+1 == len(data) || data[j+1] != '\n') {
				t.Errorf("%s: bare CR at byte %d", name, j)
				break
			}
		}
	}
	if bareLF < 3 || bareLF > 5 {
		t.Errorf("%d bare-LF messages, want 3 to 5", bareLF)
	}
	if large > 12 {
		t.Errorf("%d messages over 8 KiB, want only a handful", large)
	}
	if total >= 4<<20 {
		t.Errorf("corpus is %d bytes, want under 4 MiB", total)
	}
}
