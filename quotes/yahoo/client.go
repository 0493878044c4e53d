package yahoo

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// maxBody bounds a response body; ten years of one symbol is about 100 kB.
const maxBody = 32 << 20

// client speaks the v8 chart endpoint: retries, backoff, crumb.
type client struct {
	http           *http.Client
	base           string
	cookieURL      string
	userAgent      string
	retries        int
	backoff        time.Duration
	maxBackoff     time.Duration
	requestTimeout time.Duration
	onRetry        func(Retry) // nil: retries are silent
	// inFlight holds a token per request under way: at most
	// Options.Concurrency requests reach Yahoo at once, whoever makes them.
	inFlight chan struct{}

	// handshake holds a token while a crumb handshake is under way, so
	// that concurrent callers wait for one handshake (cancellably) while
	// mu stays free for requests that need no crumb.
	handshake chan struct{}

	mu         sync.Mutex
	crumb      string
	handshakes int       // handshakes finished, failed ones included
	lastErr    error     // how the last handshake ended
	pauseUntil time.Time // no request before this (set by 429s)
}

// HTTPError is a response with an unexpected HTTP status.
type HTTPError struct {
	Status int
	Body   string // the start of the body
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("HTTP %d %s: %q", e.Status, http.StatusText(e.Status), e.Body)
}

// chart fetches the daily chart of symbol for timestamps p1 <= t < p2
// (p1 may be negative: Yahoo has data from before 1970), and why each event
// the parser dropped was dropped (see ParseChart).
func (c *client) chart(ctx context.Context, symbol string, p1, p2 int64) (*quotes.Series, []error, error) {
	q := url.Values{}
	q.Set("period1", strconv.FormatInt(p1, 10))
	q.Set("period2", strconv.FormatInt(p2, 10))
	q.Set("interval", "1d")
	q.Set("events", "div,splits")
	q.Set("includePrePost", "false")
	u := c.base + "/v8/finance/chart/" + url.PathEscape(symbol)
	crumbTried := false
	for attempt := 0; ; attempt++ {
		if err := c.waitPause(ctx); err != nil {
			return nil, nil, err
		}
		c.mu.Lock()
		crumb, handshakes := c.crumb, c.handshakes
		c.mu.Unlock()
		if crumb != "" {
			q.Set("crumb", crumb)
		}
		status, header, body, err := c.get(ctx, u+"?"+q.Encode())
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil, fmt.Errorf("GET %s: %w", u, ctx.Err())
			}
			if err := c.retry(ctx, symbol, u, attempt, err, c.delay(attempt, nil)); err != nil {
				return nil, nil, err
			}
			continue
		}
		var cerr *ChartError
		s, dropped, perr := parseChart(bytes.NewReader(body))
		if errors.As(perr, &cerr) {
			cerr.Status = status
		}
		// The caller names the symbol and Yahoo: the parser's own
		// "yahoo: SYMBOL: " prefix would say it twice.
		perr = withoutParsePrefix(perr)
		var failed error // a failure worth another attempt
		var wait time.Duration
		switch {
		case status == http.StatusOK && perr == nil:
			return s, dropped, nil
		case status == http.StatusUnauthorized || status == http.StatusForbidden || cerr != nil && cerr.invalidCrumb():
			if crumbTried {
				return nil, nil, fmt.Errorf("GET %s: refused even with a fresh crumb: %w", u, statusErr(status, body, cerr))
			}
			crumbTried = true
			if err := c.refreshCrumb(ctx, handshakes); err != nil {
				if ctx.Err() != nil {
					return nil, nil, fmt.Errorf("GET %s: %w", u, err)
				}
				return nil, nil, fmt.Errorf("GET %s: HTTP %d and crumb handshake failed: %w", u, status, err)
			}
			attempt-- // the handshake retry is not a failure
			continue
		case status == http.StatusTooManyRequests || status >= 500:
			failed, wait = statusErr(status, body, nil), c.delay(attempt, header)
			if status == http.StatusTooManyRequests {
				c.pause(wait)
			}
		case status == http.StatusOK && truncated(perr):
			// A body cut short by a proxy or a dropped connection that
			// still looked complete to HTTP: worth another try.
			failed, wait = perr, c.delay(attempt, nil)
		case cerr != nil:
			return nil, nil, cerr
		case status == http.StatusOK:
			return nil, nil, perr
		default:
			return nil, nil, fmt.Errorf("GET %s: %w", u, statusErr(status, body, nil))
		}
		if err := c.retry(ctx, symbol, u, attempt, failed, wait); err != nil {
			return nil, nil, err
		}
	}
}

// retry decides what follows attempt (0 for the first) of u, which failed
// with err: an error giving up when it was the last attempt, at once
// rather than after one more wait; else it reports the retry to onRetry
// and waits d, returning nil, or the context's error when it ends first.
func (c *client) retry(ctx context.Context, symbol, u string, attempt int, err error, d time.Duration) error {
	if attempt >= c.retries {
		return fmt.Errorf("GET %s: giving up after %d attempts: %w", u, attempt+1, err)
	}
	if c.onRetry != nil {
		c.onRetry(Retry{Symbol: symbol, Attempt: attempt + 1, Attempts: c.retries + 1, Err: err, Wait: d})
	}
	c.sleep(ctx, d)
	if ctx.Err() != nil {
		return fmt.Errorf("GET %s: %w (last error: %v)", u, ctx.Err(), err)
	}
	return nil
}

