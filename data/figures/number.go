package figures

import (
	"math"

	"github.com/baocao/baocao/model"
)

// Amount is one figure as a Vietnamese text writes it: a number with its
// unit and hedge words, read into base units.
type Amount struct {
	// Value is the figure in base units: đồng for money ("21, 72 tỷ đồng" is
	// 21720000000), a percentage as a number of percent ("0,07%" is 0.07),
	// otherwise the number itself ("07" is 7), times any multiplier word.
	Value float64
	// Of is the denominator of a ratio ("11/11" has Value 11, Of 11); NaN
	// when the figure is not a ratio.
	Of float64
	// Measure is model.Percent after "%", model.VND after a currency word
	// ("đồng", "đ", "VNĐ") or after a multiplier (nghìn/ngàn, triệu, tỷ/tỉ)
	// that no other noun follows, else model.Count.
	Measure model.Measure
	// Approx is the hedge: model.Estimate for "ước đạt", "ước thực hiện",
	// "ước tính"; model.AtLeast for "trên", "hơn", "ít nhất", "tối thiểu",
	// "... trở lên"; model.AtMost for "dưới", "không quá", "tối đa",
	// "... trở xuống"; model.NoApprox otherwise.
	Approx model.Approx
	// Start and End are the byte offsets of the figure's own words (number
	// and unit, without the hedge) in the string parsed.
	Start, End int
}

// ParseAmount reads one figure written the Vietnamese way, with its hedge
// and unit words: "124.857" (the dot groups thousands), "106,4%" (the comma
// is the decimal mark), "21, 72 tỷ" (a stray space after the comma),
// "ước đạt 8,1 tỷ đồng", "trên 30 tỷ", "từ 7.000 đồng trở xuống", "11/11".
//
// A lone dot or comma before exactly three digits groups thousands with a
// dot ("1.500" is 1500) and marks decimals with a comma ("2,500" is 2.5, the
// Vietnamese reading); a dot before other than three digits is a decimal
// point ("1.5" is 1.5). Where both marks occur the last one is the decimal
// mark ("1.234,5", "1,234.5").
//
// It reports false when s holds no figure, more than one, a range
// ("10-12%"), a code or date ("35/2023/UBTVQH15", "08/12/2023"), or words
// other than hedge and unit words.
func ParseAmount(s string) (Amount, bool) {
	var t text
	t.prepare(s)
	idx := -1
	for i, tk := range t.toks {
		switch tk.k {
		case tFig:
			if idx >= 0 {
				return Amount{}, false
			}
			idx = i
		case tWord:
			if !hedgeWords[t.word(i)] {
				return Amount{}, false
			}
		case tPunct:
			switch t.f[tk.s] {
			case '.', ',', ';', ':', '(', ')', '"', '\'', '!', '?':
			default:
				return Amount{}, false
			}
		}
	}
	if idx < 0 {
		return Amount{}, false
	}
	g := t.figAt(idx)
	if g.rng || g.attached {
		return Amount{}, false
	}
	return Amount{
		Value: g.val, Of: g.of, Measure: g.meas, Approx: t.hedge(idx),
		Start: int(t.off[g.s]), End: int(t.off[g.e]),
	}, true
}

// hedgeWords may stand beside a figure in ParseAmount.
var hedgeWords = map[string]bool{
	"uoc": true, "dat": true, "thuc": true, "hien": true, "tinh": true, "tren": true,
	"hon": true, "duoi": true, "tu": true, "it": true, "nhat": true, "toi": true,
	"thieu": true, "da": true, "khong": true, "qua": true, "gan": true, "khoang": true,
	"tro": true, "len": true, "xuong": true, "la": true, "bang": true, "con": true,
}

// hedge reads the hedge words around the figure at token i: an immediate
// "trên"/"hơn"/"dưới" first, then "trở lên"/"trở xuống" after it, then
// "ít nhất", "tối thiểu", "tối đa", "không quá", then "ước ...".
func (t *text) hedge(i int) model.Approx {
	w1, w2, w3 := t.word(i-1), "", ""
	if w1 != "" {
		if w2 = t.word(i - 2); w2 != "" {
			w3 = t.word(i - 3)
		}
	}
	switch {
	case w1 == "tren" || w1 == "hon":
		return model.AtLeast
	case w1 == "duoi":
		return model.AtMost
	case t.is(i+1, "tro", "len"):
		return model.AtLeast
	case t.is(i+1, "tro", "xuong"):
		return model.AtMost
	case w2 == "it" && w1 == "nhat", w2 == "toi" && w1 == "thieu":
		return model.AtLeast
	case w2 == "toi" && w1 == "da", w2 == "khong" && w1 == "qua":
		return model.AtMost
	case w1 == "uoc" || w2 == "uoc" || w3 == "uoc":
		return model.Estimate
	}
	return model.NoApprox
}

