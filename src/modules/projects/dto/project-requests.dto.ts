import { PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { OptionalRatesRequestDto } from '../../../common/dto/rate.dto';
import { UserIdWithRatesRequestDto } from './project-memberships.dto';
import { ESTIMATE_TYPES, type EstimateType } from '../entities/project.entity';
import { COLOR_PATTERN, IsIsoDuration, IsObjectId } from './validators';
import { AcceptsReadOnlyFieldsOf } from '../../../common/dto/read-only-fields';
import { ProjectDto } from './project.dto';

/** EstimateRequest: the legacy time estimate. */
export class EstimateRequestDto {
  /** @example "PT1H30M" */
  @IsOptional()
  @IsIsoDuration()
  estimate?: string;

  /** @example "MANUAL" */
  @IsOptional()
  @IsIn(ESTIMATE_TYPES)
  type?: EstimateType;
}

/** MembershipRequest: a user (PROJECT) or a user group (USERGROUP: `userId` is the group id). */
export class MembershipRequestDto extends UserIdWithRatesRequestDto {
  /** @example "PROJECT" */
  @IsOptional()
  @IsIn(['PROJECT', 'USERGROUP', 'WORKSPACE'])
  membershipType?: 'PROJECT' | 'USERGROUP' | 'WORKSPACE';

  /** @example "ACTIVE" */
  @IsOptional()
  @IsIn(['PENDING', 'ACTIVE', 'DECLINED', 'INACTIVE', 'ALL'])
  membershipStatus?: string;
}

/** TaskRequest: a task created with the project. */
export class TaskRequestDto extends OptionalRatesRequestDto {
  /** @example "Bugfixing" */
  @IsString()
  @Length(1, 1000)
  name: string;

  /** Ignored: the server assigns ids. */
  @IsOptional()
  @IsObjectId()
  id?: string;

  /** Ignored: the task belongs to the new project. */
  @IsOptional()
  @IsObjectId()
  projectId?: string;

  /** @deprecated use assigneeIds */
  @IsOptional()
  @IsObjectId()
  assigneeId?: string;

  @IsOptional()
  @IsArray()
  @IsObjectId({ each: true })
  assigneeIds?: string[];

  @IsOptional()
  @IsArray()
  @IsObjectId({ each: true })
  userGroupIds?: string[];

  @IsOptional()
  @IsBoolean()
  billable?: boolean;

  /** Cents. @example 10000 */
  @IsOptional()
  @IsInt()
  @Min(0)
  budgetEstimate?: number;

  /** @example "PT1H30M" */
  @IsOptional()
  @IsIsoDuration()
  estimate?: string;

  /** @example "ACTIVE" */
  @IsOptional()
  @IsIn(['ACTIVE', 'DONE'])
  status?: 'ACTIVE' | 'DONE';
}

/** ProjectRequest: body of POST projects. */
@AcceptsReadOnlyFieldsOf(ProjectDto)
export class ProjectRequestDto extends OptionalRatesRequestDto {
  /** @example "Software Development" */
  @IsString()
  @Length(2, 250)
  name: string;

  /** "" or absent: no client. @example "9t641568b07987035750704" */
  @IsOptional()
  @ValidateIf((_, v) => v !== '')
  @IsObjectId()
  clientId?: string | null;

  /** @example "#000000" */
  @IsOptional()
  @Matches(COLOR_PATTERN, { message: 'color must be a #RRGGBB color' })
  color?: string;

  /** @example "This is a sample note for the project." */
  @IsOptional()
  @IsString()
  @MaxLength(16384)
  note?: string;

  @IsOptional()
  @IsBoolean()
  isPublic?: boolean;

  @IsOptional()
  @IsBoolean()
  billable?: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => EstimateRequestDto)
  estimate?: EstimateRequestDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => MembershipRequestDto)
  memberships?: MembershipRequestDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => TaskRequestDto)
  tasks?: TaskRequestDto[];
}

/** UpdateProjectRequest: body of PUT projects/{id}; absent fields stay as they are ("" or null `clientId`: remove the client). */
@AcceptsReadOnlyFieldsOf(ProjectDto)
export class UpdateProjectRequestDto extends PartialType(
  PickType(ProjectRequestDto, [
    'name',
    'clientId',
    'color',
    'note',
    'isPublic',
    'billable',
    'hourlyRate',
    'costRate',
  ] as const),
) {
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

/** PatchProjectTemplateRequest. */
export class PatchProjectTemplateRequestDto {
  @IsBoolean()
  isTemplate: boolean;
}

/** CreateProjectFromTemplateV1. */
export class CreateProjectFromTemplateDto extends PickType(ProjectRequestDto, [
  'name',
  'clientId',
  'color',
  'isPublic',
] as const) {
  /** @example "5b641568b07987035750505e" */
  @IsNotEmpty()
  @IsObjectId()
  templateProjectId: string;
}
