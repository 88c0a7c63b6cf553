import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { HydratedTimeEntryDto, TimeEntryWithRatesDto } from './dto/time-entry.dto';
import { hydrate } from './time-entry.mapper';
import { type RelatedRow, TimeEntryRelatedStore } from './time-entry-related.store';

/** Entries with their project, task, tags and user from RelatedRow lists. */
export function withRelated(entries: TimeEntryWithRatesDto[], related: RelatedRow): HydratedTimeEntryDto[] {
  const byId = <T extends { id: string }>(list: T[] | null) => new Map((list ?? []).map((x) => [x.id, x]));
  const maps = {
    projects: byId(related.projects),
    tasks: byId(related.tasks),
    tags: byId(related.tags),
    users: byId(related.users),
  };
  return entries.map((e) => hydrate(e, maps));
}

/** Loads the projects, tasks, tags and users of entries in one query (never per row). */
@Injectable()
export class TimeEntryHydrator {
  async hydrate(
    manager: EntityManager,
    workspaceId: string,
    entries: TimeEntryWithRatesDto[],
  ): Promise<HydratedTimeEntryDto[]> {
    if (!entries.length) return [];
    const ids = (pick: (e: TimeEntryWithRatesDto) => (string | null)[]) => [
      ...new Set(entries.flatMap(pick).filter((id): id is string => id !== null)),
    ];
    const related = await TimeEntryRelatedStore.related(manager, workspaceId, {
      projects: ids((e) => [e.projectId]),
      tasks: ids((e) => [e.taskId]),
      tags: ids((e) => e.tagIds),
      users: ids((e) => [e.userId]),
    });
    return withRelated(entries, related);
  }
}
