// Package lots matches sales against the shares bought before them: the
// tax lots of a holding, the cost-basis methods (average, fifo, lifo, hifo,
// specific identification, HMRC's share identification rules "uk" and the
// IRS's "us" with wash sales), the disposals they produce and a capital
// gains report per tax year.
//
// It is pure matching logic: it imports only the standard library and
// portfolio/txn, and needs no market data. Trade prices are in the
// transactions, so Match computes the gains of a file whose symbols no
// quote source knows (a delisted stock, a fund). The engine
// (package portfolio) keeps a Pool per holding when Config.Lots asks for
// a method other than average, so that the holdings' cost basis and
// realized profit follow the method.
package lots
