package compose

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// typical20K is a realistic 20 KB customer email: multipart/alternative with
// a quoted thread in the text part and its HTML twin.
func typical20K() []byte {
	var text strings.Builder
	text.WriteString("Hello,\n\nI ordered the walnut bookshelf (order # HW-659) three weeks ago. Can you tell me when it will arrive?\n\nThanks,\nAnna de Vries\n\n")
	for i := 0; text.Len() < 9000; i++ {
		fmt.Fprintf(&text, "> On day %d Example Support wrote: we are looking into your order and will get back to you soon.\n", i)
	}
	html := "<html><body><p>" + strings.ReplaceAll(text.String(), "\n", "<br>\n") + "</p></body></html>"
	return []byte("From: Anna de Vries <anna@example.nl>\r\nTo: support@example.com\r\nSubject: Re: Where is my order?\r\n" +
		"Date: Mon, 23 Nov 2026 08:12:00 +0100\r\nMessage-ID: <bench@example.nl>\r\nReferences: <a@x> <b@x> <c@x>\r\n" +
		"MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n" +
		"--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text.String() +
		"\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n--b--\r\n")
}

// BenchmarkParseReplyBuild20K measures the whole path of `kindly reply`:
// parse a typical 20 KB email, derive the reply, build the message.
func BenchmarkParseReplyBuild20K(b *testing.B) {
	raw := typical20K()
	b.SetBytes(int64(len(raw)))
	p := fixedProfile()
	p.Rand = nil
	for b.Loop() {
		m, err := Parse(bytes.NewReader(raw))
		if err != nil {
			b.Fatal(err)
		}
		d, err := NewReply(m, p)
		if err != nil {
			b.Fatal(err)
		}
		d.Body = "Your bookshelf is finished and ships tomorrow."
		if _, err := Build(d); err != nil {
			b.Fatal(err)
		}
	}
}
