import { BadRequestException } from '@nestjs/common';

function valueError(type: string, allowed: readonly string[], value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'TXT':
      return typeof value === 'string' && value.length <= 3000 ? null : 'must be a text of at most 3000 characters';
    case 'NUMBER':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'CHECKBOX':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'DROPDOWN_SINGLE':
      return typeof value === 'string' && allowed.includes(value) ? null : 'must be one of the allowed values';
    case 'DROPDOWN_MULTIPLE':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && allowed.includes(v))
        ? null
        : 'must be a list of allowed values';
    case 'LINK':
      return typeof value === 'string' && /^https?:\/\/\S+$/.test(value) ? null : 'must be an http(s) URL';
    default:
      return null;
  }
}

/** 400 when `value` does not fit a custom field of this type (null clears the value and is always accepted). */
export function checkCustomFieldValue(name: string, type: string, allowed: readonly string[], value: unknown): void {
  const error = valueError(type, allowed, value);
  if (error) throw new BadRequestException(`The value of custom field ${name} ${error}`);
}
