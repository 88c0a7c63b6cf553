import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { Page } from '../../common/dto/page';
import type { WebhookLogQueryDto, WebhookLogSearchDto } from './dto/webhook-requests.dto';
import type { WebhookLogDto } from './dto/webhook.dto';
import { toWebhookLogDto } from './webhook.mapper';
import { WebhooksService } from './webhooks.service';
import { WebhooksStore } from './webhooks.store';

/** Delivery logs of a webhook (one row per event sent, with its latest attempt) and re-sending failed ones. */
@Injectable()
export class WebhookLogsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: WebhooksStore,
    private readonly webhooks: WebhooksService,
  ) {}

  async search(
    ws: WorkspaceContext,
    webhookId: string,
    query: WebhookLogQueryDto,
    body: WebhookLogSearchDto,
  ): Promise<Page<WebhookLogDto>> {
    const webhook = await this.webhooks.find(this.dataSource.manager, ws, webhookId);
    const request = { page: Math.max(query.page, 1), pageSize: query.size };
    const [rows, total] = await this.store.searchLogs(ws.workspaceId, webhook.id, body, request);
    return new Page(rows.map(toWebhookLogDto), total, request);
  }

  /** Queues a FAILED delivery again, with a fresh 24 h retry window; other states are 409. */
  async resend(ws: WorkspaceContext, webhookId: string, deliveryId: string): Promise<WebhookLogDto> {
    const webhook = await this.webhooks.find(this.dataSource.manager, ws, webhookId);
    const status = await this.store.deliveryStatus(ws.workspaceId, webhook.id, deliveryId);
    if (status === undefined) throw new NotFoundException('Webhook log not found');
    if (!(await this.store.requeueFailed(ws.workspaceId, webhook.id, deliveryId))) {
      throw new ConflictException(`Only a FAILED delivery can be re-sent (this one is ${status})`);
    }
    return toWebhookLogDto(await this.store.findDelivery(deliveryId));
  }
}
