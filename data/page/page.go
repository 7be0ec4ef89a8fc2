// Package page understands the layout of one scraped page: it separates the
// article from the page chrome and finds the headline, dates, view counter,
// byline, source link, captions and the administrative units named.
//
// The rules are general signals of how such pages are laid out, not lists
// of any one site's strings: a run of short lines without sentence
// punctuation above the headline is a menu; the line beside the headline
// that holds only a date, a time and labels is the date line; short
// name-like lines after the last paragraph are the byline; link, share and
// counter labels are chrome wherever they stand.
package page

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/model"
)

// Parse reads one page's text (decoded, sanitised, NFC, "\n" line ends) and
// fills a's layout fields: Title, TitleDerived, Published, EventDate, Views,
// Byline, SourceURL, Unit, Mentions, Body, Captions, Chrome and Problems.
//
// Fields the caller has already set are the article's own (a JSON Lines
// record gives its title, publication time and address): Parse keeps a
// non-empty Title (and its TitleDerived), a non-zero Published or
// EventDate, Views when HasViews is set, a non-empty Byline or SourceURL,
// and a non-nil Unit, and says nothing of them in Problems. It still finds
// the page's headline and date lines (they go to Chrome); a printed
// headline that differs from the given Title is kept as the first
// paragraph of Body. A given Published dates the event's day where the text
// gives no year; a given Title is where the report's unit is looked for
// first. Body, Captions, Chrome, Mentions and Problems are appended to.
//
// Invariant: every non-space character of text is kept, each line's
// characters going to Body, Captions or Chrome (the headline, date and
// byline lines go to Chrome as well as to their fields; a derived title
// repeats words of the body). Precisely: for every rune r that is not white
// space, Body, Captions and Chrome together hold r at least as many times as
// text does. Spaces may be collapsed; nothing else is changed.
func Parse(text string, a *model.Article) {
	p := parserPool.Get().(*parser)
	defer p.release()
	p.a = a
	p.keep = given{title: a.Title != "", published: !a.Published.IsZero(), event: !a.EventDate.IsZero(),
		views: a.HasViews, byline: a.Byline != "", url: a.SourceURL != "", unit: a.Unit != nil}
	p.split(text)
	p.findTop()
	p.findBottom()
	p.readMiddle()
	p.splitRunIn()
	p.finishTitle()
	p.findDates()
	p.findUnits()
	p.deriveTitle()
	p.finish()
}

type chromeLine struct {
	pos int
	s   string
}

type para struct {
	pos   int
	s     string
	words int // readMiddle's count of its words, more than 60 counted as 61 or more (see line.words)
}

// given says which of the article's fields the caller set before Parse.
type given struct {
	title, published, event, views, byline, url, unit bool
}

type parser struct {
	a    *model.Article
	keep given
	// printedTitle is the printed headline where it differs from a given
	// Title: it goes to the body
	printedTitle string
	lines        []line
	nb           []int // indices of non-blank lines

	lead     int // first paragraph-like line; -1 when none
	title    int // headline line; -1 when none
	dateLn   int // the date line by the headline; -1 when none
	topEnd   int // first line after the headline (after the date line when there is none)
	botStart int // first line of the bottom chrome run
	related  int // "Tin khác" heading: the rest is chrome; len(lines) when none

	byline     string
	topByline  string // a name under the headline
	bylineLn   int    // the byline's line; -1 when none, -2 when from a label above the body
	bottomDate int    // a date line in the bottom chrome; -1 when none
	views      int
	hasViews   bool
	url        string
	chrome     []chromeLine
	body       []para
	spare      []para // readMiddle's second list of paragraphs
	captions   []para
	fb         foldBuf  // scratch for folding
	strs       []string // scratch: the texts findDates and findUnits read, one after the other
	published  model.When
}

// parserPool keeps parsers, with the room their lists took, for the next
// page.
var parserPool = sync.Pool{New: func() any { return new(parser) }}

// release hands p back to parserPool, holding nothing of the page.
func (p *parser) release() {
	// the lists are only appended to while a page is read (readMiddle
	// swaps body and spare whole): nothing stands past their lengths
	clear(p.lines)
	clear(p.chrome)
	clear(p.body)
	clear(p.captions)
	clear(p.spare)
	clear(p.strs)
	*p = parser{lines: p.lines[:0], nb: p.nb[:0], chrome: p.chrome[:0], body: p.body[:0],
		captions: p.captions[:0], spare: p.spare[:0], fb: p.fb[:0], strs: p.strs[:0]}
	parserPool.Put(p)
}

func (p *parser) split(text string) {
	p.lines = slices.Grow(p.lines[:0], strings.Count(text, "\n")+1)
	p.nb = slices.Grow(p.nb[:0], cap(p.lines))
	for rest := text; ; {
		r := rest
		k := strings.IndexByte(rest, '\n')
		if k >= 0 {
			r, rest = rest[:k], rest[k+1:]
		}
		if strings.Contains(r, "\u00a0") {
			r = strings.ReplaceAll(r, "\u00a0", " ")
		}
		l := classifyBuf(strings.TrimSpace(r), &p.fb)
		if l.kind != kBlank {
			p.nb = append(p.nb, len(p.lines))
		}
		p.lines = append(p.lines, l)
		if k < 0 {
			break
		}
	}
	p.lead, p.title, p.dateLn, p.bylineLn, p.bottomDate = -1, -1, -1, -1, -1
	p.related = len(p.lines)
	p.botStart = len(p.lines)
}

