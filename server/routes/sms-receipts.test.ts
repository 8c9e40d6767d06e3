import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEV_SUPPORT_AGENT } from '../config';
import { deliveries } from '../db/schema';
import { twilioSignature, webhookSignature } from '../messaging/receipts';
import { createTestServer, json, type TestServer } from '../testing/harness';
import { startTwilioTestServer, type TwilioTestServer } from '../testing/twilio-server';

const support = { authorization: `Bearer ${DEV_SUPPORT_AGENT.token}` };

/** The receipts counted so far with this outcome (`/metrics`). */
async function receiptsCounted(server: TestServer, provider: string, outcome: string): Promise<number> {
  const text = await (await server.get('/metrics')).text();
  const line = text
    .split('\n')
    .find((each) => each.startsWith(`sms_receipts_total{provider="${provider}",outcome="${outcome}"}`));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

async function lookUpDeliveries(server: TestServer, contact: string) {
  const response = await server.post('/api/v1/support/account-lookups', { contact }, support);
  expect(response.status).toBe(200);
  const body = await json<{
    account: { deliveries: { channel: string; receipt: { state: string; reason: string | null } | null }[] };
  }>(response);
  return body.account.deliveries;
}

describe('Twilio delivery receipts (a local fake Twilio sending real signed callbacks)', () => {
  let app: TwilioTestServer;
  beforeAll(async () => {
    app = await startTwilioTestServer();
  });
  afterAll(async () => {
    await app.close();
  });
  afterEach(async () => {
    await app.server.reset();
    app.twilio.messages.length = 0;
  });

  /** Sends a login code by SMS through the fake and returns its Twilio id and our row. */
  async function sendCode(contact = '+15145550101') {
    expect((await app.server.post('/api/v1/help-requests', { contact, purpose: 'login-code' })).status).toBe(
      202,
    );
    await app.server.drain();
    const message = app.twilio.messages.at(-1)!;
    const [row] = await app.server.ctx.db
      .select()
      .from(deliveries)
      .where(eq(deliveries.providerMessageId, message.sid));
    return { sid: message.sid, row };
  }

  const receiptOf = async (id: string) => {
    const [row] = await app.server.ctx.db.select().from(deliveries).where(eq(deliveries.id, id));
    return { state: row.receiptState, reason: row.receiptReason, at: row.receiptAt?.toISOString() ?? null };
  };

  it('sends through the provider, naming the receipt address built from PUBLIC_BASE_URL', async () => {
    const { sid, row } = await sendCode();
    const [message] = app.twilio.messages;
    expect(message).toMatchObject({ sid, to: '+15145550101', from: '+15145550000' });
    expect(message.body).toMatch(/\d{6}/);
    expect(message.statusCallback).toBe(`${app.base}/api/v1/sms-receipts/twilio?delivery=${row.id}`);
    expect(row).toMatchObject({ status: 'sent', transport: 'twilio', receiptState: null });
  });

  it('records the final state with the provider’s reason, and support’s lookup shows it', async () => {
    const { sid, row } = await sendCode();
    // On the way: nothing changes.
    const sent = await app.twilio.receipt(sid, 'sent');
    expect(sent.status).toBe(200);
    expect(await receiptOf(row.id)).toEqual({ state: null, reason: null, at: null });
    const undelivered = await app.twilio.receipt(sid, 'undelivered', { errorCode: '30003' });
    expect(undelivered.status).toBe(200);
    expect(await undelivered.json()).toEqual({ status: 'accepted' });
    expect(await receiptOf(row.id)).toMatchObject({ state: 'undelivered', reason: 'unreachable' });
    const [shown] = await lookUpDeliveries(app.server, '+15145550101');
    expect(shown).toMatchObject({ channel: 'sms', receipt: { state: 'undelivered', reason: 'unreachable' } });
  });

  it('never moves a message backwards: a repeated or late receipt changes nothing', async () => {
    const { sid, row } = await sendCode();
    const counted = (outcome: string) => receiptsCounted(app.server, 'twilio', outcome);
    const before = { delivered: await counted('delivered'), unchanged: await counted('unchanged') };
    await app.twilio.receipt(sid, 'undelivered', { errorCode: '30007' });
    expect(await receiptOf(row.id)).toMatchObject({ state: 'undelivered', reason: 'carrier-filtered' });
    // The carrier tried again and got it through: forward.
    app.server.clock.advanceSeconds(30);
    await app.twilio.receipt(sid, 'delivered');
    const delivered = await receiptOf(row.id);
    expect(delivered).toMatchObject({ state: 'delivered', reason: null });
    // Out of order or repeated afterwards: delivered stays delivered, at the same time.
    app.server.clock.advanceSeconds(30);
    for (const status of ['failed', 'undelivered', 'sent', 'queued', 'delivered'])
      expect((await app.twilio.receipt(sid, status, { errorCode: '30008' })).status).toBe(200);
    expect(await receiptOf(row.id)).toEqual(delivered);
    // Counted for operators: one delivery, three final statuses that changed nothing.
    expect(await counted('delivered')).toBe(before.delivered + 1);
    expect(await counted('unchanged')).toBe(before.unchanged + 3);
  });

  it('refuses a forged, a replayed-with-other-parameters and an unsigned callback with the same 403', async () => {
    const { sid, row } = await sendCode();
    const refusedBefore = await receiptsCounted(app.server, 'twilio', 'refused');
    const callback = `${app.base}/api/v1/sms-receipts/twilio`;
    const forged = await app.twilio.receipt(sid, 'delivered', {
      signature: twilioSignature('not-the-auth-token', callback, new URLSearchParams({ MessageSid: sid })),
    });
    // A real "undelivered" callback, replayed as "delivered": its signature no longer fits.
    const tampered = await app.twilio.receipt(sid, 'undelivered', {
      errorCode: '30003',
      tamper: (params) => {
        params.set('MessageStatus', 'delivered');
        params.delete('ErrorCode');
      },
    });
    const extra = await app.twilio.receipt(sid, 'delivered', {
      tamper: (params) => params.set('Extra', '1'),
    });
    const unsigned = await app.twilio.receipt(sid, 'delivered', { signature: null });
    // Signed for another address (a Host header the sender chose): the server checks its own address.
    const params = new URLSearchParams({ MessageSid: sid, MessageStatus: 'delivered' });
    const elsewhere = await fetch(callback, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(
          app.twilio.authToken,
          'http://attacker.example/api/v1/sms-receipts/twilio',
          params,
        ),
        host: 'attacker.example',
      },
      body: params.toString(),
    });
    const answers = [forged, tampered, extra, unsigned, elsewhere];
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    expect(answers.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403]);
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(bodies[0]).toEqual({
      error: {
        code: 'invalid-signature',
        message: 'This request is not signed by the provider, or not for this address.',
      },
    });
    expect(await receiptOf(row.id)).toEqual({ state: null, reason: null, at: null });
    expect(await receiptsCounted(app.server, 'twilio', 'refused')).toBe(refusedBefore + 5);
  });

  it('records a receipt that arrives before Twilio’s id for the message is saved', async () => {
    const { sid, row } = await sendCode();
    // As while the rest of its batch is still being sent: no provider id on the row yet.
    await app.server.ctx.db
      .update(deliveries)
      .set({ providerMessageId: null })
      .where(eq(deliveries.id, row.id));
    expect((await app.twilio.receipt(sid, 'undelivered', { errorCode: '30006' })).status).toBe(200);
    expect(await receiptOf(row.id)).toMatchObject({ state: 'undelivered', reason: 'landline' });
  });

  it('answers a signed receipt about no message of ours like any other (the provider learns nothing)', async () => {
    const { sid } = await sendCode();
    await app.server.ctx.db.update(deliveries).set({ providerMessageId: 'SM-elsewhere' });
    // A message that named no id of ours in its address (sent before the address carried one).
    app.twilio.messages.at(-1)!.statusCallback = `${app.base}/api/v1/sms-receipts/twilio`;
    const response = await app.twilio.receipt(sid, 'delivered');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'accepted' });
  });
});

