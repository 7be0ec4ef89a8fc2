package list

import (
	"context"
	"strings"
	"unicode"

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
// it lives here until model offers it, and only reads the short headline
// fields, folded with model.Fold, so that it costs little per keystroke.

// headlinePhrase keeps the ids whose headline holds words as a phrase. It
// stops with ctx's error when ctx is done.
func headlinePhrase(ctx context.Context, c *model.Corpus, ids []int32, words []string) ([]int32, error) {
	var out []int32
	for i, id := range ids {
		if i&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		a := c.At(id)
		if hasPhrase(a.Title, words) || a.Unit != nil && hasPhrase(a.Unit.String(), words) || hasPhrase(a.Byline, words) {
			out = append(out, id)
		}
	}
	return out, nil
}

// hasPhrase reports whether the folded words of s hold words as consecutive
// words, each query word a prefix of its text word (as model matches).
func hasPhrase(s string, words []string) bool {
	if s == "" || len(words) == 0 {
		return false
	}
	f := model.Fold(s)
	if !strings.Contains(f, words[0]) {
		return false
	}
	text := strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i := 0; i+len(words) <= len(text); i++ {
		ok := true
		for j, w := range words {
			if !strings.HasPrefix(text[i+j], w) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
