package model

import (
	"context"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Phrases. A query's words match anywhere in a report (title, unit, byline,
// body), so "hoang van thu" also finds a report signed "Hoàng Bình" that
// mentions "dân vận" and "thường trực". A reader typing a name means the
// name: Filter prefers the reports whose headline (title, unit or byline)
// holds the words, in the order typed, as consecutive words of one field,
// each query word a prefix of its word (see Query).
//
// The headlines are indexed by position at New (a few per cent of its
// time): the words of each headline as term numbers in order, and for each
// term where it occurs. A phrase is looked up by walking the occurrences of
// the terms that start with its first word, or, when fewer reports are
// candidates, by reading the candidates' headlines; either way a keystroke
// compares integers, never text. Answers are cached by the query's words and
// shared by every reader of the corpus, as fzf caches by query prefix: the
// reports that hold "hoang van thu" are among those that hold "hoang van th",
// so typing on only rereads those.

// headlines is the positional index of the corpus's headlines (title, unit,
// byline, folded as the word index folds them).
type headlines struct {
	terms  []string // folded words, sorted
	toks   []int32  // per article, its headline's term numbers; -1 between fields
	tokOff []int32  // article i's tokens are toks[tokOff[i]:tokOff[i+1]]
	// occurrences of term t: occ[occOff[t]:occOff[t+1]], each an article
	// and the token's index in toks, in article order.
	occOff []int32
	occ    []occurrence
}

type occurrence struct{ art, tok int32 }

// headlineFields calls f with each headline field of a.
func headlineFields(a *Article, f func(string)) {
	f(a.Title)
	if a.Unit != nil {
		f(a.Unit.String())
	}
	if a.Byline != "" {
		f(a.Byline)
	}
}

func buildHeadlines(arts []Article) *headlines {
	h := &headlines{tokOff: make([]int32, 0, len(arts)+1)}
	dict := make(map[string]int32)
	var ws wordScanner
	add := func(w []byte) {
		id, ok := dict[string(w)] // no allocation for the lookup
		if !ok {
			id = int32(len(h.terms))
			dict[string(w)] = id
			h.terms = append(h.terms, string(w))
		}
		h.toks = append(h.toks, id)
	}
	for i := range arts {
		h.tokOff = append(h.tokOff, int32(len(h.toks)))
		first := true
		headlineFields(&arts[i], func(s string) {
			if !first {
				h.toks = append(h.toks, -1)
			}
			first = false
			ws.each(s, add)
		})
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
	h.occ = make([]occurrence, count[len(count)-1])
	for art := range int32(len(arts)) {
		for k := h.tokOff[art]; k < h.tokOff[art+1]; k++ {
			if t := h.toks[k]; t >= 0 {
				h.occ[count[t]] = occurrence{art, k}
				count[t]++
			}
		}
	}
	return h
}

// termRange is the range of term numbers [lo, hi) of the terms that start
// with w.
func (h *headlines) termRange(w string) (lo, hi int32) {
	l := sort.SearchStrings(h.terms, w)
	n := sort.Search(len(h.terms)-l, func(i int) bool { return !strings.HasPrefix(h.terms[l+i], w) })
	return int32(l), int32(l + n)
}

// phraseRanges returns each word's term range, or nil when some word starts
// no headline word (then no headline holds the phrase).
func (h *headlines) phraseRanges(words []string) [][2]int32 {
	r := make([][2]int32, len(words))
	for i, w := range words {
		lo, hi := h.termRange(w)
		if lo == hi {
			return nil
		}
		r[i] = [2]int32{lo, hi}
	}
	return r
}

// at reports whether article a's headline holds the phrase (as term ranges
// r) from token k on, which is known to match r[0].
func (h *headlines) at(a, k int32, r [][2]int32) bool {
	end := h.tokOff[a+1]
	for i := 1; i < len(r); i++ {
		k++
		if k >= end {
			return false
		}
		if t := h.toks[k]; t < r[i][0] || t >= r[i][1] { // -1 between fields never matches
			return false
		}
	}
	return true
}

// phrase returns the articles of cand whose headline holds words as a
// phrase (nil when none does). It chooses the cheaper of walk and scan.
func (h *headlines) phrase(ctx context.Context, words []string, cand bitset) (bitset, error) {
	r := h.phraseRanges(words)
	if r == nil {
		return nil, nil
	}
	occ := int(h.occOff[r[0][1]] - h.occOff[r[0][0]])
	perArt := len(h.toks)/max(1, len(h.tokOff)-1) + 1
	if cand.count()*perArt < occ {
		return h.scan(ctx, r, cand)
	}
	return h.walk(ctx, r, cand)
}

// walk finds the phrase r by the occurrences of its first word's terms.
func (h *headlines) walk(ctx context.Context, r [][2]int32, cand bitset) (bitset, error) {
	var out bitset
	for i, o := range h.occ[h.occOff[r[0][0]]:h.occOff[r[0][1]]] {
		if i&4095 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		a := o.art
		if !cand.has(int(a)) || out != nil && out.has(int(a)) || !h.at(a, o.tok, r) {
			continue
		}
		if out == nil {
			out = make(bitset, len(cand))
		}
		out[a>>6] |= 1 << (uint(a) & 63)
	}
	return out, nil
}

// scan finds the phrase r by reading the headlines of cand's articles.
func (h *headlines) scan(ctx context.Context, r [][2]int32, cand bitset) (bitset, error) {
	var out bitset
	for wi, w := range cand {
		if wi&255 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		for ; w != 0; w &= w - 1 {
			a := int32(wi<<6 + bits.TrailingZeros64(w))
			for k := h.tokOff[a]; k < h.tokOff[a+1]; k++ {
				if t := h.toks[k]; t >= r[0][0] && t < r[0][1] && h.at(a, k, r) {
					if out == nil {
						out = make(bitset, len(cand))
					}
					out[a>>6] |= 1 << (uint(a) & 63)
					break
				}
			}
		}
	}
	return out, nil
}

// phraseCache holds the phrase answers of recent queries, shared by all
// readers: key is the words joined by spaces. A nil set means no headline
// holds the phrase.
type phraseCache struct {
	mu    sync.Mutex
	m     map[string]*phraseEntry
	clock uint64
}

type phraseEntry struct {
	set  bitset // shared: never modified once cached
	used uint64
}

// maxPhraseCache bounds the phrase cache (at most 12.5 KB an entry at
// 100,000 articles).
const maxPhraseCache = 256

// phraseSet returns the articles whose headline holds words (two or more)
// as a phrase, nil when none does. words is the query's, set the articles
// that hold every word somewhere (the phrase holders are among them). The
// result is shared: callers must not modify it.
func (c *Corpus) phraseSet(ctx context.Context, words []string, set bitset) (bitset, error) {
	key := strings.Join(words, " ")
	pc := &c.phrases
	pc.mu.Lock()
	pc.clock++
	if e, ok := pc.m[key]; ok {
		e.used = pc.clock
		pc.mu.Unlock()
		return e.set, nil
	}
	// An earlier query that this one extends ("hoang van th" for "hoang van
	// thu", "hoang va" for "hoang van t"): its words are prefixes of this
	// one's first words, so its phrase holders include this one's. The
	// longest such query narrows most.
	var base *phraseEntry
	baseLen := 0
	for k, e := range pc.m {
		if len(k) > baseLen && strings.HasPrefix(key, k) {
			base, baseLen = e, len(k)
		}
	}
	pc.mu.Unlock()

	cand := set
	if base != nil {
		cand = base.set
	}
	var out bitset
	if cand != nil {
		var err error
		if out, err = c.heads.phrase(ctx, words, cand); err != nil {
			return nil, err
		}
	}

	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.m == nil {
		pc.m = make(map[string]*phraseEntry)
	}
	if len(pc.m) >= maxPhraseCache { // evict the least recently used entry
		var old string
		oldest := ^uint64(0)
		for k, e := range pc.m {
			if e.used < oldest {
				old, oldest = k, e.used
			}
		}
		delete(pc.m, old)
	}
	pc.clock++
	pc.m[key] = &phraseEntry{set: out, used: pc.clock}
	return out, nil
}
