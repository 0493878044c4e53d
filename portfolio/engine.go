package portfolio

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/gofolio/gofolio/internal/suggest"
	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/quotes"
)

// Config says how to build a portfolio from its transactions.
type Config struct {
	// Currency is the reporting currency every money column is valued in,
	// e.g. "GBP". Required.
	Currency string
	// Series holds the market data for every symbol the transactions name,
	// keyed by symbol (see Fetch). Build and its Result read the series
	// in place (the closes of one that trades every calendar day are not
	// copied; each series caches its day numbers: quotes.Series.DayNumbers):
	// do not change them while a Result built on them is in use; build
	// new series instead. Building again on the same series reuses what
	// they cache.
	Series map[string]*quotes.Series
	// Rates converts between currencies. It may be nil only when every
	// amount is already in Currency.
	Rates Rates
	// To is the last day of the frames; zero means the last day of the
	// market data.
	To time.Time
	// AutoDeposit counts money spent beyond the cash held as deposited
	// that day: whenever a currency's cash would fall below zero, the
	// shortfall becomes a deposit (an external flow, neutral for the
	// time-weighted return). Use it for a file that lists trades but not the
	// money paid in. Without it, a withdrawal of more cash than held, and a
	// portfolio whose value falls to zero or below while it holds shares,
	// are validation problems: the money was never there, and the returns
	// would have no meaning; buying on credit (cash below zero while the
	// portfolio is worth more than nothing) is allowed.
	AutoDeposit bool
	// Settle is the currency BUY, SELL and DIVIDEND rows with a blank
	// currency settle in, as at a broker that converts every trade to the
	// account's currency: a blank price is then the day's close converted
	// at that day's rate, and the market data's dividends are paid in it
	// too, converted at the rate of their day. "" settles each in the
	// instrument's own currency, as in a multi-currency account (buying US
	// shares without US dollars then borrows them: see BorrowedCurrency).
	// A row's own currency always wins.
	Settle string
	// Statement says the transactions are a broker's statement (a broker
	// export read by portfolio/txfile/broker): they record every dividend
	// received, net of nothing the rows do not show, and every split. The
	// market data's dividends are then not paid (the DIVIDEND rows are the
	// cash that arrived), and a SPLIT row at a split the data has (the
	// same ratio, within splitWindow days) is that split, taken once from
	// the data, instead of a duplicate to report. Without it the data's
	// dividends are paid and the file's DIVIDEND and SPLIT rows are for
	// events the data lacks.
	Statement bool
	// KnownSymbols lists every symbol the market data offers, where the
	// source can tell (quotes.Memory.Symbols, quotes.Dir.Symbols): a
	// problem naming an unknown symbol then lists them and suggests the
	// nearest. Empty: the keys of Series, which after Fetch are only the
	// file's own symbols.
	KnownSymbols []string
	// Lots is how a sale picks the shares it sells, and so the cost that
	// leaves with them (the holdings' cost basis and realized profit):
	// lots.Average (the zero value) at the average cost; lots.FIFO,
	// lots.LIFO, lots.HIFO and lots.Specific (each SELL row's Lot names
	// the lot) by the holding's lots. lots.UK books the Section 104 pool
	// (average cost) and lots.US books FIFO (or the lot a row names):
	// their look-ahead rules (same day, 30 days, wash sales) are in the
	// gains report (lots.Match).
	Lots lots.Method
	// Accounts selects the accounts the frames cover (see Accounts for
	// the names): empty, all of them consolidated, where a TRANSFER
	// between two accounts moves nothing (no flow, no gain; shares keep
	// their lots and cost). With a selection, the rows of other accounts
	// only follow the shares those accounts hold, and a TRANSFER that
	// crosses its boundary is a flow: cash as a deposit (in) or a
	// withdrawal (out) of its amount; shares at the day's close value,
	// quantity × close × rate, moving with their cost and lots. A name no
	// transaction uses is an error listing the accounts.
	Accounts []string
}

