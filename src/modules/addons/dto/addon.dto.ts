import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/** Install from a manifest: `manifestUrl` (fetched by the server) or the `manifest` itself, one of the two. */
export class InstallAddonDto {
  /** Where the manifest is served, e.g. `https://addon.example.com/manifest`. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  manifestUrl?: string;

  /** The manifest JSON (schema 1.3) inline, instead of a URL. */
  @IsOptional()
  @IsObject()
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  manifest?: Record<string, unknown>;
}

export class UpdateAddonStatusDto {
  @IsIn(['ACTIVE', 'INACTIVE'])
  status: 'ACTIVE' | 'INACTIVE';
}

export class SettingUpdateDto {
  @IsString()
  @Length(1, 100)
  id: string;

  /** A string, number, boolean or array of strings, as the setting's type wants. */
  @IsDefined()
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }],
  })
  value: unknown;
}

export class UpdateAddonSettingsDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SettingUpdateDto)
  settings: SettingUpdateDto[];
}

export class AddonDto {
  id: string;
  workspaceId: string;
  /** The manifest's key; null when installed without a manifest. */
  key: string | null;
  name: string;
  description: string | null;
  baseUrl: string | null;
  /** The manifest's scopes; null: full admin access (installed without a manifest). */
  scopes: string[] | null;
  @ApiProperty({ enum: ['ACTIVE', 'INACTIVE', 'FAILED', 'UNINSTALLED'] })
  status: 'ACTIVE' | 'INACTIVE' | 'FAILED' | 'UNINSTALLED';
  /** The installing user: `asUser` of the INSTALLED payload and the token's `user`. */
  installedBy: string;
  installedAt: string;
  /** Why the installation failed (its INSTALLED call kept failing). */
  failedReason: string | null;
}

export class AddonSettingsDto {
  addonId: string;
  /** The manifest's `settings` (tabs, groups, settings) with this installation's values. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  settings: unknown;
}

export class UserTokenDto {
  /** An X-Addon-Token acting as the member (RS256 JWT with `exp`). */
  token: string;
  userId: string;
  expiresAt: string;
}

export class LifecycleCallDto {
  id: string;
  @ApiProperty({ enum: ['INSTALLED', 'DELETED', 'SETTINGS_UPDATED', 'STATUS_CHANGED'] })
  event: string;
  url: string;
  @ApiProperty({ enum: ['PENDING', 'SUCCEEDED', 'FAILED'] })
  status: string;
  attempts: number;
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
  createdAt: string;
  updatedAt: string;
}
