import { Module } from '@nestjs/common';
import { EntityChangesController } from './entity-changes.controller';
import { EntityChangesService } from './entity-changes.service';
import { EntityChangesStore } from './entity-changes.store';

/** The change feed over the outbox (integrators issue). */
@Module({
  controllers: [EntityChangesController],
  providers: [EntityChangesService, EntityChangesStore],
})
export class EntityChangesModule {}
