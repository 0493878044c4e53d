// Package broker reads the transaction exports of brokers (Trading 212,
// Charles Schwab, Freetrade, Interactive Brokers, Vanguard UK, cgt-calc's
// raw CSV) and any other CSV through a column Mapping, into gofolio
// transactions with their account and currency.
//
// Each layout is recognised from its header alone (Detect): no flag names
// it. Every row's origin (file, line, the broker's own action name) is
// kept in txn.Origin, and every broker action is either mapped to
// transactions or reported as a problem naming the file, line and action;
// no row is dropped without a word. The README's "Broker exports" table
// lists what each action becomes.
//
// It imports only the standard library and portfolio/txn. Package
// portfolio/txfile imports it (txfile.Read hands a CSV whose header is a
// broker's to Read, and names the closest layouts when a header matches
// none), so the broker readers never import txfile: the dependency runs
// one way, and the detection lives with the layouts it detects.
package broker
