import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import type { FieldErrorDto } from '../dto/error.dto';
import { stripReadOnlyFields } from '../dto/read-only-fields';
import { cacheValidationMetadata } from './validation-metadata-cache';

function flatten(errors: ValidationError[], prefix = ''): FieldErrorDto[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * What it validates comes from JSON bodies, query strings, route parameters and multipart text fields (uploaded files
 * are read with @UploadedFile, which is not validated): it never holds a Buffer or a typed array. Nest's search for
 * them walks every nested DTO's metadata on each request, a fifth of the pipe's time, so it is skipped.
 */
class RequestValidationPipe extends ValidationPipe {
  /** A body may carry its resource's read-only fields (see AcceptsReadOnlyFieldsOf): they are dropped, not validated. */
  protected override validate(
    object: object,
    validatorOptions?: ValidatorOptions,
  ): Promise<ValidationError[]> | ValidationError[] {
    stripReadOnlyFields(object);
    return super.validate(object, validatorOptions);
  }

  protected override findNestedBinaryValues(): ValidationError[] {
    return [];
  }
}

/** Unknown fields are rejected, values are converted to the DTO's types, errors are keyed by field. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false, exposeDefaultValues: true },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new BadRequestException({ message: details[0]?.message ?? 'Invalid request', errors: details });
    },
  });
}
