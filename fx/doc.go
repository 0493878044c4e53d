// Package fx converts amounts and series between currencies, date by date,
// from exchange-rate series.
//
// Rates come from FRED H.10 style columns (DEXUSUK = USD per GBP) or from
// Yahoo style pairs ("EURUSD=X" closes = USD per EUR). A Converter inverts
// pairs and crosses them through USD, forward-fills each rate over days
// without a published rate, and understands minor currency units: GBp and
// GBX (pence) are GBP/100, ZAc is ZAR/100, ILA is ILS/100.
package fx
