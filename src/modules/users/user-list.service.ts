import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Page } from '../../common/dto/page';
import type { UserDto } from './dto/user.dto';
import { UserDetailsService } from './user-details.service';
import { ACCOUNT_STATUSES, UserListFilter } from './user-list';
import { UserListStore } from './user-list.store';
import { toUserDto } from './user.mapper';
import type { UserRow } from './users.store';

/** Two queries at once on the pool; one after the other inside a transaction (a single connection). */
async function both<A, B>(manager: EntityManager, a: () => Promise<A>, b: () => Promise<B>): Promise<[A, B]> {
  if (manager.queryRunner) return [await a(), await b()];
  return Promise.all([a(), b()]);
}

/** Who is looking: decides which rates are shown and sortable. */
export interface Viewer {
  userId: string;
  isAdmin: boolean;
}

/** The users of a workspace, filtered, sorted and paged in SQL (one query for the page, one for the total). */
@Injectable()
export class UserListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: UserListStore,
    private readonly details: UserDetailsService,
  ) {}

  async list(
    workspaceId: string,
    viewer: Viewer,
    filter: UserListFilter,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Page<UserDto>> {
    if (filter.projectId) await this.requireProject(workspaceId, filter.projectId, manager);
    const effective = { ...filter, sortColumn: await this.allowedSort(workspaceId, viewer, filter, manager) };
    const [rows, total] = await both(
      manager,
      () => this.store.page(workspaceId, effective, manager),
      () => this.store.total(workspaceId, effective, manager),
    );
    const items = await this.toDtos(workspaceId, viewer, rows, filter, manager);
    return new Page(items, total, filter.page);
  }

  /** One member of the workspace as a UserDto (any membership or account status), or null. */
  async findMember(
    workspaceId: string,
    viewer: Viewer,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserDto | null> {
    const rows = await this.store.page(
      workspaceId,
      {
        status: 'ALL',
        accountStatuses: ACCOUNT_STATUSES,
        userIds: [userId],
        memberships: ['WORKSPACE'],
        includeRoles: false,
        sortColumn: 'ID',
        sortOrder: 'ASCENDING',
        page: { page: 1, pageSize: 1 },
      },
      manager,
    );
    if (!rows.length) return null;
    const [dto] = await this.toDtos(
      workspaceId,
      viewer,
      rows,
      { memberships: ['WORKSPACE'], includeRoles: true },
      manager,
    );
    return dto;
  }

  private async toDtos(
    workspaceId: string,
    viewer: Viewer,
    rows: UserRow[],
    filter: Pick<UserListFilter, 'memberships' | 'includeRoles'>,
    manager: EntityManager,
  ): Promise<UserDto[]> {
    const ids = rows.map((r) => r.id);
    const [memberships, customFields] = await both(
      manager,
      () => this.details.memberships(workspaceId, ids, filter.memberships, viewer.userId, manager),
      () => this.details.customFields(workspaceId, ids, manager),
    );
    const roles = filter.includeRoles ? await this.details.roles(workspaceId, ids, manager) : null;
    return rows.map((row) =>
      toUserDto(row, {
        memberships: memberships.get(row.id),
        customFields: customFields.get(row.id),
        roles: roles ? (roles.get(row.id) ?? []) : undefined,
      }),
    );
  }

  /** Sorting by a rate the viewer may not see would reveal it: such a sort falls back to EMAIL. */
  private async allowedSort(
    workspaceId: string,
    viewer: Viewer,
    filter: UserListFilter,
    manager: EntityManager,
  ): Promise<UserListFilter['sortColumn']> {
    if (viewer.isAdmin) return filter.sortColumn;
    if (filter.sortColumn === 'COSTRATE') return 'EMAIL';
    if (filter.sortColumn !== 'HOURLYRATE') return filter.sortColumn;
    return (await this.store.onlyAdminsSeeBillableRates(workspaceId, manager)) === false ? 'HOURLYRATE' : 'EMAIL';
  }

  private async requireProject(workspaceId: string, projectId: string, manager: EntityManager): Promise<void> {
    if (!(await this.store.projectExists(workspaceId, projectId, manager)))
      throw new NotFoundException('Project not found');
  }
}
