// Package synth makes a realistic synthetic corpus of report pages, in
// process and deterministic from a seed, for benchmarks and tests at scale.
//
// Each page is composed from templates: page chrome (menus, weather widgets,
// visitor counters, date and view lines in their many forms, bylines, share
// lines, "Tin khác"), a headline about a unit of one of the eight levels, a
// lead with the meeting's date, paragraphs of results and targets in every
// number form the real pages use (124.857 triệu đồng, 21, 72 tỷ, 106,4%, 11/11
// chỉ tiêu), figures that only look like metrics (resolution numbers, terms,
// average income, other funds, a sub-unit's figures), captions and filler, about
// 5 KB a page on average. Names of units and people are drawn from syllable
// lists, so pages differ; none is a copy of a real page.
//
// Each Doc carries what its text states (Want), so parsers can be measured on
// it as well as timed.
package synth

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/baocao/baocao/data"
	"github.com/baocao/baocao/model"
)

// Doc is one synthetic page.
type Doc struct {
	ID   string
	Text string
	Want Want
}

// Want is what a Doc's text states, as the record would hold it.
type Want struct {
	Title     string
	Unit      model.Unit
	Published model.When
	EventDate model.When
	Views     int // -1 when the page shows no counter
	Byline    string
	// Metrics are the figures about Unit, each once, with Evidence the
	// sentence that states it; Para and offsets are not set.
	Metrics []model.Metric
}

// Generate returns n pages made from seed. The i-th page depends only on
// seed and i, so Generate(seed, m) starts with Generate(seed, n) for m > n.
func Generate(seed int64, n int) []Doc {
	docs := make([]Doc, n)
	workers := min(runtime.GOMAXPROCS(0), max(n/64, 1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				docs[i] = Page(seed, i)
			}
		}()
	}
	wg.Wait()
	return docs
}

// Texts is Generate as loader input.
func Texts(seed int64, n int) []data.Text {
	docs := Generate(seed, n)
	texts := make([]data.Text, n)
	for i, d := range docs {
		texts[i] = data.Text{ID: d.ID, Path: d.ID + ".txt", Text: d.Text}
	}
	return texts
}

// Corpus returns n pages made from seed, understood by the loader's pipeline
// (data.FromTexts), in order.
func Corpus(seed int64, n int) []model.Article {
	arts, _ := data.FromTexts(context.Background(), Texts(seed, n), data.Options{})
	return arts
}

// gen builds one page.
type gen struct {
	r    *rand.Rand
	b    strings.Builder
	want Want
	year int
	unit model.Unit
	// self is how the text names the unit after the first time ("phường").
	self string
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }
func (g *gen) chance(p float64) bool     { return g.r.Float64() < p }
func (g *gen) between(lo, hi int) int    { return lo + g.r.IntN(hi-lo+1) }

func (g *gen) line(s string) { g.b.WriteString(s); g.b.WriteByte('\n') }
func (g *gen) blank() {
	if g.chance(0.5) {
		g.b.WriteByte('\n')
	}
}

// Page returns the i-th page made from seed, as Generate would.
func Page(seed int64, i int) Doc {
	g := &gen{r: rand.New(rand.NewPCG(uint64(seed), uint64(i)*0x9e3779b97f4a7c15+1))}
	g.b.Grow(6 << 10)
	g.want.Views = -1
	g.year = g.between(2017, 2025)
	g.unit = g.newUnit()
	g.self = string(g.unit.Level)
	g.want.Unit = g.unit

	event := model.Date(g.year, g.between(1, 12), g.between(1, 28))
	if g.chance(0.3) { // year-end reports are held in December or January
		event = model.Date(g.year, 12, g.between(1, 28))
	}
	published := model.DateTime(event.T.Year(), int(event.T.Month()), event.T.Day()+g.between(0, 2), g.between(6, 21), g.between(0, 59), 0)
	g.want.EventDate = event

	g.headerChrome()
	title := g.title()
	g.want.Title = title
	dateFirst := g.chance(0.15)
	if dateFirst {
		g.dateLine(published)
		g.line(title)
	} else {
		g.line(title)
		g.dateLine(published)
	}
	g.want.Published = published
	g.blank()
	g.lead(event)
	g.blank()
	target := g.between(2000, 6400)
	g.attendance()
	g.blank()
	g.results()
	g.blank()
	for g.b.Len() < target*2/3 {
		g.filler()
		g.blank()
		if g.chance(0.3) {
			g.caption()
			g.blank()
		}
	}
	g.lookAlikes()
	g.blank()
	g.targets()
	g.blank()
	for g.b.Len() < target {
		g.filler()
		g.blank()
	}
	g.closing()
	g.footerChrome()
	// A copy of exactly the page's size: the builder's spare capacity would
	// otherwise stay with the text, a fifth more memory than the corpus.
	return Doc{ID: fmt.Sprintf("synth-%06d", i), Text: strings.Clone(g.b.String()), Want: g.want}
}

