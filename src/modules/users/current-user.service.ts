import { Injectable, NotFoundException } from '@nestjs/common';
import type { UserDto } from './dto/user.dto';
import { UserDetailsService } from './user-details.service';
import { toUserDto } from './user.mapper';
import { UsersStore } from './users.store';

/** GET /v1/user: the calling user (for an add-on: the member it acts for). */
@Injectable()
export class CurrentUserService {
  constructor(
    private readonly store: UsersStore,
    private readonly details: UserDetailsService,
  ) {}

  async get(userId: string, includeMemberships: boolean): Promise<UserDto> {
    const row = await this.store.findRow(userId);
    if (!row) throw new NotFoundException('User not found');
    const workspaceId = row.active_workspace_id ?? row.default_workspace_id;
    const [memberships, customFields] = await Promise.all([
      includeMemberships
        ? this.details.memberships(null, [userId], ['WORKSPACE', 'PROJECT', 'USERGROUP'], userId)
        : Promise.resolve(null),
      this.details.customFields(workspaceId, [userId]),
    ]);
    return toUserDto(row, {
      memberships: memberships?.get(userId) ?? [],
      customFields: customFields.get(userId) ?? [],
    });
  }
}
