import { getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { rows, type Db } from './client';

/** One column of a bulk insert: its name in the table, its SQL type, and its values in row order. */
export type Column = [name: string, type: string, values: readonly unknown[]];

/**
 * Inserts many rows in one statement with one parameter per COLUMN (`insert … select * from
 * unnest($1::text[], $2::timestamptz[], …)`), whatever the number of rows: building, sending and
 * parsing it costs the same for 2 rows as for 200. `returning` names the columns to read back.
 */
export async function insertColumns<R = Record<string, unknown>>(
  db: Db,
  table: PgTable,
  columns: readonly Column[],
  returning?: string,
): Promise<R[]> {
  const names = sql.raw(columns.map(([name]) => `"${name}"`).join(', '));
  const arrays = sql.join(
    columns.map(([, type, values]) => sql`${sql.param(values)}::${sql.raw(type)}[]`),
    sql`, `,
  );
  const tail: SQL = returning ? sql` returning ${sql.raw(returning)}` : sql``;
  return rows<R>(
    db,
    sql`insert into ${sql.raw(`"${getTableName(table)}"`)} (${names}) select * from unnest(${arrays})${tail}`,
  );
}
