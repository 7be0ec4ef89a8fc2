// Package data reads report files and understands them: it decodes bytes into
// text, makes the text safe for a terminal, and hands it to the page and
// figures parsers, producing the model.Articles a corpus is made of.
//
// The pipeline for one file is
//
//	read → decode → sanitise → NFC → page.Parse → figures.Extract
//
// and Load runs it on all cores, handing back articles in a stable order. Its
// promise, from ../shared/spec/EXPORT.md: nothing an input holds is silently
// dropped. A file that cannot be opened is a load error; every other file
// becomes at least one record, and whatever went wrong on the way (bytes that
// are not UTF-8, characters removed for the terminal's sake, a binary or empty
// file, a parser that panicked) is one of its Problems.
package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"github.com/baocao/baocao/data/figures"
	"github.com/baocao/baocao/data/page"
	"github.com/baocao/baocao/model"
)

// Options tune a load. The zero Options is ready to use.
type Options struct {
	// Progress, when set, is called after each input file has been handed
	// on, with the number of files done, the number there are, and the
	// bytes read so far. It is called from one goroutine, in input order.
	// Folders are walked as their files are read, so while a walk is still
	// under way (the first tens of milliseconds of a folder of tens of
	// thousands of files) the number there are is the number found so far.
	Progress func(done, total int, bytes int64)
	// Workers is how many files are understood at once; 0 means one per CPU
	// (runtime.GOMAXPROCS).
	Workers int
	// Stdin is what the path "-" reads; nil means os.Stdin.
	Stdin io.Reader
	// Transient, for Stream, says that fn keeps nothing of the articles it
	// is given: no string of theirs is used after fn returns. The loader
	// then reads each file found in a folder into memory it uses again
	// for the next file once fn is done with it, rather than into memory
	// of its own for the collector to free. An export, which only writes
	// each record, reads about 120 MB less on the 2017 crawl this way.
	// Load and FromTexts keep the articles and ignore it.
	Transient bool
	// Parse understands one article's prepared text (decoded, sanitised,
	// NFC, "\n" line ends), filling a's fields; nil means page.Parse, then
	// figures.Extract. It runs on many goroutines at once. The loader
	// recovers from its panics and repairs unsafe text it returns.
	Parse func(text string, a *model.Article)
}

// Result is what Load built.
type Result struct {
	// Articles in a stable order: the paths in the order given, each folder
	// walked recursively in lexical order, a JSON Lines file's records in
	// line order.
	Articles []model.Article
	// Errors are the inputs that could not be read at all, in input order;
	// each names its path. They have no record.
	Errors []error
	// Skipped are the entries of folders passed over without a record:
	// hidden files and folders (names starting with "."), links to folders,
	// and files whose extension is not a text one and whose content is not
	// text (images, archives). Files named as a PATH are never skipped.
	Skipped []string
	// Files is the number of files read and Bytes their size.
	Files int
	Bytes int64
}

// Load reads and understands the articles at paths. A path is a file, a
// folder (walked recursively), or "-" for one article from Options.Stdin. With
// no paths it loads the embedded sample corpus (see Sample).
//
// Which files a folder walk reads: ".txt", ".text", ".md", ".markdown" and
// files without an extension as plain text; ".jsonl" and ".ndjson" as JSON
// Lines (see the package's JSON Lines notes); any other file when its content
// is text, as plain text. A file named as a path is always read, by the same
// rule on its extension.
//
// The returned error is only ever the context's: files that cannot be read are
// listed in Result.Errors and the load goes on.
func Load(ctx context.Context, paths []string, opts Options) (*Result, error) {
	opts.Transient = false // the articles are kept
	var arts []model.Article
	res, err := Stream(ctx, paths, opts,
		func(as []model.Article) []model.Article { return as },
		func(as []model.Article) error { arts = append(arts, as...); return nil })
	if res != nil {
		res.Articles = arts
	}
	return res, err
}

