package figures

import (
	"strings"

	"github.com/baocao/baocao/model"
)

// cueAt reports the cue that starts at token i: a target ("phấn đấu",
// "mục tiêu", "duy trì", "năm 2024" in a 2023 report) or a result ("đã",
// "đạt được", "năm 2023", "ước đạt"). Plan nouns after a result verb ("vượt
// kế hoạch", "hoàn thành 100% chỉ tiêu", "các chỉ tiêu đều đạt") are no
// target cue.
func (e *extractor) cueAt(i int) (model.Kind, bool) {
	t := &e.t
	switch t.word(i) {
	case "phan":
		if t.is(i, "phan", "dau") {
			return model.Target, true
		}
	case "duy":
		if t.is(i, "duy", "tri") {
			if t.word(i-1) == "duoc" {
				return model.Actual, true // "được duy trì": kept up, a result
			}
			return model.Target, true
		}
	case "du":
		if t.is(i, "du", "kien") {
			return model.Target, true
		}
		if t.is(i, "du", "toan") && !e.planNegated(i) {
			return model.Target, true
		}
	case "dinh":
		// "định hướng phát triển": a plan; "định hướng tư tưởng, dư
		// luận": guiding opinion, the work of propaganda
		if t.is(i, "dinh", "huong") && !t.is(i+2, "tu", "tuong") && !t.is(i+2, "du", "luan") {
			return model.Target, true
		}
	case "phuong":
		if t.is(i, "phuong", "huong") {
			return model.Target, true
		}
	case "muc":
		if t.is(i, "muc", "tieu") && !e.planNegated(i) {
			return model.Target, true
		}
	case "chi":
		if t.is(i, "chi", "tieu") && !e.planNegated(i) {
			return model.Target, true
		}
	case "ke":
		if t.is(i, "ke", "hoach") && t.word(i+2) != "hoa" && !e.planNegated(i) {
			return model.Target, true
		}
	case "nam":
		switch t.word(i + 1) {
		case "toi", "sau":
			return model.Target, true
		case "qua":
			return model.Actual, true
		}
		if g := t.figAt(i + 1); g != nil && g.isYear() && !g.rng && e.reportYear() > 0 {
			if int(g.val) > e.year {
				return model.Target, true
			}
			return model.Actual, true
		}
	case "den", "toi":
		if t.word(i+1) == "nam" {
			if g := t.figAt(i + 2); g != nil && g.isYear() && !g.rng {
				if y := e.reportYear(); y == 0 || int(g.val) >= y {
					return model.Target, true // "đến năm 2025": by then
				}
				return model.Actual, true
			}
		}
		if t.is(i, "den", "nay") {
			return model.Actual, true
		}
	case "da":
		if t.origIs(i, "đã") {
			return model.Actual, true
		}
	case "dat":
		if t.word(i+1) == "duoc" {
			return model.Actual, true
		}
	case "ket":
		if t.is(i, "ket", "qua") {
			return model.Actual, true
		}
	case "vua", "thang", "quy", "tuan", "gian", "ky":
		// "vừa qua", "6 tháng qua", "thời gian qua", "kỳ qua"
		if t.word(i+1) == "qua" {
			return model.Actual, true
		}
	case "nhiem":
		if t.is(i, "nhiem", "ky", "qua") {
			return model.Actual, true
		}
		if t.is(i, "nhiem", "ky", "moi") || t.is(i, "nhiem", "ky", "toi") {
			return model.Target, true
		}
	case "hien":
		if t.word(i+1) == "nay" || t.word(i+1) == "co" || t.word(i-1) == "" {
			return model.Actual, true
		}
	case "uoc":
		return model.Actual, true
	case "se":
		if t.origIs(i, "sẽ") {
			return model.Target, true
		}
	case "luy":
		if t.word(i+1) == "ke" {
			return model.Actual, true
		}
	case "tinh":
		if t.word(i+1) == "den" {
			return model.Actual, true
		}
	case "duoc":
		// "kết nạp được 6", "thu được trên 200 triệu"
		k := i + 1
		for t.word(k) == "tren" || t.word(k) == "hon" || t.word(k) == "gan" {
			k++
		}
		if t.figAt(k) != nil {
			return model.Actual, true
		}
	}
	return "", false
}