// fig is a figure found in text.f.
type fig struct {
	s, e     int // folded span: the number and its unit words
	val, of  float64
	meas     model.Measure
	scale    float64 // the multiplier word's factor, 1 without one
	money    bool
	ratio    bool // a/b
	rng      bool // one end of a range: "10-12%", "2020 - 2025"
	attached bool // letters glued to the number ("14,11ha") or per mille
	digits   int  // number of digits before any separator: "2023" is 4
	integer  bool // no decimal part
}

// isYear reports whether g is a bare year such as 2023.
func (g *fig) isYear() bool {
	return g.meas == model.Count && !g.ratio && g.integer && g.digits == 4 && g.scale == 1 &&
		!g.attached && g.val >= 1900 && g.val <= 2100
}

// plainCount reports whether g is a whole number without unit, ratio or range.
func (g *fig) plainCount() bool {
	return g.meas == model.Count && !g.ratio && !g.rng && !g.attached && g.integer && g.scale == 1
}

// readNumber reads digits with '.' and ',' marks from f[i]; it returns the
// end, the value, the digits before the first mark and whether the value is
// whole. ok is false for an absurdly long run.
func readNumber(f string, i int) (end int, val float64, lead int, integer bool, ok bool) {
	end, mant, frac, lead, ok := readDigits(f, i)
	return end, mant / math.Pow10(frac), lead, frac == 0, ok
}

// readDigits is readNumber's work: the digits as a whole number mant and
// the count of decimals frac (2,76 is 276 and 2).
func readDigits(f string, i int) (end int, mant float64, frac int, lead int, ok bool) {
	j := i
	type group struct{ s, e int }
	var gs [8]group
	var seps [8]byte
	ng, ns := 0, 0
	for {
		k := j
		for k < len(f) && isDigit(f[k]) {
			k++
		}
		if ng < len(gs) {
			gs[ng] = group{j, k}
		}
		ng++
		j = k
		if j+1 < len(f) && (f[j] == '.' || f[j] == ',') && isDigit(f[j+1]) {
			if ns < len(seps) {
				seps[ns] = f[j]
			}
			ns++
			j++
			continue
		}
		break
	}
	if ng > len(gs) || j-i > 40 {
		return j, 0, 0, 0, false
	}
	lead = gs[0].e - gs[0].s
	// which mark is decimal?
	dec := -1 // index of the decimal separator
	if ns > 0 {
		hasDot, hasComma := false, false
		for k := 0; k < ns; k++ {
			if seps[k] == '.' {
				hasDot = true
			} else {
				hasComma = true
			}
		}
		threes := true
		for k := 1; k < ng; k++ {
			if gs[k].e-gs[k].s != 3 {
				threes = false
			}
		}
		switch {
		case hasDot && hasComma:
			dec = ns - 1
		case hasDot:
			if !threes && ns == 1 {
				dec = 0
			}
		default: // commas only
			if ns == 1 || !threes {
				dec = 0
				if ns > 1 {
					dec = -1 // irregular: read as grouped digits
				}
			}
		}
	}
	decimals := false
	for k := 0; k < ng; k++ {
		for p := gs[k].s; p < gs[k].e; p++ {
			mant = mant*10 + float64(f[p]-'0')
			if decimals {
				frac++
			}
		}
		if k == dec {
			decimals = true
		}
	}
	return j, mant, frac, lead, true
}

// exact is mant / 10^frac × scale, computed so that a whole result is
// whole: 21,72 tỷ is exactly 21720000000.
func exact(mant float64, frac int, scale float64) float64 {
	p := math.Pow10(frac)
	if scale >= p {
		return mant * (scale / p)
	}
	return mant * scale / p
}