// Stream loads like Load without keeping the articles: for each input file,
// in input order, it calls emit with what fn made of the file's articles. fn
// runs on the worker that understood the file, in parallel with other files
// (use it for per-article work such as encoding); emit runs on the calling
// goroutine. If emit returns an error the load stops and Stream returns it;
// the Result then holds what was met up to there (the walk stops too).
// The Result's Articles is nil.
func Stream[T any](ctx context.Context, paths []string, opts Options, fn func([]model.Article) T, emit func(T) error) (*Result, error) {
	// The folders are walked as the files are read: a walk of one folder of
	// 35,000 files takes about 60 ms, which would otherwise pass before the
	// first file is read. What the walk meets (errors, skipped entries) it
	// notes apart and comes first in the Result, as it was met first.
	walk := &Result{}
	feed := func(yield func(*job) bool) {
		if len(paths) == 0 {
			for _, j := range sampleJobs() {
				if !yield(&j) {
					return
				}
			}
		}
		for _, p := range paths {
			if !collect(p, opts, walk, yield) {
				return
			}
		}
	}
	res := &Result{}
	err := run(ctx, feed, opts, res, fn, emit)
	res.Errors = append(walk.Errors, res.Errors...)
	res.Skipped = append(walk.Skipped, res.Skipped...)
	return res, err
}

// Text is one article given as text rather than as a file.
type Text struct {
	ID, Path string
	Text     string
}

// FromTexts understands texts as Load understands files (decode, sanitise,
// NFC, parse), in parallel, and returns the articles in the order given. The
// error is only ever the context's.
func FromTexts(ctx context.Context, texts []Text, opts Options) ([]model.Article, error) {
	opts.Transient = false // the articles are kept
	jobs := make([]job, len(texts))
	for i, t := range texts {
		jobs[i] = job{id: t.ID, rel: t.Path, name: t.Path, size: int64(len(t.Text)),
			read: func() (string, error) { return t.Text, nil }}
	}
	// Each text is one record: it is made in its place in arts.
	arts := make([]model.Article, len(texts))
	for i := range jobs {
		jobs[i].out = arts[i : i+1 : i+1]
	}
	n := 0 // records so far, in order; n <= the index of the job emitted
	feed := func(yield func(*job) bool) {
		for i := range jobs {
			if !yield(&jobs[i]) {
				return
			}
		}
	}
	err := run(ctx, feed, opts, &Result{},
		func(as []model.Article) []model.Article { return as },
		func(as []model.Article) error {
			for i := range as {
				if &as[i] != &arts[n] {
					arts[n] = as[i]
				}
				n++
			}
			return nil
		})
	return arts[:n], err
}

// format is how a file's text is read.
type format int

const (
	plain   format = iota // one article
	jsonl                 // one article per line
	unknown               // plain if it is text, else skipped
)

// formatOf tells a file's format by its extension.
func formatOf(name string) format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".md", ".markdown", "":
		return plain
	case ".jsonl", ".ndjson":
		return jsonl
	}
	return unknown
}

// job is one input file.
type job struct {
	name   string // the path as the user gave or the walk found it, for errors
	rel    string // the record's Path
	id     string // the record's ID
	size   int64  // known once read
	format format
	walked bool // found by walking a folder: may be skipped when not text
	// out, when set, is where the record of a text of one article is made
	// (FromTexts' result), instead of a slice of its own.
	out  []model.Article
	read func() (string, error) // nil: read the file name
	// root, for a file found by walking a folder, is that folder: the
	// worker that reads the file works out rel and id (named).
	root string
	// transient: the text may be read into buf, from readBufs, which is
	// handed back once the job's articles are done with (Options.Transient)
	transient bool
	buf       *[]byte
	parse     func(string, *model.Article) // Options.Parse, set by run
}

// idOf is a file name without its extension.
func idOf(name string) string {
	base := filepath.Base(name)
	if ext := filepath.Ext(base); ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}

