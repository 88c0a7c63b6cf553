import { Module } from '@nestjs/common';
import { MemberRolesRepository } from './member-roles.repository';

/**
 * The member_roles writer, a module of its own so that users (granting roles) and workspaces (the owner's
 * role) both import it without importing each other.
 */
@Module({
  providers: [MemberRolesRepository],
  exports: [MemberRolesRepository],
})
export class MemberRolesModule {}
