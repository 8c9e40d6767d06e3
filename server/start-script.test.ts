import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, waitFor } from './testing/processes';

const root = path.resolve(__dirname, '..');

describe('npm start', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'npm-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('passes SIGTERM on to the server, which stops cleanly (no server left running)', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: root,
      env: {
        ...process.env,
        APP_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        SERVE_SITE: 'false',
        LOG_LEVEL: 'info',
        // Help requests take 4 s to answer here: SIGTERM arrives while one is surely in flight.
        RESPONSE_FLOOR_MS: '4000',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let logs = '';
    npm.stdout!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    try {
      await waitFor(
        'npm start',
        async () => ((await fetch(`${base}/api/health`)).ok ? true : undefined),
        90_000,
      );
      const sentAt = Date.now();
      const slow = fetch(`${base}/api/v1/help-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ contact: 'sigterm@example.org', purpose: 'login-code' }),
      }).then((response) => ({ status: response.status, at: Date.now() }));
      // Signalled once the server has the request (its message is queued, its answer held by the
      // floor): a signal before the connection is accepted would test nothing but a refused connection.
      await waitFor('the request to be queued', async () => {
        const outbox = (await (await fetch(`${base}/api/dev/outbox?to=sigterm@example.org`)).json()) as {
          messages: unknown[];
        };
        return outbox.messages.length > 0 ? true : undefined;
      });
      const signalledAt = Date.now();
      npm.kill('SIGTERM');
      const answer = await slow;
      expect(answer.status).toBe(202);
      expect(signalledAt - sentAt).toBeLessThan(4000);
      expect(answer.at).toBeGreaterThanOrEqual(signalledAt);
      expect(await exited).toBe(0);
      // The server itself got the signal: it logged its own shutdown, and nothing answers any more.
      expect(logs).toContain('"msg":"shutting down: finishing in-flight requests"');
      expect(logs).toContain('"msg":"stopped"');
      await expect(fetch(`${base}/api/health`)).rejects.toThrow();
    } finally {
      if (npm.exitCode === null) npm.kill('SIGKILL');
    }
  }, 120_000);
});
