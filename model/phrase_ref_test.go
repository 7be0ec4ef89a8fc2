package model

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A plain scan of one report, the reference the headline index and Filter
// are checked against (TestPhraseAgreesWithScan). It folds with FoldRune and
// splits with package unicode, not with the index's wordScanner.

// appendWords appends the folded words of s, separated by one space.
func appendWords(dst []byte, s string) []byte {
	gap := false
	n := len(dst)
	for _, r := range s {
		f := FoldRune(r)
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

// hasPhrase reports whether the folded words of s hold words as consecutive
// words, each query word a prefix of its text word.
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
func refHeadline(a *Article) []byte {
	s := appendWords(nil, a.Title)
	if a.Unit != nil {
		s = append(s, '\n')
		s = appendWords(s, a.Unit.String())
	}
	s = append(s, '\n')
	return appendWords(s, a.Byline)
}

// refWords is every word of the fields search covers, folded, sorted and
// without repeats.
func refWords(a *Article) []string {
	var ws []string
	searchText(a, func(f string) {
		for _, w := range bytes.Fields(appendWords(nil, f)) {
			ws = append(ws, string(w))
		}
	})
	slices.Sort(ws)
	return slices.Compact(ws)
}

// refMatches reports whether every word starts some word of ws (as
// refWords makes it).
func refMatches(ws []string, words []string) bool {
	for _, w := range words {
		i, _ := slices.BinarySearch(ws, w)
		if i == len(ws) || !strings.HasPrefix(ws[i], w) {
			return false
		}
	}
	return true
}
