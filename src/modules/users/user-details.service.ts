import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MembershipDto } from '../../common/dto/membership.dto';
import type { UserCustomFieldValueDto } from '../custom-fields/dto/custom-field.dto';
import type { RoleDetailsDto } from './dto/role.dto';
import { UserDetailsStore } from './user-details.store';
import { groupBy, toMembershipDto, toRoleDetailsDto } from './user.mapper';
import type { MembershipType } from './user-list';

/**
 * What a user DTO carries besides the user row: memberships, custom field
 * values, roles. Each loads a whole page of users in one query.
 */
@Injectable()
export class UserDetailsService {
  constructor(private readonly store: UserDetailsStore) {}

  /**
   * Memberships of the users (in one workspace, or in all when `workspaceId`
   * is null). Rates are shown as the viewer may see them in each workspace:
   * cost rates to admins only, billable rates to admins or to everyone when the
   * workspace's `onlyAdminsSeeBillableRates` is off.
   */
  async memberships(
    workspaceId: string | null,
    userIds: string[],
    types: MembershipType[],
    viewerId: string,
    manager?: EntityManager,
  ): Promise<Map<string, MembershipDto[]>> {
    if (!userIds.length || !types.length) return new Map();
    const rows = await this.store.memberships(workspaceId, userIds, types, viewerId, manager);
    return groupBy(rows, (r) => r.user_id, toMembershipDto);
  }

  /** Stored custom field values of the users in the workspace. */
  async customFields(
    workspaceId: string | null,
    userIds: string[],
    manager?: EntityManager,
  ): Promise<Map<string, UserCustomFieldValueDto[]>> {
    if (!workspaceId || !userIds.length) return new Map();
    const rows = await this.store.customFields(workspaceId, userIds, manager);
    return groupBy(
      rows,
      (r) => r.user_id,
      (r) => ({
        customFieldId: r.id,
        customFieldName: r.name,
        customFieldType: r.type,
        userId: r.user_id,
        value: r.value,
      }),
    );
  }

  /** Every role the users hold in the workspace, owner and admin first. */
  async roles(workspaceId: string, userIds: string[], manager?: EntityManager): Promise<Map<string, RoleDetailsDto[]>> {
    if (!userIds.length) return new Map();
    const rows = await this.store.roles(workspaceId, userIds, manager);
    return groupBy(rows, (r) => r.user_id, toRoleDetailsDto);
  }
}
