package model

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestHasPhrase(t *testing.T) {
	for _, tc := range []struct {
		s     string
		words []string
		want  bool
	}{
		{"Đảng bộ phường Hoàng Văn Thụ: Hoàn thành", []string{"hoang", "van", "thu"}, true},
		{"Đảng bộ phường Hoàng Văn Thụ", []string{"hoang", "van", "th"}, true},
		{"Hoàng Bình, Ban Dân vận, Thường trực", []string{"hoang", "van", "thu"}, false},
		{"Thụ Văn Hoàng", []string{"hoang", "van"}, false},
		{"Đồng Hỷ", []string{"dong", "hy"}, true},
		{"Đồng Hỷ", []string{"dong", "hy", "x"}, false},
		{"", []string{"a"}, false},
		{"HOÀNG   VĂN—THỤ", []string{"hoang", "van", "thu"}, true},
	} {
		if got := hasPhrase(tc.s, tc.words); got != tc.want {
			t.Errorf("hasPhrase(%q, %q) = %v", tc.s, tc.words, got)
		}
	}
}

func TestScanPhraseStaysInAField(t *testing.T) {
	s := append(appendWords(nil, "Hội nghị phường Tây"), '\n')
	s = appendWords(s, "phường Sơn Hà")
	if phraseIn(s, []string{"tay", "son"}) {
		t.Error("a phrase matched across the title and the unit")
	}
	if !phraseIn(s, []string{"phuong", "son"}) || !phraseIn(s, []string{"nghi", "phuong", "t"}) {
		t.Error("phrases within a field missed")
	}
}

// phraseCorpus is the sample's case: a report headed Hoàng Văn Thụ, one
// signed Hoàng Bình with "vận" and "thu" in its body, one with the name in
// its body only, and one whose title and unit meet at "Tây | Sơn".
func phraseCorpus() *Corpus {
	return New([]Article{
		{ID: "a", Title: "Đảng bộ phường Hoàng Văn Thụ tổng kết năm 2023", EventDate: Date(2023, 12, 8),
			Body: []string{"Thu ngân sách đạt 21 tỷ đồng."}},
		{ID: "b", Title: "Đảng ủy phường Tây Sơn tổng kết", Byline: "Hoàng Bình", EventDate: Date(2024, 1, 8),
			Body: []string{"Ban Dân vận Thành ủy; thu ngân sách vượt kế hoạch."}},
		{ID: "c", Title: "Hội nghị", EventDate: Date(2022, 5, 1),
			Body: []string{"Đảng viên phường Hoàng Văn Thụ dự hội nghị."}},
		{ID: "d", Title: "Hội nghị phường Tây", Unit: &Unit{Level: Ward, Name: "Sơn Hà"}, EventDate: Date(2021, 5, 1),
			Body: []string{"Tây Sơn."}},
	})
}

func TestFilterPrefersHeadlinePhrase(t *testing.T) {
	c := phraseCorpus()
	for _, tc := range []struct {
		q      string
		want   []string
		phrase bool
	}{
		// The words as a phrase in a headline: only that report, not the
		// one that has them scattered (b) nor the one with the phrase in
		// its body only (c).
		{"hoang van thu", []string{"a"}, true},
		{"Hoàng Văn Thụ", []string{"a"}, true},
		{"hoàng văn th", []string{"a"}, true},
		{"hoang v", []string{"a"}, true},
		// No headline holds them in order: every report with the words.
		{"thu hoang van", []string{"a", "b", "c"}, false},
		{"tong ket", []string{"a", "b"}, true},
		{"hoang binh", []string{"b"}, true}, // the byline is a headline field
		{"phuong son ha", []string{"d"}, true},
		// Title "… Tây", unit "phường Sơn Hà": no phrase across fields, but
		// b's title has it.
		{"tay son", []string{"b"}, true},
		{"tay son unit:son", []string{"d"}, false},
		{"hoang", []string{"a", "b", "c"}, false}, // one word: no phrase rule
		// The phrase holder is filtered out: the others are the answer.
		{"hoang van thu year:2022,2024", []string{"b", "c"}, false},
		{"hoang van thu year:2023", []string{"a"}, true},
		{"zz top", nil, false},
	} {
		r, err := c.Filter(context.Background(), ParseQuery(tc.q), ByDate, false)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(c, r.IDs); !slices.Equal(got, tc.want) || r.Phrase != tc.phrase {
			t.Errorf("%q → %v phrase=%v, want %v phrase=%v", tc.q, got, r.Phrase, tc.want, tc.phrase)
		}
	}
	// The phrase holders keep the order asked for.
	if r, _ := c.Filter(context.Background(), ParseQuery("tong ket"), ByDate, true); !slices.Equal(r.IDs, []int32{1, 0}) {
		t.Errorf("newest first: %v", r.IDs)
	}
}

