import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { APPROVAL_PERIODS, type ApprovalPeriod } from '../approval-period';

export const APPROVAL_STATES = [
  'PENDING',
  'APPROVED',
  'WITHDRAWN_SUBMISSION',
  'WITHDRAWN_APPROVAL',
  'REJECTED',
] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/** CreateApprovalRequest: the period to submit (or resubmit). */
export class CreateApprovalRequestDto {
  /**
   * The approval period. It has to match the workspace approval period setting
   * (`approvalPeriod` in the workspace settings, WEEKLY when unset). @example "WEEKLY"
   */
  @IsOptional()
  @IsIn(APPROVAL_PERIODS)
  period?: ApprovalPeriod;

  /**
   * Any day of the period, in yyyy-MM-ddThh:mm:ssZ format: a UTC midnight names that calendar date,
   * another instant is dated in the owner's time zone. The period containing it is submitted.
   * @example "2020-01-01T00:00:00.000Z"
   */
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  periodStart: string;
}

/** UpdateApprovalRequest: approve, reject (with a note) or withdraw. */
export class UpdateApprovalRequestDto {
  /** Additional notes for the approval request. @example "Please split the meeting entries." */
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  note?: string;

  /** The approval state to set. @example "APPROVED" */
  @IsIn(APPROVAL_STATES)
  state: ApprovalState;
}
