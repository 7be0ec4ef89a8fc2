// Package model holds baocao's domain: articles, the administrative units they
// are about, the figures they state, and the immutable Corpus that indexes them.
//
// model imports neither data (which builds these values from files) nor ui
// (which shows them). Values handed to a Corpus must not be changed afterwards:
// one Corpus is shared, read-only, by every reader of a server.
package model

import (
	"encoding/json"
	"time"
)

// Level is an administrative level word, always in lower case.
type Level string

// The eight level words the record knows, from the smallest unit up.
const (
	Ward         Level = "phường"
	Commune      Level = "xã"
	Townlet      Level = "thị trấn"
	UrbanDist    Level = "quận"
	RuralDist    Level = "huyện"
	Town         Level = "thị xã"
	City         Level = "thành phố"
	Province     Level = "tỉnh"
	unknownLevel Level = ""
)

// Levels lists every level, smallest first; ranks follow this order.
var Levels = []Level{Ward, Commune, Townlet, UrbanDist, RuralDist, Town, City, Province}

// Rank orders levels from the smallest (0, phường) up; -1 for an unknown word.
func (l Level) Rank() int {
	for i, x := range Levels {
		if x == l {
			return i
		}
	}
	return -1
}

// Abbrev is the short prefix used in lists: "P.", "X.", "TT.", "Q.", "H.",
// "TX.", "TP.", "T.".
func (l Level) Abbrev() string {
	switch l {
	case Ward:
		return "P."
	case Commune:
		return "X."
	case Townlet:
		return "TT."
	case UrbanDist:
		return "Q."
	case RuralDist:
		return "H."
	case Town:
		return "TX."
	case City:
		return "TP."
	case Province:
		return "T."
	}
	return ""
}

// Unit is an administrative unit as a page names it.
type Unit struct {
	Level Level `json:"level"`
	// Name is the unit's name without the level word, in its usual
	// capitalisation ("Hoàng Văn Thụ").
	Name string `json:"name"`
	// Parent is the enclosing unit as "level name" ("thành phố Thái Nguyên"),
	// or "" where the text does not say.
	Parent string `json:"parent"`
}

// String is "phường Hoàng Văn Thụ".
func (u Unit) String() string {
	if u.Level == unknownLevel {
		return u.Name
	}
	return string(u.Level) + " " + u.Name
}

// Short is "P. Hoàng Văn Thụ", the form lists use.
func (u Unit) Short() string {
	if a := u.Level.Abbrev(); a != "" {
		return a + " " + u.Name
	}
	return u.Name
}

// Key identifies a unit for grouping: level and folded name. Two pages that
// spell a ward "Hoàng Văn Thụ" and "Hoàng văn Thụ" group together.
func (u Unit) Key() UnitKey { return UnitKey{Level: u.Level, Name: Fold(u.Name)} }

// UnitKey groups units; see Unit.Key.
type UnitKey struct {
	Level Level
	Name  string // folded
}

// MarshalJSON writes parent as null when it is unknown.
func (u Unit) MarshalJSON() ([]byte, error) { return u.appendJSON(nil), nil }

