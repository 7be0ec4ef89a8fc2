// Command sshload measures the baocao SSH server under many reader sessions,
// with a stand-in reader (loadtest.DemoApp): keystroke-to-frame latency and
// the server's heap per idle session. Loopback only.
//
//	go run ./cmd/baocao/internal/server/loadtest/sshload -n 200
//	go run ./cmd/baocao/internal/server/loadtest/sshload -addr 127.0.0.1:2323 -n 50
//
// To measure the real reader, call loadtest.Main with the real App from a
// main package of the same shape.
package main

import (
	"os"

	"github.com/baocao/baocao/cmd/baocao/internal/server/loadtest"
)

func main() {
	os.Exit(loadtest.Main(loadtest.NewDemoApp(2000), os.Args[1:]))
}