// Result is a built portfolio.
type Result struct {
	Currency    string
	Holdings    *Holdings
	Performance *Performance
	// Transactions are the input in the order they were applied (by day,
	// then file order), each with the calendar day it was applied on in
	// Date (a BUY, SELL or SPLIT on a day its symbol's market was closed
	// applies on that symbol's next trading day, any other row on the next
	// day of the calendar) and the price used in Price (the close, where
	// the file left it blank).
	Transactions []Transaction
	// Rates is Config.Rates, what every amount was converted with; the
	// analysis (benchmarks in the reporting currency, cash by currency)
	// converts with it, so that it is given once. The external flows are
	// Performance.Flows().
	Rates Rates
	// Cash is the cash balance in each currency, in that currency, per
	// date. Amounts in a minor unit are held in its major currency: pence
	// (GBp) as pounds (GBP).
	Cash map[string][]float64
	// Accounts are the accounts the frames cover: Config.Accounts, or
	// every account of the transactions (Accounts). Transactions holds
	// the rows of every account.
	Accounts []string
	// ShareTransfers are the TRANSFERs of shares that cross
	// Config.Accounts, in the order of Transactions (nil without a
	// selection): what the holdings book at cost and the performance frame
	// counts as a flow at value (see ShareTransfer).
	ShareTransfers []ShareTransfer

	// lots and openLots are Config.Lots and the lots booked under it
	// (OpenLots).
	lots     lots.Method
	openLots map[string][]lots.Lot
	// Warnings are what Build computed as asked but is most likely not
	// what was meant (a holding valued at a stale close, cash borrowed in a
	// currency never deposited), by date, then symbol or currency. A
	// terminal or report should show them.
	Warnings []Warning
}

// Build lays the transactions over the market data and sums them into the
// holdings and performance frames.
//
// The calendar is the union of the trading days of the series the
// transactions name, from the first transaction to cfg.To; each series' close
// is forward-filled over days it did not trade, never zero. A BUY, SELL or
// SPLIT dated on a day its symbol did not trade applies on the symbol's next
// trading day (at that day's close when its price is 0), as a broker fills
// an order placed on a closed day at the next session; other rows apply on
// the next day of the calendar. On each day the engine applies, per symbol
// and in this order: split events (shares held × ratio, cost unchanged),
// dividend events (cash += shares held at the previous close × amount, in
// the symbol's currency, or in Config.Settle converted at the day's rate),
// then the day's transactions in file order. Cash is kept per currency and valued at each
// day's rate; cost and realized P&L use the rate of the trade's own day.
// Cost basis is the average cost, commissions included (Config.Lots picks
// another method). Corporate actions are booked as lots.Match books them
// (see bookMove and the position's stockDividend, returnOfCapital and
// capitalGains): a SPINOFF, MERGER or SYMBOLCHANGE moves cost to its To,
// whose symbol is then booked after the one it came from. A TRANSFER
// between two accounts moves nothing the consolidated portfolio holds;
// with Config.Accounts, one that crosses the selection is a flow (see
// Config.Accounts) and the other accounts' rows only follow their shares.
//
// Build first holds each transaction to the readers' rules (a known Kind;
// finite numbers of at most 1e12; quantities and amounts greater than 0, a
// price and a commission of 0 or more, 0 in the fields its kind does not
// use), for transactions made in Go. It checks everything that needs the
// market data (unknown symbols, a transaction before its symbol's first
// price or after the last day, a BUY, SELL or SPLIT after its symbol's last
// close, a sell of more shares than held or of a symbol not held, a
// withdrawal of more cash than held, a rate missing for a currency) and
// returns a *ValidationError listing every problem in file order; it never
// returns a partial result. What it computes as asked but is most likely
// not what was meant is in Result.Warnings (see Warning).
func Build(txs []Transaction, cfg Config) (*Result, error) {
	if cfg.Currency == "" {
		return nil, errors.New("portfolio: Config.Currency (the reporting currency) is required")
	}
	if len(txs) == 0 {
		return nil, errors.New("portfolio: no transactions")
	}
	e := newEngine(txs, cfg)
	// Build returns with problems before it needs the copy; it must not
	// return while the copy still reads the caller's rows.
	defer e.useCopy()
	if err := e.selectAccounts(); err != nil {
		return nil, err
	}
	e.checkFields()
	// The checks that need only the market data run together, so that one
	// error lists an unknown symbol, a date outside the data and a missing
	// rate at once; the ledger (which finds oversold shares and a negative
	// value) needs them all to pass.
	e.checkSymbols()
	e.placeOnCalendar()
	if e.txIndex != nil {
		e.loadRates()
	}
	var res *Result
	if len(e.problems) == 0 {
		e.useCopy()
		e.run()
	}
	// The cash checks in result would only repeat an oversell's damage.
	if len(e.problems) == 0 {
		res = e.result()
	}
	if len(e.problems) > 0 {
		sortProblems(e.problems, txs)
		return nil, &ValidationError{Problems: e.problems}
	}
	return res, nil
}

