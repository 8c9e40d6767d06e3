import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, types, type QueryOptions, type Transaction } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { RemotePglite } from './pglite-remote';
import { statementsOf } from './pglite-statements';
import * as schema from './schema';

export type Schema = typeof schema;
/** The drizzle database, whichever driver is behind it (a transaction has the same API). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** PGlite in its thread: the background worker can run there, next to it. */
  thread?: RemotePglite;
  /** Answers when the database can run a query; used by `/api/ready`. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | {
      kind: 'pglite';
      dataDir: string | null;
      /** Run PGlite in a thread of its own (off the event loop that serves requests). */
      thread?: boolean;
    }
  | { kind: 'postgres'; url: string; poolSize?: number };

// From __filename: under tsx's ESM loader __dirname is not this folder, __filename is this file.
export const migrationsFolder = path.join(path.dirname(__filename), 'migrations');

// How long `/api/ready` waits for PostgreSQL to answer `select 1` on an open connection.
const PING_TIMEOUT_MS = 2_000;

// One fixed advisory lock so that instances starting together migrate and seed one at a time.
const MIGRATION_LOCK = 4_173_201;

/** Opens the database (PGlite in a folder or in memory, or a PostgreSQL server) and migrates it. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'pglite' && options.thread) {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const client = new RemotePglite(options.dataDir ? path.resolve(options.dataDir) : null);
    await client.waitReady;
    // drizzle drives it like a PGlite client (query, transaction); the thread sets the parsers.
    const db = drizzlePglite({ client: client as unknown as PGlite, schema });
    await migratePglite(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      kind: 'pglite',
      thread: client,
      ping: async () => {
        await client.query('select 1');
      },
      close: () => client.close(),
    };
  }
  if (options.kind === 'pglite') {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    // One options object: `new PGlite(undefined, options)` ignores the options (in memory).
    const client = new PGlite({
      ...(options.dataDir ? { dataDir: path.resolve(options.dataDir) } : {}),
      parsers: DRIZZLE_PARSERS,
    });
    await client.waitReady;
    const db = drizzlePglite({ client: withoutPerQueryParsers(client), schema });
    await migratePglite(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      kind: 'pglite',
      ping: async () => {
        await client.query('select 1');
      },
      close: () => client.close(),
    };
  }

  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    // TCP keep-alive: a connection to a server that vanished without a word is eventually dropped.
    keepAlive: true,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  // Nor one checked out between two statements (a transaction while the code between them runs):
  // the pool listens only to idle clients, and a client with no listener and no query running
  // throws its connection error (node-postgres #2439, #3202). The transaction's next statement
  // fails instead (503), and the pool drops the client when it is released.
  pool.on('connect', (client) => client.on('error', () => {}));
  const lockClient = await pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migratePg(drizzlePg({ client: lockClient, schema }), { migrationsFolder });
    } finally {
      await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    lockClient.release();
  }
  const db = drizzlePg({ client: pool, schema });
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    ping: async () => {
      // Bounded: a load balancer's probe gets its answer even when packets to the database are
      // silently dropped (a pool client timed out this way is discarded, not reused).
      await pool.query({ text: 'select 1', query_timeout: PING_TIMEOUT_MS } as pg.QueryConfig);
    },
    close: () => pool.end(),
  };
}

/**
 * Drizzle over a PGlite instance this thread owns (the database thread's own services): queries
 * without per-query parsers, the instance having them set once (see below).
 *
 * `yieldFirst` (the background jobs): each statement or transaction begins only once the thread
 * has handled the messages already waiting for it. PGlite runs one transaction at a time, and a
 * worker pass is a chain of them (claim a batch, record what was sent, deliver the retries) that
 * otherwise runs without a break: every help request waiting to be accepted waited for the whole
 * pass. In the bench's storm (50 connections, three alternated rounds) the p99 went from 113–127 ms
 * to 94–105 ms (82–93 ms in another run); the worker, second in line, then runs up to its catch-up
 * lag (~1.2 s) behind.
 */
