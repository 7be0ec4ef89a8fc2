// Package ui is baocao's terminal reader: a root Bubble Tea model that
// routes messages to its panes (list, detail, summary) and overlays (ward
// picker, problems, help), like soft-serve's ui routing to its pages.
//
// The screen is described by independent facts rather than one mode enum
// (circumflex's view/state): which pane has the focus, which overlay (if
// any) shows, whether the focused pane has a text input open (asked of the
// pane), and the terminal's size. Layout is a function of those facts: at
// 100 columns and more list and detail stand side by side; narrower, the
// focused pane fills the body. The summary, a wide table, always fills it.
//
// Each program (each SSH session) has its own root model and
// common.Context; the model.Corpus is shared read-only.
package ui

import (
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/common"
	"github.com/baocao/baocao/ui/list"
	"github.com/baocao/baocao/ui/picker"
	"github.com/baocao/baocao/ui/problems"
)

// Options configure a reader.
type Options struct {
	// Corpus is the loaded corpus. Either Corpus or Load must be set.
	Corpus *model.Corpus
	// Load loads the corpus in the background, calling progress as files
	// are read; the first frame shows a progress bar at once.
	Load func(progress func(done, total int)) (*model.Corpus, error)
	// Lang is "vi", "en", or a locale ("vi_VN.UTF-8"); "" chooses from
	// LC_ALL, LC_MESSAGES, LANG in Environ.
	Lang string
	// Width and Height are the terminal's initial size (an SSH session
	// knows it; a local terminal reports it at start).
	Width, Height int
	// NoColor draws without colours (only bold, underline, reverse). It is
	// also set when Environ has NO_COLOR.
	NoColor bool
	// Environ is the environment to read LANG and NO_COLOR from: the SSH
	// client's; nil means the process's (os.Environ) in Run, none in New.
	Environ []string

	// For Run only: where the program reads and writes (nil: the terminal)
	// and further Bubble Tea options.
	Input          io.Reader
	Output         io.Writer
	ProgramOptions []tea.ProgramOption
}

// Run runs the reader on the terminal until the user quits. It returns the
// load error when Load failed.
func Run(opts Options) error {
	if opts.Environ == nil {
		opts.Environ = os.Environ()
	}
	m := New(opts).(*Model)
	var po []tea.ProgramOption
	if opts.Input != nil {
		po = append(po, tea.WithInput(opts.Input))
	}
	if opts.Output != nil {
		po = append(po, tea.WithOutput(opts.Output))
	}
	if opts.Width > 0 && opts.Height > 0 {
		po = append(po, tea.WithWindowSize(opts.Width, opts.Height))
	}
	po = append(po, tea.WithEnvironment(opts.Environ))
	po = append(po, opts.ProgramOptions...)
	final, err := tea.NewProgram(m, po...).Run()
	if err != nil {
		return err
	}
	if r, ok := final.(*Model); ok && r.loadErr != nil {
		return r.loadErr
	}
	return nil
}

func getenv(env []string) func(string) string {
	return func(k string) string {
		for i := len(env) - 1; i >= 0; i-- {
			if v, ok := strings.CutPrefix(env[i], k+"="); ok {
				return v
			}
		}
		return ""
	}
}

// Model is the root model. Use New.
type Model struct {
	opts Options
	ctx  *common.Context

	// Loading.
	loading  bool
	loadErr  error
	progress progress.Model
	done     int
	total    int
	loadCh   chan tea.Msg // progress reports
	doneCh   chan tea.Msg // the loaded corpus

	// Panes; nil until the corpus is there. The picker and the problems
	// overlay are made when first opened (see overlays): most readers never
	// open them, and the picker folds every unit's name.
	list     *list.Model
	detail   common.Component
	summary  common.Component
	picker   *picker.Model
	problems *problems.Model
	help     help.Model

	// Facts of the screen.
	focus   common.Pane // ListPane, DetailPane or SummaryPane
	overlay common.Pane // PickerPane, ProblemsPane, HelpPane, or noOverlay
	status  string      // a transient note, cleared by the next key

	drawn drawn
}

const noOverlay common.Pane = -1

type (
	loadProgressMsg struct{ done, total int }
	loadedMsg       struct {
		corpus *model.Corpus
		err    error
	}
)

// New makes a reader. Each SSH session calls New with the shared corpus.
func New(opts Options) tea.Model {
	env := getenv(opts.Environ)
	lang := common.DetectLang(opts.Lang, env)
	noColor := opts.NoColor || env("NO_COLOR") != ""
	m := &Model{opts: opts, overlay: noOverlay}
	m.ctx = common.NewContext(nil, lang, noColor)
	m.ctx.Width, m.ctx.Height = opts.Width, opts.Height
	m.help = help.New()
	m.help.Styles = m.ctx.Styles.Help
	if opts.Corpus != nil {
		m.setCorpus(opts.Corpus)
	} else {
		// The progress bar shows only while loading.
		m.progress = progress.New(progress.WithDefaultBlend(), progress.WithWidth(40))
		if noColor {
			m.progress = progress.New(progress.WithColors(lipgloss.NoColor{}), progress.WithFillCharacters('#', '.'), progress.WithWidth(40))
		}
		m.loading = true
	}
	return m
}

