import type { ReportScope, ShownAmount } from './report-scope.store';

/** Aggregate SQL expressions (already summed) that a totals object is made from. */
export interface TotalsAggregates {
  duration: string;
  billableDuration: string;
  count: string;
  earned: string;
  cost: string;
}

/** SQL: the amount of `type` from summed earned/cost expressions. */
export function amountOfSql(type: ShownAmount, earned: string, cost: string): string {
  return type === 'EARNED' ? earned : type === 'COST' ? cost : `(${earned} - ${cost})`;
}

/**
 * SQL building one TimeEntryReportTotals object (json): totalTime,
 * totalBillableTime (seconds), entriesCount, totalAmount (cents of
 * scope.amountShown, null when hidden) and amounts [{type, value}] of
 * scope.amountTypes.
 */
export function totalsObjectSql(scope: ReportScope, agg: TotalsAggregates): string {
  const earned = `coalesce(${agg.earned}, 0)`;
  const cost = `coalesce(${agg.cost}, 0)`;
  const amounts = scope.amountTypes.map(
    (t) => `json_build_object('type', '${t}', 'value', ${amountOfSql(t, earned, cost)})`,
  );
  return `json_build_object('_id', '', 'id', '',
    'totalTime', coalesce(${agg.duration}, 0), 'totalBillableTime', coalesce(${agg.billableDuration}, 0), 'entriesCount', coalesce(${agg.count}, 0),
    'totalAmount', ${scope.amountShown ? amountOfSql(scope.amountShown, earned, cost) : 'NULL'},
    'amounts', ${amounts.length ? `json_build_array(${amounts.join(', ')})` : `'[]'::json`})`;
}
