package detail

import (
	"container/list"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"
	"weak"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"

	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/common"
)

// renderKey is what a rendering depends on.
type renderKey struct {
	id    int32
	width int
	style string // Glamour style name: dark, light, notty
	lang  common.Lang
}

// rendered is an article laid out for one width and theme.
type rendered struct {
	key    renderKey
	lines  []string // with SGR styling
	plain  []string // the same lines without styling, for search
	widths []int    // the lines' widths in cells (at most key.width)
	// partial is set on a first screen: the head and the first blocks of
	// a long report, shown while the whole is rendered (see firstBytes).
	partial bool
}

// firstBytes is how much Markdown a first screen renders: a screenful of
// the longest terminals, and a fraction of a long report's cost.
const firstBytes = 3 << 10

// isLong reports whether an article is long enough to be shown in two
// steps (first screen, then the whole).
func isLong(a *model.Article) bool {
	n := 0
	for _, p := range a.Body {
		n += len(p)
	}
	return n > 2*firstBytes
}

// Glamour renderers are pooled per (wrap width, style): a TermRenderer
// holds buffers and parser state and is not safe for concurrent use, so a
// goroutine takes one from the pool, uses it alone, and puts it back. Many
// SSH sessions (one Bubble Tea program each) and the parallel parts of one
// rendering thus never share a renderer, and a new session does not pay for
// building one (goldmark and the style) when others have.
type poolKey struct {
	width int
	style string
}

var pools sync.Map // poolKey -> *sync.Pool of *glamour.TermRenderer

func getRenderer(k poolKey) (*glamour.TermRenderer, *sync.Pool, error) {
	p, ok := pools.Load(k)
	if !ok {
		p, _ = pools.LoadOrStore(k, &sync.Pool{})
	}
	pool := p.(*sync.Pool)
	if tr, ok := pool.Get().(*glamour.TermRenderer); ok {
		return tr, pool, nil
	}
	tr, err := glamour.NewTermRenderer(glamour.WithStyles(styleFor(k.style)), glamour.WithWordWrap(k.width))
	return tr, pool, err
}

// styleFor is a Glamour standard style without the document's margin and
// colour. Glamour pads every line of a block to the width with styled
// spaces; with a document colour each pad is an SGR sequence, which made
// rendering five times slower (BenchmarkRender). The text takes the
// terminal's own foreground instead, and layout adds the margin.
func styleFor(name string) gansi.StyleConfig {
	base, ok := styles.DefaultStyles[name]
	if !ok {
		base = styles.DefaultStyles[styles.DarkStyle]
	}
	st := *base
	var zero uint
	st.Document.Margin = &zero
	st.Document.Color = nil
	st.Document.BackgroundColor = nil
	st.Document.BlockPrefix, st.Document.BlockSuffix = "", ""
	return st
}

// margin is the left margin of the rendering, in cells.
const margin = 2

// render lays out article k.id. The Markdown blocks of a long report are
// cut into parts, rendered in parallel, one pooled renderer per part.
//
// With first set, only the first blocks (about firstBytes of Markdown) are
// rendered, as one part: the first screen of a long report.
func render(c *model.Corpus, k renderKey, first bool) (*rendered, error) {
	a := c.At(k.id)
	blocks := document(a, k.lang, stylesFor(k.style), k.width)
	if first {
		n := 0
		for i, b := range blocks {
			n += len(b.md)
			if n >= firstBytes || b.lines != nil {
				blocks = blocks[:i+1]
				break
			}
		}
	}
	// segments: runs of Markdown (possibly split for parallelism) and
	// laid-out lines, in document order.
	type segment struct {
		md    string
		lines []string
		out   string
		err   error
	}
	var segs []*segment
	var run []string
	procs := runtime.GOMAXPROCS(0)
	if first {
		procs = 1
	}
	flush := func() {
		for _, p := range splitParts(run, procs) {
			segs = append(segs, &segment{md: p})
		}
		run = nil
	}
	for _, b := range blocks {
		if b.lines != nil {
			flush()
			segs = append(segs, &segment{lines: b.lines})
			continue
		}
		run = append(run, b.md)
	}
	flush()
	pk := poolKey{wrapWidth(k.width), k.style}
	var wg sync.WaitGroup
	for _, s := range segs {
		if s.md == "" {
			continue
		}
		wg.Go(func() {
			tr, pool, err := getRenderer(pk)
			if err != nil {
				s.err = err
				return
			}
			s.out, s.err = tr.Render(s.md)
			pool.Put(tr)
		})
	}
	wg.Wait()
	r := &rendered{key: k, partial: first}
	for _, s := range segs {
		if s.err != nil {
			return nil, s.err
		}
		if s.lines != nil {
			r.addLines(s.lines, k.width)
			continue
		}
		r.addLines(strings.Split(unescapeRendered(keepSGR(applyMarks(s.out, k.style))), "\n"), k.width)
	}
	r.trim()
	return r, nil
}

