import type { EntityManager } from 'typeorm';
import type { SharedReportsQueryDto } from './dto/shared-report.dto';

type SharedReportsFilter = SharedReportsQueryDto['sharedReportsFilter'];

/** A shared report with its visibility lists. */
export interface SharedReportRow {
  id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  type: string;
  filter: Record<string, unknown>;
  is_public: boolean;
  fixed_date: boolean;
  visible_users: string[];
  visible_groups: string[];
}

/** The row with its visibility lists, as arrays (one query). */
const SHARED_REPORT_SELECT = `
  SELECT r.id, r.workspace_id, r.user_id, r.name, r.type, r.filter, r.is_public, r.fixed_date,
         COALESCE((SELECT array_agg(u.user_id ORDER BY u.user_id) FROM shared_report_users u WHERE u.shared_report_id = r.id), '{}') AS visible_users,
         COALESCE((SELECT array_agg(g.user_group_id ORDER BY g.user_group_id) FROM shared_report_user_groups g
           WHERE g.shared_report_id = r.id), '{}') AS visible_groups
    FROM shared_reports r`;

/** The id and name of a user or group a report is shared with. */
export interface EntityNameRow {
  id: string;
  name: string;
}

/** A row of the list page: the report, the total of matching reports and the names of whom it is shared with. */
export type SharedReportListRow = SharedReportRow & {
  total: string;
  user_names: EntityNameRow[];
  group_names: EntityNameRow[];
};

/** The columns of a new shared report. */
export interface NewSharedReport {
  id: string;
  workspaceId: string;
  userId: string;
  name: string;
  type: string;
  filter: Record<string, unknown>;
  isPublic: boolean;
  fixedDate: boolean;
  dateRangeType: string | null;
  dateRangeStart: string | null;
  dateRangeEnd: string | null;
}

/** Which reports a list shows, over $1 workspace and $2 caller. */
function listCondition(which: SharedReportsFilter): string {
  const mine = 'r.user_id = $2';
  const sharedWithMe = `(r.user_id <> $2 AND (
        EXISTS (SELECT 1 FROM shared_report_users u WHERE u.shared_report_id = r.id AND u.user_id = $2)
        OR EXISTS (SELECT 1 FROM shared_report_user_groups g JOIN user_group_members m ON m.user_group_id = g.user_group_id
                    WHERE g.shared_report_id = r.id AND m.user_id = $2)))`;
  return { ALL: `(${mine} OR ${sharedWithMe})`, CREATED_BY_ME: mine, SHARED_WITH_ME: sharedWithMe }[which];
}

