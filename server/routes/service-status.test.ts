import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deliveries } from '../db/schema';
import { enqueueDelivery } from '../messaging/outbox';
import { createLogger } from '../lib/logger';
import { backoffMs } from '../jobs/worker';
import { createTestServer, json, type TestServer } from '../testing/harness';
import { mailCatcher } from '../testing/processes';
import { startTwilioTestServer, type TwilioTestServer } from '../testing/twilio-server';
import type { ServiceStatusView } from '../services/service-status';

/** A logger whose JSON lines the test reads. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ logLevel: 'info' }, sink) };
}

const statusOf = async (server: TestServer) => {
  const response = await server.get('/api/v1/service-status');
  expect(response.status).toBe(200);
  return json<ServiceStatusView>(response);
};

/** The channel_state gauge: the state marked 1 for the channel. */
async function gaugeState(server: TestServer, channel: string): Promise<string | null> {
  const text = await (await server.get('/metrics')).text();
  const line = text
    .split('\n')
    .find((each) => each.startsWith(`channel_state{channel="${channel}"`) && each.endsWith(' 1'));
  return line ? (/state="(\w+)"/.exec(line)?.[1] ?? null) : null;
}

describe('a channel turns delayed and back (email over SMTP, an injected clock)', () => {
  const mail = mailCatcher();
  const log = capturedLogger();
  let port: number;
  let server: TestServer;
  beforeAll(async () => {
    port = await mail.listen();
    server = await createTestServer(
      { SMTP_URL: `smtp://127.0.0.1:${port}`, IP_SEND_LIMIT: '1000' },
      { transports: 'configured', logger: log.logger },
    );
  });
  afterAll(async () => {
    await server.close();
    await mail.close();
  });

  const ask = (contact: string) => server.post('/api/v1/help-requests', { contact, purpose: 'login-code' });
  /** Past the status's cache, and past any retry's backoff when `retry`. */
  const later = (seconds = server.config.service.cacheSeconds) => server.clock.advanceSeconds(seconds);

  it('is delayed while SMTP is down, says how long a message may take, and is ok once SMTP is back', async () => {
    // Addresses nobody uses still get their "no account" email: four recipients, all served.
    for (const n of [1, 2, 3, 4]) await ask(`worker${n}@example.org`);
    await server.drain();
    expect(mail.received).toHaveLength(4);
    expect((await statusOf(server)).channels.email).toEqual({ state: 'ok', waitSeconds: null });

    await mail.close();
    for (const n of [5, 6]) await ask(`worker${n}@example.org`);
    await server.drain();
    later();
    const delayed = await statusOf(server);
    expect(delayed.channels).toEqual({
      email: { state: 'delayed', waitSeconds: 60 },
      sms: { state: 'ok', waitSeconds: null },
    });
    expect(delayed.notices).toEqual([
      { source: 'automatic', channel: 'email', state: 'delayed', waitSeconds: 60, text: null, until: null },
    ]);
    expect(await gaugeState(server, 'email')).toBe('delayed');
    expect(log.lines.find((line) => line.msg === 'message channel delayed')).toMatchObject({
      level: 40,
      channel: 'email',
      from: 'ok',
      to: 'delayed',
      recipients: 6,
      troubledRecipients: 2,
    });

    await mail.listen(port);
    later(backoffMs(1, () => 1) / 1000);
    await server.drain();
    expect(mail.received.map((message) => message.to)).toContain('worker6@example.org');
    later();
    const back = await statusOf(server);
    expect(back.channels.email).toEqual({ state: 'ok', waitSeconds: null });
    expect(back.notices).toEqual([]);
    expect(await gaugeState(server, 'email')).toBe('ok');
    expect(log.lines.find((line) => line.msg === 'message channel back to normal')).toMatchObject({
      level: 30,
      channel: 'email',
      from: 'delayed',
      to: 'ok',
    });
  });

  it('stays ok when one person’s messages keep failing (counted by recipient)', async () => {
    await server.reset();
    for (const n of [1, 2, 3]) await ask(`someone${n}@example.org`);
    await server.drain();
    await mail.close();
    // Three codes asked, one a minute, for one address while its mailbox refuses them.
    for (let attempt = 0; attempt < 3; attempt++) {
      later(60);
      expect((await ask('camille.dubois@example.org')).status).toBe(202);
      await server.drain();
    }
    later();
    const rows = await server.ctx.db.select().from(deliveries).where(eq(deliveries.status, 'pending'));
    expect(rows).toHaveLength(3);
    expect((await statusOf(server)).channels.email.state).toBe('ok');
    await mail.listen(port);
  });
});

