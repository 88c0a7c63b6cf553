import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApiKey } from './entities/api-key.entity';
import { Image } from './entities/image.entity';
import { User } from './entities/user.entity';
import type { AccountStatus } from './entities/user.entity';
import type { UserSettings } from './user-settings';

/** A `users` row as the list queries select it. */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  status: AccountStatus;
  profile_picture: string | null;
  settings: UserSettings;
  default_workspace_id: string | null;
  active_workspace_id: string | null;
}

/** The SQL of users, their API keys and their uploaded images (users are global: no workspace_id). */
@Injectable()
export class UsersStore {
  constructor(private readonly dataSource: DataSource) {}

  findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    return manager
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    return manager.getRepository(User).findOneBy({ id });
  }

  /** A new `User` entity (not saved). */
  build(manager: EntityManager, user: Omit<User, 'createdAt'>): User {
    return manager.getRepository(User).create(user);
  }

  async insert(manager: EntityManager, user: User): Promise<void> {
    await manager.insert(User, user);
  }

  /** Makes the workspace the user's default and active one. */
  async setDefaultWorkspace(manager: EntityManager, userId: string, workspaceId: string): Promise<void> {
    await manager.update(User, { id: userId }, { defaultWorkspaceId: workspaceId, activeWorkspaceId: workspaceId });
  }

  /** The user's row as the user DTO reads it, or undefined. */
  async findRow(userId: string): Promise<UserRow | undefined> {
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT id, email, name, status, profile_picture, settings, default_workspace_id, active_workspace_id FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0];
  }

  async insertApiKey(
    key: Pick<ApiKey, 'id' | 'userId' | 'keyHash' | 'revokedAt'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.insert(ApiKey, key);
  }

  /** Revokes the live key with this hash; answers whether there was one. */
  async revokeApiKey(keyHash: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(ApiKey)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('key_hash = :hash AND revoked_at IS NULL', { hash: keyHash })
      .execute();
    return Boolean(result.affected);
  }

  async insertImage(image: Pick<Image, 'id' | 'name' | 'userId' | 'contentType' | 'data'>): Promise<void> {
    await this.dataSource.getRepository(Image).insert(image);
  }

  findImage(name: string): Promise<Pick<Image, 'contentType' | 'data'> | null> {
    return this.dataSource.getRepository(Image).findOne({ where: { name }, select: { contentType: true, data: true } });
  }
}
