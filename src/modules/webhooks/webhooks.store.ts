import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { PageRequest } from '../../common/dto/page-query.dto';
import type { WebhookListQueryDto, WebhookLogSearchDto } from './dto/webhook-requests.dto';
import { WebhookDelivery } from './entities/webhook-delivery.entity';
import { Webhook } from './entities/webhook.entity';

/** Whose webhooks: the workspace's, and only an add-on's own when `addonId` is set. */
export interface WebhookOwner {
  workspaceId: string;
  addonId: string | null;
}

/**
 * One creator of webhooks at a time per workspace (until the transaction ends), so concurrent creates (of a webhook,
 * or of an add-on's manifest webhooks) cannot pass the limits together.
 */
export async function lockWebhookCreators(manager: EntityManager, workspaceId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('webhooks:' || $1))`, [workspaceId]);
}

/** The SQL of webhooks and their delivery logs; every statement takes the workspace id first. */
@Injectable()
export class WebhooksStore {
  constructor(private readonly dataSource: DataSource) {}

  list(owner: WebhookOwner, type: WebhookListQueryDto['type']): Promise<Webhook[]> {
    const qb = this.dataSource
      .getRepository(Webhook)
      .createQueryBuilder('w')
      .where('w.workspace_id = :workspaceId', { workspaceId: owner.workspaceId });
    if (owner.addonId) qb.andWhere('w.addon_id = :addonId', { addonId: owner.addonId });
    if (type === 'USER_CREATED') qb.andWhere('w.addon_id IS NULL');
    if (type === 'ADDON') qb.andWhere('w.addon_id IS NOT NULL');
    if (type === 'SYSTEM') qb.andWhere('false'); // no system webhooks here
    return qb.orderBy('w.created_at').addOrderBy('w.id').getMany();
  }

  listOfAddon(workspaceId: string, addonId: string): Promise<Webhook[]> {
    return this.dataSource.getRepository(Webhook).find({
      where: { workspaceId, addonId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The webhook, when it is the owner's; locked when asked. */
  find(manager: EntityManager, owner: WebhookOwner, id: string, lock = false): Promise<Webhook | null> {
    const qb = manager
      .getRepository(Webhook)
      .createQueryBuilder('w')
      .where('w.workspace_id = :workspaceId AND w.id = :id', { workspaceId: owner.workspaceId, id });
    if (owner.addonId) qb.andWhere('w.addon_id = :addonId', { addonId: owner.addonId });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** The workspace's webhooks, and those of the creator (the add-on, or the user's own without an add-on). */
  async counts(
    manager: EntityManager,
    workspaceId: string,
    addonId: string | null,
    userId: string,
  ): Promise<{ total: number; own: number }> {
    const [counts] = await manager.query<{ total: number; own: number }[]>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE CASE WHEN $2::char(24) IS NULL THEN addon_id IS NULL AND user_id = $3 ELSE addon_id = $2 END)::int AS own
         FROM webhooks WHERE workspace_id = $1`,
      [workspaceId, addonId, userId],
    );
    return counts;
  }

  count(workspaceId: string): Promise<number> {
    return this.dataSource.manager.getRepository(Webhook).countBy({ workspaceId });
  }

  /** Inserts the webhook; answers its id. */
  async insert(manager: EntityManager, webhook: Omit<Webhook, 'createdAt' | 'updatedAt'>): Promise<string> {
    const entity = manager.create(Webhook, webhook);
    await manager.insert(Webhook, entity);
    return entity.id;
  }

  /** Writes the changed fields of a loaded webhook. */
  async update(manager: EntityManager, webhook: Webhook): Promise<void> {
    await manager.save(Webhook, webhook);
  }

  /** Deletes the webhook and its delivery logs. */
  async delete(manager: EntityManager, workspaceId: string, id: string): Promise<void> {
    await manager.delete(Webhook, { workspaceId, id });
  }

  /** A page of a webhook's delivery logs and their number in all. */
  searchLogs(
    workspaceId: string,
    webhookId: string,
    body: WebhookLogSearchDto,
    request: PageRequest,
  ): Promise<[WebhookDelivery[], number]> {
    const qb = this.dataSource
      .getRepository(WebhookDelivery)
      .createQueryBuilder('d')
      .where('d.workspace_id = :workspaceId AND d.webhook_id = :webhookId', { workspaceId, webhookId });
    if (body.status && body.status !== 'ALL') qb.andWhere('d.status = :status', { status: body.status });
    if (body.from) qb.andWhere('d.created_at >= :from', { from: new Date(body.from) });
    if (body.to) qb.andWhere('d.created_at <= :to', { to: new Date(body.to) });
    const order = body.sortByNewest ? 'DESC' : 'ASC';
    return qb
      .orderBy('d.created_at', order)
      .addOrderBy('d.outbox_position', order)
      .offset((request.page - 1) * request.pageSize)
      .limit(request.pageSize)
      .getManyAndCount();
  }

  async deliveryStatus(workspaceId: string, webhookId: string, deliveryId: string): Promise<string | undefined> {
    const rows = await this.dataSource.query<{ status: string }[]>(
      `SELECT status FROM webhook_deliveries WHERE workspace_id = $1 AND webhook_id = $2 AND id = $3`,
      [workspaceId, webhookId, deliveryId],
    );
    return rows[0]?.status;
  }

  /** Queues a FAILED delivery again with a fresh retry window; false when it is not FAILED. */
  async requeueFailed(workspaceId: string, webhookId: string, deliveryId: string): Promise<boolean> {
    const [updated] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE webhook_deliveries
          SET status = 'PENDING', next_attempt_at = now(), first_attempt_at = NULL, updated_at = now()
        WHERE workspace_id = $1 AND webhook_id = $2 AND id = $3 AND status = 'FAILED'
        RETURNING id`,
      [workspaceId, webhookId, deliveryId],
    );
    return updated.length > 0;
  }

  findDelivery(deliveryId: string): Promise<WebhookDelivery> {
    return this.dataSource.getRepository(WebhookDelivery).findOneByOrFail({ id: deliveryId });
  }
}