// sortProblems puts problems in the order of the input: files and sheets
// in the order txs first names them, rows in order within each, and the
// problems of one row in the order they were found.
func sortProblems(ps []Problem, txs []Transaction) {
	type place struct{ file, sheet string }
	rank := map[place]int{}
	for _, tx := range txs {
		if p := (place{tx.Origin.File, tx.Origin.Sheet}); rank[p] == 0 {
			rank[p] = len(rank) + 1
		}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Origin, ps[j].Origin
		if ra, rb := rank[place{a.File, a.Sheet}], rank[place{b.File, b.Sheet}]; ra != rb {
			return ra < rb
		}
		return a.Row < b.Row
	})
}

// engine holds the working state of one Build.
type engine struct {
	cfg Config
	// txs are the rows: the caller's while the checks before run read
	// them and the copy is made beside them (see newEngine), then that
	// copy, sorted, which run writes each row's day and price into.
	txs []Transaction
	// copied delivers the copy of the caller's rows; nil when txs is
	// already the copy.
	copied chan []Transaction
	// quantity delivers the memory of the holdings' Quantity column,
	// allocated beside the checks (allocateQuantity).
	quantity chan []float64
	txIndex  []int // calendar index each transaction applies on
	// kinds[i] and days[i] are txs[i]'s Kind and day number;
	// badFields lists the rows whose numbers break the readers' rules
	// (fieldsOK); accountsNamed and currencyNamed say whether any row
	// names an account (or is a TRANSFER) and a currency (scanRows).
	kinds                        []Kind
	days                         []dayNumber
	symbolNames                  []string // txs[i].Symbol, until checkSymbols has read them
	badFields                    []int
	accountsNamed, currencyNamed bool
	problems                     []Problem

	symbols []string // traded, sorted
	series  []*quotes.Series
	// txSymbol[i] is the index in symbols of txs[i]'s symbol, -1 for a
	// transaction that names none (or an unknown one): looked up once, so
	// that the later passes index slices instead of hashing symbol names.
	txSymbol []int
	// txTo[i] is the index in symbols of the To of txs[i], a SPINOFF,
	// MERGER or SYMBOLCHANGE; -1 for any other row. transfers[i] is what
	// its symbol's run moved to To's (see bookMove). Such rows make the
	// symbols run one after the other, each symbol after those that move
	// shares to it (moveOrder).
	txTo      []int
	transfers map[int]transfer
	cal       *calendar
	// group is the set of Config.Accounts; nil: every account.
	group map[string]bool
	// transferCost[i] is the cost txs[i], a TRANSFER of shares crossing
	// the selection, moved (bookTransfer); shareTransfers lists them.
	transferCost   []float64
	shareTransfers []ShareTransfer
	// openLots[si] is the lots the accounts covered hold of symbols[si]
	// at the end, under a lots method (keepOpenLots).
	openLots [][]lots.Lot

	// rate[c][d] converts currency c to the reporting currency on day d;
	// NaN before the currency is first used.
	rate map[string][]float64
	// cash holds the change of cash per currency and day, once run has
	// merged the symbols' ledgers into it.
	cash *ledger

	holdings    *Holdings
	perfBlock   []float64 // the performance frame's columns (perfColumn)
	deposits    []float64
	withdrawals []float64
	warnings    []Warning
}

func (e *engine) problem(tx *Transaction, column, value, expected string) {
	e.problems = append(e.problems, Problem{Origin: tx.Origin, Column: column, Value: value, Expected: expected})
}

// needsSymbol reports whether tx acts on its symbol, which the market
// data must then know: a row of a kind that does, or a TRANSFER of
// shares.
func needsSymbol(tx *Transaction) bool {
	return kindNeedsSymbol(tx.Kind) && (tx.Kind != Transfer || tx.Symbol != "")
}

// kindNeedsSymbol reports whether a row of kind k may act on its symbol
// (see needsSymbol), without reading the row.
func kindNeedsSymbol(k Kind) bool {
	return k == Buy || k == Sell || k == Dividend || k == Split || booksAction(k) || k == Transfer
}

// booksAction reports whether k is a corporate action the engine books:
// all of them (portfolio/engine_actions.go).
func booksAction(k Kind) bool {
	return k == StockDividend || k == ReturnOfCapital || k == CapitalGains || movesHolding(k)
}

