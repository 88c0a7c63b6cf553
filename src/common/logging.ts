import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AuthenticatedRequest } from './auth/principal';

const REQUEST_LOG_LEVELS = ['trace', 'debug', 'info'];

/**
 * One line per request: method, path, status, time, workspace. Keys and tokens
 * are never logged. Request lines are at info: at a quieter level the request
 * middleware (a child logger per request) is not mounted at all; errors are
 * still logged by the exception filter.
 */
export function loggerParams(level: string): Params {
  return {
    ...(REQUEST_LOG_LEVELS.includes(level) ? {} : { forRoutes: [] }),
    pinoHttp: {
      level,
      redact: ['req.headers["x-api-key"]', 'req.headers["x-addon-token"]', 'req.headers.authorization'],
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
      customProps: (req: IncomingMessage) => {
        const workspaceId = (req as AuthenticatedRequest).workspace?.workspaceId;
        return workspaceId ? { workspaceId } : {};
      },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        error || res.statusCode >= 500 ? 'error' : 'info',
      quietReqLogger: true,
    },
  };
}
