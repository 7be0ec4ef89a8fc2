package uitest

import tea "charm.land/bubbletea/v2"

// Drain runs cmd and every command batched in it, returning the messages
// in order (a test stand-in for the Bubble Tea loop).
func Drain(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, Drain(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// Key makes a key press from its String form ("j", "enter", "ctrl+d",
// "shift+tab", "space", "esc").
func Key(s string) tea.KeyPressMsg {
	special := map[string]tea.Key{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "tab": {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift}, "space": {Code: tea.KeySpace, Text: " "},
		"up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown}, "left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight},
		"pgup": {Code: tea.KeyPgUp}, "pgdown": {Code: tea.KeyPgDown}, "home": {Code: tea.KeyHome}, "end": {Code: tea.KeyEnd},
		"backspace": {Code: tea.KeyBackspace},
	}
	if k, ok := special[s]; ok {
		return tea.KeyPressMsg(k)
	}
	if len(s) > 5 && s[:5] == "ctrl+" {
		return tea.KeyPressMsg{Code: rune(s[5]), Mod: tea.ModCtrl}
	}
	r := []rune(s)[0]
	k := tea.Key{Code: r, Text: s}
	if r >= 'A' && r <= 'Z' {
		k.Code = r + 'a' - 'A'
		k.ShiftedCode = r
		k.Mod = tea.ModShift
	}
	return tea.KeyPressMsg(k)
}
