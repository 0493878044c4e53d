package txn

// The rules every transaction is held to, whether a reader made it from a
// file (package portfolio/txfile) or a program built it in Go (Build checks
// them): the limits and the messages that say what would have been
// accepted, so that both report a bad field in the same words.
const (
	MaxNumber = 1e12 // largest accepted quantity, price, commission or amount

	ExpectKind       = "one of BUY, SELL, DEPOSIT, WITHDRAWAL, DIVIDEND, FEE, INTEREST, TAX, SPLIT"
	ExpectShares     = "a number of shares greater than 0 (the kind gives the direction)"
	ExpectCommission = "a commission of 0 or more"
	ExpectAmount     = "an amount greater than 0 (the kind gives the direction)"
	ExpectFinite     = "a finite number"
	ExpectNotHuge    = "a number no larger than 1e12"
)
