import { BadRequestException } from '@nestjs/common';
import type { IdsFilterRequestDto } from './time-off-shared.dto';

/** The ids of a users/userGroups filter of a holiday or policy; only inclusion lists are supported. */
export function includedIds(filter: IdsFilterRequestDto | undefined, field: string): string[] {
  if (!filter) return [];
  const ids = [...new Set(filter.ids ?? [])];
  if (filter.contains === 'DOES_NOT_CONTAIN' && ids.length) {
    throw new BadRequestException(`${field}.contains DOES_NOT_CONTAIN is not supported; list the ids to include`);
  }
  return ids;
}
