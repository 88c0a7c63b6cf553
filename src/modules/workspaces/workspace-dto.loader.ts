import { EntityManager, In } from 'typeorm';
import type { RateValue } from '../rates/rates.service';
import type { WorkspaceDto } from './dto/workspace.dto';
import type { Workspace } from './entities/workspace.entity';
import { WorkspaceMember } from './entities/workspace-member.entity';
import { toWorkspaceDto, WorkspaceRates } from './workspace.mapper';

interface RateRow {
  workspace_id: string;
  kind: 'HOURLY' | 'COST';
  user_id: string | null;
  amount: string;
  currency: string;
}

function emptyRates(): WorkspaceRates {
  return { hourly: null, cost: null, memberHourly: new Map(), memberCost: new Map() };
}

/**
 * WorkspaceDtos for a set of workspaces in two queries whatever their number:
 * every membership, and every workspace- and member-level rate in force now.
 */
export async function loadWorkspaceDtos(manager: EntityManager, workspaces: Workspace[]): Promise<WorkspaceDto[]> {
  if (!workspaces.length) return [];
  const ids = workspaces.map((w) => w.id);
  const [members, rateRows] = await Promise.all([
    manager.getRepository(WorkspaceMember).find({ where: { workspaceId: In(ids) }, order: { createdAt: 'ASC', userId: 'ASC' } }),
    manager.query(
      `SELECT DISTINCT ON (workspace_id, kind, user_id) workspace_id, kind, user_id, amount, currency
         FROM rates
        WHERE workspace_id = ANY($1) AND project_id IS NULL AND task_id IS NULL AND since <= $2
        ORDER BY workspace_id, kind, user_id, since DESC`,
      // The app's clock, not now(): inside a transaction now() is its start, before a rate set `since` now in it.
      [ids, new Date()],
    ) as Promise<RateRow[]>,
  ]);

  const rates = new Map<string, WorkspaceRates>(ids.map((id) => [id, emptyRates()]));
  for (const row of rateRows) {
    const target = rates.get(row.workspace_id);
    if (!target) continue;
    const value: RateValue = { amount: Number(row.amount), currency: row.currency };
    if (row.user_id === null) target[row.kind === 'HOURLY' ? 'hourly' : 'cost'] = value;
    else target[row.kind === 'HOURLY' ? 'memberHourly' : 'memberCost'].set(row.user_id, value);
  }
  const membersOf = new Map<string, WorkspaceMember[]>(ids.map((id) => [id, []]));
  for (const member of members) membersOf.get(member.workspaceId)?.push(member);

  return workspaces.map((w) => toWorkspaceDto(w, membersOf.get(w.id) ?? [], rates.get(w.id) ?? emptyRates()));
}
