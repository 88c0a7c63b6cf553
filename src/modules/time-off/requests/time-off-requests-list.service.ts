import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { mayActForSql } from '../../../common/access';
import type { GetTimeOffRequestsDto } from './dto/time-off-request-requests.dto';
import type { TimeOffRequestsWithCountDto } from './dto/time-off-request.dto';
import { REQUEST_SELECT, type RequestRow, toFullRequestDto } from './time-off-requests.store';

/**
 * POST time-off/requests: admins see every request, team managers their own
 * and their members', others their own; the body narrows by users, groups,
 * statuses and a period the request overlaps.
 */
@Injectable()
export class TimeOffRequestsListService {
  constructor(private readonly dataSource: DataSource) {}

  async list(ws: WorkspaceContext, dto: GetTimeOffRequestsDto): Promise<TimeOffRequestsWithCountDto> {
    const params: unknown[] = [ws.workspaceId];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['r.workspace_id = $1'];
    if (!ws.isAdmin) {
      const me = p(ws.userId);
      where.push(mayActForSql({ workspace: '$1', caller: me, user: 'r.user_id' }));
    }
    if (dto.users?.length) where.push(`r.user_id = ANY(${p(dto.users)})`);
    if (dto.userGroups?.length) {
      where.push(`r.user_id IN (SELECT g.user_id FROM user_group_members g WHERE g.workspace_id = $1 AND g.user_group_id = ANY(${p(dto.userGroups)}))`);
    }
    const statuses = dto.statuses ?? [];
    if (statuses.length && !statuses.includes('ALL')) where.push(`r.status = ANY(${p(statuses)})`);
    if (dto.start) where.push(`r.end_date >= ${p(instantDate(dto.start, 'start'))}::date`);
    if (dto.end) where.push(`r.start_date <= ${p(instantDate(dto.end, 'end'))}::date`);

    const page = dto.page ?? 1;
    const pageSize = dto.pageSize ?? 50;
    const filter = where.join(' AND ');
    const rows: RequestRow[] = await this.dataSource.query(
      `${REQUEST_SELECT} WHERE ${filter} ORDER BY r.start_date DESC, r.created_at DESC, r.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    const [{ count }]: { count: number }[] = await this.dataSource.query(`SELECT count(*)::int AS count FROM time_off_requests r WHERE ${filter}`, params);
    return { count, requests: rows.map(toFullRequestDto) };
  }
}

/** The UTC date of an instant (or a plain date). */
function instantDate(value: string, field: string): string {
  const ms = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) throw new BadRequestException(`${field} must be an instant (yyyy-MM-ddThh:mm:ssZ)`);
  return new Date(ms).toISOString().slice(0, 10);
}
