package report

import (
	"slices"
	"strings"

	"github.com/gofolio/gofolio/portfolio"
)

// AccountsCovered names the accounts res covers, for a heading that must
// say which portfolio its figures are of (beside -compare's accounts
// alone): "account gia" or "accounts gia, isa, consolidated" for a
// selection (portfolio.Config.Accounts), "every account, consolidated:
// gia, isa" without one; "" when the transactions have a single account.
func AccountsCovered(res *portfolio.Result) string {
	if res == nil {
		return ""
	}
	every := portfolio.Accounts(res.Transactions)
	if len(every) < 2 {
		return ""
	}
	if res.Accounts != nil && slices.ContainsFunc(every, func(a string) bool { return !slices.Contains(res.Accounts, a) }) {
		return AccountsLabel(res.Accounts, true)
	}
	return AccountsLabel(every, false)
}

// AccountsLabel names accounts for a heading: a selection as "account gia"
// or "accounts gia, isa, consolidated", all of them as "every account,
// consolidated: gia, isa".
func AccountsLabel(accounts []string, selection bool) string {
	names := strings.Join(accounts, ", ")
	switch {
	case !selection:
		return "every account, consolidated: " + names
	case len(accounts) == 1:
		return "account " + names
	}
	return "accounts " + names + ", consolidated"
}

// GainsScope is the line that says, for a report of some accounts
// (selected, among every account of the transactions), that its capital
// gains are every account's, as tax is the person's; "" when selected is
// empty or covers every account.
func GainsScope(selected, every []string) string {
	if len(selected) == 0 || !slices.ContainsFunc(every, func(a string) bool { return !slices.Contains(selected, a) }) {
		return ""
	}
	return "The capital gains cover every account (" + strings.Join(every, ", ") + "), not only " + AccountsLabel(selected, true) +
		": tax is the person's, and HMRC's pool and the wash-sale rule span accounts."
}
