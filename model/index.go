package model

import (
	"context"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// index is an inverted index from folded words to the articles that hold
// them. Words match by prefix, so a query word selects a range of the sorted
// vocabulary; the union of that range's postings is cached as a bitset,
// shared by every reader of the corpus.
type index struct {
	n     int        // articles
	terms []string   // folded words, sorted
	posts [][]uint32 // article numbers for each term, ascending

	mu    sync.Mutex
	cache map[string]*cacheEntry // prefix -> bitset, bounded (see prefixSet)
	clock uint64
}

type cacheEntry struct {
	set  bitset
	used uint64
}

// maxCache bounds the prefix cache: 512 bitsets of 100,000 articles are 6 MiB.
const maxCache = 512

// isWordRune reports whether r belongs to a word: letters and digits.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// words calls f with each folded word of s.
func words(s string, f func(w string)) {
	folded := Fold(s)
	start := -1
	for i, r := range folded {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			f(folded[start:i])
			start = -1
		}
	}
	if start >= 0 {
		f(folded[start:])
	}
}

// searchText calls f with every field of a that search covers.
func searchText(a *Article, f func(string)) {
	f(a.Title)
	if a.Unit != nil {
		f(a.Unit.String())
	}
	f(a.Byline)
	for _, p := range a.Body {
		f(p)
	}
	for _, p := range a.Captions {
		f(p)
	}
}

// buildIndex indexes arts on all cores: each worker indexes a contiguous
// range of articles, and the ranges are merged in order, so every posting
// list comes out ascending without sorting.
func buildIndex(arts []Article) *index {
	workers := min(runtime.GOMAXPROCS(0), max(1, len(arts)/512))
	type part struct {
		terms map[string][]uint32
	}
	parts := make([]part, workers)
	var wg sync.WaitGroup
	chunk := (len(arts) + workers - 1) / max(workers, 1)
	for w := range workers {
		lo, hi := w*chunk, min(len(arts), (w+1)*chunk)
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := make(map[string][]uint32, 1<<12)
			for i := lo; i < hi; i++ {
				id := uint32(i)
				searchText(&arts[i], func(s string) {
					words(s, func(w string) {
						p := m[w]
						if n := len(p); n > 0 && p[n-1] == id {
							return
						}
						if p == nil {
							w = strings.Clone(w) // do not pin the folded paragraph
						}
						m[w] = append(p, id)
					})
				})
			}
			parts[w].terms = m
		}()
	}
	wg.Wait()

	all := make(map[string][]uint32, 1<<14)
	for _, p := range parts {
		for t, ids := range p.terms {
			all[t] = append(all[t], ids...)
		}
	}
	ix := &index{n: len(arts), cache: make(map[string]*cacheEntry)}
	ix.terms = make([]string, 0, len(all))
	for t := range all {
		ix.terms = append(ix.terms, t)
	}
	sort.Strings(ix.terms)
	ix.posts = make([][]uint32, len(ix.terms))
	for i, t := range ix.terms {
		ix.posts[i] = slices.Clip(all[t])
	}
	return ix
}

// prefixSet returns the articles holding a word that starts with w. The
// result is shared: callers must not modify it.
func (ix *index) prefixSet(ctx context.Context, w string) (bitset, error) {
	ix.mu.Lock()
	ix.clock++
	if e, ok := ix.cache[w]; ok {
		e.used = ix.clock
		ix.mu.Unlock()
		return e.set, nil
	}
	ix.mu.Unlock()

	set := newBitset(ix.n)
	lo := sort.SearchStrings(ix.terms, w)
	for i := lo; i < len(ix.terms) && strings.HasPrefix(ix.terms[i], w); i++ {
		if (i-lo)&1023 == 1023 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		for _, id := range ix.posts[i] {
			set[id>>6] |= 1 << (id & 63)
		}
	}

	ix.mu.Lock()
	defer ix.mu.Unlock()
	if len(ix.cache) >= maxCache { // evict the least recently used entry
		var old string
		oldest := ^uint64(0)
		for k, e := range ix.cache {
			if e.used < oldest {
				old, oldest = k, e.used
			}
		}
		delete(ix.cache, old)
	}
	ix.clock++
	ix.cache[w] = &cacheEntry{set: set, used: ix.clock}
	return set, nil
}

// bitset is a set of article numbers.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

func (b bitset) has(i int) bool { return b[i>>6]&(1<<(uint(i)&63)) != 0 }

func (b bitset) and(o bitset) {
	for i := range b {
		b[i] &= o[i]
	}
}

func (b bitset) count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}
