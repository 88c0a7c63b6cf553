import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';
import { TimeEntriesController } from './time-entries.controller';
import { TimeEntriesService } from './time-entries.service';
import { TimeEntryBulkService } from './time-entry-bulk.service';
import { TimeEntryEvents } from './time-entry-events';
import { TimeEntryHydrator } from './time-entry-hydrator';
import { TimeEntryListService } from './time-entry-list.service';
import { TimeEntryStore } from './time-entry.store';
import { TimeEntryWriter } from './time-entry-writer';
import { UserTimeEntriesController } from './user-time-entries.controller';

/** Time entries, the timer and templates (time-tracking issue). */
@Module({
  imports: [ProjectsModule],
  controllers: [TemplatesController, TimeEntriesController, UserTimeEntriesController],
  providers: [
    TimeEntryStore,
    TimeEntryWriter,
    TimeEntryEvents,
    TimeEntryHydrator,
    TimeEntriesService,
    TimeEntryListService,
    TimeEntryBulkService,
    TemplatesService,
  ],
  exports: [TimeEntryStore],
})
export class TimeEntriesModule {}
