package data

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/baocao/baocao/model"
)

// JSON Lines files (".jsonl", ".ndjson") hold one article per line, an
// object with
//
//	text or body   the article: a string, or an array of paragraphs
//	id             its id (string or number); default "FILE:LINE"
//	title          the headline; overrides the parser's
//	url            the original's address; overrides the parser's
//	published      ISO 8601 date or date and time; overrides the parser's
//
// The record's Path is "PATH:LINE". Blank lines are passed over. A line that
// is not a JSON object still becomes a record, with the line as its body and
// a problem saying why; so does a field of the wrong type.

// readJSONL makes one article per line of a decoded JSON Lines file. The
// file's problems go to its first record.
func readJSONL(j *job, text string, problems []string) []model.Article {
	var arts []model.Article
	line := 0
	for l := range strings.SplitSeq(text, "\n") {
		line++
		if strings.TrimSpace(l) == "" {
			continue
		}
		arts = append(arts, jsonlArticle(j, l, line, problems))
		problems = nil
	}
	if len(arts) == 0 {
		a := model.Article{ID: j.id, Path: j.rel, Problems: problems}
		a.Problems = append(a.Problems, "no records: the file is empty or blank")
		arts = append(arts, a)
	}
	return arts
}

func jsonlArticle(j *job, l string, line int, problems []string) model.Article {
	a := model.Article{
		ID:       j.id + ":" + strconv.Itoa(line),
		Path:     j.rel + ":" + strconv.Itoa(line),
		Problems: problems,
	}
	var rec map[string]json.RawMessage
	if err := json.Unmarshal([]byte(l), &rec); err != nil || rec == nil {
		if err == nil {
			err = fmt.Errorf("null")
		}
		a.Problems = append(a.Problems, fmt.Sprintf("line %d is not a JSON object (%v): kept as text", line, err))
		a.Body = rawLines(prepare(l, &a))
		return a
	}
	field := func(name string) (string, bool) {
		raw, ok := rec[name]
		if !ok || string(raw) == "null" {
			return "", false
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			if name == "id" { // a number is a fine id
				var n json.Number
				if json.Unmarshal(raw, &n) == nil {
					return n.String(), true
				}
			}
			a.Problems = append(a.Problems, fmt.Sprintf("line %d: %q is not a string: %s", line, name, raw))
			return "", false
		}
		return s, true
	}
	if id, ok := field("id"); ok && strings.TrimSpace(id) != "" {
		a.ID = strings.TrimSpace(prepareField(id, &a))
	}
	text, hasText := "", false
	for _, name := range []string{"text", "body"} {
		raw, ok := rec[name]
		if !ok || string(raw) == "null" {
			continue
		}
		var s string
		var paras []string
		switch {
		case json.Unmarshal(raw, &s) == nil:
			text, hasText = s, true
		case json.Unmarshal(raw, &paras) == nil:
			text, hasText = strings.Join(paras, "\n"), true
		default:
			a.Problems = append(a.Problems, fmt.Sprintf("line %d: %q is neither a string nor an array of strings: kept as text", line, name))
			text, hasText = string(raw), true
		}
		break
	}
	title, hasTitle := field("title")
	url, hasURL := field("url")
	published, hasPublished := field("published")
	if hasTitle {
		title = strings.TrimSpace(prepareField(title, &a))
		hasTitle = title != ""
	}
	// The record's own fields are set before the parser runs: page.Parse
	// keeps what is already set (and infers the event's year from a given
	// publication date) instead of guessing and complaining.
	if hasTitle {
		a.Title = title
	}
	if hasURL {
		a.SourceURL = strings.TrimSpace(prepareField(url, &a))
	}
	if hasPublished {
		if w, ok := parseWhen(strings.TrimSpace(published)); ok {
			a.Published = w
		} else {
			a.Problems = append(a.Problems, fmt.Sprintf("line %d: published %q is not an ISO 8601 date", line, published))
		}
	}
	given := a
	if !hasText {
		a.Problems = append(a.Problems, fmt.Sprintf("line %d has no \"text\" or \"body\"", line))
	} else {
		if t := prepare(text, &a); strings.TrimSpace(t) != "" {
			parse(t, &a, j.parse)
		}
	}
	// A parser that does not keep given fields (Options.Parse may be any)
	// still loses none: the record's own values win.
	if hasTitle && a.Title != title {
		if a.Title != "" && !a.TitleDerived {
			// The line the parser took for a headline stays in the record.
			a.Body = append([]string{a.Title}, a.Body...)
		}
		a.Title = title
	}
	if hasTitle {
		a.TitleDerived = false
	}
	if given.SourceURL != "" {
		a.SourceURL = given.SourceURL
	}
	if !given.Published.IsZero() {
		a.Published = given.Published
	}
	return a
}

// prepareField sanitises a metadata field; line breaks become spaces.
func prepareField(s string, a *model.Article) string {
	return strings.Join(strings.Fields(prepare(s, a)), " ")
}

// parseWhen reads an ISO 8601 date or date and time; a zone, when given, is
// dropped: the record keeps the local wall-clock time the page printed.
func parseWhen(s string) (model.When, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return model.DateTime(t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second()), true
		}
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return model.Date(t.Year(), int(t.Month()), t.Day()), true
	}
	return model.When{}, false
}
