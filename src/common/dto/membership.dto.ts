import { RateDto } from './rate.dto';

export class MembershipDto {
  /** @example "5a0ab5acb07987125438b60f" */
  userId: string;
  hourlyRate: RateDto | null;
  costRate: RateDto | null;
  /** The workspace, project or user group id. @example "64a687e29ae1f428e7ebe303" */
  targetId: string;
  /** @example "WORKSPACE" */
  membershipType: 'WORKSPACE' | 'PROJECT' | 'USERGROUP';
  /** @example "ACTIVE" */
  membershipStatus: 'PENDING' | 'ACTIVE' | 'DECLINED' | 'INACTIVE';
}
