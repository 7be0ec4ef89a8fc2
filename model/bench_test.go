package model

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// syllables are common Vietnamese syllables; benchCorpus strings them into
// ~5 KB articles so that the index sees a realistic vocabulary.
var syllables = strings.Fields(`của và các có được trong cho là với những đã này người
không một để năm đến về theo công tác phát triển kinh tế xã hội đảng bộ phường huyện
thị trấn quận tỉnh thành phố nhân dân ủy ban hội đồng chi thu ngân sách đạt kế hoạch
tỷ triệu đồng viên kết nạp mới tổng kết nhiệm vụ chính trị hoàn thành xuất sắc tốt
lãnh đạo chỉ đạo đoàn thể mặt trận tổ quốc an ninh quốc phòng giáo dục y tế văn hóa
gia đình hộ nghèo cận bảo hiểm bao phủ tỷ lệ phấn đấu mục tiêu chỉ tiêu vượt mức
Hoàng Văn Thụ Tây Sơn Quang Trung Trần Phú Hai Bà Trưng Đống Đa Ba Đình Cầu Giấy
Nguyễn Lê Phạm Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lý Thanh Xuân Hà Đông Long Biên Hoàn Kiếm`)

var levelsForBench = []Level{Ward, Commune, Townlet, UrbanDist, RuralDist, Town}

func benchCorpus(n int) []Article {
	r := rand.New(rand.NewPCG(1, 2))
	arts := make([]Article, n)
	var b strings.Builder
	para := func(words int) string {
		b.Reset()
		for i := range words {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		// a few rare words, as real text has
		fmt.Fprintf(&b, " mã%d.", r.IntN(50000))
		return b.String()
	}
	for i := range arts {
		body := make([]string, 8)
		for j := range body {
			body[j] = para(120)
		}
		name := syllables[r.IntN(len(syllables))] + " " + syllables[r.IntN(len(syllables))]
		arts[i] = Article{
			ID: fmt.Sprint(i), Title: para(12), Body: body,
			Unit:      &Unit{Level: levelsForBench[r.IntN(len(levelsForBench))], Name: strings.ToUpper(name[:1]) + name[1:]},
			EventDate: Date(2015+r.IntN(10), 1+r.IntN(12), 1+r.IntN(28)),
		}
	}
	return arts
}

var (
	benchOnce sync.Once
	bench100k *Corpus
)

func corpus100k(b *testing.B) *Corpus {
	benchOnce.Do(func() { bench100k = New(benchCorpus(100_000)) })
	return bench100k
}

// BenchmarkNew indexes 10,000 articles of ~5 KB.
func BenchmarkNew(b *testing.B) {
	arts := benchCorpus(10_000)
	var bytes int64
	for _, a := range arts {
		for _, p := range a.Body {
			bytes += int64(len(p))
		}
	}
	b.SetBytes(bytes)
	b.ResetTimer()
	for b.Loop() {
		New(arts)
	}
}

// BenchmarkFilterKeystroke types queries one keystroke at a time into a
// 100,000-article corpus, as the list's filter does, and reports the p95
// latency of one keystroke. The prefix and phrase caches are cleared before
// each query, so every keystroke of a new query pays for its own words.
func BenchmarkFilterKeystroke(b *testing.B) {
	c := corpus100k(b)
	queries := []string{"hoang van thu", "thu ngân sách đạt", "ket nap dang vien level:phuong", "tay son year:2020", "xuất sắc unit:quang"}
	var lat []time.Duration
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		for _, q := range queries {
			c.ix.mu.Lock()
			clear(c.ix.cache)
			c.ix.mu.Unlock()
			c.phrases.mu.Lock()
			clear(c.phrases.m)
			c.phrases.mu.Unlock()
			for i := 1; i <= len(q); i++ {
				t := time.Now()
				if _, err := c.Filter(ctx, ParseQuery(q[:i]), ByDate, true); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(t))
			}
		}
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
}

// BenchmarkSummary100k summarises the whole 100,000-article corpus,
// bypassing the shared whole-corpus result.
func BenchmarkSummary100k(b *testing.B) {
	c := corpus100k(b)
	all, _ := c.Filter(context.Background(), Query{}, ByUnit, false)
	b.ResetTimer()
	for b.Loop() {
		c.summary(all.IDs)
	}
}

// BenchmarkBuildHeadlines is the headline index's share of New (built
// beside the word index there), for the articles of BenchmarkNew.
func BenchmarkBuildHeadlines(b *testing.B) {
	arts := benchCorpus(10_000)
	b.ResetTimer()
	for b.Loop() {
		buildHeadlines(arts)
	}
}
