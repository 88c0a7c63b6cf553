import { Body, Controller, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace, Roles } from '../../common/decorators/auth.decorators';
import type { Page } from '../../common/dto/page';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { WebhookLogQueryDto, WebhookLogSearchDto } from './dto/webhook-requests.dto';
import { WebhookLogDto } from './dto/webhook.dto';
import { WebhookLogsService } from './webhook-logs.service';

@ApiTags('Webhooks')
@Roles('WORKSPACE_ADMIN')
@Controller('v1/workspaces/:workspaceId/webhooks/:webhookId/logs')
export class WebhookLogsController {
  constructor(private readonly logs: WebhookLogsService) {}

  /**
   * One log per event sent to the webhook, with its latest attempt (status code, response excerpt of at most
   * 1 KB, duration) and the attempt count. `from`/`to` filter on when the event was enqueued. Paging headers
   * X-Total-Count, X-Page, X-Page-Size and Last-Page are set.
   */
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Get logs for a webhook', operationId: 'getLogsForWebhook' })
  @ApiOkResponse({ type: [WebhookLogDto] })
  search(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('webhookId', ObjectIdPipe) webhookId: string,
    @Query() query: WebhookLogQueryDto,
    @Body() body: WebhookLogSearchDto,
  ): Promise<Page<WebhookLogDto>> {
    return this.logs.search(ws, webhookId, query, body);
  }

  /**
   * Extension: sends a FAILED delivery again (same `webhook-id`, a fresh 24 h retry window). 409 when the
   * delivery is not FAILED (still pending, or succeeded).
   */
  @Post(':deliveryId/resend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-send a failed webhook delivery (extension)', operationId: 'resendWebhookDelivery' })
  @ApiOkResponse({ type: WebhookLogDto })
  resend(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('webhookId', ObjectIdPipe) webhookId: string,
    @Param('deliveryId', ObjectIdPipe) deliveryId: string,
  ): Promise<WebhookLogDto> {
    return this.logs.resend(ws, webhookId, deliveryId);
  }
}
