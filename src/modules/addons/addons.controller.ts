import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  ForbiddenException,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Req,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace, Roles } from '../../common/decorators/auth.decorators';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { linkBase } from '../../common/utils/links';
import { AddonsService } from './addons.service';
import {
  AddonDto,
  AddonSettingsDto,
  InstallAddonDto,
  LifecycleCallDto,
  UpdateAddonSettingsDto,
  UpdateAddonStatusDto,
  UserTokenDto,
} from './dto/addon.dto';
import { LifecycleStore } from './lifecycle/lifecycle.store';
import { fetchManifest, parseManifest } from './manifest-source';

/** Installing, enabling and removing add-ons is for people (admins' API keys), not for add-on tokens. */
function assertUser(ws: WorkspaceContext): void {
  if (ws.principal.kind === 'addon')
    throw new ForbiddenException('Add-on tokens cannot install, change or uninstall add-ons');
}

/**
 * Add-on installations (an extension: Clockify installs from its marketplace
 * UI). Admins install from a manifest, list, disable and uninstall; settings
 * are also open to the add-on's own token, and its installation token
 * exchanges for user tokens.
 */
@ApiTags('Add-ons')
@Controller('v1/workspaces/:workspaceId/addons')
export class AddonsController {
  constructor(
    private readonly addons: AddonsService,
    private readonly lifecycle: LifecycleStore,
  ) {}

  @Get()
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({
    summary: 'List the add-ons installed in the workspace (uninstalled and failed ones too)',
    operationId: 'listAddons',
  })
  @ApiOkResponse({ type: [AddonDto] })
  list(@CurrentWorkspace() ws: WorkspaceContext): Promise<AddonDto[]> {
    return this.addons.list(ws.workspaceId);
  }

  /**
   * Installs from a manifest (schema 1.3), fetched from `manifestUrl` or given inline as `manifest`. The
   * installation token is not in the answer: it goes to the add-on in the INSTALLED lifecycle call, with
   * its webhooks' tokens. A bad manifest is 400 (each problem by field) and installs nothing; an add-on
   * key already installed in the workspace is 409.
   */
  @Post()
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Install an add-on from its manifest', operationId: 'installAddon' })
  @ApiCreatedResponse({ type: AddonDto })
  async install(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: InstallAddonDto,
    @Req() req: Request,
  ): Promise<AddonDto> {
    assertUser(ws);
    if ((body.manifestUrl === undefined) === (body.manifest === undefined))
      throw new BadRequestException('Send exactly one of manifestUrl and manifest');
    const manifest =
      body.manifest !== undefined ? parseManifest(body.manifest) : await fetchManifest(body.manifestUrl as string);
    const { addonId } = await this.addons.installManifest(ws.workspaceId, manifest, {
      userId: ws.userId,
      baseUrl: linkBase(req),
    });
    return this.addons.get(ws.workspaceId, addonId);
  }

  @Get(':addonId')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Get an installed add-on', operationId: 'getAddon' })
  @ApiOkResponse({ type: AddonDto })
  get(@CurrentWorkspace() ws: WorkspaceContext, @Param('addonId', ObjectIdPipe) addonId: string): Promise<AddonDto> {
    return this.addons.get(ws.workspaceId, addonId);
  }

  /** ACTIVE or INACTIVE: a disabled add-on's token is refused and its webhooks are not sent; STATUS_CHANGED is. */
  @Patch(':addonId')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Enable or disable an add-on', operationId: 'updateAddonStatus' })
  @ApiOkResponse({ type: AddonDto })
  setStatus(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('addonId', ObjectIdPipe) addonId: string,
    @Body() body: UpdateAddonStatusDto,
    @Req() req: Request,
  ): Promise<AddonDto> {
    assertUser(ws);
    return this.addons.setStatus(ws.workspaceId, addonId, body.status, linkBase(req));
  }

  /** Revokes the add-on's token, deletes its webhooks and sends DELETED. */
  @Delete(':addonId')
  @HttpCode(204)
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Uninstall an add-on', operationId: 'uninstallAddon' })
  @ApiNoContentResponse({ description: 'Uninstalled' })
  async uninstall(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('addonId', ObjectIdPipe) addonId: string,
    @Req() req: Request,
  ): Promise<void> {
    assertUser(ws);
    await this.addons.uninstall(addonId, ws.workspaceId, linkBase(req));
  }

  /** The lifecycle calls made to the add-on (newest first, at most 100), with their outcome. */
  @Get(':addonId/lifecycle-logs')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: "Get an add-on's lifecycle calls", operationId: 'getAddonLifecycleLogs' })
  @ApiOkResponse({ type: [LifecycleCallDto] })
  async lifecycleLogs(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('addonId', ObjectIdPipe) addonId: string,
  ): Promise<LifecycleCallDto[]> {
    await this.addons.get(ws.workspaceId, addonId);
    const rows = await this.lifecycle.log(ws.workspaceId, addonId);
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() }));
  }

  /** Workspace admins, or the add-on's own token. */
  @Get(':addonId/settings')
  @ApiOperation({ summary: "Get an add-on's settings", operationId: 'getAddonSettings' })
  @ApiOkResponse({ type: AddonSettingsDto })
  settings(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('addonId', ObjectIdPipe) addonId: string,
  ): Promise<AddonSettingsDto> {
    return this.addons.settings(ws, addonId);
  }

  /** Sets values by setting id, each checked against its type; a change sends SETTINGS_UPDATED. Admins or the add-on's own token. */
  @Patch(':addonId/settings')
  @ApiOperation({ summary: "Update an add-on's settings", operationId: 'updateAddonSettings' })
  @ApiOkResponse({ type: AddonSettingsDto })
  updateSettings(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('addonId', ObjectIdPipe) addonId: string,
    @Body() body: UpdateAddonSettingsDto,
    @Req() req: Request,
  ): Promise<AddonSettingsDto> {
    return this.addons.updateSettings(ws, addonId, body.settings, linkBase(req));
  }

  /** Exchanges the add-on's installation token (X-Addon-Token) for a short-lived token acting as an active member. */
  @Post(':addonId/users/:userId/token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange the installation token for a user token', operationId: 'getAddonUserToken' })
  @ApiOkResponse({ type: UserTokenDto })
  userToken(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('addonId', ObjectIdPipe) addonId: string,
    @Param('userId', ObjectIdPipe) userId: string,
    @Req() req: Request,
  ): Promise<UserTokenDto> {
    return this.addons.userToken(ws, addonId, userId, linkBase(req));
  }
}
