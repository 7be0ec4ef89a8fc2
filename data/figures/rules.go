package figures

import (
	"math"

	"github.com/baocao/baocao/model"
)

// maxWindow is how many tokens a key phrase reaches for its figure.
const maxWindow = 20

// clause runs every rule over clause c of sentence s in paragraph pi.
func (e *extractor) clause(pi int, s, c span, multi bool) {
	t := &e.t
	// every rule but collectedRule needs a key word in the clause (see
	// keyPair): without one, only "thu" before a sum is left to read
	key := false
	for _, tk := range t.toks[c.s:c.e] {
		if tk.key {
			key = true
			break
		}
	}
	if !key && !readAll {
		for i := c.s; i < c.e; i++ {
			if g := t.figAt(i); g != nil && !e.used[i] && !g.ratio && g.meas == model.VND {
				e.collectedRule(pi, s, c, multi, i)
			}
		}
		return
	}
	// key first: the phrase, then the figure
	for i := c.s; i < c.e; i++ {
		if t.toks[i].k != tWord {
			continue
		}
		key, end := e.keyPhrase(i, c)
		if key == "" {
			continue
		}
		var ft int
		switch key {
		case model.BudgetRevenue, model.BudgetRevenueLocal:
			ft = e.window(end, c, key, acceptMoney)
		case model.NewPartyMembers, model.PartyMembers:
			ft = e.countAfterPhrase(end, c)
		default:
			ft = e.window(end, c, key, acceptRate)
		}
		if ft < 0 || e.used[ft] {
			continue
		}
		seg := e.segStart(i, c)
		if e.notOwn(s, seg, ft) {
			continue
		}
		if key == model.HealthInsuranceCoverage && (e.subPopulation(max(seg, i-8), ft) || !e.coverage(max(seg, i-6), i) && !t.is(end, "toan", "dan")) {
			continue
		}
		if e.hypothetical(c.s, ft) {
			continue
		}
		g := t.figAt(ft)
		approx := t.hedge(ft)
		if approx == model.NoApprox && e.hasEstimate(seg, ft) {
			approx = model.Estimate
		}
		plan := e.planPct(end, c, ft)
		e.emit(pi, key, ft, s, c, multi, g.val, math.NaN(), plan, approx)
	}
	// figure first
	for i := c.s; i < c.e; i++ {
		g := t.figAt(i)
		if g == nil || e.used[i] {
			continue
		}
		switch {
		case g.ratio:
			e.ratioRule(pi, s, c, multi, i)
		case g.meas == model.Percent:
			e.culturalBefore(pi, s, c, multi, i)
		case g.meas == model.VND:
			e.collectedRule(pi, s, c, multi, i)
		case g.plainCount():
			e.countRule(pi, s, c, multi, i)
		}
	}
}

// keyPhrase recognises a key phrase at token i and returns its key and the
// token after it.
func (e *extractor) keyPhrase(i int, c span) (model.Key, int) {
	t := &e.t
	switch t.word(i) {
	case "thu":
		n := 0
		switch {
		case t.is(i, "thu", "ngan", "sach"):
			n = 3
		case t.is(i, "thu", "nsnn"), t.is(i, "thu", "ns"):
			n = 2
		case t.is(i, "thu", "nsdp"):
			return model.BudgetRevenueLocal, i + 2
		}
		if n == 0 {
			return "", 0
		}
		// "thu ngân sách địa phương", "thu ngân sách phường được hưởng"
		for k := i + n; k < i+n+4 && k < c.e; k++ {
			if t.is(k, "dia", "phuong") || t.is(k, "duoc", "huong") || t.is(k, "dieu", "tiet") {
				end := k + 2
				return model.BudgetRevenueLocal, end
			}
			if t.word(k) == "huong" && t.origIs(k, "hưởng") {
				return model.BudgetRevenueLocal, k + 1 // "ngân sách xã hưởng"
			}
		}
		return model.BudgetRevenue, i + n
	case "ngan":
		// "ngân sách phường được hưởng 56.791 triệu đồng"
		if t.is(i, "ngan", "sach") && t.word(i-1) != "thu" {
			for k := i + 2; k < i+5 && k < c.e; k++ {
				if t.is(k, "duoc", "huong") {
					return model.BudgetRevenueLocal, k + 2
				}
			}
		}
	case "ho":
		if t.is(i, "ho", "ngheo") {
			return model.PoorHouseholdRate, i + 2
		}
	case "ty":
		if t.is(i, "ty", "le", "ngheo") {
			return model.PoorHouseholdRate, i + 3
		}
	case "bhyt":
		return model.HealthInsuranceCoverage, i + 1
	case "bao":
		if t.is(i, "bao", "hiem", "y", "te") {
			return model.HealthInsuranceCoverage, i + 4
		}
	case "gia":
		if end := e.culturalPhrase(i, c); end > 0 {
			return model.CulturalFamilyRate, end
		}
	case "ket":
		// "kết nạp (được) đảng viên mới: 45"
		if t.is(i, "ket", "nap") {
			k := i + 2
			for t.word(k) == "duoc" || t.word(k) == "moi" || t.word(k) == "them" {
				k++
			}
			if t.is(k, "dang", "vien") {
				return model.NewPartyMembers, k + 2
			}
		}
	case "tong":
		if t.is(i, "tong", "so", "dang", "vien") {
			return model.PartyMembers, i + 4
		}
	case "dang":
		// "số đảng viên mới (được) kết nạp trong năm là 18"
		if t.is(i, "dang", "vien", "moi") {
			k := i + 3
			if t.word(k) == "duoc" {
				k++
			}
			if t.is(k, "ket", "nap") {
				return model.NewPartyMembers, k + 2
			}
		}
	}
	return "", 0
}

