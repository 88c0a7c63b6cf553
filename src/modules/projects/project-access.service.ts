import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';

/**
 * Who may see and manage a project. Admins see all projects; anyone else sees
 * public projects and the projects they are a member of, directly or through
 * a user group. Managing (editing the project, its tasks, members, rates)
 * needs an admin or a PROJECT_MANAGER of that project.
 */
@Injectable()
export class ProjectAccessService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * SQL condition (for a query on `projects p` with `$n` = the user id) that keeps
   * only projects the user may see. Use for lists; admins need no condition.
   */
  static visibleTo(alias: string, userParam: string): string {
    return `(${alias}.is_public OR EXISTS (
      SELECT 1 FROM project_members pm
       WHERE pm.workspace_id = ${alias}.workspace_id AND pm.project_id = ${alias}.id
         AND (pm.user_id = ${userParam} OR pm.user_group_id IN (
               SELECT ugm.user_group_id FROM user_group_members ugm
                WHERE ugm.workspace_id = ${alias}.workspace_id AND ugm.user_id = ${userParam})))
      OR EXISTS (
      SELECT 1 FROM member_roles mr
       WHERE mr.workspace_id = ${alias}.workspace_id AND mr.user_id = ${userParam}
         AND mr.role = 'PROJECT_MANAGER' AND mr.entity_id = ${alias}.id))`;
  }

  /** Throws 404 unless the project exists in the workspace and the caller may see it. */
  async assertVisible(ws: WorkspaceContext, projectId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const condition = ws.isAdmin ? 'true' : ProjectAccessService.visibleTo('p', '$3');
    const params = ws.isAdmin ? [ws.workspaceId, projectId] : [ws.workspaceId, projectId, ws.userId];
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM projects p WHERE p.workspace_id = $1 AND p.id = $2 AND ${condition}`,
      params,
    );
    if (!rows.length) throw new NotFoundException('Project not found');
  }

  /** Throws 404 when the project is not visible, 403 when visible but the caller may not manage it. */
  async assertManageable(ws: WorkspaceContext, projectId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await this.assertVisible(ws, projectId, manager);
    if (ws.isAdmin || (await this.isProjectManager(ws, projectId, manager))) return;
    throw new ForbiddenException('Only workspace admins and managers of this project may change it');
  }

  async isProjectManager(ws: WorkspaceContext, projectId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM member_roles WHERE workspace_id = $1 AND user_id = $2 AND role = 'PROJECT_MANAGER' AND entity_id = $3`,
      [ws.workspaceId, ws.userId, projectId],
    );
    return rows.length > 0;
  }
}
