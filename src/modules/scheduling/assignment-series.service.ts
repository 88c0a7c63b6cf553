import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { OutboxService } from '../../common/outbox/outbox.service';
import type { AssignmentRow } from './assignment.mapper';
import { recordAssignments } from './assignment-events';
import { AssignmentSeriesStore } from './assignment-series.store';
import { AssignmentStore, type NewAssignment, valuesOf } from './assignment.store';
import { assertWeekly, occurrences } from './assignments.service';
import type { AssignmentDto } from './dto/assignment.dto';
import type { CopyAssignmentRequestDto, RecurringAssignmentRequestDto } from './dto/assignment-requests.dto';
import { addDays } from './scheduling-days';

/** Changing how long a series repeats, and copying assignments to another user. */
@Injectable()
export class AssignmentSeriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AssignmentStore,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * repeat (default true) with `weeks`: the series (counted from its first
   * week; a single assignment becomes week 0 of a new one) ends after `weeks`
   * weeks: later occurrences are deleted, missing ones after the last are
   * added. repeat false: the assignment leaves its series, which ends before it.
   * Answers the occurrences of the series (or the single assignment).
   */
  async changePeriod(ws: WorkspaceContext, id: string, body: RecurringAssignmentRequestDto): Promise<AssignmentDto[]> {
    const zone = await this.store.zoneOf(ws.userId);
    const repeat = body.repeat ?? true;
    return this.dataSource.transaction(async (manager) => {
      const row = await this.store.forWrite(manager, ws, id);
      const wsId = ws.workspaceId;
      let removed: AssignmentRow[] = [];
      let created: string[] = [];
      let result: string[];
      if (!repeat) {
        if (row.series_id !== null && row.week_index !== null) {
          removed = (await this.store.seriesRows(manager, wsId, row.series_id, row.week_index)).filter(
            (r) => r.id !== row.id,
          );
          await this.store.detach(manager, wsId, row.id);
          await AssignmentSeriesStore.endSeriesAtLeastOne(manager, wsId, row.series_id, row.week_index);
        }
        result = [row.id];
      } else if (row.series_id === null) {
        const values = valuesOf(row);
        assertWeekly(values);
        const seriesId = await AssignmentSeriesStore.insertSeries(manager, wsId, values, body.weeks);
        await this.store.attachFirst(manager, wsId, row.id, seriesId);
        created = await this.store.insert(manager, wsId, occurrences(values, seriesId, 0, body.weeks).slice(1));
        result = (await this.store.seriesRows(manager, wsId, seriesId)).map((r) => r.id);
      } else {
        const all = await this.store.seriesRows(manager, wsId, row.series_id);
        removed = all.filter((r) => (r.week_index ?? 0) >= body.weeks);
        const kept = all.filter((r) => (r.week_index ?? 0) < body.weeks);
        const last =
          kept.reduce<AssignmentRow | undefined>(
            (max, r) => ((r.week_index ?? 0) > (max?.week_index ?? -1) ? r : max),
            undefined,
          ) ?? row;
        const lastIndex = last.week_index ?? 0;
        const from = Math.max(lastIndex + 1, row.weeks ?? 0);
        const extra: NewAssignment[] = [];
        for (let i = from; i < body.weeks; i += 1) {
          const shift = 7 * (i - lastIndex);
          extra.push({
            ...valuesOf(last),
            start: addDays(last.start_date, shift),
            end: addDays(last.end_date, shift),
            seriesId: row.series_id,
            weekIndex: i,
          });
        }
        created = await this.store.insert(manager, wsId, extra);
        await AssignmentSeriesStore.repeatSeries(manager, wsId, row.series_id, body.weeks);
        result = (await this.store.seriesRows(manager, wsId, row.series_id)).map((r) => r.id);
      }
      const removedDtos = await this.store.toDtos(manager, removed, zone);
      if (removed.length) {
        await this.store.deleteByIds(
          manager,
          wsId,
          removed.map((r) => r.id),
        );
      }
      await AssignmentSeriesStore.dropEmptySeries(manager, wsId, [row.series_id]);
      const dtos = await this.store.toDtos(manager, await this.store.byIds(manager, wsId, result), zone);
      await recordAssignments(this.outbox, manager, 'ASSIGNMENT_DELETED', removedDtos);
      await recordAssignments(
        this.outbox,
        manager,
        'ASSIGNMENT_CREATED',
        dtos.filter((d) => created.includes(d.id)),
      );
      await recordAssignments(
        this.outbox,
        manager,
        'ASSIGNMENT_UPDATED',
        dtos.filter((d) => d.id === row.id),
      );
      return dtos;
    });
  }

  /**
   * Copies the assignment (THIS_ONE, default) or its series from this week on
   * (THIS_AND_FOLLOWING) or whole (ALL) to another member, as new unpublished
   * assignments (a copied series is a new series of that member).
   */
  async copy(ws: WorkspaceContext, id: string, body: CopyAssignmentRequestDto): Promise<AssignmentDto[]> {
    const zone = await this.store.zoneOf(ws.userId);
    const option = body.seriesUpdateOption ?? 'THIS_ONE';
    return this.dataSource.transaction(async (manager) => {
      const row = await this.store.forWrite(manager, ws, id);
      await this.store.assertWritable(manager, ws, body.userId, row.project_id);
      const wsId = ws.workspaceId;
      let items: NewAssignment[] = [{ ...valuesOf(row), userId: body.userId, seriesId: null, weekIndex: null }];
      if (row.series_id !== null && row.week_index !== null && option !== 'THIS_ONE') {
        const base = option === 'ALL' ? 0 : row.week_index;
        const sources = await this.store.seriesRows(manager, wsId, row.series_id, base);
        const first = sources[0] ?? row;
        const template = {
          ...valuesOf(first),
          userId: body.userId,
          start: addDays(first.start_date, -7 * ((first.week_index ?? base) - base)),
          end: addDays(first.end_date, -7 * ((first.week_index ?? base) - base)),
        };
        const seriesId = await AssignmentSeriesStore.insertSeries(
          manager,
          wsId,
          template,
          Math.max(1, (row.weeks ?? 1) - base),
        );
        items = sources.map((s) => ({
          ...valuesOf(s),
          userId: body.userId,
          seriesId,
          weekIndex: (s.week_index ?? base) - base,
        }));
      }
      const ids = await this.store.insert(manager, wsId, items);
      const dtos = await this.store.toDtos(manager, await this.store.byIds(manager, wsId, ids), zone);
      await recordAssignments(this.outbox, manager, 'ASSIGNMENT_CREATED', dtos);
      return dtos;
    });
  }
}
