import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { generateApiKey, hashApiKey } from '../../common/auth/api-key';
import { newId } from '../../common/utils/ids';
import { UsersStore } from './users.store';

/** Personal API keys: created by the operator CLI, shown once, stored as a hash. */
@Injectable()
export class ApiKeysService {
  constructor(private readonly store: UsersStore) {}

  /** Creates a key for the user and returns the plain key (the only time it exists). */
  async create(userId: string, manager?: EntityManager): Promise<string> {
    const key = generateApiKey();
    await this.store.insertApiKey({ id: newId(), userId, keyHash: hashApiKey(key), revokedAt: null }, manager);
    return key;
  }

  async revoke(key: string): Promise<void> {
    if (!(await this.store.revokeApiKey(hashApiKey(key)))) throw new NotFoundException('No active API key matches');
  }
}
