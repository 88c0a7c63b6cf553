/** When a change happened, and its place in the feed. */
export class ChangeAuditMetadataDto {
  /** For creations: when the entity was created. */
  createdAt?: string;
  /** When this change was made. @example 2024-11-28T10:00:00Z */
  updatedAt: string;
  /** Not in Clockify: the change's position in the feed; order changes of several types by it. @example "1042" */
  changeSequence: string;
}

/**
 * A created or updated entity: the resource exactly as the REST API returned it after the change, plus
 * `documentType` and `auditMetadata`.
 */
export class EntityDocumentDto {
  /** @example 64a687e29ae1f428e7ebe303 */
  id: string;
  /** @example TIME_ENTRY */
  documentType: string;
  auditMetadata: ChangeAuditMetadataDto;
}

export class LogBinDocumentDto {
  /** The deleted entity's id. @example 64a687e29ae1f428e7ebe303 */
  id: string;
  /** @example 2024-11-28T10:00:00Z */
  deletedAt: string;
  /** The resource as the REST API returned it when it was deleted. */
  document: Record<string, unknown>;
  /** The document type. @example CLIENT */
  documentCode: string;
  /** Same as documentCode. @example CLIENT */
  documentType: string;
  /** Not in Clockify: the change's position in the feed. @example "1042" */
  changeSequence: string;
}

export class PageableCollectionLogBinDocumentDto {
  response: LogBinDocumentDto[];
  /**
   * Not in Clockify: pass as `cursor` to read the changes after these (also sent as the `X-Next-Cursor`
   * header). Null only when there is nothing to continue from.
   */
  nextCursor: string | null;
}
