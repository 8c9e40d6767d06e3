import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresTestDatabase } from './db/test-database';
import type { OutboxMessage } from './messaging/outbox';
import { freePort, mailCatcher, startServerProcess, waitFor, type ServerProcess } from './testing/processes';

// Several instances behind a load balancer share one PostgreSQL server: every limit and the
// delivery queue live in the database, so two real server processes must behave as one.
//
// This file needs PostgreSQL (PGlite belongs to one process: there is nothing to share without
// it), so it is skipped when TEST_DATABASE_URL is unset. It is never skipped in CI: `.ci/run` runs
// the server tests a second time against a PostgreSQL server it starts (`npm run test:pg`).

const serverUrl = process.env.TEST_DATABASE_URL;

async function post(server: ServerProcess, path: string, body: unknown): Promise<Response> {
  return fetch(`${server.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function outbox(server: ServerProcess, to?: string): Promise<OutboxMessage[]> {
  const query = to ? `?to=${encodeURIComponent(to)}&limit=200` : '?limit=200';
  const response = await fetch(`${server.base}/api/dev/outbox${query}`);
  return ((await response.json()) as { messages: OutboxMessage[] }).messages;
}

/** Completed passes of an instance's background worker (its `/metrics`). */
async function workerPasses(server: ServerProcess): Promise<number> {
  const text = await (await fetch(`${server.base}/metrics`)).text();
  return Number(/^worker_passes_total (\d+)/m.exec(text)?.[1]);
}

/** Waits until both instances' workers have completed `count` more passes: whatever was due, is done. */
async function afterPasses(servers: ServerProcess[], count: number): Promise<void> {
  const before = await Promise.all(servers.map(workerPasses));
  await waitFor(`${count} more worker passes on each instance`, async () => {
    const now = await Promise.all(servers.map(workerPasses));
    return now.every((passes, i) => passes >= before[i] + count) ? true : undefined;
  });
}

describe.skipIf(!serverUrl)('two server instances on one PostgreSQL', () => {
  const mail = mailCatcher();
  let database: Awaited<ReturnType<typeof createPostgresTestDatabase>>;
  let smtpPort: number;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    database = await createPostgresTestDatabase(serverUrl!);
    const ports = new Set<number>();
    while (ports.size < 3) ports.add(await freePort());
    const [portA, portB] = [...ports];
    // Nothing listens on the SMTP port yet: the mail server starts "down".
    smtpPort = [...ports][2];
    const env = (name: string) => ({
      DATABASE_URL: database.url,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      // The sender tells which instance delivered a message.
      MAIL_FROM: `Instance ${name} <instance-${name}@example.com>`,
      PUBLIC_BASE_URL: 'https://help.example.com',
      SECRET_KEY: 'two-instances-shared-secret-0123456789-abcdef',
      SEED_DEMO: 'true',
      IP_SEND_LIMIT: '100000',
      WORKER_POLL_MS: '20',
      DELIVERY_BACKOFF_SECONDS: '1',
    });
    // Started together: migrating and seeding one database at once must work.
    a = startServerProcess(portA, env('a'));
    b = startServerProcess(portB, env('b'));
    await Promise.all([a.healthy(), b.healthy()]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await mail.close();
    await database?.drop();
  });

  it('answers 202 while SMTP is down; once it is back, N requests spread over both give exactly N mails', async () => {
    const contacts = Array.from({ length: 40 }, (_, i) => `spread-${i}@example.org`);
    const statuses = await Promise.all(
      contacts.map(async (contact, i) => {
        const response = await post(i % 2 ? b : a, '/api/v1/help-requests', {
          contact,
          purpose: 'login-code',
        });
        return response.status;
      }),
    );
    expect(statuses).toEqual(contacts.map(() => 202));

    // Both workers try, fail, and keep each message for a retry (none lost, none given up).
    const attempted = await waitFor('a first failed attempt of every message', async () => {
      const messages = (await outbox(a)).filter((m) => contacts.includes(m.recipient ?? ''));
      return messages.length === contacts.length && messages.every((m) => m.attempts >= 1)
        ? messages
        : undefined;
    });
    // A retry may be under way at this very moment ("sending", 1 s backoff): what matters is that
    // none was sent, given up or marked uncertain.
    for (const message of attempted) expect(['pending', 'sending']).toContain(message.status);
    expect(mail.received).toHaveLength(0);

    await mail.listen(smtpPort);
    const sent = await waitFor(
      'every message to be sent',
      async () => {
        const messages = (await outbox(b)).filter((m) => contacts.includes(m.recipient ?? ''));
        return messages.length === contacts.length && messages.every((m) => m.status === 'sent')
          ? messages
          : undefined;
      },
      60_000,
    );
    // Three more worker passes on both instances: nothing else may arrive.
    await afterPasses([a, b], 3);
    const mails = mail.received.filter((m) => contacts.includes(m.to));
    expect(mails.map((m) => m.to).sort()).toEqual([...contacts].sort());
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(contacts.length);
    expect(mails.map((m) => m.messageId).sort()).toEqual(
      sent.map((m) => `<${m.id}@help.example.com>`).sort(),
    );
    // Both delivery workers took part.
    const senders = new Set(mails.map((m) => m.from));
    expect(senders).toEqual(new Set(['instance-a@example.com', 'instance-b@example.com']));
  }, 120_000);

  it('with SMTP up, a burst spread over both instances is delivered exactly once', async () => {
    // Both workers claim from the same queue at the same moments: the claim must be exclusive.
    const contacts = Array.from({ length: 120 }, (_, i) => `burst-${i}@example.org`);
    // SMTP is up here whatever the test before did.
    if (!mail.listening) await mail.listen(smtpPort);
    const statuses = await Promise.all(
      contacts.map(
        async (contact, i) =>
          (await post(i % 2 ? b : a, '/api/v1/help-requests', { contact, purpose: 'login-code' })).status,
      ),
    );
    expect(statuses).toEqual(contacts.map(() => 202));
    await waitFor(
      'every message to be sent',
      async () => {
        const messages = (await outbox(a)).filter((m) => contacts.includes(m.recipient ?? ''));
        return messages.length === contacts.length && messages.every((m) => m.status === 'sent')
          ? true
          : undefined;
      },
      60_000,
    );
    await afterPasses([a, b], 3);
    const mails = mail.received.filter((m) => contacts.includes(m.to));
    expect(mails.map((m) => m.to).sort()).toEqual([...contacts].sort());
    expect(new Set(mails.map((m) => m.from))).toEqual(
      new Set(['instance-a@example.com', 'instance-b@example.com']),
    );
  }, 120_000);

  it('enforces on instance B a resend cool-down set through instance A', async () => {
    const contact = 'cool-down@example.org';
    const first = await post(a, '/api/v1/help-requests', { contact, purpose: 'login-code' });
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ retryAfterSeconds: 60 });

    const onB = await post(b, '/api/v1/help-requests', { contact, purpose: 'login-code' });
    expect(onB.status).toBe(429);
    const body = (await onB.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('rate-limited');
    expect(body.error.message).toMatch(/^Too many requests\. Please wait \d+ seconds before trying again\.$/);
    const retryAfterB = Number(onB.headers.get('retry-after'));
    expect(retryAfterB).toBeGreaterThanOrEqual(55);
    expect(retryAfterB).toBeLessThanOrEqual(60);

    // Instance A says the same.
    const onA = await post(a, '/api/v1/help-requests', { contact, purpose: 'login-code' });
    expect(onA.status).toBe(429);
    expect(((await onA.json()) as typeof body).error.code).toBe('rate-limited');
    expect(Math.abs(Number(onA.headers.get('retry-after')) - retryAfterB)).toBeLessThanOrEqual(1);
  });

  it('counts the guesses of one code made on both instances against its five', async () => {
    const codeOf = async (contact: string) =>
      waitFor('the code to be issued', async () => (await outbox(a, contact))[0]?.codes[0]);
    const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const verify = (server: ServerProcess, contact: string, code: string) =>
      post(server, '/api/v1/code-verifications', { contact, code });

    // Five wrong guesses, alternating instances: the code is dead, even on the instance that saw two.
    const dead = 'alex.martin@example.com';
    expect((await post(a, '/api/v1/help-requests', { contact: dead, purpose: 'login-code' })).status).toBe(
      202,
    );
    const deadCode = await codeOf(dead);
    for (const server of [a, b, a, b, a]) {
      const response = await verify(server, dead, wrong(deadCode));
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'invalid-or-expired-code',
      );
    }
    const afterFive = await verify(b, dead, deadCode);
    expect(afterFive.status).toBe(400);
    expect(((await afterFive.json()) as { error: { code: string } }).error.code).toBe(
      'invalid-or-expired-code',
    );

    // Four wrong guesses leave the code alive; the session it opens on B works on A.
    const alive = 'jordan.lee@example.com';
    expect((await post(b, '/api/v1/help-requests', { contact: alive, purpose: 'login-code' })).status).toBe(
      202,
    );
    const aliveCode = await codeOf(alive);
    for (const server of [b, a, b, a])
      expect((await verify(server, alive, wrong(aliveCode))).status).toBe(400);
    const verified = await verify(b, alive, aliveCode);
    expect(verified.status).toBe(200);
    const { sessionToken } = (await verified.json()) as { sessionToken: string };
    const status = await fetch(`${a.base}/api/v1/account-status`, {
      headers: { authorization: `Bearer ${sessionToken}` },
    });
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ account: { status: 'invited' } });
  });
});
