/**
 * The 409 message of a unique constraint whose violation means the same thing wherever it happens, by constraint
 * name: a write that reaches the exception filter with SQLSTATE 23505 on one of these answers its message, any other
 * unique violation the generic one. The unique index decides (nothing is checked before the write).
 *
 * A message that names the value of the request (`Client with name 'X' already exists`) is not here: those indexes
 * are on `lower(name)`, so the error's detail holds the value lower-cased and only the call site knows it as it was
 * sent; the call site gives it with `conflictOnUnique` (common/utils/sql.ts).
 */
export const UNIQUE_CONFLICTS: Readonly<Record<string, string>> = {
  time_entries_one_running: 'Another time entry is already running for this user',
};
