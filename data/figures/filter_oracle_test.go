package figures

import "unicode/utf8"

// mayHaveMetricByWord is mayHaveMetric as it was before its word state went
// branch-free: it asks keyPair at the end of every word. It stays as the
// oracle of FuzzFilters.
func mayHaveMetricByWord(p string) bool {
	var w, prev uint64 // the word being read and the one before, packed
	n := 0             // letters in w; past 5, no word of keyPair
	for i := 0; i < len(p); {
		b := p[i]
		var c byte
		switch {
		case b < utf8.RuneSelf:
			c = asciiFold[b]
			i++
		case b >= 0xC2 && b <= 0xDF && i+1 < len(p) && p[i+1]&0xC0 == 0x80:
			// two-byte runes: Latin letters, marks
			c = foldBytes[rune(b&0x1F)<<6|rune(p[i+1]&0x3F)]
			if c == 0 {
				c, _, _ = foldRuneAt(p, i)
			} else if c == dropByte {
				i += 2
				continue
			}
			i += 2
		case b == 0xE1 && i+2 < len(p) && p[i+1]&0xC0 == 0x80 && p[i+1] < 0xBC && p[i+2]&0xC0 == 0x80:
			// three-byte runes U+1000 to U+1EFF: Vietnamese vowels with tones
			c = foldBytes[rune(b&0x0F)<<12|rune(p[i+1]&0x3F)<<6|rune(p[i+2]&0x3F)]
			if c == 0 {
				c, _, _ = foldRuneAt(p, i)
			} else if c == dropByte {
				i += 3
				continue
			}
			i += 3
		default:
			fb, size, ok := foldRuneAt(p, i)
			i += size
			if !ok {
				continue // a lone mark: nothing, as in prepare
			}
			c = fb
		}
		if 'a' <= c && c <= 'z' {
			w = w<<8 | uint64(c)
			n++
			continue
		}
		if n == 0 {
			continue
		}
		if n > 5 {
			w = 0
		}
		if keyPair(prev, w) {
			return true
		}
		prev, w, n = w, 0, 0
	}
	if n > 5 {
		w = 0
	}
	return n > 0 && keyPair(prev, w)
}