// refCorpus is testCorpus and phraseCorpus's reports plus 2,000 of
// benchCorpus's (with one paragraph of body each), a third of them signed.
func refCorpus() []Article {
	arts := append(slices.Clone(testCorpus().arts), phraseCorpus().arts...)
	r := rand.New(rand.NewPCG(3, 4))
	for i, a := range benchCorpus(2000) {
		a.Body = a.Body[:1]
		if i%3 == 0 {
			a.Byline = syllables[r.IntN(len(syllables))] + " " + syllables[r.IntN(len(syllables))]
		}
		arts = append(arts, a)
	}
	return arts
}

// refQueries are phrases taken from headlines (whole words and cut
// prefixes), words in the wrong order, and phrases across field ends.
func refQueries(c *Corpus) [][]string {
	var queries [][]string
	for i := 0; i < c.Len(); i += 97 {
		w := strings.Fields(string(refHeadline(c.At(int32(i)))))
		for j := 0; j+2 <= len(w); j += 2 {
			queries = append(queries, []string{w[j], w[j+1]}, []string{w[j], w[j+1][:1]}, []string{w[j+1], w[j]})
			if j+3 <= len(w) {
				queries = append(queries, []string{w[j], w[j+1], w[j+2][:max(1, len(w[j+2])-1)]})
			}
		}
	}
	return append(queries, []string{"hoang", "van", "thu"}, []string{"tay", "son"}, []string{"p", "h"}, []string{"zz", "top"},
		[]string{"t", "s"}, []string{"d", "b"})
}

// The headline index's two ways of finding a phrase agree with a scan of
// each headline, for every article and for a random half.
func TestHeadlinesAgreeWithScan(t *testing.T) {
	c := New(refCorpus())
	all := newBitset(c.Len())
	half := newBitset(c.Len())
	r := rand.New(rand.NewPCG(5, 6))
	for i := range c.Len() {
		all[i>>6] |= 1 << (i & 63)
		if r.IntN(2) == 0 {
			half[i>>6] |= 1 << (i & 63)
		}
	}
	heads := make([][]byte, c.Len())
	for i := range heads {
		heads[i] = refHeadline(c.At(int32(i)))
	}
	ctx := context.Background()
	queries := refQueries(c)
	for _, q := range queries {
		for _, cand := range []bitset{all, half} {
			var want []int32
			for id := range int32(c.Len()) {
				if cand.has(int(id)) && phraseIn(heads[id], q) {
					want = append(want, id)
				}
			}
			rg := c.heads.phraseRanges(q)
			var walk, scan bitset
			if rg != nil {
				walk, _ = c.heads.walk(ctx, rg, cand)
				scan, _ = c.heads.scan(ctx, rg, cand)
			}
			if got := members(walk, c.Len()); !slices.Equal(got, want) {
				t.Fatalf("%q: walk %v, scan of text %v", q, got, want)
			}
			if got := members(scan, c.Len()); !slices.Equal(got, want) {
				t.Fatalf("%q: scan %v, scan of text %v", q, got, want)
			}
		}
	}
	t.Logf("%d queries agree", len(queries))
}

func members(b bitset, n int) []int32 {
	var out []int32
	for i := range n {
		if b != nil && b.has(i) {
			out = append(out, int32(i))
		}
	}
	return out
}

// Filter agrees with a plain scan of every report: the reports with every
// word, narrowed to those with the headline phrase when there are some.
// The queries are typed a keystroke at a time, so the phrase cache answers
// from earlier, shorter queries as it does for a reader.
func TestPhraseAgreesWithScan(t *testing.T) {
	c := New(refCorpus())
	words := make([][]string, c.Len())
	heads := make([][]byte, c.Len())
	for i := range words {
		words[i] = refWords(c.At(int32(i)))
		heads[i] = refHeadline(c.At(int32(i)))
	}
	var typed [][]string
	for i, q := range refQueries(c) {
		if i%5 == 0 { // every fifth, a keystroke at a time
			s := strings.Join(q, " ")
			for j := 1; j < len(s); j++ {
				typed = append(typed, strings.Fields(s[:j]))
			}
		}
		typed = append(typed, q)
	}
	for _, q := range typed {
		var want, phrase []int32
		for id := range int32(c.Len()) {
			if refMatches(words[id], q) {
				want = append(want, id)
				if len(q) >= 2 && phraseIn(heads[id], q) {
					phrase = append(phrase, id)
				}
			}
		}
		if len(phrase) > 0 {
			want = phrase
		}
		r, err := c.Filter(context.Background(), Query{Words: q}, ByDate, false)
		if err != nil {
			t.Fatal(err)
		}
		got := slices.Clone(r.IDs)
		slices.Sort(got)
		if !slices.Equal(got, want) || r.Phrase != (len(phrase) > 0) {
			t.Fatalf("%q: Filter %v (phrase %v), scan %v (phrase %v)", q, got, r.Phrase, want, len(phrase) > 0)
		}
	}
	t.Logf("%d queries agree", len(typed))
}

