import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/client';
import { createPostgresTestDatabase } from './db/test-database';
import { ERROR_CODES } from './http/errors';
import { freePort, mailCatcher, startServerProcess, waitFor, type ServerProcess } from './testing/processes';

// A PostgreSQL server that goes away (restart, fail-over, network cut) and comes back: a TCP proxy
// between the server process and PostgreSQL is cut, then restored.
//
// Skipped when TEST_DATABASE_URL is unset (PGlite runs inside the process: it cannot go away on
// its own). Never skipped in CI: `.ci/run` runs the server tests a second time against a
// PostgreSQL server it starts (`npm run test:pg`).

const serverUrl = process.env.TEST_DATABASE_URL;

/**
 * Forwards TCP connections to `target`. `cut('refuse')` drops every connection and refuses new ones
 * (a server stopped or restarting); `cut('silence')` keeps them open but forwards nothing (a network
 * partition: no reset, no answer); `restore()` forwards again, including what was held back.
 */
function tcpProxy(target: { host: string; port: number }) {
  interface Pair {
    client: Socket;
    upstream: Socket | null;
  }
  const pairs = new Set<Pair>();
  let mode: 'open' | 'refuse' | 'silence' = 'open';
  const close = (pair: Pair) => {
    pair.client.destroy();
    pair.upstream?.destroy();
    pairs.delete(pair);
  };
  const link = (pair: Pair) => {
    if (!pair.upstream) {
      const upstream = connect(target.port, target.host);
      pair.upstream = upstream;
      upstream.on('error', () => close(pair)).on('close', () => close(pair));
    }
    pair.client.pipe(pair.upstream);
    pair.upstream.pipe(pair.client);
  };
  const server = createServer((client) => {
    if (mode === 'refuse') {
      client.destroy();
      return;
    }
    const pair: Pair = { client, upstream: null };
    pairs.add(pair);
    client.on('error', () => close(pair)).on('close', () => close(pair));
    // While silent, the connection is accepted and its bytes held back.
    if (mode === 'open') link(pair);
    else client.pause();
  });
  return {
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
      ),
    cut(how: 'refuse' | 'silence') {
      mode = how;
      for (const pair of pairs) {
        if (how === 'refuse') close(pair);
        else {
          pair.client.unpipe();
          pair.upstream?.unpipe();
          pair.client.pause();
          pair.upstream?.pause();
        }
      }
    },
    restore() {
      mode = 'open';
      for (const pair of pairs) link(pair);
    },
    close: () => {
      for (const pair of pairs) close(pair);
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Answer {
  status: number;
  ms: number;
  retryAfter: string | null;
  body: { error?: { code: string; message: string }; status?: string };
}

describe.skipIf(!serverUrl)('a database that goes away and comes back (PostgreSQL)', () => {
  const mail = mailCatcher();
  let database: Awaited<ReturnType<typeof createPostgresTestDatabase>>;
  let proxy: ReturnType<typeof tcpProxy>;
  let server: ServerProcess;
  let viaProxy: URL;

  async function call(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const started = Date.now();
    const response = await fetch(`${server.base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as Answer['body'],
      ms: Date.now() - started,
    };
  }

  beforeAll(async () => {
    database = await createPostgresTestDatabase(serverUrl!);
    const target = new URL(database.url);
    proxy = tcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    viaProxy = new URL(database.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(await proxy.listen());
    const smtpPort = await mail.listen();
    server = startServerProcess(await freePort(), {
      DATABASE_URL: viaProxy.toString(),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      PUBLIC_BASE_URL: 'https://help.example.com',
      SECRET_KEY: 'database-outage-secret-0123456789-abcdefghij',
      SEED_DEMO: 'true',
      WORKER_POLL_MS: '50',
    });
    await server.healthy();
  }, 120_000);

  afterAll(async () => {
    await server?.kill();
    await proxy?.close();
    await mail.close();
    await database?.drop();
  });

  it('answers 503 in the error shape while it is away, and recovers when it returns', async () => {
    expect((await call('/api/ready')).status).toBe(200);
    expect(
      (await call('/api/v1/help-requests', { contact: 'before@example.org', purpose: 'login-code' })).status,
    ).toBe(202);
    const verified = await (async () => {
      await call('/api/v1/help-requests', { contact: 'alex.martin@example.com', purpose: 'login-code' });
      const code = await waitFor('the code', async () => {
        const outbox = await call('/api/dev/outbox?to=alex.martin%40example.com');
        return (outbox.body as unknown as { messages: { codes: string[] }[] }).messages[0]?.codes[0];
      });
      return call('/api/v1/code-verifications', { contact: 'alex.martin@example.com', code });
    })();
    expect(verified.status).toBe(200);
    const { sessionToken } = verified.body as unknown as { sessionToken: string };

    proxy.cut('refuse');

    const ready = await call('/api/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.error?.code).toBe('not-ready');
    expect((await call('/api/health')).body).toEqual({ status: 'ok' });

    // Every kind of call that needs the database, several at once, in both languages.
    const answers = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) =>
        call('/api/v1/help-requests', { contact: `away-${i}@example.org`, purpose: 'login-code' }),
      ),
      call('/api/v1/help-requests', { contact: '+15145550101', purpose: 'login-code', locale: 'fr' }),
      call('/api/v1/code-verifications', { contact: 'alex.martin@example.com', code: '123456' }),
      call('/api/v1/account-status', undefined, { authorization: `Bearer ${sessionToken}` }),
      call('/api/v1/unlocks', { token: 'x'.repeat(43) }),
      call('/api/v1/feedback', { kind: 'article', target: 'workers/login/account-locked', helpful: true }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(ERROR_CODES).toContain(answer.body.error?.code);
      expect(answer.body.error?.code).toBe('service-unavailable');
      expect(answer.retryAfter).toBe('5');
      // The pool gives up connecting after 5 s; nothing waits longer than that.
      expect(answer.ms).toBeLessThan(8_000);
    }
    expect(answers[6].body.error?.message).toBe(
      'Le service est momentanément indisponible. Veuillez réessayer dans un instant.',
    );
    // What needs no database still works.
    expect((await call('/api/v1/contact-checks', { contact: 'someone@example.org' })).status).toBe(200);
    expect((await call('/api/health')).status).toBe(200);

    proxy.restore();

    await waitFor(
      'ready again',
      async () => ((await call('/api/ready')).status === 200 ? true : undefined),
      30_000,
    );
    const after = await call('/api/v1/help-requests', {
      contact: 'after@example.org',
      purpose: 'login-code',
    });
    expect(after.status).toBe(202);
    expect(
      (await call('/api/v1/account-status', undefined, { authorization: `Bearer ${sessionToken}` })).status,
    ).toBe(200);
    // The delivery worker recovered too.
    await waitFor('the mail sent after the outage', async () =>
      mail.received.some((m) => m.to === 'after@example.org') ? true : undefined,
    );
    expect(mail.received.filter((m) => m.to === 'after@example.org')).toHaveLength(1);
    expect(server.child.exitCode).toBeNull();
  }, 120_000);

  it('reports not ready within a bound when the database stops answering without closing connections', async () => {
    expect((await call('/api/ready')).status).toBe(200);
    proxy.cut('silence');
    try {
      const ready = await call('/api/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.error?.code).toBe('not-ready');
      // 2 s on an open connection, 5 s to open a new one.
      expect(ready.ms).toBeLessThan(7_000);
      const health = await call('/api/health');
      expect(health.status).toBe(200);
      expect(health.ms).toBeLessThan(1_000);
    } finally {
      proxy.restore();
    }
    await waitFor(
      'ready again',
      async () => ((await call('/api/ready')).status === 200 ? true : undefined),
      30_000,
    );
    expect(
      (await call('/api/v1/help-requests', { contact: 'after-silence@example.org', purpose: 'login-code' }))
        .status,
    ).toBe(202);
    await waitFor('the mail sent after the partition', async () =>
      mail.received.some((m) => m.to === 'after-silence@example.org') ? true : undefined,
    );
    expect(server.child.exitCode).toBeNull();
  }, 60_000);

  it('survives a connection lost while a transaction waits between two statements', async () => {
    const opened = await openDatabase({ kind: 'postgres', url: viaProxy.toString(), poolSize: 1 });
    try {
      // The pool behind drizzle, as a transaction takes a client from it.
      const pool = (opened.db as unknown as { $client: pg.Pool }).$client;
      const client = await pool.connect();
      await client.query('begin');
      // (Not events.once: it would listen for the error itself.)
      const ended = new Promise((resolve) => client.once('end', resolve));
      proxy.cut('refuse');
      // The driver has seen the connection go while none of our statements was running: without
      // a listener of its own, the client's error would have been thrown (this process dies).
      await ended;
      await expect(client.query('select 1')).rejects.toThrow();
      client.release();
      proxy.restore();
      // The pool dropped the dead client and connects a new one.
      expect((await pool.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    } finally {
      proxy.restore();
      await opened.close();
    }
  });
});
