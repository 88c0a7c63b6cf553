import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AddonsService } from '../../src/modules/addons/addons.service';
import { ApiKeysService } from '../../src/modules/users/api-keys.service';
import { User } from '../../src/modules/users/entities/user.entity';
import { UsersService } from '../../src/modules/users/users.service';
import type { Role } from '../../src/common/auth/roles';
import { MembershipStatus } from '../../src/modules/workspaces/entities/workspace-member.entity';
import { Workspace } from '../../src/modules/workspaces/entities/workspace.entity';
import { WorkspacesService } from '../../src/modules/workspaces/workspaces.service';

/** A unique email, so that test files never collide on one database. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}@example.com`;
}

export interface Account {
  user: User;
  apiKey: string;
}

export interface Owner extends Account {
  workspace: Workspace;
}

/** A user owning a new workspace, with an API key (what `user:create` does). */
export async function createOwner(app: INestApplication, name = 'Owner'): Promise<Owner> {
  const dataSource = app.get(DataSource);
  return dataSource.transaction(async (manager) => {
    const { user } = await app.get(UsersService).findOrCreate(manager, uniqueEmail('owner'), name);
    const workspace = await app.get(WorkspacesService).create(manager, user, `${name}'s workspace`);
    const apiKey = await app.get(ApiKeysService).create(user.id, manager);
    return { user, workspace, apiKey };
  });
}

export interface MemberOptions {
  name?: string;
  /** Workspace-wide roles (WORKSPACE_ADMIN); entity roles go through `grantRole`. */
  role?: Role;
  status?: MembershipStatus;
}

/** A user who is a member of the workspace (plain member unless a role is given), with an API key. */
export async function createMember(
  app: INestApplication,
  workspaceId: string,
  options: MemberOptions = {},
): Promise<Account> {
  const dataSource = app.get(DataSource);
  const workspaces = app.get(WorkspacesService);
  return dataSource.transaction(async (manager) => {
    const { user } = await app.get(UsersService).findOrCreate(manager, uniqueEmail('member'), options.name ?? 'Member');
    await workspaces.addMember(manager, workspaceId, user, options.status ?? 'ACTIVE');
    if (options.role) await workspaces.grantRole(manager, workspaceId, user.id, options.role, workspaceId);
    const apiKey = await app.get(ApiKeysService).create(user.id, manager);
    return { user, apiKey };
  });
}

/** Grants an entity-scoped role (TEAM_MANAGER over a user or group, PROJECT_MANAGER over a project). */
export async function grantRole(
  app: INestApplication,
  workspaceId: string,
  userId: string,
  role: Role,
  entityId: string,
  sourceType: 'USER_GROUP' | null = null,
): Promise<void> {
  await app
    .get(DataSource)
    .transaction((manager) =>
      app.get(WorkspacesService).grantRole(manager, workspaceId, userId, role, entityId, sourceType),
    );
}

export async function installAddon(
  app: INestApplication,
  workspaceId: string,
  name = 'Test add-on',
): Promise<{ addonId: string; token: string }> {
  return app.get(AddonsService).install(workspaceId, name);
}

/** A well-formed id that exists nowhere. */
export const MISSING_ID = 'ffffffffffffffffffffffff';
