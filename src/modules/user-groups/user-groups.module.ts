import { Module } from '@nestjs/common';
import { UserGroupsController } from './user-groups.controller';
import { UserGroupsReader } from './user-groups.reader';
import { UserGroupsService } from './user-groups.service';

/** User groups (catalog issue). */
@Module({
  controllers: [UserGroupsController],
  providers: [UserGroupsService, UserGroupsReader],
  exports: [UserGroupsService, UserGroupsReader],
})
export class UserGroupsModule {}
