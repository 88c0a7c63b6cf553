import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** The HTTP methods Nest and Swagger register routes with. */
export const ROUTE_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all', 'search'] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

/** How many leading path segments name a bucket. */
const KEY_SEGMENTS = 4;

interface Bucket {
  router: Router;
  /** Registration order of its first route: the order buckets run in when one path could belong to several. */
  order: number;
}

/**
 * Express tries an app's routes one after another: with some 190 routes a
 * request paid about a hundred path matches before reaching its own (a tenth
 * of the app's CPU on a create). Routes are kept here in buckets by their
 * first segments, parameters as `*` (`v1/workspaces/*\/time-entries`), each
 * bucket an express Router holding its routes in registration order, and one
 * middleware hands a request to the bucket its path can belong to. Matching is
 * the Router's own (case-insensitive, trailing slash optional); the index only
 * skips routes whose leading segments cannot match.
 *
 * Only plain paths (`/a/:b/c`, see `indexable`) are indexed; the caller
 * registers others (patterns, arrays) on the app itself.
 */
export class RouteIndex {
  private readonly buckets = new Map<string, Bucket>();
  /** The bucket shapes by key length: the positions that are parameters. */
  private readonly shapes = new Map<number, boolean[][]>();

  /** The middleware that routes a request to its bucket(s); mount it once, where the first route would be. */
  readonly dispatch: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    const found = this.bucketsOf(req.path);
    if (found.length === 0) return next();
    if (found.length === 1) return found[0].router(req, res, next);
    let i = 0;
    const runNext = (error?: unknown): void => {
      if (error !== undefined || i >= found.length) return next(error);
      found[i++].router(req, res, runNext);
    };
    runNext();
  };

  /** Whether `index` takes this path: a plain one (`/a/:b/c`), not a pattern or an array. */
  static indexable(path: unknown): path is string {
    return typeof path === 'string' && /^(\/([\w.~-]*|:\w+))+$/.test(path);
  }

  /** Adds a route (a path `indexable` takes) to its bucket. */
  index(method: RouteMethod, path: string, handlers: RequestHandler[]): void {
    const segments = segmentsOf(path);
    const keyLength = Math.min(segments.length, KEY_SEGMENTS);
    const shape = segments.slice(0, keyLength).map((s) => s.startsWith(':'));
    const key = keyOf(segments, shape, segments.length);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { router: Router(), order: this.buckets.size };
      this.buckets.set(key, bucket);
      const known = this.shapes.get(keyLength) ?? [];
      if (!known.some((s) => s.every((wild, i) => wild === shape[i]))) known.push(shape);
      this.shapes.set(keyLength, known);
    }
    bucket.router[method](path, ...handlers);
  }

  private bucketsOf(path: string): Bucket[] {
    const segments = segmentsOf(path);
    const shapes = this.shapes.get(Math.min(segments.length, KEY_SEGMENTS));
    if (!shapes) return [];
    const found: Bucket[] = [];
    for (const shape of shapes) {
      const bucket = this.buckets.get(keyOf(segments, shape, segments.length));
      if (bucket) found.push(bucket);
    }
    return found.length > 1 ? found.sort((a, b) => a.order - b.order) : found;
  }
}

/** A path's segments, lower-cased (Express matches case-insensitively), without empty ones (a trailing slash). */
function segmentsOf(path: string): string[] {
  return path
    .toLowerCase()
    .split('/')
    .filter((s) => s !== '');
}

/**
 * The bucket key of a path with `shape`: its leading segments with parameters as `*`; a path of fewer than
 * KEY_SEGMENTS segments keys with its length, as it only matches paths of that length.
 */
function keyOf(segments: string[], shape: boolean[], length: number): string {
  const key = shape.map((wild, i) => (wild ? '*' : segments[i])).join('/');
  return length < KEY_SEGMENTS ? `${length}:${key}` : key;
}
