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

// headlines is the folded headlines of a corpus: for each article, its
// title, unit and byline folded, words separated by one space and fields by
// a newline (a phrase never spans two fields).
type headlines struct {
	buf  []byte
	offs []int32 // article i is buf[offs[i]:offs[i+1]]
}

var (
	hlMu    sync.Mutex
	hlCache []*hlEntry // the few corpora lately asked about
)

type hlEntry struct {
	c    *model.Corpus
	once sync.Once
	h    *headlines
}

// headlinesOf returns c's folded headlines, building them on first use.
func headlinesOf(c *model.Corpus) *headlines {
	hlMu.Lock()
	var e *hlEntry
	for _, x := range hlCache {
		if x.c == c {
			e = x
		}
	}
	if e == nil {
		e = &hlEntry{c: c}
		hlCache = append(hlCache, e)
		if len(hlCache) > 4 {
			hlCache = hlCache[1:]
		}
	}
	hlMu.Unlock()
	e.once.Do(func() { e.h = buildHeadlines(c) })
	return e.h
}

func buildHeadlines(c *model.Corpus) *headlines {
	h := &headlines{offs: make([]int32, 0, c.Len()+1)}
	for i := range int32(c.Len()) {
		h.offs = append(h.offs, int32(len(h.buf)))
		a := c.At(i)
		h.buf = appendWords(h.buf, a.Title)
		if a.Unit != nil {
			h.buf = append(h.buf, '\n')
			h.buf = appendWords(h.buf, a.Unit.String())
		}
		h.buf = append(h.buf, '\n')
		h.buf = appendWords(h.buf, a.Byline)
	}
	h.offs = append(h.offs, int32(len(h.buf)))
	return h
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

// headlinePhrase keeps the ids whose headline holds words as a phrase. It
// stops with ctx's error when ctx is done. Only ids that base holds (when
// base is not nil) are looked at.
func headlinePhrase(ctx context.Context, c *model.Corpus, ids []int32, words []string, base []uint64) ([]int32, error) {
	h := headlinesOf(c)
	var out []int32
	for i, id := range ids {
		if i&4095 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if base != nil && base[id>>6]&(1<<(uint(id)&63)) == 0 {
			continue
		}
		if phraseIn(h.buf[h.offs[id]:h.offs[id+1]], words) {
			out = append(out, id)
		}
	}
	return out, nil
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
	out, err := headlinePhrase(ctx, c, ids, q.Words, from)
	if err != nil {
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

// hasPhrase reports whether the folded words of s hold words as consecutive
// words, each query word a prefix of its text word (as model matches).
func hasPhrase(s string, words []string) bool {
	return phraseIn(appendWords(nil, s), words)
}

// phraseIn looks for words as consecutive words of s (folded words
// separated by one space, fields by newlines).
func phraseIn(s []byte, words []string) bool {
	if len(words) == 0 {
		return false
	}
	w0 := []byte(words[0])
	for from := 0; from < len(s); {
		i := bytes.Index(s[from:], w0)
		if i < 0 {
			return false
		}
		at := from + i
		if (at == 0 || s[at-1] == ' ' || s[at-1] == '\n') && matchAt(s[at:], words) {
			return true
		}
		from = at + 1
	}
	return false
}

// wordEnd is the length of the word s starts with.
func wordEnd(s []byte) int {
	for i, c := range s {
		if c == ' ' || c == '\n' {
			return i
		}
	}
	return len(s)
}

// matchAt reports whether s, from a word start, begins with words as a
// phrase within one field.
func matchAt(s []byte, words []string) bool {
	j := 0
	for k, w := range words {
		if !bytes.HasPrefix(s[j:], []byte(w)) {
			return false
		}
		if k == len(words)-1 {
			return true
		}
		j += wordEnd(s[j:])
		if j >= len(s) || s[j] != ' ' {
			return false // the field (or the headline) ends before the phrase does
		}
		j++
	}
	return true
}
