package common

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/mattn/go-runewidth"

	"github.com/baocao/baocao/model"
)

// Cut returns the longest prefix of plain text s that fits in w cells, by
// whole runes, and its width. It never splits an accented letter.
func Cut(s string, w int) (string, int) {
	width := 0
	for i, r := range s {
		rw := runewidth.RuneWidth(r)
		if width+rw > w {
			return s[:i], width
		}
		width += rw
	}
	return s, width
}

// Fit truncates plain text s to w cells, ending with "…" when it was cut,
// and pads it with spaces to exactly w cells.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	p, pw := Cut(s, w)
	if len(p) < len(s) {
		p, pw = Cut(s, w-1)
		p += "…"
		pw++
	}
	if pw < w {
		p += strings.Repeat(" ", w-pw)
	}
	return p
}

// FitRight is Fit aligned right.
func FitRight(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := runewidth.StringWidth(s)
	if sw >= w {
		return Fit(s, w)
	}
	return strings.Repeat(" ", w-sw) + s
}

// Paint is a style reduced to the escape sequences around its text, for
// styling many short runs cheaply (rows of a list): lipgloss renders an
// underlined style rune by rune, and any style costs a few microseconds per
// Render. Use only for inline styles (colours and attributes, no padding,
// width or borders).
type Paint struct{ pre, post string }

// PaintOf reduces an inline style to a Paint.
func PaintOf(s lipgloss.Style) Paint {
	out := s.Render("x")
	i := strings.Index(out, "x")
	if i < 0 {
		return Paint{}
	}
	return Paint{pre: out[:i], post: out[i+1:]}
}

// Render styles s.
func (p Paint) Render(s string) string {
	if s == "" || p.pre == "" && p.post == "" {
		return s
	}
	return p.pre + s + p.post
}

// Write styles s into b.
func (p Paint) Write(b *strings.Builder, s string) {
	if s == "" {
		return
	}
	b.WriteString(p.pre)
	b.WriteString(s)
	b.WriteString(p.post)
}

// Highlight writes plain text s truncated and padded to exactly w cells
// (Fit) into b, with the byte spans (model.Highlights) painted match and the
// rest base. Spans past the cut are dropped, so a match never splits a
// letter.
func Highlight(b *strings.Builder, s string, spans []model.Span, w int, base, match Paint) {
	fitted := Fit(s, w)
	if len(spans) == 0 {
		base.Write(b, fitted)
		return
	}
	// Fit keeps a byte prefix of s; text after that prefix is "…" or padding.
	keep, _ := Cut(s, w)
	if len(keep) < len(s) {
		keep, _ = Cut(s, w-1)
	}
	pos := 0
	for _, sp := range spans {
		if sp.Start >= len(keep) {
			break
		}
		end := min(sp.End, len(keep))
		if sp.Start > pos {
			base.Write(b, keep[pos:sp.Start])
		}
		match.Write(b, keep[sp.Start:end])
		pos = end
	}
	base.Write(b, fitted[pos:])
}
