//go:build unix

package page

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has spent (user and system, the
// collector's included).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
