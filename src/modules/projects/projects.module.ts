import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { ProjectAccessService } from './project-access.service';
import { ProjectChangesService } from './project-changes.service';
import { ProjectEstimatesService } from './project-estimates.service';
import { ProjectListService } from './project-list.service';
import { ProjectMembersService } from './project-members.service';
import { ProjectViewsService } from './project-views.service';
import { ProjectTemplatesService } from './project-templates.service';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

/** Projects and their memberships, estimates and rates. */
@Module({
  imports: [WorkspacesModule],
  controllers: [ProjectsController],
  providers: [
    ProjectAccessService,
    ProjectViewsService,
    ProjectChangesService,
    ProjectsService,
    ProjectListService,
    ProjectEstimatesService,
    ProjectMembersService,
    ProjectTemplatesService,
  ],
  exports: [ProjectAccessService, ProjectViewsService],
})
export class ProjectsModule {}