export function drizzleOverPglite(client: PGlite, options: { yieldFirst?: boolean } = {}): Db {
  const target = withoutPerQueryParsers(client);
  return drizzlePglite({
    client: options.yieldFirst ? afterWaitingMessages(target) : target,
    schema,
  }) as unknown as Db;
}

/** `client`, whose statements and transactions wait for one turn of the event loop first. */
function afterWaitingMessages(client: PGlite): PGlite {
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  return new Proxy(client, {
    get(object, property) {
      if (property === 'query' || property === 'exec' || property === 'transaction') {
        const method = Reflect.get(object, property, object) as (...args: unknown[]) => Promise<unknown>;
        return async (...args: unknown[]) => {
          await turn();
          return method.apply(object, args);
        };
      }
      return Reflect.get(object, property, object);
    },
  });
}

// The parsers drizzle gives PGlite with every query: dates and intervals stay text (drizzle maps
// them itself). PGlite merges per-query parsers into its whole parser table on each query, which
// costs more than a simple statement itself (measured: 133 µs instead of 51 µs for `select $1`).
// They are set once on the instance instead, and dropped from each query.
const DRIZZLE_PARSERS = {
  [types.TIMESTAMP]: (value: string) => value,
  [types.TIMESTAMPTZ]: (value: string) => value,
  [types.INTERVAL]: (value: string) => value,
  [types.DATE]: (value: string) => value,
};

// numeric[], timestamp[], timestamptz[], interval[], date[]: drizzle passes identity parsers for
// them too; the schema has no such column.
const ARRAY_OIDS_DRIZZLE_PASSES = new Set([1231, 1115, 1185, 1187, 1182]);

function withoutParsers(options?: QueryOptions): QueryOptions | undefined {
  if (!options?.parsers) return options;
  const { parsers, ...rest } = options;
  for (const oid of Object.keys(parsers)) {
    // Anything but drizzle's date parsers (never the case today) is kept per query.
    if (!(oid in DRIZZLE_PARSERS) && !ARRAY_OIDS_DRIZZLE_PASSES.has(Number(oid))) return options;
  }
  return rest;
}

/**
 * The PGlite client as drizzle sees it: queries without per-query parsers, by prepared statements
 * once seen twice (./pglite-statements.ts), and transactions whose queries are the same.
 */
function withoutPerQueryParsers(client: PGlite): PGlite {
  const statements = statementsOf(client);
  const inTransaction = (tx: Transaction): Transaction =>
    new Proxy(tx, {
      get(object, property) {
        if (property === 'query')
          return <T>(query: string, params?: unknown[], options?: QueryOptions) => {
            const rest = withoutParsers(options);
            // A closed transaction's query throws, as the transaction's own does.
            if (object.closed) return object.query<T>(query, params, rest);
            return statements.queryInTransaction<T>(query, params, rest, () =>
              object.query<T>(query, params, rest),
            );
          };
        return Reflect.get(object, property, object);
      },
    });
  return new Proxy(client, {
    get(object, property) {
      if (property === 'query')
        return <T>(query: string, params?: unknown[], options?: QueryOptions) =>
          statements.query<T>(query, params, withoutParsers(options));
      if (property === 'transaction')
        return <R>(callback: (tx: Transaction) => Promise<R>) =>
          object.transaction((tx) => callback(inTransaction(tx)));
      // PGlite keeps private fields: its methods run on the instance itself, not on the proxy.
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}

// Errors meaning "the database cannot be reached right now", not "this query is wrong": Node
// socket errors, pg's own connection messages, and SQLSTATE class 08 (connection exception),
// 57P01-57P03 (server shutting down, crashed or starting) and 53300 (too many connections).
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const UNREACHABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection error|not queryable/i;

/**
 * Whether an error (or one of its causes: drizzle wraps the driver's) says the database is
 * unreachable; the API then answers 503, not 500, and recovers once it is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (current instanceof AggregateError && current.errors.some((inner) => isDatabaseUnavailable(inner)))
      return true;
    if (UNREACHABLE_MESSAGES.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}

/** Rows of a raw query, whichever driver ran it. */
export async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
