import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/dto/page-query.dto';
import { ToBoolean } from '../../../common/dto/transforms';

/** `cleansed` and `hydrated` of the template reads. */
export class TemplateViewQueryDto {
  /** If set to true will filter out inactive template projects and tasks. @example false */
  @ToBoolean()
  @IsBoolean()
  cleansed: boolean = false;

  /** If set to true will return hydrated template projects and tasks. @example false */
  @ToBoolean()
  @IsBoolean()
  hydrated: boolean = false;
}

/** Query of `GET /templates`. */
export class TemplateListQueryDto extends PageQueryDto {
  /** If provided, you'll get a filtered list of templates that contain the provided string in their name. @example "week" */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  /** If set to true will filter out inactive template projects and tasks. @example false */
  @ToBoolean()
  @IsBoolean()
  cleansed: boolean = false;

  /** If set to true will return hydrated template projects and tasks. @example false */
  @ToBoolean()
  @IsBoolean()
  hydrated: boolean = false;
}