func (p *parser) addChrome(pos int, s string) {
	if s = strings.TrimSpace(s); s != "" {
		p.chrome = append(p.chrome, chromeLine{pos, s})
	}
}

// paraLike reports whether a line reads as a paragraph of the article
// rather than a headline or a menu item.
func paraLike(l *line) bool {
	if l.kind != kText || l.words < 12 {
		return false
	}
	if l.words >= 40 || endsParagraph(l.text) || isLeadStart(l.text) {
		return true
	}
	return manySentences(l.text)
}

// wrapped reports whether line i, with the hard-wrapped lines that
// continue it, reads as a paragraph: a wrapped paragraph's lines are each
// too short to tell.
func (p *parser) wrapped(i int) bool {
	l := &p.lines[i]
	if l.kind != kText {
		return false
	}
	if paraLike(l) {
		return true
	}
	if endsSentence(l.text) {
		return false
	}
	text, n := l.text, 0
	for k := i + 1; k < len(p.lines) && n < 6; k++ {
		nx := &p.lines[k]
		if nx.kind != kText || !isLowerStart(nx.text) || endsSentence(text) {
			break
		}
		text += " " + nx.text
		n++
	}
	if n == 0 {
		return false
	}
	j := line{text: text, kind: kText, words: countWordsUpTo(text, 61)}
	return paraLike(&j)
}

// endsParagraph is endsSentence without "?" and "!": headlines ask and
// exclaim, paragraphs rarely end a line that way.
func endsParagraph(s string) bool {
	switch lastRune(stripClosers(s)) {
	case '.', '…', ';':
		return true
	}
	return false
}

// findTop finds the first paragraph, the headline and the date line.
func (p *parser) findTop() {
	for _, i := range p.nb {
		if p.wrapped(i) {
			p.lead = i
			break
		}
	}
	limit := len(p.lines)
	if p.lead >= 0 {
		limit = p.lead
	}
	// the date line: the last among the first lines (a header may print
	// today's date above the menus)
	prevDate := -1
	for k, i := range p.nb {
		if k >= 25 || i >= limit {
			break
		}
		if p.lines[i].kind == kDate {
			if p.dateLn >= 0 && k >= 20 {
				break
			}
			prevDate, p.dateLn = p.dateLn, i
		}
	}
	best := func(from, to, max int, minWords int) int {
		bi, bw, n := -1, 0, 0
		for _, i := range p.nb {
			if i < from || i >= to {
				continue
			}
			l := &p.lines[i]
			if l.kind != kText || l.words > 60 {
				continue
			}
			if n++; n > max {
				break
			}
			if l.words < minWords || isBreadcrumb(l.text, l.words) || isSectionLabel(l.text, l.words) {
				continue
			}
			if l.words > bw {
				bi, bw = i, l.words
			}
		}
		return bi
	}
	switch {
	case p.dateLn >= 0:
		p.title = best(prevDate+1, p.dateLn, 12, 2)
		// a long line right under a shorter one is the sapo under the
		// headline
		if t := p.title; t > 0 && p.lines[t].words > 20 {
			if q := t - 1; p.lines[q].kind == kText && p.lines[q].words >= 4 && p.lines[q].words <= 25 && !isBreadcrumb(p.lines[q].text, p.lines[q].words) && q > prevDate {
				p.title = q
			}
		}
		if p.title < 0 {
			p.title = best(p.dateLn+1, limit, 3, 4)
		}
	default:
		// the first line that may be a headline, unless it is a short menu
		// label over one (a sapo under a headline is longer)
		var cands []int
		menu := p.menuRuns(limit)
		for _, i := range p.nb {
			if i >= limit || len(cands) == 4 {
				break
			}
			l := &p.lines[i]
			if l.kind == kText && l.words <= 60 && l.words >= 4 && !isBreadcrumb(l.text, l.words) && !isSectionLabel(l.text, l.words) && !menu[i] {
				cands = append(cands, i)
			}
		}
		if len(cands) > 0 {
			p.title = cands[0]
			if len(cands) > 1 && p.lines[cands[0]].words <= 6 && p.lines[cands[1]].words > p.lines[cands[0]].words && p.lines[cands[1]].words <= 25 {
				p.title = cands[1]
			}
		}
	}
	// a headline that ends with a full stop, followed by a lead that opens
	// with the day of the event
	if p.title < 0 && p.lead >= 0 {
		l := &p.lines[p.lead]
		if l.words <= 30 && !manySentences(l.text) && strings.TrimSpace(l.text) != "" {
			for _, i := range p.nb {
				if i > p.lead {
					if paraLike(&p.lines[i]) && isLeadStart(p.lines[i].text) {
						p.title = p.lead
						p.lead = i
					}
					break
				}
			}
		}
	}
	// the body starts under the headline; a sapo between the headline and
	// its date line is the article's
	p.topEnd = 0
	if p.dateLn >= 0 {
		p.topEnd = p.dateLn + 1
	}
	if p.title >= 0 {
		p.topEnd = p.title + 1
	}
	if p.lead >= 0 && p.lead < p.topEnd {
		// the lead stands above the headline's date line: not a lead
		p.lead = -1
		for _, i := range p.nb {
			if i >= p.topEnd && p.wrapped(i) {
				p.lead = i
				break
			}
		}
	}
	for i := 0; i < p.topEnd; i++ {
		l := &p.lines[i]
		if l.kind == kBlank {
			continue
		}
		p.addChrome(i, l.text)
		if l.kind != kURL {
			p.noteChrome(l) // a link above the headline is the site's, not the original's
		}
	}
}

