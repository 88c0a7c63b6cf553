import { buildUserListQuery } from './user-list.store';
import type { UserListFilter } from './user-list';

const base: UserListFilter = {
  status: 'ALL',
  accountStatuses: ['ACTIVE'],
  memberships: [],
  includeRoles: false,
  sortColumn: 'EMAIL',
  sortOrder: 'ASCENDING',
  page: { page: 3, pageSize: 20 },
};

describe('buildUserListQuery', () => {
  it('passes every filter value as a parameter, never as SQL text', () => {
    const evil = "x'); DROP TABLE users; --";
    const { page, count } = buildUserListQuery('a'.repeat(24), {
      ...base,
      email: evil,
      name: evil,
      projectId: 'b'.repeat(24),
      status: 'PENDING',
    });
    expect(page.sql).not.toContain('DROP');
    expect(page.params).toEqual(['a'.repeat(24), evil, evil, 'PENDING', ['ACTIVE'], 'b'.repeat(24), 20, 40]);
    expect(count.params).toEqual(page.params.slice(0, -2));
    expect(count.sql).toMatch(/^SELECT count\(\*\)::int AS total FROM workspace_members m/);
  });

  it('sorts by the chosen column in the chosen order with the id as tie-breaker', () => {
    expect(
      buildUserListQuery('a'.repeat(24), { ...base, sortColumn: 'NAME_LOWERCASE', sortOrder: 'DESCENDING' }).page.sql,
    ).toMatch(/ORDER BY lower\(u\.name\) DESC, u\.id DESC/);
    expect(buildUserListQuery('a'.repeat(24), base).page.sql).toMatch(/ORDER BY lower\(u\.email\) ASC, u\.id ASC/);
  });

  it('adds no status condition for ALL and one for a given status', () => {
    expect(buildUserListQuery('a'.repeat(24), base).page.sql).not.toMatch(/m\.status =/);
    expect(buildUserListQuery('a'.repeat(24), { ...base, status: 'ACTIVE' }).page.sql).toMatch(/m\.status = \$2/);
  });
});