// culturalPhrase matches "gia đình văn hóa", "gia đình đạt (tiêu) chuẩn văn
// hóa", "gia đình được công nhận danh hiệu "Gia đình văn hóa"" at token i
// and returns the token after it, or 0. "gia đình văn hóa tiêu biểu" (a
// further title) is not the rate.
func (e *extractor) culturalPhrase(i int, c span) int {
	t := &e.t
	if !t.is(i, "gia", "dinh") {
		return 0
	}
	end := 0
	if t.is(i+2, "van", "hoa") {
		end = i + 4
	} else {
		verb := false
		for k := i + 2; k < i+12 && k < c.e; k++ {
			tk := t.toks[k]
			if tk.k == tFig || (tk.k == tPunct && t.f[tk.s] != '"' && t.f[tk.s] != '\'') {
				break
			}
			switch t.word(k) {
			case "dat", "duoc", "danh", "chuan", "nhan":
				verb = true
			}
			if t.is(k, "van", "hoa") {
				if verb {
					end = k + 2
				}
				break
			}
		}
	}
	if end == 0 {
		return 0
	}
	k := end
	for t.punct(k) == '"' || t.punct(k) == '\'' {
		k++
	}
	if t.is(k, "tieu", "bieu") || t.is(k, "kieu", "mau") {
		return 0
	}
	return end
}

// contWords continue a key's window after a comma ("..., đạt trên 12.515 tỷ
// đồng"); any other word after a comma starts a new item.
var contWords = map[string]bool{
	"dat": true, "bang": true, "uoc": true, "tang": true, "giam": true, "vuot": true,
	"tren": true, "hon": true, "gan": true, "khoang": true, "la": true, "voi": true,
	"chiem": true, "con": true, "xuong": true, "so": true, "tu": true, "duoi": true,
}