// menuRuns marks the lines above limit that stand in runs of three or
// more short lines without sentence punctuation and without blank lines
// between them: a site's menu.
func (p *parser) menuRuns(limit int) map[int]bool {
	var m map[int]bool
	start := -1
	end := func(i int) {
		if start >= 0 && i-start >= 3 {
			if m == nil {
				m = map[int]bool{}
			}
			for k := start; k < i; k++ {
				m[k] = true
			}
		}
		start = -1
	}
	for i := 0; i < limit && i < len(p.lines); i++ {
		l := &p.lines[i]
		if l.kind != kBlank && l.words <= 6 && !endsSentence(l.text) {
			if start < 0 {
				start = i
			}
			continue
		}
		end(i)
	}
	end(min(limit, len(p.lines)))
	return m
}

// noteChrome keeps what a chrome line tells: the view counter, a source
// link, a labelled byline.
func (p *parser) noteChrome(l *line) {
	switch l.kind {
	case kViews:
		if !p.hasViews {
			p.views, p.hasViews = l.views, true
		}
	case kDate:
		if l.date.hasViews && !p.hasViews {
			p.views, p.hasViews = l.date.views, true
		}
	case kURL:
		if p.url == "" {
			p.url = l.url
		}
	}
	// a labelled byline above or inside the article: "Tác giả: X"; a
	// photo credit ("Ảnh: X") is not one
	if (l.kind == kLabel || l.kind == kDate) && l.name != "" && p.byline == "" && nameLike(l.name) {
		if lab, _, _ := splitLabel(l.text); l.kind == kDate || (lab != "anh" && lab != "video") {
			p.byline, p.bylineLn = l.name, -2
		}
	}
}

// relatedPrefixes open the heading of a list of other articles (folded).
var relatedPrefixes = []string{"tin khac", "cac tin khac", "tin lien quan", "cac tin lien quan",
	"bai viet lien quan", "bai lien quan", "tin cung chuyen muc", "tin cung loai", "xem them tin",
	"doc them", "tin moi", "tin moi nhat", "tin bai khac", "bai viet khac", "cac bai viet khac",
	"bai viet cung chuyen muc", "tin bai lien quan", "tin da dua", "cac tin da dua", "cac tin cu hon",
	"tin cu hon"}

// isRelatedHeading reports whether a line heads a list of other articles:
// "Tin khác", "Tin liên quan", "Xem thêm:".
func isRelatedHeading(l *line) bool {
	if l.kind != kNav || l.words > 6 {
		return false
	}
	var buf [128]byte
	f := strings.TrimRight(foldInto(buf[:], l.text), ": ")
	if f == "xem them" {
		return true
	}
	for _, r := range relatedPrefixes {
		if strings.HasPrefix(f, r) {
			return true
		}
	}
	return false
}

// paragraphAfter reports whether a paragraph of the article (a long
// sentence) follows line i: then a "Tin liên quan" box stands inside the
// article and does not end it.
func (p *parser) paragraphAfter(i int) bool {
	for k := i + 1; k < len(p.lines); k++ {
		if l := &p.lines[k]; l.kind == kText && l.words >= 25 && endsParagraph(l.text) {
			return true
		}
	}
	return false
}

// findBottom finds the chrome after the article: a list of other articles
// under a "Tin khác" heading, and the run of short lines after the last
// paragraph (byline, counters, links, buttons).
func (p *parser) findBottom() {
	floor := p.topEnd
	if p.lead >= floor {
		floor = p.lead + 1
	}
	for _, i := range p.nb {
		if i < floor {
			continue
		}
		l := &p.lines[i]
		if l.kind == kNav && l.words <= 6 {
			if isRelatedHeading(l) && !p.paragraphAfter(i) {
				p.related = i
				break
			}
		}
	}
	for i := p.related; i < len(p.lines); i++ {
		if l := &p.lines[i]; l.kind != kBlank {
			p.addChrome(i, l.text)
			p.noteChrome(l)
		}
	}
	p.botStart = p.related
	labelled := false
	for k := len(p.nb) - 1; k >= 0; k-- {
		i := p.nb[k]
		if i >= p.related {
			continue
		}
		if i < floor {
			break
		}
		l := &p.lines[i]
		stop := false
		switch {
		case l.kind == kLabel:
			if l.name != "" && nameLike(l.name) {
				p.byline, p.bylineLn, labelled = l.name, i, true
			} else if l.name == "" && p.bylineLn >= 0 {
				labelled = true
			} else if l.name != "" {
				stop = true
			}
		case l.kind == kDate:
			if p.bottomDate < 0 {
				p.bottomDate = i
			}
		case l.isChrome():
		case l.kind == kText && !labelled && ((l.words <= 8 && nameLike(l.text) && (l.words >= 2 || strings.ContainsAny(l.text, "./") || isAllCaps(l.text))) || orgLike(l.text, l.words) || nameAndOffice(l.text)):
			p.byline, p.bylineLn = l.text, i
		case l.kind == kText && l.words <= 3 && !endsSentence(l.text) && !hasDigit(l.text):
			// a menu item of the page's foot: "Giới thiệu", "Liên hệ"
		default:
			stop = true
		}
		if stop {
			break
		}
		p.botStart = i
	}
	for i := p.botStart; i < p.related; i++ {
		if l := &p.lines[i]; l.kind != kBlank {
			p.addChrome(i, l.text)
			p.noteChrome(l)
		}
	}
}