var (
	syllables = strings.Fields(`Hoàng Văn Thụ Tây Sơn Quang Trung Trần Phú Hai Bà Trưng Phan Đình Phùng Đồng Tân Thịnh Gia Sàng
		Túc Duyên Cam Giá Xá Lập Thành Hương Quyết Thắng Đán Tích Lương Lê Lợi Nguyễn Trãi Minh Khai Bạch Đằng Thanh Xuân
		Long Biên Đông Anh Phổ Yên Sông Công Đại Từ Định Hóa Võ Nhai Bình Hỷ Yên Kim Ninh Hòa Ranh An Hải Phúc Lộc Thọ
		Vĩnh Hưng Cẩm Mỹ Quảng Điền Hiệp Nghĩa Lạc Thủy Hồng Hà Châu Giang Sa Pa Lâm Đức Nam Bắc Trung Chính Nghĩa Đô`)
	provinces = strings.Fields(`Thái_Nguyên Bắc_Giang Lạng_Sơn Cao_Bằng Hà_Giang Tuyên_Quang Phú_Thọ Vĩnh_Phúc Bắc_Ninh Hải_Dương
		Hưng_Yên Thái_Bình Nam_Định Ninh_Bình Thanh_Hóa Nghệ_An Hà_Tĩnh Quảng_Bình Quảng_Trị Khánh_Hòa Lâm_Đồng Đồng_Nai
		Bình_Dương Long_An Tiền_Giang Bến_Tre An_Giang Kiên_Giang Cà_Mau Sóc_Trăng`)
	cities = strings.Fields(`Hà_Nội Hải_Phòng Đà_Nẵng Cần_Thơ Hồ_Chí_Minh`)
	// Real names, most units are drawn from: a reader's corpus names real
	// places. The rest are made of syllables, as units a gazetteer lacks.
	realNames = map[model.Level][]string{
		model.Ward: strings.Fields(`Hoàng_Văn_Thụ Quang_Trung Trần_Phú Phan_Đình_Phùng Đồng_Quang Tân_Thịnh Gia_Sàng
			Túc_Duyên Cam_Giá Phú_Xá Trung_Thành Hương_Sơn Thịnh_Đán Tân_Lập Tích_Lương Trưng_Vương Bến_Nghé
			Bến_Thành Đa_Kao Tân_Định Cầu_Kho Phạm_Ngũ_Lão Hàng_Bạc Hàng_Bồ Hàng_Buồm Hàng_Đào Hàng_Gai
			Tràng_Tiền Cửa_Nam Phúc_Tân Đồng_Xuân Quán_Thánh Trúc_Bạch Ngọc_Hà Kim_Mã Giảng_Võ Thành_Công
			Đội_Cấn Cống_Vị Liễu_Giai Nghĩa_Đô Dịch_Vọng Quan_Hoa Yên_Hòa Trung_Hòa Mai_Dịch Khương_Trung
			Bách_Khoa Minh_Khai Vĩnh_Tuy Bạch_Đằng Lê_Đại_Hành Đống_Mác Thanh_Nhàn Phố_Huế Đồng_Nhân`),
		model.Commune: strings.Fields(`Phúc_Xuân Phúc_Trìu Tân_Cương Cao_Ngạn Sơn_Cẩm Linh_Sơn Huống_Thượng
			Phúc_Hà Thịnh_Đức Bình_Sơn Yên_Viên Đông_Hội Mai_Lâm Kim_Chung Hải_Bối Vân_Nội Nguyên_Khê Uy_Nỗ
			Xuân_Nộn Cổ_Loa Bát_Tràng Kim_Lan Đa_Tốn Dương_Xá Phù_Đổng Minh_Phú Hiền_Ninh Phù_Linh`),
		model.Townlet: strings.Fields(`Đông_Anh Sóc_Sơn Chúc_Sơn Phùng Trạm_Trôi Quang_Minh Chi_Đông Hùng_Sơn
			Đu Chợ_Chu Đình_Cả Giang_Tiên Trại_Cau Hương_Canh`),
		model.UrbanDist: strings.Fields(`Hai_Bà_Trưng Hoàn_Kiếm Ba_Đình Đống_Đa Cầu_Giấy Thanh_Xuân Hoàng_Mai
			Long_Biên Tây_Hồ Bắc_Từ_Liêm Nam_Từ_Liêm Hà_Đông Ngô_Quyền Lê_Chân Hải_Châu Thanh_Khê Ninh_Kiều`),
		model.RuralDist: strings.Fields(`Đông_Anh Sóc_Sơn Gia_Lâm Thanh_Trì Mê_Linh Đại_Từ Định_Hóa Võ_Nhai
			Phú_Bình Đồng_Hỷ Phú_Lương Ba_Vì Chương_Mỹ Quốc_Oai Thạch_Thất Đan_Phượng`),
		model.Town: strings.Fields(`Quảng_Yên Đông_Triều Kinh_Môn Việt_Yên Hoàng_Mai Kỳ_Anh Ba_Đồn
			Hương_Thủy Điện_Bàn Ninh_Hòa Buôn_Hồ Sơn_Tây`),
		model.City: strings.Fields(`Thái_Nguyên Sông_Công Bắc_Giang Lạng_Sơn Tuyên_Quang Việt_Trì Vĩnh_Yên
			Bắc_Ninh Hải_Dương Hưng_Yên Thái_Bình Nam_Định Ninh_Bình Thanh_Hóa Vinh Hà_Tĩnh Đồng_Hới Nha_Trang
			Đà_Lạt Biên_Hòa Thủ_Dầu_Một Tân_An Mỹ_Tho Cà_Mau Phổ_Yên`),
	}
	surnames   = strings.Fields("Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Mai Trịnh")
	middles    = strings.Fields("Văn Thị Đình Quang Minh Duy Hữu Thanh Ngọc Đức Thu Hồng Xuân Anh")
	givens     = strings.Fields("Nam Bình Phong Chiến Tuấn Hương Lan Hùng Dũng Thảo Hà Vân Phương Sơn Long Hải Trung Thắng Hoa Linh Khánh Quân")
	levelWeigh = []model.Level{model.Ward, model.Ward, model.Ward, model.Commune, model.Commune, model.Commune, model.Townlet,
		model.UrbanDist, model.RuralDist, model.RuralDist, model.Town, model.City, model.Province}
)