// stopPhrase reports whether a new item starts at token j: another key
// phrase, or a phrase whose figures are something else (income, turnover,
// spending, funds, the near-poor).
func (e *extractor) stopPhrase(j int, c span, key model.Key) bool {
	t := &e.t
	switch t.word(j) {
	case "thu":
		if t.is(j, "thu", "nhap") || t.is(j, "thu", "ngan", "sach") || t.is(j, "thu", "nsnn") {
			return true
		}
	case "doanh":
		return t.is(j, "doanh", "thu")
	case "chi":
		return t.is(j, "chi", "ngan", "sach") || t.is(j, "chi", "thuong", "xuyen") || t.is(j, "chi", "dau", "tu")
	case "tong":
		return t.is(j, "tong", "chi")
	case "giai":
		return t.is(j, "giai", "ngan")
	case "dau":
		return t.is(j, "dau", "tu")
	case "quy":
		return !t.origIs(j, "quý")
	case "ngan":
		// a second budget named: the figure after it is that budget's
		return t.is(j, "ngan", "sach") && (key == model.BudgetRevenue || key == model.BudgetRevenueLocal)
	case "von", "thue", "phi", "khoan", "nguon", "hut", "phat", "khong":
		return key == model.BudgetRevenue || key == model.BudgetRevenueLocal || key == ""
	case "tu":
		// "thu ngân sách từ thuế/đất/doanh nghiệp": one source only
		if key == model.BudgetRevenue || key == model.BudgetRevenueLocal {
			switch nx := t.word(j + 1); nx {
			case "", "nam", "dau", "thang", "ngay", "nay":
				return false
			}
			return true
		}
	case "tien":
		return true // tiền sử dụng đất, tiền phạt: one source only
	case "can":
		return t.is(j, "can", "ngheo")
	case "ho":
		return key != model.PoorHouseholdRate && t.is(j, "ho", "ngheo") ||
			key != model.CulturalFamilyRate && t.is(j, "ho", "gia", "dinh")
	case "bhyt":
		return key != model.HealthInsuranceCoverage
	case "bao":
		return key != model.HealthInsuranceCoverage && t.is(j, "bao", "hiem")
	case "gia":
		return key != model.CulturalFamilyRate && t.is(j, "gia", "dinh")
	case "ty":
		// a new rate: "tỷ lệ hộ ...", but not "chiếm tỷ lệ cao (đạt 70%)"
		if t.is(j, "ty", "le") {
			switch t.word(j + 2) {
			case "", "cao", "thap", "dat", "la", "tren", "duoi", "hon", "khoang", "gan", "nay", "chung", "tuong", "ngheo":
				return false
			}
			return true
		}
	}
	return false
}

// window scans from token from for the figure that key's phrase states, as
// accept judges each figure: take it, pass over it, or stop.
func (e *extractor) window(from int, c span, key model.Key, accept func(e *extractor, j int) (int, bool)) int {
	t := &e.t
	n := 0
	for j := from; j < c.e && n < maxWindow; j++ {
		n++
		tk := t.toks[j]
		switch tk.k {
		case tPunct:
			switch t.f[tk.s] {
			case ',':
				nx := t.word(j + 1)
				if !contWords[nx] {
					return -1
				}
			case '(', ')', ':', '"', '\'', '-', '|':
			default:
				return -1
			}
		case tWord:
			if e.stopPhrase(j, c, key) {
				return -1
			}
			if key != model.BudgetRevenue && key != model.BudgetRevenueLocal && !rateBridge[t.word(j)] && !t.upper(j) {
				return -1 // "các hộ nghèo ... phải tiêu tốn gần 5% thu nhập"
			}
		case tFig:
			if ft, stop := accept(e, j); ft >= 0 || stop {
				return ft
			}
		}
	}
	return -1
}

// rateBridge are the words that may stand between a rate's subject and its
// figure: verbs of reaching and falling, hedges, time and place, the
// subject's own words ("tỷ lệ hộ nghèo theo tiêu chí đa chiều của xã giảm
// xuống còn 2,1%").
var rateBridge = map[string]bool{
	"giam": true, "tang": true, "con": true, "xuong": true, "len": true, "dat": true,
	"la": true, "chiem": true, "tu": true, "tren": true, "duoi": true, "hon": true,
	"khoang": true, "gan": true, "muc": true, "chi": true, "nam": true, "toan": true,
	"dan": true, "xa": true, "phuong": true, "thi": true, "tran": true, "huyen": true,
	"quan": true, "tinh": true, "thanh": true, "pho": true, "cua": true, "theo": true,
	"tieu": true, "da": true, "chieu": true, "moi": true, "binh": true, "ty": true,
	"le": true, "cao": true, "thap": true, "hien": true, "nay": true, "cuoi": true,
	"dau": true, "den": true, "chung": true, "ca": true, "duoc": true, "dia": true,
	"ban": true, "so": true, "ho": true, "gia": true, "dinh": true, "nguoi": true,
	"tham": true, "bao": true, "phu": true, "the": true, "co": true, "ve": true,
	"o": true, "vao": true, "tai": true, "uoc": true, "giu": true, "vung": true,
	"duy": true, "tri": true, "nang": true, "chuan": true, "van": true, "hoa": true,
	"danh": true, "hieu": true, "cong": true, "nhan": true, "trong": true, "va": true,
	"thang": true, "bq": true, "ngheo": true, "hang": true, "thoi": true, "diem": true,
}

