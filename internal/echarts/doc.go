// Package echarts holds typed Apache ECharts option structs encoded with
// encoding/json, shared by the HTML report (package report) and the notebook
// helpers (package report/notebook).
//
// The structs carry only the fields gofolio sets, so the JSON embedded in a
// page stays small and readable; optional fields are omitted when unset, and
// the field order is the key order of the JSON written. What JSON cannot
// carry (formatter functions) and data computed in the browser (rebased
// lines) are added by each page's script.
package echarts
