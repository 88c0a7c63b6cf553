export * from './expense-filter.sql';
export * from './report-conditions.sql';
export * from './report-filter.dto';
export * from './report-filter.sql';
export * from './report-scope';
export * from './report-time';
export * from './report-totals.sql';
