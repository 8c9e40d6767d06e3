import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// Helpers for tests that start real server processes (`node --import tsx server/index.ts`), as
// production runs them, with a local SMTP server receiving what they send.

const root = path.resolve(__dirname, '..', '..');

/** A port nobody listens on right now (on 127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
  });
}

/** Polls `probe` (errors count as "not yet") until it returns a value, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface ServerProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** Resolves once `/api/health` answers 200 (rejects if the process exits first). */
  healthy(timeoutMs?: number): Promise<void>;
  /** SIGKILL if still running; resolves once the process is gone. */
  kill(): Promise<void>;
}

/**
 * Starts `server/index.ts` in a child process listening on 127.0.0.1:`port`: development mode, no
 * demo data, errors only on stderr; `env` adds or overrides variables (an empty value unsets one).
 */
export function startServerProcess(port: number, env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: {
      ...process.env,
      APP_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_DEMO: 'false',
      SERVE_SITE: 'false',
      LOG_LEVEL: 'error',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    child,
    base,
    async healthy(timeoutMs = 90_000) {
      const running = () => child.exitCode === null && child.signalCode === null;
      const answered = await waitFor(
        `the server on port ${port}`,
        async () => (!running() ? false : (await fetch(`${base}/api/health`)).ok ? true : undefined),
        timeoutMs,
      );
      if (!answered)
        throw new Error(`the server on port ${port} exited (${child.exitCode ?? child.signalCode})`);
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface ReceivedMail {
  messageId: string;
  to: string;
  from: string;
  subject: string;
  text: string;
}

/**
 * A local SMTP server recording every message it accepts. It listens only when `listen()` is
 * called, so a test can point servers at its port while it is still "down".
 */
export function mailCatcher(options: { delayMs?: number } = {}) {
  const received: ReceivedMail[] = [];
  let smtp: SMTPServer | null = null;
  return {
    received,
    get listening(): boolean {
      return smtp !== null;
    },
    /** Starts listening (on `port`, or a free one); resolves with the port. */
    listen(port = 0): Promise<number> {
      const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, _session, callback) {
          simpleParser(stream)
            .then((mail) => {
              const to = (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? '';
              received.push({
                messageId: mail.messageId ?? '',
                to,
                from: mail.from?.value[0]?.address ?? '',
                subject: mail.subject ?? '',
                text: mail.text ?? '',
              });
              // A slow server keeps sends in flight longer (e.g. when a process is killed).
              if (options.delayMs) setTimeout(() => callback(), options.delayMs);
              else callback();
            })
            .catch(callback);
        },
      });
      smtp = server;
      return new Promise((resolve) =>
        server.listen(port, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port)),
      );
    },
    close(): Promise<void> {
      const server = smtp;
      smtp = null;
      return server ? new Promise((resolve) => server.close(() => resolve())) : Promise.resolve();
    },
  };
}
