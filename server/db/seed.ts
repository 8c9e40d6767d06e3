import { eq } from 'drizzle-orm';
import { hashPassword } from '../services/passwords';
import type { Db } from './client';
import { DEMO_ACCOUNTS, DEMO_EMPLOYERS } from './demo-data';
import { accountEmployers, accounts, appMeta, auditLog, employers } from './schema';
import { LOCKED_BY_APP, MERGED_BY_EMPLOYER } from './scratch-accounts';

// Hashing is slow on purpose; tests reseed often.
const hashed = new Map<string, string>();

/**
 * Seeds the demo data once per database: the marker row and the data commit together, so a
 * crash mid-way seeds again on the next start and two instances never seed twice.
 * Returns true when it seeded.
 */
export async function seedDemoData(db: Db, now: Date): Promise<boolean> {
  const [seeded] = await db.select().from(appMeta).where(eq(appMeta.key, 'demo-seeded')).limit(1);
  if (seeded) return false;
  const passwords = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    if (!account.password) continue;
    if (!hashed.has(account.password)) hashed.set(account.password, await hashPassword(account.password));
    passwords.set(account.name, hashed.get(account.password)!);
  }
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(appMeta)
      .values({ key: 'demo-seeded', value: now.toISOString(), updatedAt: now })
      .onConflictDoNothing()
      .returning({ key: appMeta.key });
    if (claimed.length === 0) return false;
    await tx.insert(employers).values(
      DEMO_EMPLOYERS.map((employer) => ({
        id: employer.id,
        name: employer.name,
        loginMethod: employer.loginMethod,
        ssoProvider: employer.ssoProvider ?? null,
        active: employer.active ?? true,
        createdAt: now,
      })),
    );
    const ids = new Map<string, string>();
    for (const demo of DEMO_ACCOUNTS) {
      const [row] = await tx
        .insert(accounts)
        .values({
          name: demo.name,
          email: demo.email ?? null,
          phone: demo.phone ?? null,
          username: demo.username ?? null,
          status: demo.status,
          emailConfirmed: demo.emailConfirmed,
          failedAttempts: demo.locked ? 10 : 0,
          lockedAt: demo.locked ? now : null,
          deactivationReason: demo.deactivationReason ?? null,
          passwordHash: passwords.get(demo.name) ?? null,
          locale: demo.locale,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: accounts.id });
      ids.set(demo.email ?? demo.phone ?? demo.name, row.id);
      if (demo.locked) await tx.insert(auditLog).values(LOCKED_BY_APP(row.id, now, 10));
      await tx.insert(accountEmployers).values(
        demo.employers.map((employerId, index) => ({
          accountId: row.id,
          employerId,
          isPrimary: index === 0,
        })),
      );
    }
    // The merged account points at the one it was merged into.
    const merged = ids.get('riley.gagnon@example.com');
    const survivor = ids.get('riley.g@example.org');
    if (merged && survivor) {
      await tx.update(accounts).set({ mergedIntoAccountId: survivor }).where(eq(accounts.id, merged));
      await tx.insert(auditLog).values(MERGED_BY_EMPLOYER(merged, now, survivor));
    }
    return true;
  });
}
