import { Module } from '@nestjs/common';

/** User groups (catalog issue). */
@Module({})
export class UserGroupsModule {}
