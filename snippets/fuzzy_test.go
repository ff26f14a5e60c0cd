package snippets

import (
	"slices"
	"testing"
)

func TestFuzzyMatch(t *testing.T) {
	tests := []struct {
		q, hay string
		ok     bool
		pos    []int
	}{
		{"refnd", "refund approved · refund", true, []int{0, 1, 2, 4, 5}},
		{"ra", "refund approved", true, []int{0, 7}},
		{"xyz", "refund", false, nil},
		{"", "anything", true, nil},
		{"退款", "退款已批准", true, []int{0, 3}},
		{"délai", "retard · délai", true, []int{10, 11, 13, 14, 15}},
	}
	for _, tt := range tests {
		_, pos, ok := fuzzyMatch(tt.q, tt.hay, nil)
		if ok != tt.ok || ok && len(tt.pos) > 0 && !slices.Equal(pos, tt.pos) {
			t.Errorf("fuzzyMatch(%q, %q) = %v %v, want %v %v", tt.q, tt.hay, pos, ok, tt.pos, tt.ok)
		}
	}
	start, _, _ := fuzzyMatch("ref", "refund", nil)
	middle, _, _ := fuzzyMatch("ref", "a refund", nil)
	scattered, _, _ := fuzzyMatch("ref", "rather elegant fish", nil)
	if !(start > middle && middle > scattered) {
		t.Errorf("ranking: start %d, word start %d, scattered %d", start, middle, scattered)
	}
}
