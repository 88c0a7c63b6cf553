import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UserDto } from './dto/user.dto';
import { UserDetailsService } from './user-details.service';
import { toUserDto, UserRow } from './user.mapper';

/** GET /v1/user: the calling user (for an add-on: the member it acts for). */
@Injectable()
export class CurrentUserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly details: UserDetailsService,
  ) {}

  async get(userId: string, includeMemberships: boolean): Promise<UserDto> {
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT id, email, name, status, profile_picture, settings, default_workspace_id, active_workspace_id FROM users WHERE id = $1`,
      [userId],
    );
    const row = rows[0];
    if (!row) throw new NotFoundException('User not found');
    const workspaceId = row.active_workspace_id ?? row.default_workspace_id;
    const [memberships, customFields] = await Promise.all([
      includeMemberships ? this.details.memberships(null, [userId], ['WORKSPACE', 'PROJECT', 'USERGROUP'], userId) : Promise.resolve(null),
      this.details.customFields(workspaceId, [userId]),
    ]);
    return toUserDto(row, { memberships: memberships?.get(userId) ?? [], customFields: customFields.get(userId) ?? [] });
  }
}