// readFile reads a whole file; the text shares the buffer, which nothing
// else holds.
func readFile(name string) (string, error) {
	b, err := readWhole(name)
	if err != nil || len(b) == 0 {
		return "", err
	}
	return unsafe.String(&b[0], len(b)), nil
}

// readBufs holds the buffers transient jobs read files into.
var readBufs = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// maxReadBuf is the largest buffer readBufs keeps: a larger file is read
// into memory of its own.
const maxReadBuf = 1 << 20

// readTransient reads a file found by a walk into a buffer from
// readBufs, which j holds until releaseBuf.
func (j *job) readTransient() (string, error) {
	j.buf = readBufs.Get().(*[]byte)
	b, err := readWholeInto(j.name, *j.buf)
	if b != nil && cap(b) <= maxReadBuf {
		*j.buf = b[:0] // grown, perhaps: keep the larger one
	}
	if err != nil || len(b) == 0 {
		return "", err
	}
	return unsafe.String(&b[0], len(b)), nil
}

// releaseBuf hands back the buffer the job's text was read into: nothing
// may use the text, or any string of its articles, afterwards.
func (j *job) releaseBuf() {
	if j.buf != nil {
		readBufs.Put(j.buf)
		j.buf = nil
	}
}

// collect hands yield the jobs for one PATH, in order; what cannot be read
// goes to res.Errors, what is passed over to res.Skipped. It reports false
// when yield did, and then stops.
func collect(root string, opts Options, res *Result, yield func(*job) bool) bool {
	if root == "-" {
		in := opts.Stdin
		if in == nil {
			in = os.Stdin
		}
		return yield(&job{name: "-", rel: "-", id: "stdin", format: plain, read: func() (string, error) {
			b, err := io.ReadAll(in)
			if err != nil {
				return "", fmt.Errorf("standard input: %w", err)
			}
			return string(b), nil
		}})
	}
	info, err := os.Stat(root)
	if err != nil {
		res.Errors = append(res.Errors, err)
		return true
	}
	if !info.IsDir() {
		j := fileJob(root, filepath.Clean(root), false)
		return yield(&j)
	}
	stopped := false
	walkErr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			res.Errors = append(res.Errors, err)
			return nil // WalkDir skips an unreadable folder by itself
		}
		if p == root {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			res.Skipped = append(res.Skipped, p+" (hidden)")
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			info, err := os.Stat(p) // follows the link
			if err != nil {
				res.Errors = append(res.Errors, err)
				return nil
			}
			if info.IsDir() {
				res.Skipped = append(res.Skipped, p+" (link to a folder)")
				return nil
			}
			if !info.Mode().IsRegular() {
				res.Skipped = append(res.Skipped, p+" (not a regular file)")
				return nil
			}
		} else if !d.Type().IsRegular() {
			res.Skipped = append(res.Skipped, p+" (not a regular file)")
			return nil
		}
		if !yield(&job{name: p, root: root, format: formatOf(p), walked: true}) {
			stopped = true
			return filepath.SkipAll
		}
		return nil
	})
	if walkErr != nil {
		res.Errors = append(res.Errors, walkErr)
	}
	return !stopped
}

func fileJob(p, rel string, walked bool) job {
	return job{name: p, rel: rel, id: idOf(p), format: formatOf(p), walked: walked}
}

// named fills in the record's Path and ID of a file found by a walk.
func (j *job) named() {
	if j.root == "" || j.rel != "" {
		return
	}
	rel, err := filepath.Rel(j.root, j.name)
	if err != nil {
		rel = j.name
	}
	j.rel, j.id = filepath.ToSlash(rel), idOf(j.name)
}

// outcome is what one job came to.
type outcome[T any] struct {
	val     T
	err     error
	skipped string
}

type slot[T any] struct {
	job  *job
	done chan outcome[T]
}

