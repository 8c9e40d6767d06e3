import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { feedback, troubleshooterEvents } from '../db/schema';
import type { Report } from '../services/feedback';
import { createTestServer, json, type TestServer } from '../testing/harness';

const TOKEN = 'report-token-0123456789abcdefghij';
const agent = { authorization: `Bearer ${TOKEN}` };
type ErrorBody = { error: { code: string; message: string } };

describe('feedback, troubleshooter events and the support report', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(
      { SUPPORT_TOKENS: `Reporter:${TOKEN}`, IP_FEEDBACK_LIMIT: '1000', IP_EVENT_LIMIT: '1000' },
      { seed: false },
    );
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await server.reset();
  });

  const give = (body: unknown, headers: Record<string, string> = {}) =>
    server.post('/api/v1/feedback', body, headers);
  const article = { kind: 'article', target: 'workers/login/account-locked' };
  const report = async (query = '') =>
    json<Report>(await server.get(`/api/v1/support/reports${query}`, agent));

  describe('POST /api/v1/feedback', () => {
    it('records a yes, and a no with reasons and a comment', async () => {
      expect(await json(await give({ ...article, helpful: true, locale: 'fr' }))).toEqual({
        status: 'recorded',
      });
      const no = await give({
        ...article,
        helpful: false,
        reasons: ['unclear', 'did-not-work', 'unclear'],
        comment: '  The unlock email never came.\r\nStill locked.  ',
      });
      expect(no.status).toBe(201);
      const rows = await server.ctx.db.select().from(feedback).orderBy(feedback.id);
      expect(
        rows.map(({ kind, target, locale, helpful, reasons, comment }) => ({
          kind,
          target,
          locale,
          helpful,
          reasons,
          comment,
        })),
      ).toEqual([
        { ...article, locale: 'fr', helpful: true, reasons: [], comment: null },
        {
          ...article,
          locale: 'en',
          helpful: false,
          reasons: ['unclear', 'did-not-work'],
          comment: 'The unlock email never came.\nStill locked.',
        },
      ]);
    });

    it('accepts a comment of exactly 500 characters, even astral ones, and refuses 501 in the reader’s language', async () => {
      expect((await give({ ...article, helpful: false, comment: '😀'.repeat(500) })).status).toBe(201);
      expect((await give({ ...article, helpful: false, comment: `${'é'.repeat(500)}   ` })).status).toBe(201);
      const tooLong = await give({ ...article, helpful: false, comment: 'a'.repeat(501), locale: 'fr' });
      expect(tooLong.status).toBe(400);
      expect(await json(tooLong)).toEqual({
        error: {
          code: 'comment-too-long',
          message: 'Votre commentaire peut compter au plus 500 caractères.',
        },
      });
      expect(await server.ctx.db.select().from(feedback)).toHaveLength(2);
    });

    it('stores a comment with NUL, control characters and lone surrogates without failing', async () => {
      const response = await give({ ...article, helpful: false, comment: 'a\u0000b\u0007c\ud800d\u200be' });
      expect(response.status).toBe(201);
      const [row] = await server.ctx.db.select().from(feedback);
      expect(row.comment).toBe('abc\ufffdd\u200be');
    });

    it('drops the comment and reasons of a yes', async () => {
      await give({ ...article, helpful: true, reasons: ['unclear'], comment: 'nice' });
      const [row] = await server.ctx.db.select().from(feedback);
      expect(row).toMatchObject({ helpful: true, reasons: [], comment: null });
    });

    it.each([
      ['no kind', { target: 'workers/login/index', helpful: true }, 'kind'],
      ['an unknown kind', { kind: 'blog', target: 'x', helpful: true }, 'kind'],
      ['no answer', { ...article }, 'helpful'],
      ['a string answer', { ...article, helpful: 'yes' }, 'helpful'],
      [
        'a target with a path trick',
        { kind: 'article', target: '../../etc/passwd', helpful: true },
        'target',
      ],
      ['a target with markup', { kind: 'article', target: '<script>', helpful: true }, 'target'],
      ['an unknown reason', { ...article, helpful: false, reasons: ['boring'] }, 'reasons.0'],
      ['reasons as a string', { ...article, helpful: false, reasons: 'unclear' }, 'reasons'],
      ['a numeric comment', { ...article, helpful: false, comment: 42 }, 'comment'],
    ])('refuses %s with the error shape', async (_name, body, field) => {
      const response = await give(body);
      expect(response.status).toBe(400);
      expect(await json(response)).toEqual({
        error: { code: 'invalid-request', message: `The field "${field}" is missing or not valid.` },
      });
    });

    it('is rate-limited per client address, with the same error shape; step events are dropped quietly', async () => {
      const strict = await createTestServer({ IP_FEEDBACK_LIMIT: '2', IP_EVENT_LIMIT: '2' }, { seed: false });
      try {
        const statuses = [];
        for (let i = 0; i < 3; i++)
          statuses.push((await strict.post('/api/v1/feedback', { ...article, helpful: true })).status);
        expect(statuses).toEqual([201, 201, 429]);
        const limited = await strict.post('/api/v1/feedback', { ...article, helpful: true, locale: 'fr' });
        expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
        expect((await json<ErrorBody>(limited)).error).toEqual({
          code: 'rate-limited',
          message: expect.stringMatching(
            /^Trop de demandes\. Attendez \d+ (secondes|minutes) avant de réessayer\.$/,
          ),
        });
        // Step events beyond their own limit are dropped quietly: never an error on the worker's page.
        const events = [];
        for (let i = 0; i < 3; i++) {
          const response = await strict.post('/api/v1/troubleshooter-events', {
            runId: 'run-000000000000001',
            step: 'what-happens',
          });
          events.push(`${response.status} ${(await json<{ status: string }>(response)).status}`);
        }
        expect(events).toEqual(['202 recorded', '202 recorded', '202 ignored']);
        expect(await strict.ctx.db.select().from(troubleshooterEvents)).toHaveLength(2);
      } finally {
        await strict.close();
      }
    });

    it('never answers 500 to arbitrary input; always JSON with the error shape when refused', async () => {
      const anything = fc.oneof(
        fc.jsonValue(),
        fc.record(
          {
            kind: fc.oneof(fc.constantFrom('article', 'troubleshooter'), fc.string()),
            target: fc.oneof(
              fc.constantFrom('workers/login/index', 'what-happens'),
              fc.string(),
              fc.integer(),
            ),
            helpful: fc.oneof(fc.boolean(), fc.string(), fc.constant(null)),
            reasons: fc.oneof(fc.array(fc.constantFrom('unclear', 'other', 'nope')), fc.string()),
            comment: fc.oneof(fc.string({ unit: 'binary', maxLength: 700 }), fc.constant(null), fc.integer()),
            locale: fc.oneof(fc.constantFrom('en', 'fr', 'fr-CA'), fc.string()),
          },
          { requiredKeys: [] },
        ),
      );
      await fc.assert(
        fc.asyncProperty(anything, async (body) => {
          for (const path of ['/api/v1/feedback', '/api/v1/troubleshooter-events']) {
            const response = await server.post(path, body);
            expect(response.status).toBeLessThan(500);
            if (response.status >= 400) {
              const error = await json<ErrorBody>(response);
              expect(typeof error.error.code).toBe('string');
              expect(typeof error.error.message).toBe('string');
            }
          }
        }),
        { numRuns: 60 },
      );
      const raw = await server.app.request('/api/v1/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"kind":"article","helpful":tru',
      });
      expect(raw.status).toBe(400);
      expect((await json<ErrorBody>(raw)).error.code).toBe('invalid-json');
    });
  });

  describe('POST /api/v1/troubleshooter-events', () => {
    it('stores the run, the step and the language, and nothing else it is sent', async () => {
      const response = await server.post('/api/v1/troubleshooter-events', {
        runId: 'k3Jd9_aZ-0PqLx7Vw2Ty',
        step: 'code-not-received',
        locale: 'fr-CA',
        contact: 'alex.martin@example.com',
      });
      expect(response.status).toBe(202);
      const rows = await server.ctx.db.select().from(troubleshooterEvents);
      expect(rows).toEqual([
        {
          id: 1,
          at: server.clock.now(),
          runId: 'k3Jd9_aZ-0PqLx7Vw2Ty',
          step: 'code-not-received',
          locale: 'fr',
        },
      ]);
    });

    it.each([
      ['a short run id', { runId: 'abc', step: 'what-happens' }, 'runId'],
      ['an email as run id', { runId: 'alex.martin@example.com', step: 'what-happens' }, 'runId'],
      ['a step that is not an id', { runId: 'run-000000000000001', step: 'What Happens?' }, 'step'],
      ['no step', { runId: 'run-000000000000001' }, 'step'],
    ])('refuses %s', async (_name, body, field) => {
      const response = await server.post('/api/v1/troubleshooter-events', body);
      expect(response.status).toBe(400);
      expect((await json<ErrorBody>(response)).error.message).toBe(
        `The field "${field}" is missing or not valid.`,
      );
    });
  });

  describe('GET /api/v1/support/reports', () => {
    const step = (runId: string, name: string, locale = 'en') =>
      server.post('/api/v1/troubleshooter-events', {
        runId: `run-${runId}-000000000000`,
        step: name,
        locale,
      });

    it('counts helpfulness per page and language, with reasons and the latest comments', async () => {
      await give({ ...article, helpful: true, locale: 'en' });
      await give({ ...article, helpful: true, locale: 'en' });
      await give({
        ...article,
        helpful: false,
        locale: 'fr',
        reasons: ['out-of-date'],
        comment: 'Pas à jour',
      });
      await give({ ...article, helpful: false, locale: 'fr', reasons: ['out-of-date', 'unclear'] });
      await give({ kind: 'troubleshooter', target: 'resolved', helpful: true, locale: 'fr' });
      const body = await report();
      expect(body.helpfulness).toEqual([
        { ...article, locale: 'en', yes: 2, no: 0, reasons: {} },
        { ...article, locale: 'fr', yes: 0, no: 2, reasons: { 'out-of-date': 2, unclear: 1 } },
        { kind: 'troubleshooter', target: 'resolved', locale: 'fr', yes: 1, no: 0, reasons: {} },
      ]);
      expect(body.comments).toMatchObject([
        { ...article, locale: 'fr', comment: 'Pas à jour', reasons: ['out-of-date'] },
      ]);
    });

    it('shows where runs stop, per step', async () => {
      for (const name of ['what-happens', 'code-not-received', 'resolved']) await step('a', name);
      for (const name of ['what-happens', 'code-not-received']) await step('b', name);
      await step('c', 'what-happens');
      // Back to an earlier step: the run stops where it was last.
      for (const name of ['what-happens', 'code-not-received', 'what-happens']) await step('d', name);
      const body = await report();
      expect(body.troubleshooter).toEqual({
        runs: 4,
        steps: [
          { step: 'what-happens', reached: 4, lastStep: 2 },
          { step: 'code-not-received', reached: 3, lastStep: 1 },
          { step: 'resolved', reached: 1, lastStep: 1 },
        ],
      });
    });

    it('covers the chosen days only (UTC, both included); the last 30 days by default', async () => {
      // The clock starts on 2030-01-15.
      await give({ ...article, helpful: true });
      await step('a', 'what-happens');
      server.clock.advanceSeconds(86_400 * 40);
      await give({ ...article, helpful: false });
      await step('b', 'what-happens');
      const recent = await report();
      expect(recent).toMatchObject({ from: '2030-01-26T00:00:00.000Z', to: '2030-02-25T00:00:00.000Z' });
      expect(recent.helpfulness).toMatchObject([{ yes: 0, no: 1 }]);
      expect(recent.troubleshooter.runs).toBe(1);
      const january = await report('?from=2030-01-15&to=2030-01-15');
      expect(january.helpfulness).toMatchObject([{ yes: 1, no: 0 }]);
      expect(january.troubleshooter.runs).toBe(1);
      expect((await report('?from=2030-01-16&to=2030-02-23')).helpfulness).toEqual([]);
    });

    it.each([
      '?from=2030-02-01&to=2030-01-01',
      '?from=2029-01-01&to=2030-12-31',
      '?from=2030-02-30',
      '?to=tomorrow',
    ])('refuses the period %s', async (query) => {
      const response = await server.get(`/api/v1/support/reports${query}`, {
        ...agent,
        'accept-language': 'fr',
      });
      expect(response.status).toBe(400);
      expect((await json<ErrorBody>(response)).error.code).toMatch(/^invalid-(period|request)$/);
    });

    it('needs the support token', async () => {
      expect((await server.get('/api/v1/support/reports')).status).toBe(401);
    });

    describe('per language, per week, up to today', () => {
      // Earlier tests move the clock on: these start on a known day, Tuesday 2030-06-04.
      beforeEach(() => {
        server.clock.advance(
          Math.max(0, Date.parse('2030-06-04T14:00:00.000Z') - server.clock.now().getTime()),
        );
      });

      it('splits the drop-off by the language a run started in', async () => {
        for (const name of ['what-happens', 'code-not-received', 'resolved']) await step('a', name);
        for (const name of ['what-happens', 'code-not-received']) await step('b', name, 'fr');
        // A run that switched language counts in the one it started in.
        await step('c', 'what-happens', 'fr');
        await step('c', 'escalate-support', 'en');
        const body = await report();
        expect(body.troubleshooterByLocale).toEqual({
          en: {
            runs: 1,
            steps: [
              { step: 'code-not-received', reached: 1, lastStep: 0 },
              { step: 'resolved', reached: 1, lastStep: 1 },
              { step: 'what-happens', reached: 1, lastStep: 0 },
            ],
          },
          fr: {
            runs: 2,
            steps: [
              { step: 'what-happens', reached: 2, lastStep: 0 },
              { step: 'code-not-received', reached: 1, lastStep: 1 },
              { step: 'escalate-support', reached: 1, lastStep: 1 },
            ],
          },
        });
        expect(body.troubleshooter.runs).toBe(3);
      });

      it('counts the answers per week (from Monday, UTC) and kind, for the trend', async () => {
        await give({ ...article, helpful: true });
        await give({ ...article, helpful: false });
        await give({ kind: 'troubleshooter', target: 'resolved', helpful: true });
        server.clock.advanceSeconds(86_400 * 6);
        await give({ ...article, helpful: true });
        const body = await report();
        expect(body.helpfulnessByWeek).toEqual([
          { week: '2030-06-03', kind: 'article', yes: 1, no: 1 },
          { week: '2030-06-03', kind: 'troubleshooter', yes: 1, no: 0 },
          { week: '2030-06-10', kind: 'article', yes: 1, no: 0 },
        ]);
      });

      it('refuses a period after today, saying so in the agent’s language', async () => {
        const day = (offset: number) =>
          new Date(server.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
        const response = await server.get(`/api/v1/support/reports?from=${day(-3)}&to=${day(1)}`, {
          ...agent,
          'accept-language': 'fr',
        });
        expect(response.status).toBe(400);
        expect((await json<ErrorBody>(response)).error).toEqual({
          code: 'future-period',
          message:
            'Cette période se termine après aujourd’hui\u00a0: choisissez des jours jusqu’à aujourd’hui (dates au format AAAA-MM-JJ).',
        });
        expect((await server.get(`/api/v1/support/reports?from=${day(-3)}&to=${day(0)}`, agent)).status).toBe(
          200,
        );
      });
    });
  });
});
