import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { UserGroupsController } from './user-groups.controller';
import { UserGroupsStore } from './user-groups.store';
import { UserGroupsService } from './user-groups.service';

/** User groups (catalog issue). */
@Module({
  imports: [WorkspacesModule],
  controllers: [UserGroupsController],
  providers: [UserGroupsService, UserGroupsStore],
  exports: [UserGroupsService, UserGroupsStore],
})
export class UserGroupsModule {}
