package yahoo

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/cookiejar"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/yahoo/cache"
)

const (
	// DefaultBaseURL is Yahoo Finance's API host.
	DefaultBaseURL = "https://query2.finance.yahoo.com"
	// EnvBaseURL names the environment variable that overrides
	// DefaultBaseURL (for tests and proxies); Options.BaseURL overrides both.
	EnvBaseURL = "GOFOLIO_YAHOO_URL"
	// DefaultUserAgent is a browser's: Yahoo answers Go's default
	// User-Agent with 429.
	DefaultUserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
	// sourceName is the Source field of the errors this package returns.
	sourceName = "yahoo"
	// maxSymbolLen bounds symbols; Yahoo's longest are about 20 bytes.
	maxSymbolLen = 64
)

// Options configure a Source. The zero value fetches from Yahoo with the
// defaults documented on each field and caches in cache.DefaultPath().
type Options struct {
	// BaseURL replaces $GOFOLIO_YAHOO_URL, itself replacing DefaultBaseURL.
	BaseURL string
	// CookieURL is fetched to obtain Yahoo's session cookie before asking
	// for a crumb: https://fc.yahoo.com with the default base URL, else
	// BaseURL + "/".
	CookieURL string
	// HTTPClient does the requests (default: a client with its own cookie
	// jar). A client without a Jar is copied and given one.
	HTTPClient *http.Client
	// UserAgent defaults to DefaultUserAgent.
	UserAgent string
	// Concurrency is how many requests are in flight at once (default 4).
	// SeriesBatch works on twice as many symbols, so that parsing and
	// writing the cache of some overlap the requests of others.
	Concurrency int
	// MaxRetries is how many times a request is retried after a network
	// error, a truncated body, a 429 or a 5xx (default 4; negative: never).
	MaxRetries int
	// Backoff is the first retry's wait, doubled at each retry, with
	// jitter (default 500ms). MaxBackoff caps any wait, Retry-After
	// included (default 30s).
	Backoff, MaxBackoff time.Duration
	// RequestTimeout bounds each HTTP request, from sending it to the
	// end of the body (default 30s): a stalled server fails the attempt
	// after it, and the attempt is retried as a network error.
	RequestTimeout time.Duration
	// OnRetry, when set, is called before each wait for a retry (never
	// after the last attempt, which fails at once), so that a slow or
	// failing server is not silent; LogRetries makes one that prints a
	// line per retry. It may be called from several goroutines at once.
	OnRetry func(Retry)

	// CacheDir holds the cache files (default cache.DefaultPath()).
	CacheDir string
	// NoCache turns the cache off: every call fetches.
	NoCache bool
	// Offline never touches the network and serves what the cache holds,
	// warning when it does not cover the whole range.
	Offline bool
	// Overlap is how many days before the end of the cached range an
	// incremental update fetches again, to pick up revised closes
	// (default 5).
	Overlap int
	// RefreshAfter is how old the cached tail may get before the last
	// days are fetched again, for ranges reaching the day of the last
	// fetch, whose close may have been intraday (default 1h).
	RefreshAfter time.Duration

	// Progress, when set, is called as SeriesBatch gets symbols, never
	// concurrently. TerminalProgress makes one for stderr.
	Progress func(Progress)
	// Warn receives problems that do not stop a fetch: a corrupt cache
	// file, data served from the cache after a network failure or
	// instead of an answer lacking days the cache has, a cache that could
	// not be written, a malformed dividend or split event that was
	// dropped, an earlier version's cache file that could not be checked.
	// Default: log.Print.
	Warn func(error)
	// Now replaces time.Now (tests and benchmarks).
	Now func() time.Time
}

// Progress reports how far SeriesBatch has got.
type Progress struct {
	Done, Total int
	Failed      int    // symbols among Done that failed
	Symbol      string // the symbol just done; "" in the first report
	Err         error  // why Symbol failed; nil when it did not
}

// Retry reports a failed attempt that is about to be retried.
type Retry struct {
	Symbol   string
	Attempt  int           // the failed attempt, from 1
	Attempts int           // how many attempts there are at most (MaxRetries + 1)
	Err      error         // why it failed
	Wait     time.Duration // the wait before the next attempt
}

// Source is a quotes.Source and quotes.BatchSource over Yahoo Finance with an
// on-disk cache. It is safe for concurrent use.
type Source struct {
	opts   Options
	client *client
	cache  *cache.Dir // nil without cache
}

var _ quotes.BatchSource = (*Source)(nil)

