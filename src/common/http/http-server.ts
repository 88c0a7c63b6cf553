import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import type { RequestHandler, Response } from 'express';
import { env } from '../../config/env.validation';
import { Page } from '../dto/page';
import { setPageHeaders } from './page-headers';
import { RouteIndex, type RouteMethod } from './route-index';

export interface HttpTimeouts {
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

interface TrackedSocket extends Socket {
  /** Requests on this connection so far, and those not answered yet. */
  served?: number;
  active?: number;
  /** When it last had no request in progress (its opening, or its last answer). */
  idleSince?: number;
}

/**
 * How long a kept-alive connection must have been without a request before a drain closes it: its client may be
 * sending the next one right now (closing under it would reset it). A connection that has not had its first request
 * yet is left open until the deadline: its request may be waiting to be read (a busy event loop reads late).
 */
const KEEP_ALIVE_GRACE_MS = 1000;
const DRAIN_POLL_MS = 25;

/**
 * The connections of a server, tracked from the start so a shutdown can drain
 * them: stop accepting, answer every request already received (the response
 * says `Connection: close`), close connections once idle, and after the
 * deadline close whatever is left.
 */
export class ConnectionTracker {
  private readonly sockets = new Set<TrackedSocket>();
  private readonly responses = new Set<ServerResponse>();
  private draining = false;
  private lastConnectionAt = 0;
  private connections = 0;

  constructor(private readonly server: Server) {
    server.on('connection', (socket: TrackedSocket) => {
      this.lastConnectionAt = Date.now();
      this.connections++;
      socket.served = 0;
      socket.active = 0;
      socket.idleSince = Date.now();
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const socket = req.socket as TrackedSocket;
      socket.served = (socket.served ?? 0) + 1;
      socket.active = (socket.active ?? 0) + 1;
      if (this.draining) closeAfter(res);
      this.responses.add(res);
      res.once('close', () => {
        this.responses.delete(res);
        socket.active = Math.max(0, (socket.active ?? 1) - 1);
        if (socket.active === 0) socket.idleSince = Date.now();
      });
    });
  }

  /**
   * Node accepts one queued connection per event-loop iteration, so under load a backlog drains slowly: the
   * listener stays open until a whole iteration has passed without a connection and none came for
   * ACCEPT_QUIET_MS, or until `until`.
   */
  private async acceptQueued(until: number): Promise<void> {
    this.lastConnectionAt = Math.max(this.lastConnectionAt, Date.now());
    for (;;) {
      const accepted = await this.acceptedDuringNextIteration();
      if (Date.now() >= until) return;
      if (!accepted && Date.now() - this.lastConnectionAt >= ACCEPT_QUIET_MS) return;
      if (!accepted) await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Whether a connection arrived between two check phases, that is during one full poll phase. */
  private acceptedDuringNextIteration(): Promise<boolean> {
    return new Promise((resolve) =>
      setImmediate(() => {
        const before = this.connections;
        setImmediate(() => resolve(this.connections > before));
      }),
    );
  }

  /**
   * Resolves once every connection has closed, or after `timeoutMs` with the
   * rest destroyed; returns how many had to be destroyed. The listening socket
   * is closed first (once the connections the kernel had queued are accepted,
   * `onStopAccepting` is told) without `server.close()`'s sweep of idle
   * connections, which would also reset connections whose request has not been
   * read yet.
   */
  async drain(timeoutMs: number, onStopAccepting?: (afterMs: number) => void): Promise<number> {
    const start = Date.now();
    const deadline = start + timeoutMs;
    this.draining = true;
    for (const res of this.responses) closeAfter(res);
    await this.acceptQueued(start + timeoutMs / 2);
    if (this.server.listening) NetServer.prototype.close.call(this.server); // stops accepting; its callback would wait for every connection
    onStopAccepting?.(Date.now() - start);
    for (;;) {
      const now = Date.now();
      for (const socket of this.sockets) {
        if (socket.active === 0 && socket.served && now - (socket.idleSince ?? now) >= KEEP_ALIVE_GRACE_MS)
          socket.end();
      }
      if (!this.sockets.size) return 0;
      if (now >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, Math.min(DRAIN_POLL_MS, deadline - now)));
    }
    const left = this.sockets.size;
    for (const socket of this.sockets) socket.destroy();
    return left;
  }
}

/**
 * Connections the kernel has already completed wait in the listen backlog, their requests sent: closing the
 * listener would reset them. So the listener stays open until the backlog is empty (see `acceptQueued`; at most
 * half the drain time), and those accepted meanwhile are answered with `Connection: close`.
 */
const ACCEPT_QUIET_MS = 20;

/** The response ends its connection (`Connection: close`), also when its headers are already out. */
function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
  else res.once('finish', () => res.socket?.end());
}

const trackers = new WeakMap<Server, ConnectionTracker>();

export function connectionTracker(server: Server): ConnectionTracker | undefined {
  return trackers.get(server);
}

export function httpTimeouts(): HttpTimeouts {
  const settings = env();
  return {
    requestTimeoutMs: settings.REQUEST_TIMEOUT_MS,
    headersTimeoutMs: settings.HEADERS_TIMEOUT_MS,
    keepAliveTimeoutMs: settings.KEEP_ALIVE_TIMEOUT_MS,
  };
}

/**
 * Nest's Express adapter with an HTTP server of ours: request, header and
 * keep-alive timeouts (Node checks them every `connectionsCheckingInterval`,
 * 30 s by default, so a 30 s request timeout could let a slow client hold a
 * connection a minute), and its connections tracked for a draining shutdown.
 */
export class HttpServerAdapter extends ExpressAdapter {
  /** The routes, found by their leading segments instead of one by one (see RouteIndex). */
  private readonly routes = new RouteIndex();
  private routesMounted = false;

