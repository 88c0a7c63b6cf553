import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  CUSTOM_FIELD_ENTITY_TYPES,
  CUSTOM_FIELD_STATUSES,
  type CustomFieldEntityType,
  type CustomFieldStatus,
} from '../entities/custom-field.entity';

/** Filters of GET projects/{projectId}/custom-fields. */
export class ProjectCustomFieldQueryDto {
  /** @example "VISIBLE" */
  @IsOptional()
  @IsIn(CUSTOM_FIELD_STATUSES)
  status?: CustomFieldStatus;

  /** @example "TIMEENTRY" */
  @IsOptional()
  @IsIn(CUSTOM_FIELD_ENTITY_TYPES)
  'entity-type'?: CustomFieldEntityType;
}

/** Filters of GET custom-fields. */
export class CustomFieldQueryDto extends ProjectCustomFieldQueryDto {
  /** Fields whose name contains this text (case-insensitive). @example "loc" */
  @IsOptional()
  @IsString()
  @MaxLength(250)
  name?: string;
}
