import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { generateApiKey, hashApiKey } from '../../common/auth/api-key';
import { newId } from '../../common/utils/ids';
import { ApiKey } from './entities/api-key.entity';

/** Personal API keys: created by the operator CLI, shown once, stored as a hash. */
@Injectable()
export class ApiKeysService {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates a key for the user and returns the plain key (the only time it exists). */
  async create(userId: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const key = generateApiKey();
    await manager.insert(ApiKey, { id: newId(), userId, keyHash: hashApiKey(key), revokedAt: null });
    return key;
  }

  async revoke(key: string): Promise<void> {
    const result = await this.dataSource
      .getRepository(ApiKey)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('key_hash = :hash AND revoked_at IS NULL', { hash: hashApiKey(key) })
      .execute();
    if (!result.affected) throw new NotFoundException('No active API key matches');
  }
}