// multiplier reads a multiplier word at f[i:] ("nghìn", "ngàn", "triệu",
// "tỷ", "tỉ", "nghìn tỷ"), returning its factor and end.
func multiplier(f string, i int) (float64, int) {
	w, e := wordAt(f, i)
	switch w {
	case "nghin", "ngan":
		if w2, e2 := wordAt(f, skipSpace(f, e)); w2 == "ty" || w2 == "ti" {
			return 1e12, e2
		}
		if w2, _ := wordAt(f, skipSpace(f, e)); w2 == "sach" || w2 == "hang" || w2 == "quy" {
			return 0, i // ngân sách, ngân hàng, ngân quỹ
		}
		return 1e3, e
	case "trieu":
		return 1e6, e
	case "ty", "ti":
		return 1e9, e
	}
	return 0, i
}

// wordAt is the run of letters at f[i:] and its end.
func wordAt(f string, i int) (string, int) {
	j := i
	for j < len(f) && isLetter(f[j]) {
		j++
	}
	return f[i:j], j
}

func skipSpace(f string, i int) int {
	for i < len(f) && f[i] == ' ' {
		i++
	}
	return i
}

// notMoney are words that make "đồng" after a number something else than
// the currency: "6 đồng chí", "đồng bào", "đồng thời".
var notMoney = map[string]bool{
	"chi": true, "bao": true, "nghiep": true, "thoi": true, "y": true, "hanh": true,
	"doi": true, "chu": true, "loat": true, "bo": true, "long": true, "thuan": true,
	"ruong": true, "ho": true, "vang": true, "dieu": true, "nat": true, "tam": true,
	"minh": true, "khoi": true, "bang": true, "cam": true,
}

// moneyNext are words that may follow a bare multiplier ("30 tỷ đạt ...")
// without making it a count of something ("3,5 triệu người").
var moneyNext = map[string]bool{
	"dat": true, "bang": true, "vuot": true, "tang": true, "giam": true, "so": true,
	"tro": true, "va": true, "nam": true, "trong": true, "tu": true, "den": true,
	"la": true, "con": true, "chiem": true, "cho": true, "tren": true, "hon": true,
	"duoi": true, "voi": true, "nhung": true, "thi": true, "gom": true, "o": true,
	"tai": true, "nen": true, "de": true, "do": true, "ve": true, "nop": true,
}

// scanFig reads the figure that starts at the digit f[i]. ok is false for a
// code or date ("35/2023/UBTVQH15", "08/12/2023", "392-QĐ/QU"); then g.e is
// its end.
func scanFig(f string, i int) (g fig, ok bool) {
	g = fig{s: i, of: math.NaN(), meas: model.Count, scale: 1}
	j, mant, frac, lead, ok := readDigits(f, i)
	if !ok {
		return fig{s: i, e: j}, false
	}
	g.digits, g.integer = lead, frac == 0
	if dottedDate(f[i:j]) {
		return fig{s: i, e: j}, false // 20.10.2023
	}
	extra := 0.0 // "12 tỷ 350 triệu": the smaller part
	// "21, 72 tỷ": a stray space after a decimal comma
	if j+2 < len(f) && f[j] == ',' && f[j+1] == ' ' && isDigit(f[j+2]) && j-i <= 3 && frac == 0 {
		k := j + 2
		for k < len(f) && isDigit(f[k]) {
			k++
		}
		if k-(j+2) <= 3 && (k == len(f) || !isAlnum(f[k])) {
			u := skipSpace(f, k)
			m, _ := multiplier(f, u)
			if m > 0 || (u < len(f) && f[u] == '%') {
				for p := j + 2; p < k; p++ {
					mant = mant*10 + float64(f[p]-'0')
					frac++
				}
				g.integer = false
				j = k
			}
		}
	}
	// a/b: a ratio, or a date or code when more parts follow
	if j+1 < len(f) && f[j] == '/' && isDigit(f[j+1]) {
		k, of, lead2, _, ok2 := readNumber(f, j+1)
		code := !ok2 ||
			(k < len(f) && f[k] == '/') ||
			(k+1 < len(f) && f[k] == '-' && isAlnum(f[k+1])) ||
			(k < len(f) && isLetter(f[k]) && !unitGlue(f, k)) ||
			(lead2 == 4 && of >= 1900 && of <= 2100)
		if code {
			return fig{s: i, e: codeEnd(f, k)}, false
		}
		g.ratio, g.of = true, of
		j = k
	}
	// 18-NQ/TW, 392-QĐ/QU
	if j+1 < len(f) && f[j] == '-' && isLetter(f[j+1]) {
		return fig{s: i, e: codeEnd(f, j)}, false
	}
	g.e = j
	// the unit
	switch {
	case j < len(f) && isLetter(f[j]):
		// glued: "000đ", "5tỷ", "14,11ha"
		w, e := wordAt(f, j)
		if m, me := multiplier(f, j); m > 0 {
			g.scale, g.e = m, me
			extra = g.compound(f)
			g.readCurrency(f, true)
		} else if w == "d" || w == "dong" || w == "vnd" {
			g.money, g.e = true, e
		} else {
			g.attached = true
			for e < len(f) && isAlnum(f[e]) {
				e++
			}
			g.e = e
		}
	default:
		u := skipSpace(f, j)
		if u < len(f) && f[u] == '%' {
			g.e = u + 1
			if u+1 < len(f) && f[u+1] == '0' {
				g.attached, g.e = true, u+2 // ‰ written %0
			} else {
				g.meas = model.Percent
			}
			break
		}
		if m, me := multiplier(f, u); m > 0 {
			g.scale, g.e = m, me
			extra = g.compound(f)
			g.readCurrency(f, true)
		} else {
			g.readCurrency(f, false)
		}
	}
	if g.money {
		g.meas = model.VND
	}
	g.val = exact(mant, frac, g.scale) + extra
	// one end of a range?
	k := skipSpace(f, g.e)
	if k < len(f) && f[k] == '-' {
		k2 := skipSpace(f, k+1)
		if k2 < len(f) && isDigit(f[k2]) {
			g.rng = true
		}
	}
	return g, true
}

