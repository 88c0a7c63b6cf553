/**
 * What the change feed reads: the reference's document types mapped to the
 * outbox's `entity_type`, and outbox events classified as created / updated /
 * deleted.
 */

/** A feed document type: the outbox rows it reads, and (for derived types) how one row becomes documents. */
export interface FeedType {
  /** The `documentType` in the response. */
  documentType: string;
  /** outbox.entity_type values it reads. */
  entityTypes: string[];
  /** Derived documents (rates, custom field values of a time entry); absent: the payload itself. */
  project?: (payload: Record<string, unknown>, entityId: string) => Record<string, unknown>[];
}

const plain = (documentType: string, ...entityTypes: string[]): FeedType => ({
  documentType,
  entityTypes: entityTypes.length ? entityTypes : [documentType],
});

/** Also the rate changes (entity type TIME_ENTRY_RATE_CHANGE): one outbox row each, expanded into its entries. */
const timeEntryRate: FeedType = {
  documentType: 'TIME_ENTRY_RATE',
  entityTypes: ['TIME_ENTRY', 'TIME_ENTRY_RATE_CHANGE'],
  project: (p, id) => [{ id, timeEntryId: id, hourlyRate: p.hourlyRate ?? null, costRate: p.costRate ?? null }],
};

const timeEntryCustomFieldValue: FeedType = {
  documentType: 'TIME_ENTRY_CUSTOM_FIELD_VALUE',
  entityTypes: ['TIME_ENTRY'],
  project: (p, id) =>
    (Array.isArray(p.customFieldValues) ? (p.customFieldValues as Record<string, unknown>[]) : []).map((v) => ({
      id: `${id}${String(v.customFieldId)}`,
      customFieldId: v.customFieldId,
      timeEntryId: id,
      value: v.value ?? null,
      sourceType: 'TIMEENTRY',
    })),
};

/**
 * `type` values: the reference's (plural ones: CLIENTS, PROJECTS, TAGS, TASKS,
 * SCHEDULED_ASSIGNMENT, TIME_ENTRY, TIME_ENTRY_RATE,
 * TIME_ENTRY_CUSTOM_FIELD_VALUE), their singular forms, and the other
 * entities this server records (USER, USER_GROUP, CUSTOM_FIELD, TEMPLATE, ...).
 */
export const FEED_TYPES: Record<string, FeedType> = {
  CLIENTS: plain('CLIENT'),
  CLIENT: plain('CLIENT'),
  PROJECTS: plain('PROJECT'),
  PROJECT: plain('PROJECT'),
  TAGS: plain('TAG'),
  TAG: plain('TAG'),
  TASKS: plain('TASK'),
  TASK: plain('TASK'),
  TIME_ENTRY: plain('TIME_ENTRY'),
  TIME_ENTRIES: plain('TIME_ENTRY'),
  TIME_ENTRY_RATE: timeEntryRate,
  TIME_ENTRY_CUSTOM_FIELD_VALUE: timeEntryCustomFieldValue,
  SCHEDULED_ASSIGNMENT: plain('SCHEDULED_ASSIGNMENT', 'SCHEDULED_ASSIGNMENT', 'ASSIGNMENT'),
  USER: plain('USER'),
  USERS: plain('USER'),
  USER_GROUP: plain('USER_GROUP'),
  USER_GROUPS: plain('USER_GROUP'),
  CUSTOM_FIELD: plain('CUSTOM_FIELD'),
  CUSTOM_FIELDS: plain('CUSTOM_FIELD'),
  TEMPLATE: plain('TEMPLATE'),
  TEMPLATES: plain('TEMPLATE'),
  EXPENSE: plain('EXPENSE'),
  EXPENSES: plain('EXPENSE'),
  INVOICE: plain('INVOICE'),
  INVOICES: plain('INVOICE'),
  TIME_OFF_REQUEST: plain('TIME_OFF_REQUEST'),
  APPROVAL_REQUEST: plain('APPROVAL_REQUEST'),
  WORKSPACE: plain('WORKSPACE'),
};

export const FEED_TYPE_NAMES = Object.keys(FEED_TYPES);

export type ChangeKind = 'created' | 'updated' | 'deleted';

/** Membership events whose names do not follow the NEW_* / *_CREATED / *_DELETED pattern. */
export const CREATED_EVENTS = ['USER_JOINED_WORKSPACE', 'USERS_INVITED_TO_WORKSPACE'];
export const DELETED_EVENTS = ['USER_DELETED_FROM_WORKSPACE'];

/**
 * NEW_* and *_CREATED (and a user joining or being invited) are creations;
 * *_DELETED (and a user removed from the workspace) deletions; every other
 * event (…_UPDATED, TIMER_STOPPED, rate changes, (de)activation) an update.
 */
export function classify(event: string): ChangeKind {
  if (event.startsWith('NEW_') || event.endsWith('_CREATED') || CREATED_EVENTS.includes(event)) return 'created';
  if (event.endsWith('_DELETED') || DELETED_EVENTS.includes(event)) return 'deleted';
  return 'updated';
}
