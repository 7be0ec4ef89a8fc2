package list

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/internal/uitest"
)

// A plain scan of one headline, the reference the positional index is
// checked against (TestIndexAgreesWithScan).

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

// refHeadline is article a's headline as the scan reads it.
func refHeadline(a *model.Article) []byte {
	s := appendWords(nil, a.Title)
	if a.Unit != nil {
		s = append(s, '\n')
		s = appendWords(s, a.Unit.String())
	}
	s = append(s, '\n')
	return appendWords(s, a.Byline)
}

func TestIndexAgreesWithScan(t *testing.T) {
	arts := append(uitest.Articles(), uitest.Big(3000)...)
	c := model.New(arts)
	all := make([]int32, c.Len())
	for i := range all {
		all[i] = int32(i)
	}
	var queries [][]string
	// Phrases taken from headlines (whole words and cut prefixes), across
	// field ends, and words in the wrong order.
	for i := 0; i < c.Len(); i += 301 {
		w := strings.Fields(string(refHeadline(c.At(int32(i)))))
		for j := 0; j+2 <= len(w); j += 2 {
			q := []string{w[j], w[j+1]}
			queries = append(queries, q, []string{w[j], w[j+1][:1]}, []string{w[j+1], w[j]})
			if j+3 <= len(w) {
				queries = append(queries, []string{w[j], w[j+1], w[j+2][:max(1, len(w[j+2])-1)]})
			}
		}
	}
	queries = append(queries, []string{"hoang", "van", "thu"}, []string{"tay", "son"}, []string{"p", "h"}, []string{"zz", "top"})
	for _, q := range queries {
		got := headlinePhrase(c, all, q, nil)
		var want []int32
		for _, id := range all {
			if phraseIn(refHeadline(c.At(id)), q) {
				want = append(want, id)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%q: index %v, scan %v", q, got, want)
		}
	}
	t.Logf("%d queries agree", len(queries))
}
