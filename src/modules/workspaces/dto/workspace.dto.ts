import { RateDto } from '../../../common/dto/rate.dto';
import { MembershipDto } from '../../../common/dto/membership.dto';
import { WorkspaceSettingsDto } from './workspace-settings.dto';

export class CurrencyDto {
  /** @example "5b641568b07987035750505e" */
  id: string;
  /** @example "USD" */
  code: string;
  isDefault: boolean;
}

export class SubdomainDto {
  enabled: boolean;
  /** @example "" */
  name: string;
}

/** WorkspaceDtoV1 of the reference. */
export class WorkspaceDto {
  /** @example "64a687e29ae1f428e7ebe303" */
  id: string;
  /** @example "Cool Company" */
  name: string;
  hourlyRate: RateDto;
  costRate: RateDto;
  /** Every membership of the workspace (type WORKSPACE). */
  memberships: MembershipDto[];
  /** The workspace settings object of the reference (WorkspaceSettingsDtoV1). */
  workspaceSettings: WorkspaceSettingsDto;
  /** @example "" */
  imageUrl: string;
  /** @example "ENTERPRISE" */
  featureSubscriptionType: string;
  /** Features enabled on this server: all of them. */
  features: string[];
  currencies: CurrencyDto[];
  subdomain: SubdomainDto;
  cakeOrganizationId: string | null;
}
