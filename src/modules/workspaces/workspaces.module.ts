import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { WorkspacesService } from './workspaces.service';

@Module({
  imports: [UsersModule],
  providers: [WorkspacesService],
  exports: [WorkspacesService],
})
export class WorkspacesModule {}