// changeTo finds, after the figure at token j that follows "từ", the
// figure of measure m after "xuống (còn)", "còn" or "lên": the latest one.
func (e *extractor) changeTo(j int, m model.Measure) int {
	t := &e.t
	for q := j + 1; q < j+8 && q < len(t.toks); q++ {
		if p := t.punct(q); p == ';' || p == '.' {
			break
		}
		if w := t.word(q); w == "xuong" || w == "con" || w == "len" {
			r := q + 1
			for t.word(r) == "con" || t.word(r) == "muc" || t.word(r) == "den" || t.word(r) == "tren" || t.word(r) == "hon" {
				r++
			}
			if h := t.figAt(r); h != nil && h.meas == m && !h.rng {
				return r
			}
		}
	}
	return -1
}

// acceptMoney takes the first sum of money in đồng that states the amount,
// not a change ("tăng hơn 193 tỷ đồng"); of "từ 11.160 tỷ đồng lên 41.924
// tỷ đồng" it takes the latest.
func acceptMoney(e *extractor, j int) (int, bool) {
	t := &e.t
	g := t.figAt(j)
	if g.meas == model.VND && !g.rng && !g.ratio && !g.attached {
		k := j - 1
		for t.word(k) == "tren" || t.word(k) == "hon" || t.word(k) == "gan" || t.word(k) == "khoang" {
			k--
		}
		switch t.word(k) {
		case "tang", "giam", "them", "hut", "vuot":
			return -1, true
		case "tu":
			if q := e.changeTo(j, model.VND); q >= 0 {
				return q, false
			}
			return -1, true
		}
		return j, false
	}
	if g.scale > 1 || g.attached {
		return -1, true // "3,5 triệu lượt", "5 tỷ USD": another quantity
	}
	return -1, false
}

// acceptRate takes the first percentage that states a level, not a change
// ("giảm 2,24% so với năm 2015") or a share of plan ("đạt 100% kế hoạch");
// of a change "giảm từ 0,12% xuống còn 0,07%" it takes the latest figure.
func acceptRate(e *extractor, j int) (int, bool) {
	t := &e.t
	g := t.figAt(j)
	if g.meas != model.Percent {
		if g.isYear() || g.plainCount() && t.word(j-1) == "nam" {
			return -1, false
		}
		return -1, g.meas == model.VND
	}
	if g.rng || g.attached {
		return -1, true
	}
	// the word before the figure, hedges aside
	k := j - 1
	for {
		w := t.word(k)
		if w == "tren" || w == "hon" || w == "duoi" || w == "khoang" || w == "gan" || w == "muc" {
			k--
			continue
		}
		break
	}
	prev := t.word(k)
	if prev == "tu" {
		// a change from ... to ...: the figure after "xuống (còn)"/"còn"
		if q := e.changeTo(j, model.Percent); q >= 0 {
			return q, false
		}
		if t.is(j+1, "tro", "len") || t.is(j+1, "tro", "xuong") {
			return j, false // "từ 85% trở lên"
		}
		return -1, true
	}
	if prev == "giam" || prev == "tang" || prev == "quan" && t.word(k-1) == "binh" && (t.word(k-2) == "giam" || t.word(k-2) == "tang") {
		return -1, false // a change, not a level: "giảm 1,5%, còn 2,3%"
	}
	if planNoun(t, j+1) || t.is(j+1, "so", "voi") || t.is(j+1, "so", "cung") || t.word(j+1) == "so" && planNoun(t, j+2) {
		return -1, true
	}
	return j, false
}

// planNoun reports whether a plan noun starts at token j: "kế hoạch",
// "KH", "dự toán", "chỉ tiêu", "nghị quyết", "NQ", "mục tiêu".
func planNoun(t *text, j int) bool {
	switch t.word(j) {
	case "ke":
		return t.is(j, "ke", "hoach")
	case "kh", "nq":
		return true
	case "du":
		return t.is(j, "du", "toan")
	case "chi":
		return t.is(j, "chi", "tieu")
	case "nghi":
		return t.is(j, "nghi", "quyet")
	case "muc":
		return t.is(j, "muc", "tieu")
	}
	return false
}

