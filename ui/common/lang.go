package common

import (
	"strings"

	"github.com/baocao/baocao/model"
)

// Lang is the language of the labels: Vietnamese or English.
type Lang string

// The two languages.
const (
	VI Lang = "vi"
	EN Lang = "en"
)

// DetectLang chooses the language: the --lang flag value when given ("vi",
// "en", "vi_VN.UTF-8" ...), else LC_ALL, LC_MESSAGES, LANG from getenv, else
// Vietnamese (the reports are Vietnamese; so are most readers).
func DetectLang(flag string, getenv func(string) string) Lang {
	if l, ok := parseLang(flag); ok {
		return l
	}
	if getenv != nil {
		for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if l, ok := parseLang(getenv(v)); ok {
				return l
			}
		}
	}
	return VI
}

func parseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "" || s == "c" || s == "posix":
		return "", false
	case strings.HasPrefix(s, "vi"):
		return VI, true
	}
	return EN, true
}

// Pick returns vi or en for the language.
func (l Lang) Pick(vi, en string) string {
	if l == EN {
		return en
	}
	return vi
}

// Labels are every word the screen shows, in one language.
type Labels struct {
	AppName string

	// Panes and overlays.
	List, Detail, Summary, Picker, Problems, Help string

	// List and status bar.
	Reports      string // "báo cáo" / "reports"
	NOfM         string // format: "%s / %s báo cáo" / "%s of %s reports"
	NoReports    string
	Filter       string // "Lọc" / "Filter"
	FilterPrompt string
	Sort         string
	SortNames    [4]string // by model.Order: date, unit, title, views
	Ascending    string
	Descending   string
	ProblemCount string // format with a count: "%d lỗi"
	FiguresMark  string // legend of the mark for "figures found"
	Searching    string
	Invalid      string // "không hiểu" / "not understood"
	Units        string // "đơn vị" / "units"
	NoUnit       string // "(không rõ đơn vị)"
	Loading      string
	LoadFailed   string

	// Column headers.
	ColDate, ColUnit, ColTitle, ColViews string

	// Picker.
	PickerTitle    string
	Selected       string // format with a count: "đã chọn %d"
	PickerHint     string
	LevelNames     map[model.Level]string // plural group headings
	NoMatch        string
	ProblemsTitle  string
	ProblemsHint   string
	NoProblems     string
	QueryHelpTitle string
	QueryHelp      [][2]string // qualifier examples and what they mean

	// Article fields (for the detail pane).
	Published, EventDate, Views, Byline, Source, Unit, Parent, Mentions,
	Captions, Metrics, Figures, Abbreviations, Chrome, ProblemsField,
	TitleDerived, Path, ID string

	// Metrics (for detail and summary).
	MetricNames   map[model.Key]string
	Actual        string
	Target        string
	PlanPct       string // "đạt %s kế hoạch" / "%s of plan"
	Estimate      string
	AtLeast       string
	AtMost        string
	Year          string
	Period        string
	Evidence      string
	History       string
	NoFigures     string
	EmptyCell     string
	SummaryTitle  string
	ReportsColumn string

	// Key help.
	KeyQuit, KeyHelp, KeyNextPane, KeyPrevPane, KeyList, KeyDetail, KeySummary,
	KeyUnits, KeyProblems, KeyFilter, KeyClear, KeyOpen, KeyUp, KeyDown, KeyLeft, KeyRight,
	KeyPageUp, KeyPageDown, KeyHalfUp, KeyHalfDown, KeyTop, KeyBottom, KeySort,
	KeyReverse, KeyToggle, KeyApply, KeyCancel, KeyNext, KeyPrev, KeyBack, KeyClearAll string
	KeyPanes string // 1 2 3 together
	// Phrase notes that the list holds the reports whose headline has the
	// typed words as a phrase.
	Phrase string
}

// LabelsFor returns the label table of a language.
func LabelsFor(l Lang) *Labels {
	if l == EN {
		return &enLabels
	}
	return &viLabels
}

