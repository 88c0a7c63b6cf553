import { Module } from '@nestjs/common';

/** Webhooks and deliveries (integrators issue). */
@Module({})
export class WebhooksModule {}
