import type { Type } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

const RESPONSES = Symbol('readOnlyFieldsOf');
const METADATA_FACTORY = '_OPENAPI_METADATA_FACTORY'; // what the Swagger CLI plugin adds to each DTO class

/**
 * Marks a request body as the write side of a resource whose response DTO(s) are given: a client may GET the
 * resource, edit it and send the whole object back, as Clockify allows. The response's fields that this body does
 * not declare itself (`id`, `workspaceId`, `userId`, `hourlyRate`, `isLocked`...) are accepted and dropped before
 * validation, so they are never applied; any other unknown field is still 400. Read by the global validation pipe.
 */
export function AcceptsReadOnlyFieldsOf(...responses: Type[]): ClassDecorator {
  return (target) => {
    // An import cycle would leave a response class undefined here, and its fields silently refused.
    if (responses.some((response) => typeof response !== 'function'))
      throw new Error(`AcceptsReadOnlyFieldsOf on ${target.name}: a response class is undefined (import cycle?)`);
    Reflect.defineMetadata(RESPONSES, responses, target);
  };
}

/** The property names of a response DTO, as its Swagger schema has them (plugin metadata and @ApiProperty). */
export function responseFieldNames(dto: Type): string[] {
  const names = new Set<string>();
  for (
    let cls: object = dto;
    typeof cls === 'function' && cls !== Function.prototype;
    cls = Object.getPrototypeOf(cls) as object
  ) {
    const factory: unknown = Object.prototype.hasOwnProperty.call(cls, METADATA_FACTORY)
      ? Reflect.get(cls, METADATA_FACTORY)
      : undefined;
    if (typeof factory === 'function') for (const name of Object.keys(factory() as object)) names.add(name);
    const explicit: unknown[] =
      Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, (cls as Type).prototype) ?? [];
    for (const key of explicit) if (typeof key === 'string' && key.startsWith(':')) names.add(key.slice(1));
  }
  return [...names];
}

const ignoredByBody = new WeakMap<object, ReadonlySet<string>>();

/** The response fields a body DTO accepts and ignores: its responses' fields minus the ones it validates itself. */
export function readOnlyFieldsOf(body: Type): ReadonlySet<string> {
  let ignored = ignoredByBody.get(body);
  if (ignored) return ignored;
  const responses: Type[] = Reflect.getMetadata(RESPONSES, body) ?? [];
  const own = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(body, '', true, false)
      .map((rule) => rule.propertyName),
  );
  ignored = new Set(responses.flatMap(responseFieldNames).filter((name) => !own.has(name)));
  ignoredByBody.set(body, ignored);
  return ignored;
}

/**
 * Deletes, in place, the read-only fields of a transformed body and of the nested request DTOs it holds (a project's
 * `hourlyRate` sent back as `{amount, currency}`), before class-validator's whitelist would refuse them.
 */
export function stripReadOnlyFields(value: unknown): void {
  if (!value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) stripReadOnlyFields(item);
    return;
  }
  const type = value.constructor;
  if (typeof type !== 'function' || type === Object) return; // plain objects were not built from a DTO
  const ignored = readOnlyFieldsOf(type as Type);
  for (const key of Object.keys(value)) {
    if (ignored.has(key)) Reflect.deleteProperty(value, key);
    else stripReadOnlyFields((value as Record<string, unknown>)[key]);
  }
}