var viLabels = Labels{
	AppName: "baocao",
	List:    "Danh sách", Detail: "Chi tiết", Summary: "Tổng hợp", Picker: "Chọn đơn vị",
	Problems: "Lỗi khi đọc", Help: "Trợ giúp",
	Reports: "báo cáo", NOfM: "%s / %s báo cáo", NoReports: "Không có báo cáo nào khớp",
	Filter: "Lọc", FilterPrompt: "/ ", Sort: "Xếp",
	SortNames: [4]string{"ngày", "đơn vị", "tiêu đề", "lượt xem"},
	Ascending: "tăng", Descending: "giảm", ProblemCount: "%d lỗi", FiguresMark: "có số liệu",
	Searching: "đang lọc…", Invalid: "không hiểu", Units: "đơn vị", NoUnit: "(không rõ đơn vị)",
	Loading: "Đang đọc báo cáo…", LoadFailed: "Không đọc được",
	ColDate: "Ngày", ColUnit: "Đơn vị", ColTitle: "Tiêu đề", ColViews: "Lượt xem",
	PickerTitle: "Chọn đơn vị", Selected: "đã chọn %d",
	PickerHint: "gõ để lọc: không cần dấu, chữ đầu cũng được (hvt)",
	LevelNames: map[model.Level]string{
		model.Ward: "Phường", model.Commune: "Xã", model.Townlet: "Thị trấn", model.UrbanDist: "Quận",
		model.RuralDist: "Huyện", model.Town: "Thị xã", model.City: "Thành phố", model.Province: "Tỉnh",
	},
	NoMatch: "Không có đơn vị nào khớp", ProblemsTitle: "Tệp có lỗi khi đọc",
	ProblemsHint: "enter mở báo cáo • esc đóng", NoProblems: "Không có lỗi nào",
	QueryHelpTitle: "Cú pháp lọc",
	QueryHelp: [][2]string{
		{"hoang van thu", "các từ, không cần dấu; cụm ở tiêu đề được ưu tiên"},
		{"unit:tay-son", "tên đơn vị chứa (ward:, - là dấu cách)"},
		{"level:phuong", "cấp: phuong xa tt quan huyen tx tp tinh"},
		{"year:2023", "năm (year:2022,2023)"},
		{"date:2023-01..2023-06", "khoảng ngày (YYYY, YYYY-MM, YYYY-MM-DD)"},
		{"from:2023-01-01 to:…", "từ ngày / đến ngày"},
	},
	Published: "Đăng ngày", EventDate: "Ngày diễn ra", Views: "Lượt xem", Byline: "Tác giả",
	Source: "Nguồn", Unit: "Đơn vị", Parent: "Trực thuộc", Mentions: "Đơn vị được nhắc đến",
	Captions: "Chú thích ảnh", Metrics: "Số liệu", Figures: "Số liệu", Abbreviations: "Chữ viết tắt",
	Chrome: "Phần trang đã lược", ProblemsField: "Lỗi", TitleDerived: "tiêu đề lấy từ câu đầu",
	Path: "Tệp", ID: "Mã",
	MetricNames: map[model.Key]string{
		model.BudgetRevenue:           "Thu ngân sách",
		model.BudgetRevenueLocal:      "Thu NS địa phương",
		model.PartyMembers:            "Đảng viên",
		model.NewPartyMembers:         "Kết nạp đảng viên",
		model.PartyCells:              "Chi bộ",
		model.TargetsMet:              "Chỉ tiêu đạt",
		model.PoorHouseholdRate:       "Tỷ lệ hộ nghèo",
		model.HealthInsuranceCoverage: "Bao phủ BHYT",
		model.CulturalFamilyRate:      "Gia đình văn hoá",
	},
	Actual: "Kết quả", Target: "Mục tiêu", PlanPct: "đạt %s kế hoạch", Estimate: "ước",
	AtLeast: "trên", AtMost: "dưới", Year: "Năm", Period: "Thời kỳ", Evidence: "Câu nguồn",
	History: "Theo năm", NoFigures: "Không tìm thấy số liệu", EmptyCell: "–",
	SummaryTitle: "Tổng hợp số liệu", ReportsColumn: "Số BC",
	KeyQuit: "thoát", KeyHelp: "trợ giúp", KeyNextPane: "khung sau", KeyPrevPane: "khung trước",
	KeyList: "danh sách", KeyDetail: "chi tiết", KeySummary: "tổng hợp", KeyUnits: "chọn đơn vị",
	KeyProblems: "lỗi", KeyFilter: "lọc", KeyClear: "xoá lọc", KeyOpen: "mở", KeyUp: "lên",
	KeyDown: "xuống", KeyLeft: "trái", KeyRight: "phải", KeyPageUp: "trang trước",
	KeyPageDown: "trang sau", KeyHalfUp: "nửa trang lên", KeyHalfDown: "nửa trang xuống",
	KeyTop: "đầu", KeyBottom: "cuối", KeySort: "đổi cách xếp", KeyReverse: "đảo chiều",
	KeyToggle: "chọn/bỏ", KeyApply: "áp dụng", KeyCancel: "huỷ", KeyNext: "tiếp", KeyPrev: "trước",
	KeyBack: "quay lại", KeyClearAll: "bỏ chọn hết", KeyPanes: "chuyển khung",
	Phrase: "cụm từ ở tiêu đề",
}

