// Command kindly is a terminal reply composer for customer-support email.
package main

import (
	"context"
	"os"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], newStreams()))
}
