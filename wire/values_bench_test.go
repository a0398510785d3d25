package wire

import (
	"testing"
)

func BenchmarkDecodeMailbox(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"ASCII", "INBOX/Archive/2024/Receipts"},
		{"CJK", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"},
		{"CJKLong", "&ZeVnLIqeZeVnLIqeZeVnLIqeZeVnLIqeZeVnLIqeZeVnLIqe-"},
	} {
		in := []byte(bc.in)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				if _, _, err := decodeMailbox(in, true); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(bc.name+"/String", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.in)))
			for b.Loop() {
				if _, err := DecodeMailbox(bc.in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEncodeMailbox(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"ASCII", "INBOX/Archive/2024/Receipts"},
		{"CJK", "~peter/mail/台北/日本語"},
		{"CJKLong", "日本語日本語日本語日本語日本語日本語"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.in)))
			for b.Loop() {
				EncodeMailbox(bc.in)
			}
		})
		buf := make([]byte, 0, 256)
		b.Run(bc.name+"/Append", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.in)))
			for b.Loop() {
				appendMailbox(buf[:0], bc.in)
			}
		})
	}
}

func BenchmarkParseSeqSet(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"One", "42"},
		{"RFC", "2,4:7,9,12:*"},
		{"UIDs", "100001:100050,100052,100060:100099,100150,100200:*"},
		{"Saved", "$"},
	} {
		in := []byte(bc.in)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				if _, err := parseSeqSet(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSeqSetAppendTo(b *testing.B) {
	s, _ := ParseSeqSet("100001:100050,100052,100060:100099,100150,100200:*")
	buf := make([]byte, 0, 128)
	b.ReportAllocs()
	for b.Loop() {
		s.AppendTo(buf[:0])
	}
}

func BenchmarkParseDateTime(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"Zone", "17-Jul-1996 02:44:25 -0700"},
		{"UTC", " 1-Feb-1994 21:52:25 +0000"},
		{"OddZone", "17-Jul-1996 02:44:25 -0517"},
	} {
		in := []byte(bc.in)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parseDateTime(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkAppendDateTime(b *testing.B) {
	t, _ := ParseDateTime("17-Jul-1996 02:44:25 -0700")
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		AppendDateTime(buf[:0], t)
	}
}

func BenchmarkParseDate(b *testing.B) {
	in := []byte("1-Feb-1994")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseDate(in); err != nil {
			b.Fatal(err)
		}
	}
}
