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

// appendFold appends the folding of s to dst (see Fold).
func appendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if f := FoldRune(r); f >= 0 {
			dst = utf8.AppendRune(dst, f)
		}
	}
	return dst
}

// wordScanner yields the folded words of strings, reusing one buffer.
type wordScanner struct{ buf []byte }

// each calls f with each folded word of s, folding and splitting in one
// pass; the word is only valid during the call.
func (ws *wordScanner) each(s string, f func(w []byte)) {
	b := ws.buf[:0]
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				b = append(b, c)
				continue
			case 'A' <= c && c <= 'Z':
				b = append(b, c+'a'-'A')
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			if fr := FoldRune(r); fr < 0 {
				continue // a lone combining mark belongs to its word
			} else if isWordRune(fr) {
				b = utf8.AppendRune(b, fr)
				continue
			}
		}
		if len(b) > 0 {
			f(b)
			b = b[:0]
		}
	}
	if len(b) > 0 {
		f(b)
	}
	ws.buf = b
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
		term  map[string]int32 // word -> position in posts
		posts [][]uint32
	}
	parts := make([]part, workers)
	var wg sync.WaitGroup
	chunk := (len(arts) + workers - 1) / max(workers, 1)
	for w := range workers {
		lo, hi := w*chunk, min(len(arts), (w+1)*chunk)
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := part{term: make(map[string]int32, 1<<12)}
			var ws wordScanner
			for i := lo; i < hi; i++ {
				id := uint32(i)
				searchText(&arts[i], func(s string) {
					ws.each(s, func(w []byte) {
						t, ok := p.term[string(w)] // no allocation for the lookup
						if !ok {
							t = int32(len(p.posts))
							p.term[string(w)] = t
							p.posts = append(p.posts, nil)
						}
						l := p.posts[t]
						if n := len(l); n > 0 && l[n-1] == id {
							return
						}
						p.posts[t] = append(l, id)
					})
				})
			}
			parts[w] = p
		}()
	}
	wg.Wait()

	// Merge the parts in article order; the first part's lists grow.
	all := map[string][]uint32{}
	if len(parts) > 0 {
		all = make(map[string][]uint32, len(parts[0].term))
		for t, i := range parts[0].term {
			all[t] = parts[0].posts[i]
		}
	}
	for _, p := range parts[1:] {
		for t, i := range p.term {
			all[t] = append(all[t], p.posts[i]...)
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
