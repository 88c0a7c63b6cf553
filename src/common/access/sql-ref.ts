/**
 * A value an access fragment compares: a statement parameter (`$2`, optionally cast: `$2::char(24)`) or a
 * column of the enclosing query (`te.user_id`, `w.id`). Anything else is refused when the SQL is built, so
 * user input can never reach a fragment's text.
 */
const SQL_REF = /^(\$\d+(::[a-z0-9_() ]+)?|[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*)$/;

/** Aliases the fragments use inside their own subqueries: a reference through one of them would be shadowed. */
const INNER_ALIASES = new Set(['mr', 'ugm', 'pm']);

export function sqlRef(value: string, name: string): string {
  if (!SQL_REF.test(value))
    throw new Error(`access SQL: ${name} must be a $n parameter or an alias.column, not ${JSON.stringify(value)}`);
  if (INNER_ALIASES.has(value.split('.')[0]))
    throw new Error(`access SQL: ${name} uses the alias ${value.split('.')[0]}, which the fragment uses inside`);
  return value;
}

/** A table alias of the enclosing query (`p`, `te`). */
export function sqlAlias(value: string, name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(value))
    throw new Error(`access SQL: ${name} must be a table alias, not ${JSON.stringify(value)}`);
  return value;
}

/** Something that runs SQL: a DataSource's manager, a transaction's EntityManager or a pg client. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}
