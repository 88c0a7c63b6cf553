import type { NextFunction, Request, Response } from 'express';
import type { ErrorDto } from '../dto/error.dto';

/** Deeper JSON than this is refused: class-transformer and class-validator recurse, and 2,000 levels overflowed the stack. */
export const MAX_JSON_DEPTH = 32;

export interface HostileValue {
  kind: 'depth' | 'nul';
  field: string;
}

const fieldPath = (parent: string, key: string, inArray: boolean) =>
  inArray ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/**
 * The first place in a parsed body (or query) that is nested deeper than
 * MAX_JSON_DEPTH containers or holds a NUL character (PostgreSQL refuses
 * it in text), with its path (`items[0].note`). Walks with a stack of its own,
 * so any depth is safe to inspect.
 */
export function findHostileValue(root: unknown, maxDepth = MAX_JSON_DEPTH): HostileValue | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\0')) return { kind: 'nul', field: path };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth + 1 > maxDepth) return { kind: 'depth', field: path };
    const inArray = Array.isArray(value);
    const entries = Object.entries(value as Record<string, unknown>);
    // Pushed in reverse, so the first field is reported first.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      const childPath = fieldPath(path, key, inArray);
      if (key.includes('\0')) return { kind: 'nul', field: childPath.replace(/\0/g, '\\0') };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

function errorFor(found: HostileValue): ErrorDto {
  return found.kind === 'depth'
    ? {
        code: 400,
        message: `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`,
        errors: [{ field: found.field, message: `nested deeper than ${MAX_JSON_DEPTH} levels` }],
      }
    : {
        code: 400,
        message: 'Text must not contain NUL characters',
        errors: [{ field: found.field, message: 'contains a NUL character' }],
      };
}

function decodedPath(req: Request): string {
  try {
    return decodeURIComponent(req.path);
  } catch {
    return req.path; // a malformed escape is the router's to answer
  }
}

/**
 * Runs on every request after the JSON parser and before guards, pipes and
 * validation: a body nested too deep, or a NUL in a body string, a query
 * value or name, or the path, is 400 with the error body, before anything
 * reads the request.
 */
export function rejectHostileInput(req: Request, res: Response, next: NextFunction): void {
  const found =
    (decodedPath(req).includes('\0') ? ({ kind: 'nul', field: 'path' } as const) : null) ??
    findHostileValue(req.query, MAX_JSON_DEPTH) ??
    findHostileValue(req.body);
  if (!found) return next();
  res.status(400).json(errorFor(found));
}
