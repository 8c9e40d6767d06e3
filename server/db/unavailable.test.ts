import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freePort } from '../testing/processes';
import { isDatabaseUnavailable } from './client';
import { openTestDatabase } from './test-database';

// Which errors make the API answer 503 (the database away) rather than 500 (a bug).
describe('isDatabaseUnavailable', () => {
  it('recognizes a PostgreSQL server that cannot be reached, through drizzle’s wrapping', async () => {
    const port = await freePort();
    const pool = new pg.Pool({ host: '127.0.0.1', port, connectionTimeoutMillis: 2_000 });
    try {
      const error = await drizzle({ client: pool })
        .execute(sql`select 1`)
        .then(
          () => null,
          (caught: unknown) => caught,
        );
      expect(error).toBeInstanceOf(Error);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await pool.end();
    }
  });

  it('recognizes connection loss and server shutdown codes', () => {
    const wrapped = (cause: Error) => new Error('Failed query: select 1', { cause });
    expect(isDatabaseUnavailable(wrapped(new Error('Connection terminated unexpectedly')))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(new Error('timeout exceeded when trying to connect')))).toBe(true);
    for (const code of ['57P01', '57P03', '08006', '08001', '53300', 'ECONNRESET'])
      expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code })), code).toBe(true);
  });

  it('does not hide real errors: a failing query on a working database is not "unavailable"', async () => {
    const database = await openTestDatabase();
    try {
      for (const query of [sql`select * from no_such_table`, sql`select 1/0`, sql`selec 1`]) {
        const error = await database.db.execute(query).then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(Error);
        expect(isDatabaseUnavailable(error)).toBe(false);
      }
      expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
      expect(isDatabaseUnavailable('a string')).toBe(false);
    } finally {
      await database.close();
    }
  });
});
