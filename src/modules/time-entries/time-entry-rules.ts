import { BadRequestException, ForbiddenException, PreconditionFailedException } from '@nestjs/common';

/** The workspace settings that govern time entries (a slice of WorkspaceSettingsDtoV1). */
export interface EntrySettings {
  forceProjects?: boolean;
  forceTasks?: boolean;
  forceTags?: boolean;
  forceDescription?: boolean;
  lockTimeEntries?: string | null;
  timeTrackingMode?: string;
  onlyAdminsCanChangeBillableStatus?: boolean;
  onlyAdminsSeeBillableRates?: boolean;
}

/** What an entry will look like after a write, as far as the force-* rules care. */
export interface EntryShape {
  description: string;
  projectId: string | null;
  taskId: string | null;
  tagIds: readonly string[];
  type: string;
  /** Whether the chosen project has active tasks (forceTasks only asks for a task then). */
  projectHasTasks: boolean;
}

/**
 * The force-* rules of the workspace, for regular entries (breaks are exempt):
 * 400 naming the first rule the entry breaks.
 */
export function checkRequiredFields(settings: EntrySettings, entry: EntryShape): void {
  if (entry.type === 'BREAK') return;
  if (settings.forceDescription && !entry.description.trim()) {
    throw new BadRequestException('Description is required in this workspace (forceDescription)');
  }
  if (settings.forceProjects && !entry.projectId) {
    throw new BadRequestException('Project is required in this workspace (forceProjects)');
  }
  if (settings.forceTasks && !entry.taskId && (!entry.projectId || entry.projectHasTasks)) {
    throw new BadRequestException('Task is required in this workspace (forceTasks)');
  }
  if (settings.forceTags && !entry.tagIds.length) {
    throw new BadRequestException('At least one tag is required in this workspace (forceTags)');
  }
}

/** The lock instant of the workspace (lockTimeEntries), or null when time is not locked. */
export function lockDate(settings: EntrySettings): Date | null {
  if (!settings.lockTimeEntries) return null;
  const date = new Date(settings.lockTimeEntries);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** True when an entry starting at `start` lies before the workspace's lock date. */
export function isBeforeLock(settings: EntrySettings, start: Date): boolean {
  const lock = lockDate(settings);
  return lock !== null && start.getTime() < lock.getTime();
}

/** Entries starting before the lock date can be created, changed or deleted by admins only (400 naming the rule). */
export function checkLock(settings: EntrySettings, isAdmin: boolean, ...starts: Date[]): void {
  if (isAdmin) return;
  if (starts.some((start) => isBeforeLock(settings, start))) {
    throw new BadRequestException(
      `Time entries before ${settings.lockTimeEntries} are locked (lockTimeEntries); only admins may change them`,
    );
  }
}

/** Invoiced, approved and submitted (pending approval) entries are locked for everyone but admins (403). */
export function checkNotFinalized(
  entry: { invoiced: boolean; approval_status: string | null },
  isAdmin: boolean,
): void {
  if (isAdmin) return;
  if (entry.invoiced) throw new ForbiddenException('The time entry is invoiced and can only be changed by admins');
  if (entry.approval_status === 'APPROVED')
    throw new ForbiddenException('The time entry is approved and can only be changed by admins');
  if (entry.approval_status === 'PENDING') {
    throw new ForbiddenException(
      'The time entry is submitted for approval (pending); withdraw or reject the approval request to change it',
    );
  }
}

/** STOPWATCH_ONLY: members may only track with the timer, not add entries with an end. */
export function checkManualEntryAllowed(settings: EntrySettings, isAdmin: boolean, hasEnd: boolean): void {
  if (!isAdmin && hasEnd && settings.timeTrackingMode === 'STOPWATCH_ONLY') {
    throw new BadRequestException(
      'This workspace only allows tracking time with the timer (timeTrackingMode STOPWATCH_ONLY)',
    );
  }
}

/** onlyAdminsCanChangeBillableStatus: a member may not set billable to anything but its default/current value. */
export function checkBillableChange(
  settings: EntrySettings,
  isAdmin: boolean,
  requested: boolean | undefined,
  current: boolean,
): void {
  if (!isAdmin && requested !== undefined && requested !== current && settings.onlyAdminsCanChangeBillableStatus) {
    throw new BadRequestException(
      'Only admins may change the billable status in this workspace (onlyAdminsCanChangeBillableStatus)',
    );
  }
}

/** End before start is 400. */
export function checkInterval(start: Date, end: Date | null): void {
  if (end && end.getTime() < start.getTime())
    throw new BadRequestException('The end of a time entry must not be before its start');
}

/** Instants are kept to the second, as Clockify prints them. */
export function toSecond(value: string | Date): Date {
  const date = value instanceof Date ? value : new Date(value);
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** The ETag of a time entry version: a strong tag `"<id>-<version>"`. */
export function entityTag(id: string, version: number): string {
  return `"${id}-${version}"`;
}

/**
 * If-Match against the current version: absent means no check (as Clockify);
 * `*` always matches; otherwise one of the listed tags (W/ prefixes tolerated)
 * must equal the current one, else 412.
 */
export function checkIfMatch(ifMatch: string | undefined, id: string, version: number): void {
  if (ifMatch === undefined || ifMatch.trim() === '') return;
  const current = entityTag(id, version);
  const tags = ifMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (tags.includes('*') || tags.includes(current)) return;
  throw new PreconditionFailedException(`The time entry was changed since you read it (current ETag ${current})`);
}
