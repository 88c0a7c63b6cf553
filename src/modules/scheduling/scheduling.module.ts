import { Module } from '@nestjs/common';
import { AssignmentListService } from './assignment-list.service';
import { AssignmentSeriesService } from './assignment-series.service';
import { AssignmentListStore } from './assignment-list.store';
import { AssignmentStore } from './assignment.store';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';
import { ProjectTotalsService } from './project-totals.service';
import { SchedulingDeprecatedController, SchedulingTotalsController } from './scheduling-totals.controller';
import { UserTotalsService } from './user-totals.service';

/** Scheduling assignments: recurring series, publishing, capacity totals (scheduling issue). */
@Module({
  controllers: [SchedulingTotalsController, SchedulingDeprecatedController, AssignmentsController],
  providers: [
    AssignmentStore,
    AssignmentListStore,
    AssignmentsService,
    AssignmentSeriesService,
    AssignmentListService,
    UserTotalsService,
    ProjectTotalsService,
  ],
})
export class SchedulingModule {}
