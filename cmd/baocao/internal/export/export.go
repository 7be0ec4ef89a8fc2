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
	"sync"

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
	if format == "jsonl" || format == "json" {
		// The record is about the size of its text: start there.
		n := 512 + len(a.Title)
		for _, p := range a.Body {
			n += len(p) + 8
		}
		return appendRendered(make([]byte, 0, n+n/4), format, a)
	}
	return appendRendered(nil, format, a)
}

// appendRendered appends what Render returns to b.
func appendRendered(b []byte, format string, a *model.Article) ([]byte, error) {
	switch format {
	case "jsonl", "json":
		// Not json.Marshal(a), which would check the whole output once more.
		b, err := a.AppendJSON(b)
		if err != nil {
			return b, fmt.Errorf("article %s: %w", a.ID, err)
		}
		if format == "jsonl" {
			b = append(b, '\n')
		}
		return b, nil
	case "csv":
		buf := bytes.NewBuffer(b)
		cw := csv.NewWriter(buf)
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
				return buf.Bytes(), err
			}
		}
		cw.Flush()
		return buf.Bytes(), cw.Error()
	}
	return b, fmt.Errorf("unknown format %q (want one of jsonl, json, csv)", format)
}

// A Batch holds the records of a few articles, rendered on a loader's
// worker, in one buffer. Encoder.WriteBatch writes it and hands the buffer
// back for the next batch: an export of a large corpus renders about as many
// bytes as it reads, and buffers used again stay warm in the cache instead of
// giving the collector that much to sweep.
type Batch struct {
	buf  []byte
	ends []int // where each record ends in buf
}

var batches = sync.Pool{New: func() any { return new(Batch) }}

// RenderBatch renders articles in format into a Batch. It is safe for
// concurrent use.
func RenderBatch(format string, articles []model.Article) (*Batch, error) {
	bt := batches.Get().(*Batch)
	for i := range articles {
		var err error
		if bt.buf, err = appendRendered(bt.buf, format, &articles[i]); err != nil {
			bt.release()
			return nil, err
		}
		bt.ends = append(bt.ends, len(bt.buf))
	}
	return bt, nil
}

// Len is the number of records in the batch.
func (bt *Batch) Len() int { return len(bt.ends) }

// release empties the batch and puts it back for RenderBatch to use again;
// one that grew very large (a JSON Lines file of many articles) is left to
// the collector rather than kept for good.
func (bt *Batch) release() {
	if cap(bt.buf) > 4<<20 {
		return
	}
	bt.buf, bt.ends = bt.buf[:0], bt.ends[:0]
	batches.Put(bt)
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

// WriteBatch writes the records of a batch in order, as WriteRendered
// writes each, and releases the batch: it must not be used afterwards.
func (e *Encoder) WriteBatch(bt *Batch) error {
	defer bt.release()
	start := 0
	for _, end := range bt.ends {
		if err := e.WriteRendered(bt.buf[start:end]); err != nil {
			return err
		}
		start = end
	}
	return nil
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
