module github.com/mailwire/imap

go 1.25

require golang.org/x/text v0.34.0

require github.com/google/go-cmp v0.7.0
