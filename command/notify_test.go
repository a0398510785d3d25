package command

import (
	"testing"

	"github.com/mailwire/imap/wire"
)

func init() {
	// The fetch attributes (uid body.peek[header.fields (from to
	// subject)]) of RFC 5465 §3.1, as generic values.
	section := wire.Value{Kind: wire.KindSection, Adjacent: true, Items: []wire.Value{
		mboxAtomValue("header.fields"), mboxListValue(mboxAtomValue("from"), mboxAtomValue("to"), mboxAtomValue("subject")),
	}}
	headers := []wire.Value{mboxAtomValue("uid"), mboxAtomValue("body.peek"), section}
	ev := func(names ...string) []NotifyEvent {
		var evs []NotifyEvent
		for _, n := range names {
			evs = append(evs, NotifyEvent{Name: n})
		}
		return evs
	}
	allCases = append(allCases, []testCase{
		{name: "RFC 5465 §3 NOTIFY NONE", in: "a NOTIFY NONE\r\n", want: &Notify{None: true}},
		{name: "RFC 5465 §3.1 example with errata 1804",
			in: "b notify set status (selected (MessageNew (uid body.peek[header.fields (from to subject)]) MessageExpunge)) (subtree Lists (MessageNew))\r\n",
			want: &Notify{Status: true, Groups: []NotifyGroup{
				{Filter: "SELECTED", Events: []NotifyEvent{{Name: "MessageNew", Fetch: headers}, {Name: "MessageExpunge"}}},
				{Filter: "SUBTREE", Mailboxes: []string{"Lists"}, Events: ev("MessageNew")},
			}},
			canon: "b NOTIFY SET STATUS (SELECTED (MessageNew (uid body.peek[header.fields (from to subject)]) MessageExpunge)) (SUBTREE Lists (MessageNew))\r\n"},
		{name: "RFC 5465 §3.1 example 2 with errata 1804",
			in: "e notify set (selected (MessageNew (uid body.peek[header.fields (from to subject)]) MessageExpunge)) (subtree Lists (MessageNew)) (mailboxes misc (MessageNew))\r\n",
			want: &Notify{Groups: []NotifyGroup{
				{Filter: "SELECTED", Events: []NotifyEvent{{Name: "MessageNew", Fetch: headers}, {Name: "MessageExpunge"}}},
				{Filter: "SUBTREE", Mailboxes: []string{"Lists"}, Events: ev("MessageNew")},
				{Filter: "MAILBOXES", Mailboxes: []string{"misc"}, Events: ev("MessageNew")},
			}},
			canon: "e NOTIFY SET (SELECTED (MessageNew (uid body.peek[header.fields (from to subject)]) MessageExpunge)) (SUBTREE Lists (MessageNew)) (MAILBOXES misc (MessageNew))\r\n"},
		{name: "RFC 5465 example of MAILBOXES and PERSONAL", in: "a notify set (mailboxes INBOX (Messagenew messageExpunge)) (personal (SubscriptionChange))\r\n",
			want: &Notify{Groups: []NotifyGroup{
				{Filter: "MAILBOXES", Mailboxes: []string{"INBOX"}, Events: ev("MessageNew", "MessageExpunge")},
				{Filter: "PERSONAL", Events: ev("SubscriptionChange")},
			}},
			canon: "a NOTIFY SET (MAILBOXES INBOX (MessageNew MessageExpunge)) (PERSONAL (SubscriptionChange))\r\n"},
		{name: "RFC 5465 example of SELECTED and PERSONAL", in: "a notify set (selected (Messagenew (uid flags) messageExpunge)) (personal (MessageNew FlagChange MessageExpunge))\r\n",
			want: &Notify{Groups: []NotifyGroup{
				{Filter: "SELECTED", Events: []NotifyEvent{{Name: "MessageNew", Fetch: []wire.Value{mboxAtomValue("uid"), mboxAtomValue("flags")}}, {Name: "MessageExpunge"}}},
				{Filter: "PERSONAL", Events: ev("MessageNew", "FlagChange", "MessageExpunge")},
			}},
			canon: "a NOTIFY SET (SELECTED (MessageNew (uid flags) MessageExpunge)) (PERSONAL (MessageNew FlagChange MessageExpunge))\r\n"},
		{name: "Dovecot session: NOTIFY SET STATUS",
			in: "A174 NOTIFY SET STATUS (selected (MessageNew (UID FLAGS) MessageExpunge FlagChange)) (personal (MailboxName SubscriptionChange MessageNew MessageExpunge))\r\n",
			want: &Notify{Status: true, Groups: []NotifyGroup{
				{Filter: "SELECTED", Events: []NotifyEvent{{Name: "MessageNew", Fetch: []wire.Value{mboxAtomValue("UID"), mboxAtomValue("FLAGS")}}, {Name: "MessageExpunge"}, {Name: "FlagChange"}}},
				{Filter: "PERSONAL", Events: ev("MailboxName", "SubscriptionChange", "MessageNew", "MessageExpunge")},
			}},
			canon: "A174 NOTIFY SET STATUS (SELECTED (MessageNew (UID FLAGS) MessageExpunge FlagChange)) (PERSONAL (MailboxName SubscriptionChange MessageNew MessageExpunge))\r\n"},
		{name: "Dovecot session: MessageNew alone", in: "A182 NOTIFY SET (selected (MessageNew))\r\n",
			want:  &Notify{Groups: []NotifyGroup{{Filter: "SELECTED", Events: ev("MessageNew")}}},
			canon: "A182 NOTIFY SET (SELECTED (MessageNew))\r\n"},
		{name: "mox test: events NONE", in: "a Notify Set (Selected None) (mailboxes testbox (messageNew messageExpunge)) (personal None)\r\n",
			want: &Notify{Groups: []NotifyGroup{
				{Filter: "SELECTED"},
				{Filter: "MAILBOXES", Mailboxes: []string{"testbox"}, Events: ev("MessageNew", "MessageExpunge")},
				{Filter: "PERSONAL"},
			}},
			canon: "a NOTIFY SET (SELECTED NONE) (MAILBOXES testbox (MessageNew MessageExpunge)) (PERSONAL NONE)\r\n"},
		{name: "RFC 5465 §6 every filter and event",
			in: "a NOTIFY SET (SUBTREE (INBOX \"Other Users\" &ZeVnLIqe-) (MailboxName)) (INBOXES (AnnotationChange X-Event)) " +
				"(SUBSCRIBED (MailboxMetadataChange ServerMetadataChange)) (SELECTED-DELAYED (MessageNew (BODY.PEEK[]<0.100> BINARY.SIZE[1]) MessageExpunge))\r\n",
			want: &Notify{Groups: []NotifyGroup{
				{Filter: "SUBTREE", Mailboxes: []string{"INBOX", "Other Users", "日本語"}, Events: ev("MailboxName")},
				{Filter: "INBOXES", Events: ev("AnnotationChange", "X-Event")},
				{Filter: "SUBSCRIBED", Events: ev("MailboxMetadataChange", "ServerMetadataChange")},
				{Filter: "SELECTED-DELAYED", Events: []NotifyEvent{{Name: "MessageNew", Fetch: []wire.Value{
					mboxAtomValue("BODY.PEEK"), {Kind: wire.KindSection, Adjacent: true}, {Kind: wire.KindAtom, Adjacent: true, Bytes: []byte("<0.100>")},
					mboxAtomValue("BINARY.SIZE"), {Kind: wire.KindSection, Adjacent: true, Items: []wire.Value{mboxNumValue(1)}},
				}}, {Name: "MessageExpunge"}}},
			}}},
		{name: "RFC 5465 §8 one mailbox in parentheses", in: "a NOTIFY SET (MAILBOXES (INBOX) NONE)\r\n",
			want: &Notify{Groups: []NotifyGroup{{Filter: "MAILBOXES", Mailboxes: []string{"INBOX"}}}}, canon: "a NOTIFY SET (MAILBOXES INBOX NONE)\r\n"},
		{name: "NOTIFY mailbox in UTF-8 under UTF8=ACCEPT", in: "a NOTIFY SET (MAILBOXES \"Entwürfe\" (MessageNew MessageExpunge))\r\n",
			want: &Notify{Groups: []NotifyGroup{{Filter: "MAILBOXES", Mailboxes: []string{"Entwürfe"}, Events: ev("MessageNew", "MessageExpunge")}}},
			opts: []wire.Option{wire.UTF8(true)}},
	}...)
	allErrorCases = append(allErrorCases, []errorCase{
		{name: "RFC 5465 §3.1 example before errata 1804",
			in: "b notify set status (selected MessageNew (uid body.peek[header.fields (from to subject)]) MessageExpunge) (subtree Lists MessageNew)\r\n", off: 30},
		{name: "NOTIFY without arguments", in: "a NOTIFY\r\n", off: 8},
		{name: "NOTIFY with another keyword", in: "a NOTIFY ALL\r\n", off: 9},
		{name: "NOTIFY SET without groups", in: "a NOTIFY SET\r\n", off: 12},
		{name: "NOTIFY SET STATUS without groups", in: "a NOTIFY SET STATUS\r\n", off: 19},
		{name: "NOTIFY SET with another keyword", in: "a NOTIFY SET NONE\r\n", off: 13},
		{name: "NOTIFY NONE with more", in: "a NOTIFY NONE STATUS\r\n", off: 14},
		{name: "empty event group", in: "a NOTIFY SET ()\r\n", off: 14},
		{name: "unknown filter", in: "a NOTIFY SET (FOO NONE)\r\n", off: 14},
		{name: "SUBTREE without a mailbox", in: "a NOTIFY SET (SUBTREE NONE)\r\n", off: 26},
		{name: "SUBTREE with an empty list", in: "a NOTIFY SET (SUBTREE () NONE)\r\n", off: 23},
		{name: "fetch attributes after FlagChange", in: "a NOTIFY SET (SELECTED (FlagChange (UID)))\r\n", off: 35},
		{name: "MessageNew with no fetch attribute", in: "a NOTIFY SET (SELECTED (MessageNew ()))\r\n", off: 36},
		{name: "fetch attribute as a string", in: "a NOTIFY SET (SELECTED (MessageNew (\"UID\")))\r\n", off: 36},
		{name: "NONE inside the events", in: "a NOTIFY SET (SELECTED (NONE))\r\n", off: 24},
		{name: "empty events", in: "a NOTIFY SET (SELECTED ())\r\n", off: 24},
		{name: "events without parentheses", in: "a NOTIFY SET (SELECTED MessageNew)\r\n", off: 23},
		{name: "group with something after the events", in: "a NOTIFY SET (SELECTED NONE NONE)\r\n", off: 27},
	}...)
}