// run understands the jobs that feed yields on opts.Workers goroutines and
// emits the results in job order. feed runs on a goroutine of its own,
// alongside the work. At most 32 jobs per worker are in flight (window),
// so memory stays bounded however many files there are.
func run[T any](ctx context.Context, feed iter.Seq[*job], opts Options, res *Result, fn func([]model.Article) T, emit func(T) error) error {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	parseFn := opts.Parse
	if parseFn == nil {
		parseFn = parsers
	}
	// The window is how many files may be read ahead of the one emit waits
	// for. A file of 50 KB takes some 20 times as long as a median one, so
	// a window of a few files per worker left the other workers idle behind
	// it, and their goroutines parking and waking cost time of their own:
	// 32 per worker exported the 2017 crawl in 1.29 s (median of 10) where
	// 4 per worker took 1.37 s. What it holds is a few MB.
	window := 32*workers + 4
	order := make(chan *slot[T], window)
	work := make(chan *slot[T], window)
	var found atomic.Int64 // jobs fed so far: the total that Progress reports
	go func() {
		defer close(order)
		defer close(work)
		for j := range feed {
			j.parse, j.transient = parseFn, opts.Transient
			s := &slot[T]{job: j, done: make(chan outcome[T], 1)}
			found.Add(1)
			select {
			case order <- s:
			case <-ctx.Done():
				return
			}
			work <- s // never blocks for long: workers drain work until it closes
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range work {
				if ctx.Err() != nil {
					s.done <- outcome[T]{err: ctx.Err()}
					continue
				}
				arts, skipped, err := process(s.job)
				o := outcome[T]{err: err, skipped: skipped}
				if err == nil && skipped == "" {
					o.val = fn(arts)
				}
				s.job.releaseBuf() // fn is done with the text (Options.Transient)
				s.done <- o
			}
		}()
	}
	defer wg.Wait()
	done := 0
	var stop error
	for s := range order {
		o := <-s.done
		if stop != nil {
			continue // drain
		}
		if err := ctx.Err(); err != nil {
			stop = err
			cancel()
			continue
		}
		done++
		switch {
		case o.err != nil:
			res.Errors = append(res.Errors, o.err)
		case o.skipped != "":
			res.Skipped = append(res.Skipped, s.job.name+" ("+o.skipped+")")
		default:
			res.Files++
			res.Bytes += s.job.size
			if err := emit(o.val); err != nil {
				stop = err
				cancel()
				continue
			}
		}
		if opts.Progress != nil {
			opts.Progress(done, int(found.Load()), res.Bytes)
		}
	}
	return stop
}

// process reads and understands one file.
func process(j *job) (arts []model.Article, skipped string, err error) {
	j.named()
	var raw string
	switch {
	case j.read != nil:
		raw, err = j.read()
	case j.transient && j.walked:
		raw, err = j.readTransient()
	default:
		raw, err = readFile(j.name)
	}
	if err != nil {
		var pe *fs.PathError
		if !errors.As(err, &pe) && j.name != "-" {
			err = fmt.Errorf("%s: %w", j.name, err)
		}
		return nil, "", err
	}
	j.size = int64(len(raw))
	text, problems, binary, clean := decode(raw)
	if binary != "" {
		if j.walked && j.format == unknown {
			return nil, "not text", nil
		}
		arts = j.record()
		arts[0] = model.Article{ID: j.id, Path: j.rel, Problems: []string{binary}}
		return arts, "", nil
	}
	if j.format == jsonl {
		return readJSONL(j, text, problems), "", nil
	}
	// The record is made where it is returned: an Article built apart
	// and then copied into the slice is one more allocation per file.
	arts = j.record()
	arts[0] = model.Article{ID: j.id, Path: j.rel, Problems: problems}
	if !clean {
		text = prepare(text, &arts[0])
	}
	understand(text, &arts[0], j.parse)
	return arts, "", nil
}

// record is where the job's one record goes: j.out, or a slice of its own.
func (j *job) record() []model.Article {
	if j.out != nil {
		return j.out
	}
	return make([]model.Article, 1)
}

