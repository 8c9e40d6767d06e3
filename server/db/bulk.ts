import { getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { rows, type Db } from './client';

/**
 * Types sent as another one and cast in the statement: a JSON value goes as its text in a text[]
 * (a JSON array given as it is would be read as one more dimension of the array parameter: PGlite
 * turns `[[1, 2]]` sent as jsonb[] into null).
 */
const SENT_AS: Record<string, string> = { jsonb: 'text' };

/** One column of a bulk insert: its name in the table, its SQL type, and its values in row order. */
export type Column = [name: string, type: string, values: readonly unknown[]];

/**
 * Inserts many rows in one statement with one parameter per COLUMN (`insert … select … from
 * unnest($1::text[], $2::timestamptz[], …)`), whatever the number of rows: building, sending and
 * parsing it costs the same for 2 rows as for 200 (drizzle's `values([...])` builds every column
 * of every row, defaults included). A jsonb column's values are JSON texts. `onConflict` is the
 * statement's `on conflict …` clause; `returning` names the columns to read back (raw: timestamps
 * come back as text).
 */
export async function insertColumns<R = Record<string, unknown>>(
  db: Db,
  table: PgTable,
  columns: readonly Column[],
  options: { onConflict?: SQL; returning?: string } = {},
): Promise<R[]> {
  const names = sql.raw(columns.map(([name]) => `"${name}"`).join(', '));
  const arrays = sql.join(
    columns.map(([, type, values]) => sql`${sql.param(values)}::${sql.raw(SENT_AS[type] ?? type)}[]`),
    sql`, `,
  );
  const aliases = columns.map((_, i) => `c${i}`);
  const picked = sql.raw(
    columns.map(([, type], i) => (SENT_AS[type] ? `c${i}::${type}` : `c${i}`)).join(', '),
  );
  const conflict: SQL = options.onConflict ? sql` on conflict ${options.onConflict}` : sql``;
  const tail: SQL = options.returning ? sql` returning ${sql.raw(options.returning)}` : sql``;
  return rows<R>(
    db,
    sql`insert into ${sql.raw(`"${getTableName(table)}"`)} (${names}) select ${picked} from unnest(${arrays}) as u(${sql.raw(aliases.join(', '))})${conflict}${tail}`,
  );
}
