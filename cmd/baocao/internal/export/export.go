// Package export writes articles as the records of ../shared/spec/EXPORT.md:
// JSON Lines, one JSON array, or CSV with one row per metric. The command
// line's export and the SSH server's share it.
//
// Rendering one article (Render) is separate from writing (Encoder), so that a
// loader can render on many cores and write in order on one.
package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/baocao/baocao/model"
)

// Formats are the formats export knows; the first is the default.
var Formats = []string{"jsonl", "json", "csv"}

// CSVHeader is the first row of the CSV format.
var CSVHeader = []string{"article_id", "title", "unit", "key", "kind", "value", "measure", "plan_pct", "year", "evidence"}

// Valid reports whether format is one of Formats.
func Valid(format string) bool {
	for _, f := range Formats {
		if f == format {
			return true
		}
	}
	return false
}

// Write writes articles to w in format, buffered, and flushes.
func Write(w io.Writer, format string, articles []model.Article) error {
	e, err := NewEncoder(w, format)
	if err != nil {
		return err
	}
	for i := range articles {
		if err := e.Encode(&articles[i]); err != nil {
			return err
		}
	}
	return e.Close()
}

// Render returns one article's part of the output in format: for jsonl its
// line, for json its object (Encoder adds the commas), for csv its rows (none
// when it has no metrics). It is safe for concurrent use.
func Render(format string, a *model.Article) ([]byte, error) {
	switch format {
	case "jsonl", "json":
		// Not json.Marshal(a), which would check the whole output once
		// more. The record is about the size of its text: start there.
		n := 512 + len(a.Title)
		for _, p := range a.Body {
			n += len(p) + 8
		}
		b, err := a.AppendJSON(make([]byte, 0, n+n/4))
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", a.ID, err)
		}
		if format == "jsonl" {
			b = append(b, '\n')
		}
		return b, nil
	case "csv":
		var buf bytes.Buffer
		cw := csv.NewWriter(&buf)
		unit := ""
		if a.Unit != nil {
			unit = a.Unit.String()
		}
		for _, m := range a.Metrics {
			planPct, year := "", ""
			if m.HasPlanPct() {
				planPct = number(m.PlanPct)
			}
			if m.Year != 0 {
				year = strconv.Itoa(m.Year)
			}
			if err := cw.Write([]string{a.ID, a.Title, unit, string(m.Key), string(m.Kind), number(m.Value),
				string(m.Measure), planPct, year, m.Evidence}); err != nil {
				return nil, err
			}
		}
		cw.Flush()
		return buf.Bytes(), cw.Error()
	}
	return nil, fmt.Errorf("unknown format %q (want one of jsonl, json, csv)", format)
}

// number writes a value in full, never with an exponent: 12515000000000.
func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// Encoder writes records one at a time. Close finishes the output (the
// closing bracket of json) and flushes it.
type Encoder struct {
	w      *bufio.Writer
	format string
	n      int
	err    error
}

// NewEncoder starts an output in format on w: the header row of csv, the
// opening bracket of json.
func NewEncoder(w io.Writer, format string) (*Encoder, error) {
	if !Valid(format) {
		return nil, fmt.Errorf("unknown format %q (want one of jsonl, json, csv)", format)
	}
	e := &Encoder{w: bufio.NewWriterSize(w, 256<<10), format: format}
	switch format {
	case "json":
		_, e.err = e.w.WriteString("[")
	case "csv":
		cw := csv.NewWriter(e.w)
		e.err = cw.Write(CSVHeader)
		cw.Flush()
	}
	return e, e.err
}

// Encode writes one article.
func (e *Encoder) Encode(a *model.Article) error {
	b, err := Render(e.format, a)
	if err != nil {
		return err
	}
	return e.WriteRendered(b)
}

// WriteRendered writes what Render made for this Encoder's format.
func (e *Encoder) WriteRendered(b []byte) error {
	if e.err != nil {
		return e.err
	}
	if e.format == "json" {
		sep := ",\n"
		if e.n == 0 {
			sep = "\n"
		}
		if _, e.err = e.w.WriteString(sep); e.err != nil {
			return e.err
		}
	}
	e.n++
	_, e.err = e.w.Write(b)
	return e.err
}

// Close ends the output and flushes it.
func (e *Encoder) Close() error {
	if e.err != nil {
		return e.err
	}
	if e.format == "json" {
		end := "\n]\n"
		if e.n == 0 {
			end = "]\n"
		}
		if _, e.err = e.w.WriteString(end); e.err != nil {
			return e.err
		}
	}
	e.err = e.w.Flush()
	return e.err
}
