import type { IncomingMessage } from 'node:http';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { isDatabaseUnavailable } from './db/client';
import { apiError, type ErrorCode } from './http/errors';
import type { AppDeps, AppEnv } from './http/env';
import {
  admissionControl,
  announcedBody,
  bodySizeLimit,
  clientAddress,
  localeOf,
  requestIds,
  requestLogger,
  trustedProxyList,
} from './http/middleware';
import { metricsHandler, metricsMiddleware } from './http/metrics';
import { securityHeaders } from './http/security-headers';
import { inlineScriptHashes, siteRoutes } from './http/site';
import { accountStatusRoutes } from './routes/account-status';
import { apiDocsRoutes } from './routes/api-docs';
import { codeVerificationRoutes } from './routes/code-verifications';
import { contactCheckRoutes } from './routes/contact-checks';
import { devAccountRoutes } from './routes/dev-accounts';
import { devOutboxRoutes } from './routes/dev-outbox';
import { emailConfirmationRoutes } from './routes/email-confirmations';
import { feedbackRoutes } from './routes/feedback';
import { healthRoutes } from './routes/health';
import { helpRequestRoutes } from './routes/help-requests';
import { loginLinkRoutes } from './routes/login-links';
import { passwordResetRoutes } from './routes/password-resets';
import { policyRoutes } from './routes/policy';
import { searchEventRoutes } from './routes/search-events';
import { serviceStatusRoutes } from './routes/service-status';
import { smsReceiptRoutes } from './routes/sms-receipts';
import { supportRoutes } from './routes/support';
import { troubleshooterEventRoutes } from './routes/troubleshooter-events';
import { unlockRoutes } from './routes/unlocks';

const HTTP_ERRORS: Partial<Record<number, ErrorCode>> = {
  400: 'invalid-json',
  404: 'not-found',
  405: 'method-not-allowed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
};

/** How long an early answer waits for the rest of a small body before closing instead. */
const BODY_DRAIN_MS = 500;

/**
 * Whether the connection can serve the client's next request once this one is answered: its body
 * (if any) has all arrived. An answer given before the body is read (a 415, a 404) usually finds it
 * already received but not yet parsed: a body within `maxBytes` is read and discarded (for at most
 * `BODY_DRAIN_MS`) and the connection stays open. A larger or chunked body the client may stop
 * sending: reusing that connection would lose the client's next request in it, so it is closed.
 */
function bodyReceived(incoming: IncomingMessage | undefined, maxBytes: number): boolean | Promise<boolean> {
  if (incoming?.complete !== false || !incoming.headers) return true;
  const length = announcedBody(incoming.headers);
  if (length === 'chunked') return false;
  if (!(length > 0)) return true;
  if (length > maxBytes || incoming.destroyed) return false;
  return new Promise((resolve) => {
    const done = (received: boolean) => {
      clearTimeout(timer);
      incoming.off('end', ended).off('error', failed).off('close', closed);
      resolve(received);
    };
    const ended = () => done(true);
    const failed = () => done(false);
    const closed = () => done(incoming.complete);
    const timer = setTimeout(failed, BODY_DRAIN_MS);
    incoming.on('end', ended).on('error', failed).on('close', closed);
    incoming.resume();
  });
}

/** The client closed the connection before its request had arrived (or been answered). */
function clientGone(c: Context<AppEnv>): boolean {
  const incoming = c.env?.incoming;
  return Boolean(c.req.raw.signal?.aborted || (incoming?.complete === false && incoming.destroyed));
}

