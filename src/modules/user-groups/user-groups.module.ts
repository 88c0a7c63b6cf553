import { Module } from '@nestjs/common';
import { UserGroupsController } from './user-groups.controller';
import { UserGroupsStore } from './user-groups.store';
import { UserGroupsService } from './user-groups.service';

/** User groups (catalog issue). */
@Module({
  controllers: [UserGroupsController],
  providers: [UserGroupsService, UserGroupsStore],
  exports: [UserGroupsService, UserGroupsStore],
})
export class UserGroupsModule {}