// readMiddle reads the lines between the headline and the bottom chrome
// into paragraphs and captions, joining hard-wrapped lines.
func (p *parser) readMiddle() {
	// a block is one line (kept as it is) or hard-wrapped lines joined
	var cur strings.Builder
	one := ""
	curPos, curWords, blank, inBox := -1, 0, false, false
	text := func() string {
		if cur.Len() > 0 {
			return cur.String()
		}
		return one
	}
	flush := func() {
		if curPos >= 0 {
			p.body = append(p.body, para{curPos, collapseSpaces(text()), curWords})
		}
		cur.Reset()
		one, curPos, curWords = "", -1, 0
	}
	for i := p.topEnd; i < p.botStart; i++ {
		l := &p.lines[i]
		if l.kind == kBlank {
			blank = true
			continue
		}
		preLead := p.lead >= 0 && i < p.lead
		dupTitle := p.title >= 0 && l.text == p.lines[p.title].text
		if isRelatedHeading(l) {
			inBox = true // a box of links inside the article, up to the next paragraph
		} else if inBox && paraLike(l) {
			inBox = false
		}
		authorLine := preLead && p.nearTitle(i) && l.kind == kText && l.words >= 2 && l.words <= 5 && (l.words <= 3 || !isAllCaps(l.text)) &&
			nameLike(l.text) && !orgLike(l.text, l.words) && len(scanUnits(l.text)) == 0
		if authorLine && p.topByline == "" {
			p.topByline = l.text // "Thu Hà" under the headline: the byline, unless one stands below
		}
		if inBox || dupTitle || authorLine || l.isChrome() || (preLead && !endsSentence(l.text) && (l.words <= 3 || isBreadcrumb(l.text, l.words) || isSectionLabel(l.text, l.words))) || (l.words <= 4 && isButtonRow(l.text)) {
			flush()
			p.addChrome(i, l.text)
			p.noteChrome(l)
			blank = false
			continue
		}
		if curPos >= 0 && joins(text(), l.text, blank) {
			if cur.Len() == 0 {
				cur.WriteString(one)
			}
			cur.WriteByte(' ')
			cur.WriteString(l.text)
			curWords += l.words // the joining space keeps the words apart
		} else {
			flush()
			curPos, one, curWords = i, l.text, l.words
		}
		blank = false
	}
	flush()
	// captions: photo captions between paragraphs
	body := p.spare[:0]
	// a block's words are its lines' (counted up to 61 each: enough for the
	// tests below, which look no further than 41)
	long := func(k int) bool { return k >= 0 && k < len(p.body) && p.body[k].words >= 15 }
	for k, b := range p.body {
		if k > 0 && captionLike(b.s, b.words, long(k-1) && long(k+1), &p.fb) {
			p.captions = append(p.captions, b)
			continue
		}
		body = append(body, b)
	}
	p.body, p.spare = body, p.body
}

// nearTitle reports whether line i is one of the two lines under the
// headline (blank lines aside).
func (p *parser) nearTitle(i int) bool {
	if p.title < 0 || i <= p.title {
		return false
	}
	n := 0
	for k := p.title + 1; k < i; k++ {
		if p.lines[k].kind != kBlank {
			n++
		}
	}
	return n < 2
}

// joins reports whether the line next continues the hard-wrapped text cur.
func joins(cur, next string, blank bool) bool {
	if !endsSentence(cur) && isLowerStart(next) {
		return true
	}
	if blank {
		return false
	}
	if strings.HasSuffix(cur, ",") && !bulletStart(next) {
		return true
	}
	return false
}

func bulletStart(s string) bool {
	switch firstRune(s) {
	case '-', '+', '•', '*', '–', '·':
		return true
	}
	if len(s) > 1 && isDigit(s[0]) && (s[1] == '.' || s[1] == ')') {
		return true
	}
	return false
}

// captionCues open captions (folded); captionVerbs are what photos show.
var (
	captionCues  = []string{"quang canh", "quanh canh", "toan canh", "anh:", "anh minh hoa", "hinh anh"}
	captionHeads = []string{"dong chi", "cac dong chi", "lanh dao", "ong ", "ba ", "bi thu", "chu tich",
		"pho ", "dai bieu", "cac dai bieu", "dai dien", "cac tap the", "cac ca nhan", "tap the",
		"truong ", "giam doc", "ban thuong vu", "thuong truc", "cac dang vien", "dang vien", "tong bi thu"}
	captionVerbs = []string{"phat bieu", "trao ", "tang ", "chu tri", "khai mac", "be mac", "bieu quyet",
		"bo phieu", "tham luan", "chuc mung", "nhan ", "chup anh", "du hoi nghi", "du dai hoi",
		"du ky hop", "tham du", "ket luan", "tham quan", "du buoi", "du le", "thong tin ve"}
)

