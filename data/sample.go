package data

import (
	"context"
	"embed"
	"io/fs"
	"path"

	"github.com/baocao/baocao/model"
)

// sampleFS holds the sample corpus shown when no path is given: the five
// report pages the project started from, as scraped.
//
//go:embed sample/*.txt
var sampleFS embed.FS

// sampleJobs lists the sample's files in lexical order.
func sampleJobs() []job {
	entries, err := fs.ReadDir(sampleFS, "sample")
	if err != nil { // cannot happen: the folder is embedded
		panic(err)
	}
	jobs := make([]job, 0, len(entries))
	for _, e := range entries {
		name := path.Join("sample", e.Name())
		info, _ := e.Info()
		var size int64
		if info != nil {
			size = info.Size()
		}
		jobs = append(jobs, job{name: name, rel: e.Name(), id: idOf(e.Name()), size: size, format: formatOf(name),
			read: func() (string, error) {
				b, err := sampleFS.ReadFile(name)
				return string(b), err
			}})
	}
	return jobs
}

// Sample returns the embedded sample corpus, understood like any other
// (Load with no paths).
func Sample() []model.Article {
	res, _ := Load(context.Background(), nil, Options{})
	return res.Articles
}
