package loadtest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"

	"charm.land/log/v2"
	"github.com/baocao/baocao/cmd/baocao/internal/server"
	gossh "golang.org/x/crypto/ssh"
)

// childEnv marks the client process Main starts for itself.
const childEnv = "BAOCAO_SSHLOAD_CHILD"

// IsClientProcess reports whether this process is the client side that
// Main starts for itself (so a main can skip loading its corpus).
func IsClientProcess() bool { return os.Getenv(childEnv) != "" }

// Mem is the server heap measured in-process (after runtime.GC).
type Mem struct {
	BaselineHeap   uint64  `json:"baseline_heap"` // server up, no session
	IdleHeap       uint64  `json:"idle_heap"`     // every session open and idle
	AfterHeap      uint64  `json:"after_heap"`    // every session closed
	PerSession     float64 `json:"per_session"`   // (idle - baseline) / sessions
	BaselineGo     int     `json:"baseline_goroutines"`
	IdleGo         int     `json:"idle_goroutines"`
	AfterGo        int     `json:"after_goroutines"`
	ClientsInChild bool    `json:"clients_in_child"` // false: heap includes the clients
	// IdleCPU is the process's CPU use while every session sat idle, in
	// cores (0.05 = 5% of one core); it includes the clients with -inproc.
	IdleCPU float64 `json:"idle_cpu"`
	// TypingCPU is the process's CPU time while the sessions typed, per
	// keystroke (includes the clients with -inproc).
	TypingCPU time.Duration `json:"typing_cpu_per_key"`
}

// Result is a whole run.
type Result struct {
	Clients *Report `json:"clients"`
	Mem     *Mem    `json:"mem,omitempty"`
}

// Main is the load tool's command line; call it from a main package with
// the App to measure, e.g.
//
//	func main() { os.Exit(loadtest.Main(app, os.Args[1:])) }
//
// By default it runs a server for app in this process (open mode, on
// 127.0.0.1) and the clients in a child process of the same binary, so that
// the heap it reports is the server's alone. -addr runs only the clients,
// against a server already listening on the loopback interface.
func Main(app server.App, args []string) int {
	fs := flag.NewFlagSet("sshload", flag.ContinueOnError)
	n := fs.Int("n", 200, "sessions to open (one connection each)")
	addr := fs.String("addr", "", "only run clients against this loopback `host:port` (server started with --open or a key given by -key)")
	keyPath := fs.String("key", "", "private key `file` for -addr against a server with authorized keys")
	keys := fs.String("keys", "j,k", "comma-separated keys to type in turn; each must change the screen")
	strokes := fs.Int("keystrokes", 20, "keystrokes per session")
	interval := fs.Duration("interval", 250*time.Millisecond, "mean time between one session's keystrokes")
	width := fs.Int("width", 120, "terminal width")
	height := fs.Int("height", 40, "terminal height")
	settle := fs.Duration("settle", 500*time.Millisecond, "wait after the last first frame before measuring idle (for models that start work in Init)")
	timeout := fs.Duration("timeout", 3*time.Minute, "give up after this long (at most 10m)")
	inproc := fs.Bool("inproc", false, "run the clients in this process too (heap then includes them)")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	verbose := fs.Bool("v", false, "log the server's warnings")
	hold := fs.Duration("idle", 2*time.Second, "with an in-process server, hold every session idle this long and measure the server's CPU")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the typing phase to `file` (in-process server)")
	memprofile := fs.String("memprofile", "", "write heap profiles `prefix`.idle.pprof and prefix.after.pprof (in-process server)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	o := Options{
		Addr: *addr, Sessions: *n, Width: *width, Height: *height,
		Keys: strings.Split(*keys, ","), Keystrokes: *strokes, Interval: *interval, Timeout: *timeout, Settle: *settle,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	var res Result
	var err error
	switch {
	case os.Getenv(childEnv) != "":
		return child(ctx, o)
	case *addr != "":
		if *keyPath != "" {
			if o.Signer, err = readKey(*keyPath); err != nil {
				fmt.Fprintln(os.Stderr, "sshload:", err)
				return 1
			}
		}
		res.Clients, err = RunClients(ctx, o)
	default:
		res, err = runServer(ctx, app, o, !*inproc, *verbose, *memprofile, *cpuprofile, *hold, args)
	}
	print(os.Stdout, res, *asJSON)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sshload:", err)
		return 1
	}
	return 0
}