// keepsItsDay reports whether a row of kind k applies on its own day (not
// moved to a session) and may come after its symbol's last price, as a
// DIVIDEND does: a payment on shares held, or a corporate action that
// moves them to another symbol (the old one may stop trading the day
// before).
func keepsItsDay(k Kind) bool {
	return k == Dividend || k == ReturnOfCapital || k == CapitalGains || movesHolding(k)
}

// Symbols that cannot be traded, as checkSymbols numbers them.
const (
	unknownSymbol       = -1 // not in Config.Series
	symbolWithoutPrices = -2 // in it, with no close
)

// checkSymbols finds the traded symbols, reports the unknown ones and maps
// every transaction to its symbol's index (txSymbol).
func (e *engine) checkSymbols() {
	// Symbols are numbered in order of first use, then renumbered once
	// they are sorted; -1 marks an unknown symbol.
	firstUse := map[string]int{}
	register := func(sym string) int {
		n, seen := firstUse[sym]
		if !seen {
			n = unknownSymbol
			if s, ok := e.cfg.Series[sym]; ok && s != nil && s.Len() > 0 {
				n = len(e.symbols)
				e.symbols = append(e.symbols, sym)
			} else if ok {
				n = symbolWithoutPrices
			}
			firstUse[sym] = n
		}
		return n
	}
	e.txSymbol = make([]int, len(e.txs))
	for i, k := range e.kinds {
		e.txSymbol[i] = -1
		if !kindNeedsSymbol(k) {
			continue
		}
		sym := e.symbolNames[i]
		if k == Transfer && sym == "" {
			continue // of cash
		}
		n := register(sym)
		tx := &e.txs[i]
		if movesHolding(k) && tx.To != "" {
			register(tx.To) // resolveTo reports an unknown one
		}
		switch n {
		case unknownSymbol:
			e.problem(tx, "symbol", tx.Symbol, "a symbol the market data knows ("+e.knownSymbols(tx.Symbol)+")")
			continue
		case symbolWithoutPrices:
			e.problem(tx, "symbol", tx.Symbol, "a symbol with prices: the market data has no close for it")
			continue
		}

		e.txSymbol[i] = n
	}
	e.symbolNames = nil
	sort.Strings(e.symbols)
	sorted := make([]int, len(e.symbols)) // first-use number → sorted index
	for si, s := range e.symbols {
		sorted[firstUse[s]] = si
		e.series = append(e.series, e.cfg.Series[s])
	}
	for i, n := range e.txSymbol {
		if n >= 0 {
			e.txSymbol[i] = sorted[n]
		}
	}
	e.resolveTo()
}

// knownSymbols says which symbols the market data knows, the one nearest
// to unknown first.
func (e *engine) knownSymbols(unknown string) string {
	names := e.cfg.KnownSymbols
	if len(names) == 0 {
		names = make([]string, 0, len(e.cfg.Series))
		for s := range e.cfg.Series {
			names = append(names, s)
		}
	}
	if len(names) == 0 {
		return "it has none"
	}
	names = slices.Clone(names)
	sort.Strings(names)
	return suggest.Known(unknown, names, 3)
}

// txCurrency is the currency the amounts of txs[i] are in: its own, or
// Config.Settle (when set) or else the symbol's for trades and dividends,
// or the reporting currency for cash.
func (e *engine) txCurrency(i int) string {
	if e.currencyNamed {
		if c := e.txs[i].Currency; c != "" {
			return c
		}
	}
	if si := e.txSymbol[i]; si >= 0 {
		if e.cfg.Settle != "" && e.txs[i].Kind != Split {
			return e.cfg.Settle
		}
		return e.series[si].Currency
	}
	return e.cfg.Currency
}

// loadRates gets, for every currency in use, its rate to the reporting
// currency on each calendar day from the day it is first used.
func (e *engine) loadRates() {
	firstUse, whoFirst := e.currencyFirstUses()
	e.rate = make(map[string][]float64, len(firstUse))
	for c, first := range firstUse {
		r, expected := e.ratesFrom(c, first)
		if expected == "" {
			e.rate[c] = r
			continue
		}
		if tx := whoFirst[c]; c == e.cfg.Settle && tx.Currency == "" {
			expected += " (Config.Settle: the currency of rows with a blank currency column)"
		}
		e.problem(whoFirst[c], "currency", c, expected)
	}
}

