import { Module } from '@nestjs/common';
import { ProjectAccessService } from './project-access.service';

/** Projects and their memberships, estimates and rates. */
@Module({
  providers: [ProjectAccessService],
  exports: [ProjectAccessService],
})
export class ProjectsModule {}
