import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/env';
import { apiError, errorResponses } from '../http/errors';
import { localeOf, validationHook } from '../http/middleware';
import { buildSearchReport } from '../services/search-events';
import { reportPeriod } from './report-period';
import { SearchReportResponse } from './search-schemas';
import { ReportQuery } from './support-schemas';

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Support (staff token)'],
  summary: 'Searches per language: the top queries with no results, and those whose results nobody opened',
  description: 'Over `from`..`to` (days, UTC, both included; the last 30 days by default; at most 366 days).',
  security: [{ Bearer: [] }],
  request: { query: ReportQuery },
  responses: {
    200: { description: 'The report', content: { 'application/json': { schema: SearchReportResponse } } },
    ...errorResponses(400, 401, 429, 503),
  },
});

/** Mounted inside the support routes (`/api/v1/support/search-report`), behind their token check. */
export function searchReportRoutes({ ctx }: Pick<AppDeps, 'ctx'>) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
    const period = reportPeriod(c.req.valid('query'), ctx.clock.now());
    if (typeof period === 'string')
      return apiError(c, 400, period === 'future' ? 'future-period' : 'invalid-period', localeOf(c));
    return c.json(await buildSearchReport(ctx, period.from, period.to), 200);
  });
}
