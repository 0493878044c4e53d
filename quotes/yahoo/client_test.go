package yahoo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

func TestRetryAfter(t *testing.T) {
	for _, tc := range []struct {
		header string
		want   time.Duration
	}{
		{"", 0},
		{"120", 120 * time.Second},
		{" 7 ", 7 * time.Second},
		{"0", 0},
		{"-5", 0},
		{"soon", 0},
		// Would overflow a time.Duration: capped instead.
		{"9223372036854775807", maxRetryAfter},
		{"99999999999999999999999999", maxRetryAfter},
		{"86401", maxRetryAfter},
		{" Fri, 31 Dec 2999 23:59:59 GMT ", maxRetryAfter},
	} {
		h := http.Header{}
		if tc.header != "" {
			h.Set("Retry-After", tc.header)
		}
		if got := retryAfter(h); got != tc.want {
			t.Errorf("Retry-After %q: %v, want %v", tc.header, got, tc.want)
		}
	}
	c := &client{backoff: time.Millisecond, maxBackoff: 5 * time.Second}
	h := http.Header{"Retry-After": {"9223372036854775807"}}
	if d := c.delay(0, h); d != c.maxBackoff {
		t.Errorf("delay for a huge Retry-After: %v, want MaxBackoff %v", d, c.maxBackoff)
	}
}

// While one request does the crumb handshake, requests that need no new
// crumb go on, and other requests refused for want of a crumb wait for
// that handshake instead of starting their own.
func TestCrumbHandshakeBlocksNoOtherRequest(t *testing.T) {
	f := newFakeYahoo(t)
	entered := make(chan struct{})
	release := make(chan struct{})
	var once sync.Once
	defer once.Do(func() { close(release) })
	var mu sync.Mutex
	cookies := 0
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		cookies++
		first := cookies == 1
		mu.Unlock()
		if first {
			close(entered)
		}
		<-release
		http.SetCookie(w, &http.Cookie{Name: "A3", Value: "session", Path: "/"})
		http.NotFound(w, r)
	})
	mux.HandleFunc("/v1/test/getcrumb", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "crumb1")
	})
	mux.HandleFunc("/v8/finance/chart/", func(w http.ResponseWriter, r *http.Request) {
		// Symbols starting with "C" need the crumb; the others do not.
		if strings.HasPrefix(r.URL.Path, "/v8/finance/chart/C") && r.FormValue("crumb") != "crumb1" {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"chart":{"result":null,"error":{"code":"Unauthorized","description":"Invalid Crumb"}}}`)
			return
		}
		f.serve(w, r)
	})
	f.srv.Config.Handler = mux
	src := mustNew(t, testOptions(t, f, &clock{now: friday}, &warnings{}))
	from, to := quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 10)

	errs := make(chan error, 2)
	for _, sym := range []string{"C1", "C2"} {
		go func() {
			_, err := src.Series(bg, sym, from, to)
			errs <- err
		}()
	}
	<-entered // a handshake is under way, and stays so until release
	free := make(chan error, 1)
	go func() {
		_, err := src.Series(bg, "FREE", from, to)
		free <- err
	}()
	// The guard only fires when the request is blocked behind the
	// handshake, which would otherwise hang the test.
	select {
	case err := <-free:
		if err != nil {
			t.Errorf("FREE: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("a request needing no crumb waited for another's handshake")
	}
	once.Do(func() { close(release) })
	for range 2 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if cookies != 1 {
		t.Errorf("%d handshakes, want 1", cookies)
	}
}

// When the handshake fails, the requests that were waiting for it get its
// error rather than each trying another in turn.
func TestFailedCrumbHandshakeIsShared(t *testing.T) {
	f := newFakeYahoo(t)
	const symbols = 4
	var mu sync.Mutex
	var cookies, crumbs, refused int
	allRefused := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		cookies++
		mu.Unlock()
		http.NotFound(w, r)
	})
	mux.HandleFunc("/v1/test/getcrumb", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		crumbs++
		mu.Unlock()
		// Fail only once every request has been refused, so that the
		// others are waiting for this handshake.
		select {
		case <-allRefused:
		case <-time.After(30 * time.Second):
			t.Error("the requests were not all refused")
		}
		http.Error(w, "", http.StatusInternalServerError)
	})
	mux.HandleFunc("/v8/finance/chart/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		if refused++; refused == symbols {
			close(allRefused)
		}
		mu.Unlock()
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"chart":{"result":null,"error":{"code":"Unauthorized","description":"Invalid Crumb"}}}`)
	})
	f.srv.Config.Handler = mux
	o := testOptions(t, f, &clock{now: friday}, &warnings{})
	o.Concurrency = symbols
	_, err := mustNew(t, o).SeriesBatch(bg, []string{"A", "B", "C", "D"}, quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 10))
	var fe *quotes.FetchError
	if !errors.As(err, &fe) || len(fe.Errs) != symbols {
		t.Fatalf("got %v, want %d failures", err, symbols)
	}
	for _, e := range fe.Errs {
		if !strings.Contains(e.Error(), "crumb handshake failed: crumb: HTTP 500") {
			t.Errorf("%s: %v", e.Symbol, e)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if cookies != 1 || crumbs != 1 {
		t.Errorf("%d cookie and %d crumb requests, want 1 each", cookies, crumbs)
	}
}

// closeHook calls onClose when a response body is closed.
type closeHook struct {
	base    http.RoundTripper
	onClose func()
}

func (h closeHook) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := h.base.RoundTrip(r)
	if err == nil {
		resp.Body = hookedBody{resp.Body, h.onClose}
	}
	return resp, err
}

type hookedBody struct {
	io.ReadCloser
	onClose func()
}

func (b hookedBody) Close() error { err := b.ReadCloser.Close(); b.onClose(); return err }

// A request given up while it waits for another's handshake says so,
// rather than that the handshake failed.
func TestCancelledWhileWaitingForTheHandshake(t *testing.T) {
	f := newFakeYahoo(t)
	f.fault = func(w http.ResponseWriter, r *http.Request, symbol string, n int64) bool {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"chart":{"result":null,"error":{"code":"Unauthorized","description":"Invalid Crumb"}}}`)
		return true
	}
	ctx, cancel := context.WithCancel(bg)
	defer cancel()
	o := testOptions(t, f, &clock{now: friday}, &warnings{})
	// The refusal read, the caller gives up: the request is then waiting
	// for the handshake, which another request holds.
	o.HTTPClient = &http.Client{Transport: closeHook{http.DefaultTransport, cancel}}
	src := mustNew(t, o)
	src.client.handshake <- struct{}{}
	defer func() { <-src.client.handshake }()
	_, err := src.Series(ctx, "AAPL", quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 10))
	if err == nil || !strings.Contains(err.Error(), "waiting for the crumb handshake: context canceled") ||
		strings.Contains(err.Error(), "handshake failed") {
		t.Errorf("got %v", err)
	}
}
