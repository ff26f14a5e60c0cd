package compose

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestHTMLText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Whitespace, as a browser collapses it.
		{"plain text", "Where is my order?", "Where is my order?"},
		{"collapsed whitespace", "  Where \n\t is\r\n  my   order? ", "Where is my order?"},
		{"nbsp entity is a space", "10&nbsp;licences&nbsp;&nbsp;left", "10 licences left"},
		{"nbsp character is a space", "10\u00a0licences", "10 licences"},
		{"only nbsp", "<p>&nbsp;</p>", ""},
		{"spaces at block edges", "<div>  a  </div>  <div> b </div>", "a\nb"},
		{"inline elements join", "<b>bold</b><i>italic</i> <span>next</span>", "bolditalic next"},
		{"CR outside pre", "a\rb", "a b"},

		// Entities, decoded exactly once.
		{"named entities", "caf&eacute; &euro;5 &lt;b&gt;", "café €5 <b>"},
		{"numeric entities", "&#191;Cu&#xE1;ndo?", "¿Cuándo?"},
		{"decoded once", "&amp;lt;script&amp;gt;", "&lt;script&gt;"},
		{"decoded text is not markup", "&lt;p&gt;x&lt;/p&gt;", "<p>x</p>"},
		{"unknown entity kept", "a &bogus; b & c", "a &bogus; b & c"},
		{"entity for CR", "a&#13;b", "a b"},

		// Tokenizer.
		{"case-insensitive tags", "<P>a</P><DIV>b</Div><ScRiPt>x()</sCrIpT>c", "a\n\nb\nc"},
		{"quoted attribute with >", `<a title="x > y" href='https://e.com/?a>b'>link</a> after`, "link (https://e.com/?a>b) after"},
		{"unquoted attribute", `<img alt=logo src=x.png>`, "logo"},
		{"self-closing", "a<br/>b<br />c", "a\nb\nc"},
		{"comment", "a<!-- <p>hidden</p> -->b", "ab"},
		{"comment with dashes", "a<!-- x -- y --->b", "ab"},
		{"empty comments", "a<!-->b<!--->c", "abc"},
		{"unclosed comment", "a<!-- b <p>c", "a"},
		{"conditional comments", "<!--[if mso]><p>Outlook only</p><![endif]--><!--[if !mso]><!--><p>Everyone</p><!--<![endif]-->", "Everyone"},
		{"doctype", "<!DOCTYPE html>\n<html>hi</html>", "hi"},
		{"xml declaration", `<?xml version="1.0"?><p>hi</p>`, "hi"},
		{"CDATA is literal text", "a <![CDATA[x < y &amp; z]]> b", "a x < y &amp; z b"},
		{"lone less-than", "1 < 2 and 3<4, <3 <= ok", "1 < 2 and 3<4, <3 <= ok"},
		{"end tag without name", "a</>b</ 3>c", "abc"},
		{"input ends in a tag", "a<b title='c", "a"},
		{"input ends after <", "a<", "a<"},
		{"unknown tags ignored", "<o:p>a</o:p><x-y>b</x-y>", "ab"},

		// Elements whose contents are never shown.
		{"script", "a<script>if (a < b) { x('</p>') }</script>b", "ab"},
		{"style", "<style>p { color: red }</style>text", "text"},
		{"title", "<title>Invoice</title><p>text</p>", "text"},
		{"template", "<template><p>later</p></template>now", "now"},
		{"script end tag with space", "<script>x</script >y", "y"},
		{"script end needs a delimiter", "<script>x</scripts>y</script>z", "z"},
		{"unclosed script", "a<script>b<p>c", "a"},
		{"head", "<html><head><meta charset=utf-8><title>t</title><style>s</style></head><body>body</body></html>", "body"},
		{"head ended by body content", "<head><meta charset=utf-8><p>text", "text"},
		{"head ended by text", "<head><link rel=x>text", "text"},

		// Blocks.
		{"paragraphs", "<p>one</p><p>two</p>", "one\n\ntwo"},
		{"divs", "<div>one</div><div>two</div>", "one\ntwo"},
		{"headings", "<h1>Title</h1>text<h2>Sub</h2>more", "Title\n\ntext\n\nSub\n\nmore"},
		{"br", "a<br>b", "a\nb"},
		{"two br", "a<br><br>b", "a\n\nb"},
		{"at most one blank line", "a<br><br><br><br>b<p></p><p></p><p>c", "a\n\nb\n\nc"},
		{"br at the end of a div", "<div>a<br></div><div>b</div>", "a\nb"},
		{"gmail blank line", "<div>a</div><div><br></div><div>b</div>", "a\n\nb"},
		{"leading and trailing breaks trimmed", "<br><p><br>a<br></p><br>", "a"},
		{"hr", "a<hr>b", "a\n\nb"},
		{"other blocks", "<section>a</section><article>b</article><header>c</header><footer>d</footer><address>e</address><form>f</form>", "a\nb\nc\nd\ne\nf"},
		{"definition list", "<dl><dt>Size</dt><dd>M</dd></dl>", "Size\nM"},

		// Lists.
		{"list", "<ul><li>one</li><li>two</li></ul>", "- one\n- two"},
		{"list after text", "Sizes:<ul><li>S<li>M</ul>done", "Sizes:\n- S\n- M\ndone"},
		{"ordered list", "<ol><li>one</li><li>two</li></ol>", "1. one\n2. two"},
		{"ordered list start", `<ol start="4"><li>four</li><li>five</li></ol>`, "4. four\n5. five"},
		{"nested lists", "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>", "- a\n  - b\n- c"},
		{"empty items", "<ul><li></li><li> </li><li>x</li></ul>", "- x"},
		{"item outside a list", "<li>x", "- x"},
		{"paragraph in an item", "<ul><li><p>x</p></li></ul>", "- x"},

		// Tables.
		{"table", "<table><tr><th>Item</th><th>Qty</th></tr><tr><td>Jacket</td><td>2</td></tr></table>", "Item Qty\nJacket 2"},
		{"empty cells", "<table><tr><td></td><td> </td><td>a</td><td></td><td>b</td></tr></table>", "a b"},
		{"table after text", "Hello<table><tr><td>x</td></tr></table>bye", "Hello\nx\nbye"},

		// Quoted mail.
		{"blockquote", "On Monday Anna wrote:<blockquote>Where is it?<br>Thanks</blockquote>", "On Monday Anna wrote:\n> Where is it?\n> Thanks"},
		{"blockquote paragraphs", "<blockquote><p>one</p><p>two</p></blockquote>after", "> one\n>\n> two\n\nafter"},
		{"nested blockquote", "<blockquote>a<blockquote>b</blockquote>c</blockquote>", "> a\n>> b\n> c"},
		{"blank line leaving a quote", "<p>me</p><blockquote><p>you</p></blockquote><p>me</p>", "me\n\n> you\n\nme"},
		{"list in a quote", "<blockquote><ul><li>x</li></ul></blockquote>", "> - x"},
		{"unbalanced blockquote end", "</blockquote>a", "a"},

		// Links and images.
		{"link", `see <a href="https://e.com/t">our terms</a>.`, "see our terms (https://e.com/t)."},
		{"link text is the address", `<a href="https://www.e.com/">e.com</a>`, "e.com"},
		{"link text is a url", `<a href="https://safelinks.example/?u=x">https://shop.example/1</a>`, "https://shop.example/1"},
		{"mailto", `<a href="mailto:help@e.com?subject=Hi">write to us</a>`, "write to us (help@e.com)"},
		{"mailto shown as address", `<a href="mailto:help@e.com">help@e.com</a>`, "help@e.com"},
		{"other schemes not shown", `<a href="javascript:x()">click</a> <a href="/rel">rel</a> <a href="tel:123">call</a>`, "click rel call"},
		{"link without text", `<a href="https://e.com/"></a>x`, "x"},
		{"link entities", `<a href="https://e.com/?a=1&amp;b=2">go</a>`, "go (https://e.com/?a=1&b=2)"},
		{"link with space after", `<a href="https://e.com/t">terms </a>now`, "terms (https://e.com/t) now"},
		{"unclosed link", `<a href="https://e.com/t">terms`, "terms (https://e.com/t)"},
		{"links do not nest", `<a href="https://a.com/">A<a href="https://b.com/">B</a>`, "A (https://a.com/)B (https://b.com/)"},
		{"image alt", `Logo: <img src="cid:1" alt="Example &amp; Co">!`, "Logo: Example & Co!"},
		{"image without alt", `<img src="https://t.example/pixel.gif" width=1 height=1>hi`, "hi"},
		{"image link", `<a href="https://e.com/"><img alt="Shop"></a>`, "Shop (https://e.com/)"},

		// Preformatted text.
		{"pre keeps whitespace", "<pre>a  b\n\tc</pre>", "a  b\n\tc"},
		{"pre drops its first newline", "x<pre>\ncode</pre>", "x\ncode"},
		{"pre CRLF", "<pre>a\r\nb\rc</pre>", "a\nb\nc"},
		{"pre blank lines", "<pre>a\n\n\n\nb</pre>", "a\n\nb"},
		{"pre nbsp", "<pre>a&nbsp;&nbsp;b</pre>", "a  b"},
		{"pre then collapsing", "<pre>a  b</pre>c  d", "a  b\nc d"},
		{"pre lines keep no trailing space", "<pre>a  \n  b \t</pre>", "a\n  b"},
		{"pre in a quote", "<blockquote type=cite><pre>a\n b</pre></blockquote>", "> a\n>  b"},

		// Bytes that are not text.
		{"invalid UTF-8 passes", "a\xffb <p>\xc3(</p>", "a\xffb\n\n\xc3("},
		{"lone lead byte of nbsp", "a\xc2b\xc2", "a\xc2b\xc2"},
		{"NUL dropped", "a\x00b", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := htmlText(tt.in); got != tt.want {
				t.Errorf("htmlText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// outlookReply is an Outlook reply as it arrives: Word's head, MsoNormal
// paragraphs, a signature table, the quoted thread in a blockquote.
const outlookReply = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<!--[if !mso]><style>v\:* {behavior:url(#default#VML);}
</style><![endif]--><style><!--
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0cm;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]-->
</head>
<body lang="EN-GB" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">
<div class="WordSection1">
<p class="MsoNormal">Hi Maria,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Thanks for the quick answer. The invoice still says 10&nbsp;licences &amp; we have 12 users. Could you send a corrected one?<o:p></o:p></p>
<p class="MsoNormal">The order is on <a href="https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fshop.example.com%2Forders%2F2231&amp;data=05%7C01">https://shop.example.com/orders/2231</a>, see also <a href="https://shop.example.com/terms">our terms</a>.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Kind regards,<o:p></o:p></p>
<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0">
<tr><td width="80" style="padding:0cm"><img width="64" height="64" src="cid:image001.png@01DA" alt="Example Ltd"></td>
<td style="padding:0cm 0cm 0cm 8pt"><p class="MsoNormal"><b>Jane Smith</b><br>Finance | Example&nbsp;Ltd<br>T: +44 20 7946 0000 &middot; <a href="mailto:jane.smith@example.co.uk">jane.smith@example.co.uk</a></p></td></tr>
</table>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
<p class="MsoNormal"><b>From:</b> Maria Jansen &lt;support@example.com&gt;<br><b>Sent:</b> Monday, 23 November 2026 09:30<br><b>Subject:</b> RE: Invoice INV-2231 incorrect<o:p></o:p></p>
</div>
<blockquote style="border:none;border-left:solid #CCCCCC 1.0pt;padding:0cm 0cm 0cm 6.0pt;margin-left:4.8pt">
<p class="MsoNormal">Dear Jane,</p>
<p class="MsoNormal">We will look into it.<br>Maria</p>
</blockquote>
</div>
</body>
</html>
`

// gmailReply is a Gmail reply: divs and brs, a "-- " signature, and the
// quoted mail in a gmail_quote blockquote.
const gmailReply = `<div dir="ltr">Hi,<div><br></div><div>I returned the jacket on Monday (order&nbsp;#HW-1042). When will I get my refund?</div><div><br></div><div>Thanks,</div><div>John<br clear="all"><div><br></div><span class="gmail_signature_prefix">-- </span><br><div dir="ltr" class="gmail_signature"><div dir="ltr">John Smith<div><a href="https://john.example">john.example</a></div></div></div></div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, 23 Nov 2026 at 09:30, Example Support &lt;<a href="mailto:support@example.com">support@example.com</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><div dir="ltr">Dear John,<div><br></div><div>Please send the jacket back.</div></div>
</blockquote></div>
`

func TestHTMLTextEmails(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"outlook", outlookReply, `Hi Maria,

Thanks for the quick answer. The invoice still says 10 licences & we have 12 users. Could you send a corrected one?

The order is on https://shop.example.com/orders/2231, see also our terms (https://shop.example.com/terms).

Kind regards,

Example Ltd

Jane Smith
Finance | Example Ltd
T: +44 20 7946 0000 · jane.smith@example.co.uk

From: Maria Jansen <support@example.com>
Sent: Monday, 23 November 2026 09:30
Subject: RE: Invoice INV-2231 incorrect

> Dear Jane,
>
> We will look into it.
> Maria`},
		{"gmail", gmailReply, `Hi,

I returned the jacket on Monday (order #HW-1042). When will I get my refund?

Thanks,
John

--
John Smith
john.example

On Mon, 23 Nov 2026 at 09:30, Example Support <support@example.com> wrote:
> Dear John,
>
> Please send the jacket back.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := htmlText(tt.in)
			if got != tt.want {
				t.Errorf("got:\n%s\n\nwant:\n%s", got, tt.want)
			}
			// What the reply code makes of it: the quote and signature go.
			if s := stripQuoted(trimSignature(got)); strings.Contains(s, "Dear") || strings.Contains(s, "John Smith") {
				t.Errorf("quoted mail or signature survives stripQuoted(trimSignature()):\n%s", s)
			}
		})
	}
}

// TestHTMLTextLinear feeds 5 MB inputs built to make a naive tokenizer
// rescan: each must take linear time, and the text stays in proportion.
func TestHTMLTextLinear(t *testing.T) {
	const size = 5 << 20
	rep := func(s string) string { return strings.Repeat(s, size/len(s)) }
	inputs := map[string]string{
		"less-thans":          rep("<"),
		"unclosed comment":    "<!--" + rep("a-"),
		"comment openers":     rep("<!--"),
		"unclosed script":     "<script>" + rep("</scrip"),
		"unclosed quote":      `<a title="` + rep("<b>x"),
		"attribute soup":      rep(`<a b=c d='e' `),
		"declarations":        rep("<!"),
		"end-tag openers":     rep("</"),
		"CDATA openers":       rep("<![CDATA["),
		"entities":            rep("&amp;&lt&#x41;&bogus;"),
		"deep quotes":         strings.Repeat("<blockquote>", size/24) + rep("<br>x"),
		"deep lists":          strings.Repeat("<ol><li>", size/16) + rep("<li>x"),
		"links":               rep(`<a href="https://e.com/">x</a>`),
		"one long link":       `<a href="https://e.com/">` + rep("text "),
		"paragraphs":          rep("<p>x</p>"),
		"text":                rep("Where is my order? "),
		"whitespace":          rep(" \n\t"),
		"nbsp":                rep("&nbsp;\u00a0"),
		"pre":                 "<pre>" + rep("a \n"),
		"head never ended":    "<head>" + rep("<meta x=y>"),
		"invalid UTF-8":       rep("\xff\xc2<\xe2\x82"),
		"unclosed start tags": rep("<div "),
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			out := htmlText(in)
			// Linear is tens of milliseconds; quadratic would be hours.
			if d := time.Since(start); d > 30*time.Second {
				t.Errorf("took %v for %d bytes", d, len(in))
			}
			if len(out) > maxHTMLTextGrowth*len(in) {
				t.Errorf("%d bytes of text from %d bytes of HTML", len(out), len(in))
			}
		})
	}
}

