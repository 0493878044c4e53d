// Package fx converts amounts and series between currencies, date by date,
// from exchange-rate series.
//
// Rates come from FRED H.10 style columns (DEXUSUK = USD per GBP, read by
// ReadFRED), from HMRC's monthly rates (month,currency,rate = units per
// GBP for a calendar month, read by ReadHMRC), or from Yahoo style pairs
// ("EURUSD=X" closes = USD per EUR, read by PairFromSeries and fetched by
// Load). ReadRates and ReadRatesFile read a FRED or HMRC file, telling
// them apart by the header. A Converter inverts pairs and
// crosses them through USD, forward-fills each rate over days without a
// published rate, and understands minor currency units: GBp and GBX
// (pence) are GBP/100, ZAc and ZAC are ZAR/100, ILA is ILS/100. Dates
// stand for their calendar day (see quotes.Day), whatever their time of
// day or location.
//
// The multiplier from currency F to currency T on day d is
//
//	f / t × r(F'/T', d)                  (a direct pair; 1 / r(T'/F', d) for an inverse one)
//	f / t × r(F'→USD, d) × r(USD→T', d)  (a cross, each leg direct or inverse)
//
// where F' and T' are the major currencies, f and t the value of one F and
// one T in them (0.01 for GBp), and r(P, d) the rate of pair P on the last
// day on or before d that has one. So 250 GBp in EUR, with GBP/USD 1.50 and
// EUR/USD 1.25, is 250 × 0.01 × 1.50 × 1/1.25 = 3 EUR.
//
// A *Converter implements the portfolio engine's Rates interface (the
// method Rates(from, to string, dates []time.Time) ([]float64, error))
// without importing it. Conversion errors are *Error values naming both
// currencies and, when a date has no rate on or before it, the date; they
// match ErrUnknownCurrency or ErrNoRate under errors.Is.
package fx
