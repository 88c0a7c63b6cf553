export * from './expense-filter.store';
export * from './report-conditions.store';
export * from './report-filter.dto';
export * from './report-filter.store';
export * from './report-scope.store';
export * from './report-time';
export * from './report-totals.store';
