package compose

import (
	"bufio"
	"io"
	"os"
	"strings"
	"testing"

	gocharset "github.com/emersion/go-message/charset"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// TestCharsetLabels reads text under every charset label x/text's IANA and
// WHATWG indexes know, and some of our own, both as go-message/charset
// reads it and as kindly does: the text must come out the same, except
// where kindly guesses on purpose.
func TestCharsetLabels(t *testing.T) {
	f, err := os.Open("testdata/charset-labels.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var labels []string
	stripped := map[string]bool{} // kindly may know more of these than go-message
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			labels = append(labels, l)
			if rest, ok := strings.CutPrefix(l, "cs"); ok {
				labels = append(labels, rest) // "koi8r" is read as csKOI8R
				stripped[rest] = true
			}
		}
	}
	labels = append(labels, "UTF-8", " Windows-1252 ", "ISO-8859-15", "Shift_JIS", "unknown-8bit", "x-unknown", "utf-7", "")

	var bytes256 []byte
	for b := range 256 {
		bytes256 = append(bytes256, byte(b))
	}
	samples := []string{"Hello, world.\r\n", string(bytes256), "caf\xe9 \x80 na\xefve"}
	cjk := []string{"谢谢您的耐心，订单已发货。", "訂單已經寄出，謝謝。", "ご注文は発送されました。"}
	for _, text := range cjk {
		for _, e := range []func(string) (string, error){
			simplifiedchinese.GBK.NewEncoder().String, simplifiedchinese.GB18030.NewEncoder().String,
			traditionalchinese.Big5.NewEncoder().String, japanese.ShiftJIS.NewEncoder().String,
			japanese.EUCJP.NewEncoder().String, japanese.ISO2022JP.NewEncoder().String,
		} {
			if s, err := e(text); err == nil {
				samples = append(samples, s)
			}
		}
	}

	// Labels kindly reads on purpose differently from go-message.
	guessed := map[string]bool{ // go-message: U+FFFD for 8-bit bytes, or for everything
		"replacement": true, "iso-2022-kr": true, "iso-2022-cn": true, "iso-2022-cn-ext": true,
		"iso2022kr": true, "csiso2022kr": true, "x-user-defined": true,
	}
	ours := map[string]bool{ // go-message does not know them
		"latin-1": true, "eucgb2312_cn": true, "euc-cn": true, "big5_tw": true, "cp950": true, "cp932": true, "ansi": true,
	}
	known := 0
	for _, label := range labels {
		_, theirsErr := gocharset.Reader(label, strings.NewReader(""))
		enc := charsetEncoding(label)
		switch {
		case theirsErr != nil && enc != nil && !ours[label] && !stripped[label]:
			t.Errorf("%q: go-message does not know it, kindly reads it as %v", label, enc)
		case theirsErr == nil && enc == nil && !guessed[label] && !isASCII(label):
			t.Errorf("%q: go-message reads it, kindly guesses", label)
		case theirsErr == nil && enc != nil:
			known++
			for _, s := range samples {
				want := read(t, gocharset.Reader, label, s)
				if got := read(t, charsetReader, label, s); got != want {
					t.Errorf("%q: read %q as %q, go-message as %q", label, s, got, want)
				}
			}
		}
	}
	if known < 300 {
		t.Errorf("only %d labels known to both: is testdata/charset-labels.txt whole?", known)
	}
}

// isASCII reports the US-ASCII labels: kindly guesses for them, since
// mail that says US-ASCII often has Latin-1 or UTF-8 in it.
func isASCII(label string) bool {
	enc, err := gocharset.Reader(label, strings.NewReader("caf\xc3\xa9"))
	if err != nil {
		return false
	}
	b, _ := io.ReadAll(enc)
	return string(b) == "caf\uFFFD\uFFFD"
}

func read(t *testing.T, reader func(string, io.Reader) (io.Reader, error), label, s string) string {
	t.Helper()
	r, err := reader(label, strings.NewReader(s))
	if err != nil {
		t.Fatalf("%q: %v", label, err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return "error: " + err.Error()
	}
	return string(b)
}

// TestCharsetGuess: a charset kindly does not know, or US-ASCII with 8-bit
// text, is read as UTF-8 when valid and as Windows-1252 otherwise.
func TestCharsetGuess(t *testing.T) {
	for _, tc := range []struct{ label, in, want string }{
		{"us-ascii", "caf\xc3\xa9", "café"},
		{"us-ascii", "caf\xe9 \x80", "café €"},
		{"x-unknown", "na\xefve", "naïve"},
		{"utf-7", "plain", "plain"},
		{"", "\xe2\x82\xac 5", "€ 5"},
		{"KOI8R", "\xf0\xd2\xc9\xd7\xc5\xd4", "Привет"},
	} {
		if got := read(t, charsetReader, tc.label, tc.in); got != tc.want {
			t.Errorf("%q %q: got %q, want %q", tc.label, tc.in, got, tc.want)
		}
	}
}
