import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];

/**
 * class-validator looks up a class's rules on every validation by testing the class against every class that has
 * rules (`instanceof`, a few hundred DTOs here): most of a request's validation time. The rules only change while
 * decorators run (at start-up), so the lookup is remembered per class and options, and forgotten whenever a rule
 * or schema is added.
 */
export function cacheValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (cached.has(storage)) return;
  cached.add(storage);
  let byTarget = new WeakMap<object, Map<string, ValidationMetadata[]>>();
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}|${always}|${strictGroups}|${groups?.join('\u0000') ?? ''}`;
    let forTarget = byTarget.get(target);
    if (!forTarget) byTarget.set(target, (forTarget = new Map()));
    let metadatas = forTarget.get(key);
    if (!metadatas) forTarget.set(key, (metadatas = lookUp(target, schema, always, strictGroups, groups)));
    return metadatas;
  };
  for (const method of ['addValidationMetadata', 'addValidationSchema'] as const) {
    const add = storage[method].bind(storage) as (value: never) => void;
    storage[method] = (value: never) => {
      byTarget = new WeakMap();
      add(value);
    };
  }
}

const cached = new WeakSet<MetadataStorage>();
