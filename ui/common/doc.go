// Package common holds what every pane of baocao's terminal reader shares:
// the per-program Context (corpus, window size, styles, key map, language),
// the Component interface panes implement, the messages panes exchange with
// the root model, number/date formatting, and the sanitiser for article
// text going to the screen.
//
// # Context
//
// One *Context is made per running program (per SSH session) by the root
// model, like gh-dash's ProgramContext. Only the root changes it (window
// size, theme when the terminal reports its background, current results);
// panes read it. Several sessions share one *model.Corpus, never a Context.
//
// # Messages
//
// Panes never reach into each other. They talk to the root with messages,
// returned from Update as a tea.Cmd (use common.Send):
//
//	pane → root
//	  OpenArticleMsg{ID}     show this article in the detail pane and focus it
//	  FilterUnitMsg{Key}     restrict list and summary to this one unit
//	  FocusPaneMsg{Pane}     move the focus to another pane
//	  StatusMsg{Text}        a transient note for the status bar
//
//	root → panes (the root forwards these to every pane)
//	  ArticleSelectedMsg{ID} the list cursor now rests on this article
//	                         (Has==false: the list is empty)
//	  ResultsMsg{...}        the list's current result set changed (filter,
//	                         unit choice or sort); the summary recomputes
//	  ThemeMsg{Dark}         the terminal background is known/changed; Context
//	                         styles were rebuilt; drop render caches
//	  FocusMsg{Focused}      sent to one pane when it gains/loses focus
//	  tea.WindowSizeMsg is not forwarded: panes get SetSize instead.
//
// Mouse messages (clicks and wheel) go to the pane or overlay under the
// pointer with X and Y relative to the pane's top-left cell (inside its
// border); a click also focuses that pane.
//
// Keys a focused pane does not use bubble nowhere: the root handles its
// global keys (quit, help, tab, 1/2/3, u, !, /) before the focused pane sees
// a key, except while a text input has the keyboard (see Context.Typing).
package common