// planNegated reports whether the plan noun at token i measures a result
// rather than sets a goal: a result verb just before it ("vượt kế hoạch",
// "đạt 103% dự toán", "hoàn thành 100% chỉ tiêu", "so với kế hoạch") or
// after it in the same clause ("các chỉ tiêu ... đều đạt và vượt").
func (e *extractor) planNegated(i int) bool {
	t := &e.t
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch t.word(k) {
		case "vuot", "dat", "bang", "theo", "so":
			return true
		case "hien":
			if t.word(k-1) == "thuc" {
				return true // "kết quả thực hiện kế hoạch năm 2023"
			}
		case "thanh":
			if t.word(k-1) == "hoan" {
				return true
			}
		}
		if p := t.punct(k); p == ';' || p == '.' {
			break
		}
	}
	for k := i + 2; k < len(t.toks) && k < i+16; k++ {
		if p := t.punct(k); p == ';' || p == ':' || p == '.' || p == '!' || p == '?' {
			break
		}
		switch {
		case t.is(k, "deu", "dat"), t.is(k, "dat", "va"), t.is(k, "da", "dat"),
			t.is(k, "da", "hoan", "thanh"), t.is(k, "duoc", "hoan", "thanh"),
			t.is(k, "hoan", "thanh", "va"), t.is(k, "deu", "hoan", "thanh"), t.is(k, "deu", "vuot"),
			t.word(k) == "vuot" && !t.is(k-1, "phan", "dau"):
			return true
		}
	}
	return false
}

// cue is the rightmost cue in tokens [a, b). A year after a target cue in
// the same comma-separated part names the goal's year ("chỉ tiêu thu ngân
// sách năm 2017") and leaves the target standing.
func (e *extractor) cue(a, b int) (model.Kind, bool) {
	a = max(a, 0)
	b = min(b, len(e.cues))
	for i := b - 1; i >= a; i-- {
		switch e.cueOf(i) {
		case cueTarget:
			return model.Target, true
		case cueActual:
			if e.t.word(i) == "nam" {
				// a year names the goal's year: "chỉ tiêu thu ngân sách
				// huyện giao năm 2023 là ..."
				for k := i - 1; k >= a && e.t.punct(k) != ',' && e.t.punct(k) != ';'; k-- {
					if e.cueOf(k) == cueTarget {
						return model.Target, true
					}
				}
			}
			return model.Actual, true
		}
	}
	return "", false
}

// The cues of a paragraph's tokens, worked out once each, when first
// asked for (see cueAt).
const (
	cueUnknown int8 = iota - 1
	cueNone
	cueActual
	cueTarget
)

// markCues prepares e.cues for the paragraph in e.t: no cue worked out
// yet.
func (e *extractor) markCues() {
	n := len(e.t.toks)
	if cap(e.cues) < n {
		e.cues = make([]int8, n)
	}
	e.cues = e.cues[:n]
	for i := range e.cues {
		e.cues[i] = cueUnknown
	}
}

// cueOf is the cue at token i, worked out the first time.
func (e *extractor) cueOf(i int) int8 {
	c := e.cues[i]
	if c != cueUnknown {
		return c
	}
	c = cueNone
	if k, ok := e.cueAt(i); ok {
		c = cueActual
		if k == model.Target {
			c = cueTarget
		}
	}
	e.cues[i] = c
	return c
}

// kindAt decides whether the figure at token ft of clause c in sentence s
// is a result or a target: the last cue before it in its clause (after any
// colon), else the cue of the words that introduce a list ("... đề ra
// những chỉ tiêu: a; b; c", a target cue there outweighing "đã" of the
// adoption), else the last cue of the earlier clauses, else the
// paragraph's, else a result.
func (e *extractor) kindAt(s, c span, ft int) model.Kind {
	t := &e.t
	colon := -1
	for k := ft - 1; k >= s.s; k-- {
		if t.punct(k) == ':' {
			colon = k
			break
		}
	}
	if k, ok := e.cue(max(c.s, colon+1), ft); ok {
		return k
	}
	if colon >= 0 {
		if e.hasTarget(s.s, colon) {
			return model.Target
		}
		if k, ok := e.cue(s.s, colon); ok {
			return k
		}
	} else if k, ok := e.cue(s.s, c.s); ok {
		return k
	}
	if e.stKind != "" {
		return e.stKind
	}
	return model.Actual
}

