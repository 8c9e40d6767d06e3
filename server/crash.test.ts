import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresTestDatabase } from './db/test-database';
import type { OutboxMessage } from './messaging/outbox';
import { freePort, mailCatcher, startServerProcess, waitFor, type ServerProcess } from './testing/processes';

// Runs on PGlite (a data folder), or on PostgreSQL when TEST_DATABASE_URL is set (CI's second
// pass), like every API test. On PostgreSQL a restarted instance cannot tell a crashed sender from
// another live instance: a message left "sending" waits for its lease (5 s here) to be marked
// uncertain.
const backends = process.env.TEST_DATABASE_URL
  ? [{ name: 'PostgreSQL', postgres: true }]
  : [{ name: 'PGlite', postgres: false }];

describe.each(backends)(
  'crash on $name: the server killed with SIGKILL under load, then restarted',
  ({ name, postgres }) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'crash-data-'));
    // Every message the SMTP server accepts; a slow server keeps sends in flight when the kill comes.
    const mail = mailCatcher({ delayMs: 15 });
    const received = mail.received;
    const servers: ServerProcess[] = [];
    let smtpPort: number;
    let database: Awaited<ReturnType<typeof createPostgresTestDatabase>> | null = null;

    beforeAll(async () => {
      smtpPort = await mail.listen();
      if (postgres) database = await createPostgresTestDatabase(process.env.TEST_DATABASE_URL!);
    });

    afterAll(async () => {
      await Promise.all(servers.map((server) => server.kill()));
      await mail.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    function start(port: number, env: Record<string, string> = {}): ServerProcess {
      const server = startServerProcess(port, {
        ...(database ? { DATABASE_URL: database.url } : { DATA_DIR: dataDir }),
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        SECRET_KEY: 'crash-test-secret-0123456789-abcdefghijklmnop',
        IP_SEND_LIMIT: '1000000',
        WORKER_POLL_MS: '50',
        // A retry (the SMTP server busy on a loaded machine) comes after a second, not 30.
        DELIVERY_BACKOFF_SECONDS: '1',
        DELIVERY_LEASE_SECONDS: '5',
        ...env,
      });
      servers.push(server);
      return server;
    }

    it('loses no accepted request and sends no message twice', async () => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;

      const first = start(port);
      await first.healthy();
      // Load: 8 clients in parallel; the kill lands once 60 requests were accepted and mail flows.
      const accepted: string[] = [];
      let next = 0;
      let killed = false;
      const client = async () => {
        // At most 180 requests: the outbox check below reads up to 200 messages.
        while (next < 180) {
          // On PostgreSQL requests can outrun the worker: wait for mail to flow before going on.
          while (!killed && accepted.length >= 60 && received.length < 5)
            await new Promise((resolve) => setTimeout(resolve, 25));
          const contact = `crash-${next++}@example.org`;
          try {
            const response = await fetch(`${base}/api/v1/help-requests`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ contact, purpose: 'login-code' }),
            });
            if (response.status === 202) accepted.push(contact);
          } catch {
            if (killed) return;
          }
          if (!killed && accepted.length >= 60 && received.length >= 5) {
            killed = true;
            void first.kill();
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, client));
      expect(killed).toBe(true);
      await first.kill();
      const receivedBeforeRestart = received.length;

      await start(port).healthy();
      const settled = await waitFor('every accepted request to be processed and delivered', async () => {
        const response = await fetch(`${base}/api/dev/outbox?limit=200`);
        const { messages } = (await response.json()) as { messages: OutboxMessage[] };
        const done = messages.filter((m) => m.status === 'sent' || m.status === 'uncertain');
        return done.length >= accepted.length &&
          messages.every((m) => m.status !== 'pending' && m.status !== 'sending')
          ? messages
          : undefined;
      });

      // No committed request lost: each accepted contact got its (one) message recorded.
      const recipients = settled.map((m) => m.recipient);
      for (const contact of accepted) expect(recipients.filter((r) => r === contact)).toHaveLength(1);
      // Nothing sent twice: no Message-ID and no recipient twice at the SMTP server.
      expect(new Set(received.map((m) => m.messageId)).size).toBe(received.length);
      expect(new Set(received.map((m) => m.to)).size).toBe(received.length);
      // Every message marked sent was received; the uncertain ones (in flight at the kill) at most a batch.
      const sentIds = settled.filter((m) => m.status === 'sent').map((m) => `<${m.id}@localhost>`);
      for (const id of sentIds) expect(received.some((m) => m.messageId === id)).toBe(true);
      expect(settled.filter((m) => m.status === 'uncertain').length).toBeLessThanOrEqual(10);
      console.info(
        `crash test (${name}): ${accepted.length} accepted before the kill, ${receivedBeforeRestart} mails before restart, ${received.length} after, ${settled.filter((m) => m.status === 'uncertain').length} uncertain, ${settled.filter((m) => m.attempts > 1).length} retried`,
      );
    }, 240_000);

    it('stops gracefully on SIGTERM: requests in flight finish, then the process exits 0', async () => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      // Answers are held 4 s (the uniform floor) after the request is committed and queued, so
      // the signal surely comes while all of them are in flight.
      const server = start(port, { RESPONSE_FLOOR_MS: '4000' });
      await server.healthy();
      const { child } = server;
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const startedAt = Date.now();
      const inFlight = Array.from({ length: 20 }, (_, i) =>
        fetch(`${base}/api/v1/help-requests`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ contact: `term-${i}@example.org`, purpose: 'login-code' }),
        }).then((response) => ({ status: response.status, at: Date.now() })),
      );
      // Every request reached the server: its message is in the outbox, its answer not sent yet.
      await waitFor('the 20 requests to be queued', async () => {
        const { messages } = (await (await fetch(`${base}/api/dev/outbox?limit=200`)).json()) as {
          messages: OutboxMessage[];
        };
        return messages.filter((m) => m.recipient?.startsWith('term-')).length >= 20 ? true : undefined;
      });
      const signalledAt = Date.now();
      child.kill('SIGTERM');
      const answers = await Promise.all(inFlight);
      expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(202));
      // Each answer came after the signal: the requests really were in flight when it arrived.
      expect(signalledAt - startedAt).toBeLessThan(4000);
      for (const answer of answers) expect(answer.at).toBeGreaterThanOrEqual(signalledAt);
      expect(await exited).toBe(0);
      await expect(fetch(`${base}/api/health`)).rejects.toThrow();
    }, 120_000);
  },
);
