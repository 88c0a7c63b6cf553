import { Global, Module } from '@nestjs/common';
import { PROJECT_TASKS } from './projects/project-extensions';
import { ENTRY_REPRICER, RATES_VERSIONS } from './rates/rate-extensions';
import { TaskInsertsStore } from './tasks/task-inserts.store';
import { TimeEntryRepricingStore } from './time-entries/time-entry-repricing.store';
import { MEMBER_SCHEDULES } from './users/member-extensions';
import { MemberScheduleStore } from './workspaces/member-schedule.store';
import { RatesVersionStore } from './workspaces/rates-version.store';

/**
 * What a module needs of the modules above it (that import it), as interfaces it owns, wired here to their
 * implementations so that no module imports one above it. Global, as modules lower down are imported by many.
 * A rate change re-prices time entries and bumps the workspace's rates version; a new project gets its tasks; a
 * member's profile sets the member's schedule in the workspace.
 */
@Global()
@Module({
  providers: [
    { provide: ENTRY_REPRICER, useValue: TimeEntryRepricingStore },
    { provide: RATES_VERSIONS, useValue: RatesVersionStore },
    { provide: PROJECT_TASKS, useValue: TaskInsertsStore },
    { provide: MEMBER_SCHEDULES, useValue: MemberScheduleStore },
  ],
  exports: [ENTRY_REPRICER, RATES_VERSIONS, PROJECT_TASKS, MEMBER_SCHEDULES],
})
export class ExtensionsModule {}