var enLabels = Labels{
	AppName: "baocao",
	List:    "List", Detail: "Detail", Summary: "Summary", Picker: "Units",
	Problems: "Load problems", Help: "Help",
	Reports: "reports", NOfM: "%s of %s reports", NoReports: "No report matches",
	Filter: "Filter", FilterPrompt: "/ ", Sort: "Sort",
	SortNames: [4]string{"date", "unit", "title", "views"},
	Ascending: "asc", Descending: "desc", ProblemCount: "problems: %d", FiguresMark: "has figures",
	Searching: "filtering…", Invalid: "not understood", Units: "units", NoUnit: "(no unit)",
	Loading: "Reading reports…", LoadFailed: "Could not load",
	ColDate: "Date", ColUnit: "Unit", ColTitle: "Title", ColViews: "Views",
	PickerTitle: "Choose units", Selected: "%d selected",
	PickerHint: "type to filter: accents optional, initials work (hvt)",
	LevelNames: map[model.Level]string{
		model.Ward: "Wards (phường)", model.Commune: "Communes (xã)", model.Townlet: "Townships (thị trấn)",
		model.UrbanDist: "Urban districts (quận)", model.RuralDist: "Districts (huyện)",
		model.Town: "Towns (thị xã)", model.City: "Cities (thành phố)", model.Province: "Provinces (tỉnh)",
	},
	NoMatch: "No unit matches", ProblemsTitle: "Files with load problems",
	ProblemsHint: "enter open report • esc close", NoProblems: "No problems",
	QueryHelpTitle: "Filter syntax",
	QueryHelp: [][2]string{
		{"hoang van thu", "words, accents optional; headline phrase first"},
		{"unit:tay-son", "unit name contains (ward:, - for space)"},
		{"level:phuong", "level: phuong xa tt quan huyen tx tp tinh"},
		{"year:2023", "year (year:2022,2023)"},
		{"date:2023-01..2023-06", "date range (YYYY, YYYY-MM, YYYY-MM-DD)"},
		{"from:2023-01-01 to:…", "from / to a date"},
	},
	Published: "Published", EventDate: "Event date", Views: "Views", Byline: "Byline",
	Source: "Source", Unit: "Unit", Parent: "Part of", Mentions: "Units mentioned",
	Captions: "Captions", Metrics: "Figures", Figures: "Figures", Abbreviations: "Abbreviations",
	Chrome: "Page chrome removed", ProblemsField: "Problems", TitleDerived: "title from lead sentence",
	Path: "File", ID: "ID",
	MetricNames: map[model.Key]string{
		model.BudgetRevenue:           "Budget revenue",
		model.BudgetRevenueLocal:      "Local budget revenue",
		model.PartyMembers:            "Party members",
		model.NewPartyMembers:         "New party members",
		model.PartyCells:              "Party cells",
		model.TargetsMet:              "Targets met",
		model.PoorHouseholdRate:       "Poor households",
		model.HealthInsuranceCoverage: "Health insurance",
		model.CulturalFamilyRate:      "Cultural families",
	},
	Actual: "Result", Target: "Target", PlanPct: "%s of plan", Estimate: "est.",
	AtLeast: "over", AtMost: "under", Year: "Year", Period: "Period", Evidence: "Source sentence",
	History: "By year", NoFigures: "No figures found", EmptyCell: "–",
	SummaryTitle: "Figure summary", ReportsColumn: "Reports",
	KeyQuit: "quit", KeyHelp: "help", KeyNextPane: "next pane", KeyPrevPane: "prev pane",
	KeyList: "list", KeyDetail: "detail", KeySummary: "summary", KeyUnits: "units",
	KeyProblems: "problems", KeyFilter: "filter", KeyClear: "clear filter", KeyOpen: "open", KeyUp: "up",
	KeyDown: "down", KeyLeft: "left", KeyRight: "right", KeyPageUp: "page up",
	KeyPageDown: "page down", KeyHalfUp: "half page up", KeyHalfDown: "half page down",
	KeyTop: "top", KeyBottom: "bottom", KeySort: "cycle sort", KeyReverse: "reverse",
	KeyToggle: "select", KeyApply: "apply", KeyCancel: "cancel", KeyNext: "next", KeyPrev: "previous",
	KeyBack: "back", KeyClearAll: "clear all", KeyPanes: "go to pane",
	Phrase: "phrase in headline",
}

// MetricName is the label of a metric key (the key itself when unknown).
func (l *Labels) MetricName(k model.Key) string {
	if s, ok := l.MetricNames[k]; ok {
		return s
	}
	return string(k)
}

// LevelName is the group heading of a level.
func (l *Labels) LevelName(lv model.Level) string {
	if s, ok := l.LevelNames[lv]; ok {
		return s
	}
	return string(lv)
}

// SortName names a list order.
func (l *Labels) SortName(o model.Order) string {
	if int(o) >= 0 && int(o) < len(l.SortNames) {
		return l.SortNames[o]
	}
	return o.String()
}
