package loadtest

import (
	"context"
	"io"
	"path/filepath"
	"testing"
	"time"

	"charm.land/log/v2"
	"github.com/baocao/baocao/cmd/baocao/internal/server"
)

func TestCheckLoopback(t *testing.T) {
	for _, a := range []string{"127.0.0.1:2323", "[::1]:2323", "127.1.2.3:22", "localhost:22"} {
		if err := CheckLoopback(a); err != nil {
			t.Errorf("%s refused: %v", a, err)
		}
	}
	for _, a := range []string{"10.0.0.1:22", "0.0.0.0:22", "example.com:22", "[2001:db8::1]:22", "127.0.0.1"} {
		if err := CheckLoopback(a); err == nil {
			t.Errorf("%s accepted", a)
		}
	}
	if _, err := RunClients(context.Background(), Options{Addr: "192.0.2.1:22", Sessions: 1}); err == nil {
		t.Error("RunClients ran against a non-loopback address")
	}
	if _, err := RunClients(context.Background(), Options{Addr: "127.0.0.1:22", Sessions: MaxSessions + 1}); err == nil {
		t.Error("RunClients accepted more sessions than its bound")
	}
}

func TestSmallRun(t *testing.T) {
	cfg := server.DefaultConfig()
	cfg.Listen = "127.0.0.1:0"
	cfg.Open = true
	cfg.HostKeyPath = filepath.Join(t.TempDir(), "k")
	srv, err := server.New(cfg, NewDemoApp(100), log.New(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Listen(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	defer func() { cancel(); <-done }()

	idle := false
	rep, err := RunClients(context.Background(), Options{
		Addr: srv.Addr().String(), HostKey: srv.HostKey(), Sessions: 8,
		Keystrokes: 5, Interval: 40 * time.Millisecond, Timeout: 30 * time.Second,
		OnIdle: func() {
			idle = true
			if n := srv.Stats().Sessions; n != 8 {
				t.Errorf("at idle the server has %d sessions, want 8", n)
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !idle || rep.Opened != 8 || rep.Keystrokes != 40 || rep.Timeouts != 0 || rep.Latency.N != 40 {
		t.Errorf("report %+v", rep)
	}
	if rep.Latency.P50 <= 0 || rep.Latency.P50 > rep.Latency.Max {
		t.Errorf("latency %v", rep.Latency)
	}
	deadline := time.Now().Add(5 * time.Second)
	for srv.Stats() != (server.Stats{}) {
		if time.Now().After(deadline) {
			t.Fatalf("server still holds %+v after the clients left", srv.Stats())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestSummarize(t *testing.T) {
	var xs []time.Duration
	for i := 1; i <= 100; i++ {
		xs = append(xs, time.Duration(i)*time.Millisecond)
	}
	d := summarize(xs)
	if d.N != 100 || d.P50 != 50*time.Millisecond || d.P90 != 90*time.Millisecond || d.P99 != 99*time.Millisecond || d.Max != 100*time.Millisecond {
		t.Errorf("summarize: %v", d)
	}
	if (summarize(nil) != Dist{}) {
		t.Error("empty summary")
	}
}
