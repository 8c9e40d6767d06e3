import { COMMENT_MAX } from '../../shared/feedback';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/env';
import { apiError, errorResponses } from '../http/errors';
import { localeOf, validationHook } from '../http/middleware';
import { checkAnonymousLimit, cleanComment, recordFeedback } from '../services/feedback';
import { FeedbackBody, RecordedResponse } from './support-schemas';

const route = createRoute({
  method: 'post',
  path: '/',
  tags: ['Feedback'],
  summary: 'Answer "Was this helpful?" for an article or a troubleshooter end step',
  description: `Anonymous: nothing about the reader is stored. On \`helpful: false\`, reasons and a comment of at most ${COMMENT_MAX} characters.`,
  request: { body: { content: { 'application/json': { schema: FeedbackBody } }, required: true } },
  responses: {
    201: { description: 'Recorded', content: { 'application/json': { schema: RecordedResponse } } },
    ...errorResponses(400, 413, 415, 429, 503),
  },
});

export function feedbackRoutes({ ctx }: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
    const body = c.req.valid('json');
    const locale = localeOf(c, body.locale);
    const comment = cleanComment(body.comment);
    if (!comment.ok) return apiError(c, 400, 'comment-too-long', locale);
    const limit = await checkAnonymousLimit(ctx, 'feedback', c.get('clientAddress'));
    if (!limit.allowed) return apiError(c, 429, 'rate-limited', locale, { seconds: limit.retryAfterSeconds });
    await recordFeedback(ctx, {
      kind: body.kind,
      target: body.target,
      locale,
      helpful: body.helpful,
      reasons: body.reasons ?? [],
      comment: comment.value,
    });
    return c.json({ status: 'recorded' as const }, 201);
  });
}
