package list

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/model"
)

// Phrases. model.Query matches when every word occurs anywhere in a report
// (title, unit, byline, body), so "hoang van thu" also finds a report
// signed "Hoàng Bình" that mentions "dân vận" and "thường trực". A reader
// typing a name means the name: when the words, in the order typed, are
// consecutive words of the headline of some matching reports (title, unit
// or byline), the list keeps only those reports; when no report has them as
// a headline phrase, it keeps every report that has the words anywhere.
//
// This belongs in model (a positional index would let it cover bodies too);
// it lives here until model offers it. The headlines are folded once per
// corpus (about 150 bytes a report, shared by every session reading that
// corpus), so that a keystroke only compares bytes.

// headlines is a positional index of the corpus's headlines (title, unit,
// byline, folded): the words of each article's headline as term numbers in
// order, fields parted by -1, and for each term (sorted) where it occurs.
// A phrase query walks the occurrences of terms that start with its first
// word and looks at the words that follow: its cost is the number of those
// occurrences, not the size of the corpus.
type headlines struct {
	terms  []string // folded words, sorted
	toks   []int32  // per article, its headline's term numbers; -1 between fields
	tokOff []int32  // article i's tokens are toks[tokOff[i]:tokOff[i+1]]
	// occurrences of term t: occ[occOff[t]:occOff[t+1]], each an article
	// and the token's index in toks.
	occOff []int32
	occ    []occurrence
}

type occurrence struct{ art, tok int32 }

var (
	hlMu    sync.Mutex
	hlCache []*hlEntry // the few corpora lately asked about
)

type hlEntry struct {
	c    *model.Corpus
	once sync.Once
	h    *headlines
}

// headlinesOf returns c's headline index, building it on first use.
func headlinesOf(c *model.Corpus) *headlines {
	e, _ := hlEntryOf(c)
	e.once.Do(func() { e.h = buildHeadlines(c) })
	return e.h
}

// warmHeadlines starts building c's headline index in the background,
// unless some list already did.
func warmHeadlines(c *model.Corpus) {
	if e, fresh := hlEntryOf(c); fresh {
		go e.once.Do(func() { e.h = buildHeadlines(c) })
	}
}

func hlEntryOf(c *model.Corpus) (*hlEntry, bool) {
	hlMu.Lock()
	defer hlMu.Unlock()
	for _, x := range hlCache {
		if x.c == c {
			return x, false
		}
	}
	e := &hlEntry{c: c}
	hlCache = append(hlCache, e)
	if len(hlCache) > 4 {
		hlCache = hlCache[1:]
	}
	return e, true
}

func buildHeadlines(c *model.Corpus) *headlines {
	h := &headlines{tokOff: make([]int32, 0, c.Len()+1)}
	dict := make(map[string]int32)
	var buf []byte
	add := func(s string) {
		buf = appendWords(buf[:0], s)
		for _, w := range bytes.Fields(buf) {
			id, ok := dict[string(w)]
			if !ok {
				id = int32(len(h.terms))
				dict[string(w)] = id
				h.terms = append(h.terms, string(w))
			}
			h.toks = append(h.toks, id)
		}
	}
	for i := range int32(c.Len()) {
		h.tokOff = append(h.tokOff, int32(len(h.toks)))
		a := c.At(i)
		add(a.Title)
		if a.Unit != nil {
			h.toks = append(h.toks, -1)
			add(a.Unit.String())
		}
		if a.Byline != "" {
			h.toks = append(h.toks, -1)
			add(a.Byline)
		}
	}
	h.tokOff = append(h.tokOff, int32(len(h.toks)))
	// Number the terms in sorted order, so that a prefix is a range.
	order := make([]int32, len(h.terms))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(h.terms[a], h.terms[b]) })
	rank := make([]int32, len(order))
	sorted := make([]string, len(order))
	for r, t := range order {
		rank[t] = int32(r)
		sorted[r] = h.terms[t]
	}
	h.terms = sorted
	count := make([]int32, len(h.terms)+1)
	for i, t := range h.toks {
		if t >= 0 {
			h.toks[i] = rank[t]
			count[rank[t]+1]++
		}
	}
	for t := 1; t < len(count); t++ {
		count[t] += count[t-1]
	}
	h.occOff = slices.Clone(count)
	h.occ = make([]occurrence, len(h.toks))
	for art := range int32(c.Len()) {
		for k := h.tokOff[art]; k < h.tokOff[art+1]; k++ {
			if t := h.toks[k]; t >= 0 {
				h.occ[count[t]] = occurrence{art, k}
				count[t]++
			}
		}
	}
	h.occ = h.occ[:h.occOff[len(h.terms)]]
	return h
}

