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
        // Help requests take 1.5 s to answer here: SIGTERM arrives while one is surely in flight.
        RESPONSE_FLOOR_MS: '1500',
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
      const slow = fetch(`${base}/api/v1/help-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ contact: 'sigterm@example.org', purpose: 'login-code' }),
      }).then((response) => response.status);
      // Sent once the request has reached the server (a signal before the connection is accepted
      // would test nothing but a refused connection).
      await new Promise((resolve) => setTimeout(resolve, 500));
      npm.kill('SIGTERM');
      expect(await slow).toBe(202);
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
