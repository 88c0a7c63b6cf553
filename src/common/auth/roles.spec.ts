import { isAdmin, Role, satisfiesRoles } from './roles';

describe('role checks', () => {
  const cases: [Role[], Role[] | undefined, boolean][] = [
    [[], undefined, true],
    [[], [], true],
    [[], ['WORKSPACE_ADMIN'], false],
    [['TEAM_MANAGER'], ['WORKSPACE_ADMIN'], false],
    [['TEAM_MANAGER'], ['TEAM_MANAGER', 'PROJECT_MANAGER'], true],
    [['WORKSPACE_ADMIN'], ['WORKSPACE_ADMIN'], true],
    [['WORKSPACE_ADMIN'], ['PROJECT_MANAGER'], true],
    [['OWNER'], ['WORKSPACE_ADMIN'], true],
    [['WORKSPACE_ADMIN'], ['OWNER'], false],
    [['OWNER'], ['OWNER'], true],
  ];
  it.each(cases)('roles %j for %j: %s', (roles, required, expected) => {
    expect(satisfiesRoles(roles, required)).toBe(expected);
  });

  it('owners and workspace admins are admins', () => {
    expect(isAdmin(['OWNER'])).toBe(true);
    expect(isAdmin(['WORKSPACE_ADMIN'])).toBe(true);
    expect(isAdmin(['TEAM_MANAGER', 'PROJECT_MANAGER'])).toBe(false);
  });
});
