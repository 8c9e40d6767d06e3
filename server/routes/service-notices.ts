import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../http/env';
import { apiError, errorResponses } from '../http/errors';
import { localeOf, validationHook } from '../http/middleware';
import { endNotice, noticeBoard, publishNotice } from '../services/support';
import { NoticeBoardResponse, NoticeBody, NoticeIdParam } from './service-status-schemas';
import { NOTICE_MAX_DAYS } from '../../shared/service-notices';

const TAG = 'Support (staff token)';
const security = [{ Bearer: [] }];
const board = (description: string) => ({
  description,
  content: { 'application/json': { schema: NoticeBoardResponse } },
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags: [TAG],
  summary: 'The notice workers see now, the latest ones and their audit log',
  security,
  responses: { 200: board('The notices'), ...errorResponses(401, 429, 503) },
});

const publish = createRoute({
  method: 'post',
  path: '/',
  tags: [TAG],
  summary: 'Publish a notice for workers (English and French, a channel, an end)',
  description: `Shown by \`GET /api/v1/service-status\` until \`until\` (within ${NOTICE_MAX_DAYS} days), in place of the automatic notice of its channel and beside the others; it ends the notice running, if any. Written to the audit log with the agent’s name.`,
  security,
  request: { body: { content: { 'application/json': { schema: NoticeBody } }, required: true } },
  responses: {
    201: board('Published; the notices as they are now'),
    ...errorResponses(400, 401, 413, 415, 429, 503),
  },
});

const ending = createRoute({
  method: 'post',
  path: '/{noticeId}/endings',
  tags: [TAG],
  summary: 'End the running notice now',
  description:
    'Written to the audit log with the agent’s name. `409 notice-not-active` once it has ended or expired.',
  security,
  request: { params: NoticeIdParam },
  responses: { 200: board('Ended; the notices as they are now'), ...errorResponses(400, 401, 409, 429, 503) },
});

/** Mounted inside the support routes (`/api/v1/support/service-notices`), behind their token check. */
export function serviceNoticeRoutes({ ctx, status }: Pick<AppDeps, 'ctx' | 'status'>) {
  const by = (c: Context<AppEnv>) => ({ agent: c.get('agent')!, requestId: c.get('requestId') });
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => c.json(await noticeBoard(ctx.db, ctx.clock.now()), 200))
    .openapi(publish, async (c) => {
      const body = c.req.valid('json');
      const result = await publishNotice(
        ctx,
        { channel: body.channel, en: body.en, fr: body.fr, until: new Date(body.until) },
        by(c),
      );
      if (result.status !== 'done') return apiError(c, 400, result.reason, localeOf(c));
      // Workers see it on their next look, not after the cache runs out.
      status.invalidate();
      return c.json(result.board, 201);
    })
    .openapi(ending, async (c) => {
      const result = await endNotice(ctx, c.req.valid('param').noticeId, by(c));
      if (result.status !== 'done') return apiError(c, 409, result.reason, localeOf(c));
      status.invalidate();
      return c.json(result.board, 200);
    });
}
