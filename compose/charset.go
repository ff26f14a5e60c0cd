package compose

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-message"
	"github.com/emersion/go-message/charset"
)

// charsetAliases are charset names seen in real mail that the IANA and
// WHATWG indexes do not know.
var charsetAliases = map[string]string{
	"eucgb2312_cn": "gb2312", "euc-cn": "gb2312", "x-gbk": "gbk", "cp936": "gbk", "ms936": "gbk",
	"big5_tw": "big5", "big5-hkscs": "big5", "cp950": "big5", "x-x-big5": "big5",
	"x-sjis": "shift_jis", "sjis": "shift_jis", "ms_kanji": "shift_jis", "cp932": "shift_jis",
	"ks_c_5601-1987": "euc-kr", "cp1252": "windows-1252", "cp1250": "windows-1250",
	"latin1": "iso-8859-1", "latin-1": "iso-8859-1", "ansi": "windows-1252", "utf8": "utf-8",
	"unicode-1-1-utf-7": "utf-7", "x-unknown": "", "unknown-8bit": "", "x-user-defined": "",
}

func init() {
	// go-message decodes bodies through this hook; it is set once, here,
	// like the charset package itself does, before any message is read.
	message.CharsetReader = charsetReader
}

// charsetReader converts text in the named charset to UTF-8. It never
// fails: an unknown or missing charset is read as UTF-8 when the text is
// valid UTF-8 and as Windows-1252 otherwise, the most common mislabelling,
// so the agent always sees readable text.
func charsetReader(name string, input io.Reader) (io.Reader, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	if alias, ok := charsetAliases[name]; ok {
		name = alias
	}
	if name != "" {
		if r, err := charset.Reader(name, input); err == nil {
			return r, nil
		}
	}
	b, err := io.ReadAll(io.LimitReader(input, maxTextBytes))
	if err != nil {
		return nil, err
	}
	return strings.NewReader(guessCharset(b)), nil
}

// guessCharset decodes text whose charset is missing or unknown: UTF-8 if it
// is valid, else Windows-1252.
func guessCharset(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	r, err := charset.Reader("windows-1252", strings.NewReader(string(b)))
	if err == nil {
		if out, err := io.ReadAll(r); err == nil {
			return string(out)
		}
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}
