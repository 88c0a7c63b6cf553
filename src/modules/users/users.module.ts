import { Module } from '@nestjs/common';
import { ApiKeysService } from './api-keys.service';
import { UsersService } from './users.service';

@Module({
  providers: [UsersService, ApiKeysService],
  exports: [UsersService, ApiKeysService],
})
export class UsersModule {}
