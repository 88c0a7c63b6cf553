import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { WorkspaceContext } from '../auth/principal';
import { type Queryable, sqlAlias, sqlRef } from './sql-ref';

/**
 * Projects. Admins see every project; anyone else sees public projects, the projects they are a member of
 * (directly or through a user group) and the projects they manage (a PROJECT_MANAGER role over the
 * project). Managing a project (editing it, its tasks, members, rates) needs an admin or its PROJECT_MANAGER.
 */

export interface ProjectManagerRefs {
  workspace: string;
  manager: string;
  /** The project's id (`p.id`, `a.project_id`, `$3`). */
  project: string;
}

/** SQL boolean: does `manager` hold the PROJECT_MANAGER role over `project`? */
export function projectManagerSql({ workspace, manager, project }: ProjectManagerRefs): string {
  return `EXISTS (
      SELECT 1 FROM member_roles mr
       WHERE mr.workspace_id = ${sqlRef(workspace, 'workspace')} AND mr.user_id = ${sqlRef(manager, 'manager')}
         AND mr.role = 'PROJECT_MANAGER' AND mr.entity_id = ${sqlRef(project, 'project')})`;
}

export interface ProjectVisibleOptions {
  /** Alias of the `projects` row in the enclosing query. */
  project: string;
  /** The user who would see it. */
  user: string;
  /**
   * Whether public projects count: `true` (the rule everywhere but reports), or a boolean parameter
   * (reports: the workspace setting onlyAdminsSeePublicProjectsEntries).
   */
  publicProjects?: true | string;
  /** Whether a PROJECT_MANAGER role over the project counts (not for "members of the project" lists). */
  projectManagers?: boolean;
}

/** SQL boolean for a non-admin: may `user` see project `project`? Admins need no condition: leave it out. */
export function projectVisibleSql({
  project,
  user,
  publicProjects = true,
  projectManagers = true,
}: ProjectVisibleOptions): string {
  const p = sqlAlias(project, 'project');
  const u = sqlRef(user, 'user');
  const isPublic =
    publicProjects === true ? `${p}.is_public` : `(${sqlRef(publicProjects, 'publicProjects')} AND ${p}.is_public)`;
  const member = `EXISTS (
      SELECT 1 FROM project_members pm
       WHERE pm.workspace_id = ${p}.workspace_id AND pm.project_id = ${p}.id
         AND (pm.user_id = ${u} OR pm.user_group_id IN (
               SELECT ugm.user_group_id FROM user_group_members ugm
                WHERE ugm.workspace_id = ${p}.workspace_id AND ugm.user_id = ${u})))`;
  if (!projectManagers) return `(${isPublic} OR ${member})`;
  return `(${isPublic} OR ${member}
      OR ${projectManagerSql({ workspace: `${p}.workspace_id`, manager: u, project: `${p}.id` })})`;
}

/** Throws 404 unless the project exists in the workspace and the caller may see it. */
export async function assertProjectVisible(db: Queryable, ws: WorkspaceContext, projectId: string): Promise<void> {
  const condition = ws.isAdmin ? 'true' : projectVisibleSql({ project: 'p', user: '$3' });
  const params = ws.isAdmin ? [ws.workspaceId, projectId] : [ws.workspaceId, projectId, ws.userId];
  const rows = (await db.query(
    `SELECT 1 FROM projects p WHERE p.workspace_id = $1 AND p.id = $2 AND ${condition}`,
    params,
  )) as unknown[];
  if (!rows.length) throw new NotFoundException('Project not found');
}

/** Whether the caller holds the PROJECT_MANAGER role over the project. */
export async function isProjectManager(db: Queryable, ws: WorkspaceContext, projectId: string): Promise<boolean> {
  const rows = (await db.query(
    `SELECT ${projectManagerSql({ workspace: '$1', manager: '$2', project: '$3' })} AS managed`,
    [ws.workspaceId, ws.userId, projectId],
  )) as { managed: boolean }[];
  return rows[0]?.managed === true;
}

/** Throws 404 when the project is not visible, 403 when visible but the caller may not manage it. */
export async function assertProjectManageable(db: Queryable, ws: WorkspaceContext, projectId: string): Promise<void> {
  await assertProjectVisible(db, ws, projectId);
  if (ws.isAdmin || (await isProjectManager(db, ws, projectId))) return;
  throw new ForbiddenException('Only workspace admins and managers of this project may change it');
}
