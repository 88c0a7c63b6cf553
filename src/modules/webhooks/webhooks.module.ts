import { type DynamicModule, type ModuleMetadata, Module, type Type } from '@nestjs/common';
import { DeliveryQueue } from './delivery/delivery-queue.store';
import { DeliveryDispatcher } from './delivery/dispatcher';
import { WebhookWorker } from './delivery/webhook-worker';
import { DUE_JOB_RUNNERS, type DueJobRunner, WEBHOOK_ADDONS, type WebhookAddons } from './webhook-extensions';
import { WebhookLogsController } from './webhook-logs.controller';
import { WebhookLogsService } from './webhook-logs.service';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';
import { WebhooksStore } from './webhooks.store';
import { DispatchStore } from './delivery/dispatch.store';

export interface WebhooksModuleOptions {
  /** The modules that provide `addons` and `jobRunners`. */
  imports: NonNullable<ModuleMetadata['imports']>;
  addons: Type<WebhookAddons>;
  jobRunners: Type<DueJobRunner>[];
}

/** Webhooks: CRUD, delivery logs, and the delivery worker that sends outbox events (every instance runs one). */
@Module({})
export class WebhooksModule {
  static register(options: WebhooksModuleOptions): DynamicModule {
    return {
      module: WebhooksModule,
      imports: options.imports,
      controllers: [WebhooksController, WebhookLogsController],
      providers: [
        { provide: WEBHOOK_ADDONS, useExisting: options.addons },
        {
          provide: DUE_JOB_RUNNERS,
          useFactory: (...runners: DueJobRunner[]) => runners,
          inject: options.jobRunners,
        },
        WebhooksService,
        WebhookLogsService,
        WebhooksStore,
        DeliveryDispatcher,
        DispatchStore,
        DeliveryQueue,
        WebhookWorker,
      ],
    };
  }
}
