import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { OutboxService } from '../../../common/outbox/outbox.service';
import { newId } from '../../../common/utils/ids';
import { replaceLinks } from '../shared/assignees.store';
import { includedIds } from '../shared/included-ids';
import { dateMs } from '../shared/time-off-duration';
import { autoEntrySettings, jsonOrNull } from '../shared/time-off-shared.dto';
import type { CreateHolidayDto, HolidaysInPeriodQueryDto, UpdateHolidayDto } from './dto/holiday-requests.dto';
import type { DeletedHolidayDto, HolidayDto } from './dto/holiday.dto';
import { HolidaysStore } from './holidays.store';

const LINKS = { users: 'holiday_users', groups: 'holiday_user_groups', owner: 'holiday_id' };

/** The date part of `yyyy-MM-dd` or `yyyy-MM-ddThh:mm:ssZ`, 400 when it is not a real date. */
export function queryDate(value: string, field: string): string {
  const date = value.slice(0, 10);
  const rest = value.slice(10);
  if (Number.isNaN(dateMs(date)) || (rest && Number.isNaN(Date.parse(value)))) {
    throw new BadRequestException(`${field} must be a date (yyyy-MM-dd) or an instant (yyyy-MM-ddThh:mm:ssZ)`);
  }
  return date;
}

/** Creating, changing and deleting holidays, each with its outbox event. */
@Injectable()
export class HolidaysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly store: HolidaysStore,
  ) {}

  list(workspaceId: string, assignedTo: string | undefined): Promise<HolidayDto[]> {
    return this.store.list(workspaceId, assignedTo);
  }

  inPeriod(workspaceId: string, query: HolidaysInPeriodQueryDto): Promise<HolidayDto[]> {
    const start = queryDate(query.start, 'start');
    const end = queryDate(query.end, 'end');
    if (end < start) throw new BadRequestException('end must not be before start');
    if (Number(end.slice(0, 4)) - Number(start.slice(0, 4)) > 100)
      throw new BadRequestException('The period may span at most 100 years');
    return this.store.inPeriod(this.dataSource.manager, workspaceId, query['assigned-to'], start, end);
  }

  create(ws: WorkspaceContext, dto: CreateHolidayDto): Promise<HolidayDto> {
    const id = newId();
    return this.dataSource.transaction(async (manager) => {
      return this.write(manager, ws.workspaceId, id, dto, 'HOLIDAY_CREATED');
    });
  }

  update(ws: WorkspaceContext, id: string, dto: UpdateHolidayDto): Promise<HolidayDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.store.one(manager, ws.workspaceId, id, true);
      return this.write(manager, ws.workspaceId, id, dto, 'HOLIDAY_UPDATED');
    });
  }

  delete(ws: WorkspaceContext, id: string): Promise<DeletedHolidayDto> {
    return this.dataSource.transaction(async (manager) => {
      const holiday = await this.store.detailed(manager, ws.workspaceId, id);
      await this.store.delete(manager, ws.workspaceId, id);
      await this.outbox.record(manager, {
        workspaceId: ws.workspaceId,
        entityType: 'HOLIDAY',
        entityId: id,
        event: 'HOLIDAY_DELETED',
        payload: holiday,
      });
      return holiday;
    });
  }

  /** Sets every field of the holiday from `dto` (create and PUT alike) and records `event`. */
  private async write(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    dto: CreateHolidayDto,
    event: string,
  ): Promise<HolidayDto> {
    const { startDate, endDate } = dto.datePeriod;
    if (Number.isNaN(dateMs(startDate)) || Number.isNaN(dateMs(endDate)))
      throw new BadRequestException('datePeriod holds an invalid date');
    if (endDate < startDate) throw new BadRequestException('datePeriod.endDate must not be before startDate');
    const userIds = includedIds(dto.users, 'users');
    const groupIds = includedIds(dto.userGroups, 'userGroups');
    const everyone = dto.everyoneIncludingNew ?? (!userIds.length && !groupIds.length);
    await this.store.upsert(manager, workspaceId, id, {
      name: dto.name,
      startDate,
      endDate,
      occursAnnually: dto.occursAnnually ?? false,
      everyone,
      automaticTimeEntryCreation: jsonOrNull(autoEntrySettings(dto.automaticTimeEntryCreation)),
      color: dto.color ?? null,
    });
    await replaceLinks(manager, LINKS, workspaceId, id, userIds, groupIds);
    const holiday = await this.store.one(manager, workspaceId, id);
    await this.outbox.record(manager, { workspaceId, entityType: 'HOLIDAY', entityId: id, event, payload: holiday });
    return holiday;
  }
}
