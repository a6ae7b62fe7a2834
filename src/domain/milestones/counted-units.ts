/**
 * The units a milestone is counted under in every per-unit tally (the digest's
 * groups and chart, the export's "by unit" table, the web overview): once for
 * each lead unit, since each of them owes the work; once under "no unit"
 * (null) when nobody leads it yet. Totals still count the milestone once.
 */
export function countedUnits(leadUnits: readonly string[]): Array<string | null> {
  return leadUnits.length > 0 ? [...new Set(leadUnits)] : [null];
}
