import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../http/env';
import { apiError, errorResponses, type ErrorCode } from '../http/errors';
import { bearerToken, localeOf, validationHook } from '../http/middleware';
import { checkContact } from '../services/contacts';
import { clientKey } from '../lib/crypto';
import { buildReport } from '../services/feedback';
import { reportPeriod } from './report-period';
import { searchReportRoutes } from './search-report';
import { serviceNoticeRoutes } from './service-notices';
import { fixedWindowExceeded, hitFixedWindow } from '../services/limits';
import {
  auditPage,
  createAgentVerifier,
  issueTemporaryAccessCode,
  lookUpAccount,
  releaseMergedEmail,
  resendInvitation,
  sendLoginHelp,
  unlockAccount,
  type ActionResult,
} from '../services/support';
import {
  AccessCodeResponse,
  AccountIdParam,
  AccountLookupBody,
  AccountResponse,
  AgentSession,
  AuditQuery,
  AuditResponse,
  InvitationBody,
  InvitationResponse,
  ReportQuery,
  ReportResponse,
} from './support-schemas';

const TAG = 'Support (staff token)';
const security = [{ Bearer: [] }];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const session = createRoute({
  method: 'get',
  path: '/session',
  tags: [TAG],
  summary: 'The agent a support token belongs to (signing in)',
  security,
  responses: { 200: { description: 'Signed in', ...json(AgentSession) }, ...errorResponses(401, 429, 503) },
});

const lookup = createRoute({
  method: 'post',
  path: '/account-lookups',
  tags: [TAG],
  summary: 'An account’s real status, employers, login method, recent help requests and deliveries',
  description:
    'By email, phone or username (in the body, never in a URL); a phone number in its national format needs its `country`. Contacts come back masked. Audited.',
  security,
  request: { body: { ...json(AccountLookupBody), required: true } },
  responses: {
    200: { description: 'The account', ...json(AccountResponse) },
    ...errorResponses(400, 401, 404, 413, 415, 429, 503),
  },
});

/** An action on one account: no body, the account as it is afterwards. */
const action = <P extends string>(path: P, summary: string, description: string) =>
  createRoute({
    method: 'post',
    path: `/accounts/{accountId}/${path}` as const,
    tags: [TAG],
    summary,
    description: `${description} Written to the audit log with the agent’s name.`,
    security,
    request: { params: AccountIdParam },
    responses: {
      200: { description: 'Done; the account as it is now', ...json(AccountResponse) },
      ...errorResponses(400, 401, 404, 409, 429, 503),
    },
  });

const invitation = createRoute({
  method: 'post',
  path: '/accounts/{accountId}/invitation-resends',
  tags: [TAG],
  summary: 'Send the invitation again (an invited worker who never logged in)',
  description:
    'A first login code by SMS to a `+1` phone, else by email; within the contact’s send limits. Written to the audit log with the agent’s name.',
  security,
  request: { params: AccountIdParam, body: { ...json(InvitationBody), required: false } },
  responses: {
    200: { description: 'Queued; the account as it is now', ...json(InvitationResponse) },
    ...errorResponses(400, 401, 404, 409, 429, 503),
  },
});

const loginHelp = createRoute({
  method: 'post',
  path: '/accounts/{accountId}/login-help',
  tags: [TAG],
  summary: 'Send what lets the worker log in again by themselves',
  description:
    'A password reset link, a one-time login link by email, or a login code by SMS (see `actions.loginHelp`); refused (`409 no-login-help`) for single sign-on and deactivated accounts. Within the contact’s send limits. Written to the audit log with the agent’s name.',
  security,
  request: { params: AccountIdParam, body: { ...json(InvitationBody), required: false } },
  responses: {
    200: { description: 'Queued; the account as it is now', ...json(InvitationResponse) },
    ...errorResponses(400, 401, 404, 409, 429, 503),
  },
});

const auditEntries = createRoute({
  method: 'get',
  path: '/accounts/{accountId}/audit-entries',
  tags: [TAG],
  summary: 'A page of the account’s audit log: state changes and actions, or look-ups',
  description: 'Newest first, 20 per page; `before` is the `next` cursor of the previous page.',
  security,
  request: { params: AccountIdParam, query: AuditQuery },
  responses: {
    200: { description: 'The page', ...json(AuditResponse) },
    ...errorResponses(400, 401, 429, 503),
  },
});

const unlock = action(
  'unlocks',
  'Unlock the account',
  'Clears the lock and the code-check cool-downs or blocks of its contacts.',
);

const accessCode = createRoute({
  method: 'post',
  path: '/accounts/{accountId}/temporary-access-codes',
  tags: [TAG],
  summary: 'Issue a temporary access code (voids the previous one)',
  description:
    'Refused (`409 several-employers`) for a worker of several employers, as for a deactivated or single sign-on account. The code is shown once. Written to the audit log with the agent’s name.',
  security,
  request: { params: AccountIdParam },
  responses: {
    201: { description: 'Issued', ...json(AccessCodeResponse) },
    ...errorResponses(400, 401, 404, 409, 429, 503),
  },
});

const emailRelease = action(
  'email-releases',
  'Release the email address of a merged account',
  'So the worker’s remaining account, or a new invitation, can use it.',
);