// captionLike reports whether a block of w words (more than 40 may be
// counted as 41 or more) reads as a photo caption: one short
// sentence showing people at the event, or a "Quang cảnh hội nghị" line, or
// a few words without a full stop between two paragraphs.
func captionLike(s string, w int, between bool, fb *foldBuf) bool {
	if len(s) > 450 {
		return false
	}
	if w > 40 || endsWithColon(s) {
		return false
	}
	head := fb.fold(firstN(s, 48))
	for _, c := range captionCues {
		if strings.HasPrefix(head, c) {
			return true
		}
	}
	if strings.Contains(s, "Ảnh:") {
		return true
	}
	isHead := false
	for _, h := range captionHeads {
		if strings.HasPrefix(head, h) {
			isHead = true
			break
		}
	}
	short := between && w <= 8 && !endsSentence(s) && !bulletStart(s) && isUpperStart(s)
	if !isHead && !short {
		return false
	}
	if manySentences(s) {
		return false
	}
	if isHead {
		f := fb.fold(s)
		for _, v := range captionVerbs {
			if strings.Contains(f, v) {
				return true
			}
		}
	}
	return short
}

// nameAndOffice reports whether a line is a name and an office: "Nguyễn
// Văn An - Trung tâm Văn hóa huyện Gia Lâm".
func nameAndOffice(s string) bool {
	for _, sep := range []string{" - ", " – ", ", "} {
		// a name is at most nameMaxLen bytes: the separator, if it is
		// first found further on, follows no name (the page's last line
		// may be the whole article)
		if i := strings.Index(s[:min(len(s), nameMaxLen+len(sep))], sep); i > 0 {
			name, office := s[:i], strings.TrimSpace(s[i+len(sep):])
			if countWordsUpTo(name, 6) <= 5 && nameLike(name) && orgLike(office, countWordsUpTo(office, 17)) {
				return true
			}
		}
	}
	return false
}

// splitRunIn handles pages that run everything into one line: a byline
// after the final full stop ("... trưởng thôn... Minh Thà/KD&PL"), an
// opinion disclaimer after it ("Bảo Trang * Bài viết thể hiện ..."), and a
// teaser for another article before it ("Thanh niên Thủ đô sẵn sàng nhập
// ngũ (HNM) - Năm 2017, ...").
func (p *parser) splitRunIn() {
	if len(p.body) == 0 {
		return
	}
	for i := range p.body {
		b := &p.body[i]
		if len(b.s) >= 200 && photoCredit(b.s) >= 0 {
			if c, rest, ok := runInCaption(b.s); ok {
				p.captions = append(p.captions, para{pos: b.pos, s: c, words: countWordsUpTo(c, 61)})
				b.s = rest
			}
		}
		if strings.IndexByte(b.s, '[') >= 0 {
			b.s = p.cutBracketLinks(b.pos, b.s)
		}
	}
	last := &p.body[len(p.body)-1]
	s := last.s
	if len(s) < 120 || countWordsUpTo(s, 25) < 25 {
		return
	}
	if p.byline == "" {
		tail := ""
		if k := lastStop(s); k > 0 && k < len(s) {
			tail = strings.TrimSpace(s[k:])
		}
		// a related article's link run in: "… » Headline Author"
		if k := strings.Index(s, " » "); k > 0 && k > len(s)/2 {
			link := s[k+1:]
			tail = ""
			if name := trailingName(link); name != "" {
				p.byline = name
				p.bylineLn = last.pos
			}
			p.addChrome(last.pos, link)
			s = strings.TrimSpace(s[:k])
		}
		name := runInByline(tail)
		if p.byline == "" && name != "" {
			p.byline = name
			p.bylineLn = last.pos
			p.addChrome(last.pos, tail)
			s = strings.TrimSpace(s[:len(s)-len(tail)])
		}
	}
	// a teaser for another article: "Headline (ABC) - ..."
	if k := teaserAt(s); k > 0 {
		p.addChrome(last.pos, s[k:])
		s = strings.TrimSpace(s[:k])
	}
	last.s = s
}

// photoCredit is the offset of the first "Ảnh:" in s, or -1. It looks for
// the colon first: the bytes of "Ả" open most Vietnamese letters with marks.
func photoCredit(s string) int {
	for off := 0; ; {
		i := strings.IndexByte(s[off:], ':')
		if i < 0 {
			return -1
		}
		i += off
		if strings.HasSuffix(s[:i], "Ảnh") {
			return i - len("Ảnh")
		}
		off = i + 1
	}
}

// runInCaption reads a photo caption run into the head of a paragraph of a
// page that runs its text together: one sentence or a fragment, then the
// photo credit, "(Ảnh: Name/Agency)", "Ảnh: Name/Agency" or "Ảnh: Name"
// before the day of the event, then the article's text. It returns the
// caption with its credit and the rest of the paragraph.
func runInCaption(s string) (caption, rest string, ok bool) {
	k := photoCredit(s)
	if k <= 0 || k > 400 {
		return "", "", false
	}
	frag := strings.TrimSpace(s[:k])
	bracket := strings.HasSuffix(frag, "(")
	frag = strings.TrimSpace(strings.TrimSuffix(frag, "("))
	if w := countWordsUpTo(frag, 41); w < 2 || w > 40 || !isUpperStart(frag) || manySentences(frag) {
		return "", "", false
	}
	if i := strings.IndexAny(frag, ".!?"); i >= 0 && i < len(frag)-1 && !strings.HasSuffix(frag, "...") {
		return "", "", false // a stop inside: text of the article before it
	}
	from := k + len("Ảnh:")
	end := -1
	switch {
	case bracket:
		if j := strings.IndexByte(s[from:], ')'); j >= 0 && j < 60 {
			end = from + j + 1
		}
	default:
		// the credit's words up to the agency after "/", or up to the day
		ws := 0
		for i := from; i < len(s) && ws < 6; {
			for i < len(s) && s[i] == ' ' {
				i++
			}
			j := i
			for j < len(s) && s[j] != ' ' {
				j++
			}
			if j == i {
				break
			}
			w := s[i:j]
			if !isUpperStart(w) {
				break
			}
			if ws > 0 && timeWord(w) != "" && afterCredit(s, i) {
				if ep, found := findEventPhraseFrom(s, i); found && ep.start == i {
					end = i
				}
				break
			}
			ws++
			if strings.IndexByte(w, '/') > 0 {
				end = j
				break
			}
			i = j
		}
	}
	if end < 0 {
		return "", "", false
	}
	rest = strings.TrimSpace(s[end:])
	if countWordsUpTo(rest, 8) < 8 || !isUpperStart(rest) {
		return "", "", false
	}
	return strings.TrimSpace(s[:end]), rest, true
}

