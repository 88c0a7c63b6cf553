import type { RateKind } from './entities/rate.entity';
import type { RateValue } from './rate-value';

/** Rate scopes from weakest to strongest, as Clockify applies them. */
export enum RateLevel {
  Workspace = 1,
  WorkspaceMember = 2,
  Project = 3,
  ProjectMember = 4,
  Task = 5,
}

/** The `since` of a rate set without one: it applies to all time, past entries included. */
export const ALL_TIME = new Date('0001-01-01T00:00:00Z');

/** The levels that decide an entry's rate before `level` does, strongest first. */
export function shadowingLevels(level: RateLevel): RateLevel[] {
  return [RateLevel.Task, RateLevel.ProjectMember, RateLevel.Project, RateLevel.WorkspaceMember].filter(
    (l) => l > level,
  );
}

export interface RateCandidate extends RateValue {
  kind: RateKind;
  level: RateLevel;
  since: Date;
}

export interface ResolvedRates {
  hourly: RateValue | null;
  cost: RateValue | null;
}

/**
 * Picks, for each kind, the rate of the strongest level that is in force at
 * `at` (the newest step with `since <= at` of that level): task > project
 * member > project > workspace member > workspace. Candidates may include
 * steps of other times; they are filtered here.
 */
export function resolveRates(candidates: readonly RateCandidate[], at: Date): ResolvedRates {
  const pick = (kind: RateKind): RateValue | null => {
    let best: RateCandidate | null = null;
    for (const c of candidates) {
      if (c.kind !== kind || c.since.getTime() > at.getTime()) continue;
      if (!best || c.level > best.level || (c.level === best.level && c.since > best.since)) best = c;
    }
    return best ? { amount: best.amount, currency: best.currency } : null;
  };
  return { hourly: pick('HOURLY'), cost: pick('COST') };
}