func TestNotifyRefusals(t *testing.T) {
	newEv := []NotifyEvent{{Name: "MessageNew"}}
	checkRefused(t,
		&Notify{},
		&Notify{None: true, Status: true},
		&Notify{None: true, Groups: []NotifyGroup{{Filter: "SELECTED"}}},
		&Notify{Groups: []NotifyGroup{{Filter: "selected"}}},
		&Notify{Groups: []NotifyGroup{{Filter: "SUBTREE"}}},
		&Notify{Groups: []NotifyGroup{{Filter: "SELECTED", Mailboxes: []string{"INBOX"}}}},
		&Notify{Groups: []NotifyGroup{{Filter: "SELECTED", Events: []NotifyEvent{{Name: "messagenew"}}}}},
		&Notify{Groups: []NotifyGroup{{Filter: "SELECTED", Events: []NotifyEvent{{Name: "NONE"}}}}},
		&Notify{Groups: []NotifyGroup{{Filter: "SELECTED", Events: []NotifyEvent{{Name: "X Y"}}}}},
		&Notify{Groups: []NotifyGroup{{Filter: "SELECTED", Events: []NotifyEvent{{Name: "FlagChange", Fetch: []wire.Value{mboxAtomValue("UID")}}}}}},
		&Notify{Groups: []NotifyGroup{{Filter: "SELECTED", Events: []NotifyEvent{{Name: "MessageNew", Fetch: []wire.Value{}}}}}},
		&Notify{Groups: []NotifyGroup{{Filter: "SELECTED", Events: []NotifyEvent{{Name: "MessageNew", Fetch: []wire.Value{{Kind: wire.KindString, Bytes: []byte("UID")}}}}}}},
		&Notify{Groups: []NotifyGroup{{Filter: "SELECTED", Events: []NotifyEvent{{Name: "MessageNew", Fetch: []wire.Value{{Kind: wire.KindSection, Adjacent: true}}}}}}},
		&Notify{Groups: []NotifyGroup{{Filter: "PERSONAL", Events: newEv}, {Filter: "MAILBOXES", Events: newEv}}},
	)
}
