import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { MemberRolesModule } from './member-roles.module';
import { WorkspaceAdminController } from './workspace-admin.controller';
import { WorkspaceMembersService } from './workspace-members.service';
import { WorkspaceRatesService } from './workspace-rates.service';
import { WorkspacesController } from './workspaces.controller';
import { WorkspacesService } from './workspaces.service';

@Module({
  imports: [UsersModule, MemberRolesModule],
  controllers: [WorkspacesController, WorkspaceAdminController],
  providers: [WorkspacesService, WorkspaceMembersService, WorkspaceRatesService],
  exports: [WorkspacesService],
})
export class WorkspacesModule {}
