import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from './client';

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * An empty database of its own on the PostgreSQL server named by TEST_DATABASE_URL, for a test
 * that connects to it itself (e.g. server processes it starts); `drop()` removes it, cutting any
 * connection still open.
 */
export async function createPostgresTestDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, (client) => client.query(`create database "${name}"`));
  const own = new URL(serverUrl);
  own.pathname = `/${name}`;
  return {
    url: own.toString(),
    async drop() {
      await admin(serverUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

/**
 * A fresh, migrated database for a test: in-memory PGlite by default, or a database of its own on
 * the PostgreSQL server named by TEST_DATABASE_URL (created here, dropped on close), so the
 * whole suite runs against either.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  // TEST_PGLITE_THREAD=1: PGlite in its thread, as `npm start` runs it.
  if (!url)
    return openDatabase({ kind: 'pglite', dataDir: null, thread: process.env.TEST_PGLITE_THREAD === '1' });
  const scratch = await createPostgresTestDatabase(url);
  const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 8 });
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}
