import type { DomainEvent } from '../../common/outbox/outbox.service';
import type { User } from '../users/entities/user.entity';
import type { WorkspaceDto } from './dto/workspace.dto';
import type { MembershipStatus } from './entities/workspace-member.entity';

/** Membership events (joined, invited, activated, deactivated, removed): the user with their status in the workspace. */
export function memberEvent(
  workspaceId: string,
  user: Pick<User, 'id' | 'email' | 'name'>,
  status: MembershipStatus,
  event: string,
): DomainEvent {
  return {
    workspaceId,
    entityType: 'USER',
    entityId: user.id,
    event,
    payload: { id: user.id, email: user.email, name: user.name, workspaceId, status },
  };
}

/** Rate events: the workspace as GET /v1/workspaces/{id} returns it after the change. */
export function rateEvent(
  dto: WorkspaceDto,
  kind: 'HOURLY' | 'COST',
  entity: { type: 'WORKSPACE' | 'USER'; id: string },
): DomainEvent {
  return {
    workspaceId: dto.id,
    entityType: entity.type,
    entityId: entity.id,
    event: kind === 'HOURLY' ? 'BILLABLE_RATE_UPDATED' : 'COST_RATE_UPDATED',
    payload: dto,
  };
}
