import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import type { Registry } from 'prom-client';
import { errorBody, type ErrorCode } from './errors';
import { apiSecurityHeaders } from './security-headers';

/**
 * The HTTP edge below Hono: Node's own parser and socket handling. Every answer given here (a
 * request Node cannot parse, headers too large, a client too slow, a URL Hono cannot build a
 * request from) has the API's JSON error shape and security headers, and closes the connection.
 */

/** Node's parser errors, as the status a client gets. */
function parserStatus(error: NodeJS.ErrnoException): { status: number; code: ErrorCode } {
  if (error.code === 'HPE_HEADER_OVERFLOW') return { status: 431, code: 'headers-too-large' };
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, code: 'request-timeout' };
  if (error.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return { status: 413, code: 'payload-too-large' };
  return { status: 400, code: 'bad-request' };
}

function rawAnswer(status: number, code: ErrorCode, headers: Record<string, string>): string {
  const body = JSON.stringify(errorBody(code, 'en'));
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Content-Type: application/json; charset=UTF-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

export interface HttpServerOptions {
  fetch: (request: Request, env: object) => Response | Promise<Response>;
  hostname?: string;
  /** Slow clients (tests shorten them): the whole request, the headers, an idle socket. */
  timeouts?: Timeouts;
}

interface Timeouts {
  requestMs: number;
  headersMs: number;
  socketMs: number;
  /** How often Node looks for requests past their timeouts (its default: 30 s). */
  checkEveryMs?: number;
}

const TIMEOUTS: Timeouts = { requestMs: 15_000, headersMs: 10_000, socketMs: 30_000 };

/**
 * The Node HTTP server of the app: timeouts for slow or lying clients, and the JSON error shape
 * with security headers for everything Node or the adapter would otherwise answer bare.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<Server> {
  const headers = await apiSecurityHeaders();
  const listener = getRequestListener(options.fetch, {
    hostname: options.hostname,
    // A request Hono cannot be given (a backslash in the path, no Host, `OPTIONS *`).
    errorHandler: () =>
      new Response(JSON.stringify(errorBody('bad-request', 'en')), {
        status: 400,
        headers: {
          ...headers,
          'Content-Type': 'application/json; charset=UTF-8',
          Connection: 'close',
        },
      }),
  });
  const timeouts = options.timeouts ?? TIMEOUTS;
  const server = createServer(
    {
      // Without a Host, Node would answer a bare 400 itself; the adapter then refuses the request
      // through `errorHandler`, with the error shape.
      requireHostHeader: false,
      requestTimeout: timeouts.requestMs,
      headersTimeout: timeouts.headersMs,
      ...(timeouts.checkEveryMs ? { connectionsCheckingInterval: timeouts.checkEveryMs } : {}),
    },
    (incoming: IncomingMessage, outgoing: ServerResponse) => void listener(incoming, outgoing),
  );
  // Slow or lying clients (a Content-Length never sent in full) are cut off.
  server.setTimeout(timeouts.socketMs);
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Nobody to answer: the client is gone.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const { status, code } = parserStatus(error);
    socket.end(rawAnswer(status, code, headers));
  });
  return server;
}

/**
 * The metrics on an address of their own (`METRICS_ADDRESS`), for the scraper: `GET /metrics` and
 * nothing else. Never the public port in production.
 */
export async function createMetricsServer(registry: Registry, hostname: string): Promise<Server> {
  const headers = await apiSecurityHeaders();
  const app = new Hono()
    .use(async (c, next) => {
      await next();
      for (const [name, value] of Object.entries(headers)) c.header(name, value);
    })
    .get('/metrics', async (c) =>
      c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType }),
    )
    .notFound((c) => c.json(errorBody('not-found', 'en'), 404));
  return createHttpServer({ fetch: app.fetch, hostname });
}