// planPct finds the share of plan achieved near a figure: a percentage
// after "đạt" or "bằng" that a plan noun or the end of the item follows
// ("đạt 106,4% kế hoạch", "bằng 103% dự toán", "..., đạt 136%").
func (e *extractor) planPct(from int, c span, skip int) float64 {
	t := &e.t
	n := 0
	for j := from; j < c.e && n < maxWindow+6; j++ {
		n++
		tk := t.toks[j]
		switch tk.k {
		case tPunct:
			if t.f[tk.s] == ',' && !contWords[t.word(j+1)] {
				return math.NaN()
			}
		case tWord:
			if j > from && e.stopPhrase(j, c, "") {
				return math.NaN()
			}
		case tFig:
			if j == skip {
				continue
			}
			g := t.figAt(j)
			if g.meas != model.Percent || g.rng {
				continue
			}
			if w := t.word(j - 1); w != "dat" && w != "bang" {
				continue
			}
			nx := j + 1
			if t.is(nx, "so", "voi") {
				nx += 2
			} else if t.word(nx) == "so" {
				nx++
			}
			if planNoun(t, nx) || nx >= c.e || t.toks[nx].k == tPunct {
				return g.val
			}
		}
	}
	return math.NaN()
}

// segStart is the first token of the comma-separated segment of clause c
// that holds token i.
func (e *extractor) segStart(i int, c span) int {
	t := &e.t
	for k := i - 1; k >= c.s; k-- {
		if p := t.punct(k); p == ',' || p == ':' {
			return k + 1
		}
	}
	return c.s
}

// hasEstimate reports whether "ước" (ước đạt, ước thực hiện, ước tính, ước
// thu) stands in tokens [a, b).
func (e *extractor) hasEstimate(a, b int) bool {
	for k := a; k < b; k++ {
		if e.t.word(k) == "uoc" {
			return true
		}
	}
	return false
}

// subPopulation reports whether tokens [a, b) narrow a health-insurance
// rate to a group (pupils, children, the poor).
func (e *extractor) subPopulation(a, b int) bool {
	t := &e.t
	for k := max(a, 0); k < b; k++ {
		switch {
		case t.is(k, "hoc", "sinh"), t.is(k, "sinh", "vien"), t.is(k, "tre", "em"),
			t.is(k, "can", "ngheo"), t.is(k, "ho", "ngheo"), t.is(k, "cao", "tuoi"),
			t.is(k, "co", "cong"), t.is(k, "doanh", "nghiep"), t.is(k, "lao", "dong"):
			return true
		}
	}
	return false
}

// coverage reports whether the words before a health-insurance phrase
// (tokens [a, b)) speak of coverage: "tỷ lệ (người dân) tham gia", "bao
// phủ", "có thẻ"; not "chưa tham gia", "không có thẻ", "mức đóng".
func (e *extractor) coverage(a, b int) bool {
	t := &e.t
	ok := false
	for k := max(a, 0); k < b; k++ {
		switch {
		case t.is(k, "tham", "gia"), t.is(k, "bao", "phu"), t.is(k, "ty", "le"):
			ok = true
		case t.word(k) == "the" && t.word(k-1) == "co":
			ok = true
		case t.word(k) == "chua" || t.word(k) == "khong" || t.is(k, "muc", "dong") || t.word(k) == "ngoai":
			return false
		}
	}
	return ok
}

// hypothetical reports whether tokens [a, b) put a figure under a condition:
// "nếu ... thì".
func (e *extractor) hypothetical(a, b int) bool {
	for k := max(a, 0); k < b; k++ {
		if e.t.word(k) == "neu" && e.t.origIs(k, "nếu") {
			return true
		}
	}
	return false
}

// countAfterPhrase finds the count right after "kết nạp đảng viên mới" or
// "tổng số đảng viên": "..., là 45", ": 312 đồng chí".
func (e *extractor) countAfterPhrase(from int, c span) int {
	t := &e.t
	k := from
	for n := 0; n < 6 && k < c.e; n++ {
		if g := t.figAt(k); g != nil {
			if g.isYear() && t.word(k-1) == "nam" {
				k++
				continue
			}
			if g.plainCount() && g.val >= 1 && !g.isYear() {
				return k
			}
			return -1
		}
		switch t.word(k) {
		case "moi", "la", "dat", "duoc", "hien", "nay", "co", "cua", "toan", "dang", "bo", "tren", "hon", "gan", "trong", "nam":
			k++
			continue
		}
		if t.punct(k) == ':' {
			k++
			continue
		}
		return -1
	}
	return -1
}