describe('the queue itself (the worker behind)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('is delayed once a due message waited 2 minutes, down after the code lifetime, ok once sent', async () => {
    await enqueueDelivery(server.ctx.db, server.ctx.keys, {
      helpRequestId: null,
      accountId: null,
      contactKey: 'k',
      channel: 'sms',
      template: 'login-code',
      locale: 'en',
      recipientMasked: '+1 •••-•••-0101',
      payload: { to: '+15145550101', subject: null, text: 'x', html: null, codes: [], links: [] },
      now: server.clock.now(),
    });
    server.clock.advanceSeconds(150);
    expect((await statusOf(server)).channels.sms).toEqual({ state: 'delayed', waitSeconds: 180 });
    server.clock.advanceSeconds(600);
    const down = await statusOf(server);
    expect(down.channels.sms).toEqual({ state: 'down', waitSeconds: null });
    expect(down.notices).toMatchObject([{ source: 'automatic', channel: 'sms', state: 'down' }]);
    await server.drain();
    server.clock.advanceSeconds(30);
    expect((await statusOf(server)).channels.sms.state).toBe('ok');
  });
});

describe('SMS receipts undelivered then delivered (the fake Twilio’s signed callbacks)', () => {
  let app: TwilioTestServer;
  beforeAll(async () => {
    app = await startTwilioTestServer();
  });
  afterAll(async () => {
    await app.close();
  });
  afterEach(async () => {
    await app.server.reset();
  });

  it('is down while most texts are undelivered, delayed while some are, ok once they are delivered', async () => {
    const phones = ['+15145550101', '+14385550102', '+15145550104', '+14385550107'];
    for (const contact of phones)
      await app.server.post('/api/v1/help-requests', { contact, purpose: 'login-code' });
    await app.server.drain();
    const sids = app.twilio.messages.map((message) => message.sid);
    expect(sids).toHaveLength(4);
    const next = async () => {
      app.server.clock.advanceSeconds(app.server.config.service.cacheSeconds);
      return statusOf(app.server);
    };
    for (const sid of sids) await app.twilio.receipt(sid, 'undelivered', { errorCode: '30003' });
    const down = await next();
    expect(down.channels.sms).toEqual({ state: 'down', waitSeconds: null });
    expect(down.notices).toMatchObject([{ source: 'automatic', channel: 'sms', state: 'down' }]);
    // The carriers got two through.
    for (const sid of sids.slice(0, 2)) await app.twilio.receipt(sid, 'delivered');
    expect((await next()).channels.sms).toEqual({ state: 'delayed', waitSeconds: null });
    for (const sid of sids.slice(2)) await app.twilio.receipt(sid, 'delivered');
    const ok = await next();
    expect(ok.channels.sms).toEqual({ state: 'ok', waitSeconds: null });
    expect(ok.notices).toEqual([]);
  });
});

describe('GET /api/v1/service-status', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('is the same for everyone, cacheable, and says nothing about any account', async () => {
    await server.post('/api/v1/help-requests', { contact: '+15145550101', purpose: 'login-code' });
    await server.drain();
    const answers = await Promise.all([
      server.get('/api/v1/service-status'),
      server.get('/api/v1/service-status', { 'accept-language': 'fr', authorization: 'Bearer whatever' }),
    ]);
    for (const answer of answers) expect(answer.headers.get('cache-control')).toBe('public, max-age=30');
    const [first, second] = await Promise.all(answers.map((answer) => answer.text()));
    expect(second).toBe(first);
    const body = JSON.parse(first) as ServiceStatusView;
    expect(Object.keys(body).sort()).toEqual(['channels', 'checkedAt', 'notices']);
    expect(Object.keys(body.channels.sms).sort()).toEqual(['state', 'waitSeconds']);
    expect(first).not.toMatch(/5145550101|example\.|recipients/);
  });
});
