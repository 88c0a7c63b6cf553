/**
 * Who may act on whose data: each rule once, as a SQL fragment (for lists and single statements) and as a
 * check in code. Fragments take named references (`$n` or `alias.column`), never values.
 */
export { adminRoleSql } from './admin';
export { mayActFor, mayActForSql, mayActForUser } from './act-for';
export {
  assertProjectManageable,
  assertProjectVisible,
  isProjectManager,
  projectManagerSql,
  projectVisibleSql,
} from './project-access';
export type { Queryable } from './sql-ref';
export {
  isTeamManagerOf,
  managesGroupRoleSql,
  managesUserRoleSql,
  teamManagerSql,
  teamUserIdsSql,
} from './team-manager';
