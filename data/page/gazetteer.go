package page

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"

	"github.com/baocao/baocao/model"
)

// gazetteer.txt is a compact list of Viet Nam's provinces, districts and
// communes before July 2025, derived from the MIT-licensed GSO lists of
// github.com/tranngocminhhieu/vietnamadminunits by gen_gazetteer.go (see
// gazetteer_LICENSE.txt). Parse consults it only to tell which unit the text
// names encloses the report's unit; the text's own words come first.
//
//go:embed gazetteer.txt
var gazetteerText string

type gzUnit struct {
	level  model.Level
	name   string
	parent int // index of the enclosing province (districts); -1 for provinces
}

type gazetteer struct {
	provinces []gzUnit
	districts []gzUnit
	wards     map[string][]int32 // folded commune name → districts
	distByFn  map[string][]int32 // folded district name → districts
	provByFn  map[string]int     // folded province name → province
}

var (
	gzOnce sync.Once
	gz     *gazetteer
)

func loadGazetteer() *gazetteer {
	gzOnce.Do(func() {
		g := &gazetteer{wards: map[string][]int32{}, distByFn: map[string][]int32{}, provByFn: map[string]int{}}
		for _, ln := range strings.Split(gazetteerText, "\n") {
			if ln == "" || ln[0] == '#' {
				continue
			}
			f := strings.Split(ln, "\t")
			switch {
			case f[0] == "P" && len(f) == 3:
				g.provByFn[fold(f[2])] = len(g.provinces)
				g.provinces = append(g.provinces, gzUnit{model.Level(f[1]), f[2], -1})
			case f[0] == "D" && len(f) == 4:
				p, _ := strconv.Atoi(f[3])
				k := fold(f[2])
				g.distByFn[k] = append(g.distByFn[k], int32(len(g.districts)))
				g.districts = append(g.districts, gzUnit{model.Level(f[1]), f[2], p})
			case f[0] == "W" && len(f) == 3:
				d, _ := strconv.Atoi(f[2])
				k := fold(f[1])
				g.wards[k] = append(g.wards[k], int32(d))
			}
		}
		gz = g
	})
	return gz
}

// isCommuneLevel reports whether l is a commune-level unit (phường, xã,
// thị trấn).
func isCommuneLevel(l model.Level) bool {
	return l == model.Ward || l == model.Commune || l == model.Townlet
}

// enclosing lists the units that may enclose a unit of level l and folded
// name fn, nearest first: for a commune its districts then their provinces,
// for a district its provinces.
func (g *gazetteer) enclosing(l model.Level, fn string) []gzUnit {
	var out []gzUnit
	switch {
	case isCommuneLevel(l):
		ds := g.wards[fn]
		for _, d := range ds {
			out = append(out, g.districts[d])
		}
		for _, d := range ds {
			out = append(out, g.provinces[g.districts[d].parent])
		}
	case l == model.Province:
	default:
		for _, d := range g.distByFn[fn] {
			out = append(out, g.provinces[g.districts[d].parent])
		}
	}
	return out
}

// province returns the province of folded name fn.
func (g *gazetteer) province(fn string) (gzUnit, bool) {
	if i, ok := g.provByFn[fn]; ok {
		return g.provinces[i], true
	}
	return gzUnit{}, false
}
