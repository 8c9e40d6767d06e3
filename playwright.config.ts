import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the PRODUCTION build (build it first: `npm run build`), in Debian's
 * Chromium (no browser download: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
 */

// A free port, picked once by the runner; its workers load this file again and inherit the variable.
if (!process.env.E2E_PORT) {
  process.env.E2E_PORT = execFileSync(process.execPath, [
    '-e',
    "const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });",
  ])
    .toString()
    .trim();
}
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;
// A fresh embedded database per run: the demo accounts start in their documented states.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'help-center-e2e-'));

// The production server: `static` serves build/ alone; `app` is the one process that serves build/
// and /api (`npm start`, PORT from the environment), the default.
const servers = {
  static: `node node_modules/@docusaurus/core/bin/docusaurus.mjs serve --port ${port} --host 127.0.0.1 --no-open`,
  app: 'npm start',
} as const;
const server = (process.env.E2E_SERVER ?? 'app') as keyof typeof servers;
// The specs read it (workers inherit the runner's environment).
process.env.E2E_SERVER = server;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['line']] : [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    locale: 'en-US',
    // Tracing doubles the run time on a small machine: ask for it when debugging (E2E_TRACE=1).
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: servers[server],
    url: `${baseURL}/`,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      APP_ENV: 'development',
      DATA_DIR: process.env.E2E_DATA_DIR,
      LOG_LEVEL: 'warn',
    },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
