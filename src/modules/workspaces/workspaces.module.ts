import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { MemberRolesStore } from './member-roles.store';
import { UserRolesController } from './user-roles.controller';
import { UserRolesService } from './user-roles.service';
import { WorkspaceAdminController } from './workspace-admin.controller';
import { WorkspaceMembersService } from './workspace-members.service';
import { WorkspaceRatesService } from './workspace-rates.service';
import { WorkspacesController } from './workspaces.controller';
import { WorkspacesService } from './workspaces.service';
import { WorkspacesStore } from './workspaces.store';

@Module({
  imports: [UsersModule],
  controllers: [WorkspacesController, WorkspaceAdminController, UserRolesController],
  providers: [
    WorkspacesService,
    WorkspaceMembersService,
    WorkspaceRatesService,
    UserRolesService,
    WorkspacesStore,
    MemberRolesStore,
  ],
  exports: [WorkspacesService, MemberRolesStore],
})
export class WorkspacesModule {}