func print(w io.Writer, r Result, asJSON bool) {
	if asJSON {
		e := json.NewEncoder(w)
		e.SetIndent("", "  ")
		_ = e.Encode(r)
		return
	}
	if c := r.Clients; c != nil {
		fmt.Fprintf(w, "sessions     %d opened of %d\n", c.Opened, c.Sessions)
		fmt.Fprintf(w, "first frame  %v\n", c.FirstFrame)
		fmt.Fprintf(w, "key→frame    %v (timeouts %d of %d keystrokes)\n", c.Latency, c.Timeouts, c.Keystrokes)
		for _, e := range c.Errors {
			fmt.Fprintf(w, "error        %s\n", e)
		}
	}
	if m := r.Mem; m != nil {
		who := "server only (clients in a child process)"
		if !m.ClientsInChild {
			who = "server and clients together"
		}
		fmt.Fprintf(w, "heap         baseline %s, idle %s, after close %s (%s)\n", mib(m.BaselineHeap), mib(m.IdleHeap), mib(m.AfterHeap), who)
		fmt.Fprintf(w, "per session  %s heap, %.1f goroutines (idle)\n", mib(uint64(m.PerSession)), float64(m.IdleGo-m.BaselineGo)/float64(max(r.Clients.Opened, 1)))
		fmt.Fprintf(w, "goroutines   baseline %d, idle %d, after close %d\n", m.BaselineGo, m.IdleGo, m.AfterGo)
		fmt.Fprintf(w, "idle cpu     %.1f%% of one core\n", 100*m.IdleCPU)
		fmt.Fprintf(w, "typing cpu   %v per keystroke\n", m.TypingCPU.Round(time.Microsecond))
	}
}

func mib(b uint64) string { return fmt.Sprintf("%.2f MiB", float64(b)/(1<<20)) }

func heap() (uint64, int) {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc, runtime.NumGoroutine()
}

