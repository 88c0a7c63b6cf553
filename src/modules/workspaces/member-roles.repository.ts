import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newId } from '../../common/utils/ids';
import type { Role } from '../../common/auth/roles';

/** A role held by a member over an entity (the workspace, a user, a user group or a project). */
export interface MemberRoleKey {
  workspaceId: string;
  userId: string;
  role: Role;
  entityId: string;
  sourceType?: 'USER_GROUP' | null;
}

/** The one place that writes member_roles rows (used by UserRolesService and WorkspacesService.grantRole). */
@Injectable()
export class MemberRolesRepository {
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
}