// stylesFor rebuilds the screen styles of a Glamour style name, for the
// parts of the document drawn with Lip Gloss.
func stylesFor(style string) *common.Styles {
	return common.StylesFor(style != styles.LightStyle, style == styles.NoTTYStyle)
}

// splitParts joins blocks into at most n parts of similar size; small
// documents stay whole (a goroutine costs more than it saves).
func splitParts(blocks []string, n int) []string {
	total := 0
	for _, b := range blocks {
		total += len(b)
	}
	const minPart = 2 << 10
	n = max(1, min(n, total/minPart))
	target := total/n + 1
	var parts []string
	var cur strings.Builder
	for _, b := range blocks {
		if cur.Len() > 0 && cur.Len()+len(b) > target && len(parts) < n-1 {
			parts = append(parts, cur.String())
			cur.Reset()
		}
		cur.WriteString(b)
	}
	if cur.Len() > 0 {
		parts = append(parts, cur.String())
	}
	return parts
}

// wrapWidth is Glamour's word-wrap width for a pane width: the margin on
// both sides is outside it.
func wrapWidth(w int) int { return max(w-2*margin, 20) }

// addLines appends rendered lines: trailing padding trimmed, the left
// margin added, cut to the width, and runs of blank lines (also where two
// parts meet) made one; leading blank lines are dropped.
func (r *rendered) addLines(lines []string, width int) {
	pad := strings.Repeat(" ", margin)
	for _, l := range lines {
		l = trimStyled(l)
		plain := ansi.Strip(l)
		if strings.TrimSpace(plain) == "" {
			if len(r.lines) == 0 || r.plain[len(r.plain)-1] == "" {
				continue
			}
			r.lines = append(r.lines, "")
			r.plain = append(r.plain, "")
			r.widths = append(r.widths, 0)
			continue
		}
		l = pad + l
		w := ansi.StringWidth(plain) + margin
		if w > width {
			l = ansi.Truncate(l, width, "")
			plain = ansi.Strip(l)
			w = ansi.StringWidth(plain)
		} else {
			plain = pad + plain
		}
		r.lines = append(r.lines, l)
		r.plain = append(r.plain, plain)
		r.widths = append(r.widths, w)
	}
}

// trim drops trailing blank lines.
func (r *rendered) trim() {
	for len(r.lines) > 0 && r.plain[len(r.plain)-1] == "" {
		r.lines, r.plain, r.widths = r.lines[:len(r.lines)-1], r.plain[:len(r.plain)-1], r.widths[:len(r.widths)-1]
	}
}

// trimStyled drops the trailing spaces of a styled line, with the SGR
// sequences among them (Glamour pads every line to the width, each space
// styled on its own), and closes any styling left open.
func trimStyled(l string) string {
	end := 0 // just past the last visible character other than a space
	for i := 0; i < len(l); {
		switch c := l[i]; {
		case c == 0x1b && i+1 < len(l) && l[i+1] == '[':
			e, _ := csiEnd(l, i+2)
			i = e + 1
		case c == ' ':
			i++
		default:
			_, n := utf8.DecodeRuneInString(l[i:])
			i += n
			end = i
		}
	}
	if end == len(l) {
		return l
	}
	kept := l[:end]
	if strings.Contains(kept, "\x1b[") {
		kept += "\x1b[m"
	}
	return kept
}

// SGR used for marks: attributes with their own "off" codes, so that
// switching the mark off leaves Glamour's colours alone.
const (
	figOn  = "\x1b[1;4m" // bold, underline
	figOff = "\x1b[22;24m"
	evOn   = "\x1b[4m" // underline
	evOff  = "\x1b[24m"
)