// phrase marks in out (a bitset over articles) the articles of cand (a
// bitset) whose headline has words as consecutive words of one field, each
// query word a prefix of its word (as model matches words).
func (h *headlines) phrase(words []string, cand, out []uint64) {
	lo, _ := slices.BinarySearch(h.terms, words[0])
	hi := lo
	for hi < len(h.terms) && strings.HasPrefix(h.terms[hi], words[0]) {
		hi++
	}
	for _, o := range h.occ[h.occOff[lo]:h.occOff[hi]] {
		a := o.art
		if cand[a>>6]&(1<<(uint(a)&63)) == 0 || out[a>>6]&(1<<(uint(a)&63)) != 0 {
			continue
		}
		ok := true
		for i := 1; i < len(words) && ok; i++ {
			k := o.tok + int32(i)
			ok = k < h.tokOff[a+1] && h.toks[k] >= 0 && strings.HasPrefix(h.terms[h.toks[k]], words[i])
		}
		if ok {
			out[a>>6] |= 1 << (uint(a) & 63)
		}
	}
}

// appendWords appends the folded words of s, separated by one space.
func appendWords(dst []byte, s string) []byte {
	gap := false
	n := len(dst)
	for _, r := range s {
		f := model.FoldRune(r)
		if f < 0 {
			continue // a combining mark: part of its letter
		}
		if unicode.IsLetter(f) || unicode.IsDigit(f) {
			if gap && len(dst) > n {
				dst = append(dst, ' ')
			}
			gap = false
			dst = utf8.AppendRune(dst, f)
			continue
		}
		gap = true
	}
	return dst
}

// headlinePhrase keeps the ids whose headline holds words as a phrase, in
// order. Only ids that base holds (when base is not nil) are looked at.
func headlinePhrase(c *model.Corpus, ids []int32, words []string, base []uint64) []int32 {
	h := headlinesOf(c)
	n := (c.Len() + 63) / 64
	cand := make([]uint64, n)
	for _, id := range ids {
		if base == nil || base[id>>6]&(1<<(uint(id)&63)) != 0 {
			cand[id>>6] |= 1 << (uint(id) & 63)
		}
	}
	match := make([]uint64, n)
	h.phrase(words, cand, match)
	return keep(ids, match)
}

// phraseCache remembers, for the last queries of one list, which reports
// had the words as a headline phrase, as fzf caches by query prefix: typing
// on extends the words, and the reports that have the longer phrase are
// among those that had the shorter one, so only those are looked at again;
// when the shorter one had none, neither has the longer. Erasing finds the
// earlier query's answer here.
type phraseCache struct {
	mu      sync.Mutex
	entries []*phraseEntry // most recent last
}

type phraseEntry struct {
	quals string   // the query's other conditions: the answer holds for these only
	words []string // the free words
	found bool
	set   []uint64 // the reports with the phrase (a bitset), when found
}

const phraseCacheSize = 16

// extends reports whether a query with words new asks for a subset of the
// phrase matches of words old: the same words, the last one perhaps longer,
// perhaps more words after.
func extends(old, new []string) bool {
	if len(new) < len(old) || len(old) == 0 {
		return false
	}
	for i := range len(old) - 1 {
		if old[i] != new[i] {
			return false
		}
	}
	last := len(old) - 1
	if len(new) > len(old) {
		return old[last] == new[last]
	}
	return len(new[last]) >= len(old[last]) && new[last][:len(old[last])] == old[last]
}

// qualKey is what, besides its words, decides a query's matches.
func qualKey(q model.Query) string {
	return fmt.Sprint(q.UnitText, q.Units, q.Levels, q.Years, q.From, q.To)
}

// filter applies the phrase tier to ids, the matches of q in list order: it
// returns the reports with the headline phrase and true, or ids and false
// when none has it.
func (pc *phraseCache) filter(ctx context.Context, c *model.Corpus, ids []int32, q model.Query) ([]int32, bool, error) {
	quals := qualKey(q)
	pc.mu.Lock()
	var exact, base *phraseEntry
	for _, e := range pc.entries {
		if e.quals != quals {
			continue
		}
		if slices.Equal(e.words, q.Words) {
			exact = e
		} else if extends(e.words, q.Words) && (base == nil || len(strings.Join(e.words, " ")) > len(strings.Join(base.words, " "))) {
			base = e
		}
	}
	pc.mu.Unlock()
	switch {
	case exact != nil && !exact.found, base != nil && !base.found:
		if exact == nil {
			pc.put(&phraseEntry{quals: quals, words: q.Words})
		}
		return ids, false, nil
	case exact != nil:
		return keep(ids, exact.set), true, nil
	}
	var from []uint64
	if base != nil {
		from = base.set
	}
	out := headlinePhrase(c, ids, q.Words, from)
	if err := ctx.Err(); err != nil {
		return nil, false, err
	}
	e := &phraseEntry{quals: quals, words: q.Words, found: len(out) > 0}
	if e.found {
		e.set = make([]uint64, (c.Len()+63)/64)
		for _, id := range out {
			e.set[id>>6] |= 1 << (uint(id) & 63)
		}
	}
	pc.put(e)
	if !e.found {
		return ids, false, nil
	}
	return out, true, nil
}

func (pc *phraseCache) put(e *phraseEntry) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	pc.entries = append(pc.entries, e)
	if len(pc.entries) > phraseCacheSize {
		pc.entries = pc.entries[1:]
	}
}

// keep returns the ids that set holds, in order.
func keep(ids []int32, set []uint64) []int32 {
	var out []int32
	for _, id := range ids {
		if set[id>>6]&(1<<(uint(id)&63)) != 0 {
			out = append(out, id)
		}
	}
	return out
}
