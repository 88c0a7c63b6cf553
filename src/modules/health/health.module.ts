import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { HealthStore } from './health.store';

@Module({ controllers: [HealthController], providers: [HealthService, HealthStore] })
export class HealthModule {}
