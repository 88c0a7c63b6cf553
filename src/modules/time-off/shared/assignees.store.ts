import type { EntityManager } from 'typeorm';

/**
 * Replaces the user and group links of a holiday or policy. Ids that are not
 * members or groups of the workspace fail the composite foreign keys (404).
 */
export async function replaceLinks(
  manager: EntityManager,
  tables: { users: string; groups: string; owner: string },
  workspaceId: string,
  ownerId: string,
  userIds: string[],
  groupIds: string[],
): Promise<void> {
  await manager.query(`DELETE FROM ${tables.users} WHERE workspace_id = $1 AND ${tables.owner} = $2`, [
    workspaceId,
    ownerId,
  ]);
  await manager.query(`DELETE FROM ${tables.groups} WHERE workspace_id = $1 AND ${tables.owner} = $2`, [
    workspaceId,
    ownerId,
  ]);
  if (userIds.length) {
    await manager.query(
      `INSERT INTO ${tables.users} (workspace_id, ${tables.owner}, user_id) SELECT $1, $2, unnest($3::char(24)[])`,
      [workspaceId, ownerId, userIds],
    );
  }
  if (groupIds.length) {
    await manager.query(
      `INSERT INTO ${tables.groups} (workspace_id, ${tables.owner}, user_group_id) SELECT $1, $2, unnest($3::char(24)[])`,
      [workspaceId, ownerId, groupIds],
    );
  }
}