// setCorpus builds the panes.
func (m *Model) setCorpus(c *model.Corpus) {
	m.loading = false
	m.ctx.Corpus = c
	m.list = list.New(m.ctx)
	m.ctx.Results = m.list.IDs()
	m.detail = newDetail(m.ctx)
	m.summary = newSummary(m.ctx)
	m.setFocus(common.ListPane)
	m.relayout()
}

// Init asks the terminal for its background colour and starts loading, or
// announces the first results to the panes.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if m.loading {
		cmds = append(cmds, m.startLoad())
	} else {
		cmds = append(cmds, m.initPanes())
	}
	return tea.Batch(cmds...)
}

func (m *Model) initPanes() tea.Cmd {
	var cmds []tea.Cmd
	for _, p := range m.panes() {
		cmds = append(cmds, p.Init())
	}
	return tea.Batch(cmds...)
}

func (m *Model) startLoad() tea.Cmd {
	if m.opts.Load == nil {
		m.loadErr = fmt.Errorf("ui: Options has neither Corpus nor Load")
		return nil
	}
	// Progress reports are dropped when the screen is behind; the result
	// has a buffered channel of its own, so that the loader never blocks
	// (and never leaks) when the reader quits before it finishes.
	prog, done := make(chan tea.Msg, 16), make(chan tea.Msg, 1)
	m.loadCh, m.doneCh = prog, done
	load := m.opts.Load
	go func() {
		c, err := load(func(d, total int) {
			select {
			case prog <- loadProgressMsg{d, total}:
			default:
			}
		})
		done <- loadedMsg{c, err}
	}()
	return m.listen()
}

// listen waits for the loader's next report or its result.
func (m *Model) listen() tea.Cmd {
	prog, done := m.loadCh, m.doneCh
	return func() tea.Msg {
		select {
		case msg := <-done:
			return msg
		case msg := <-prog:
			return msg
		}
	}
}

// panes lists every component made, for broadcasts.
func (m *Model) panes() []common.Component {
	if m.list == nil {
		return nil
	}
	ps := []common.Component{m.list, m.detail, m.summary}
	if m.picker != nil {
		ps = append(ps, m.picker)
	}
	if m.problems != nil {
		ps = append(ps, m.problems)
	}
	return ps
}

// overlay makes the picker or the problems overlay if it is not yet made.
// A new one starts from the context as it is (styles of the current
// theme), as one made at the start would be after the messages since.
func (m *Model) makeOverlay(p common.Pane) {
	switch {
	case p == common.PickerPane && m.picker == nil:
		m.picker = picker.New(m.ctx)
	case p == common.ProblemsPane && m.problems == nil:
		m.problems = problems.New(m.ctx)
	}
}

func (m *Model) pane(p common.Pane) common.Component {
	switch p {
	case common.ListPane:
		return m.list
	case common.DetailPane:
		return m.detail
	case common.SummaryPane:
		return m.summary
	case common.PickerPane:
		m.makeOverlay(p)
		return m.picker
	case common.ProblemsPane:
		m.makeOverlay(p)
		return m.problems
	}
	return nil
}

// Focus is the focused pane; Overlay the overlay showing (-1 for none).
func (m *Model) Focus() common.Pane   { return m.focus }
func (m *Model) Overlay() common.Pane { return m.overlay }

func (m *Model) setFocus(p common.Pane) tea.Cmd {
	var cmds []tea.Cmd
	for _, q := range []common.Pane{common.ListPane, common.DetailPane, common.SummaryPane} {
		c := m.pane(q)
		f, ok := c.(common.Focuser)
		if ok {
			f.SetFocused(q == p)
		}
		if q == m.focus && q != p || q == p && q != m.focus {
			_, cmd := c.Update(common.FocusMsg{Focused: q == p})
			cmds = append(cmds, cmd)
		}
	}
	m.focus = p
	m.relayout()
	return tea.Batch(cmds...)
}

// typing reports whether a text input has the keyboard.
func (m *Model) typing() bool {
	if m.overlay == common.PickerPane {
		return true
	}
	if t, ok := m.pane(m.focus).(common.Typer); ok {
		return t.Typing()
	}
	return false
}