describe('webhook delivery receipts (SMS_PROVIDER=webhook)', () => {
  const secret = 'webhook-secret-0123456789abcdef';
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({
      SMS_PROVIDER: 'webhook',
      SMS_WEBHOOK_URL: 'https://adapter.example/sms',
      SMS_WEBHOOK_SECRET: secret,
    });
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(async () => {
    await server.reset();
  });

  const now = () => Math.floor(server.clock.now().getTime() / 1000);
  const post = (raw: string, signature: string | null) =>
    server.app.request('/api/v1/sms-receipts/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-signature': signature } : {}) },
      body: raw,
    });
  const signed = (body: Record<string, unknown>) => {
    const raw = JSON.stringify(body);
    return post(raw, webhookSignature(secret, raw));
  };
  async function sendCode() {
    await server.post('/api/v1/help-requests', { contact: '+15145550101', purpose: 'login-code' });
    await server.drain();
    const [row] = await server.ctx.db.select().from(deliveries);
    return row;
  }

  it('records a signed receipt for the id we posted, with the adapter’s reason', async () => {
    const row = await sendCode();
    const response = await signed({ id: row.id, status: 'failed', reason: 'landline', timestamp: now() });
    expect(response.status).toBe(200);
    const [after] = await server.ctx.db.select().from(deliveries).where(eq(deliveries.id, row.id));
    expect(after).toMatchObject({ receiptState: 'failed', receiptReason: 'landline' });
    const [shown] = await lookUpDeliveries(server, '+15145550101');
    expect(shown.receipt).toMatchObject({ state: 'failed', reason: 'landline' });
  });

  it('refuses an unsigned, forged, altered or stale receipt with the same 403', async () => {
    const row = await sendCode();
    const body = { id: row.id, status: 'undelivered', reason: 'unreachable', timestamp: now() };
    const raw = JSON.stringify(body);
    const unsigned = await post(raw, null);
    const forged = await post(raw, webhookSignature('another-secret-0123456789', raw));
    const altered = await post(
      JSON.stringify({ ...body, status: 'delivered' }),
      webhookSignature(secret, raw),
    );
    // Captured and replayed later, unchanged: its signed timestamp is too old by then.
    server.clock.advanceSeconds(301);
    const replayed = await post(raw, webhookSignature(secret, raw));
    const answers = [unsigned, forged, altered, replayed];
    expect(answers.map((answer) => answer.status)).toEqual([403, 403, 403, 403]);
    const bodies = await Promise.all(answers.map((answer) => answer.text()));
    expect(new Set(bodies).size).toBe(1);
    const [after] = await server.ctx.db.select().from(deliveries).where(eq(deliveries.id, row.id));
    expect(after.receiptState).toBeNull();
  });

  it('answers a receipt about no message of ours, or repeated, like any other', async () => {
    const row = await sendCode();
    const unknown = await signed({ id: 'not-ours', status: 'delivered', timestamp: now() });
    const other = await signed({ id: crypto.randomUUID(), status: 'delivered', timestamp: now() });
    const first = await signed({ id: row.id, status: 'delivered', timestamp: now() });
    const again = await signed({ id: row.id, status: 'undelivered', timestamp: now() });
    expect(await Promise.all([unknown, other, first, again].map((answer) => answer.json()))).toEqual(
      Array(4).fill({ status: 'accepted' }),
    );
    const [after] = await server.ctx.db.select().from(deliveries).where(eq(deliveries.id, row.id));
    expect(after.receiptState).toBe('delivered');
  });
});

describe('receipts without a configured provider', () => {
  it('are all refused: nobody can sign them', async () => {
    const server = await createTestServer();
    try {
      const raw = JSON.stringify({ id: 'x', status: 'delivered', timestamp: 0 });
      const webhook = await server.app.request('/api/v1/sms-receipts/webhook', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-signature': webhookSignature('', raw) },
        body: raw,
      });
      const twilio = await server.app.request('/api/v1/sms-receipts/twilio', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'AAAA' },
        body: 'MessageSid=SM1&MessageStatus=delivered',
      });
      expect([webhook.status, twilio.status]).toEqual([403, 403]);
    } finally {
      await server.close();
    }
  });
});
