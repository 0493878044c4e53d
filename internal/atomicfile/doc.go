// Package atomicfile writes files so that readers, and the file system after
// a crash, only ever see the old content or the new content, never a mix,
// and serialises read-modify-write cycles between processes with a lock
// file.
//
// Write puts the new content in a temporary file in the same directory,
// flushes it to stable storage (fsync), renames it over the target (an atomic
// replacement on POSIX file systems and on NTFS) and syncs the directory so
// the rename itself survives a power cut. A process killed at any point
// leaves at worst a stray temporary file named "." + the target's name +
// ".tmp-" + its process id + "-" + random digits; the next Prepare of the
// same target removes it once that process has ended (or the file is an
// hour old), and RemoveStale deletes every old one in a directory. Errors
// name the target, never the temporary file. Prepare and Commit split
// Write in two, so that several files can be replaced all or none.
//
// Lock takes an exclusive advisory lock (flock on Unix, LockFileEx on
// Windows) on a separate lock file; the kernel drops it when the holder dies,
// so a crash never leaves a stale lock behind.
package atomicfile