// maxHTMLTextGrowth bounds the text against its HTML: quote marks, list
// markers and shown links are the only things added.
const maxHTMLTextGrowth = 8

// FuzzHTMLText: no panic; valid UTF-8 stays valid; no CR; a script's
// contents never show; at most one blank line in a row; trimmed ends; the
// text stays within a small multiple of the HTML.
func FuzzHTMLText(f *testing.F) {
	f.Add(outlookReply)
	f.Add(gmailReply)
	for _, s := range []string{
		"<p>a</p><p>b</p>", "<ol start=3><li>x<ul><li>y</ul></ol>", "<blockquote><blockquote><pre>\r\n x\r</pre></blockquote></blockquote>",
		"<a href='https://e.com/'>t</a>", "<img alt=\"a\rb\">", "<!--", "<![CDATA[", "<script>", "&#13;&amp;lt;\xff\xc2",
		"<head><title>x</title>", "<table><tr><td>a<td>b</table>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := htmlText(in)
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 from valid input %q: %q", in, out)
		}
		if strings.Contains(out, "\r") {
			t.Fatalf("CR in the text of %q: %q", in, out)
		}
		if strings.Contains(out, "\n\n\n") {
			t.Fatalf("two blank lines in a row in the text of %q: %q", in, out)
		}
		if strings.Trim(out, " \t\n") != out {
			t.Fatalf("untrimmed text of %q: %q", in, out)
		}
		if len(out) > maxHTMLTextGrowth*len(in) {
			t.Fatalf("%d bytes of text from %d bytes of HTML %q", len(out), len(in), in)
		}
		// A script ends the same way whatever it holds, and shows nothing.
		if after := htmlText("<script>if (a<b) { secret() }</script>" + in); after != out {
			t.Fatalf("a script before %q changed its text: %q, want %q", in, after, out)
		}
		if !strings.Contains(strings.ToLower(in), "</script") {
			if got := htmlText("<p>x</p><script>" + in + "</script>"); got != "x" {
				t.Fatalf("script contents %q shown: %q", in, got)
			}
		}
	})
}

// html20K is a 20 KB HTML email: Outlook's head and signature, and a
// thread of quoted replies.
func html20K() string {
	var b strings.Builder
	head, body, _ := strings.Cut(outlookReply, "<blockquote")
	b.WriteString(head)
	depth := 0
	for ; b.Len() < 20<<10; depth++ {
		fmt.Fprintf(&b, `<blockquote style="border:none;border-left:solid #CCCCCC 1.0pt;padding:0cm 0cm 0cm 6.0pt;margin-left:4.8pt"><p class="MsoNormal">Dear Jane,</p><p class="MsoNormal">On day %d we looked into invoice INV-2231 &amp; its <b>12&nbsp;licences</b>; see <a href="https://shop.example.com/orders/2231">your order</a>.<br>Maria</p><div><b>From:</b> Jane Smith &lt;jane.smith@example.co.uk&gt;</div>`, depth)
	}
	b.WriteString("<blockquote" + body)
	b.WriteString(strings.Repeat("</blockquote>", depth))
	return b.String()
}

func BenchmarkHTMLText(b *testing.B) {
	in := html20K()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		htmlText(in)
	}
}
