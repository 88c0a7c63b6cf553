import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../../common/auth/principal';
import type { GetTimeOffRequestsDto } from './dto/time-off-request-requests.dto';
import type { TimeOffRequestsWithCountDto } from './dto/time-off-request.dto';
import { TimeOffRequestsStore, toFullRequestDto } from './time-off-requests.store';

/**
 * POST time-off/requests: admins see every request, team managers their own
 * and their members', others their own; the body narrows by users, groups,
 * statuses and a period the request overlaps.
 */
@Injectable()
export class TimeOffRequestsListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TimeOffRequestsStore,
  ) {}

  async list(ws: WorkspaceContext, dto: GetTimeOffRequestsDto): Promise<TimeOffRequestsWithCountDto> {
    const { rows, count } = await this.store.page(
      this.dataSource.manager,
      ws.workspaceId,
      {
        caller: ws.isAdmin ? undefined : ws.userId,
        users: dto.users,
        userGroups: dto.userGroups,
        statuses: dto.statuses ?? [],
        start: dto.start ? instantDate(dto.start, 'start') : undefined,
        end: dto.end ? instantDate(dto.end, 'end') : undefined,
      },
      dto.page ?? 1,
      dto.pageSize ?? 50,
    );
    return { count, requests: rows.map(toFullRequestDto) };
  }
}

/** The UTC date of an instant (or a plain date). */
function instantDate(value: string, field: string): string {
  const ms = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) throw new BadRequestException(`${field} must be an instant (yyyy-MM-ddThh:mm:ssZ)`);
  return new Date(ms).toISOString().slice(0, 10);
}
