import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { searchEvents } from '../db/schema';
import { normalizeQuery } from '../services/search-events';
import { createTestServer, json, type TestServer } from '../testing/harness';

const TOKEN = 'search-report-token-0123456789abcd';
const agent = { authorization: `Bearer ${TOKEN}` };
type ErrorBody = { error: { code: string; message: string } };
type LocaleReport = {
  searches: number;
  opened: number;
  noResults: { query: string; searches: number }[];
  notOpened: { query: string; searches: number; results: number }[];
};
type SearchReport = { from: string; to: string; locales: { en: LocaleReport; fr: LocaleReport } };

describe('normalizeQuery', () => {
  it.each([
    ['  Compte   SUSPENDU ', 'compte suspendu'],
    ['ｃｏｄｅ', 'code'],
    ['code\u0000\u0007 expiré', 'code expiré'],
    ['jordan.lee@example.com locked', '[email] locked'],
    ['mon courriel est camille.dubois@example.org', 'mon courriel est [email]'],
    ['@example.com', '[email]'],
    ['+1 514 555 0101 no text', '[phone] no text'],
    ['(514) 555-0101', '[phone]'],
    ['0612345678', '[phone]'],
    ['my code 482913', 'my code [number]'],
    ['code 4829', 'code [number]'],
    ['number not +1', 'number not +1'],
    ['6 digit code', '6 digit code'],
  ])('%j → %j', (raw, stored) => {
    expect(normalizeQuery(raw)).toBe(stored);
  });

  it('keeps at most 100 characters', () => {
    expect([...normalizeQuery('é'.repeat(300))]).toHaveLength(100);
  });
});

