import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Express, NextFunction, Request, Response } from 'express';
import { json } from 'express';
import { Logger } from 'nestjs-pino';
import { AllExceptionsFilter, fromMiddleware } from './common/filters/all-exceptions.filter';
import { rejectHostileInput } from './common/middleware/hostile-input';
import { createValidationPipe } from './common/pipes/validation';
import { env } from './config/env.validation';

const BODY_LIMIT = '1mb';
const EXPOSED_HEADERS = [
  'X-Total-Count',
  'X-Page',
  'X-Page-Size',
  'Last-Page',
  'ETag',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'X-Next-Cursor',
  'Idempotent-Replayed',
  'X-Data-Freshness',
];

/** A body that is neither JSON nor a multipart upload is 415, not silently ignored. */
function requireJsonBodies(req: Request, res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (hasBody && !/^application\/([\w.+-]+\+)?json\b/.test(type) && !type.startsWith('multipart/form-data')) {
    res.status(415).json({ message: 'Content-Type must be application/json', code: 415 });
    return;
  }
  next();
}

/**
 * Clockify's clients are often configured with its base URLs
 * (`https://api.clockify.me/api/v1`, regional `…/report/v1`): the same paths
 * with those prefixes are served here too, so only the host needs changing.
 */
function acceptClockifyPrefixes(req: Request, _res: Response, next: NextFunction): void {
  const match = /^\/(api|report|reports)(\/v1(\/|\?|$))/.exec(req.url);
  if (match) req.url = req.url.slice(match[1].length + 1);
  next();
}

/** Body-parser errors (bad JSON, too large) in the API's error shape; Nest would otherwise pass the parser's own message on. */
function bodyParserErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const body = fromMiddleware(err);
  if (!body) return next(err);
  res.status(body.code).json(body);
}

export function buildOpenApiDocument(app: INestApplication) {
  const config = new DocumentBuilder()
    .setTitle('Clockify-compatible time tracking API')
    .setDescription(
      'Self-hosted API that speaks the Clockify API v1. Authenticate with `X-Api-Key` (a personal key, ' +
        'created with `npm run cli -- user:create`) or `X-Addon-Token`. Lists take `page` and `page-size` ' +
        'and answer with X-Total-Count, X-Page, X-Page-Size and Last-Page headers. Every authenticated response ' +
        'carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset; POSTs take an Idempotency-Key header ' +
        '(see docs/integrators.md).',
    )
    .setVersion('v1')
    .addServer('/')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'ApiKeyAuth')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Addon-Token' }, 'AddonKeyAuth')
    .addSecurityRequirements('ApiKeyAuth')
    .addSecurityRequirements('AddonKeyAuth')
    .build();
  return withIntegratorHeaders(SwaggerModule.createDocument(app, config));
}

const RATE_HEADERS = {
  'RateLimit-Limit': {
    description: 'Requests allowed per second (per credential and workspace).',
    schema: { type: 'integer' },
  },
  'RateLimit-Remaining': {
    description: 'Requests left in the current one-second window.',
    schema: { type: 'integer' },
  },
  'RateLimit-Reset': { description: 'Seconds until the window resets.', schema: { type: 'integer' } },
};

/**
 * Rate limits and idempotency in the document: `Idempotency-Key` on every POST, a 429 answer with
 * Retry-After and the RateLimit-* headers on every /v1 operation (docs/integrators.md explains both).
 */
function withIntegratorHeaders(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/v1/')) continue;
    for (const [method, operation] of Object.entries(item) as [
      string,
      { parameters?: unknown[]; responses?: Record<string, unknown> },
    ][]) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      operation.responses ??= {};
      operation.responses['429'] = {
        description:
          'Rate limit exceeded (`RATE_LIMIT_PER_SECOND`, default 50 per second per credential and workspace).',
        headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } }, ...RATE_HEADERS },
      };
      if (method !== 'post') continue;
      operation.parameters = [
        ...(operation.parameters ?? []),
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Not in Clockify: a repeat with the same key, caller and body within 24 h returns the first response ' +
            'without doing the work again; the same key with another body is 422, and 409 while the first is in flight.',
          schema: { type: 'string', maxLength: 255 },
        },
      ];
    }
  }
  return document;
}

/** Everything the server and the e2e tests share: parsers, pipes, filter, Swagger. Create the app with `bodyParser: false`. */
export function bootstrap(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  // No automatic weak ETags (a SHA-1 of every body): versioned resources (time entries) set their own ETag,
  // and Clockify has no conditional GETs to keep.
  const server: Express = app.getHttpAdapter().getInstance();
  server.set('etag', false);
  server.set('trust proxy', env().TRUST_PROXY); // X-Forwarded-Proto/-Host count for links only behind a trusted proxy
  app.enableCors({ exposedHeaders: EXPOSED_HEADERS });
  app.use(acceptClockifyPrefixes);
  app.use(requireJsonBodies);
  app.use(json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  app.use(bodyParserErrors);
  app.use(rejectHostileInput); // deep JSON, NUL characters: 400 before guards and validation
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'Clockify-compatible API',
  });
  return app;
}
