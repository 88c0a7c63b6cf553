import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Page } from '../../common/dto/page';
import type { UserDto } from './dto/user.dto';
import { UserDetailsService } from './user-details.service';
import { ACCOUNT_STATUSES, UserListFilter } from './user-list';
import { buildUserListQuery } from './user-list.query';
import { toUserDto, UserRow } from './user.mapper';

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
    private readonly details: UserDetailsService,
  ) {}

  async list(workspaceId: string, viewer: Viewer, filter: UserListFilter, manager: EntityManager = this.dataSource.manager): Promise<Page<UserDto>> {
    if (filter.projectId) await this.requireProject(workspaceId, filter.projectId, manager);
    const effective = { ...filter, sortColumn: await this.allowedSort(workspaceId, viewer, filter, manager) };
    const { page, count } = buildUserListQuery(workspaceId, effective);
    const [rows, totals] = await both(
      manager,
      () => manager.query(page.sql, page.params) as Promise<UserRow[]>,
      () => manager.query(count.sql, count.params) as Promise<{ total: number }[]>,
    );
    const items = await this.toDtos(workspaceId, viewer, rows, filter, manager);
    return new Page(items, totals[0]?.total ?? 0, filter.page);
  }

  /** One member of the workspace as a UserDto (any membership or account status), or null. */
  async findMember(workspaceId: string, viewer: Viewer, userId: string, manager: EntityManager = this.dataSource.manager): Promise<UserDto | null> {
    const { page } = buildUserListQuery(workspaceId, {
      status: 'ALL',
      accountStatuses: ACCOUNT_STATUSES,
      userIds: [userId],
      memberships: ['WORKSPACE'],
      includeRoles: false,
      sortColumn: 'ID',
      sortOrder: 'ASCENDING',
      page: { page: 1, pageSize: 1 },
    });
    const rows: UserRow[] = await manager.query(page.sql, page.params);
    if (!rows.length) return null;
    const [dto] = await this.toDtos(workspaceId, viewer, rows, { memberships: ['WORKSPACE'], includeRoles: true }, manager);
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
  private async allowedSort(workspaceId: string, viewer: Viewer, filter: UserListFilter, manager: EntityManager): Promise<UserListFilter['sortColumn']> {
    if (viewer.isAdmin) return filter.sortColumn;
    if (filter.sortColumn === 'COSTRATE') return 'EMAIL';
    if (filter.sortColumn !== 'HOURLYRATE') return filter.sortColumn;
    const rows: { admins_only: boolean }[] = await manager.query(
      `SELECT coalesce((settings->>'onlyAdminsSeeBillableRates')::boolean, true) AS admins_only FROM workspaces WHERE id = $1`,
      [workspaceId],
    );
    return rows[0]?.admins_only === false ? 'HOURLYRATE' : 'EMAIL';
  }

  private async requireProject(workspaceId: string, projectId: string, manager: EntityManager): Promise<void> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM projects WHERE workspace_id = $1 AND id = $2', [workspaceId, projectId]);
    if (!rows.length) throw new NotFoundException('Project not found');
  }
}