// cutBracketLinks takes out of a run-in paragraph the related articles'
// links it holds between sentences: "… Sơn La. [Headline of another
// article] Next sentence …". A link is a bracketed run of three or more
// words that starts with a capital, after a sentence's stop.
func (p *parser) cutBracketLinks(pos int, s string) string {
	for off := 0; off < len(s); {
		i := strings.IndexByte(s[off:], '[')
		if i < 0 {
			break
		}
		i += off
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			break
		}
		j += i
		in := s[i+1 : j]
		pre := strings.TrimRight(s[:i], " ")
		if strings.IndexByte(in, '[') < 0 && isUpperStart(in) && countWordsUpTo(in, 3) >= 3 && (pre == "" || endsSentence(pre)) {
			p.addChrome(pos, s[i:j+1])
			s = pre + " " + strings.TrimLeft(s[j+1:], " ")
			s = strings.TrimSpace(s)
			off = len(pre)
			continue
		}
		off = j + 1
	}
	return s
}

// runInByline reads the tail after a run-in paragraph's last full stop as
// a byline: a name or names ("Minh Thà/KD&PL", "An - Bình - Chi (TTXVN)"),
// without a role label ("Bài, ảnh:", "Tin-ảnh:"), once where it is printed
// twice, or the paper a credit line names ("Theo Báo Nhân Dân"); "" when the
// tail is none of these.
func runInByline(tail string) string {
	name := tail
	if j := strings.Index(tail, " * "); j > 0 {
		name = strings.TrimSpace(tail[:j]) // the rest is a disclaimer, chrome with it
	}
	name = onceIfTwice(name)
	if rest, ok := strings.CutPrefix(name, "Theo "); ok {
		if rest != "" && countWordsUpTo(rest, 7) <= 6 && isUpperStart(rest) && !endsSentence(rest) {
			return rest
		}
		return ""
	}
	if lab, rest, ok := splitLabel(name); ok {
		if lab == "anh" || lab == "nguon" || lab == "video" {
			return "" // a photo credit or a source, not the byline
		}
		if bylineLabels[lab] || roleLabel(lab) {
			name = rest
		}
	}
	name = onceIfTwice(name)
	// the author, then the photos' credit: "Mai Lan - Ảnh: Reuters"
	if i := strings.Index(name, "Ảnh"); i > 0 && strings.IndexByte(name[i:], ':') >= 0 {
		name = strings.TrimRight(name[:i], " -–,")
	}
	if strings.IndexByte(name, ':') >= 0 {
		return "" // a label that is not a role's: "Video …: …"
	}
	limit := 6
	if strings.Contains(name, " - ") || strings.Contains(name, " – ") {
		limit = 12 // a group of names
	}
	if name != "" && countWordsUpTo(name, limit+1) <= limit && nameLike(name) {
		return name
	}
	return ""
}

// onceIfTwice is a byline printed twice ("An Bình/VOV An Bình/VOV") once;
// a name of two like words ("Linh Linh") stays as it is. Its words are
// those of strings.Fields, read in place: it runs on the tail of every
// page's last paragraph, which may be long.
func onceIfTwice(name string) string {
	n := 0
	for i := 0; ; n++ {
		s, e := nextField(name, i)
		if s == e {
			break
		}
		i = e
	}
	if n < 2 || n%2 != 0 {
		return name
	}
	h := n / 2
	firstEnd := 0 // where the first half's last word ends
	for range h {
		_, firstEnd = nextField(name, firstEnd)
	}
	single := true // the first half's words are apart by one ' ' each
	firstStart := 0
	a, b := 0, firstEnd
	for k := range h {
		as, ae := nextField(name, a)
		bs, be := nextField(name, b)
		if name[as:ae] != name[bs:be] {
			return name
		}
		if k == 0 {
			firstStart = as
		} else {
			single = single && as == a+1 && name[a] == ' '
		}
		a, b = ae, be
	}
	first := name[firstStart:firstEnd]
	if h == 1 && !strings.ContainsAny(first, "/.") {
		return name
	}
	if !single {
		return strings.Join(strings.Fields(first), " ")
	}
	return first
}

// nextField is where the first word of s at or after i starts and ends, as
// strings.Fields parts words; start == end when there is none.
func nextField(s string, i int) (start, end int) {
	in := false
	for i < len(s) {
		c, size := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(s[i:])
		}
		space := c == ' ' || c >= '\t' && c <= '\r' || c >= utf8.RuneSelf && unicode.IsSpace(c)
		switch {
		case !in && !space:
			start, in = i, true
		case in && space:
			return start, i
		}
		i += size
	}
	if !in {
		return len(s), len(s)
	}
	return start, len(s)
}

