import type { ContainsUserGroupFilterRequestDto, ContainsUsersFilterRequestDto } from './dto/scheduling-filters.dto';

/** Collects positional parameters while SQL is assembled. */
export class SqlParams {
  constructor(readonly values: unknown[]) {}

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * SQL conditions on the member `userCol` (of workspace $1) from the users and
 * user groups filters: CONTAINS / CONTAINS_ONLY keep the listed ones,
 * DOES_NOT_CONTAIN drops them; member statuses default to ACTIVE.
 */
export function userFilterSql(
  params: SqlParams,
  userCol: string,
  users: ContainsUsersFilterRequestDto | undefined,
  groups: ContainsUserGroupFilterRequestDto | undefined,
  statusCol: string | null,
): string[] {
  const where: string[] = [];
  if (users?.ids?.length) {
    where.push(`${users.contains === 'DOES_NOT_CONTAIN' ? 'NOT ' : ''}(${userCol} = ANY(${params.add(users.ids)}))`);
  }
  if (groups?.ids?.length) {
    where.push(`${groups.contains === 'DOES_NOT_CONTAIN' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM user_group_members gfm
      WHERE gfm.workspace_id = $1 AND gfm.user_id = ${userCol} AND gfm.user_group_id = ANY(${params.add(groups.ids)}))`);
  }
  if (statusCol) {
    const statuses = [...(users?.statuses ?? []), ...(users?.status ? [users.status] : []), ...(groups?.status ? [groups.status] : [])];
    const wanted = statuses.length ? statuses : ['ACTIVE'];
    if (!wanted.includes('ALL')) where.push(`${statusCol} = ANY(${params.add(wanted)})`);
  }
  return where;
}

/** `%term%` for ILIKE, with the wildcards of the term escaped. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
