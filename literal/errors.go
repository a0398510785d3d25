package literal

import "errors"

// ErrTooLarge means a literal is larger than a limit allows, or its announced
// size does not fit in a number64 (2^63-1).
var ErrTooLarge = errors.New("literal too large")
