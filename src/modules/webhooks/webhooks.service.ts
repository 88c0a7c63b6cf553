import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AddonTokenService } from '../../common/auth/addon-token.service';
import type { WorkspaceContext } from '../../common/auth/principal';
import { linkBase } from '../../common/utils/links';
import { newId } from '../../common/utils/ids';
import { env } from '../../config/env.validation';
import { Addon } from '../addons/entities/addon.entity';
import type { CreateWebhookDto, UpdateWebhookDto, WebhookListQueryDto } from './dto/webhook-requests.dto';
import type { WebhookDto, WebhooksDto } from './dto/webhook.dto';
import { Webhook } from './entities/webhook.entity';
import { generateSecret } from './signature';
import { nonPublicTarget, parseWebhookUrl } from './url-policy';
import { toWebhookDto } from './webhook.mapper';

/** As the reference: "Workspace admins can create up to 10 webhooks each, with a total of 100 webhooks allowed per workspace". */
export const WEBHOOKS_PER_CREATOR = 10;
export const WEBHOOKS_PER_WORKSPACE = 100;

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Webhook subscriptions. Workspace admins manage every webhook of the workspace;
 * an add-on (X-Addon-Token) creates webhooks that belong to it and sees and
 * changes only those.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly addonTokens: AddonTokenService,
  ) {}

  async list(ws: WorkspaceContext, query: WebhookListQueryDto): Promise<WebhooksDto> {
    const qb = this.dataSource.getRepository(Webhook).createQueryBuilder('w').where('w.workspace_id = :workspaceId', { workspaceId: ws.workspaceId });
    if (ws.principal.kind === 'addon') qb.andWhere('w.addon_id = :addonId', { addonId: ws.principal.addonId });
    if (query.type === 'USER_CREATED') qb.andWhere('w.addon_id IS NULL');
    if (query.type === 'ADDON') qb.andWhere('w.addon_id IS NOT NULL');
    if (query.type === 'SYSTEM') qb.andWhere('false'); // no system webhooks here
    const webhooks = await qb.orderBy('w.created_at').addOrderBy('w.id').getMany();
    return { webhooks: webhooks.map(toWebhookDto), workspaceWebhookCount: await this.workspaceCount(this.dataSource.manager, ws.workspaceId) };
  }

  async listForAddon(ws: WorkspaceContext, addonId: string): Promise<WebhooksDto> {
    if (ws.principal.kind === 'addon' && ws.principal.addonId !== addonId) throw new ForbiddenException('An add-on can only list its own webhooks');
    const addon = await this.dataSource.getRepository(Addon).findOneBy({ workspaceId: ws.workspaceId, id: addonId });
    if (!addon) throw new NotFoundException('Add-on not found');
    const webhooks = await this.dataSource.getRepository(Webhook).find({
      where: { workspaceId: ws.workspaceId, addonId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return { webhooks: webhooks.map(toWebhookDto), workspaceWebhookCount: await this.workspaceCount(this.dataSource.manager, ws.workspaceId) };
  }

  async get(ws: WorkspaceContext, id: string): Promise<WebhookDto> {
    return toWebhookDto(await this.find(this.dataSource.manager, ws, id));
  }

  async create(ws: WorkspaceContext, dto: CreateWebhookDto): Promise<WebhookDto> {
    const url = await this.checkUrl(dto.url);
    const addonId = ws.principal.kind === 'addon' ? ws.principal.addonId : null;
    return this.dataSource.transaction(async (manager) => {
      // One creator at a time per workspace, so concurrent creates cannot pass the limits together.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('webhooks:' || $1))`, [ws.workspaceId]);
      await this.checkLimits(manager, ws.workspaceId, addonId, ws.userId);
      const webhook = manager.create(Webhook, {
        id: newId(),
        workspaceId: ws.workspaceId,
        addonId,
        userId: ws.userId,
        name: dto.name ?? dto.webhookEvent.slice(0, 30),
        url,
        webhookEvent: dto.webhookEvent,
        triggerSource: dto.triggerSource,
        triggerSourceType: dto.triggerSourceType,
        token: newToken(),
        tokenKid: null,
        secret: generateSecret(),
        enabled: true,
      });
      await manager.insert(Webhook, webhook);
      return toWebhookDto(await this.find(manager, ws, webhook.id));
    });
  }

  async update(ws: WorkspaceContext, id: string, dto: UpdateWebhookDto): Promise<WebhookDto> {
    const url = await this.checkUrl(dto.url);
    return this.dataSource.transaction(async (manager) => {
      const webhook = await this.find(manager, ws, id, true);
      Object.assign(webhook, {
        name: dto.name ?? webhook.name,
        url,
        webhookEvent: dto.webhookEvent,
        triggerSource: dto.triggerSource,
        triggerSourceType: dto.triggerSourceType,
      });
      await manager.save(Webhook, webhook);
      return toWebhookDto(webhook);
    });
  }

  /** Deletes the webhook and its delivery logs; pending deliveries are dropped. */
  async delete(ws: WorkspaceContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const webhook = await this.find(manager, ws, id, true);
      await manager.delete(Webhook, { workspaceId: ws.workspaceId, id: webhook.id });
    });
  }

  /**
   * A new Clockify-Signature token; the previous one stops being sent at once. A
   * manifest webhook's token stays a JWT of its add-on, verifiable with the JWKS.
   */
  async regenerateToken(ws: WorkspaceContext, id: string, baseUrl = linkBase()): Promise<WebhookDto> {
    return this.dataSource.transaction(async (manager) => {
      const webhook = await this.find(manager, ws, id, true);
      const addon = webhook.tokenKid && webhook.addonId ? await manager.getRepository(Addon).findOneBy({ workspaceId: ws.workspaceId, id: webhook.addonId }) : null;
      if (addon) {
        const claims = { workspaceId: ws.workspaceId, addonId: addon.id, key: addon.key ?? addon.id, user: addon.userId, tokenType: 'WEBHOOK' as const, baseUrl };
        const signed = await this.addonTokens.sign(claims);
        webhook.token = signed.token;
        webhook.tokenKid = signed.kid;
      } else webhook.token = newToken();
      await manager.save(Webhook, webhook);
      return toWebhookDto(webhook);
    });
  }

  /** The webhook, when it is in the workspace and (for an add-on) its own; otherwise 404. */
  async find(manager: EntityManager, ws: WorkspaceContext, id: string, lock = false): Promise<Webhook> {
    const qb = manager
      .getRepository(Webhook)
      .createQueryBuilder('w')
      .where('w.workspace_id = :workspaceId AND w.id = :id', { workspaceId: ws.workspaceId, id });
    if (ws.principal.kind === 'addon') qb.andWhere('w.addon_id = :addonId', { addonId: ws.principal.addonId });
    if (lock) qb.setLock('pessimistic_write');
    const webhook = await qb.getOne();
    if (!webhook) throw new NotFoundException('Webhook not found');
    return webhook;
  }

  /** http(s) only; with WEBHOOKS_ALLOW_PRIVATE=false, the host must resolve to public addresses only. */
  private async checkUrl(text: string): Promise<string> {
    const url = parseWebhookUrl(text);
    if (typeof url === 'string') throw new BadRequestException(url);
    if (!env().WEBHOOKS_ALLOW_PRIVATE) {
      const target = await nonPublicTarget(url).catch(() => {
        throw new BadRequestException(`url host ${url.hostname} does not resolve`);
      });
      if (target) throw new BadRequestException(`url must not point at a private, loopback or link-local address (${url.hostname} is ${target})`);
    }
    return url.toString();
  }

  private async checkLimits(manager: EntityManager, workspaceId: string, addonId: string | null, userId: string): Promise<void> {
    const [counts] = await manager.query<{ total: number; own: number }[]>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE CASE WHEN $2::char(24) IS NULL THEN addon_id IS NULL AND user_id = $3 ELSE addon_id = $2 END)::int AS own
         FROM webhooks WHERE workspace_id = $1`,
      [workspaceId, addonId, userId],
    );
    if (counts.total >= WEBHOOKS_PER_WORKSPACE) {
      throw new BadRequestException(`Webhook limit reached: a workspace can have at most ${WEBHOOKS_PER_WORKSPACE} webhooks`);
    }
    if (counts.own >= WEBHOOKS_PER_CREATOR) {
      const who = addonId ? 'an add-on' : 'a workspace admin';
      throw new BadRequestException(`Webhook limit reached: ${who} can create at most ${WEBHOOKS_PER_CREATOR} webhooks`);
    }
  }

  private async workspaceCount(manager: EntityManager, workspaceId: string): Promise<number> {
    return manager.getRepository(Webhook).countBy({ workspaceId });
  }
}
