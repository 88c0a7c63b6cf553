import { Module } from '@nestjs/common';
import { AddonsModule } from '../addons/addons.module';
import { DeliveryQueue } from './delivery/delivery-queue.store';
import { DeliveryDispatcher } from './delivery/dispatcher';
import { WebhookWorker } from './delivery/webhook-worker';
import { WebhookLogsController } from './webhook-logs.controller';
import { WebhookLogsService } from './webhook-logs.service';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';
import { WebhooksStore } from './webhooks.store';
import { DispatchStore } from './delivery/dispatch.store';

/** Webhooks: CRUD, delivery logs, and the delivery worker that sends outbox events (every instance runs one). */
@Module({
  imports: [AddonsModule],
  controllers: [WebhooksController, WebhookLogsController],
  providers: [
    WebhooksService,
    WebhookLogsService,
    WebhooksStore,
    DeliveryDispatcher,
    DispatchStore,
    DeliveryQueue,
    WebhookWorker,
  ],
})
export class WebhooksModule {}
