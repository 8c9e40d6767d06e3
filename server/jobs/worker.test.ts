import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliveries, helpRequests } from '../db/schema';
import { createTestServer, type TestServer } from '../testing/harness';
import type { Transport } from '../messaging/transports';
import { backoffMs, WAKE_DELAY_MS } from './worker';

describe('the delivery worker', () => {
  const sent: string[] = [];
  let failNext = 0;
  const flaky: Transport = {
    name: 'flaky',
    send: async (message) => {
      if (failNext > 0) {
        failNext--;
        return { ok: false, retryable: true, error: 'HTTP 503' };
      }
      sent.push(message.id);
      return { ok: true, transport: 'flaky', providerMessageId: `p-${message.id}` };
    },
  };
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(
      { DELIVERY_MAX_ATTEMPTS: '3', APP_ENV: 'production', IP_SEND_LIMIT: '1000' },
      {
        transports: { email: flaky, sms: flaky },
      },
    );
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await server.reset();
    sent.length = 0;
    failNext = 0;
  });

  it('backs off 30 s, 1 min, 2 min… up to an hour', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, () => 0.5))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20, () => 0.5)).toBe(3_600_000);
  });

  it('forgets the contact once a request is processed, and the message once sent (production)', async () => {
    await server.queueWithoutContact(1);
    await server.post('/api/v1/help-requests', { contact: '+15145550101', purpose: 'login-code' });
    await server.drain();
    const requests = await server.ctx.db.select().from(helpRequests);
    expect(requests.every((r) => r.status === 'done' && r.contactEnc === null)).toBe(true);
    const [row] = await server.ctx.db.select().from(deliveries);
    expect(row).toMatchObject({ status: 'sent', payloadEnc: null, providerMessageId: `p-${row.id}` });
    expect(sent).toEqual([row.id]);
  });

  it('after a burst, takes pass after pass until the queue is empty instead of waiting to be polled', async () => {
    // A whole minute between polls: only a worker that goes on by itself empties the queue in time.
    const patient = await createTestServer({ WORKER_POLL_MS: '60000' }, { shareDatabaseOf: server });
    await server.queueWithoutContact(350);
    const queued = async () =>
      (await server.ctx.db.select().from(helpRequests).where(eq(helpRequests.status, 'queued'))).length;
    try {
      patient.worker.start();
      await expect.poll(queued, { timeout: 10_000 }).toBe(0);
    } finally {
      await patient.worker.stop();
      await patient.close();
    }
  });

  it('looks a request’s account up no sooner than a pause after accepting it, never beside the request that follows', async () => {
    const patient = await createTestServer(
      { WORKER_POLL_MS: '60000', IP_SEND_LIMIT: '1000' },
      { shareDatabaseOf: server },
    );
    const answeredAt: number[] = [];
    const doneAt: number[] = [];
    try {
      patient.worker.start();
      // One after the other: the first wakes the worker, the others arrive during its pause.
      for (let i = 0; i < 8; i++) {
        const response = await patient.post('/api/v1/help-requests', {
          contact: `worker${i}@example.org`,
          purpose: 'login-code',
        });
        expect(response.status).toBe(202);
        answeredAt.push(performance.now());
      }
      const done = async () => {
        const rows = await server.ctx.db
          .select({ status: helpRequests.status })
          .from(helpRequests)
          .orderBy(asc(helpRequests.seq));
        rows.forEach((row, i) => {
          if (row.status === 'done') doneAt[i] ??= performance.now();
        });
        return rows.filter((row) => row.status === 'done').length;
      };
      await expect.poll(done, { interval: 5, timeout: 5_000 }).toBe(8);
      // A pass takes only the requests waiting when it was scheduled, and starts a pause later.
      for (const [i, at] of answeredAt.entries())
        expect(doneAt[i] - at, `request ${i}`).toBeGreaterThanOrEqual(WAKE_DELAY_MS - 5);
    } finally {
      await patient.worker.stop();
      await patient.close();
    }
  });

  it('retries a retryable failure and gives up after the maximum attempts', async () => {
    failNext = 3;
    await server.post('/api/v1/help-requests', { contact: '+15145550101', purpose: 'login-code' });
    await server.drain();
    for (let attempt = 1; attempt < 3; attempt++) {
      server.clock.advance(backoffMs(attempt, () => 1));
      await server.drain();
    }
    const [row] = await server.ctx.db.select().from(deliveries);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, payloadEnc: null, lastError: 'HTTP 503' });
    expect(sent).toEqual([]);
  });

  it('never sends twice a message interrupted while sending: it is marked uncertain', async () => {
    await server.post('/api/v1/help-requests', { contact: '+15145550101', purpose: 'login-code' });
    await server.worker.runOnce();
    const [row] = await server.ctx.db.select().from(deliveries);
    // As if the process died in the middle of sending it.
    await server.ctx.db
      .update(deliveries)
      .set({ status: 'sending', sentAt: null, leaseUntil: new Date(server.clock.now().getTime() + 120_000) })
      .where(eq(deliveries.id, row.id));
    sent.length = 0;
    await server.drain();
    expect(sent).toEqual([]);
    server.clock.advanceSeconds(121);
    await server.drain();
    const [after] = await server.ctx.db.select().from(deliveries);
    expect(after.status).toBe('uncertain');
    expect(sent).toEqual([]);
  });
});