// prepare sanitises text and puts it in NFC, noting what it removed.
func prepare(text string, a *model.Article) string {
	if isClean(text) {
		return text
	}
	text, rm := sanitize(text)
	if p := rm.problem(); p != "" {
		a.Problems = append(a.Problems, p)
	}
	return norm.NFC.String(text)
}

// understand runs the parsers on text (prepared). A parser
// that panics costs only this article its structure: the record keeps its
// text, one paragraph per line, and a problem says what happened.
func understand(text string, a *model.Article, fn func(string, *model.Article)) {
	if strings.TrimSpace(text) == "" {
		a.Problems = append(a.Problems, "no text: the file is empty or blank")
		return
	}
	parse(text, a, fn)
}

// parse runs fn on text, recovering from a panic, and guards what it made.
func parse(text string, a *model.Article, fn func(string, *model.Article)) {
	base := *a
	defer func() {
		if r := recover(); r != nil {
			*a = base
			a.Problems = append(a.Problems[:len(a.Problems):len(a.Problems)],
				fmt.Sprintf("the parser failed (%v): the text is kept as it is, one paragraph per line", r))
			a.Body = rawLines(text)
		}
	}()
	fn(text, a)
	guard(a, text)
}

// guard checks that the parsers handed back only valid UTF-8 that is safe on
// a terminal, as they were given (text), and repairs any field that is not:
// the loader promises a safe record whatever a parser does. A repair is a
// problem, so that it gets noticed and the parser mended.
func guard(a *model.Article, text string) {
	var bad []string
	fix := func(field string, s *string) {
		if sliceOf(*s, text) || isClean(*s) || utf8.ValidString(*s) && unsafeAt(*s) < 0 {
			return // the first two settle nearly every string, the first without reading it
		}
		t, _ := sanitize(strings.ToValidUTF8(*s, "\uFFFD"))
		*s = t
		if !slices.Contains(bad, field) {
			bad = append(bad, field)
		}
	}
	fixAll := func(field string, ss []string) {
		for i := range ss {
			fix(field, &ss[i])
		}
	}
	fix("title", &a.Title)
	fix("byline", &a.Byline)
	fix("source_url", &a.SourceURL)
	fixAll("body", a.Body)
	fixAll("captions", a.Captions)
	fixAll("chrome", a.Chrome)
	fixAll("problems", a.Problems)
	if a.Unit != nil {
		fix("unit", &a.Unit.Name)
		fix("unit", &a.Unit.Parent)
	}
	for i := range a.Mentions {
		fix("mentions", &a.Mentions[i].Name)
		fix("mentions", &a.Mentions[i].Parent)
	}
	for i := range a.Metrics {
		fix("metrics", &a.Metrics[i].Evidence)
		fix("metrics", &a.Metrics[i].Period)
	}
	if len(bad) > 0 {
		a.Problems = append(a.Problems, "the parser returned text that is not UTF-8 or not safe on a terminal in "+
			strings.Join(bad, ", ")+"; repaired")
	}
}

// sliceOf reports whether s is a slice of text that starts and ends between
// characters. text is safe and valid, so such an s is too.
func sliceOf(s, text string) bool {
	if s == "" {
		return true
	}
	p, t := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(text)))
	if p < t || p+uintptr(len(s)) > t+uintptr(len(text)) {
		return false
	}
	end := int(p-t) + len(s)
	return utf8.RuneStart(s[0]) && (end == len(text) || utf8.RuneStart(text[end]))
}

// parsers understands prepared text: page layout, then figures. It is the
// default of Options.Parse, a variable so that tests can put another in
// for every load.
var parsers = func(text string, a *model.Article) {
	page.Parse(text, a)
	figures.Extract(a)
}

// rawLines is text's non-blank lines, trimmed.
func rawLines(text string) []string {
	var out []string
	for l := range strings.SplitSeq(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
