package uitest

import "testing"

func TestKeys(t *testing.T) {
	for _, s := range []string{"j", "G", "ctrl+d", "space", "shift+tab", "esc", "?", "!", "/", "1"} {
		if got := Key(s).String(); got != s {
			t.Errorf("%q -> %q", s, got)
		}
	}
}