  constructor(private readonly timeouts: HttpTimeouts = httpTimeouts()) {
    super();
  }

  override get(...args: [RequestHandler] | [unknown, RequestHandler]): unknown {
    return this.route('get', args);
  }
  override post(...args: [RequestHandler] | [unknown, RequestHandler]): unknown {
    return this.route('post', args);
  }
  override put(...args: [RequestHandler] | [unknown, RequestHandler]): unknown {
    return this.route('put', args);
  }
  override patch(...args: [RequestHandler] | [unknown, RequestHandler]): unknown {
    return this.route('patch', args);
  }
  override delete(...args: [RequestHandler] | [unknown, RequestHandler]): unknown {
    return this.route('delete', args);
  }
  override head(...args: [RequestHandler] | [unknown, RequestHandler]): unknown {
    return this.route('head', args);
  }
  override options(...args: [RequestHandler] | [unknown, RequestHandler]): unknown {
    return this.route('options', args);
  }
  override all(...args: [RequestHandler] | [unknown, RequestHandler]): unknown {
    return this.route('all', args);
  }
  override search(...args: [RequestHandler] | [unknown, RequestHandler]): unknown {
    return this.route('search', args);
  }

  /**
   * A handler's Page is sent as its items (a plain array, as Clockify answers lists) with the totals as headers.
   * Done here rather than by an interceptor: any interceptor puts every request of its routes through RxJS.
   */
  override reply(response: Response, body: unknown, statusCode?: number): unknown {
    if (!(body instanceof Page)) return super.reply(response, body, statusCode);
    setPageHeaders(response, body.total, body.request.page, body.request.pageSize);
    return super.reply(response, body.items, statusCode);
  }

  /** A route into the index (mounted, once, where the first route is registered); anything else onto the app. */
  private route(method: RouteMethod, args: [RequestHandler] | [unknown, RequestHandler]): unknown {
    const app = this.getInstance<
      Record<RouteMethod, (...a: unknown[]) => unknown> & { use(h: RequestHandler): void }
    >();
    if (args.length === 2 && RouteIndex.indexable(args[0])) {
      if (!this.routesMounted) app.use(this.routes.dispatch);
      this.routesMounted = true;
      this.routes.index(method, args[0], [args[1]]);
      return app;
    }
    return app[method](...args);
  }

  override initHttpServer(options: NestApplicationOptions): void {
    if (options?.httpsOptions) return super.initHttpServer(options);
    const { requestTimeoutMs, headersTimeoutMs, keepAliveTimeoutMs } = this.timeouts;
    const server = createServer(
      {
        requestTimeout: requestTimeoutMs,
        headersTimeout: headersTimeoutMs,
        connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersTimeoutMs / 4))),
      },
      this.getInstance(),
    );
    server.keepAliveTimeout = keepAliveTimeoutMs;
    trackers.set(server, new ConnectionTracker(server));
    this.httpServer = server;
  }
}