// New returns a Source configured by opts. It fails only when the cache
// directory cannot be created, or when Offline is asked without a cache.
func New(opts Options) (*Source, error) {
	o := opts
	if o.BaseURL == "" {
		o.BaseURL = os.Getenv(EnvBaseURL)
	}
	if o.BaseURL == "" {
		o.BaseURL = DefaultBaseURL
	}
	o.BaseURL = strings.TrimRight(o.BaseURL, "/")
	if o.CookieURL == "" {
		o.CookieURL = o.BaseURL + "/"
		if o.BaseURL == DefaultBaseURL {
			o.CookieURL = "https://fc.yahoo.com"
		}
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Concurrency <= 0 {
		o.Concurrency = 4
	}
	switch {
	case o.MaxRetries == 0:
		o.MaxRetries = 4
	case o.MaxRetries < 0:
		o.MaxRetries = 0
	}
	if o.Backoff <= 0 {
		o.Backoff = 500 * time.Millisecond
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 30 * time.Second
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = 30 * time.Second
	}
	if o.Overlap <= 0 {
		o.Overlap = 5
	}
	if o.RefreshAfter <= 0 {
		o.RefreshAfter = time.Hour
	}
	if o.Warn == nil {
		o.Warn = func(err error) { log.Print("warning: ", err) }
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	hc := o.HTTPClient
	if hc == nil {
		hc = &http.Client{}
	}
	if hc.Jar == nil {
		jar, _ := cookiejar.New(nil) // never fails without options
		c := *hc
		c.Jar = jar
		hc = &c
	}
	src := &Source{opts: o, client: &client{
		http: hc, base: o.BaseURL, cookieURL: o.CookieURL, userAgent: o.UserAgent,
		retries: o.MaxRetries, backoff: o.Backoff, maxBackoff: o.MaxBackoff,
		requestTimeout: o.RequestTimeout, onRetry: o.OnRetry, handshake: make(chan struct{}, 1),
		inFlight: make(chan struct{}, o.Concurrency),
	}}
	if o.NoCache {
		if o.Offline {
			return nil, errors.New("yahoo: Offline needs the cache, but NoCache is set")
		}
		return src, nil
	}
	dir := o.CacheDir
	if dir == "" {
		var err error
		if dir, err = cache.DefaultPath(); err != nil {
			return nil, fmt.Errorf("yahoo: %w", err)
		}
	}
	c, err := cache.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("yahoo: %w", err)
	}
	src.cache = c
	return src, nil
}

// Series implements quotes.Source: the daily history of symbol from from to
// to, both inclusive (zero for open ends: from the start of the history, to
// today). Errors are *quotes.SymbolError.
func (s *Source) Series(ctx context.Context, symbol string, from, to time.Time) (*quotes.Series, error) {
	out, err := s.series(ctx, symbol, from, to)
	if err != nil {
		var se *quotes.SymbolError
		if !errors.As(err, &se) {
			err = &quotes.SymbolError{Source: sourceName, Symbol: symbol, Err: err}
		}
		return nil, err
	}
	return out, nil
}

// SeriesBatch implements quotes.BatchSource: it gets the symbols
// (duplicates ignored) with at most Concurrency requests in flight,
// reporting to Options.Progress.
// It returns every series, or a *quotes.FetchError naming every symbol that
// failed and why; series fetched before a failure stay in the cache. When
// ctx ends first, it returns ctx.Err() alone, not a failure per symbol.
func (s *Source) SeriesBatch(ctx context.Context, symbols []string, from, to time.Time) (map[string]*quotes.Series, error) {
	var uniq []string
	seen := map[string]bool{}
	for _, sym := range symbols {
		if !seen[sym] {
			seen[sym] = true
			uniq = append(uniq, sym)
		}
	}
	var (
		mu   sync.Mutex
		out  = make(map[string]*quotes.Series, len(uniq))
		fe   quotes.FetchError
		prog = Progress{Total: len(uniq)}
	)
	if s.opts.Progress != nil {
		s.opts.Progress(prog)
	}
	// The client bounds the requests; twice as many symbols at once let
	// the parsing and cache writes of some overlap the requests of others.
	sem := make(chan struct{}, 2*s.opts.Concurrency)
	var wg sync.WaitGroup
	for _, sym := range uniq {
		if ctx.Err() != nil {
			break // interrupted: the symbols left would only fail
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			series, err := s.Series(ctx, sym, from, to)
			mu.Lock()
			defer mu.Unlock()
			prog.Done++
			prog.Symbol, prog.Err = sym, err
			if err != nil {
				prog.Failed++
				var se *quotes.SymbolError
				errors.As(err, &se)
				fe.Errs = append(fe.Errs, se)
			} else {
				out[sym] = series
			}
			if s.opts.Progress != nil {
				s.opts.Progress(prog)
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		// One error, not one "context canceled" per symbol.
		return nil, err
	}
	if len(fe.Errs) > 0 {
		sort.Slice(fe.Errs, func(i, j int) bool { return fe.Errs[i].Symbol < fe.Errs[j].Symbol })
		return nil, &fe
	}
	return out, nil
}

// checkSymbol rejects what cannot be a Yahoo symbol before it reaches a URL
// or a file name.
func checkSymbol(symbol string) error {
	if symbol == "" || len(symbol) > maxSymbolLen {
		return fmt.Errorf("%w: symbol must have 1 to %d bytes", quotes.ErrUnknownSymbol, maxSymbolLen)
	}
	for _, r := range symbol {
		if r < 0x20 || r == 0x7f {
			return fmt.Errorf("%w: symbol %q contains %q", quotes.ErrUnknownSymbol, symbol, r)
		}
	}
	return nil
}
