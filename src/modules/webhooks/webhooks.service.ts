import { BadRequestException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AddonTokenService } from '../../common/auth/addon-token.service';
import type { WorkspaceContext } from '../../common/auth/principal';
import { linkBase } from '../../common/utils/links';
import { newId } from '../../common/utils/ids';
import { env } from '../../config/env.validation';
import type { CreateWebhookDto, UpdateWebhookDto, WebhookListQueryDto } from './dto/webhook-requests.dto';
import type { WebhookDto, WebhooksDto } from './dto/webhook.dto';
import type { Webhook } from './entities/webhook.entity';
import { generateSecret } from './signature';
import { nonPublicTarget, parseWebhookUrl } from './url-policy';
import { WEBHOOK_ADDONS, type WebhookAddons } from './webhook-extensions';
import { toWebhookDto } from './webhook.mapper';
import { lockWebhookCreators, WebhookOwner, WebhooksStore } from './webhooks.store';

/** As the reference: "Workspace admins can create up to 10 webhooks each, with a total of 100 webhooks allowed per workspace". */
export const WEBHOOKS_PER_CREATOR = 10;
export const WEBHOOKS_PER_WORKSPACE = 100;

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** An add-on sees only its own webhooks; a member (an admin) every webhook of the workspace. */
const ownerOf = (ws: WorkspaceContext): WebhookOwner => ({
  workspaceId: ws.workspaceId,
  addonId: ws.principal.kind === 'addon' ? ws.principal.addonId : null,
});

/**
 * Webhook subscriptions. Workspace admins manage every webhook of the workspace;
 * an add-on (X-Addon-Token) creates webhooks that belong to it and sees and
 * changes only those.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: WebhooksStore,
    private readonly addonTokens: AddonTokenService,
    @Inject(WEBHOOK_ADDONS) private readonly addons: WebhookAddons,
  ) {}

  async list(ws: WorkspaceContext, query: WebhookListQueryDto): Promise<WebhooksDto> {
    const webhooks = await this.store.list(ownerOf(ws), query.type);
    return { webhooks: webhooks.map(toWebhookDto), workspaceWebhookCount: await this.store.count(ws.workspaceId) };
  }

  async listForAddon(ws: WorkspaceContext, addonId: string): Promise<WebhooksDto> {
    if (ws.principal.kind === 'addon' && ws.principal.addonId !== addonId)
      throw new ForbiddenException('An add-on can only list its own webhooks');
    const addon = await this.addons.findAddon(ws.workspaceId, addonId);
    if (!addon) throw new NotFoundException('Add-on not found');
    const webhooks = await this.store.listOfAddon(ws.workspaceId, addonId);
    return { webhooks: webhooks.map(toWebhookDto), workspaceWebhookCount: await this.store.count(ws.workspaceId) };
  }

  async get(ws: WorkspaceContext, id: string): Promise<WebhookDto> {
    return toWebhookDto(await this.find(this.dataSource.manager, ws, id));
  }

  async create(ws: WorkspaceContext, dto: CreateWebhookDto): Promise<WebhookDto> {
    const url = await this.checkUrl(dto.url);
    const addonId = ws.principal.kind === 'addon' ? ws.principal.addonId : null;
    return this.dataSource.transaction(async (manager) => {
      await lockWebhookCreators(manager, ws.workspaceId);
      await this.checkLimits(manager, ws.workspaceId, addonId, ws.userId);
      const id = await this.store.insert(manager, {
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
      return toWebhookDto(await this.find(manager, ws, id));
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
      await this.store.update(manager, webhook);
      return toWebhookDto(webhook);
    });
  }

  /** Deletes the webhook and its delivery logs; pending deliveries are dropped. */
  async delete(ws: WorkspaceContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const webhook = await this.find(manager, ws, id, true);
      await this.store.delete(manager, ws.workspaceId, webhook.id);
    });
  }

  /**
   * A new Clockify-Signature token; the previous one stops being sent at once. A
   * manifest webhook's token stays a JWT of its add-on, verifiable with the JWKS.
   */
  async regenerateToken(ws: WorkspaceContext, id: string, baseUrl = linkBase()): Promise<WebhookDto> {
    return this.dataSource.transaction(async (manager) => {
      const webhook = await this.find(manager, ws, id, true);
      const addon =
        webhook.tokenKid && webhook.addonId
          ? await this.addons.findAddon(ws.workspaceId, webhook.addonId, manager)
          : null;
      if (addon) {
        const claims = {
          workspaceId: ws.workspaceId,
          addonId: addon.id,
          key: addon.key ?? addon.id,
          user: addon.userId,
          tokenType: 'WEBHOOK' as const,
          baseUrl,
        };
        const signed = await this.addonTokens.sign(claims);
        webhook.token = signed.token;
        webhook.tokenKid = signed.kid;
      } else webhook.token = newToken();
      await this.store.update(manager, webhook);
      return toWebhookDto(webhook);
    });
  }

  /** The webhook, when it is in the workspace and (for an add-on) its own; otherwise 404. */
  async find(manager: EntityManager, ws: WorkspaceContext, id: string, lock = false): Promise<Webhook> {
    const webhook = await this.store.find(manager, ownerOf(ws), id, lock);
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
      if (target)
        throw new BadRequestException(
          `url must not point at a private, loopback or link-local address (${url.hostname} is ${target})`,
        );
    }
    return url.toString();
  }

  private async checkLimits(
    manager: EntityManager,
    workspaceId: string,
    addonId: string | null,
    userId: string,
  ): Promise<void> {
    const counts = await this.store.counts(manager, workspaceId, addonId, userId);
    if (counts.total >= WEBHOOKS_PER_WORKSPACE) {
      throw new BadRequestException(
        `Webhook limit reached: a workspace can have at most ${WEBHOOKS_PER_WORKSPACE} webhooks`,
      );
    }
    if (counts.own >= WEBHOOKS_PER_CREATOR) {
      const who = addonId ? 'an add-on' : 'a workspace admin';
      throw new BadRequestException(
        `Webhook limit reached: ${who} can create at most ${WEBHOOKS_PER_CREATOR} webhooks`,
      );
    }
  }
}
