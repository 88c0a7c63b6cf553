import { ValidateBy, ValidationOptions } from 'class-validator';
import { Matches } from 'class-validator';
import { OBJECT_ID_PATTERN } from '../../../common/utils/ids';
import { parseIsoDuration } from '../../../common/utils/time';

/** An ISO-8601 duration such as `PT1H30M`. */
export const IsIsoDuration = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isIsoDuration',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseIsoDuration(value) !== null,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an ISO-8601 duration such as PT1H30M`,
      },
    },
    options,
  );

/** A 24-character hex id (each element when `each` is set). */
export const IsObjectId = (options?: ValidationOptions) =>
  Matches(OBJECT_ID_PATTERN, { message: '$property must be a 24-character hex id', ...options });

export const COLOR_PATTERN = /^#(?:[0-9a-fA-F]{6}){1}$/;