/** The methods the app's routes answer for a path (`:param` segments match any one segment). */
function methodsByPath(routes: readonly { method: string; path: string }[]): (path: string) => string[] {
  const patterns = routes
    .filter((route) => route.method !== 'ALL' && !route.path.includes('*'))
    .map((route) => ({
      method: route.method,
      pattern: new RegExp(
        `^${route.path
          .split('/')
          .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
          .join('/')}/?$`,
      ),
    }));
  return (path) => {
    const methods = new Set(
      patterns.filter((route) => route.pattern.test(path)).map((route) => route.method),
    );
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}

/** The whole HTTP application: the API under /api and, when configured, the built site. */
export function createApp(deps: AppDeps) {
  const { config, logger } = deps.ctx;
  const app = new OpenAPIHono<AppEnv>();
  const proxies = trustedProxyList(config.trustedProxies);

  app.use(requestIds(proxies));
  app.use(async (c, next) => {
    await next();
    // Closing: while draining; and after an early answer to a body that will not all arrive. Most
    // answers are neither, and leave their headers alone (see withHeaders in security-headers.ts).
    const incoming = c.env?.incoming;
    if (!deps.lifecycle.draining && incoming?.complete !== false) return;
    if (c.res.headers.get('Connection') === 'close') return;
    if (deps.lifecycle.draining || !(await bodyReceived(incoming, config.security.bodyLimitBytes)))
      c.res.headers.set('Connection', 'close');
  });
  app.use(requestLogger(logger));
  if (deps.ctx.metrics) app.use(metricsMiddleware(deps.ctx.metrics));
  app.use(securityHeaders(config.serveSite ? inlineScriptHashes(config.siteDir) : []));
  // In production without a token the public port has no /metrics (a 404 like any unknown path).
  if (deps.ctx.metrics && config.metrics.onPublicPort)
    app.get('/metrics', metricsHandler(deps.ctx.metrics, config.metrics.token));
  app.use(clientAddress(proxies));
  if (config.corsOrigins.length > 0) {
    app.use(
      '/api/*',
      cors({
        origin: (origin) => (config.corsOrigins.includes(origin) ? origin : null),
        allowMethods: ['GET', 'POST', 'OPTIONS'],
        allowHeaders: ['Content-Type', 'Authorization', 'Accept-Language'],
        exposeHeaders: ['Retry-After', 'X-Request-Id'],
        credentials: false,
        maxAge: 600,
      }),
    );
  }
  // Before anything is read: shedding depends on load only.
  app.use('/api/v1/*', admissionControl(deps.admission, deps.ctx.clock));
  app.use('/api/*', bodySizeLimit(config.security.bodyLimitBytes));

  const routes = app
    .route('/api', healthRoutes(deps))
    .route('/api/v1/policy', policyRoutes(deps))
    .route('/api/v1/contact-checks', contactCheckRoutes())
    .route('/api/v1/help-requests', helpRequestRoutes(deps))
    .route('/api/v1/code-verifications', codeVerificationRoutes(deps))
    .route('/api/v1/account-status', accountStatusRoutes(deps))
    .route('/api/v1/unlocks', unlockRoutes(deps))
    .route('/api/v1/email-confirmations', emailConfirmationRoutes(deps))
    .route('/api/v1/password-resets', passwordResetRoutes(deps))
    .route('/api/v1/login-links', loginLinkRoutes(deps))
    .route('/api/v1/feedback', feedbackRoutes(deps))
    .route('/api/v1/troubleshooter-events', troubleshooterEventRoutes(deps))
    .route('/api/v1/search-events', searchEventRoutes(deps))
    .route('/api/v1/service-status', serviceStatusRoutes(deps))
    .route('/api/v1/sms-receipts', smsReceiptRoutes(deps))
    .route('/api/v1/support', supportRoutes(deps));

  if (config.appEnv === 'development') {
    app.route('/api/dev/outbox', devOutboxRoutes(deps));
    app.route('/api/dev/accounts', devAccountRoutes(deps));
  }

  app.openAPIRegistry.registerComponent('securitySchemes', 'Bearer', { type: 'http', scheme: 'bearer' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Login Help API',
      version: '1.0.0',
      description:
        'Help for workers who cannot log in: contact checks, (re)sending codes and links, code verification and account status. Public endpoints never reveal whether an account exists. Errors: `{ "error": { "code", "message" } }`, message in the request’s language (`locale` in the body, else Accept-Language).',
    },
  });
  app.route('/api/docs', apiDocsRoutes());

  if (config.serveSite) app.route('/', siteRoutes(config.siteDir));

  // A known API path asked with another method: 405 with the methods it has.
  let allowed: ((path: string) => string[]) | null = null;
  app.notFound((c) => {
    allowed ??= methodsByPath(app.routes);
    const methods = c.req.path.startsWith('/api/') ? allowed(c.req.path) : [];
    if (methods.length === 0) return apiError(c, 404, 'not-found', localeOf(c));
    c.header('Allow', methods.join(', '));
    return apiError(c, 405, 'method-not-allowed', localeOf(c));
  });
  app.onError((error, c) => {
    // The body's `locale`, when the route had validated it before the error.
    const validated = c.req.valid('json' as never) as { locale?: unknown } | undefined;
    const locale = localeOf(c, validated?.locale);
    if (error instanceof HTTPException && error.status < 500) {
      const code = HTTP_ERRORS[error.status] ?? 'invalid-request';
      return apiError(c, error.status, code, locale);
    }
    // Parsing limits (e.g. a body nested too deep for JSON.parse) are the client's input.
    if (error instanceof RangeError || error instanceof SyntaxError)
      return apiError(c, 400, 'invalid-json', locale);
    // The client went away mid-request (an abandoned upload): not an outage, nobody to answer.
    if (clientGone(c)) {
      logger.info({ reqId: c.get('requestId'), err: error }, 'client went away before its request arrived');
      return apiError(c, 400, 'request-aborted', locale);
    }
    // The database away (restarting, failing over, network cut): a clean 503 until it is back.
    if (isDatabaseUnavailable(error)) {
      logger.warn({ reqId: c.get('requestId'), err: error }, 'database unavailable');
      c.header('Retry-After', '5');
      return apiError(c, 503, 'service-unavailable', locale);
    }
    logger.error({ reqId: c.get('requestId'), err: error }, 'unhandled error');
    return apiError(c, 500, 'internal', locale);
  });

  return routes;
}

/** The typed API, for `hc<AppType>()` in the browser (type only). */
export type AppType = ReturnType<typeof createApp>;