func under(s string) string { return strings.ReplaceAll(s, "_", " ") }

func (g *gen) name() string {
	n := g.pick(syllables) + " " + g.pick(syllables)
	if g.chance(0.2) {
		n += " " + g.pick(syllables)
	}
	return n
}

func (g *gen) person() string {
	return g.pick(surnames) + " " + g.pick(middles) + " " + g.pick(givens)
}

func (g *gen) newUnit() model.Unit {
	lv := levelWeigh[g.r.IntN(len(levelWeigh))]
	u := model.Unit{Level: lv, Name: g.name()}
	if names := realNames[lv]; len(names) > 0 && g.chance(0.75) {
		u.Name = under(g.pick(names))
	}
	switch lv {
	case model.Ward, model.Commune, model.Townlet:
		if g.chance(0.6) {
			if lv == model.Ward {
				u.Parent = g.pick([]string{"thành phố ", "thị xã ", "quận "})
			} else {
				u.Parent = g.pick([]string{"huyện ", "thị xã ", "thành phố "})
			}
			u.Parent += under(g.pick(realNames[model.City]))
		}
	case model.UrbanDist, model.RuralDist, model.Town, model.City:
		if g.chance(0.6) {
			if lv == model.UrbanDist {
				u.Parent = "thành phố " + under(g.pick(cities))
			} else {
				u.Parent = "tỉnh " + under(g.pick(provinces))
			}
		}
	case model.Province:
		u.Name = under(g.pick(provinces))
	}
	return u
}

// committee is the party body of the unit: "Đảng ủy phường X", "Huyện ủy X".
func (g *gen) committee() string {
	switch g.unit.Level {
	case model.RuralDist:
		return "Huyện ủy " + g.unit.Name
	case model.UrbanDist:
		return "Quận ủy " + g.unit.Name
	case model.Town:
		return "Thị ủy " + g.unit.Name
	case model.City:
		return "Thành ủy " + g.unit.Name
	case model.Province:
		return "Tỉnh ủy " + g.unit.Name
	}
	return g.pick([]string{"Đảng ủy ", "Đảng uỷ ", "Đảng bộ "}) + g.unit.String()
}

func (g *gen) headerChrome() {
	if g.chance(0.5) {
		menu := []string{"Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Hoạt động của xã phường", "Văn bản chỉ đạo",
			"Thủ tục hành chính", "Liên hệ", "Sơ đồ cổng", "Hỏi đáp", "Tuyên truyền phổ biến pháp luật"}
		for _, m := range menu[:g.between(3, len(menu))] {
			g.line(m)
		}
		g.blank()
	}
	if g.chance(0.3) {
		g.line("thời tiết các vùng")
		g.b.WriteByte('\n')
		for _, c := range []string{"Hà Nội", "Đà Nẵng", "TP Hồ Chí Minh"} {
			if g.chance(0.5) {
				g.line(fmt.Sprintf("%s %d°C %s", c, g.between(12, 36), g.pick([]string{"Nhiều mây", "Có mưa", "Nắng", "Trời quang"})))
			} else {
				g.line(c)
			}
		}
		g.b.WriteByte('\n')
	}
	if g.chance(0.5) {
		g.line(g.pick([]string{"Hoạt động từ các đơn vị", "Tin hoạt động", "Xây dựng Đảng", "Hoạt động của xã phường", "Tin tức - Sự kiện"}))
		g.blank()
	}
}

