// Command hello is the smallest Go program that writes a line: the floor
// BenchmarkCheckProcess160 measures in the same run, so that kindly's own
// start-up can be told from what any process costs on the machine.
package main

import "os"

func main() { os.Stdout.WriteString("hello\n") }
