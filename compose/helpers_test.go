package compose

import (
	"os"
	"testing"
)

// skipOrFail skips a test that needs something the machine lacks, or fails
// it in CI, where everything must be installed.
func skipOrFail(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(why)
	}
	t.Skip(why)
}
