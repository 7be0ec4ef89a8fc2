package export

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/baocao/baocao/model"
)

func TestWrite(t *testing.T) {
	arts := []model.Article{
		{ID: "a", Title: `Tiêu đề, "trích" <b>`, Unit: &model.Unit{Level: model.Ward, Name: "Tây Sơn"},
			Metrics: []model.Metric{
				{Key: model.BudgetRevenue, Kind: model.Actual, Value: 124857000000, Of: math.NaN(), Measure: model.VND, PlanPct: 398.44, Year: 2023, Evidence: "Thu ngân sách nhà nước 124.857 triệu đồng đạt 398,44% kế hoạch,\nrồi"},
				{Key: model.PoorHouseholdRate, Kind: model.Target, Value: 0.07, Of: math.NaN(), Measure: model.Percent, PlanPct: math.NaN(), Evidence: "x"},
			}},
		{ID: "b"},
	}
	var buf bytes.Buffer
	if err := Write(&buf, "csv", arts); err != nil {
		t.Fatal(err)
	}
	want := "article_id,title,unit,key,kind,value,measure,plan_pct,year,evidence\n" +
		"a,\"Tiêu đề, \"\"trích\"\" <b>\",phường Tây Sơn,budget_revenue,actual,124857000000,VND,398.44,2023,\"Thu ngân sách nhà nước 124.857 triệu đồng đạt 398,44% kế hoạch,\nrồi\"\n" +
		"a,\"Tiêu đề, \"\"trích\"\" <b>\",phường Tây Sơn,poor_household_rate,target,0.07,percent,,,x\n"
	if buf.String() != want {
		t.Errorf("csv:\n%s\nwant\n%s", buf.String(), want)
	}
	for format, want := range map[string]string{"json": "[]\n", "jsonl": "", "csv": strings.Join(CSVHeader, ",") + "\n"} {
		buf.Reset()
		if err := Write(&buf, format, nil); err != nil || buf.String() != want {
			t.Errorf("%s of nothing = %q, %v; want %q", format, buf.String(), err, want)
		}
	}
	buf.Reset()
	if err := Write(&buf, "json", arts); err != nil {
		t.Fatal(err)
	}
	var back []model.Article
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || len(back) != 2 || back[0].Title != arts[0].Title || back[0].Metrics[0].Value != 124857000000 {
		t.Errorf("json does not read back: %v\n%s", err, buf.String())
	}
	if !strings.Contains(buf.String(), "<b>") {
		t.Errorf("json escapes HTML: %s", buf.String())
	}
	if err := Write(&buf, "xml", arts); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestJSONLKeepsHTMLCharacters(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "jsonl", []model.Article{{ID: "a", Title: "A & <b>"}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"title":"A & <b>"`) {
		t.Errorf("jsonl escapes HTML characters: %s", buf.String())
	}
}

// TestBatches: articles rendered in batches, whose buffers are used again,
// come out as Write writes them one by one, in every format.
func TestBatches(t *testing.T) {
	var arts []model.Article
	for i := range 7 {
		a := model.Article{ID: strings.Repeat("x", i+1), Title: strings.Repeat("Tây Sơn ", 40*i), Body: []string{"ạ"}}
		if i%2 == 0 {
			a.Metrics = []model.Metric{{Key: model.BudgetRevenue, Kind: model.Actual, Value: float64(i), Of: math.NaN(), PlanPct: math.NaN(), Evidence: a.Title}}
		}
		arts = append(arts, a)
	}
	for _, format := range Formats {
		var want, got bytes.Buffer
		if err := Write(&want, format, arts); err != nil {
			t.Fatal(err)
		}
		enc, err := NewEncoder(&got, format)
		if err != nil {
			t.Fatal(err)
		}
		for _, part := range [][]model.Article{arts[:3], nil, arts[3:4], arts[4:]} {
			bt, err := RenderBatch(format, part)
			if err != nil {
				t.Fatal(err)
			}
			if bt.Len() != len(part) {
				t.Errorf("%s: a batch of %d articles holds %d records", format, len(part), bt.Len())
			}
			if err := enc.WriteBatch(bt); err != nil {
				t.Fatal(err)
			}
		}
		if err := enc.Close(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s in batches:\n%s\nwant\n%s", format, got.String(), want.String())
		}
	}
}
