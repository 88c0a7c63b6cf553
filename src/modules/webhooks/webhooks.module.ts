import { Module } from '@nestjs/common';
import { AddonsModule } from '../addons/addons.module';
import { DeliveryQueue } from './delivery/delivery-queue';
import { DeliveryDispatcher } from './delivery/dispatcher';
import { WebhookWorker } from './delivery/webhook-worker';
import { WebhookLogsController } from './webhook-logs.controller';
import { WebhookLogsService } from './webhook-logs.service';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Webhooks: CRUD, delivery logs, and the delivery worker that sends outbox events (every instance runs one). */
@Module({
  imports: [AddonsModule],
  controllers: [WebhooksController, WebhookLogsController],
  providers: [WebhooksService, WebhookLogsService, DeliveryDispatcher, DeliveryQueue, WebhookWorker],
})
export class WebhooksModule {}