const report = createRoute({
  method: 'get',
  path: '/reports',
  tags: [TAG],
  summary: 'Helpfulness per page and language, comments, and troubleshooter drop-off per step',
  description:
    'Over `from`..`to` (days, UTC, both included; the last 30 days by default; at most 366 days, none after today).',
  security,
  request: { query: ReportQuery },
  responses: {
    200: { description: 'The report', ...json(ReportResponse) },
    ...errorResponses(400, 401, 429, 503),
  },
});

const REFUSAL_STATUS: Record<string, 404 | 409> = { 'account-not-found': 404 };
/**
 * The support tools' API: every request carries `Authorization: Bearer <support token>`. A missing,
 * malformed or unknown token gets one and the same 401; too many of them from one address a 429.
 */
export function supportRoutes({ ctx, status }: AppDeps) {
  const findAgent = createAgentVerifier(ctx.keys, ctx.config.support.agents);
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(async (c, next) => {
    const presented = bearerToken(c.req.header('authorization')) ?? '';
    const agent = findAgent(presented);
    const locale = localeOf(c);
    const key = `support-auth:${clientKey(ctx.keys, c.get('clientAddress'))}`;
    const window = [
      ctx.clock.now(),
      ctx.config.security.ipWindowSeconds,
      ctx.config.support.authFailureLimit,
    ] as const;
    // While an address is locked out, every token gets the same 429, the right one too: a
    // guesser must not learn when they hit.
    const limit = agent
      ? await fixedWindowExceeded(ctx.db, key, ...window)
      : await hitFixedWindow(ctx.db, key, ...window);
    if (!limit.allowed) return apiError(c, 429, 'rate-limited', locale, { seconds: limit.retryAfterSeconds });
    if (!agent) {
      c.header('WWW-Authenticate', 'Bearer realm="support"');
      return apiError(c, 401, 'support-unauthorized', locale);
    }
    c.set('agent', agent);
    await next();
  });

  // Every route below, the search report's and the notices' sub-apps included, is behind the token check above.
  const by = (c: Context<AppEnv>) => ({ agent: c.get('agent')!, requestId: c.get('requestId') });

  const refused = (c: Context<AppEnv>, result: Exclude<ActionResult, { status: 'done' }>) => {
    const locale = localeOf(c);
    if (result.status === 'rate-limited')
      return apiError(c, 429, 'rate-limited', locale, { seconds: result.retryAfterSeconds });
    return apiError(c, REFUSAL_STATUS[result.reason] ?? 409, result.reason as ErrorCode, locale);
  };

  return app
    .openapi(session, (c) => c.json({ agent: c.get('agent')! }, 200))
    .openapi(lookup, async (c) => {
      const body = c.req.valid('json');
      const locale = localeOf(c, body.locale);
      const contact = checkContact(body.contact, { country: body.country });
      if (contact.kind === 'invalid')
        return apiError(c, 400, 'invalid-contact', locale, { reason: contact.reason });
      const account = await lookUpAccount(ctx, contact, by(c));
      if (!account) return apiError(c, 404, 'account-not-found', locale);
      return c.json({ account }, 200);
    })
    .openapi(invitation, async (c) => {
      const { accountId } = c.req.valid('param');
      const body = (c.req.header('content-type')?.includes('json') ? c.req.valid('json') : undefined) ?? {};
      const result = await resendInvitation(ctx, accountId, localeOf(c, body.locale), by(c));
      if (result.status !== 'done') return refused(c, result);
      return c.json({ account: result.account, channel: result.channel, recipient: result.recipient }, 200);
    })
    .openapi(loginHelp, async (c) => {
      const { accountId } = c.req.valid('param');
      const body = (c.req.header('content-type')?.includes('json') ? c.req.valid('json') : undefined) ?? {};
      const result = await sendLoginHelp(ctx, accountId, localeOf(c, body.locale), by(c));
      if (result.status !== 'done') return refused(c, result);
      return c.json({ account: result.account, channel: result.channel, recipient: result.recipient }, 200);
    })
    .openapi(auditEntries, async (c) => {
      const { accountId } = c.req.valid('param');
      const query = c.req.valid('query');
      return c.json(
        await auditPage(ctx.db, accountId, { kind: query.kind ?? 'changes', before: query.before }),
        200,
      );
    })
    .openapi(unlock, async (c) => {
      const result = await unlockAccount(ctx, c.req.valid('param').accountId, by(c));
      if (result.status !== 'done') return refused(c, result);
      return c.json({ account: result.account }, 200);
    })
    .openapi(accessCode, async (c) => {
      const result = await issueTemporaryAccessCode(ctx, c.req.valid('param').accountId, by(c));
      if (result.status !== 'done') return refused(c, result);
      return c.json({ account: result.account, code: result.code, expiresAt: result.expiresAt }, 201);
    })
    .openapi(emailRelease, async (c) => {
      const result = await releaseMergedEmail(ctx, c.req.valid('param').accountId, by(c));
      if (result.status !== 'done') return refused(c, result);
      return c.json({ account: result.account }, 200);
    })
    .openapi(report, async (c) => {
      const period = reportPeriod(c.req.valid('query'), ctx.clock.now());
      if (typeof period === 'string')
        return apiError(c, 400, period === 'future' ? 'future-period' : 'invalid-period', localeOf(c));
      return c.json(await buildReport(ctx, period.from, period.to), 200);
    })
    .route('/search-report', searchReportRoutes({ ctx }))
    .route('/service-notices', serviceNoticeRoutes({ ctx, status }));
}