// hasTarget reports whether tokens [a, b) hold a target cue.
func (e *extractor) hasTarget(a, b int) bool {
	for i := max(a, 0); i < b && i < len(e.cues); i++ {
		if e.cueOf(i) == cueTarget {
			return true
		}
	}
	return false
}

// yearIn is the rightmost "năm YYYY" in tokens [a, b), not a term
// ("nhiệm kỳ 2020-2025") nor a date.
func (e *extractor) yearIn(a, b int) int {
	t := &e.t
	for i := b - 1; i >= a; i-- {
		if g := t.figAt(i); g != nil && g.isYear() && !g.rng && (t.word(i-1) == "nam" || t.word(i-1) == "trong") && !e.comparison(i) {
			return int(g.val)
		}
	}
	return 0
}

// comparison reports whether the year at token i is a base of comparison:
// "so với (cùng kỳ) năm 2022".
func (e *extractor) comparison(i int) bool {
	for k := i - 2; k >= 0 && k >= i-5; k-- {
		if e.t.word(k) == "so" {
			return true
		}
		if e.t.toks[k].k != tWord {
			break
		}
	}
	return false
}

// yearAt is the year the figure at token ft belongs to: stated in its
// clause or sentence before it, else the paragraph's, else (for a result
// over a whole year) the report's year.
func (e *extractor) yearAt(s, c span, ft int, kind model.Kind, period string) int {
	if y := e.yearIn(c.s, ft); y != 0 {
		return y
	}
	if y := e.yearIn(s.s, c.s); y != 0 {
		return y
	}
	if e.stYear != 0 && (kind == e.stYearKind || e.stYearKind == "") && e.stYearAge <= 3 {
		return e.stYear
	}
	if kind == model.Actual && !strings.Contains(model.Fold(period), "nhiem ky") && !strings.Contains(period, "năm qua") {
		return e.reportYear()
	}
	return 0
}

// periodIn finds words in tokens [a, b) that say a figure covers less or
// more than a year: "9 tháng đầu năm", "6 tháng", "quý III", "nửa đầu
// nhiệm kỳ", "nhiệm kỳ 2015-2020", "5 năm qua".
func (e *extractor) periodIn(a, b int) string {
	t := &e.t
	res := ""
	for i := a; i < b; i++ {
		// cheap test first: only these words start a period
		switch t.word(i) {
		case "thang", "nua", "giua", "quy", "nhiem":
		case "":
			if t.figAt(i) == nil {
				continue
			}
		default:
			continue
		}
		ps, pe := -1, -1
		if g := t.figAt(i); g != nil && g.plainCount() && g.val >= 1 && g.val <= 12 && t.word(i+1) == "thang" {
			ps, pe = i, i+2
			if t.is(pe, "dau", "nam") || t.is(pe, "cuoi", "nam") {
				pe += 2
				if y := t.figAt(pe); y != nil && y.isYear() {
					pe++
				}
			} else if t.word(pe) == "nam" {
				if y := t.figAt(pe + 1); y != nil && y.isYear() {
					pe += 2
				}
			}
		} else if g != nil && g.plainCount() && g.val >= 2 && g.val <= 10 && t.is(i+1, "nam", "qua") {
			ps, pe = i, i+3
		} else if g := t.figAt(i + 1); t.word(i) == "thang" && g != nil && g.plainCount() && g.val >= 1 && g.val <= 12 && t.word(i-1) != "ngay" {
			ps, pe = i, i+2 // "tháng 1": a month's figure
		} else if t.is(i, "nua", "dau", "nhiem", "ky") {
			ps, pe = i, i+4
		} else if t.is(i, "giua", "nhiem", "ky") {
			ps, pe = i, i+3
		} else if t.word(i) == "quy" && t.origIs(i, "quý") && t.toks[i].e+1 < int32(len(t.f)) {
			if w := t.word(i + 1); w == "i" || w == "ii" || w == "iii" || w == "iv" || t.figAt(i+1) != nil {
				ps, pe = i, i+2
			}
		} else if t.is(i, "nhiem", "ky") && (t.word(i-1) == "trong" || t.word(i-1) == "ca") {
			k := i + 2
			if t.punct(k) == '(' {
				k++
			}
			if g1, g2 := t.figAt(k), t.figAt(k+1); g1 != nil && g2 != nil && g1.rng && g1.isYear() {
				ps, pe = i, k+2
				if t.punct(pe) == ')' && t.punct(k-1) == '(' {
					pe++
				}
			}
		}
		if ps >= 0 && pe <= len(t.toks) {
			s, en := t.byteSpan(span{ps, pe})
			res = t.orig[s:en]
			i = pe - 1
		}
	}
	return res
}