// trailingName is the run of two to four capitalised words that ends a
// related article's link after its lower-case headline words: the link's
// author ("» Xã A chăm lo cho người nghèo Minh An" → "Minh An"); "" when
// there is none.
func trailingName(s string) string {
	ws := strings.Fields(s)
	n := 0
	for n < len(ws) && n < 5 {
		w := ws[len(ws)-1-n]
		if !isUpperStart(w) || hasDigit(w) || strings.ContainsAny(w, ".,:;!?\"”)") {
			break
		}
		n++
	}
	if n < 2 || n > 4 || len(ws)-n < 6 {
		return "" // a short link's capitals are its headline's names
	}
	prev := ws[len(ws)-1-n]
	if isUpperStart(prev) || endsSentence(prev) || placeBefore[fold(prev)] {
		return ""
	}
	return strings.Join(ws[len(ws)-n:], " ")
}

// placeBefore (folded) are the words after which capitals name a place.
var placeBefore = map[string]bool{"tai": true, "o": true, "cua": true, "xa": true, "phuong": true, "huyen": true, "tinh": true, "quan": true, "pho": true, "tran": true, "xom": true, "thon": true, "ban": true, "voi": true, "den": true, "va": true}

// lastStop is the offset after the last sentence stop in s that is
// followed by a space ("L.B" holds a stop that is not one).
func lastStop(s string) int {
	for i := len(s) - 1; i > 0; i-- {
		if s[i] == ' ' {
			c := s[i-1]
			if c == '.' && abbrevBefore(s[:i-1]) && utf8.RuneCountInString(s[strings.LastIndexByte(s[:i-1], ' ')+1:i-1]) == 1 {
				continue // an initial: "N. Huyền"
			}
			if c == '.' || c == '!' || c == '?' || c == '"' || c == ')' || strings.HasSuffix(s[:i], "…") || strings.HasSuffix(s[:i], "”") {
				return i
			}
		}
	}
	return -1
}

// teaserAt finds where a teaser for another article opens inside a
// paragraph, after its first sentence: a sentence of a few words, an
// agency's capitals in brackets and a dash ("Thanh niên Thủ đô sẵn sàng
// nhập ngũ (HNM) - ..."). It returns -1 when there is none.
func teaserAt(s string) int {
	for off := 0; off < len(s); {
		i := strings.Index(s[off:], ") ")
		if i < 0 {
			return -1
		}
		i += off
		off = i + 2
		rest := s[i+2:]
		if !strings.HasPrefix(rest, "- ") && !strings.HasPrefix(rest, "– ") {
			continue
		}
		j := strings.LastIndexByte(s[max(0, i-12):i], '(')
		if j < 0 {
			continue
		}
		j += max(0, i-12)
		if i-j < 3 || !isAllCaps(s[j+1:i]) {
			continue
		}
		from := max(0, j-300)
		start := lastStop(s[from:j])
		if start > 0 {
			start += from
		}
		if start <= 0 || countWordsUpTo(s[start:j], 15) > 14 {
			continue
		}
		return start + 1
	}
	return -1
}

// finishTitle sets the printed headline.
func (p *parser) finishTitle() {
	if p.title >= 0 {
		t := collapseSpaces(p.lines[p.title].text)
		switch {
		case !p.keep.title:
			p.a.Title = t
		case t != p.a.Title:
			p.printedTitle = t
		}
	}
}

// deriveTitle derives a headline from the lead where the page prints
// none, keeping the unit's name in it.
func (p *parser) deriveTitle() {
	if p.title >= 0 || len(p.body) == 0 || p.keep.title {
		return
	}
	keep := ""
	if p.a.Unit != nil {
		keep = p.a.Unit.Name
	}
	p.a.Title = deriveTitle(p.body[0].s, keep)
	p.a.TitleDerived = p.a.Title != ""
}

// deriveTitle makes a headline from a lead: its first sentence without the
// day of the event; a sentence of more than 32 words is cut at a clause
// boundary to at most 25.
func deriveTitle(lead, keep string) string {
	s := firstSentence(lead)
	if strings.HasPrefix(s, "(") {
		if k := strings.Index(s, ") "); k > 0 && k < 24 {
			s = s[k+2:]
		}
	}
	if ep, ok := findEventPhrase(s); ok && ep.start == 0 {
		s = strings.TrimLeft(s[ep.end:], " ),")
	}
	ws := strings.Fields(s)
	if len(ws) > 32 {
		cut := 25
		for k := 25; k >= 8; k-- {
			if c := lastRune(ws[k-1]); c == ',' || c == ';' || c == ':' {
				cut = k
				break
			}
		}
		// keep the unit's name: cut after it where it stands further on
		if keep != "" && !strings.Contains(strings.Join(ws[:cut], " "), keep) {
			if k := strings.Index(s, keep); k >= 0 {
				if n := len(strings.Fields(s[:k+len(keep)])); n > cut && n <= 45 {
					cut = n
				}
			}
		}
		ws = ws[:cut]
	}
	s = strings.TrimRight(strings.Join(ws, " "), " ,;:.")
	if s == "" {
		return ""
	}
	r := firstRune(s)
	return strings.ToUpper(string(r)) + s[len(string(r)):]
}

