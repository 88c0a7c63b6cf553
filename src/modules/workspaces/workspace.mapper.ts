import type { RateValue } from '../rates/rate-value';
import type { MembershipDto } from '../../common/dto/membership.dto';
import type { WorkspaceDto } from './dto/workspace.dto';
import type { Workspace } from './entities/workspace.entity';
import type { WorkspaceMember } from './entities/workspace-member.entity';
import { ALL_FEATURES } from './features';
import { settingsView } from './workspace-settings';
import type { CurrentRateRow } from './workspaces.store';

export interface WorkspaceRates {
  hourly: RateValue | null;
  cost: RateValue | null;
  memberHourly: Map<string, RateValue>;
  memberCost: Map<string, RateValue>;
}

export function toMembershipDto(
  member: WorkspaceMember,
  rates: Pick<WorkspaceRates, 'memberHourly' | 'memberCost'>,
): MembershipDto {
  return {
    userId: member.userId,
    hourlyRate: rates.memberHourly.get(member.userId) ?? null,
    costRate: rates.memberCost.get(member.userId) ?? null,
    targetId: member.workspaceId,
    membershipType: 'WORKSPACE',
    membershipStatus: member.status,
  };
}

export function toWorkspaceDto(workspace: Workspace, members: WorkspaceMember[], rates: WorkspaceRates): WorkspaceDto {
  const zero = { amount: 0, currency: workspace.currency };
  return {
    id: workspace.id,
    name: workspace.name,
    hourlyRate: rates.hourly ?? zero,
    costRate: rates.cost ?? zero,
    memberships: members.map((m) => toMembershipDto(m, rates)),
    workspaceSettings: settingsView(workspace.settings),
    imageUrl: workspace.imageUrl,
    featureSubscriptionType: 'ENTERPRISE',
    features: [...ALL_FEATURES],
    currencies: [{ id: workspace.id, code: workspace.currency, isDefault: true }],
    subdomain: { enabled: false, name: '' },
    cakeOrganizationId: workspace.organizationId,
  };
}

function emptyRates(): WorkspaceRates {
  return { hourly: null, cost: null, memberHourly: new Map(), memberCost: new Map() };
}

/** The DTOs of the workspaces, from all their memberships and their rates in force now. */
export function toWorkspaceDtos(
  workspaces: Workspace[],
  members: WorkspaceMember[],
  rateRows: CurrentRateRow[],
): WorkspaceDto[] {
  const ids = workspaces.map((w) => w.id);
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
