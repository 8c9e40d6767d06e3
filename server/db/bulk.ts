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
 * Rows made of column arrays, one parameter per COLUMN whatever the number of rows:
 * `select "id", "hits"::jsonb as "hits" from unnest($1::uuid[], $2::text[]) as u("id", "hits")`.
 * Building, sending and parsing it costs the same for 2 rows as for 200 (drizzle's `values([...])`
 * builds every column of every row, defaults included). A jsonb column's values are JSON texts.
 * For `insert … select` ({@link insertColumns}) and `update … from (…) as v`.
 */
export function columnRows(columns: readonly Column[]): SQL {
  const names = columns.map(([name]) => `"${name}"`);
  const arrays = sql.join(
    columns.map(([, type, values]) => sql`${sql.param(values)}::${sql.raw(SENT_AS[type] ?? type)}[]`),
    sql`, `,
  );
  const picked = columns
    .map(([, type], i) => (SENT_AS[type] ? `${names[i]}::${type} as ${names[i]}` : names[i]))
    .join(', ');
  return sql`select ${sql.raw(picked)} from unnest(${arrays}) as u(${sql.raw(names.join(', '))})`;
}

/**
 * Inserts many rows in one statement (`insert … select` of {@link columnRows}). `onConflict` is
 * the statement's `on conflict …` clause; `returning` names the columns to read back (raw:
 * timestamps come back as text).
 */
export async function insertColumns<R = Record<string, unknown>>(
  db: Db,
  table: PgTable,
  columns: readonly Column[],
  options: { onConflict?: SQL; returning?: string } = {},
): Promise<R[]> {
  const names = sql.raw(columns.map(([name]) => `"${name}"`).join(', '));
  const conflict: SQL = options.onConflict ? sql` on conflict ${options.onConflict}` : sql``;
  const tail: SQL = options.returning ? sql` returning ${sql.raw(options.returning)}` : sql``;
  return rows<R>(
    db,
    sql`insert into ${sql.raw(`"${getTableName(table)}"`)} (${names}) ${columnRows(columns)}${conflict}${tail}`,
  );
}
