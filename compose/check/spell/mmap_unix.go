//go:build unix

package spell

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// mapFile maps a cache file read-only: the word table is used from the page
// cache as it is, with nothing allocated, zeroed or copied, and only the
// pages a lookup touches are read. Cache files are only ever replaced by a
// rename, never written in place, so the mapping cannot change under us.
func mapFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := fi.Size()
	if size <= 0 || int64(int(size)) != size {
		return nil, errors.New("spelling cache: empty or too large")
	}
	return syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
}

// unmapFile releases what mapFile mapped when it is not kept.
func unmapFile(b []byte) { syscall.Munmap(b) }

// fileID is the device and inode of a file: the file itself, whatever
// path or link led to it.
func fileID(fi os.FileInfo) string {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return fmt.Sprintf("%d:%d", st.Dev, st.Ino)
	}
	return ""
}
