import type { CustomFieldType, CustomFieldValue } from './entities/custom-field.entity';

export const MAX_TEXT_VALUE_LENGTH = 3000;

/** The shape of a custom field that decides which values it takes. */
export interface CustomFieldShape {
  type: CustomFieldType;
  allowedValues: readonly string[];
}

function isUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * Why `value` is not a valid value of the field, or null when it is. A null
 * (or absent) value is always valid: it means "no value".
 * - TXT: a string; NUMBER: a finite number; CHECKBOX: true/false;
 * - DROPDOWN_SINGLE: one of allowedValues; DROPDOWN_MULTIPLE: a list of them;
 * - LINK: an http(s) URL.
 */
export function customFieldValueError(field: CustomFieldShape, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'TXT':
      if (typeof value !== 'string') return 'The value of a TXT field must be a string';
      return value.length > MAX_TEXT_VALUE_LENGTH
        ? `The value must be at most ${MAX_TEXT_VALUE_LENGTH} characters`
        : null;
    case 'NUMBER':
      return typeof value === 'number' && Number.isFinite(value)
        ? null
        : 'The value of a NUMBER field must be a number';
    case 'CHECKBOX':
      return typeof value === 'boolean' ? null : 'The value of a CHECKBOX field must be true or false';
    case 'DROPDOWN_SINGLE':
      return typeof value === 'string' && field.allowedValues.includes(value)
        ? null
        : 'The value must be one of the allowed values';
    case 'DROPDOWN_MULTIPLE':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && field.allowedValues.includes(v))
        ? null
        : 'The value must be a list of allowed values';
    case 'LINK':
      return typeof value === 'string' && isUrl(value) ? null : 'The value of a LINK field must be an http(s) URL';
  }
}

/** Why the definition itself is invalid (dropdowns need allowed values), or null. */
export function customFieldDefinitionError(field: CustomFieldShape): string | null {
  const isDropdown = field.type === 'DROPDOWN_SINGLE' || field.type === 'DROPDOWN_MULTIPLE';
  if (isDropdown && !field.allowedValues.length) return `A ${field.type} field needs at least one allowed value`;
  return null;
}

/**
 * A value that passed customFieldValueError, as stored: undefined becomes null,
 * a DROPDOWN_MULTIPLE list loses repeats (order kept); other values unchanged.
 */
export function normalizeCustomFieldValue(field: CustomFieldShape, value: unknown): CustomFieldValue {
  if (value === undefined || value === null) return null;
  if (field.type === 'DROPDOWN_MULTIPLE' && Array.isArray(value)) return [...new Set(value as string[])];
  return value as CustomFieldValue;
}