// applyMarks replaces the mark characters of the Markdown (see doc.go) by
// SGR (bold and underline, no colour: also right without colours, like the
// NoColor styles of ui/common). Inside a mark, Glamour's own SGR (it resets after each text run) and
// line breaks would end the highlight, so it is switched on again before
// the next visible character; spaces that end a line inside a mark are not
// highlighted.
func applyMarks(s, style string) string {
	if !strings.ContainsRune(s, markOpen) && !strings.ContainsRune(s, evOpen) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 64)
	on, off := "", ""  // current mark's codes; "" outside a mark
	active := false    // the mark's SGR is in effect
	pendingSpaces := 0 // spaces seen inside a mark, not yet written
	flushSpaces := func() {
		for ; pendingSpaces > 0; pendingSpaces-- {
			b.WriteByte(' ')
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			end, _ := csiEnd(s, i+2)
			flushSpaces()
			b.WriteString(s[i : end+1])
			if on != "" {
				active = false // Glamour may have reset attributes
			}
			i = end + 1
			continue
		case c == '\n':
			if active {
				b.WriteString(off)
				active = false
			}
			flushSpaces()
			b.WriteByte('\n')
			i++
			continue
		case c == ' ' && on != "":
			pendingSpaces++
			i++
			continue
		case c < utf8.RuneSelf:
			if on != "" && !active {
				b.WriteString(on)
				active = true
			}
			flushSpaces()
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case markOpen, evOpen:
			flushSpaces()
			on, off = figOn, figOff
			if r == evOpen {
				on, off = evOn, evOff
			}
			b.WriteString(on)
			active = true
		case markClose, evClose:
			if active {
				b.WriteString(off)
			}
			flushSpaces()
			on, off, active = "", "", false
		default:
			if on != "" && !active {
				b.WriteString(on)
				active = true
			}
			flushSpaces()
			b.WriteRune(r)
		}
	}
	if active {
		b.WriteString(off)
	}
	return b.String()
}

// shared are the renderings any pane holds, found by corpus and key, so
// that sessions reading the same report at the same width, theme and
// language render it once and hold it once (readers of one server mostly
// open the same, newest, reports). A rendering is never modified once made.
// The references are weak: a rendering lives as long as some pane's cache
// or screen holds it, and an entry does not keep its corpus alive.
var shared struct {
	sync.Mutex
	m    map[sharedKey]weak.Pointer[rendered]
	puts int
}

type sharedKey struct {
	corpus weak.Pointer[model.Corpus]
	key    renderKey
}

// sharedGet returns the rendering of k over c some pane holds, or nil.
func sharedGet(c *model.Corpus, k renderKey) *rendered {
	shared.Lock()
	defer shared.Unlock()
	return shared.m[sharedKey{weak.Make(c), k}].Value()
}

// sharedPut offers a whole rendering over c to the other panes.
func sharedPut(c *model.Corpus, r *rendered) {
	if r.partial {
		return
	}
	shared.Lock()
	defer shared.Unlock()
	if shared.m == nil {
		shared.m = make(map[sharedKey]weak.Pointer[rendered])
	}
	shared.m[sharedKey{weak.Make(c), r.key}] = weak.Make(r)
	if shared.puts++; shared.puts%256 == 0 { // drop the entries of renderings gone
		for k, p := range shared.m {
			if p.Value() == nil || k.corpus.Value() == nil {
				delete(shared.m, k)
			}
		}
	}
}

// cache is a bounded LRU of rendered articles, per pane. Reading it from
// View is safe: only Update (one goroutine) touches it.
type cache struct {
	max   int
	ll    *list.List // front = most recent; values *rendered
	items map[renderKey]*list.Element
}

func newCache(max int) *cache {
	return &cache{max: max, ll: list.New(), items: make(map[renderKey]*list.Element)}
}

func (c *cache) get(k renderKey) (*rendered, bool) {
	if e, ok := c.items[k]; ok {
		c.ll.MoveToFront(e)
		return e.Value.(*rendered), true
	}
	return nil, false
}

func (c *cache) put(r *rendered) {
	if e, ok := c.items[r.key]; ok {
		e.Value = r
		c.ll.MoveToFront(e)
		return
	}
	c.items[r.key] = c.ll.PushFront(r)
	for c.ll.Len() > c.max {
		e := c.ll.Back()
		c.ll.Remove(e)
		delete(c.items, e.Value.(*rendered).key)
	}
}

func (c *cache) clear() {
	c.ll.Init()
	clear(c.items)
}
