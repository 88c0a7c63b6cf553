import type { EntityManager } from 'typeorm';
import type { OutboxService } from '../../common/outbox/outbox.service';
import type { AssignmentDto } from './dto/assignment.dto';

export type AssignmentEvent =
  'ASSIGNMENT_CREATED' | 'ASSIGNMENT_UPDATED' | 'ASSIGNMENT_DELETED' | 'ASSIGNMENT_PUBLISHED';

/** One outbox event per assignment, in the transaction of the change; payload: the AssignmentDtoV1. */
export function recordAssignments(
  outbox: OutboxService,
  manager: EntityManager,
  event: AssignmentEvent,
  dtos: AssignmentDto[],
): Promise<void> {
  return outbox.record(
    manager,
    ...dtos.map((dto) => ({
      workspaceId: dto.workspaceId,
      entityType: 'ASSIGNMENT',
      entityId: dto.id,
      event,
      payload: dto,
    })),
  );
}