// collectedRule: "với kết quả thu 6.279 tỷ đồng, ... mức thu ngân sách cao
// nhất": the verb "thu" right before a sum, in a sentence about the budget.
func (e *extractor) collectedRule(pi int, s, c span, multi bool, i int) {
	t := &e.t
	g := t.figAt(i)
	if g.rng || g.ratio || g.attached {
		return
	}
	k := i - 1
	for {
		switch t.word(k) {
		case "duoc", "ve", "tren", "hon", "gan", "khoang":
			k--
			continue
		}
		break
	}
	if t.word(k) != "thu" {
		return
	}
	switch t.word(k - 1) {
	case "doanh", "tri", "nguon", "tong", "gia", "muc", "hut", "truy", "tan":
		return // turnover, value, a source, a shortfall, arrears
	}
	switch t.word(i + 1) {
	case "thue", "tien", "phi", "tu":
		return // "thu được 42.000 tỷ đồng thuế ...": one source only
	}
	budget := false
	for j := s.s; j < s.e; j++ {
		if t.is(j, "ngan", "sach") && t.word(j-1) != "chi" && t.word(j-1) != "von" {
			budget = true
			break
		}
	}
	if !budget {
		return
	}
	seg := e.segStart(k, c)
	if e.notOwn(s, seg, i) || e.hypothetical(c.s, i) {
		return
	}
	e.emit(pi, model.BudgetRevenue, i, s, c, multi, g.val, math.NaN(), e.planPct(i+1, c, i), t.hedge(i))
}

// culturalBefore: "95% hộ gia đình đạt gia đình văn hóa", "có 90% gia đình
// được công nhận danh hiệu gia đình văn hóa".
func (e *extractor) culturalBefore(pi int, s, c span, multi bool, i int) {
	t := &e.t
	g := t.figAt(i)
	if g.rng || g.attached {
		return
	}
	k := i + 1
	if t.word(k) == "so" {
		k++
	}
	if t.word(k) == "ho" {
		k++
	}
	if !t.is(k, "gia", "dinh") && !(t.word(k-1) == "ho" && (t.word(k) == "dat" || t.word(k) == "duoc")) {
		return
	}
	start := k
	if t.is(k, "gia", "dinh") {
		start = k + 2
	}
	end := 0
	verb := false
	for m := start; m < start+12 && m < c.e; m++ {
		tk := t.toks[m]
		if tk.k == tFig || tk.k == tPunct && t.f[tk.s] != '"' && t.f[tk.s] != '\'' {
			break
		}
		switch t.word(m) {
		case "dat", "duoc", "danh", "chuan", "nhan":
			verb = true
		}
		if t.is(m, "van", "hoa") {
			end = m + 2
			break
		}
	}
	if end == 0 || !verb {
		return
	}
	for t.punct(end) == '"' || t.punct(end) == '\'' {
		end++
	}
	if t.is(end, "tieu", "bieu") || t.is(end, "kieu", "mau") {
		return
	}
	if e.notOwn(s, c.s, i) {
		return
	}
	e.emit(pi, model.CulturalFamilyRate, i, s, c, multi, g.val, math.NaN(), math.NaN(), t.hedge(i))
}

// ratioRule: "hoàn thành và vượt 11/11 chỉ tiêu", "39/42 chỉ tiêu đạt và
// vượt", "hoàn thành và vượt 32/33 nội dung".
func (e *extractor) ratioRule(pi int, s, c span, multi bool, i int) {
	t := &e.t
	g := t.figAt(i)
	if g.rng || g.attached || !g.integer || g.val < 0 || g.of < 1 || g.val > g.of || g.of > 500 {
		return
	}
	k := i + 1
	if t.word(k) == "cac" {
		k++
	}
	if !t.is(k, "chi", "tieu") && !t.is(k, "noi", "dung") && !t.is(k, "muc", "tieu") {
		return
	}
	done := false
	for m := i - 1; m >= c.s && m >= i-6; m-- {
		if e.met(m) {
			done = !e.negated(m)
			break
		}
	}
	for m := k + 2; !done && m < c.e && m < k+10; m++ {
		if t.punct(m) == ',' {
			break
		}
		if e.met(m) {
			done = !e.negated(m)
			break
		}
	}
	if !done || e.notOwn(s, e.segStart(i, c), i) {
		return
	}
	e.emit(pi, model.TargetsMet, i, s, c, multi, g.val, g.of, e.planPct(k+2, c, i), model.NoApprox)
}

