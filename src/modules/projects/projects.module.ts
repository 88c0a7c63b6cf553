import { Module } from '@nestjs/common';
import { ProjectAccessService } from './project-access.service';
import { ProjectChanges } from './project-changes';
import { ProjectEstimatesService } from './project-estimates.service';
import { ProjectListService } from './project-list.service';
import { ProjectMembersService } from './project-members.service';
import { ProjectReader } from './project-reader';
import { ProjectTemplatesService } from './project-templates.service';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

/** Projects and their memberships, estimates and rates. */
@Module({
  controllers: [ProjectsController],
  providers: [
    ProjectAccessService, ProjectReader, ProjectChanges, ProjectsService, ProjectListService,
    ProjectEstimatesService, ProjectMembersService, ProjectTemplatesService,
  ],
  exports: [ProjectAccessService, ProjectReader],
})
export class ProjectsModule {}
