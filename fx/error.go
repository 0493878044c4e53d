package fx

import (
	"errors"
	"fmt"
	"time"
)

var (
	// ErrUnknownCurrency is matched by errors for a currency that no rate
	// series mentions, or a string that is not a currency code.
	ErrUnknownCurrency = errors.New("unknown currency")
	// ErrNoRate is matched by errors for a date before the first rate of a
	// pair that a conversion needs, or for two known currencies that no
	// series links, directly or through USD.
	ErrNoRate = errors.New("no rate")
)

// Error is a failed conversion. It names both currencies as the caller gave
// them and, when the problem is about a date, the date; Err says why and
// matches ErrUnknownCurrency or ErrNoRate under errors.Is.
type Error struct {
	From, To string
	Date     time.Time // zero when the problem is not about one date
	Err      error
}

func (e *Error) Error() string {
	if e.Date.IsZero() {
		return fmt.Sprintf("fx: converting %s to %s: %v", e.From, e.To, e.Err)
	}
	return fmt.Sprintf("fx: converting %s to %s on %s: %v", e.From, e.To, e.Date.Format(time.DateOnly), e.Err)
}

func (e *Error) Unwrap() error { return e.Err }
