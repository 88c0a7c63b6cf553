import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { OutboxService } from '../../common/outbox/outbox.service';
import type { AssignmentRow } from './assignment.mapper';
import { recordAssignments } from './assignment-events';
import { AssignmentSeriesStore } from './assignment-series.store';
import { AssignmentStore, type AssignmentValues, type NewAssignment, valuesOf } from './assignment.store';
import type { AssignmentDto } from './dto/assignment.dto';
import type {
  AssignmentCreateRequestDto,
  AssignmentUpdateRequestDto,
  SeriesUpdateOption,
} from './dto/assignment-requests.dto';
import { addDays, dayRange, daysBetween } from './scheduling-days';

/** The occurrences of a series do not overlap: each lasts at most a week. */
export function assertWeekly(values: Pick<AssignmentValues, 'start' | 'end'>): void {
  if (daysBetween(values.start, values.end) >= 7)
    throw new BadRequestException('A recurring assignment lasts at most 7 days per week');
}

/** `weeks` occurrences of `values`, one a week, numbered from `firstIndex`. */
export function occurrences(
  values: AssignmentValues,
  seriesId: string,
  firstIndex: number,
  count: number,
): NewAssignment[] {
  return Array.from({ length: count }, (_, i) => ({
    ...values,
    start: addDays(values.start, 7 * i),
    end: addDays(values.end, 7 * i),
    seriesId,
    weekIndex: firstIndex + i,
  }));
}

/** Creating, editing and deleting assignments and occurrences of recurring series. */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AssignmentStore,
    private readonly outbox: OutboxService,
  ) {}

  async create(ws: WorkspaceContext, body: AssignmentCreateRequestDto): Promise<AssignmentDto[]> {
    const zone = await this.store.zoneOf(ws.userId);
    const range = dayRange(body.start, body.end, zone);
    const values: AssignmentValues = {
      userId: body.userId,
      projectId: body.projectId,
      taskId: body.taskId ?? null,
      ...range,
      hoursPerDay: body.hoursPerDay,
      includeNonWorkingDays: body.includeNonWorkingDays ?? false,
      note: body.note ?? '',
      billable: body.billable ?? true,
      startTime: body.startTime ?? null,
    };
    const recurring = body.recurringAssignment;
    const repeat = recurring !== undefined && (recurring.repeat ?? true);
    if (repeat) assertWeekly(values);
    return this.dataSource.transaction(async (manager) => {
      await this.store.assertWritable(manager, ws, values.userId, values.projectId);
      let items: NewAssignment[] = [{ ...values, seriesId: null, weekIndex: null }];
      if (repeat) {
        const seriesId = await AssignmentSeriesStore.insertSeries(manager, ws.workspaceId, values, recurring.weeks);
        items = occurrences(values, seriesId, 0, recurring.weeks);
      }
      const ids = await this.store.insert(manager, ws.workspaceId, items);
      const dtos = await this.store.toDtos(manager, await this.store.byIds(manager, ws.workspaceId, ids), zone);
      await recordAssignments(this.outbox, manager, 'ASSIGNMENT_CREATED', dtos);
      return dtos;
    });
  }

  /**
   * THIS_ONE changes the occurrence; ALL every occurrence of its series (each
   * keeps its week); THIS_AND_FOLLOWING splits the series: this occurrence and
   * the later ones move to a new series, which is then changed as a whole.
   */
  async update(ws: WorkspaceContext, id: string, body: AssignmentUpdateRequestDto): Promise<AssignmentDto[]> {
    const zone = await this.store.zoneOf(ws.userId);
    const range = dayRange(body.start, body.end, zone);
    const option: SeriesUpdateOption = body.seriesUpdateOption ?? 'THIS_ONE';
    return this.dataSource.transaction(async (manager) => {
      const row = await this.store.forWrite(manager, ws, id);
      const values: AssignmentValues = {
        ...valuesOf(row),
        ...range,
        taskId: body.taskId === undefined ? row.task_id : body.taskId,
        hoursPerDay: body.hoursPerDay ?? Number(row.hours_per_day),
        includeNonWorkingDays: body.includeNonWorkingDays ?? row.include_non_working_days,
        note: body.note ?? row.note,
        billable: body.billable ?? row.billable,
        startTime: body.startTime ?? row.start_time,
      };
      let ids = [row.id];
      if (row.series_id === null || row.week_index === null || option === 'THIS_ONE') {
        await this.store.apply(manager, ws.workspaceId, values, { id: row.id }, row.week_index ?? 0);
      } else {
        assertWeekly(values);
        const seriesId =
          option === 'THIS_AND_FOLLOWING' && row.week_index > 0
            ? await this.split(manager, ws.workspaceId, row, values)
            : row.series_id;
        const index = seriesId === row.series_id ? row.week_index : 0;
        await this.store.apply(manager, ws.workspaceId, values, { seriesId }, index);
        await AssignmentSeriesStore.updateSeries(manager, ws.workspaceId, seriesId, values, index);
        ids = (await this.store.seriesRows(manager, ws.workspaceId, seriesId)).map((r) => r.id);
      }
      const dtos = await this.store.toDtos(manager, await this.store.byIds(manager, ws.workspaceId, ids), zone);
      await recordAssignments(this.outbox, manager, 'ASSIGNMENT_UPDATED', dtos);
      return dtos;
    });
  }

  /** THIS_ONE deletes the occurrence; THIS_AND_FOLLOWING it and the later ones (the series ends before it); ALL the series. */
  async delete(ws: WorkspaceContext, id: string, option: SeriesUpdateOption = 'THIS_ONE'): Promise<AssignmentDto[]> {
    const zone = await this.store.zoneOf(ws.userId);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.store.forWrite(manager, ws, id);
      let targets: AssignmentRow[] = [row];
      if (row.series_id !== null && row.week_index !== null && option !== 'THIS_ONE') {
        const from = option === 'ALL' ? 0 : row.week_index;
        targets = await this.store.seriesRows(manager, ws.workspaceId, row.series_id, from);
        if (from > 0) {
          await AssignmentSeriesStore.setSeriesWeeks(manager, ws.workspaceId, row.series_id, from);
        }
      }
      const dtos = await this.store.toDtos(manager, targets, zone);
      await this.store.deleteByIds(
        manager,
        ws.workspaceId,
        targets.map((t) => t.id),
      );
      await AssignmentSeriesStore.dropEmptySeries(manager, ws.workspaceId, [row.series_id]);
      await recordAssignments(this.outbox, manager, 'ASSIGNMENT_DELETED', dtos);
      return dtos;
    });
  }

  /** Moves occurrences from `row`'s week on into a new series (renumbered from 0); the old series ends before it. */
  private async split(
    manager: EntityManager,
    workspaceId: string,
    row: AssignmentRow,
    values: AssignmentValues,
  ): Promise<string> {
    const k = row.week_index ?? 0;
    const weeks = Math.max(1, (row.weeks ?? k + 1) - k);
    const seriesId = await AssignmentSeriesStore.insertSeries(manager, workspaceId, values, weeks);
    await this.store.moveOccurrences(manager, workspaceId, row.series_id, seriesId, k);
    await AssignmentSeriesStore.setSeriesWeeks(manager, workspaceId, row.series_id, k);
    await AssignmentSeriesStore.dropEmptySeries(manager, workspaceId, [row.series_id]);
    return seriesId;
  }
}
