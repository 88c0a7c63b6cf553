import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { managesGroupRoleSql } from '../../common/access';
import { newId } from '../../common/utils/ids';
import type { Role } from '../../common/auth/roles';
import { MemberRole } from './entities/member-role.entity';

const exists = async (manager: EntityManager, sql: string, params: unknown[]) =>
  ((await manager.query(sql, params)) as unknown[]).length > 0;

/** A role held by a member over an entity (the workspace, a user, a user group or a project). */
export interface MemberRoleKey {
  workspaceId: string;
  userId: string;
  role: Role;
  entityId: string;
  sourceType?: 'USER_GROUP' | null;
}

/**
 * The one place that writes member_roles rows (used by UserRolesService, WorkspacesService.grantRole and the deletes of
 * user groups and projects), and the
 * existence checks of what a role may be over.
 */
@Injectable()
export class MemberRolesStore {
  /** Grants the role; granting a role already held changes nothing. */
  async grant(manager: EntityManager, key: MemberRoleKey): Promise<void> {
    await manager.query(
      `INSERT INTO member_roles (id, workspace_id, user_id, role, entity_id, source_type) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (workspace_id, user_id, role, entity_id) DO NOTHING`,
      [newId(), key.workspaceId, key.userId, key.role, key.entityId, key.sourceType ?? null],
    );
  }

  /** Removes the role (with exactly this source type); false when the user did not hold it. */
  async revoke(manager: EntityManager, key: MemberRoleKey): Promise<boolean> {
    const [deleted]: [unknown[], number] = await manager.query(
      `DELETE FROM member_roles WHERE workspace_id = $1 AND user_id = $2 AND role = $3 AND entity_id = $4
          AND source_type IS NOT DISTINCT FROM $5 RETURNING id`,
      [key.workspaceId, key.userId, key.role, key.entityId, key.sourceType ?? null],
    );
    // A DELETE answers [rows, count] through TypeORM's postgres driver.
    return deleted.length > 0;
  }

  /** Drops every role of the user in the workspace; answers whether there was any. */
  async revokeAll(manager: EntityManager, workspaceId: string, userId: string): Promise<boolean> {
    const result = await manager.delete(MemberRole, { workspaceId, userId });
    return Boolean(result.affected);
  }

  /** Drops the team-manager roles over a user group (when it is deleted). */
  async revokeOverGroup(manager: EntityManager, workspaceId: string, groupId: string): Promise<void> {
    await manager.query(
      `DELETE FROM member_roles r WHERE r.workspace_id = $1 AND ${managesGroupRoleSql('r')} AND r.entity_id = $2`,
      [workspaceId, groupId],
    );
  }

  /** Drops the PROJECT_MANAGER roles over a project (when it is deleted). */
  async revokeOverProject(manager: EntityManager, workspaceId: string, projectId: string): Promise<void> {
    await manager.query(
      `DELETE FROM member_roles WHERE workspace_id = $1 AND role = 'PROJECT_MANAGER' AND entity_id = $2`,
      [workspaceId, projectId],
    );
  }

  async memberExists(manager: EntityManager, workspaceId: string, userId: string): Promise<boolean> {
    return exists(manager, 'SELECT 1 FROM workspace_members WHERE workspace_id = $1 AND user_id = $2', [
      workspaceId,
      userId,
    ]);
  }

  async projectExists(manager: EntityManager, workspaceId: string, projectId: string): Promise<boolean> {
    return exists(manager, 'SELECT 1 FROM projects WHERE workspace_id = $1 AND id = $2', [workspaceId, projectId]);
  }

  async userGroupExists(manager: EntityManager, workspaceId: string, groupId: string): Promise<boolean> {
    return exists(manager, 'SELECT 1 FROM user_groups WHERE workspace_id = $1 AND id = $2', [workspaceId, groupId]);
  }
}
