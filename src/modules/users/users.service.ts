import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newId } from '../../common/utils/ids';
import type { User } from './entities/user.entity';
import { defaultUserSettings } from './user-settings';
import { UsersStore } from './users.store';

@Injectable()
export class UsersService {
  constructor(private readonly store: UsersStore) {}

  findByEmail(email: string, manager?: EntityManager): Promise<User | null> {
    return this.store.findByEmail(email, manager);
  }

  findById(id: string, manager?: EntityManager): Promise<User | null> {
    return this.store.findById(id, manager);
  }

  /** The user with this email, created (with default settings) when absent. */
  async findOrCreate(manager: EntityManager, email: string, name?: string): Promise<{ user: User; created: boolean }> {
    const existing = await this.findByEmail(email, manager);
    if (existing) return { user: existing, created: false };
    const user = this.store.build(manager, {
      id: newId(),
      email: email.trim(),
      name: name?.trim() || email.split('@')[0],
      status: 'ACTIVE',
      profilePicture: null,
      settings: defaultUserSettings(),
      defaultWorkspaceId: null,
      activeWorkspaceId: null,
    });
    await this.store.insert(manager, user);
    return { user, created: true };
  }
}
