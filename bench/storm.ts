/**
 * Section "storm": a login storm against `npm start` (production mode, embedded database).
 *
 *   overload        more connections than the server admits (API_MAX_IN_FLIGHT): how many got
 *                   `503` with `Retry-After`, the slowest answer, and none unanswered after 2 s
 *   pages first     an article's latency alone, then while help-requests saturate the API
 *   timing probe    a contact check ~10 ms after a help request, known vs unknown contacts,
 *                   interleaved: does the work a known contact causes show in the next request?
 *
 * Options: --storm-duration=10 (seconds of each load)  --storm-connections=600 (overload)
 *          --probe-pairs=400 (pairs of each kind; a p95 of fewer moves with one hiccup)
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { percentile } from '../server/testing/stats';
import { helpRequestLoad, load, measure } from './api';
import { startAppServer, table } from './lib';
import type { BenchContext, Check, Section, SectionReport } from './types';

const TARGETS = { articleP99Ms: 25, probeGapMs: 1, unansweredAfterMs: 2000 };
const ARTICLE = '/docs/workers/login/code-not-received';

/** Overload: every answer within 2 s, every refusal a 503 with Retry-After. */
function overload(url: string, connections: number, duration: number, run: string) {
  let shed = 0;
  let shedWithoutRetryAfter = 0;
  const setup = helpRequestLoad(run, 2_000_000);
  let n = 0;
  return new Promise<{ result: autocannon.Result; shed: number; shedWithoutRetryAfter: number }>(
    (resolve, reject) => {
      autocannon(
        {
          url,
          connections,
          duration,
          // A request with no answer after 2 s counts as a timeout: the target is 0 of them.
          timeout: TARGETS.unansweredAfterMs / 1000,
          requests: [
            {
              method: 'POST',
              path: '/api/v1/help-requests',
              headers: { 'content-type': 'application/json' },
              setupRequest: (request) => {
                const extra = setup(n++);
                return { ...request, body: extra.body, headers: { ...request.headers, ...extra.headers } };
              },
              onResponse: (status, _body, _context, headers) => {
                if (status !== 503) return;
                shed++;
                if (!headers?.['retry-after']) shedWithoutRetryAfter++;
              },
            },
          ],
        },
        (error, result) => (error ? reject(error) : resolve({ result, shed, shedWithoutRetryAfter })),
      );
    },
  );
}