// periodAt is the period of the figure at token ft of kind kind; a period
// named in an earlier sentence holds for figures of the same kind.
func (e *extractor) periodAt(s, c span, ft int, kind model.Kind) string {
	if p := e.periodIn(c.s, ft); p != "" {
		return p
	}
	if p := e.periodIn(s.s, c.s); p != "" {
		return p
	}
	if kind != e.stPeriodKind {
		return ""
	}
	return e.stPeriod
}

// levelAt reads an administrative level word at token i ("phường", "thị
// trấn", "TP") and returns it and the token after it.
func (e *extractor) levelAt(i int) (model.Level, int) {
	t := &e.t
	switch t.word(i) {
	case "phuong":
		if t.origIs(i, "phường") {
			return model.Ward, i + 1
		}
	case "xa":
		if t.origIs(i, "xã") {
			return model.Commune, i + 1
		}
	case "thi":
		if t.origIs(i, "thị") {
			if t.origIs(i+1, "trấn") {
				return model.Townlet, i + 2
			}
			if t.origIs(i+1, "xã") {
				return model.Town, i + 2
			}
		}
	case "quan":
		if t.origIs(i, "quận") {
			return model.UrbanDist, i + 1
		}
	case "huyen":
		if t.origIs(i, "huyện") {
			return model.RuralDist, i + 1
		}
	case "thanh":
		if t.origIs(i, "thành") && t.origIs(i+1, "phố") {
			return model.City, i + 2
		}
	case "tp":
		if t.origWord(i) == "TP" || t.origWord(i) == "Tp" {
			return model.City, i + 1
		}
	case "tinh":
		if t.origIs(i, "tỉnh") {
			return model.Province, i + 1
		}
	}
	return "", i
}

// nameAt reads a unit's name at token i: capitalised words or a number
// ("Hoàng Văn Thụ", "5"); it returns the folded words' span end, or i.
func (e *extractor) nameAt(i int) int {
	t := &e.t
	if t.punct(i) == '.' && t.word(i-1) == "tp" {
		i++ // "TP. Hồ Chí Minh"
	}
	k := i
	for ; k < len(t.toks) && k < i+5; k++ {
		if g := t.figAt(k); g != nil && k == i && g.plainCount() {
			k++
			break
		}
		if t.toks[k].k != tWord || !t.upper(k) {
			break
		}
		if k == i {
			switch t.word(k) {
			case "uy", "doan", "doi", "hoi", "ban", "ubnd", "hdnd":
				return i
			}
		}
	}
	return k
}

// isOwn reports whether the name in tokens [a, b) is the report's unit.
func (e *extractor) isOwn(a, b int) bool {
	t := &e.t
	if len(e.unitName) == 0 || b-a < 1 {
		return false
	}
	n := min(b-a, len(e.unitName))
	for k := 0; k < n; k++ {
		if t.word(a+k) != e.unitName[k] && (t.figAt(a+k) == nil || t.f[t.toks[a+k].s:t.toks[a+k].e] != e.unitName[k]) {
			return false
		}
	}
	return true
}

