import { Module } from '@nestjs/common';
import { AddonWebhooksStore } from '../webhooks/addon-webhooks.store';
import { AddonKeysController } from './addon-keys.controller';
import { AddonsController } from './addons.controller';
import { AddonsService } from './addons.service';
import { AddonsStore } from './addons.store';
import { LifecycleRunner } from './lifecycle/lifecycle-runner';
import { LifecycleStore } from './lifecycle/lifecycle.store';

/** Add-on installations (CLI and HTTP), their tokens and keys, and their lifecycle calls (sent by the webhook worker's loop). */
@Module({
  controllers: [AddonsController, AddonKeysController],
  providers: [AddonsService, AddonsStore, AddonWebhooksStore, LifecycleStore, LifecycleRunner],
  exports: [AddonsService, LifecycleRunner],
})
export class AddonsModule {}
