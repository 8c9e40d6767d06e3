import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { DEMO_ACCOUNTS, DEMO_EMPLOYERS } from './demo-data';
import { accountEmployers, accounts, employers } from './schema';
import { seedDemoData } from './seed';
import { openTestDatabase } from './test-database';

describe('database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('is migrated and answers', async () => {
    await expect(database.ping()).resolves.toBeUndefined();
  });

  it('seeds the demo data once, whatever the number of starts', async () => {
    const now = new Date('2030-01-15T14:00:00Z');
    expect(await seedDemoData(database.db, now)).toBe(true);
    expect(await seedDemoData(database.db, now)).toBe(false);
    const [{ value: accountCount }] = await database.db.select({ value: count() }).from(accounts);
    const [{ value: employerCount }] = await database.db.select({ value: count() }).from(employers);
    expect(accountCount).toBe(DEMO_ACCOUNTS.length);
    expect(employerCount).toBe(DEMO_EMPLOYERS.length);
    const [merged] = await database.db
      .select()
      .from(accounts)
      .where(eq(accounts.email, 'riley.gagnon@example.com'));
    const [survivor] = await database.db
      .select()
      .from(accounts)
      .where(eq(accounts.email, 'riley.g@example.org'));
    expect(merged.mergedIntoAccountId).toBe(survivor.id);
    const links = await database.db
      .select()
      .from(accountEmployers)
      .where(eq(accountEmployers.accountId, survivor.id));
    expect(links).toHaveLength(2);
  });

  it('refuses a second account with the same email', async () => {
    await expect(
      database.db
        .insert(accounts)
        .values({ name: 'Copy', email: 'alex.martin@example.com', status: 'active' }),
    ).rejects.toThrow();
  });
});
