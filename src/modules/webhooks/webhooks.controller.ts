import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace, Roles } from '../../common/decorators/auth.decorators';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { linkBase } from '../../common/utils/links';
import { CreateWebhookDto, UpdateWebhookDto, WebhookListQueryDto } from './dto/webhook-requests.dto';
import { WebhookDto, WebhooksDto } from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

/** Workspace admins (and add-ons, for their own webhooks) manage webhooks. */
@ApiTags('Webhooks')
@Roles('WORKSPACE_ADMIN')
@Controller('v1/workspaces/:workspaceId')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get('addons/:addonId/webhooks')
  @ApiOperation({ summary: 'Get all webhooks for addon on a workspace', operationId: 'getAddonWebhooks' })
  @ApiOkResponse({ type: WebhooksDto })
  listForAddon(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('addonId', ObjectIdPipe) addonId: string,
  ): Promise<WebhooksDto> {
    return this.webhooks.listForAddon(ws, addonId);
  }

  /** An add-on sees only its own webhooks; `workspaceWebhookCount` counts all of the workspace. */
  @Get('webhooks')
  @ApiOperation({ summary: 'Get all webhooks on a workspace', operationId: 'getWebhooks' })
  @ApiOkResponse({ type: WebhooksDto })
  list(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: WebhookListQueryDto): Promise<WebhooksDto> {
    return this.webhooks.list(ws, query);
  }

  /**
   * Creating a webhook generates a new token which can be used to verify that the webhook being sent was sent
   * by this server, as it will always be present in the Clockify-Signature header; deliveries are also signed
   * with `signingSecret` (Standard Webhooks). Up to 10 webhooks per admin or add-on, 100 per workspace (400 past it).
   */
  @Post('webhooks')
  @ApiOperation({ summary: 'Create a webhook', operationId: 'createWebhook' })
  @ApiCreatedResponse({ type: WebhookDto })
  create(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: CreateWebhookDto): Promise<WebhookDto> {
    return this.webhooks.create(ws, body);
  }

  @Get('webhooks/:webhookId')
  @ApiOperation({ summary: 'Get a specific webhook by id', operationId: 'getWebhook' })
  @ApiOkResponse({ type: WebhookDto })
  get(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('webhookId', ObjectIdPipe) webhookId: string,
  ): Promise<WebhookDto> {
    return this.webhooks.get(ws, webhookId);
  }

  @Put('webhooks/:webhookId')
  @ApiOperation({ summary: 'Update a webhook', operationId: 'updateWebhook' })
  @ApiOkResponse({ type: WebhookDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('webhookId', ObjectIdPipe) webhookId: string,
    @Body() body: UpdateWebhookDto,
  ): Promise<WebhookDto> {
    return this.webhooks.update(ws, webhookId, body);
  }

  /** Deletes the webhook with its delivery logs; deliveries not yet made are dropped. */
  @Delete('webhooks/:webhookId')
  @ApiOperation({ summary: 'Delete a webhook', operationId: 'deleteWebhook' })
  @ApiOkResponse({ description: 'Deleted' })
  async delete(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('webhookId', ObjectIdPipe) webhookId: string,
  ): Promise<void> {
    await this.webhooks.delete(ws, webhookId);
  }

  /** Generates a new webhook token and invalidates the previous one. */
  @Patch('webhooks/:webhookId/token')
  @ApiOperation({ summary: 'Generate a new token', operationId: 'generateNewToken' })
  @ApiOkResponse({ type: WebhookDto })
  regenerateToken(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('webhookId', ObjectIdPipe) webhookId: string,
    @Req() req: Request,
  ): Promise<WebhookDto> {
    return this.webhooks.regenerateToken(ws, webhookId, linkBase(req));
  }
}
