package model

import (
	"strings"
	"unicode/utf8"
)

// Abbrev is an abbreviation a report uses and what it stands for.
type Abbrev struct{ Short, Long string }

// abbreviations are the ones local-government reports use most, as printed.
var abbreviations = []Abbrev{
	{"HĐND", "Hội đồng nhân dân"},
	{"UBND", "Ủy ban nhân dân"},
	{"UBMTTQ", "Ủy ban Mặt trận Tổ quốc"},
	{"MTTQ", "Mặt trận Tổ quốc"},
	{"BCH", "Ban Chấp hành"},
	{"BTV", "Ban Thường vụ"},
	{"UVBTV", "Ủy viên Ban Thường vụ"},
	{"HTTNV", "hoàn thành tốt nhiệm vụ"},
	{"HTXSNV", "hoàn thành xuất sắc nhiệm vụ"},
	{"HTNV", "hoàn thành nhiệm vụ"},
	{"GPMB", "giải phóng mặt bằng"},
	{"BHYT", "bảo hiểm y tế"},
	{"BHXH", "bảo hiểm xã hội"},
	{"CCB", "Cựu chiến binh"},
	{"LHPN", "Liên hiệp Phụ nữ"},
	{"THPT", "trung học phổ thông"},
	{"THCS", "trung học cơ sở"},
	{"KT-XH", "kinh tế - xã hội"},
	{"QP-AN", "quốc phòng - an ninh"},
	{"NTM", "nông thôn mới"},
	{"TDP", "tổ dân phố"},
	{"CNH-HĐH", "công nghiệp hóa, hiện đại hóa"},
	{"TP", "thành phố"},
	{"TX", "thị xã"},
}

// Abbreviations lists the abbreviations of the table above that a's title,
// body or captions use, each once, in the table's order. An abbreviation
// counts only as a whole word: "TP" inside "TPHCM" does not.
func (a *Article) Abbreviations() []Abbrev {
	var out []Abbrev
	for _, ab := range abbreviations {
		if wholeWord(a.Title, ab.Short) || anyWholeWord(a.Body, ab.Short) || anyWholeWord(a.Captions, ab.Short) {
			out = append(out, ab)
		}
	}
	return out
}

func anyWholeWord(ps []string, w string) bool {
	for _, p := range ps {
		if wholeWord(p, w) {
			return true
		}
	}
	return false
}

// wholeWord reports whether w occurs in s with no letter or digit on either
// side.
func wholeWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(w)
		before, after := true, true
		if j > 0 {
			r, _ := utf8.DecodeLastRuneInString(s[:j])
			before = !isWordRune(r)
		}
		if end < len(s) {
			r, _ := utf8.DecodeRuneInString(s[end:])
			after = !isWordRune(r)
		}
		if before && after {
			return true
		}
		i = j + 1
	}
}
