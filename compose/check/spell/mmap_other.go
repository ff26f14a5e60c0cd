//go:build !unix

package spell

import "os"

// mapFile reads a cache file; see mmap_unix.go.
func mapFile(path string) ([]byte, error) { return os.ReadFile(path) }

func unmapFile([]byte) {}

// fileID is empty where files have no inode: size and time stand alone.
func fileID(os.FileInfo) string { return "" }
