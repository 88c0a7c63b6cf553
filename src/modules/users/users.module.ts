import { Module } from '@nestjs/common';
import { ApiKeysService } from './api-keys.service';
import { CurrentUserService } from './current-user.service';
import { ImagesService } from './images.service';
import { MemberProfileController } from './member-profile.controller';
import { MemberProfileService } from './member-profile.service';
import { MembersController } from './members.controller';
import { MemberProfileStore } from './member-profile.store';
import { UserDetailsService } from './user-details.service';
import { UserDetailsStore } from './user-details.store';
import { UserListService } from './user-list.service';
import { UserListStore } from './user-list.store';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';
import { UsersStore } from './users.store';

@Module({
  controllers: [UsersController, MembersController, MemberProfileController],
  providers: [
    UsersService,
    ApiKeysService,
    CurrentUserService,
    ImagesService,
    UserDetailsService,
    UserListService,
    MemberProfileService,
    UsersStore,
    UserDetailsStore,
    UserListStore,
    MemberProfileStore,
  ],
  exports: [UsersStore, UsersService, ApiKeysService, UserListService, UserDetailsService],
})
export class UsersModule {}
