import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AddonTokenClaims, AddonTokenService } from '../../common/auth/addon-token.service';
import type { WorkspaceContext } from '../../common/auth/principal';
import { newId } from '../../common/utils/ids';
import { linkBase } from '../../common/utils/links';
import { env } from '../../config/env.validation';
import { generateSecret } from '../webhooks/signature';
import { WEBHOOKS_PER_WORKSPACE } from '../webhooks/webhooks.service';
import { AddonWebhooksStore, type NewAddonWebhook } from '../webhooks/addon-webhooks.store';
import type { WebhookAddon, WebhookAddons } from '../webhooks/webhook-extensions';
import { lockWebhookCreators } from '../webhooks/webhooks.store';
import type { Workspace } from '../workspaces/entities/workspace.entity';
import { AddonsStore } from './addons.store';
import type { AddonDto, AddonSettingsDto, SettingUpdateDto, UserTokenDto } from './dto/addon.dto';
import { Addon } from './entities/addon.entity';
import { LifecycleStore } from './lifecycle/lifecycle.store';
import { addonUrl, flattenSettings, LifecycleType, Manifest, settingValueError } from './manifest';

export interface Installed {
  addonId: string;
  token: string;
}

function toDto(a: Addon): AddonDto {
  return {
    id: a.id,
    workspaceId: a.workspaceId,
    key: a.key,
    name: a.name,
    description: a.manifest?.description ?? null,
    baseUrl: a.manifest?.baseUrl ?? null,
    scopes: a.scopes,
    status: a.revokedAt && a.status !== 'FAILED' ? 'UNINSTALLED' : a.status,
    installedBy: a.userId,
    installedAt: a.createdAt.toISOString(),
    failedReason: a.failedReason,
  };
}

/**
 * Add-on installations. An installation token reaches exactly the workspace it
 * was installed in, acting as an admin there and, where an endpoint needs a
 * user, as the installing user; a manifest's scopes narrow what it may call
 * (AddonScopeGuard). Lifecycle calls are enqueued in the same transaction as
 * the change they announce.
 */