/** SQL of shared reports and their visibility lists (the caller passes the manager, and with it its transaction). */
export const SharedReportsStore = {
  /** The report of that id, in whichever workspace (the public endpoint). */
  async byId(manager: EntityManager, id: string): Promise<SharedReportRow | undefined> {
    const rows: SharedReportRow[] = await manager.query(`${SHARED_REPORT_SELECT} WHERE r.id = $1`, [id]);
    return rows[0];
  },

  async find(manager: EntityManager, workspaceId: string, id: string): Promise<SharedReportRow | undefined> {
    const rows: SharedReportRow[] = await manager.query(
      `${SHARED_REPORT_SELECT} WHERE r.workspace_id = $1 AND r.id = $2`,
      [workspaceId, id],
    );
    return rows[0];
  },

  /** A page of the reports the caller sees (`which`), by name. */
  page(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    which: SharedReportsFilter,
    page: number,
    pageSize: number,
  ): Promise<SharedReportListRow[]> {
    const condition = listCondition(which);
    return manager.query(
      `WITH page AS (
         ${SHARED_REPORT_SELECT}
          WHERE r.workspace_id = $1 AND ${condition}
       )
       SELECT p.*, count(*) OVER () AS total,
              COALESCE((SELECT json_agg(json_build_object('id', us.id, 'name', us.name) ORDER BY us.name) FROM users us
                WHERE us.id = ANY(p.visible_users)), '[]') AS user_names,
              COALESCE((SELECT json_agg(json_build_object('id', ug.id, 'name', ug.name) ORDER BY ug.name)
                FROM user_groups ug WHERE ug.id = ANY(p.visible_groups)), '[]') AS group_names
         FROM page p
        ORDER BY lower(p.name), p.id
        LIMIT $3 OFFSET $4`,
      [workspaceId, userId, pageSize, (page - 1) * pageSize],
    );
  },

  /** How many reports the caller sees (`which`). */
  async count(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    which: SharedReportsFilter,
  ): Promise<number> {
    const condition = listCondition(which);
    const [{ n }]: { n: string }[] = await manager.query(
      `SELECT count(*) AS n FROM shared_reports r WHERE r.workspace_id = $1 AND ${condition}`,
      [workspaceId, userId],
    );
    return Number(n);
  },

  async insert(manager: EntityManager, r: NewSharedReport): Promise<void> {
    await manager.query(
      `INSERT INTO shared_reports (id, workspace_id, user_id, name, type, filter, is_public, fixed_date, date_range_type, date_range_start, date_range_end)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        r.id,
        r.workspaceId,
        r.userId,
        r.name,
        r.type,
        JSON.stringify(r.filter),
        r.isPublic,
        r.fixedDate,
        r.dateRangeType,
        r.dateRangeStart,
        r.dateRangeEnd,
      ],
    );
  },

  /** Renames the report; `isPublic` and `fixedDate` change when given (not null). */
  async update(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    name: string,
    isPublic: boolean | null,
    fixedDate: boolean | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE shared_reports SET name = $3, is_public = COALESCE($4, is_public), fixed_date = COALESCE($5, fixed_date)
          WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, name, isPublic, fixedDate],
    );
  },

  async delete(manager: EntityManager, workspaceId: string, id: string): Promise<void> {
    await manager.query('DELETE FROM shared_reports WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  },

  /** Locks the report FOR UPDATE and answers its author; undefined when it is not in this workspace. */
  async lockAuthor(manager: EntityManager, workspaceId: string, id: string): Promise<string | undefined> {
    const locked: { user_id: string }[] = await manager.query(
      'SELECT user_id FROM shared_reports WHERE workspace_id = $1 AND id = $2 FOR UPDATE',
      [workspaceId, id],
    );
    return locked[0]?.user_id;
  },

  async replaceUsers(manager: EntityManager, workspaceId: string, id: string, userIds: string[]): Promise<void> {
    await manager.query('DELETE FROM shared_report_users WHERE shared_report_id = $1', [id]);
    await manager.query(
      `INSERT INTO shared_report_users (workspace_id, shared_report_id, user_id) SELECT $1, $2, u FROM unnest($3::char(24)[]) AS u ON CONFLICT DO NOTHING`,
      [workspaceId, id, userIds],
    );
  },

  async replaceGroups(manager: EntityManager, workspaceId: string, id: string, groupIds: string[]): Promise<void> {
    await manager.query('DELETE FROM shared_report_user_groups WHERE shared_report_id = $1', [id]);
    await manager.query(
      `INSERT INTO shared_report_user_groups (workspace_id, shared_report_id, user_group_id) SELECT $1, $2, g FROM unnest($3::char(24)[]) AS g ON CONFLICT DO NOTHING`,
      [workspaceId, id, groupIds],
    );
  },

  /** Whether the user is in one of these groups. */
  async inAnyGroup(manager: EntityManager, workspaceId: string, userId: string, groupIds: string[]): Promise<boolean> {
    const inGroup: unknown[] = await manager.query(
      `SELECT 1 FROM user_group_members WHERE workspace_id = $1 AND user_id = $2 AND user_group_id = ANY($3::bpchar[]) LIMIT 1`,
      [workspaceId, userId, groupIds],
    );
    return inGroup.length > 0;
  },
};
