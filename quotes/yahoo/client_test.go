package yahoo

import (
	"fmt"
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