// Update routes messages.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
		m.relayout()
		return m, nil
	case tea.BackgroundColorMsg:
		m.ctx.SetTheme(msg.IsDark())
		m.help.Styles = m.ctx.Styles.Help
		return m, m.broadcast(common.ThemeMsg{Dark: m.ctx.Dark})
	case loadProgressMsg:
		m.done, m.total = msg.done, msg.total
		return m, m.listen()
	case loadedMsg:
		if msg.err != nil || msg.corpus == nil {
			m.loadErr = msg.err
			if m.loadErr == nil {
				m.loadErr = fmt.Errorf("ui: Load returned no corpus")
			}
			return m, nil
		}
		m.setCorpus(msg.corpus)
		return m, tea.Batch(m.initPanes(), m.broadcast(common.ThemeMsg{Dark: m.ctx.Dark}))
	case progress.FrameMsg:
		var cmd tea.Cmd
		m.progress, cmd = m.progress.Update(msg)
		return m, cmd
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case tea.MouseMsg:
		return m, m.mouse(msg)
	case tea.PasteMsg:
		if m.overlay == common.PickerPane {
			_, cmd := m.picker.Update(msg)
			return m, cmd
		}
		if m.list != nil {
			_, cmd := m.pane(m.focus).Update(msg)
			return m, cmd
		}
		return m, nil

	// Messages from panes.
	case common.ResultsMsg:
		m.ctx.Query, m.ctx.Results = msg.Query, msg.IDs
		return m, m.forward(msg, m.detail, m.summary)
	case common.ArticleSelectedMsg:
		return m, m.forward(msg, m.detail, m.summary)
	case common.OpenArticleMsg:
		var cmds []tea.Cmd
		if cmd, ok := m.list.Select(msg.ID); ok {
			cmds = append(cmds, cmd)
		}
		_, cmd := m.detail.Update(common.ArticleSelectedMsg{ID: msg.ID, Has: true})
		cmds = append(cmds, cmd, m.setFocus(common.DetailPane))
		return m, tea.Batch(cmds...)
	case common.FilterUnitMsg:
		var keys []model.UnitKey
		if msg.Key != (model.UnitKey{}) {
			keys = []model.UnitKey{msg.Key}
		}
		return m, tea.Batch(m.list.SetUnits(keys), m.setFocus(common.ListPane))
	case common.FilterUnitsMsg:
		return m, m.list.SetUnits(msg.Keys)
	case common.FocusPaneMsg:
		if msg.Pane >= common.PickerPane {
			return m, m.openOverlay(msg.Pane)
		}
		return m, m.setFocus(msg.Pane)
	case common.CloseOverlayMsg:
		m.overlay = noOverlay
		return m, nil
	case common.StatusMsg:
		m.status = msg.Text
		return m, nil
	}
	// Anything else (a pane's own results: filter answers, renderings) goes
	// to every pane; each ignores what is not its own.
	return m, m.broadcast(msg)
}

func (m *Model) forward(msg tea.Msg, to ...common.Component) tea.Cmd {
	var cmds []tea.Cmd
	for _, c := range to {
		if c != nil {
			_, cmd := c.Update(msg)
			cmds = append(cmds, cmd)
		}
	}
	return tea.Batch(cmds...)
}

func (m *Model) broadcast(msg tea.Msg) tea.Cmd { return m.forward(msg, m.panes()...) }

func (m *Model) openOverlay(p common.Pane) tea.Cmd {
	m.makeOverlay(p)
	m.overlay = p
	m.relayout()
	if p == common.PickerPane {
		return m.picker.Open(m.list.Units())
	}
	return nil
}

// key handles a key press: quit always; an overlay or a text input takes
// the keys first; then the global keys; then the focused pane.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	m.status = ""
	if key.Matches(msg, k.ForceQuit) {
		return tea.Quit
	}
	if m.list == nil { // loading or failed
		if key.Matches(msg, k.Quit) || msg.String() == "esc" {
			return tea.Quit
		}
		return nil
	}
	switch m.overlay {
	case common.HelpPane:
		if key.Matches(msg, k.Help, k.Back, k.Quit) {
			m.overlay = noOverlay
		}
		return nil
	case common.PickerPane, common.ProblemsPane:
		_, cmd := m.pane(m.overlay).Update(msg)
		return cmd
	}
	if m.typing() {
		_, cmd := m.pane(m.focus).Update(msg)
		return cmd
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		return m.openOverlay(common.HelpPane)
	case key.Matches(msg, k.NextPane):
		return m.setFocus((m.focus + 1) % 3)
	case key.Matches(msg, k.PrevPane):
		return m.setFocus((m.focus + 2) % 3)
	case key.Matches(msg, k.GoList):
		return m.setFocus(common.ListPane)
	case key.Matches(msg, k.GoDetail):
		return m.setFocus(common.DetailPane)
	case key.Matches(msg, k.GoSummary):
		return m.setFocus(common.SummaryPane)
	case key.Matches(msg, k.Units):
		return m.openOverlay(common.PickerPane)
	case key.Matches(msg, k.Problems):
		return m.openOverlay(common.ProblemsPane)
	case key.Matches(msg, k.Filter) && m.focus == common.SummaryPane:
		return tea.Batch(m.setFocus(common.ListPane), m.list.OpenFilter())
	case key.Matches(msg, k.Back) && m.focus != common.ListPane:
		if e, ok := m.pane(m.focus).(common.Escaper); ok && !e.UsesEsc() {
			return m.setFocus(common.ListPane)
		}
	}
	_, cmd := m.pane(m.focus).Update(msg)
	return cmd
}
