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
 * A fresh, migrated database for a test: in-memory PGlite by default, or a database of its own on
 * the PostgreSQL server named by TEST_DATABASE_URL (created here, dropped on close), so the
 * whole suite runs against either.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return openDatabase({ kind: 'pglite', dataDir: null });
  const name = `test_${randomBytes(6).toString('hex')}`;
  await admin(url, (client) => client.query(`create database "${name}"`));
  const own = new URL(url);
  own.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: own.toString(), poolSize: 8 });
  return {
    ...database,
    async close() {
      await database.close();
      await admin(url, (client) => client.query(`drop database if exists "${name}" with (force)`));
    },
  };
}