// foreign reports whether the words before a figure (tokens r) make it
// another unit's figure or a part's: they name another unit and not the
// report's own ("thành phố Hà Nội", "huyện Thanh Miện" in a commune's
// report), a larger unit as a whole ("của thành phố", "toàn tỉnh"), a part
// of the unit ("thôn Đông", "tổ dân phố 5", "trường THCS ...", "chi bộ Khu
// phố 3") or each of many ("mỗi chi bộ").
func (e *extractor) foreign(r span) bool {
	t := &e.t
	other := false
	for i := max(r.s, 0); i < r.e && i < len(t.toks); i++ {
		if lv, nx := e.levelAt(i); lv != "" {
			if end := e.nameAt(nx); end > nx {
				if t.word(end) == "giao" {
					continue // "kế hoạch UBND thành phố Hà Nội giao": who set the plan
				}
				if e.isOwn(nx, end) || (t.figAt(nx) != nil && len(e.unitName) > 0 && e.isOwn(nx, end)) {
					return false
				}
				if len(e.unitName) > 0 {
					other = true
				}
				i = end - 1
				continue
			}
			// "của thành phố", "toàn tỉnh": a larger unit as a whole
			if (t.origIs(i-1, "của") || t.origIs(i-1, "toàn")) && e.unitLevel != "" && lv.Rank() > e.unitLevel.Rank() {
				other = true
			}
			continue
		}
		w := t.word(i)
		switch w {
		case "ca", "toan":
			// "cả nước", "toàn quốc": the whole country
			if t.word(i+1) == "nuoc" && t.origIs(i+1, "nước") || t.word(i+1) == "quoc" && t.origIs(i+1, "quốc") {
				other = true
			}
		case "thon", "ap", "xom", "lang", "buon", "ban", "soc":
			if w == "ban" && !t.origIs(i, "bản") || w == "ap" && !t.origIs(i, "ấp") || w == "lang" && !t.origIs(i, "làng") {
				continue
			}
			if nx := i + 1; t.figAt(nx) != nil || (t.toks[min(nx, len(t.toks)-1)].k == tWord && t.upper(nx) && nx < len(t.toks)) {
				return true
			}
		case "to", "khu", "khoi":
			if t.is(i, "to", "dan", "pho") || t.is(i, "khu", "pho") || t.is(i, "khoi", "pho") || t.is(i, "khu", "dan", "cu") {
				nx := i + 2
				if w == "to" || t.is(i, "khu", "dan", "cu") {
					nx = i + 3
				}
				if t.figAt(nx) != nil || (nx < len(t.toks) && t.toks[nx].k == tWord && t.upper(nx)) {
					return true
				}
			}
		case "truong":
			if t.origIs(i, "trường") && i+1 < len(t.toks) && t.toks[i+1].k == tWord && t.upper(i+1) {
				return true
			}
		case "chi":
			if t.is(i, "chi", "bo") && (t.upper(i+2) && t.toks[min(i+2, len(t.toks)-1)].k == tWord && i+2 < len(t.toks) || e.qualifiedCell(i+2)) {
				return true
			}
		case "moi":
			if t.origIs(i, "mỗi") {
				switch t.word(i + 1) {
				case "nam", "thang", "quy", "ky", "nhiem":
				default:
					return true
				}
			}
		}
	}
	return other
}

// notOwn reports whether the figure at token ft, in the segment of
// sentence s that starts at token seg, is another unit's or a part's: by
// the words before it in its segment (see foreign), or, when the segment
// opens with a verb and so has no subject of its own ("Chi bộ tổ dân phố
// số 5 có 38 đảng viên, kết nạp 3 đảng viên mới"), by the subject of the
// segment it continues.
func (e *extractor) notOwn(s span, seg, ft int) bool {
	return e.foreign(span{seg, ft}) || e.subjectForeign(s, seg)
}

// subjectForeign reports whether the segment of sentence s that starts at
// token seg opens with a verb and continues one whose subject names
// another unit or a part (see foreign). A segment that only names a unit
// ("Đảng bộ xã A, huyện B, kết nạp ...") stands beside the subject before
// it.
func (e *extractor) subjectForeign(s span, seg int) bool {
	t := &e.t
	k := seg
	if !e.opensWithVerb(k) {
		return false
	}
	for k > s.s {
		if p := t.punct(k - 1); p != ',' && p != ';' {
			return false
		}
		ps := k - 1
		for ps > s.s && t.punct(ps-1) != ',' && t.punct(ps-1) != ';' {
			ps--
		}
		if !e.opensWithVerb(ps) {
			if lv, nx := e.levelAt(ps); lv != "" && e.nameAt(nx) == k-1 && nx < k-1 {
				k = ps // a unit named beside the subject
				continue
			}
			end := ps
			for end < k-1 && !subjectStop[t.word(end)] {
				end++
			}
			return e.foreign(span{ps, end})
		}
		k = ps
	}
	return false
}