async function timed(url: string, init: RequestInit): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(url, init);
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const storm: Section = {
  async run(context: BenchContext): Promise<SectionReport> {
    const duration = Math.max(1, Number(context.options.get('storm-duration') ?? 10) || 10);
    const overloadConnections = Number(context.options.get('storm-connections') ?? 600) || 600;
    const pairs = Math.max(100, Number(context.options.get('probe-pairs') ?? 400) || 400);
    const run = randomBytes(3).toString('hex');
    const lines: string[] = [];
    const checks: Check[] = [];

    context.progress('storm: starting npm start (production)');
    const server = await startAppServer(context.root);
    try {
      // Pages first: an article alone, then while help-requests saturate the API.
      const article = { method: 'GET' as const, path: ARTICLE, connections: 4 };
      await load(server.url, { ...article, duration: 2 });
      context.progress(`storm: article alone, ${duration} s`);
      const alone = measure('article alone', await load(server.url, { ...article, duration }), 200);
      context.progress(`storm: article while help-requests saturate the API, ${duration} s`);
      const help = {
        method: 'POST' as const,
        path: '/api/v1/help-requests',
        connections: 50,
        duration,
        setup: helpRequestLoad(run, 0),
      };
      const [saturating, during] = await Promise.all([
        load(server.url, help),
        load(server.url, { ...article, duration }),
      ]);
      const api = measure('help-requests (saturating)', saturating, 202);
      const loaded = measure('article during the storm', during, 200);
      lines.push(
        'Pages first (4 connections reading an article; 50 connections of help requests beside them):',
        '',
        ...table(
          ['load', 'req/s', 'p50 ms', 'p99 ms', 'errors'],
          [alone, loaded, api].map((m) => [
            m.name,
            Math.round(m.rps).toString(),
            m.p50.toFixed(1),
            m.p99.toFixed(1),
            String(m.errors),
          ]),
        ),
        '',
      );
      checks.push({
        label: 'article p99 while the API is saturated',
        actual: `${loaded.p99} ms (alone: ${alone.p99} ms; help-requests ${Math.round(api.rps)}/s)`,
        target: `< ${TARGETS.articleP99Ms} ms`,
        pass: loaded.p99 < TARGETS.articleP99Ms,
      });

      context.progress(`storm: overload, ${overloadConnections} connections, ${duration} s`);
      const { result, shed, shedWithoutRetryAfter } = await overload(
        server.url,
        overloadConnections,
        duration,
        run,
      );
      const stats = result.statusCodeStats ?? {};
      const answered = Object.values(stats).reduce((sum, s) => sum + (s?.count ?? 0), 0);
      lines.push(
        `Overload: ${overloadConnections} connections of help requests for ${duration} s (the server admits 256 at once):`,
        `  answers ${answered} (${Object.entries(stats)
          .map(([code, s]) => `${s?.count ?? 0}×${code}`)
          .join(', ')}), ${shed} refused with 503, slowest ${result.latency.max} ms, ` +
          `p99 ${result.latency.p99} ms, no answer within 2 s: ${result.timeouts}, socket errors ${result.errors - result.timeouts}.`,
        '',
      );
      checks.push(
        {
          label: 'overload · requests unanswered after 2 s',
          actual: String(result.timeouts),
          target: '0',
          pass: result.timeouts === 0 && result.errors === 0,
        },
        {
          label: 'overload · refusals that are a 503 with Retry-After',
          actual: `${shed - shedWithoutRetryAfter} of ${shed}; other statuses: ${
            Object.keys(stats)
              .filter((code) => !['202', '503'].includes(code))
              .join(', ') || 'none'
          }`,
          target: 'all',
          pass:
            shedWithoutRetryAfter === 0 && Object.keys(stats).every((code) => ['202', '503'].includes(code)),
        },
      );
    } finally {
      await server.stop();
    }

    // Timing probe, on a development server (accounts made through /api/dev/accounts).
    context.progress('storm: timing probe (development server)');
    const dev = await startAppServer(context.root, {
      APP_ENV: 'development',
      // The demo employers are the ones fresh accounts join.
      SEED_DEMO: 'true',
      IP_SEND_LIMIT: '1000000',
      LOG_LEVEL: 'warn',
    });
    try {
      const known: string[] = [];
      for (let i = 0; i < pairs + 20; i++) {
        const response = await fetch(`${dev.url}/api/dev/accounts`, post({ case: 'invited' }));
        if (response.status !== 201)
          throw new Error(`dev account: ${response.status} ${await response.text()}`);
        known.push(((await response.json()) as { email: string }).email);
      }
      const probe = () =>
        timed(`${dev.url}/api/v1/contact-checks`, post({ contact: 'probe@example.org', locale: 'en' }));
      const pair = async (contact: string) => {
        const asked = await timed(
          `${dev.url}/api/v1/help-requests`,
          post({ contact, purpose: 'login-code' }),
        );
        if (asked.status !== 202) throw new Error(`help request: ${asked.status}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
        return (await probe()).ms;
      };
      for (let i = 0; i < 20; i++) {
        await pair(known[pairs + i]);
        await pair(`warm-${run}-${i}@example.net`);
      }
      const afterKnown: number[] = [];
      const afterUnknown: number[] = [];
      for (let i = 0; i < pairs; i++) {
        const unknown = `nobody-${run}-${i}@example.net`;
        if (i % 2) {
          afterKnown.push(await pair(known[i]));
          afterUnknown.push(await pair(unknown));
        } else {
          afterUnknown.push(await pair(unknown));
          afterKnown.push(await pair(known[i]));
        }
      }
      const p = (values: number[], q: number) => percentile(values, q);
      const gap50 = Math.abs(p(afterKnown, 50) - p(afterUnknown, 50));
      const gap95 = Math.abs(p(afterKnown, 95) - p(afterUnknown, 95));
      lines.push(
        `Timing probe: a contact check 10 ms after a help request, ${pairs} pairs of each, interleaved:`,
        ...table(
          ['after', 'p50 ms', 'p95 ms'],
          [
            ['a known contact', p(afterKnown, 50).toFixed(2), p(afterKnown, 95).toFixed(2)],
            ['an unknown contact', p(afterUnknown, 50).toFixed(2), p(afterUnknown, 95).toFixed(2)],
          ],
        ),
        `  gap: p50 ${gap50.toFixed(2)} ms, p95 ${gap95.toFixed(2)} ms.`,
        '',
      );
      checks.push(
        {
          label: 'timing probe · known vs unknown p50 gap',
          actual: `${gap50.toFixed(2)} ms`,
          target: `≤ ${TARGETS.probeGapMs} ms`,
          pass: gap50 <= TARGETS.probeGapMs,
        },
        {
          label: 'timing probe · known vs unknown p95 gap',
          actual: `${gap95.toFixed(2)} ms`,
          target: `≤ ${TARGETS.probeGapMs} ms`,
          pass: gap95 <= TARGETS.probeGapMs,
        },
      );
    } finally {
      await dev.stop();
    }
    return { lines, checks };
  },
};
