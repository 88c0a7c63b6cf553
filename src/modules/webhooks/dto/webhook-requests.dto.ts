import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ToInt } from '../../../common/dto/transforms';
import { Trim } from '../../../common/dto/trim';
import { AcceptsReadOnlyFieldsOf } from '../../../common/dto/read-only-fields';
import { WebhookDto } from './webhook.dto';

/** Every `webhookEvent` the reference lists. */
export const WEBHOOK_EVENTS = [
  'NEW_PROJECT',
  'NEW_TASK',
  'NEW_CLIENT',
  'NEW_TIMER_STARTED',
  'TIMER_STOPPED',
  'TIME_ENTRY_UPDATED',
  'TIME_ENTRY_DELETED',
  'TIME_ENTRY_SPLIT',
  'NEW_TIME_ENTRY',
  'TIME_ENTRY_RESTORED',
  'NEW_TAG',
  'USER_DELETED_FROM_WORKSPACE',
  'USER_JOINED_WORKSPACE',
  'USER_DEACTIVATED_ON_WORKSPACE',
  'USER_ACTIVATED_ON_WORKSPACE',
  'USER_EMAIL_CHANGED',
  'USER_UPDATED',
  'NEW_INVOICE',
  'INVOICE_UPDATED',
  'NEW_APPROVAL_REQUEST',
  'APPROVAL_REQUEST_STATUS_UPDATED',
  'TIME_OFF_REQUESTED',
  'TIME_OFF_REQUEST_UPDATED',
  'TIME_OFF_REQUEST_APPROVED',
  'TIME_OFF_REQUEST_REJECTED',
  'TIME_OFF_REQUEST_STARTED',
  'TIME_OFF_REQUEST_WITHDRAWN',
  'BALANCE_UPDATED',
  'TAG_UPDATED',
  'TAG_DELETED',
  'TASK_UPDATED',
  'CLIENT_UPDATED',
  'TASK_DELETED',
  'CLIENT_DELETED',
  'EXPENSE_RESTORED',
  'ASSIGNMENT_CREATED',
  'ASSIGNMENT_DELETED',
  'ASSIGNMENT_PUBLISHED',
  'ASSIGNMENT_UPDATED',
  'EXPENSE_CREATED',
  'EXPENSE_DELETED',
  'EXPENSE_UPDATED',
  'PROJECT_UPDATED',
  'PROJECT_DELETED',
  'USER_GROUP_CREATED',
  'USER_GROUP_UPDATED',
  'USER_GROUP_DELETED',
  'USERS_INVITED_TO_WORKSPACE',
  'LIMITED_USERS_ADDED_TO_WORKSPACE',
  'COST_RATE_UPDATED',
  'BILLABLE_RATE_UPDATED',
] as const;

export const TRIGGER_SOURCE_TYPES = [
  'PROJECT_ID',
  'USER_ID',
  'TAG_ID',
  'TASK_ID',
  'WORKSPACE_ID',
  'ASSIGNMENT_ID',
  'EXPENSE_ID',
] as const;
export const WEBHOOK_TYPES = ['USER_CREATED', 'SYSTEM', 'ADDON'] as const;
export const LOG_STATUSES = ['ALL', 'SUCCEEDED', 'FAILED', 'PENDING'] as const;

/** CreateWebhookRequestV1. */
@AcceptsReadOnlyFieldsOf(WebhookDto)
export class CreateWebhookDto {
  /** Webhook name, 2 to 30 characters (default: the event name). @example "stripe" */
  @IsOptional()
  @Trim()
  @IsString()
  @Length(2, 30)
  name?: string;

  /**
   * Ids the event must concern (projects, users, tags, tasks, the workspace, ... as
   * `triggerSourceType` says); an empty list fires for every event of the type.
   * @example ["54a687e29ae1f428e7ebe909"]
   */
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  triggerSource: string[];

  /** What the ids of `triggerSource` are. @example "PROJECT_ID" */
  @IsIn(TRIGGER_SOURCE_TYPES)
  triggerSourceType: (typeof TRIGGER_SOURCE_TYPES)[number];

  /** Target URL, http or https. @example "https://example-clockify.com/stripeEndpoint" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  url: string;

  /** The event that fires the webhook. @example "NEW_PROJECT" */
  @IsIn(WEBHOOK_EVENTS)
  webhookEvent: (typeof WEBHOOK_EVENTS)[number];
}

/** UpdateWebhookRequestV1: the whole webhook, as on create. */
@AcceptsReadOnlyFieldsOf(WebhookDto)
export class UpdateWebhookDto extends CreateWebhookDto {}

export class WebhookListQueryDto {
  /** USER_CREATED (by members), ADDON (by add-ons) or SYSTEM (none here). @example "USER_CREATED" */
  @IsOptional()
  @IsIn(WEBHOOK_TYPES)
  type?: (typeof WEBHOOK_TYPES)[number];
}

export class WebhookLogQueryDto {
  /** Page number, from 1 (0 is read as the first page, as the reference's default). @example 1 */
  @ToInt()
  @IsInt()
  @Min(0)
  page: number = 1;

  /** Page size, 1 to 1000. @example 50 */
  @ToInt()
  @IsInt()
  @Min(1)
  @Max(1000)
  size: number = 50;
}

/** WebhookLogSearchRequestV1. */
export class WebhookLogSearchDto {
  /** Only logs of events created at or after this instant. @example "2023-02-01T13:00:46Z" */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Only logs of events created at or before this instant. @example "2023-02-05T13:00:46Z" */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  /** Most recent first (default: oldest first). */
  @IsOptional()
  @IsBoolean()
  sortByNewest?: boolean;

  /** ALL (default), SUCCEEDED, FAILED, or PENDING (an extension: still being retried). @example "ALL" */
  @IsOptional()
  @IsIn(LOG_STATUSES)
  status?: (typeof LOG_STATUSES)[number];
}