// The phrase cache must give, at every keystroke, what an empty cache
// gives, whatever the qualifiers and however the text was reached.
func TestPhraseCacheAgreesWithFreshAnswers(t *testing.T) {
	arts := refCorpus()
	cached, fresh := New(arts), New(arts)
	var typed []string
	for _, q := range []string{"hoang van thu", "tong ket cong tac year:2023", "dang vien moi", "phuong hoang van", "tay son level:phuong"} {
		for i := 1; i <= len(q); i++ {
			typed = append(typed, q[:i])
		}
		for i := len(q) - 1; i > 0; i-- {
			typed = append(typed, q[:i])
		}
	}
	typed = append(typed, "hoang van", "hoang van year:2024", "hoang van", "hoang van unit:tan", "hoang van", "hoang vanx", "hoang va t")
	ctx := context.Background()
	for _, s := range typed {
		q := ParseQuery(s)
		a, err := cached.Filter(ctx, q, ByDate, true)
		if err != nil {
			t.Fatal(err)
		}
		fresh.phrases.mu.Lock()
		clear(fresh.phrases.m)
		fresh.phrases.mu.Unlock()
		b, _ := fresh.Filter(ctx, q, ByDate, true)
		if !slices.Equal(a.IDs, b.IDs) || a.Phrase != b.Phrase {
			t.Fatalf("%q: cached %v (phrase %v), fresh %v (phrase %v)", s, a.IDs, a.Phrase, b.IDs, b.Phrase)
		}
	}
}

// A cancelled phrase lookup returns the context's error and leaves no
// answer in the cache.
func TestPhraseCancelled(t *testing.T) {
	c := New(refCorpus())
	bg := context.Background()
	c.Filter(bg, ParseQuery("t"), ByDate, false) // the words' sets, cached
	c.Filter(bg, ParseQuery("s"), ByDate, false)
	ctx, cancel := context.WithCancel(bg)
	cancel()
	if _, err := c.Filter(ctx, ParseQuery("t s"), ByDate, false); err == nil {
		t.Fatal("a cancelled filter returned no error")
	}
	c.phrases.mu.Lock()
	_, cached := c.phrases.m["t s"]
	c.phrases.mu.Unlock()
	if cached {
		t.Error("the cancelled lookup's answer was cached")
	}
	rg := c.heads.phraseRanges([]string{"t", "s"})
	all := newBitset(c.Len())
	for i := range all {
		all[i] = ^uint64(0)
	}
	if _, err := c.heads.walk(ctx, rg, all); err == nil {
		t.Error("a cancelled walk returned no error")
	}
	if _, err := c.heads.scan(ctx, rg, all); err == nil {
		t.Error("a cancelled scan returned no error")
	}
	if r, err := c.Filter(bg, ParseQuery("t s"), ByDate, false); err != nil || len(r.IDs) == 0 {
		t.Errorf("after the cancelled one: %d ids, %v", len(r.IDs), err)
	}
}

// Sessions share the corpus and its caches: readers typing at once get what
// one reader alone gets (run with -race).
func TestPhraseConcurrentReaders(t *testing.T) {
	arts := refCorpus()
	alone := New(arts)
	var texts []string
	for _, q := range []string{"hoang van thu", "tong ket cong tac", "tay son level:phuong", "dang vien moi"} {
		for i := 1; i <= len(q); i++ {
			texts = append(texts, q[:i])
		}
	}
	want := make([]Result, len(texts))
	for i, s := range texts {
		want[i], _ = alone.Filter(context.Background(), ParseQuery(s), ByDate, true)
	}
	shared := New(arts)
	errs := make(chan string, 8)
	for g := range 8 {
		go func() {
			for k := range texts {
				i := (k + g*5) % len(texts) // each reader at its own point
				r, err := shared.Filter(context.Background(), ParseQuery(texts[i]), ByDate, true)
				if err != nil || !slices.Equal(r.IDs, want[i].IDs) || r.Phrase != want[i].Phrase {
					errs <- texts[i]
					return
				}
			}
			errs <- ""
		}()
	}
	for range 8 {
		if s := <-errs; s != "" {
			t.Errorf("%q: a concurrent reader got another answer", s)
		}
	}
}
