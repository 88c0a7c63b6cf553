import { Module } from '@nestjs/common';
import { ApiKeysService } from './api-keys.service';
import { CurrentUserService } from './current-user.service';
import { ImagesService } from './images.service';
import { MemberRolesModule } from '../workspaces/member-roles.module';
import { MemberProfileController } from './member-profile.controller';
import { MemberProfileService } from './member-profile.service';
import { MembersController } from './members.controller';
import { UserDetailsService } from './user-details.service';
import { UserListService } from './user-list.service';
import { UserRolesService } from './user-roles.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [MemberRolesModule],
  controllers: [UsersController, MembersController, MemberProfileController],
  providers: [UsersService, ApiKeysService, CurrentUserService, ImagesService, UserDetailsService, UserListService, MemberProfileService, UserRolesService],
  exports: [UsersService, ApiKeysService, UserListService, UserDetailsService],
})
export class UsersModule {}