@Injectable()
export class AddonsService implements WebhookAddons {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AddonTokenService,
    private readonly store: AddonsStore,
    private readonly lifecycle: LifecycleStore,
    private readonly webhooks: AddonWebhooksStore,
  ) {}

  /** Without a manifest (`addon:install --name`): full admin access, no lifecycle, as before manifests. */
  async install(workspaceId: string, name: string, baseUrl = linkBase()): Promise<Installed> {
    const workspace = await this.workspace(workspaceId);
    const addonId = newId();
    const claims: AddonTokenClaims = {
      workspaceId,
      addonId,
      key: addonId,
      user: workspace.ownerId,
      tokenType: 'INSTALLATION',
      baseUrl,
    };
    const { token, kid } = await this.tokens.sign(claims);
    await this.dataSource.transaction((manager) =>
      this.store.insert(manager, {
        id: addonId,
        workspaceId,
        name: name.trim(),
        userId: workspace.ownerId,
        key: null,
        manifest: null,
        scopes: null,
        status: 'ACTIVE',
        settings: null,
        tokenKid: kid,
      }),
    );
    return { addonId, token };
  }

  /**
   * Installs from a validated manifest: the installation (scopes, settings),
   * its manifest webhooks (each with its own RS256 token as Clockify-Signature)
   * and, when declared, the INSTALLED call, in one transaction. The installing
   * user (`userId`, default the owner) is `asUser` and the token's `user`.
   */
  async installManifest(
    workspaceId: string,
    manifest: Manifest,
    options: { userId?: string; baseUrl?: string } = {},
  ): Promise<Installed> {
    const workspace = await this.workspace(workspaceId);
    const userId = options.userId ?? workspace.ownerId;
    const baseUrl = options.baseUrl ?? linkBase();
    const addonId = newId();
    const claims: AddonTokenClaims = {
      workspaceId,
      addonId,
      key: manifest.key,
      user: userId,
      tokenType: 'INSTALLATION',
      baseUrl,
    };
    const { token, kid } = await this.tokens.sign(claims);
    const webhooks: NewAddonWebhook[] = [];
    for (const w of manifest.webhooks) {
      const signed = await this.tokens.sign({ ...claims, tokenType: 'WEBHOOK' });
      const name = `${manifest.name}: ${w.event}`.slice(0, 30);
      webhooks.push({
        id: newId(),
        url: addonUrl(manifest.baseUrl, w.path),
        event: w.event,
        name,
        token: signed.token,
        tokenKid: signed.kid,
        secret: generateSecret(),
      });
    }
    await this.dataSource.transaction(async (manager) => {
      await lockWebhookCreators(manager, workspaceId);
      if (await this.store.liveKeyExists(manager, workspaceId, manifest.key)) {
        throw new ConflictException(`The add-on ${manifest.key} is already installed in this workspace`);
      }
      if ((await this.webhooks.countOfWorkspace(manager, workspaceId)) + webhooks.length > WEBHOOKS_PER_WORKSPACE) {
        throw new BadRequestException(
          `Webhook limit reached: a workspace can have at most ${WEBHOOKS_PER_WORKSPACE} webhooks`,
        );
      }
      await this.store.insert(manager, {
        id: addonId,
        workspaceId,
        name: manifest.name,
        userId,
        key: manifest.key,
        manifest,
        scopes: manifest.scopes,
        status: 'ACTIVE',
        settings: typeof manifest.settings === 'object' ? manifest.settings : null,
        tokenKid: kid,
      });
      await this.webhooks.insert(manager, workspaceId, addonId, userId, webhooks);
      await this.enqueue(manager, manifest, workspaceId, addonId, 'INSTALLED', baseUrl, {
        addonId,
        authToken: token,
        workspaceId,
        asUser: userId,
        apiUrl: `${baseUrl}/api`, // the token's backendUrl
        // No separate bot user here: the add-on acts as the installing user.
        addonUserId: userId,
        webhooks: webhooks.map((w) => ({
          path: w.url,
          webhookType: 'ADDON',
          webhookEvent: w.event,
          authToken: w.token,
        })),
      });
    });
    return { addonId, token };
  }

  /** Revokes the token, removes the add-on's webhooks and sends DELETED (if declared), in one transaction. */
  async uninstall(addonId: string, workspaceId: string | null = null, baseUrl = linkBase()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const addon = await this.store.findLive(manager, workspaceId, addonId, true);
      if (!addon) throw new NotFoundException(`No installed add-on ${addonId}`);
      await this.store.revoke(manager, addon.workspaceId, addon.id);
      await this.webhooks.deleteOfAddon(manager, addon.workspaceId, addon.id);
      await this.lifecycle.cancelPending(manager, addon.workspaceId, addon.id);
      if (addon.manifest)
        await this.enqueue(manager, addon.manifest, addon.workspaceId, addon.id, 'DELETED', baseUrl, {
          addonId,
          workspaceId: addon.workspaceId,
          asUser: addon.userId,
        });
    });
  }

  async list(workspaceId: string): Promise<AddonDto[]> {
    return (await this.store.list(workspaceId)).map(toDto);
  }

  /** For the webhooks module: the add-on a manifest webhook's token is signed for. */
  findAddon(workspaceId: string, addonId: string, manager?: EntityManager): Promise<WebhookAddon | null> {
    return this.store.find(workspaceId, addonId, manager);
  }

  async get(workspaceId: string, addonId: string): Promise<AddonDto> {
    const addon = await this.store.find(workspaceId, addonId);
    if (!addon) throw new NotFoundException('Add-on not found');
    return toDto(addon);
  }

  /** Enables or disables an installation (a disabled one's token and webhooks stop working); sends STATUS_CHANGED. */
  async setStatus(
    workspaceId: string,
    addonId: string,
    status: 'ACTIVE' | 'INACTIVE',
    baseUrl: string,
  ): Promise<AddonDto> {
    return this.dataSource.transaction(async (manager) => {
      const addon = await this.live(manager, workspaceId, addonId);
      if (addon.status === 'FAILED')
        throw new ConflictException('The installation failed: uninstall it and install again');
      if (addon.status !== status) {
        await this.store.setStatus(manager, workspaceId, addonId, status);
        await this.webhooks.enableOfAddon(manager, workspaceId, addonId, status === 'ACTIVE');
        if (addon.manifest)
          await this.enqueue(manager, addon.manifest, workspaceId, addonId, 'STATUS_CHANGED', baseUrl, {
            addonId,
            workspaceId,
            status,
          });
      }
      return toDto({ ...addon, status });
    });
  }

  /** The installation's settings: admins of the workspace, or the add-on's own tokens. */
  async settings(ws: WorkspaceContext, addonId: string): Promise<AddonSettingsDto> {
    this.assertMayManageSettings(ws, addonId);
    const addon = await this.store.findLive(this.dataSource.manager, ws.workspaceId, addonId);
    if (!addon) throw new NotFoundException('Add-on not found');
    return { addonId, settings: addon.settings ?? { tabs: [] } };
  }

  /** Sets values by setting id (each checked against its type); a change sends SETTINGS_UPDATED. */
  async updateSettings(
    ws: WorkspaceContext,
    addonId: string,
    updates: SettingUpdateDto[],
    baseUrl: string,
  ): Promise<AddonSettingsDto> {
    this.assertMayManageSettings(ws, addonId);
    return this.dataSource.transaction(async (manager) => {
      const addon = await this.live(manager, ws.workspaceId, addonId);
      const settings = addon.settings;
      if (!settings || typeof settings !== 'object')
        throw new BadRequestException('This add-on declares no settings in its manifest');
      const byId = new Map(flattenSettings(settings).map((s) => [s.id, s]));
      const errors = updates.flatMap((u, i) => {
        const setting = byId.get(u.id);
        if (!setting) return [{ field: `settings[${i}].id`, message: `${u.id} is not a setting of this add-on` }];
        const problem = settingValueError(setting, u.value);
        return problem ? [{ field: `settings[${i}].value`, message: `${u.id} ${problem}` }] : [];
      });
      if (errors.length) throw new BadRequestException({ message: errors[0].message, errors });
      let changed = false;
      for (const u of updates) {
        const setting = byId.get(u.id);
        if (setting && JSON.stringify(setting.value) !== JSON.stringify(u.value)) {
          setting.value = u.value; // the object is part of `settings`
          changed = true;
        }
      }
      if (changed) {
        await this.store.saveSettings(manager, ws.workspaceId, addonId, settings);
        if (addon.manifest)
          await this.enqueue(manager, addon.manifest, ws.workspaceId, addonId, 'SETTINGS_UPDATED', baseUrl, {
            addonId,
            workspaceId: ws.workspaceId,
            settings,
          });
      }
      return { addonId, settings };
    });
  }

  /**
   * Clockify's "exchanging for a user token": the installation token of this
   * add-on gets a short-lived token acting as an active member, with that
   * member's rights (and still within the manifest's scopes).
   */
  async userToken(ws: WorkspaceContext, addonId: string, userId: string, baseUrl: string): Promise<UserTokenDto> {
    const p = ws.principal;
    if (p.kind !== 'addon' || p.asMember || p.addonId !== addonId)
      throw new ForbiddenException("Only the add-on's own installation token can be exchanged for a user token");
    if (!(await this.store.isActiveMember(ws.workspaceId, userId)))
      throw new NotFoundException('No active member with this id in the workspace');
    const addon = await this.store.findLive(this.dataSource.manager, ws.workspaceId, addonId);
    if (!addon) throw new NotFoundException('Add-on not found');
    const ttl = env().ADDON_USER_TOKEN_TTL_SECONDS;
    const { token } = await this.tokens.sign(
      { workspaceId: ws.workspaceId, addonId, key: addon.key ?? addon.id, user: userId, tokenType: 'USER', baseUrl },
      ttl,
    );
    return { token, userId, expiresAt: new Date(Date.now() + ttl * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  }

  private assertMayManageSettings(ws: WorkspaceContext, addonId: string): void {
    const p = ws.principal;
    if (p.kind === 'addon') {
      if (p.addonId !== addonId)
        throw new ForbiddenException("An add-on can only reach its own installation's settings");
    } else if (!ws.isAdmin) throw new ForbiddenException('This action needs one of the roles: WORKSPACE_ADMIN');
  }

  private async live(manager: EntityManager, workspaceId: string, addonId: string): Promise<Addon> {
    const addon = await this.store.findLive(manager, workspaceId, addonId, true);
    if (!addon) throw new NotFoundException('Add-on not found');
    return addon;
  }

  private async enqueue(
    manager: EntityManager,
    manifest: Manifest,
    workspaceId: string,
    addonId: string,
    event: LifecycleType,
    baseUrl: string,
    payload: unknown,
  ): Promise<void> {
    const hook = manifest.lifecycle.find((l) => l.type === event);
    if (hook)
      await this.lifecycle.enqueue(manager, {
        workspaceId,
        addonId,
        event,
        url: addonUrl(manifest.baseUrl, hook.path),
        payload,
        baseUrl,
      });
  }

  private async workspace(workspaceId: string): Promise<Workspace> {
    const workspace = await this.store.findWorkspace(workspaceId);
    if (!workspace) throw new NotFoundException(`Workspace ${workspaceId} not found`);
    return workspace;
  }
}
