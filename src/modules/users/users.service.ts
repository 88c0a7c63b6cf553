import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { newId } from '../../common/utils/ids';
import { User } from './entities/user.entity';
import { defaultUserSettings } from './user-settings';

@Injectable()
export class UsersService {
  constructor(private readonly dataSource: DataSource) {}

  findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    return manager.getRepository(User).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    return manager.getRepository(User).findOneBy({ id });
  }

  /** The user with this email, created (with default settings) when absent. */
  async findOrCreate(manager: EntityManager, email: string, name?: string): Promise<{ user: User; created: boolean }> {
    const existing = await this.findByEmail(email, manager);
    if (existing) return { user: existing, created: false };
    const user = manager.getRepository(User).create({
      id: newId(),
      email: email.trim(),
      name: name?.trim() || email.split('@')[0],
      status: 'ACTIVE',
      profilePicture: null,
      settings: defaultUserSettings(),
      defaultWorkspaceId: null,
      activeWorkspaceId: null,
    });
    await manager.insert(User, user);
    return { user, created: true };
  }
}
