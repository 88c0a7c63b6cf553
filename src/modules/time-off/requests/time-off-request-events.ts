import type { EntityManager } from 'typeorm';
import type { OutboxService } from '../../../common/outbox/outbox.service';
import type { TimeOffRequestDto } from './dto/time-off-request.dto';

export type TimeOffRequestEvent =
  'TIME_OFF_REQUESTED' | 'TIME_OFF_REQUEST_APPROVED' | 'TIME_OFF_REQUEST_REJECTED' | 'TIME_OFF_REQUEST_WITHDRAWN';

/** The outbox event of a change to a request, in the transaction of the change; payload: the request as answered. */
export function recordTimeOffRequest(
  outbox: OutboxService,
  manager: EntityManager,
  request: TimeOffRequestDto,
  event: TimeOffRequestEvent,
): Promise<void> {
  return outbox.record(manager, {
    workspaceId: request.workspaceId,
    entityType: 'TIME_OFF_REQUEST',
    entityId: request.id,
    event,
    payload: request,
  });
}