describe('search events and their report', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(
      { SUPPORT_TOKENS: `Reporter:${TOKEN}`, IP_EVENT_LIMIT: '1000' },
      { seed: false },
    );
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await server.reset();
    await server.ctx.db.delete(searchEvents);
  });

  const searched = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    server.post('/api/v1/search-events', body, headers);
  const report = async (query = '') =>
    json<SearchReport>(await server.get(`/api/v1/support/search-report${query}`, agent));
  const stored = async () =>
    (await server.ctx.db.select().from(searchEvents).orderBy(searchEvents.id)).map(
      ({ locale, query, results, opened }) => ({ locale, query, results, opened }),
    );

  it('stores the normalized query, its language, its results and the article opened', async () => {
    const response = await searched({
      query: ' Compte Suspendu ',
      results: 3,
      opened: 'workers/login/account-deactivated',
      locale: 'fr',
    });
    expect(response.status).toBe(202);
    expect(await json(response)).toEqual({ status: 'recorded' });
    await searched({ query: 'foreign phone', results: 0 }, { 'accept-language': 'en' });
    expect(await stored()).toEqual([
      { locale: 'fr', query: 'compte suspendu', results: 3, opened: 'workers/login/account-deactivated' },
      { locale: 'en', query: 'foreign phone', results: 0, opened: null },
    ]);
  });

  it('never stores an email address, a phone number or a code typed into search', async () => {
    await searched({ query: 'morgan.roy@example.com unlock', results: 2, locale: 'en' });
    await searched({ query: '+1 514 555 0101', results: 0, locale: 'en' });
    await searched({ query: 'code 482913 refused', results: 4, locale: 'en' });
    const rows = await stored();
    expect(rows.map((row) => row.query)).toEqual(['[email] unlock', '[phone]', 'code [number] refused']);
    expect(JSON.stringify(rows)).not.toMatch(/morgan|example|514|555|482913/);
  });

  it('ignores a query with nothing left to store', async () => {
    const response = await searched({ query: '   ', results: 0, locale: 'en' });
    expect(await json(response)).toEqual({ status: 'ignored' });
    expect(await stored()).toEqual([]);
  });

  it.each([
    ['no query', { results: 0 }, 'query'],
    ['negative results', { query: 'x', results: -1 }, 'results'],
    ['an opened id that is not a doc id', { query: 'x', results: 1, opened: '../../etc' }, 'opened'],
  ])('refuses %s with the error shape', async (_name, body, field) => {
    const response = await searched(body);
    expect(response.status).toBe(400);
    expect(await json<ErrorBody>(response)).toEqual({
      error: { code: 'invalid-request', message: `The field "${field}" is missing or not valid.` },
    });
  });

  it('is rate-limited per client address like the other anonymous events: dropped quietly', async () => {
    const strict = await createTestServer({ IP_EVENT_LIMIT: '2' }, { seed: false });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const response = await strict.post('/api/v1/search-events', { query: 'locked', results: 1 });
        statuses.push(`${response.status} ${(await json<{ status: string }>(response)).status}`);
      }
      expect(statuses).toEqual(['202 recorded', '202 recorded', '202 ignored']);
      expect(await strict.ctx.db.select().from(searchEvents)).toHaveLength(2);
      // Its own bucket: searching does not use up the troubleshooter's step events.
      const step = await strict.post('/api/v1/troubleshooter-events', {
        runId: 'run-000000000000001',
        step: 'what-happens',
      });
      expect(await json(step)).toEqual({ status: 'recorded' });
    } finally {
      await strict.close();
    }
  });

  it('reports per language the top queries with no results and those whose results nobody opened', async () => {
    for (let i = 0; i < 3; i++) await searched({ query: 'Compte suspendu', results: 0, locale: 'fr' });
    await searched({ query: 'telephone francais', results: 0, locale: 'fr' });
    await searched({ query: 'code', results: 5, opened: 'workers/login/code-rejected', locale: 'fr' });
    await searched({ query: 'code', results: 5, locale: 'fr' });
    for (let i = 0; i < 2; i++) await searched({ query: 'mot de passe', results: 4, locale: 'fr' });
    await searched({ query: 'single signon', results: 0, locale: 'en' });
    const body = await report();
    expect(body.locales.fr).toEqual({
      searches: 8,
      opened: 1,
      noResults: [
        { query: 'compte suspendu', searches: 3 },
        { query: 'telephone francais', searches: 1 },
      ],
      // "code" had one reader who opened an article: not in this list.
      notOpened: [{ query: 'mot de passe', searches: 2, results: 4 }],
    });
    expect(body.locales.en).toEqual({
      searches: 1,
      opened: 0,
      noResults: [{ query: 'single signon', searches: 1 }],
      notOpened: [],
    });
  });

  it('covers the chosen days only (UTC, both included); the last 30 days by default', async () => {
    // The clock starts on 2030-01-15.
    await searched({ query: 'old', results: 0, locale: 'en' });
    server.clock.advanceSeconds(86_400 * 40);
    await searched({ query: 'new', results: 0, locale: 'en' });
    const recent = await report();
    expect(recent).toMatchObject({ from: '2030-01-26T00:00:00.000Z', to: '2030-02-25T00:00:00.000Z' });
    expect(recent.locales.en.noResults).toEqual([{ query: 'new', searches: 1 }]);
    const january = await report('?from=2030-01-15&to=2030-01-15');
    expect(january.locales.en.noResults).toEqual([{ query: 'old', searches: 1 }]);
    const refused = await server.get('/api/v1/support/search-report?from=2030-02-01&to=2030-01-01', agent);
    expect(refused.status).toBe(400);
    expect((await json<ErrorBody>(refused)).error.code).toBe('invalid-period');
  });

  it('needs the support token, with the same 401 as every support route', async () => {
    const response = await server.get('/api/v1/support/search-report');
    expect(response.status).toBe(401);
    expect((await json<ErrorBody>(response)).error.code).toBe('support-unauthorized');
  });

  it('is in the OpenAPI document', async () => {
    const doc = await json<{ paths: Record<string, unknown> }>(await server.get('/api/openapi.json'));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/search-events', '/api/v1/support/search-report']),
    );
  });
});