// met reports whether a verb of meeting a target stands at token m: "đạt",
// "vượt", "hoàn thành".
func (e *extractor) met(m int) bool {
	w := e.t.word(m)
	return w == "dat" || w == "vuot" || e.t.is(m, "hoan", "thanh")
}

// negated reports whether the verb at token m is denied: "chưa đạt",
// "không hoàn thành".
func (e *extractor) negated(m int) bool {
	w := e.t.word(m - 1)
	return w == "chua" || w == "khong"
}

// sentenceTotals: "trong tổng số 28 chỉ tiêu ... có 18 chỉ tiêu đạt và vượt
// kế hoạch": 18 of 28 targets met.
func (e *extractor) sentenceTotals(pi int, s span) {
	t := &e.t
	total := -1
	for i := s.s; i < s.e; i++ {
		g := t.figAt(i)
		if g == nil || !g.plainCount() || !t.is(i+1, "chi", "tieu") {
			continue
		}
		if total < 0 {
			if t.is(i-2, "tong", "so") {
				total = i
			}
			continue
		}
		if e.used[i] || g.val > t.figAt(total).val {
			continue
		}
		done := false
		for m := i + 3; m < i+7 && m < s.e; m++ {
			if e.met(m) {
				done = !e.negated(m)
				break
			}
		}
		if !done {
			continue
		}
		c := s
		for k := i; k >= s.s; k-- {
			if t.punct(k) == ';' {
				c.s = k + 1
				break
			}
		}
		for k := i; k < s.e; k++ {
			if t.punct(k) == ';' {
				c.e = k
				break
			}
		}
		if e.notOwn(s, e.segStart(i, c), i) {
			return
		}
		e.emit(pi, model.TargetsMet, i, s, c, c != s, g.val, t.figAt(total).val, e.planPct(i+3, c, i), model.NoApprox)
		return
	}
}