// dottedDate reports whether s is a date written with dots: d.m.yyyy.
func dottedDate(s string) bool {
	parts := 0
	n := 0
	for k := 0; k <= len(s); k++ {
		if k == len(s) || s[k] == '.' {
			parts++
			if parts < 3 && (n < 1 || n > 2) || parts == 3 && n != 4 {
				return false
			}
			n = 0
			continue
		}
		if !isDigit(s[k]) {
			return false
		}
		n++
	}
	return parts == 3
}

// compound reads the smaller part of "12 tỷ 350 triệu (đồng)", "2 triệu
// 500 nghìn" after the multiplier that ends at g.e, and returns its value.
func (g *fig) compound(f string) float64 {
	u := skipSpace(f, g.e)
	k := u
	for k < len(f) && isDigit(f[k]) {
		k++
	}
	if k == u || k-u > 3 || k < len(f) && (f[k] == '.' || f[k] == ',' || f[k] == '/' || isLetter(f[k])) {
		return 0
	}
	m, me := multiplier(f, skipSpace(f, k))
	if m <= 0 || m >= g.scale {
		return 0
	}
	n := 0.0
	for p := u; p < k; p++ {
		n = n*10 + float64(f[p]-'0')
	}
	g.e = me
	return n * m
}

// unitGlue reports whether the letters at f[k:] are a short unit glued to
// a ratio ("455/455ha"), not a code.
func unitGlue(f string, k int) bool {
	w, e := wordAt(f, k)
	return len(w) <= 3 && (e == len(f) || !isDigit(f[e]))
}

// codeEnd is the end of a code or date run from f[k:]: letters, digits,
// '/', '-' and '.' while an alphanumeric follows.
func codeEnd(f string, k int) int {
	for k < len(f) {
		c := f[k]
		if isAlnum(c) {
			k++
			continue
		}
		if (c == '/' || c == '-' || c == '.') && k+1 < len(f) && isAlnum(f[k+1]) {
			k++
			continue
		}
		break
	}
	return k
}

// readCurrency reads "đồng", "đ", "VNĐ" after the number or multiplier at
// g.e. After a multiplier, a following noun other than a currency makes the
// figure a count ("3,5 triệu người").
func (g *fig) readCurrency(f string, scaled bool) {
	u := skipSpace(f, g.e)
	w, e := wordAt(f, u)
	switch w {
	case "dong", "d", "vnd", "dongvn":
		if w == "d" && e < len(f) && f[e] == '/' {
			break // đ/c: đồng chí
		}
		if !scaled && w == "dong" {
			u := skipSpace(f, e)
			nw, ne := wordAt(f, u)
			// "đồng bằng" is a plain, but "... đồng bằng 103% kế
			// hoạch" the currency before a comparison
			if notMoney[nw] {
				if v := skipSpace(f, ne); nw != "bang" || v >= len(f) || !isDigit(f[v]) {
					return
				}
			}
		}
		g.money, g.e = true, e
		return
	case "usd", "do", "euro":
		if scaled {
			g.attached = true // foreign money
		}
		return
	}
	if scaled {
		g.money = w == "" || moneyNext[w]
	}
}