// runServer serves app on 127.0.0.1 and drives the clients, measuring the
// heap when all sessions are idle and after they all closed.
func runServer(ctx context.Context, app server.App, o Options, inChild, verbose bool, memprofile, cpuprofile string, hold time.Duration, args []string) (Result, error) {
	dir, err := os.MkdirTemp("", "sshload-")
	if err != nil {
		return Result{}, err
	}
	defer os.RemoveAll(dir)
	cfg := server.DefaultConfig()
	cfg.Listen = "127.0.0.1:0"
	cfg.Open = true
	cfg.HostKeyPath = filepath.Join(dir, "host_key")
	cfg.MaxSessions = o.Sessions + 10
	cfg.MaxPerSource = o.Sessions + 10
	cfg.MaxStartups = server.Startups{Start: o.Sessions + 10, Rate: 100, Full: o.Sessions + 10}
	logger := log.New(io.Discard)
	if verbose {
		logger = log.New(os.Stderr)
		logger.SetLevel(log.WarnLevel)
	}
	srv, err := server.New(cfg, app, logger)
	if err != nil {
		return Result{}, err
	}
	if err := srv.Listen(); err != nil {
		return Result{}, err
	}
	sctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(sctx) }()
	defer func() { cancel(); <-served }()
	o.Addr = srv.Addr().String()
	o.HostKey = srv.HostKey()

	mem := &Mem{ClientsInChild: inChild}
	var typingFrom, typingCPU time.Duration
	var stopProfile func()
	time.Sleep(100 * time.Millisecond)
	mem.BaselineHeap, mem.BaselineGo = heap()
	onIdle := func() {
		mem.IdleHeap, mem.IdleGo = heap()
		writeProfile(memprofile, "idle")
		if hold > 0 {
			c0 := cpuTime()
			time.Sleep(hold)
			mem.IdleCPU = (cpuTime() - c0).Seconds() / hold.Seconds()
		}
		if cpuprofile != "" {
			if f, err := os.Create(cpuprofile); err == nil {
				if pprof.StartCPUProfile(f) == nil {
					stopProfile = func() { pprof.StopCPUProfile(); f.Close() }
				}
			}
		}
		typingFrom = cpuTime()
	}
	onTyped := func() {
		typingCPU = cpuTime() - typingFrom
		if stopProfile != nil {
			stopProfile()
			stopProfile = nil
		}
	}
	onClosed := func() {
		// Wait for the server to notice every client left.
		deadline := time.Now().Add(15 * time.Second)
		for time.Now().Before(deadline) {
			if st := srv.Stats(); st.Sessions == 0 && st.Conns == 0 {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		time.Sleep(100 * time.Millisecond)
		mem.AfterHeap, mem.AfterGo = heap()
		writeProfile(memprofile, "after")
	}

	var rep *Report
	if inChild {
		rep, err = runChild(o, args, onIdle, onTyped, onClosed)
	} else {
		o.OnIdle, o.OnTyped, o.OnClosed = onIdle, onTyped, onClosed
		rep, err = RunClients(ctx, o)
	}
	if rep != nil && rep.Keystrokes > 0 {
		mem.TypingCPU = typingCPU / time.Duration(rep.Keystrokes)
	}
	if rep != nil && rep.Opened > 0 && mem.IdleHeap > 0 {
		mem.PerSession = (float64(mem.IdleHeap) - float64(mem.BaselineHeap)) / float64(rep.Opened)
	}
	return Result{Clients: rep, Mem: mem}, err
}

// runChild re-runs this binary as the client side, talking over its
// stdin/stdout: the child says IDLE and waits for GO, then says TYPED and
// CLOSED and prints REPORT {json}.
func runChild(o Options, args []string, onIdle, onTyped, onClosed func()) (*Report, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cargs := append([]string{}, args...)
	cargs = append(cargs, "-addr", o.Addr, "-n", strconv.Itoa(o.Sessions))
	// Not CommandContext: its watcher goroutine would show in the
	// after-close goroutine count. The child has its own -timeout and gets
	// the terminal's SIGINT too.
	cmd := exec.Command(exe, cargs...)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	defer cmd.Wait()
	defer in.Close()
	var rep *Report
	sc := bufio.NewScanner(out)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "IDLE":
			onIdle()
			if _, err := io.WriteString(in, "GO\n"); err != nil {
				return nil, err
			}
		case line == "TYPED":
			onTyped()
		case line == "CLOSED":
			onClosed()
		case strings.HasPrefix(line, "REPORT "):
			rep = &Report{}
			if err := json.Unmarshal([]byte(line[len("REPORT "):]), rep); err != nil {
				return nil, err
			}
		}
	}
	if rep == nil {
		return nil, errors.New("client process gave no report")
	}
	return rep, nil
}

// child is the client side started by runChild.
func child(ctx context.Context, o Options) int {
	stdin := bufio.NewReader(os.Stdin)
	o.OnIdle = func() {
		fmt.Println("IDLE")
		_, _ = stdin.ReadString('\n')
	}
	o.OnTyped = func() { fmt.Println("TYPED") }
	o.OnClosed = func() { fmt.Println("CLOSED") }
	rep, err := RunClients(ctx, o)
	if rep != nil {
		b, _ := json.Marshal(rep)
		fmt.Printf("REPORT %s\n", b)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sshload client:", err)
		return 1
	}
	return 0
}

func readKey(path string) (gossh.Signer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return gossh.ParsePrivateKey(b)
}

func writeProfile(prefix, phase string) {
	if prefix == "" {
		return
	}
	f, err := os.Create(prefix + "." + phase + ".pprof")
	if err != nil {
		fmt.Fprintln(os.Stderr, "sshload:", err)
		return
	}
	defer f.Close()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		fmt.Fprintln(os.Stderr, "sshload:", err)
	}
}

// cpuTime is the CPU time (user + system) this process used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