// countRule: a count followed by its noun. "kết nạp (mới) 45 đảng viên" is
// new_party_members; "có/với/gồm 312 đảng viên" party_members; "có 14 chi bộ
// (trực thuộc)", "sinh hoạt tại 47 chi bộ" party_cells.
func (e *extractor) countRule(pi int, s, c span, multi bool, i int) {
	t := &e.t
	g := t.figAt(i)
	if g.val < 1 || g.isYear() {
		return
	}
	j := i + 1
	if t.is(j, "dong", "chi") {
		j += 2
	} else if t.word(j) == "d" && t.punct(j+1) == '/' && t.word(j+2) == "c" {
		j += 3
	}
	var noun model.Key
	switch {
	case t.is(j, "dang", "vien"):
		noun = model.PartyMembers
	case t.is(j, "chi", "bo"):
		noun = model.PartyCells
	case t.is(j, "quan", "chung"):
		noun = model.NewPartyMembers
	default:
		return
	}
	after := j + 2
	// "25 quần chúng được kết nạp", "có 12 đảng viên mới được kết nạp"
	admitted := false
	if k := after; noun != model.PartyCells {
		if t.word(k) == "moi" {
			k++
		}
		if t.word(k) == "da" {
			k++
		}
		admitted = t.is(k, "duoc", "ket", "nap")
	}
	// the verb before the figure
	verb := ""
	for k := i - 1; k >= c.s && k >= i-7; k-- {
		if t.punct(k) == '(' {
			continue
		}
		w := t.word(k)
		if w == "" {
			break
		}
		switch w {
		case "hon", "tren", "gan", "khoang", "duoc", "them", "tong", "cong", "la", "hien", "tu", "ca", "toan", "bo":
			continue
		case "moi":
			if t.origIs(k, "mỗi") {
				return
			}
			continue
		case "so":
			if t.word(k-1) == "tong" {
				verb = "co"
				break
			}
			continue
		case "nap":
			if t.word(k-1) == "ket" {
				verb = "ket nap"
			}
		case "trien":
			if t.word(k-1) == "phat" {
				verb = "ket nap"
			}
		case "dang":
			if t.is(k-2, "ket", "nap") {
				verb = "ket nap" // "kết nạp Đảng cho 3 quần chúng"
			}
		case "cho":
			if t.is(k-2, "thay", "mat") {
				verb = "co"
			} else if t.word(k-1) == "dang" && t.is(k-3, "ket", "nap") || t.is(k-2, "ket", "nap") {
				verb = "ket nap" // "kết nạp (Đảng) cho 5 quần chúng"
			}
		case "mat":
			if t.word(k-1) == "thay" {
				verb = "co"
			}
		case "co", "voi", "gom", "ly":
			switch {
			case w == "ly" && t.word(k-1) != "quan":
			case w == "voi" && (t.word(k-1) == "doi" || t.word(k-1) == "so" || t.word(k-1) == "cung"):
				// "kỷ luật đối với 7 đảng viên": not a count the unit has
			default:
				verb = "co"
			}
		case "tai", "o":
			if noun == model.PartyCells {
				verb = "co"
			}
		}
		break
	}
	if verb == "" && e.listedAfterCount(i) {
		verb = "co" // "Đảng bộ có 18 chi bộ, 645 đảng viên"
	}
	if admitted {
		verb = "ket nap"
	}
	if verb == "" {
		return
	}
	key := noun
	switch {
	case verb == "ket nap":
		if noun == model.PartyCells || t.word(i-1) == "le" && t.word(i-2) == "ty" {
			return
		}
		key = model.NewPartyMembers
	case noun == model.NewPartyMembers:
		return
	default:
		// a part of the whole: "trong đó có 02 chi bộ ...", "308 đảng viên
		// chính thức", "chi bộ thôn", "đảng viên được tặng huy hiệu"
		for k := c.s; k < i; k++ {
			if t.is(k, "trong", "do") || t.is(k, "trong", "so") {
				return
			}
		}
		if e.qualified(noun, after) {
			return
		}
	}
	seg := e.segStart(i, c)
	if e.notOwn(s, seg, i) {
		return
	}
	approx := t.hedge(i)
	if t.is(after, "tro", "len") {
		approx = model.AtLeast // "từ 10 đảng viên trở lên"
	}
	e.emit(pi, key, i, s, c, multi, g.val, math.NaN(), e.planPct(after, c, i), approx)
}

// listedAfterCount reports whether the count at token i continues a list
// whose first count the unit has: "có 18 chi bộ (trực thuộc), 645 đảng
// viên", "gồm 14 chi bộ và 556 đảng viên".
func (e *extractor) listedAfterCount(i int) bool {
	t := &e.t
	k := i - 1
	if t.punct(k) != ',' && t.word(k) != "va" {
		return false
	}
	k--
	if t.is(k-1, "truc", "thuoc") {
		k -= 2
	}
	if !t.is(k-1, "chi", "bo") && !t.is(k-1, "dang", "vien") {
		return false
	}
	k -= 2
	return k >= 0 && t.figAt(k) != nil && e.used[k]
}

// qualified reports whether the words after a count's noun narrow it to a
// part: "đảng viên chính thức/dự bị/mới/được .../là ...", "chi bộ thôn/tổ dân
// phố/trường/được đánh giá ...".
func (e *extractor) qualified(noun model.Key, k int) bool {
	t := &e.t
	w := t.word(k)
	if noun == model.PartyMembers {
		switch w {
		case "chinh", "du", "moi", "duoc", "dat", "hoan", "bi", "nhan", "la", "xuat", "vi", "dan", "nu", "tre", "lao", "tuoi", "tieu", "ton":
			return true
		case "da":
			return t.origIs(k, "đã")
		}
		return false
	}
	switch w {
	case "thon", "ap", "to", "khu", "khoi", "lang", "ban", "xom", "truong", "doanh", "duoc", "dat", "hoan", "xep", "moi", "yeu", "trong", "nong", "tdp", "kp", "buon", "soc", "phum":
		return true
	case "co":
		return t.is(k, "co", "quan")
	}
	return w != "" && t.upper(k) && w != "truc"
}
