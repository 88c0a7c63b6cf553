import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { Page } from '../../common/dto/page';
import type { WebhookLogQueryDto, WebhookLogSearchDto } from './dto/webhook-requests.dto';
import type { WebhookLogDto } from './dto/webhook.dto';
import { WebhookDelivery } from './entities/webhook-delivery.entity';
import { toWebhookLogDto } from './webhook.mapper';
import { WebhooksService } from './webhooks.service';

/** Delivery logs of a webhook (one row per event sent, with its latest attempt) and re-sending failed ones. */
@Injectable()
export class WebhookLogsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhooksService,
  ) {}

  async search(ws: WorkspaceContext, webhookId: string, query: WebhookLogQueryDto, body: WebhookLogSearchDto): Promise<Page<WebhookLogDto>> {
    const webhook = await this.webhooks.find(this.dataSource.manager, ws, webhookId);
    const request = { page: Math.max(query.page, 1), pageSize: query.size };
    const qb = this.dataSource
      .getRepository(WebhookDelivery)
      .createQueryBuilder('d')
      .where('d.workspace_id = :workspaceId AND d.webhook_id = :webhookId', { workspaceId: ws.workspaceId, webhookId: webhook.id });
    if (body.status && body.status !== 'ALL') qb.andWhere('d.status = :status', { status: body.status });
    if (body.from) qb.andWhere('d.created_at >= :from', { from: new Date(body.from) });
    if (body.to) qb.andWhere('d.created_at <= :to', { to: new Date(body.to) });
    const order = body.sortByNewest ? 'DESC' : 'ASC';
    const [rows, total] = await qb
      .orderBy('d.created_at', order)
      .addOrderBy('d.outbox_position', order)
      .offset((request.page - 1) * request.pageSize)
      .limit(request.pageSize)
      .getManyAndCount();
    return new Page(rows.map(toWebhookLogDto), total, request);
  }

  /** Queues a FAILED delivery again, with a fresh 24 h retry window; other states are 409. */
  async resend(ws: WorkspaceContext, webhookId: string, deliveryId: string): Promise<WebhookLogDto> {
    const webhook = await this.webhooks.find(this.dataSource.manager, ws, webhookId);
    const rows = await this.dataSource.query<{ status: string }[]>(
      `SELECT status FROM webhook_deliveries WHERE workspace_id = $1 AND webhook_id = $2 AND id = $3`,
      [ws.workspaceId, webhook.id, deliveryId],
    );
    if (!rows.length) throw new NotFoundException('Webhook log not found');
    const [updated] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE webhook_deliveries
          SET status = 'PENDING', next_attempt_at = now(), first_attempt_at = NULL, updated_at = now()
        WHERE workspace_id = $1 AND webhook_id = $2 AND id = $3 AND status = 'FAILED'
        RETURNING id`,
      [ws.workspaceId, webhook.id, deliveryId],
    );
    if (!updated.length) throw new ConflictException(`Only a FAILED delivery can be re-sent (this one is ${rows[0].status})`);
    const delivery = await this.dataSource.getRepository(WebhookDelivery).findOneByOrFail({ id: deliveryId });
    return toWebhookLogDto(delivery);
  }
}
