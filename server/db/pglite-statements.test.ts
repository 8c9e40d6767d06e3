import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementsOf, type Statements } from './pglite-statements';

describe('prepared statements over PGlite', () => {
  let client: PGlite;
  let statements: Statements;
  const names = async () =>
    (await client.query<{ statement: string }>('select statement from pg_prepared_statements')).rows.map(
      (row) => row.statement,
    );

  beforeAll(async () => {
    client = new PGlite();
    await client.exec(`create table notes (
      id bigserial primary key, body text not null unique, pinned boolean not null default false,
      tags jsonb, at timestamptz, labels text[])`);
    statements = statementsOf(client);
  });
  afterAll(() => client.close());

  it('answers a statement seen twice as PGlite does, and prepares it from its second sight on', async () => {
    const insert =
      'insert into notes (body, pinned, tags, at, labels) values ($1, $2, $3, $4, $5) returning *';
    const at = new Date('2030-01-15T14:00:00Z');
    const values = (n: number) => [`note ${n}`, n % 2 === 0, { n, list: [n] }, at, ['a', `b${n}`]];
    const plain = await client.query(insert, values(0));
    const first = await statements.query(insert, values(1), undefined);
    expect(await names()).not.toContain(insert);
    const second = await statements.query(insert, values(2), undefined);
    const third = await statements.query(insert, values(3), { rowMode: 'array' });
    expect(await names()).toContain(insert);

    const shape = (result: typeof plain) => ({ ...result, rows: result.rows.map(() => '…') });
    for (const result of [first, second]) expect(shape(result)).toEqual(shape(plain));
    expect(second.rows).toEqual([
      { id: 3, body: 'note 2', pinned: true, tags: { n: 2, list: [2] }, at, labels: ['a', 'b2'] },
    ]);
    expect(third.rows).toEqual([[4, 'note 3', false, { n: 3, list: [3] }, at, ['a', 'b3']]]);
    expect(third.affectedRows).toBe(1);
  });

  it('reports a failing prepared statement like PGlite, and goes on', async () => {
    const insert = 'insert into notes (body) values ($1)';
    await statements.query(insert, ['once'], undefined);
    await statements.query(insert, ['twice'], undefined);
    expect(await names()).toContain(insert);
    const failure = await statements.query(insert, ['twice'], undefined).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: '23505', query: insert, params: ['twice'] });
    await expect(statements.query(insert, ['thrice'], undefined)).resolves.toMatchObject({ affectedRows: 1 });
  });

  it('runs inside a transaction, which still rolls back as a whole', async () => {
    const insert = 'insert into notes (body) values ($1)';
    const count = 'select count(*)::int as n from notes where body like $1';
    const fails = client.transaction(async (tx) => {
      for (const body of ['tx 1', 'tx 2', 'tx 3'])
        await statements.queryInTransaction(insert, [body], undefined, () => tx.query(insert, [body]));
      const inside = await statements.queryInTransaction<{ n: number }>(count, ['tx %'], undefined, () =>
        tx.query(count, ['tx %']),
      );
      expect(inside.rows).toEqual([{ n: 3 }]);
      throw new Error('roll it back');
    });
    await expect(fails).rejects.toThrow('roll it back');
    expect((await statements.query<{ n: number }>(count, ['tx %'], undefined)).rows).toEqual([{ n: 0 }]);
  });

  it('keeps one statement per text while queries race, and a bounded number of them', async () => {
    const select = 'select body from notes where id = $1';
    await Promise.all(Array.from({ length: 20 }, (_, i) => statements.query(select, [i + 1], undefined)));
    expect((await names()).filter((text) => text === select)).toHaveLength(1);

    for (let n = 0; n < 300; n++) {
      const text = `select $1::int + ${n} as sum`;
      await statements.query(text, [1], undefined);
      expect((await statements.query<{ sum: number }>(text, [1], undefined)).rows).toEqual([{ sum: 1 + n }]);
    }
    expect((await names()).length).toBe(256);
  });
});
