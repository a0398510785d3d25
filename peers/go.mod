module github.com/mailwire/imap/peers

go 1.25

replace github.com/mailwire/imap => ..

require (
	github.com/emersion/go-imap/v2 v2.0.0-beta.8
	github.com/mailwire/imap v0.0.0-00010101000000-000000000000
)

require (
	github.com/emersion/go-message v0.18.2 // indirect
	github.com/emersion/go-sasl v0.0.0-20241020182733-b788ff22d5a6 // indirect
	golang.org/x/text v0.34.0 // indirect
)
