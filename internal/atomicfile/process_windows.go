//go:build windows

package atomicfile

import (
	"errors"

	"golang.org/x/sys/windows"
)

// processRunning reports whether a process with this id is running: one
// that can be opened and has no exit code yet, or one another user's
// rights hide.
func processRunning(pid int) bool {
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(pid))
	if err != nil {
		return errors.Is(err, windows.ERROR_ACCESS_DENIED)
	}
	defer windows.CloseHandle(h)
	var code uint32
	if err := windows.GetExitCodeProcess(h, &code); err != nil {
		return true
	}
	const stillActive = 259
	return code == stillActive
}