func (g *gen) title() string {
	u, y := g.unit, g.year
	forms := []string{
		fmt.Sprintf("Đảng bộ %s: Hoàn thành xuất sắc các nhiệm vụ chính trị năm %d", u, y),
		fmt.Sprintf("%s tổng kết công tác xây dựng Đảng năm %d, triển khai nhiệm vụ năm %d", u.Name, y, y+1),
		fmt.Sprintf("%s sơ kết giữa nhiệm kỳ Đại hội Đảng bộ %s lần thứ %s nhiệm kỳ 2020 - 2025", u.Name, u.Level, roman(g.between(3, 26))),
		fmt.Sprintf("Hội nghị BCH %s lần thứ %d, khóa %s (mở rộng), nhiệm kỳ 2020- 2025", capital(u.String()), g.between(2, 30), roman(g.between(5, 25))),
		fmt.Sprintf("Đảng bộ, chính quyền và Nhân dân %s quyết tâm thực hiện thắng lợi nhiệm vụ năm %d", u, y+1),
		fmt.Sprintf("HĐND %s tổ chức kỳ họp thường lệ cuối năm %d", u, y),
	}
	return forms[g.r.IntN(len(forms))]
}

func capital(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func roman(n int) string {
	vals := []int{10, 9, 5, 4, 1}
	syms := []string{"X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

var weekdays = []string{"Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"}

func (g *gen) dateLine(p model.When) {
	t := p.T
	views := g.between(10, 9999)
	var s string
	switch g.r.IntN(7) {
	case 0:
		s = t.Format("2006-01-02 15:04:05") + ".0"
	case 1:
		s = fmt.Sprintf("Ngày đăng %s | %s  | View count: %d", t.Format("02/01/2006"), t.Format("15:04"), views)
		g.want.Views = views
	case 2:
		s = fmt.Sprintf("Ngày đăng %s | %s  | Lượt xem: %d", t.Format("02/01/2006"), t.Format("15:04"), views)
		g.want.Views = views
	case 3:
		s = fmt.Sprintf("%s %s %d lượt xem", t.Format("02/01/2006"), t.Format("15:04"), views)
		g.want.Views = views
	case 4:
		s = fmt.Sprintf("%s, %s %s", weekdays[t.Weekday()], t.Format("02/01/2006"), t.Format("15:04"))
	case 5:
		s = fmt.Sprintf("Cập nhật lúc %s ngày %d tháng %d năm %d", t.Format("15:04"), t.Day(), int(t.Month()), t.Year())
	default:
		s = t.Format("2006-01-02T15:04:05")
	}
	g.line(s)
}

func (g *gen) lead(e model.When) {
	t := e.T
	var when string
	switch g.r.IntN(5) {
	case 0:
		when = fmt.Sprintf("%s ngày %s", g.pick([]string{"Chiều", "Sáng", "Tối"}), t.Format("02/01/2006"))
	case 1:
		when = fmt.Sprintf("%s %d/%d", g.pick([]string{"Chiều", "Sáng"}), t.Day(), int(t.Month()))
	case 2:
		when = fmt.Sprintf("Ngày %d/%d", t.Day(), int(t.Month()))
	case 3:
		when = fmt.Sprintf("Ngày %d tháng %d năm %d", t.Day(), int(t.Month()), t.Year())
	default:
		when = fmt.Sprintf("Chiều ngày %d/%d/%d", t.Day(), int(t.Month()), t.Year())
	}
	what := g.pick([]string{
		fmt.Sprintf("tổ chức Hội nghị tổng kết công tác lãnh đạo thực hiện nhiệm vụ chính trị năm %d, triển khai nhiệm vụ năm %d", g.year, g.year+1),
		fmt.Sprintf("tổ chức hội nghị tổng kết công tác xây dựng Đảng, chính quyền năm %d và phát động phong trào thi đua năm %d", g.year, g.year+1),
		"tổ chức sơ kết công tác giữa nhiệm kỳ Đại hội Đảng bộ nhiệm kỳ 2020-2025",
		"đã tổ chức hội nghị nhằm đánh giá kết quả thực hiện nhiệm vụ 9 tháng và đề ra phương hướng nhiệm vụ 3 tháng cuối năm",
	})
	who := g.committee()
	if g.unit.Parent != "" { // the text says where the unit lies
		who += ", " + g.unit.Parent + ","
	}
	g.line(fmt.Sprintf("%s, %s %s.", when, who, what))
}

func (g *gen) attendance() {
	g.line(fmt.Sprintf("Dự hội nghị có đồng chí %s, %s; đồng chí %s, %s; các đồng chí lãnh đạo các ban, ngành, đoàn thể, Bí thư chi bộ, Tổ trưởng tổ dân phố và các tập thể, cá nhân được khen thưởng.",
		g.person(), g.pick([]string{"Ủy viên Ban Thường vụ Thành ủy, Phó Chủ tịch Thường trực UBND thành phố", "Thành ủy viên, Bí thư Đảng ủy", "Phó Bí thư Thường trực Huyện ủy", "Trưởng Ban Tuyên giáo Tỉnh ủy"}),
		g.person(), g.pick([]string{"Bí thư Đảng ủy", "Chủ tịch UBND", "Phó Chủ tịch HĐND", "Chủ tịch Ủy ban MTTQ Việt Nam"})+" "+g.self))
	if g.chance(0.5) {
		g.caption()
	}
}

func (g *gen) caption() {
	g.line(g.pick([]string{"Quang cảnh hội nghị.", "Toàn cảnh hội nghị", "Các tập thể được khen thưởng",
		fmt.Sprintf("Đồng chí %s phát biểu tại hội nghị.", g.person()),
		fmt.Sprintf("Đồng chí %s, Bí thư Đảng ủy trao giấy khen cho các tập thể và cá nhân có thành tích xuất sắc năm %d.", g.person(), g.year)}))
}

// Numbers in the forms pages print them.

// grouped is n with dots between thousands: 124857 → "124.857".
func grouped(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// decimal is v with a decimal comma and at most d decimals: 106.4 → "106,4".
func decimal(v float64, d int) string {
	s := strconv.FormatFloat(v, 'f', d, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return strings.Replace(s, ".", ",", 1)
}

// money returns a sum of roughly lo..hi tỷ đồng as text and its value in đồng.
func (g *gen) money(loTy, hiTy float64) (string, float64) {
	ty := loTy + g.r.Float64()*(hiTy-loTy)
	switch g.r.IntN(6) {
	case 0, 1: // 21,72 tỷ đồng (with the typo "21, 72" now and then)
		c := int64(math.Round(ty * 100))
		s := decimal(float64(c)/100, 2)
		if g.chance(0.2) && strings.Contains(s, ",") {
			s = strings.Replace(s, ",", ", ", 1)
		}
		return s + " " + g.pick([]string{"tỷ", "tỷ", "tỉ"}) + " đồng", float64(c) * 1e7
	case 2, 3: // 124.857 triệu đồng
		m := int64(math.Round(ty * 1000))
		return grouped(m) + " triệu đồng", float64(m) * 1e6
	case 4: // 3.450.000.000 đồng
		m := int64(math.Round(ty*1000)) * 1e6
		return grouped(m) + " đồng", float64(m)
	default: // 850.000 nghìn đồng
		k := int64(math.Round(ty * 1e6))
		return grouped(k) + " " + g.pick([]string{"nghìn", "ngàn"}) + " đồng", float64(k) * 1e3
	}
}

// pct returns a percentage with d decimals as text and value.
func (g *gen) pct(lo, hi float64, d int) (string, float64) {
	p := math.Round((lo+g.r.Float64()*(hi-lo))*math.Pow10(d)) / math.Pow10(d)
	sep := ""
	if g.chance(0.1) {
		sep = " "
	}
	return decimal(p, d) + sep + "%", p
}

func (g *gen) metric(k model.Key, kind model.Kind, v float64, evidence string) *model.Metric {
	m := model.Metric{Key: k, Kind: kind, Value: v, Measure: model.MeasureOf(k), Of: math.NaN(), PlanPct: math.NaN(),
		Year: g.year, Evidence: evidence, Para: -1}
	if kind == model.Target {
		m.Year = g.year + 1
	}
	g.want.Metrics = append(g.want.Metrics, m)
	return &g.want.Metrics[len(g.want.Metrics)-1]
}

// sentences joins the sentences of one paragraph.
func (g *gen) paragraph(ss []string) {
	g.r.Shuffle(len(ss), func(i, j int) { ss[i], ss[j] = ss[j], ss[i] })
	g.line(strings.Join(ss, " "))
}

func (g *gen) results() {
	var ss []string
	y := g.year
	// budget revenue
	if g.chance(0.85) {
		text, v := g.money(2, 900)
		p, pv := g.pct(85, 400, 1)
		var s string
		var ap model.Approx
		switch g.r.IntN(4) {
		case 0:
			s, ap = fmt.Sprintf("Thu ngân sách ước đạt %s bằng %s kế hoạch "+g.pick([]string{"thành phố", "huyện", "cấp trên"})+" giao.", text, p), model.Estimate
		case 1:
			s = fmt.Sprintf("Thu ngân sách nhà nước %s đạt %s kế hoạch.", text, p)
		case 2:
			s, ap = fmt.Sprintf("Thu ngân sách năm %d đạt %s dự toán, đạt trên %s.", y, p, text), model.AtLeast
		default:
			s = fmt.Sprintf("Tổng thu ngân sách trên địa bàn đạt %s, bằng %s dự toán.", text, p)
		}
		m := g.metric(model.BudgetRevenue, model.Actual, v, s)
		m.Approx, m.PlanPct = ap, pv
		ss = append(ss, s)
	}
	if g.chance(0.6) {
		text, v := g.money(1, 100)
		p, pv := g.pct(90, 950, 2)
		s := g.pick([]string{"Thu ngân sách địa phương ước đạt %s bằng %s kế hoạch.", "Thu ngân sách " + g.self + " được hưởng %s đạt %s kế hoạch."})
		s = fmt.Sprintf(s, text, p)
		m := g.metric(model.BudgetRevenueLocal, model.Actual, v, s)
		m.PlanPct = pv
		if strings.Contains(s, "ước") {
			m.Approx = model.Estimate
		}
		ss = append(ss, s)
	}
	if g.chance(0.7) {
		cells, members := g.between(5, 60), g.between(120, 4000)
		s := fmt.Sprintf("Đảng bộ %s có %d chi bộ trực thuộc, với %s đảng viên.", g.self, cells, grouped(int64(members)))
		g.metric(model.PartyCells, model.Actual, float64(cells), s)
		g.metric(model.PartyMembers, model.Actual, float64(members), s)
		ss = append(ss, s)
	}
	if g.chance(0.7) {
		n := g.between(2, 120)
		ns := strconv.Itoa(n)
		if n < 10 && g.chance(0.5) {
			ns = "0" + ns
		}
		var s string
		pv := math.NaN()
		if g.chance(0.4) {
			var p string
			p, pv = g.pct(80, 200, 0)
			s = fmt.Sprintf("Trong năm, đã kết nạp %s đảng viên mới, đạt %s kế hoạch.", ns, p)
		} else {
			s = fmt.Sprintf("Lãnh đạo hoàn thành các nhiệm vụ về công tác xây dựng Đảng, kết nạp mới %s đảng viên vượt kế hoạch đề ra.", ns)
		}
		g.metric(model.NewPartyMembers, model.Actual, float64(n), s).PlanPct = pv
		ss = append(ss, s)
	}
	if g.chance(0.6) {
		of := g.between(8, 25)
		met := of - g.r.IntN(3)
		s := fmt.Sprintf("%s đã hoàn thành và hoàn thành vượt mức %d/%d chỉ tiêu năm %d đã đề ra.", capital(g.self), met, of, y)
		g.metric(model.TargetsMet, model.Actual, float64(met), s).Of = float64(of)
		ss = append(ss, s)
	}
	if g.chance(0.6) {
		from, _ := g.pct(0.5, 6, 2)
		to, tv := g.pct(0.01, 0.49, 2)
		s := fmt.Sprintf("Tỷ lệ hộ nghèo giảm từ %s xuống còn %s.", from, to)
		g.metric(model.PoorHouseholdRate, model.Actual, tv, s)
		ss = append(ss, s)
	}
	if g.chance(0.5) {
		p, pv := g.pct(85, 99.9, 1)
		s := g.pick([]string{"Tỷ lệ bao phủ BHYT toàn dân đạt %s.", "Tỷ lệ người dân tham gia bảo hiểm y tế đạt %s."})
		s = fmt.Sprintf(s, p)
		g.metric(model.HealthInsuranceCoverage, model.Actual, pv, s)
		ss = append(ss, s)
	}
	if g.chance(0.5) {
		p, pv := g.pct(80, 99, 2)
		s := g.pick([]string{"Tỷ lệ gia đình văn hóa bình quân đạt %s.", "Tỷ lệ hộ gia đình được công nhận danh hiệu \"Gia đình văn hóa\" đạt %s."})
		s = fmt.Sprintf(s, p)
		g.metric(model.CulturalFamilyRate, model.Actual, pv, s)
		ss = append(ss, s)
	}
	ss = append(ss, g.fillerSentences(g.between(1, 4))...)
	half := len(ss) / 2
	g.r.Shuffle(len(ss), func(i, j int) { ss[i], ss[j] = ss[j], ss[i] })
	g.line(strings.Join(ss[:half], " "))
	g.blank()
	g.line(strings.Join(ss[half:], " "))
}

// lookAlikes writes figures that are not the unit's metrics.
func (g *gen) lookAlikes() {
	y := g.year
	income := decimal(float64(g.between(300, 1200))/10, 1) + " triệu đồng"
	funds, _ := g.money(0.1, 0.9)
	other, _ := g.money(500, 20000)
	ss := []string{
		fmt.Sprintf("Tiếp tục triển khai thực hiện Nghị quyết số %d/%d/%s của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính giai đoạn %d - %d.",
			g.between(10, 99), y, g.pick([]string{"UBTVQH15", "NQ-HĐND", "NQ-TU"}), y, y+2),
		fmt.Sprintf("Thu nhập bình quân đầu người đạt %s/người/năm.", income),
		fmt.Sprintf("Thu các loại quỹ do nhân dân đóng góp được trên %s.", funds),
		fmt.Sprintf("Chi bộ tổ dân phố số %d có %d đảng viên, kết nạp %d đảng viên mới.", g.between(1, 20), g.between(15, 90), g.between(1, 4)),
		fmt.Sprintf("Là một trong %d quận, huyện, thị xã có số thu cao; %s thu ngân sách đạt %s.", g.between(10, 30), g.wider(), other),
		fmt.Sprintf("Trường THCS %s có %d/%d lớp đạt chuẩn, tỷ lệ học sinh lên lớp đạt %s.", g.name(), g.between(10, 20), g.between(20, 30), must(g.pct(95, 99.9, 1))),
		fmt.Sprintf("Từ nay đến hết nhiệm kỳ 2020 - 2025, phấn đấu có %d%% đảng viên hoàn thành tốt nhiệm vụ.", g.between(85, 100)),
	}
	g.r.Shuffle(len(ss), func(i, j int) { ss[i], ss[j] = ss[j], ss[i] })
	g.paragraph(ss[:g.between(2, len(ss))])
}

func must(s string, _ float64) string { return s }

// wider names the whole of a unit above the page's own: "toàn thành phố"
// for a ward, "toàn tỉnh" for a district, "cả nước" for a province.
func (g *gen) wider() string {
	switch g.unit.Level {
	case model.Ward, model.Commune, model.Townlet:
		return g.pick([]string{"toàn thành phố", "toàn huyện", "toàn tỉnh"})
	case model.Province:
		return "cả nước"
	}
	return "toàn tỉnh"
}

func (g *gen) targets() {
	var ss []string
	ny := g.year + 1
	ss = append(ss, fmt.Sprintf("Năm %d là năm có ý nghĩa quan trọng đối với việc hoàn thành các mục tiêu của Nghị quyết Đại hội.", ny))
	if g.chance(0.6) {
		text, v := g.money(2, 900)
		s := fmt.Sprintf("Năm %d, phấn đấu thu ngân sách nhà nước đạt %s trở lên.", ny, text)
		g.metric(model.BudgetRevenue, model.Target, v, s).Approx = model.AtLeast
		ss = append(ss, s)
	}
	if g.chance(0.5) {
		p, pv := g.pct(88, 99.5, 1)
		s := fmt.Sprintf("Duy trì tỷ lệ bao phủ BHYT toàn dân đạt %s trở lên.", p)
		g.metric(model.HealthInsuranceCoverage, model.Target, pv, s).Approx = model.AtLeast
		ss = append(ss, s)
	}
	if g.chance(0.4) {
		n := g.between(5, 80)
		s := fmt.Sprintf("Phấn đấu kết nạp %d đảng viên mới trong năm %d.", n, ny)
		g.metric(model.NewPartyMembers, model.Target, float64(n), s)
		ss = append(ss, s)
	}
	if g.chance(0.4) {
		p, pv := g.pct(0.01, 0.5, 2)
		s := fmt.Sprintf("Mục tiêu giảm tỷ lệ hộ nghèo xuống dưới %s.", p)
		g.metric(model.PoorHouseholdRate, model.Target, pv, s).Approx = model.AtMost
		ss = append(ss, s)
	}
	ss = append(ss, g.fillerSentences(g.between(1, 3))...)
	g.line(strings.Join(ss, " "))
}

var filler = []string{
	"Công tác xây dựng, củng cố tổ chức cơ sở đảng và hệ thống chính trị thường xuyên được tăng cường.",
	"Hoạt động của Mặt trận Tổ quốc và các đoàn thể được đẩy mạnh, phát huy hiệu quả.",
	"Năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và chất lượng đội ngũ cán bộ, đảng viên ngày càng được nâng cao.",
	"Thực hiện tốt công tác quản lý nhà nước về đất đai, trật tự xây dựng, mỹ quan đô thị và vệ sinh môi trường.",
	"An ninh chính trị, trật tự an toàn xã hội được giữ vững; quốc phòng, quân sự địa phương được tăng cường.",
	"Các chính sách an sinh xã hội được triển khai kịp thời đến tận tay các đối tượng.",
	"Công tác chăm sóc sức khỏe ban đầu cho nhân dân được thực hiện tốt; chất lượng giáo dục ở các cấp được giữ vững.",
	"Công tác cải cách hành chính tiếp tục được đẩy mạnh, kỷ cương hành chính được chấp hành nghiêm túc.",
	"Đẩy mạnh công tác giải quyết thủ tục hành chính trên môi trường số và dữ liệu số.",
	"Công tác bảo vệ chính trị nội bộ được tập trung lãnh đạo, chỉ đạo, bảo đảm đúng quy trình và nguyên tắc của Đảng.",
	"Tại hội nghị, các đại biểu đã cùng nhau trao đổi, thảo luận nhằm khắc phục những tồn tại, hạn chế.",
	"Bên cạnh những kết quả đạt được, vẫn còn một số hạn chế như công tác giải phóng mặt bằng còn chậm, ý thức chấp hành pháp luật của một bộ phận nhân dân chưa cao.",
	"Tiếp tục đổi mới phương thức lãnh đạo, chỉ đạo của Đảng; phát huy đoàn kết, thực hiện tốt nguyên tắc tập trung dân chủ.",
	"Làm tốt công tác dự báo, nắm bắt tình hình cơ sở, định hướng tư tưởng, hướng dẫn dư luận.",
	"Tăng cường công tác kiểm tra, giám sát chất lượng các công trình, nâng cao chất lượng giáo dục.",
	"Đặc biệt là chăm lo tết cho hộ nghèo, hộ cận nghèo, hộ chính sách và gia đình khó khăn trên địa bàn.",
	"Các phong trào thi đua yêu nước được tổ chức có hiệu quả, thu hút đông đảo các tầng lớp nhân dân tham gia.",
	"Vai trò nêu gương của cán bộ, đảng viên, nhất là cán bộ lãnh đạo, quản lý các cơ quan, đơn vị được phát huy.",
	"Hoàn thành công tác vận động Nhân dân tự nguyện hiến đất, phá dỡ vật kiến trúc để đầu tư xây dựng nâng cấp đường giao thông.",
	"Văn hoá xã hội có nhiều đổi mới, đời sống vật chất, tinh thần của nhân dân ngày càng được nâng cao.",
}

func (g *gen) fillerSentences(n int) []string {
	ss := make([]string, n)
	for i := range ss {
		ss[i] = g.pick(filler)
	}
	return ss
}

func (g *gen) filler() {
	ss := g.fillerSentences(g.between(2, 7))
	if g.chance(0.3) {
		ss = append(ss, fmt.Sprintf("Đồng chí %s đề nghị %s tiếp tục tập trung thực hiện tốt các nhiệm vụ trọng tâm năm %d.", g.person(), g.self, g.year+1))
	}
	g.line(strings.Join(ss, " "))
}

func (g *gen) closing() {
	g.line(fmt.Sprintf("Nhân dịp này, %s đã khen thưởng %d tập thể và %d cá nhân có thành tích xuất sắc trong năm %d./.",
		g.committee(), g.between(2, 20), g.between(3, 40), g.year))
	g.blank()
	slug := strings.Join(strings.FieldsFunc(model.Fold(g.want.Title), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}), "-")
	if len(slug) > 40 {
		slug = slug[:strings.LastIndexByte(slug[:40], '-')+1]
	}
	if g.chance(0.3) {
		g.line(fmt.Sprintf("Xem chi tiết tại đây: https://%s.gov.vn/tin-tuc/%s%d.html", g.pick([]string{"daithainguyen", "thanhuy", "baohanoi", "ubnd"}), slug, g.between(1000, 99999)))
	}
	switch g.r.IntN(4) {
	case 0:
		g.want.Byline = g.person()
	case 1:
		g.want.Byline = strings.ToUpper(g.person())
	case 2:
		g.want.Byline = "Trung tâm Văn hoá và Truyền thông " + g.pick([]string{"thành phố ", "huyện ", "thị xã "}) + g.name()
	default:
		g.want.Byline = "Văn phòng " + g.committee()
	}
	g.line(g.want.Byline)
}

func (g *gen) footerChrome() {
	if g.chance(0.4) {
		g.line(g.pick([]string{"Chia sẻ: Facebook Zalo Twitter", "In bài viết | Gửi email | Lưu bài", "Bình luận (0)"}))
	}
	if g.chance(0.5) {
		g.b.WriteByte('\n')
		g.line("Tin khác")
		for range g.between(2, 5) {
			g.line(fmt.Sprintf("%s tổ chức hội nghị %s (%s)", capital(g.newUnit().String()),
				g.pick([]string{"sơ kết 6 tháng đầu năm", "tổng kết công tác dân vận", "triển khai nhiệm vụ năm mới", "học tập chuyên đề"}),
				model.Date(g.year, g.between(1, 12), g.between(1, 28)).T.Format("02/01/2006")))
		}
	}
	if g.chance(0.4) {
		g.line(fmt.Sprintf("Trực tuyến: %d", g.between(5, 900)))
		g.line(fmt.Sprintf("Hôm nay: %d", g.between(100, 9000)))
		if g.chance(0.5) {
			g.line("Tổng lượt truy cập: " + grouped(int64(g.between(10000, 9000000))))
		}
	}
}
