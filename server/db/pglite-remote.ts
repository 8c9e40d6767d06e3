import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * PGlite in a thread of its own (server/db/pglite-thread.mjs), seen from the main thread as the
 * part of a PGlite client drizzle uses: `query`, `exec`, `transaction`, `close`. The statements
 * run there; the event loop here only sends them and reads the rows.
 */

interface Results {
  rows: unknown[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** The thread's errors as the driver's own (their `code` and fields kept: the API maps them). */
function rebuilt(fields: Record<string, unknown>): Error {
  const error = new Error(String(fields.message)) as Error & Record<string, unknown>;
  for (const [key, value] of Object.entries(fields))
    if (key !== 'message' && key !== 'stack') error[key] = value;
  return error;
}

/** The client of one transaction, bound to it on the thread. */
export interface RemoteTransaction {
  query(sql: string, params?: unknown[], options?: { rowMode?: 'array' | 'object' }): Promise<Results>;
  exec(sql: string): Promise<void>;
}

export class RemotePglite implements RemoteTransaction {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private gone: Error | null = null;
  readonly waitReady: Promise<void>;

  constructor(dataDir: string | null) {
    this.worker = new Worker(path.join(path.dirname(__filename), 'pglite-thread.mjs'), {
      workerData: { dataDir },
    });
    this.waitReady = new Promise((resolve, reject) => {
      const onReady = (message: { ready?: boolean; error?: Record<string, unknown> }) => {
        if (message.ready === undefined) return;
        this.worker.off('message', onReady);
        if (message.ready) resolve();
        else reject(rebuilt(message.error ?? { message: 'the database did not start' }));
      };
      this.worker.on('message', onReady);
    });
    this.worker.on(
      'message',
      (message: { id?: number; result?: unknown; error?: Record<string, unknown> }) => {
        if (message.id === undefined) return;
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (message.error) waiting.reject(rebuilt(message.error));
        else waiting.resolve(message.result);
      },
    );
    this.worker.on('error', (error) => this.stop(error));
    this.worker.on('exit', (code) => this.stop(new Error(`the database thread exited (${code})`)));
  }

  /** Every waiting and later call fails as "database unavailable" (the API answers 503). */
  private stop(cause: Error): void {
    // 57P01: what PostgreSQL says when it shuts down; the API's 503 handling knows it.
    this.gone ??= Object.assign(new Error('the database thread is gone', { cause }), { code: '57P01' });
    for (const waiting of this.pending.values()) waiting.reject(this.gone);
    this.pending.clear();
  }

  /** Counters and gauges the thread's jobs move, for the main thread's registry. */
  onMetric(listener: (metric: string, labels?: Record<string, string>, value?: number) => void): void {
    this.worker.on(
      'message',
      (message: { metric?: string; labels?: Record<string, string>; value?: number }) => {
        if (message.metric) listener(message.metric, message.labels, message.value);
      },
    );
  }

  /** How long the thread's event loop has been busy so far, in milliseconds (0 once it has ended). */
  busyMs(): number {
    return this.worker.performance.eventLoopUtilization().active;
  }

  /** A message to the thread that needs no answer. */
  notify(message: Record<string, unknown>): void {
    if (!this.gone) this.worker.postMessage(message);
  }

  call<T>(message: Record<string, unknown>): Promise<T> {
    if (this.gone) return Promise.reject(this.gone);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  query(sql: string, params: unknown[] = [], options?: { rowMode?: 'array' | 'object' }, tx?: number) {
    return this.call<Results>({ type: 'query', sql, params, rowMode: options?.rowMode ?? 'object', tx });
  }

  exec(sql: string, tx?: number): Promise<void> {
    return this.call<void>({ type: 'exec', sql, tx });
  }

  /** Runs `callback` in a transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(callback: (tx: RemoteTransaction) => Promise<T>): Promise<T> {
    const tx = await this.call<number>({ type: 'begin' });
    const client: RemoteTransaction = {
      query: (sql, params, options) => this.query(sql, params, options, tx),
      exec: (sql) => this.exec(sql, tx),
    };
    let result: T;
    try {
      result = await callback(client);
    } catch (error) {
      await this.call({ type: 'end', tx, commit: false }).catch(() => undefined);
      throw error;
    }
    await this.call({ type: 'end', tx, commit: true });
    return result;
  }

  async close(): Promise<void> {
    if (!this.gone) await this.call({ type: 'close' }).catch(() => undefined);
    await this.worker.terminate();
  }
}
