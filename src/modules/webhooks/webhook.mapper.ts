import { toInstant } from '../../common/utils/time';
import type { WebhookDto, WebhookLogDto } from './dto/webhook.dto';
import type { WebhookDelivery } from './entities/webhook-delivery.entity';
import type { Webhook } from './entities/webhook.entity';

export function toWebhookDto(w: Webhook): WebhookDto {
  return {
    authToken: w.token,
    deliveryEnabled: w.enabled,
    enabled: w.enabled,
    id: w.id,
    name: w.name,
    planEnabled: true,
    triggerSource: w.triggerSource,
    triggerSourceType: w.triggerSourceType,
    url: w.url,
    userId: w.userId,
    webhookEvent: w.webhookEvent,
    workspaceId: w.workspaceId,
    addonId: w.addonId,
    signingSecret: w.secret,
  };
}

export function toWebhookLogDto(d: WebhookDelivery): WebhookLogDto {
  return {
    id: d.id,
    requestBody: JSON.stringify(d.payload),
    respondedAt: d.respondedAt ? toInstant(d.respondedAt) : null,
    responseBody: d.responseExcerpt,
    statusCode: d.lastStatusCode,
    webhookEventStatusId: d.id,
    webhookId: d.webhookId,
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    durationMs: d.lastDurationMs,
    error: d.lastError,
    createdAt: toInstant(d.createdAt) ?? '',
    nextAttemptAt: d.status === 'PENDING' ? toInstant(d.nextAttemptAt) : null,
  };
}
