import { PartialType } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../../common/dto/trim';
import { AcceptsReadOnlyFieldsOf } from '../../../common/dto/read-only-fields';
import { TagDto } from './tag.dto';

/** TagRequest. */
@AcceptsReadOnlyFieldsOf(TagDto)
export class CreateTagDto {
  /** Tag name, unique in the workspace (case-insensitively). @example "Sprint1" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;
}

/** UpdateTagRequest: only the fields sent change. */
@AcceptsReadOnlyFieldsOf(TagDto)
export class UpdateTagDto extends PartialType(CreateTagDto) {
  /** Whether the tag is archived. */
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}
