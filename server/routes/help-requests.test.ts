import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../db/demo-data';
import { asc } from 'drizzle-orm';
import { accounts, helpRequests } from '../db/schema';
import { PURPOSES } from '../db/schema';
import { createTestServer, json, type TestServer } from '../testing/harness';

/** Everything a client sees, the request id aside. */
async function visible(response: Response) {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'x-request-id') headers[name] = value;
  });
  return { status: response.status, headers, body: await response.text() };
}

const contactOf = (account: (typeof DEMO_ACCOUNTS)[number]) =>
  account.email ?? account.phone ?? account.username!;

// One contact per account state, and unknown contacts of each kind.
const CASES: [string, string][] = [
  ...DEMO_ACCOUNTS.map((account): [string, string] => [account.case, contactOf(account)]),
  ['active, by phone', '+15145550101'],
  ['password login, by username', 'dlavoie'],
  ['locked, by phone', '+15145550103'],
  ['unknown email', 'nobody.here@example.org'],
  ['unknown phone', '+15145550199'],
  ['unknown username', 'ghost42'],
];

describe('POST /api/v1/help-requests', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ IP_SEND_LIMIT: '1000' });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await server.reset();
  });

  it.each(CASES)('answers the same for %s (%s)', async (_state, contact) => {
    const response = await server.post('/api/v1/help-requests', {
      contact,
      purpose: 'login-code',
      locale: 'en',
    });
    const seen = await visible(response);
    expect(seen).toMatchSnapshot();
    expect(seen.status).toBe(202);
    expect(JSON.parse(seen.body)).toEqual({
      status: 'sent-if-on-file',
      retryAfterSeconds: 60,
      expiresInSeconds: 600,
    });
  });

  it('gives byte-identical answers for every state and purpose, and the same 429 when repeated', async () => {
    for (const purpose of PURPOSES) {
      await server.reset();
      const first = new Set<string>();
      const second = new Set<string>();
      for (const [, contact] of CASES) {
        // Link purposes are sent by email: compare the email and username cases.
        if (purpose !== 'login-code' && contact.startsWith('+')) continue;
        first.add(
          JSON.stringify(await visible(await server.post('/api/v1/help-requests', { contact, purpose }))),
        );
        second.add(
          JSON.stringify(await visible(await server.post('/api/v1/help-requests', { contact, purpose }))),
        );
      }
      expect(first.size, purpose).toBe(1);
      expect(second.size, purpose).toBe(1);
      const [again] = [...second].map(
        (text) => JSON.parse(text) as { status: number; headers: Record<string, string> },
      );
      expect(again.status).toBe(429);
      expect(again.headers['retry-after']).toBe('60');
    }
  });

  it('never changes an account’s state', async () => {
    const before = await server.ctx.db.select().from(accounts).orderBy(accounts.id);
    for (const [, contact] of CASES) {
      for (const purpose of PURPOSES) {
        await server.post('/api/v1/help-requests', { contact, purpose });
        server.clock.advanceSeconds(61);
      }
    }
    await server.drain();
    expect(await server.ctx.db.select().from(accounts).orderBy(accounts.id)).toEqual(before);
  });

  it('says what the input alone tells: invalid contact, SMS only to +1, links by email', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ contact: 'sam@example', purpose: 'login-code' }, 'invalid-contact'],
      [{ contact: '+33 6 39 98 01 23', purpose: 'login-code' }, 'sms-unavailable'],
      [{ contact: '+1 514 555 0101', purpose: 'unlock' }, 'email-required'],
      [{ contact: '+1 514 555 0101', purpose: 'login-code', channel: 'email' }, 'email-required'],
      [{ contact: 'sam.tremblay@example.org', purpose: 'login-code', channel: 'sms' }, 'phone-required'],
      [{ contact: 'sam.tremblay@example.org', purpose: 'reset' }, 'invalid-request'],
    ];
    for (const [body, code] of cases) {
      const response = await server.post('/api/v1/help-requests', body);
      expect(response.status).toBe(400);
      expect((await json<{ error: { code: string } }>(response)).error.code).toBe(code);
    }
    // Nothing was queued for them.
    await server.drain();
    expect(await server.outbox()).toEqual([]);
  });

  it('applies the resend interval and the hourly and daily limits per contact, across purposes', async () => {
    const contact = 'alex.martin@example.com';
    const send = (purpose = 'login-code') => server.post('/api/v1/help-requests', { contact, purpose });
    expect((await send()).status).toBe(202);
    server.clock.advanceSeconds(30);
    const early = await send('login-link');
    expect(early.status).toBe(429);
    expect(early.headers.get('retry-after')).toBe('30');
    expect((await json<{ error: { message: string } }>(early)).error.message).toBe(
      'Too many requests. Please wait 30 seconds before trying again.',
    );
    for (let i = 0; i < 4; i++) {
      server.clock.advanceSeconds(60);
      const response = await send();
      expect(response.status).toBe(202);
      // After the fifth send of the hour, the next one waits for the hour to slide.
      expect((await json<{ retryAfterSeconds: number }>(response)).retryAfterSeconds).toBe(
        i < 3 ? 60 : 3600 - 270,
      );
    }
    server.clock.advanceSeconds(60);
    expect((await send()).status).toBe(429);
    server.clock.advanceSeconds(3600);
    for (let i = 0; i < 5; i++) {
      expect((await send()).status).toBe(202);
      server.clock.advanceSeconds(60);
    }
    const daily = await send();
    expect(daily.status).toBe(429);
    expect(Number(daily.headers.get('retry-after'))).toBeGreaterThan(20 * 3600);
  });

  it('keeps every attempt, the refused ones too, with why and without the contact', async () => {
    const send = (contact: string, purpose = 'login-code') =>
      server.post('/api/v1/help-requests', { contact, purpose });
    expect((await send('alex.martin@example.com')).status).toBe(202);
    expect((await send('alex.martin@example.com')).status).toBe(429);
    for (let i = 0; i < 4; i++) {
      server.clock.advanceSeconds(60);
      expect((await send('alex.martin@example.com')).status).toBe(202);
    }
    server.clock.advanceSeconds(60);
    expect((await send('alex.martin@example.com')).status).toBe(429);
    expect((await send('+33 6 39 98 01 23')).status).toBe(400);
    const rows = await server.ctx.db.select().from(helpRequests).orderBy(asc(helpRequests.seq));
    expect(rows.map((row) => [row.status, row.outcome])).toEqual([
      ['queued', null],
      ['refused', 'cooling-down'],
      ['queued', null],
      ['queued', null],
      ['queued', null],
      ['queued', null],
      ['refused', 'limit-reached'],
      ['refused', 'sms-unavailable'],
    ]);
    for (const row of rows.filter((row) => row.status === 'refused')) expect(row.contactEnc).toBeNull();
  });

  it('queues the work: the answer never waits on the message', async () => {
    const response = await server.post('/api/v1/help-requests', {
      contact: '+15145550101',
      purpose: 'login-code',
    });
    expect(response.status).toBe(202);
    expect(await server.outbox()).toEqual([]);
    await server.drain();
    const [message] = await server.outbox('+15145550101');
    expect(message).toMatchObject({ channel: 'sms', template: 'login-code', status: 'sent' });
    expect(message.codes).toHaveLength(1);
  });
});

describe('the per-client limit on help requests arriving together', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ IP_SEND_LIMIT: '5' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('admits exactly the limit of one client’s simultaneous requests, refuses the rest alike and keeps only the admitted', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        server.post('/api/v1/help-requests', { contact: `together-${i}@example.org`, purpose: 'login-code' }),
      ),
    );
    const statuses = answers.map((response) => response.status).sort();
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
    const refused = answers.filter((response) => response.status === 429);
    for (const response of refused) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('rate-limited');
    }
    // The refused ones name no contact of their own: nothing is kept of them.
    expect(await server.ctx.db.select().from(helpRequests)).toHaveLength(5);
  });
});