// UnmarshalJSON reads what MarshalJSON writes.
func (u *Unit) UnmarshalJSON(b []byte) error {
	var r struct {
		Level  Level   `json:"level"`
		Name   string  `json:"name"`
		Parent *string `json:"parent"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return err
	}
	*u = Unit{Level: r.Level, Name: r.Name}
	if r.Parent != nil {
		u.Parent = *r.Parent
	}
	return nil
}

// When is a local calendar date, with or without a time of day, as a page
// prints it. The zero When means "not given".
type When struct {
	T        time.Time // in time.UTC; only the wall-clock fields matter
	HasClock bool      // the page printed a time of day
}

// Date makes a When without a time of day.
func Date(y, m, d int) When { return When{T: time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)} }

// DateTime makes a When with a time of day.
func DateTime(y, m, d, hh, mm, ss int) When {
	return When{T: time.Date(y, time.Month(m), d, hh, mm, ss, 0, time.UTC), HasClock: true}
}

// IsZero reports whether no date was given.
func (w When) IsZero() bool { return w.T.IsZero() }

// Year is the year, or 0 when no date was given.
func (w When) Year() int {
	if w.IsZero() {
		return 0
	}
	return w.T.Year()
}

// String is ISO 8601 local time without zone: "2023-12-08T15:07:00", or
// "2023-12-08" without a time of day, or "" when not given.
func (w When) String() string {
	switch {
	case w.IsZero():
		return ""
	case w.HasClock:
		return w.T.Format("2006-01-02T15:04:05")
	default:
		return w.T.Format("2006-01-02")
	}
}

// MarshalJSON writes the ISO form, or null.
func (w When) MarshalJSON() ([]byte, error) { return w.appendJSON(nil), nil }

// UnmarshalJSON reads what MarshalJSON writes.
func (w *When) UnmarshalJSON(b []byte) error {
	var s *string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*w = When{}
	if s == nil || *s == "" {
		return nil
	}
	if t, err := time.Parse("2006-01-02T15:04:05", *s); err == nil {
		*w = When{T: t, HasClock: true}
		return nil
	}
	t, err := time.Parse("2006-01-02", *s)
	if err != nil {
		return err
	}
	*w = When{T: t}
	return nil
}

// Article is one report: the record of ../shared/spec/EXPORT.md.
type Article struct {
	ID           string // the file name without extension, or the JSONL record's id
	Path         string // where it came from, relative to the PATH given
	Title        string
	TitleDerived bool // Title was made from the lead sentence
	Published    When // publication time from the page chrome
	EventDate    When // the day the reported meeting or event took place
	Views        int  // the page's view counter; meaningful only when HasViews
	HasViews     bool
	Byline       string // the author or issuing office, as printed; "" when none
	SourceURL    string // a link to the original that the text gives; "" when none
	Unit         *Unit  // the unit the report is about; nil when none is
	Mentions     []Unit // every other unit the text names
	Body         []string
	Captions     []string
	Metrics      []Metric
	Problems     []string
	// Chrome holds the lines dropped as page chrome (menus, counters, the
	// date line, ...), in page order. It is not part of the export record;
	// the reader can show it, and it proves that nothing was lost.
	Chrome []string
}

// record is the export shape of an Article (EXPORT.md, field for field).
type record struct {
	ID           string   `json:"id"`
	Path         string   `json:"path"`
	Title        string   `json:"title"`
	TitleDerived bool     `json:"title_derived"`
	Published    When     `json:"published"`
	EventDate    When     `json:"event_date"`
	Views        *int     `json:"views"`
	Byline       *string  `json:"byline"`
	SourceURL    *string  `json:"source_url"`
	Unit         *Unit    `json:"unit"`
	Mentions     []Unit   `json:"mentions"`
	Body         []string `json:"body"`
	Captions     []string `json:"captions"`
	Metrics      []Metric `json:"metrics"`
	Problems     []string `json:"problems"`
}

// MarshalJSON writes the export record. Absent values are null and empty
// lists are [], never null; see AppendJSON.
func (a Article) MarshalJSON() ([]byte, error) { return a.AppendJSON(nil) }

// UnmarshalJSON reads what MarshalJSON writes (Chrome is not in the record).
func (a *Article) UnmarshalJSON(b []byte) error {
	var r record
	if err := json.Unmarshal(b, &r); err != nil {
		return err
	}
	*a = Article{
		ID: r.ID, Path: r.Path, Title: r.Title, TitleDerived: r.TitleDerived,
		Published: r.Published, EventDate: r.EventDate, Unit: r.Unit,
		Mentions: r.Mentions, Body: r.Body, Captions: r.Captions, Metrics: r.Metrics, Problems: r.Problems,
	}
	if r.Views != nil {
		a.Views, a.HasViews = *r.Views, true
	}
	if r.Byline != nil {
		a.Byline = *r.Byline
	}
	if r.SourceURL != nil {
		a.SourceURL = *r.SourceURL
	}
	return nil
}