func truncated(err error) bool {
	var se *json.SyntaxError
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.As(err, &se)
}

func statusErr(status int, body []byte, cerr *ChartError) error {
	if cerr != nil {
		return cerr
	}
	snippet := strings.TrimSpace(string(body))
	if len(snippet) > 120 {
		snippet = snippet[:120] + "..."
	}
	return &HTTPError{Status: status, Body: snippet}
}

// get does one request with the per-request timeout and reads the whole
// body, so that a connection dropped mid-body is an error here.
func (c *client) get(ctx context.Context, u string) (int, http.Header, []byte, error) {
	if c.inFlight != nil {
		select {
		case c.inFlight <- struct{}{}:
			defer func() { <-c.inFlight }()
		case <-ctx.Done():
			return 0, nil, nil, ctx.Err()
		}
	}
	ctx, cancel := context.WithTimeout(ctx, c.requestTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, nil, nil, err
	}
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", "application/json,text/plain,*/*")
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		return 0, nil, nil, fmt.Errorf("reading response of %s: %w", req.URL.Redacted(), err)
	}
	if len(body) > maxBody {
		return 0, nil, nil, fmt.Errorf("response of %s is over %d bytes", req.URL.Redacted(), maxBody)
	}
	return resp.StatusCode, resp.Header, body, nil
}

// refreshCrumb does Yahoo's cookie and crumb handshake: a request that sets
// the session cookie, then /v1/test/getcrumb. handshakes is how many
// handshakes had finished when the refused request was made: when one has
// finished since, its result stands, a new crumb or a failure, instead of
// starting another; so requests refused together wait for one handshake,
// and share its error when it fails. Requests that need no new crumb go
// on meanwhile.
func (c *client) refreshCrumb(ctx context.Context, handshakes int) error {
	select {
	case c.handshake <- struct{}{}:
	case <-ctx.Done():
		return fmt.Errorf("waiting for the crumb handshake: %w", ctx.Err())
	}
	defer func() { <-c.handshake }()
	c.mu.Lock()
	done, lastErr := c.handshakes != handshakes, c.lastErr
	c.mu.Unlock()
	if done {
		return lastErr
	}
	crumb, err := c.fetchCrumb(ctx)
	if err != nil && ctx.Err() != nil {
		// Cut short by this caller's context, which says nothing of
		// Yahoo: the waiting requests try for themselves.
		return fmt.Errorf("crumb handshake: %w", err)
	}
	c.mu.Lock()
	c.handshakes++
	c.lastErr = err
	if err == nil {
		c.crumb = crumb
	}
	c.mu.Unlock()
	return err
}

// fetchCrumb does one cookie and crumb handshake and returns the crumb.
func (c *client) fetchCrumb(ctx context.Context) (string, error) {
	// The cookie page answers 404 on purpose; only its Set-Cookie matters.
	if _, _, _, err := c.get(ctx, c.cookieURL); err != nil {
		return "", fmt.Errorf("cookie: %w", err)
	}
	status, _, body, err := c.get(ctx, c.base+"/v1/test/getcrumb")
	if err != nil {
		return "", fmt.Errorf("crumb: %w", err)
	}
	crumb := strings.TrimSpace(string(body))
	if status != http.StatusOK || crumb == "" || len(crumb) > 64 || strings.ContainsAny(crumb, "<>{} \n") {
		return "", fmt.Errorf("crumb: %w", statusErr(status, body, nil))
	}
	return crumb, nil
}

// delay is the wait before retry number attempt+1: Retry-After when the
// server sent one, else exponential backoff with jitter (a random wait
// between half and all of backoff*2^attempt), capped at maxBackoff.
func (c *client) delay(attempt int, h http.Header) time.Duration {
	if ra := retryAfter(h); ra > 0 {
		return min(ra, c.maxBackoff)
	}
	d := c.backoff << min(attempt, 20)
	if d <= 0 || d > c.maxBackoff {
		d = c.maxBackoff
	}
	return d/2 + rand.N(d/2+1)
}

// maxRetryAfter bounds what retryAfter returns, far above any MaxBackoff,
// so that a huge value cannot overflow a time.Duration.
const maxRetryAfter = 24 * time.Hour

// retryAfter parses a Retry-After header, in seconds or as an HTTP date,
// capped at maxRetryAfter; 0 when there is none or it cannot be read.
func retryAfter(h http.Header) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseUint(v, 10, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		// ErrRange: more digits than a uint64 holds, which is a long wait.
		if err != nil || n > uint64(maxRetryAfter/time.Second) {
			return maxRetryAfter
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return min(time.Until(t), maxRetryAfter)
	}
	return 0
}

// pause holds back every request of this client for d, so that a 429 on one
// symbol slows all of them instead of each finding out for itself.
func (c *client) pause(d time.Duration) {
	c.mu.Lock()
	if t := time.Now().Add(d); t.After(c.pauseUntil) {
		c.pauseUntil = t
	}
	c.mu.Unlock()
}

func (c *client) waitPause(ctx context.Context) error {
	c.mu.Lock()
	d := time.Until(c.pauseUntil)
	c.mu.Unlock()
	if d > 0 {
		c.sleep(ctx, d)
	}
	return ctx.Err()
}

func (c *client) sleep(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
