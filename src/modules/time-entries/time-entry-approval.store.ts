import type { EntityManager } from 'typeorm';

/** The approval marks of entries (approval_status, approval_request_id), which approval requests set. */
export const TimeEntryApprovalStore = {
  /**
   * Puts the user's finished entries starting in [start, end) whose status is not one of `lockedStates` into the
   * request as PENDING; answers how many.
   */
  async attach(
    manager: EntityManager,
    request: { workspaceId: string; userId: string; requestId: string; start: Date; end: Date },
    lockedStates: readonly string[],
  ): Promise<number> {
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE time_entries SET approval_status = 'PENDING', approval_request_id = $3, version = version + 1
        WHERE workspace_id = $1 AND user_id = $2 AND start_at >= $4 AND start_at < $5 AND end_at IS NOT NULL
          AND (approval_status IS NULL OR approval_status <> ALL($6::text[]))`,
      [request.workspaceId, request.userId, request.requestId, request.start, request.end, lockedStates],
    );
    return count;
  },

  /** Sets the approval status of the request's entries that are in one of `from`. */
  async setStatus(
    manager: EntityManager,
    workspaceId: string,
    requestId: string,
    from: readonly string[],
    to: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE time_entries SET approval_status = $4, version = version + 1
        WHERE workspace_id = $1 AND approval_request_id = $2 AND approval_status = ANY($3::text[])`,
      [workspaceId, requestId, from, to],
    );
  },
};
