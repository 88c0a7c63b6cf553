import type { RateValue } from '../rates/rate-value';
import type { MembershipDto } from './dto/membership.dto';
import type { WorkspaceDto } from './dto/workspace.dto';
import type { Workspace } from './entities/workspace.entity';
import type { WorkspaceMember } from './entities/workspace-member.entity';
import { ALL_FEATURES } from './features';
import { settingsView } from './workspace-settings';

export interface WorkspaceRates {
  hourly: RateValue | null;
  cost: RateValue | null;
  memberHourly: Map<string, RateValue>;
  memberCost: Map<string, RateValue>;
}

export function toMembershipDto(member: WorkspaceMember, rates: Pick<WorkspaceRates, 'memberHourly' | 'memberCost'>): MembershipDto {
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