// subjectStop are the verbs that end a segment's subject.
var subjectStop = map[string]bool{
	"co": true, "ket": true, "dat": true, "thu": true, "voi": true, "gom": true, "tang": true,
	"giam": true, "vuot": true, "hoan": true, "chiem": true, "la": true, "duoc": true, "da": true,
}

// opensWithVerb reports whether the segment at token k opens with a verb
// of having, admitting or reaching ("có", "kết nạp", "đạt", "thu", "với",
// "gồm"), time words and "đã" aside.
func (e *extractor) opensWithVerb(k int) bool {
	t := &e.t
	for {
		switch {
		case t.is(k, "trong", "nam"), t.is(k, "nam", "nay"), t.is(k, "nam", "qua"):
			k += 2
			continue
		case t.word(k) == "da" && t.origIs(k, "đã"), t.word(k) == "cung", t.word(k) == "deu":
			k++
			continue
		}
		break
	}
	switch t.word(k) {
	case "co", "dat", "thu", "voi", "gom", "tang", "giam", "vuot", "chiem":
		return true
	case "ket":
		return t.word(k+1) == "nap"
	case "hoan":
		return t.word(k+1) == "thanh"
	}
	return false
}

// qualifiedCell reports whether the word at k makes "chi bộ" one cell of a
// part: "chi bộ thôn", "chi bộ tổ dân phố", "chi bộ trường".
func (e *extractor) qualifiedCell(k int) bool {
	switch e.t.word(k) {
	case "thon", "ap", "to", "khu", "khoi", "lang", "xom", "truong", "tdp", "kp", "co":
		if e.t.word(k) == "co" {
			return e.t.is(k, "co", "quan")
		}
		return true
	}
	return false
}

// reportYear is the year whose results the report gives: the year of the
// meeting (or of publication), less one when a meeting in January or
// February reviews the year before; failing dates, the year the text names
// most often.
func reportYear(a *model.Article) int {
	d := a.EventDate
	if d.IsZero() {
		d = a.Published
	}
	if !d.IsZero() {
		y := d.Year()
		if int(d.T.Month()) <= 2 && mentionsYear(a, y-1) {
			return y - 1
		}
		return y
	}
	var counts [201]int
	add := func(s string, w int) {
		for i := 0; i+4 <= len(s); i++ {
			if !isDigit(s[i]) || (i > 0 && (isAlnum(s[i-1]) || s[i-1] == '/' || s[i-1] == '-' || s[i-1] == '.')) {
				continue
			}
			if i+4 < len(s) && (isAlnum(s[i+4]) || s[i+4] == '/' || s[i+4] == '-') {
				continue
			}
			if !isDigit(s[i+1]) || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
				continue
			}
			y := int(s[i]-'0')*1000 + int(s[i+1]-'0')*100 + int(s[i+2]-'0')*10 + int(s[i+3]-'0')
			// a term "2020 - 2025" counts for neither end
			if j := i - 1; j >= 2 && s[j] == ' ' && s[j-1] == '-' {
				continue
			}
			if j := i + 4; j+2 < len(s) && s[j] == ' ' && s[j+1] == '-' {
				continue
			}
			if y >= 1900 && y <= 2100 {
				counts[y-1900] += w
			}
		}
	}
	add(a.Title, 2)
	for _, p := range a.Body {
		add(p, 1)
	}
	best, bestN := 0, 0
	for i, n := range counts {
		if n > 0 && n >= bestN {
			best, bestN = 1900+i, n
		}
	}
	return best
}

// mentionsYear reports whether the title or body names year y.
func mentionsYear(a *model.Article, y int) bool {
	if y < 1000 || y > 9999 {
		return false
	}
	ys := string([]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10)})
	if strings.Contains(a.Title, ys) {
		return true
	}
	for _, p := range a.Body {
		if strings.Contains(p, ys) {
			return true
		}
	}
	return false
}
