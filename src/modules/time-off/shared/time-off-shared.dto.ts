import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { OBJECT_ID_PATTERN } from '../../../common/utils/ids';

export const COLOR_PATTERN = /^#(?:[0-9a-fA-F]{6}){1}$/;
const ID_MESSAGE = 'each value in ids must be a 24-character hex id';

/**
 * UserIdsSchema / UserGroupIdsSchema / ContainsUsersFilterRequestForHoliday:
 * the users or user groups a holiday or policy applies to. Only `ids` decides
 * membership; `contains` must be CONTAINS (or CONTAINS_ONLY) when ids are given.
 */
export class IdsFilterRequestDto {
  /** Filter type. @example "CONTAINS" */
  @IsOptional()
  @IsIn(['CONTAINS', 'DOES_NOT_CONTAIN', 'CONTAINS_ONLY'])
  contains?: 'CONTAINS' | 'DOES_NOT_CONTAIN' | 'CONTAINS_ONLY';

  /** The ids. @example ["5b715612b079875110791111"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @Matches(OBJECT_ID_PATTERN, { each: true, message: ID_MESSAGE })
  ids?: string[];

  /** Member status filter. @example "ALL" */
  @IsOptional()
  @IsIn(['PENDING', 'ACTIVE', 'DECLINED', 'INACTIVE', 'ALL'])
  status?: string;

  /** Member statuses. */
  @IsOptional()
  @IsArray()
  @IsIn(['PENDING', 'ACTIVE', 'DECLINED', 'INACTIVE', 'ALL'], { each: true })
  statuses?: string[];
}

/** DefaultEntitiesRequest: default project and task of automatically created time entries. */
export class DefaultEntitiesRequestDto {
  /** Default project. @example "65b36d3c525e243c48f9150f" */
  @IsOptional()
  @IsString()
  @Matches(OBJECT_ID_PATTERN, { message: 'projectId must be a 24-character hex id' })
  projectId?: string;

  /** Default task. @example "65b36d46fa3df8607e42d21a" */
  @IsOptional()
  @IsString()
  @Matches(OBJECT_ID_PATTERN, { message: 'taskId must be a 24-character hex id' })
  taskId?: string;
}

/** AutomaticTimeEntryCreationRequest. */
export class AutomaticTimeEntryCreationRequestDto {
  @IsObject()
  @ValidateNested()
  @Type(() => DefaultEntitiesRequestDto)
  defaultEntities: DefaultEntitiesRequestDto;

  /** Whether automatic time entry creation is enabled. @example true */
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

/** DefaultEntitiesDto. */
export class DefaultEntitiesDto {
  projectId: string | null;
  taskId: string | null;
}

/** AutomaticTimeEntryCreationDto. */
export class AutomaticTimeEntryCreationDto {
  defaultEntities: DefaultEntitiesDto;
  enabled: boolean;
}

/** EntityIdNameDto. */
export class EntityIdNameDto {
  id: string;
  name: string;
}

/** The stored form of automatic time entry creation settings. */
export interface AutoEntrySettings {
  enabled: boolean;
  projectId: string | null;
  taskId: string | null;
}

export function autoEntrySettings(request: AutomaticTimeEntryCreationRequestDto | undefined): AutoEntrySettings | null {
  if (!request) return null;
  return {
    enabled: request.enabled ?? false,
    projectId: request.defaultEntities.projectId ?? null,
    taskId: request.defaultEntities.taskId ?? null,
  };
}

export function autoEntryDto(settings: AutoEntrySettings | null): AutomaticTimeEntryCreationDto {
  return {
    enabled: settings?.enabled ?? false,
    defaultEntities: { projectId: settings?.projectId ?? null, taskId: settings?.taskId ?? null },
  };
}

/** A jsonb parameter: SQL NULL for null. */
export function jsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
