package send

import (
	"strconv"
	"testing"
)

// BenchmarkOutboxEnqueue measures putting a reply in the outbox: an atomic,
// fsynced write of the message and its state.
func BenchmarkOutboxEnqueue(b *testing.B) {
	o := OpenOutbox(b.TempDir())
	msg := testMsg
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		msg.ID = "bench." + strconv.Itoa(i) + "@example.com"
		if _, err := o.Enqueue(msg, "support", false); err != nil {
			b.Fatal(err)
		}
	}
}
