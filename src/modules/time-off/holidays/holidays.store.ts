import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { autoEntryDto, type AutoEntrySettings } from '../shared/time-off-shared.dto';
import { holidayAppliesTo, holidayOccurrencesSql } from '../shared/assignment.store';
import type { DeletedHolidayDto, HolidayDto } from './dto/holiday.dto';

interface HolidayRow {
  id: string;
  workspace_id: string;
  name: string;
  start_date: string;
  end_date: string;
  occurs_annually: boolean;
  everyone: boolean;
  automatic_time_entry_creation: AutoEntrySettings | null;
  color: string | null;
}

interface LinkRow {
  holiday_id: string;
  id: string;
  name: string;
}

const columns = (
  h: string,
) => `${h}.id, ${h}.workspace_id, ${h}.name, ${h}.start_date::text AS start_date, ${h}.end_date::text AS end_date,
                 ${h}.occurs_annually, ${h}.everyone, ${h}.automatic_time_entry_creation, ${h}.color`;
const COLUMNS = columns('h');

/** The columns of a holiday as `HolidaysStore.upsert` writes them. */
export interface HolidayValues {
  name: string;
  startDate: string;
  endDate: string;
  occursAnnually: boolean;
  everyone: boolean;
  automaticTimeEntryCreation: string | null;
  color: string | null;
}

/** Reads holidays with their users and groups (one query per kind for a whole list) and writes them. */
@Injectable()
export class HolidaysStore {
  constructor(private readonly dataSource: DataSource) {}

  async list(workspaceId: string, assignedTo: string | undefined): Promise<HolidayDto[]> {
    const rows: HolidayRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM holidays h
        WHERE h.workspace_id = $1 ${assignedTo ? `AND ${holidayAppliesTo('h', '$2')}` : ''}
        ORDER BY h.start_date, lower(h.name), h.id`,
      assignedTo ? [workspaceId, assignedTo] : [workspaceId],
    );
    return this.hydrate(this.dataSource.manager, rows);
  }

  /** Occurrences of the user's holidays overlapping `start`..`end`; annual ones once per year, with that year's dates. */
  async inPeriod(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    start: string,
    end: string,
  ): Promise<HolidayDto[]> {
    const rows: (HolidayRow & { occ_start: string; occ_end: string })[] = await manager.query(
      `SELECT ${columns('o')}, o.occ_start::text AS occ_start, o.occ_end::text AS occ_end
         FROM (${holidayOccurrencesSql(`AND ${holidayAppliesTo('h', '$4')}`)}) o
        ORDER BY o.occ_start, lower(o.name), o.id`,
      [workspaceId, start, end, userId],
    );
    const shifted = rows.map((row) => ({ ...row, start_date: row.occ_start, end_date: row.occ_end }));
    return this.hydrate(manager, shifted);
  }

  async one(manager: EntityManager, workspaceId: string, id: string, lock = false): Promise<HolidayDto> {
    const rows: HolidayRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM holidays h WHERE h.workspace_id = $1 AND h.id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [workspaceId, id],
    );
    if (!rows.length) throw new NotFoundException('Holiday not found');
    const [holiday] = await this.hydrate(manager, rows);
    return holiday;
  }

  /** The HolidayDto shape the delete answers with: settings as an object, names of users and groups. */
  async detailed(manager: EntityManager, workspaceId: string, id: string): Promise<DeletedHolidayDto> {
    const rows: HolidayRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM holidays h WHERE h.workspace_id = $1 AND h.id = $2 FOR UPDATE`,
      [workspaceId, id],
    );
    if (!rows.length) throw new NotFoundException('Holiday not found');
    const row = rows[0];
    const { users, groups } = await this.links(manager, [id]);
    const strip = (links: LinkRow[]) => links.map(({ id: linkId, name }) => ({ id: linkId, name }));
    return {
      id: row.id,
      name: row.name,
      workspaceId: row.workspace_id,
      datePeriod: { startDate: row.start_date, endDate: row.end_date },
      occursAnnually: row.occurs_annually,
      everyoneIncludingNew: row.everyone,
      automaticTimeEntryCreation: autoEntryDto(row.automatic_time_entry_creation),
      color: row.color,
      userIds: users.map((u) => u.id),
      userGroupIds: groups.map((g) => g.id),
      users: strip(users),
      userGroups: strip(groups),
    };
  }

  private async hydrate(manager: EntityManager, rows: HolidayRow[]): Promise<HolidayDto[]> {
    if (!rows.length) return [];
    const { users, groups } = await this.links(manager, [...new Set(rows.map((r) => r.id))]);
    const idsOf = (links: LinkRow[], holidayId: string) =>
      links.filter((l) => l.holiday_id === holidayId).map((l) => l.id);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      workspaceId: row.workspace_id,
      datePeriod: { startDate: row.start_date, endDate: row.end_date },
      occursAnnually: row.occurs_annually,
      everyoneIncludingNew: row.everyone,
      automaticTimeEntryCreation: row.automatic_time_entry_creation?.enabled ?? false,
      projectId: row.automatic_time_entry_creation?.projectId ?? null,
      taskId: row.automatic_time_entry_creation?.taskId ?? null,
      color: row.color,
      userIds: idsOf(users, row.id),
      userGroupIds: idsOf(groups, row.id),
    }));
  }

  private async links(manager: EntityManager, holidayIds: string[]): Promise<{ users: LinkRow[]; groups: LinkRow[] }> {
    const users: LinkRow[] = await manager.query(
      `SELECT hu.holiday_id, hu.user_id AS id, u.name FROM holiday_users hu JOIN users u ON u.id = hu.user_id
          WHERE hu.holiday_id = ANY($1) ORDER BY hu.user_id`,
      [holidayIds],
    );
    const groups: LinkRow[] = await manager.query(
      `SELECT hg.holiday_id, hg.user_group_id AS id, g.name FROM holiday_user_groups hg
           JOIN user_groups g ON g.workspace_id = hg.workspace_id AND g.id = hg.user_group_id
          WHERE hg.holiday_id = ANY($1) ORDER BY hg.user_group_id`,
      [holidayIds],
    );
    return { users, groups };
  }

  /** Inserts the holiday, or sets every field of the existing one. */
  async upsert(manager: EntityManager, workspaceId: string, id: string, v: HolidayValues): Promise<void> {
    await manager.query(
      `INSERT INTO holidays (workspace_id, id, name, start_date, end_date, occurs_annually, everyone, automatic_time_entry_creation, color)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET name = $3, start_date = $4, end_date = $5, occurs_annually = $6, everyone = $7,
              automatic_time_entry_creation = $8, color = $9
        WHERE holidays.workspace_id = $1`,
      [
        workspaceId,
        id,
        v.name,
        v.startDate,
        v.endDate,
        v.occursAnnually,
        v.everyone,
        v.automaticTimeEntryCreation,
        v.color,
      ],
    );
  }

  async delete(manager: EntityManager, workspaceId: string, id: string): Promise<void> {
    await manager.query(`DELETE FROM holidays WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  }
}