// currencyFirstUses finds every currency in use: each one's first
// calendar day and the transaction that first uses it. A transaction
// uses its own currency and, for a symbol, the symbol's (and
// Config.Settle, which the data's dividends are paid in); a SPINOFF,
// MERGER or SYMBOLCHANGE also uses its To's, whose shares it moves in. The rows are
// read in chunks in parallel (firstUsesIn), each chunk's first uses then
// taken in chunk order.
func (e *engine) currencyFirstUses() (map[string]int, map[string]*Transaction) {
	chunks := make([][]currencyUse, (len(e.txs)+scanChunk-1)/scanChunk)
	forChunks(len(e.txs), scanChunk, func(k, lo, hi int) { chunks[k] = e.firstUsesIn(lo, hi) })
	firstUse := map[string]int{}
	whoFirst := map[string]*Transaction{}
	for _, uses := range chunks {
		for _, u := range uses {
			if _, ok := firstUse[u.currency]; !ok {
				firstUse[u.currency], whoFirst[u.currency] = u.day, &e.txs[u.row]
			}
		}
	}
	return firstUse, whoFirst
}

// currencyUse is the first use of a currency within some rows: on
// calendar day day, by row row.
type currencyUse struct {
	currency string
	day, row int
}

// firstUsesIn lists the first use of each currency rows lo to hi use
// (see currencyFirstUses), in the order of the rows.
func (e *engine) firstUsesIn(lo, hi int) []currencyUse {
	var uses []currencyUse
	seen := map[string]bool{}
	// The transactions are in date order, so the first use of a currency
	// is its first appearance; last skips the map for a repeated currency.
	last, haveLast := "", false
	use := func(c string, d, i int) {
		if haveLast && c == last {
			return
		}
		last, haveLast = c, true
		if !seen[c] {
			seen[c] = true
			uses = append(uses, currencyUse{c, d, i})
			// Cash in a minor unit is held in its major currency.
			if major, _ := cashCurrency(c); major != c && !seen[major] {
				seen[major] = true
				uses = append(uses, currencyUse{major, d, i})
			}
		}
	}
	for i := lo; i < hi; i++ {
		d := e.txIndex[i]
		if d < 0 {
			continue // outside the calendar, and reported so
		}
		use(e.txCurrency(i), d, i)
		if si := e.txSymbol[i]; si >= 0 {
			use(e.series[si].Currency, d, i)
			if e.cfg.Settle != "" {
				use(e.cfg.Settle, d, i) // the data's dividends are paid in it
			}
		}
		if to := e.txTo[i]; to >= 0 {
			use(e.series[to].Currency, d, i) // the shares moved are valued in it
		}
	}
	return uses
}

// ratesFrom is c's rate to the reporting currency on every calendar day,
// NaN before first; or, when Config.Rates cannot give it, what was
// expected of c.
func (e *engine) ratesFrom(c string, first int) ([]float64, string) {
	n := len(e.cal.days)
	r := make([]float64, n)
	for i := range r[:first] {
		r[i] = math.NaN()
	}
	if c == e.cfg.Currency {
		for i := first; i < n; i++ {
			r[i] = 1
		}
		return r, ""
	}
	if e.cfg.Rates == nil {
		return nil, "a currency convertible to " + e.cfg.Currency + " (Config.Rates is nil)"
	}
	got, err := e.cfg.Rates.Rates(c, e.cfg.Currency, e.cal.dates[first:])
	if err != nil {
		return nil, "a currency with a rate to " + e.cfg.Currency + ": " + err.Error()
	}
	if k := slices.IndexFunc(got, func(x float64) bool { return !(x > 0) || math.IsInf(x, 0) }); k >= 0 {
		return nil, fmt.Sprintf("a currency with a rate to %s: Config.Rates gave %v on %s",
			e.cfg.Currency, got[k], e.cal.dates[first+k].Format(time.DateOnly))
	}
	copy(r[first:], got)
	return r, ""
}

// formatNumber writes a quantity, price or amount for a message: in full
// ("0.000000001", "1234.5") in the range people write numbers in, and in
// exponent form outside it, so that a 1e-320 close from a Go caller is not
// hundreds of digits.
func formatNumber(x float64) string {
	if a := math.Abs(x); a != 0 && (a < 1e-12 || a >= 1e15) {
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}