// findDates sets the publication date and the day of the event.
func (p *parser) findDates() {
	if p.dateLn < 0 && p.bottomDate < 0 {
		// a date line under the sapo or the first paragraph
		seen := 0
		for _, i := range p.nb {
			if i < p.topEnd || i >= p.botStart {
				continue
			}
			if seen++; seen > 4 {
				break
			}
			if p.lines[i].kind == kDate {
				p.dateLn = i
				break
			}
		}
	}
	switch {
	case p.dateLn >= 0:
		p.published = p.lines[p.dateLn].date.when
	case p.bottomDate >= 0:
		p.published = p.lines[p.bottomDate].date.when
		if d := p.lines[p.bottomDate].date; d.hasViews && !p.hasViews {
			p.views, p.hasViews = d.views, true
		}
	}
	if p.keep.published {
		p.published = p.a.Published
	} else {
		p.a.Published = p.published
	}
	if p.keep.event {
		return
	}
	all := p.strs[:0]
	for _, b := range p.body {
		all = append(all, b.s)
	}
	p.strs = all
	// a day with a year long before the years the text talks about is
	// history ("Ngày 3/2/1930, Đảng Cộng sản Việt Nam ra đời"), not the event
	latest, latestKnown := 0, false
	latestYear := func() int { // computed when first needed
		if !latestKnown {
			latestKnown = true
			if !p.published.IsZero() {
				latest = p.published.T.Year()
			}
			for _, b := range all {
				if y := maxYear(b); y > latest {
					latest = y
				}
			}
		}
		return latest
	}
	for bi, b := range p.body {
		ep, ok := findEventPhrase(b.s)
		for ok && ep.y != 0 && latestYear() != 0 && ep.y < latestYear()-15 {
			ep, ok = findEventPhraseFrom(b.s, ep.end)
		}
		if !ok && bi < 2 {
			ep, ok = findVerbEventPhrase(b.s)
			if ok && ep.y != 0 && latestYear() != 0 && ep.y < latestYear()-15 {
				ok = false
			}
		}
		if !ok {
			continue
		}
		y := ep.y
		if y == 0 {
			sen := b.s
			phrase := b.s[ep.start:ep.end]
			eachSentence(b.s, func(s string) bool {
				if strings.Contains(s, phrase) {
					sen = s
					return false
				}
				return true
			})
			y = inferYear(ep.m, ep.d, sen, all, p.published)
		}
		if validDate(y, ep.m, ep.d) {
			p.a.EventDate = model.Date(y, ep.m, ep.d)
		} else {
			p.a.Problems = append(p.a.Problems, "the year of the event's day is not given")
		}
		break
	}
}

// findUnits picks the report's own unit and lists the others.
func (p *parser) findUnits() {
	clear(p.strs) // findDates' texts
	texts := slices.Grow(p.strs[:0], len(p.body)+len(p.captions)+3)
	defer func() { p.strs = texts }()
	title := ""
	if p.title >= 0 || p.keep.title {
		title = p.a.Title
		texts = append(texts, title)
	}
	if p.printedTitle != "" {
		texts = append(texts, p.printedTitle)
	}
	for _, b := range p.body {
		texts = append(texts, b.s)
	}
	for _, c := range p.captions {
		texts = append(texts, c.s)
	}
	if p.byline != "" {
		texts = append(texts, p.byline)
	}
	f := newUnitsFinder(texts)
	lead := ""
	if len(p.body) > 0 {
		lead = firstSentence(p.body[0].s)
	}
	if p.keep.unit {
		// the caller's
	} else if u := f.pick(title, lead); u != nil {
		u.Parent = f.parentOf(*u, title)
		p.a.Unit = u
	}
	p.a.Mentions = f.mentions(p.a.Unit)
	f.release()
}

// finish fills the remaining fields and says what was not found.
func (p *parser) finish() {
	a := p.a
	if !p.keep.views {
		a.Views, a.HasViews = p.views, p.hasViews
	}
	if p.byline == "" {
		p.byline = p.topByline
	}
	if !p.keep.byline {
		a.Byline = collapseSpaces(p.byline)
	}
	if !p.keep.url {
		a.SourceURL = p.url
	}
	if p.printedTitle != "" {
		a.Body = append(a.Body, p.printedTitle)
	}
	a.Body = slices.Grow(a.Body, len(p.body))
	for _, b := range p.body {
		a.Body = append(a.Body, b.s)
	}
	a.Captions = slices.Grow(a.Captions, len(p.captions))
	for _, c := range p.captions {
		a.Captions = append(a.Captions, c.s)
	}
	slices.SortStableFunc(p.chrome, func(x, y chromeLine) int { return cmp.Compare(x.pos, y.pos) })
	a.Chrome = slices.Grow(a.Chrome, len(p.chrome))
	for _, c := range p.chrome {
		a.Chrome = append(a.Chrome, c.s)
	}
	switch {
	case a.Title == "":
		a.Problems = append(a.Problems, "no headline found")
	case a.TitleDerived && !p.keep.title:
		a.Problems = append(a.Problems, "no headline printed: title derived from the lead")
	}
	if a.Published.IsZero() {
		a.Problems = append(a.Problems, "no publication date")
	}
	if len(a.Body) == 0 {
		a.Problems = append(a.Problems, "no article text found")
	}
	if a.Unit == nil {
		a.Problems = append(a.Problems, "no administrative unit named as the subject")
	}
}
