import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEV_SUPPORT_AGENT } from '../config';
import type { Channel } from '../db/schema';
import { enqueueDelivery } from '../messaging/outbox';
import type { ServiceStatusView } from '../services/service-status';
import type { NoticeBoard } from '../services/support';
import { createTestServer, json, type TestServer } from '../testing/harness';

const support = { authorization: `Bearer ${DEV_SUPPORT_AGENT.token}` };
const TEXT = {
  en: 'Our text message provider has an outage. Log in by email until 4 PM.',
  fr: 'Notre fournisseur de textos est en panne. Connectez-vous par courriel jusqu’à 16 h.',
};

describe('support notices (support/service-notices)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(async () => {
    await server.reset();
  });

  const inMinutes = (minutes: number) =>
    new Date(server.clock.now().getTime() + minutes * 60_000).toISOString();
  const publish = (body: Record<string, unknown>, headers = support) =>
    server.post('/api/v1/support/service-notices', body, headers);
  const status = async () => json<ServiceStatusView>(await server.get('/api/v1/service-status'));
  const board = async () => json<NoticeBoard>(await server.get('/api/v1/support/service-notices', support));
  /** A message of `channel` the worker has not managed to send for 150 s: the channel is delayed. */
  const stuck = (channel: Channel) =>
    enqueueDelivery(server.ctx.db, server.ctx.keys, {
      helpRequestId: null,
      accountId: null,
      contactKey: `k-${channel}`,
      channel,
      template: 'login-code',
      locale: 'en',
      recipientMasked: '•',
      payload: { to: 'x', subject: null, text: 'x', html: null, codes: [], links: [] },
      now: server.clock.now(),
    });

  it('needs a support token', async () => {
    const answers = await Promise.all([
      server.get('/api/v1/support/service-notices'),
      publish({ channel: 'sms', ...TEXT, until: inMinutes(60) }, { authorization: 'Bearer nope' }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([401, 401]);
  });

  it('is shown at once in place of the automatic notice of its channel, beside the others, and audited', async () => {
    await stuck('sms');
    await stuck('email');
    server.clock.advanceSeconds(150);
    const before = await status();
    expect(before.notices.map((notice) => [notice.source, notice.channel])).toEqual([
      ['automatic', 'sms'],
      ['automatic', 'email'],
    ]);
    const until = inMinutes(60);
    const published = await publish({ channel: 'sms', ...TEXT, until });
    expect(published.status).toBe(201);
    const answer = await json<NoticeBoard>(published);
    expect(answer.active).toMatchObject({
      channel: 'sms',
      text: TEXT,
      until,
      createdBy: 'Dev Agent',
      state: 'active',
    });
    // Not after the cache runs out: now.
    const after = await status();
    expect(after.notices).toEqual([
      { source: 'support', channel: 'sms', state: null, waitSeconds: null, text: TEXT, until },
      { source: 'automatic', channel: 'email', state: 'delayed', waitSeconds: 180, text: null, until: null },
    ]);
    // The measured state stays what it is.
    expect(after.channels.sms.state).toBe('delayed');
    expect(answer.auditLog).toMatchObject([
      {
        actor: 'support:Dev Agent',
        action: 'support.notice-published',
        details: { channel: 'sms', until, en: TEXT.en, fr: TEXT.fr },
      },
    ]);
  });

  it('ends by itself at its end: gone from the status, expired on the board', async () => {
    await publish({ channel: 'all', ...TEXT, until: inMinutes(10) });
    server.clock.advanceSeconds(9 * 60 + 50);
    const shown = await server.get('/api/v1/service-status');
    // Nobody may keep it cached past its end.
    expect(shown.headers.get('cache-control')).toBe('public, max-age=10');
    expect((await json<ServiceStatusView>(shown)).notices).toMatchObject([
      { source: 'support', channel: 'all' },
    ]);
    server.clock.advanceSeconds(10);
    expect((await status()).notices).toEqual([]);
    const { active, recent } = await board();
    expect(active).toBeNull();
    expect(recent).toMatchObject([{ state: 'expired', endedAt: null }]);
  });

  it('can be replaced or ended sooner, each change audited with the agent’s name', async () => {
    const first = await json<NoticeBoard>(await publish({ channel: 'sms', ...TEXT, until: inMinutes(60) }));
    server.clock.advanceSeconds(60);
    const second = await json<NoticeBoard>(
      await publish({
        channel: 'email',
        en: 'Emails are slow.',
        fr: 'Les courriels sont lents.',
        until: inMinutes(30),
      }),
    );
    expect(second.recent.map((notice) => [notice.channel, notice.state])).toEqual([
      ['email', 'active'],
      ['sms', 'ended'],
    ]);
    const ended = await server.post(
      `/api/v1/support/service-notices/${second.active!.id}/endings`,
      {},
      support,
    );
    expect(ended.status).toBe(200);
    const after = await json<NoticeBoard>(ended);
    expect(after.active).toBeNull();
    expect(after.recent[0]).toMatchObject({ state: 'ended', endedBy: 'Dev Agent' });
    expect(after.auditLog.map((entry) => [entry.action, entry.details.why ?? null])).toEqual([
      ['support.notice-ended', 'ended'],
      ['support.notice-published', null],
      ['support.notice-ended', 'replaced'],
      ['support.notice-published', null],
    ]);
    expect((await status()).notices).toEqual([]);
    const again = await server.post(
      `/api/v1/support/service-notices/${first.active!.id}/endings`,
      {},
      support,
    );
    expect(again.status).toBe(409);
    expect((await json<{ error: { code: string } }>(again)).error.code).toBe('notice-not-active');
  });

  it('refuses an end in the past or beyond 7 days, a missing language and an overlong text', async () => {
    const answers = await Promise.all([
      publish({ channel: 'sms', ...TEXT, until: inMinutes(-1) }),
      publish({ channel: 'sms', ...TEXT, until: inMinutes(7 * 24 * 60 + 1) }),
      publish({ channel: 'sms', en: TEXT.en, until: inMinutes(60) }),
      publish({ channel: 'sms', en: 'x'.repeat(301), fr: TEXT.fr, until: inMinutes(60) }),
      publish({ channel: 'push', ...TEXT, until: inMinutes(60) }),
    ]);
    const codes = await Promise.all(
      answers.map(async (answer) => [
        answer.status,
        (await json<{ error: { code: string } }>(answer)).error.code,
      ]),
    );
    expect(codes).toEqual([
      [400, 'notice-end-invalid'],
      [400, 'notice-end-invalid'],
      [400, 'invalid-request'],
      [400, 'invalid-request'],
      [400, 'invalid-request'],
    ]);
    expect((await board()).recent).toEqual([]);
  });
});
