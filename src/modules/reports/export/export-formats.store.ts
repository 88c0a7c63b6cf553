/** SQL: seconds as `hh:mm:ss` (hours unbounded). */
export const hmsSql = (s: string) =>
  `lpad(((${s}) / 3600)::text, 2, '0') || ':' || lpad(((${s}) % 3600 / 60)::text, 2, '0') || ':' || lpad(((${s}) % 60)::text, 2, '0')`;
/** SQL: cents (bigint) as `123.45`, exactly. */
export const moneySql = (c: string) => `to_char((${c})::numeric / 100, 'FM999999999999990.00')`;
