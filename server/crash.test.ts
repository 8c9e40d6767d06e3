import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutboxMessage } from './messaging/outbox';

const root = path.resolve(__dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('crash: the server killed with SIGKILL under load, then restarted', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crash-data-'));
  const siteDir = mkdtempSync(path.join(tmpdir(), 'crash-site-'));
  writeFileSync(path.join(siteDir, 'index.html'), '<!doctype html><title>site</title>');
  const children: ChildProcess[] = [];
  // Every message the SMTP server accepted, by Message-ID and by recipient.
  const received: { id: string; to: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? '';
          received.push({ id: mail.messageId ?? '', to });
          // A slow server keeps sends in flight when the kill comes.
          setTimeout(() => callback(), 15);
        })
        .catch(callback);
    },
  });

  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(siteDir, { recursive: true, force: true });
  });

  function start(port: number, smtpPort: number, env: Record<string, string> = {}): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      cwd: root,
      env: {
        ...process.env,
        APP_ENV: 'development',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        SITE_DIR: siteDir,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        SECRET_KEY: 'crash-test-secret-0123456789-abcdefghijklmnop',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'error',
        IP_SEND_LIMIT: '1000000',
        WORKER_POLL_MS: '50',
        // A retry (the SMTP server busy on a loaded machine) comes after a second, not 30.
        DELIVERY_BACKOFF_SECONDS: '1',
        DATABASE_URL: '',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    return child;
  }

  it('loses no accepted request and sends no message twice', async () => {
    const smtpPort = await new Promise<number>((resolve) =>
      smtp.listen(0, '127.0.0.1', () => resolve((smtp.server.address() as AddressInfo).port)),
    );
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const healthy = async () => ((await fetch(`${base}/api/health`)).ok ? true : undefined);

    const first = start(port, smtpPort);
    await waitFor('the server to start', healthy);

    // Load: 8 clients in parallel; the kill lands once 60 requests were accepted and mail flows.
    const accepted: string[] = [];
    let next = 0;
    let killed = false;
    const client = async () => {
      // At most 180 requests: the outbox check below reads up to 200 messages.
      while (next < 180) {
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
          first.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, client));
    expect(killed).toBe(true);
    await waitFor('the process to die', async () =>
      first.exitCode !== null || first.signalCode ? true : undefined,
    );
    const receivedBeforeRestart = received.length;

    start(port, smtpPort);
    await waitFor('the restarted server', healthy);
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
    expect(new Set(received.map((m) => m.id)).size).toBe(received.length);
    expect(new Set(received.map((m) => m.to)).size).toBe(received.length);
    // Every message marked sent was received; the uncertain ones (in flight at the kill) at most a batch.
    const sentIds = settled.filter((m) => m.status === 'sent').map((m) => `<${m.id}@localhost>`);
    for (const id of sentIds) expect(received.some((m) => m.id === id)).toBe(true);
    expect(settled.filter((m) => m.status === 'uncertain').length).toBeLessThanOrEqual(10);
    console.info(
      `crash test: ${accepted.length} accepted before the kill, ${receivedBeforeRestart} mails before restart, ${received.length} after, ${settled.filter((m) => m.status === 'uncertain').length} uncertain, ${settled.filter((m) => m.attempts > 1).length} retried`,
    );
  }, 240_000);

  it('stops gracefully on SIGTERM: requests in flight finish, then the process exits 0', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const child = start(port, (smtp.server.address() as AddressInfo).port);
    await waitFor('the server to start', async () =>
      (await fetch(`${base}/api/health`)).ok ? true : undefined,
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const inFlight = Array.from({ length: 20 }, (_, i) =>
      fetch(`${base}/api/v1/help-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ contact: `term-${i}@example.org`, purpose: 'login-code' }),
      }).then((response) => response.status),
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    child.kill('SIGTERM');
    expect(await Promise.all(inFlight)).toEqual(Array(20).fill(202));
    expect(await exited).toBe(0);
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
  }, 120_000);
});
