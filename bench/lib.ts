/** Helpers shared by the bench sections: the build, servers on free loopback ports, tables. */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config';
import { buildStaleness as siteBuildStaleness } from '../server/site-build';

export { formatBytes } from '../scripts/precompress';

/** Why build/ must be (re)built, or undefined when it is complete and newer than its sources. */
export async function buildStaleness(root: string): Promise<string | undefined> {
  return siteBuildStaleness(root);
}

/**
 * The uniform response floor of help requests, as the servers the bench starts read it: from
 * RESPONSE_FLOOR_MS in our environment (they inherit it), else the server's default.
 */
export function responseFloorMs(): number {
  return loadConfig({ RESPONSE_FLOOR_MS: process.env.RESPONSE_FLOOR_MS }).security.responseFloorMs;
}

/** Runs a command to completion, output to our stderr; rejects on a non-zero exit. */
export function runCommand(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', process.stderr, process.stderr] });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`)),
    );
  });
}

/** A port nobody listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningServer {
  url: string;
  /** How it was started, for the report. */
  description: string;
  stop(): Promise<void>;
}

/**
 * Starts a long-running command in its own process group (so npm, sh and node all stop together), waits
 * until `readyUrl` answers 200 and returns a handle that stops exactly that group.
 */
export async function startServer(options: {
  command: string;
  args: string[];
  cwd: string;
  /** Added to our environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  readyUrl: string;
  timeoutMs: number;
  description: string;
  /** Where its output goes (kept out of the bench process, which also generates the load). */
  logFile?: string;
}): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const log = options.logFile ? openSync(options.logFile, 'a') : undefined;
  const child: ChildProcess = spawn(options.command, options.args, {
    cwd: options.cwd,
    env,
    detached: true,
    stdio: ['ignore', log ?? 'pipe', log ?? 'pipe'],
  });
  if (log !== undefined) closeSync(log);
  let piped = '';
  const keep = (chunk: Buffer) => {
    piped = (piped + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => (options.logFile ? tail(options.logFile) : piped);
  let exited: string | undefined;
  const exitPromise = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      exited = String(code ?? signal);
      resolve();
    }),
  );

  const stop = async () => {
    if (exited !== undefined || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 10_000);
    await exitPromise;
    clearTimeout(timer);
  };
  const unregister = registerCleanup(stop);

  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      throw new Error(`${options.description} exited (${exited}) before it was ready:\n${output().trim()}`);
    }
    try {
      const response = await fetch(options.readyUrl, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) {
        return {
          url: new URL(options.readyUrl).origin,
          description: options.description,
          stop: async () => {
            unregister();
            await stop();
          },
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  unregister();
  await stop();
  throw new Error(
    `${options.description} was not ready after ${options.timeoutMs / 1000} s:\n${output().trim()}`,
  );
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-4000);
  } catch {
    return '';
  }
}

export interface AppServer extends RunningServer {
  /** Its JSON log (pino), one line per request. */
  logFile: string;
  /** The value of one of its Prometheus metrics (unlabelled), read from `/metrics`. */
  metric(name: string): Promise<number>;
}

/**
 * The product as deployed: `npm start` (site and API in one process) in production mode, on a free loopback
 * port, with a fresh embedded database in a temporary folder (never the developer's data/ or DATABASE_URL),
 * a random secret, messages to the outbox, and 127.0.0.1 as the trusted proxy (the bench plays the load
 * balancer and gives each simulated client its own X-Forwarded-For address).
 */
export async function startAppServer(
  root: string,
  extraEnv: Record<string, string> = {},
): Promise<AppServer> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-server-'));
  const logFile = path.join(dir, 'server.log');
  const origin = `http://127.0.0.1:${port}`;
  const metricsToken = randomBytes(24).toString('hex');
  let server: RunningServer;
  try {
    server = await startServer({
      command: 'npm',
      args: ['start', '--silent'],
      cwd: root,
      env: {
        APP_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_BASE_URL: origin,
        SECRET_KEY: randomBytes(48).toString('base64'),
        DATA_DIR: path.join(dir, 'data'),
        DATABASE_URL: undefined,
        SMTP_URL: undefined,
        SMS_PROVIDER: 'outbox',
        TRUSTED_PROXIES: '127.0.0.1',
        METRICS_TOKEN: metricsToken,
        ...extraEnv,
      },
      readyUrl: `${origin}/api/ready`,
      timeoutMs: 240_000, // npm start builds the site first when there is no build
      description: `npm start (production, embedded database) on 127.0.0.1:${port}`,
      logFile,
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const removeDir = registerCleanup(() => rm(dir, { recursive: true, force: true }));
  return {
    ...server,
    logFile,
    async metric(name) {
      const response = await fetch(`${origin}/metrics`, {
        headers: { authorization: `Bearer ${metricsToken}` },
      });
      const text = await response.text();
      const line = text.split('\n').find((row) => row.startsWith(`${name} `));
      if (!line) throw new Error(`${name} is not in /metrics (${response.status})`);
      return Number(line.slice(name.length + 1));
    },
    stop: async () => {
      await server.stop();
      removeDir();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** What to stop (servers, browsers) if the bench ends early: Ctrl-C or a section that throws. */
const cleanups = new Set<() => Promise<void> | void>();
export function registerCleanup(cleanup: () => Promise<void> | void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}
export async function cleanupAll(): Promise<void> {
  const pending = [...cleanups];
  cleanups.clear();
  await Promise.allSettled(pending.map(async (cleanup) => cleanup()));
}

/** Plain-text table with right-aligned numbers. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map(
    (_, i) => rows.length > 0 && rows.every((r) => /^[\d.,\s%≤≥<>-]+\w*$/.test(r[i] ?? '')),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export function kib(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}
