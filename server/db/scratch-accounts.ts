import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { accountEmployers, accounts, auditLog } from './schema';

type AuditRow = typeof auditLog.$inferInsert;

/**
 * The audit row of a lock the app set after failed logins (the app locks accounts; the help
 * center's demo and test data stand in for it), so that the cause outlives the lock.
 */
export const LOCKED_BY_APP = (accountId: string, at: Date, failedAttempts: number): AuditRow => ({
  at,
  actor: 'app',
  action: 'account.locked',
  accountId,
  details: { cause: 'failed-attempts', failedAttempts },
});

/** The audit row of a merge the employer made (into the account the worker keeps). */
export const MERGED_BY_EMPLOYER = (accountId: string, at: Date, into: string): AuditRow => ({
  at,
  actor: 'employer',
  action: 'account.merged',
  accountId,
  details: { into },
});

/**
 * Fresh accounts in a given case, for end-to-end tests that change an account (unlock it,
 * release its email...) without touching the shared demo accounts other tests rely on.
 * Development only, like the outbox.
 */
export const SCRATCH_CASES = ['locked', 'invited', 'several-employers', 'merged'] as const;
export type ScratchCase = (typeof SCRATCH_CASES)[number];

export async function createScratchAccount(
  db: Db,
  kind: ScratchCase,
  now: Date,
  /** The language of the worker's profile (none by default). */
  locale: 'en' | 'fr' | null = null,
): Promise<{ id: string; name: string; email: string }> {
  const tag = randomBytes(4).toString('hex');
  const email = `worker-${tag}@example.com`;
  const name = `Robin Test-${tag}`;
  return db.transaction(async (tx) => {
    const insert = async (values: Partial<typeof accounts.$inferInsert>, employers: string[]) => {
      const [row] = await tx
        .insert(accounts)
        .values({
          name,
          status: 'active',
          emailConfirmed: true,
          locale,
          createdAt: now,
          updatedAt: now,
          ...values,
        })
        .returning({ id: accounts.id });
      await tx
        .insert(accountEmployers)
        .values(
          employers.map((employerId, index) => ({ accountId: row.id, employerId, isPrimary: index === 0 })),
        );
      return row.id;
    };
    const one = ['harbourview-logistics'];
    switch (kind) {
      case 'locked': {
        const id = await insert({ email, failedAttempts: 10, lockedAt: now }, one);
        await tx.insert(auditLog).values(LOCKED_BY_APP(id, now, 10));
        return { id, name, email };
      }
      case 'invited':
        return { id: await insert({ email, status: 'invited', emailConfirmed: false }, one), name, email };
      case 'several-employers':
        return { id: await insert({ email }, ['harbourview-logistics', 'northbay-events']), name, email };
      case 'merged': {
        const survivor = await insert({ email: `worker-${tag}-new@example.com` }, one);
        const id = await insert({ email, status: 'deactivated', deactivationReason: 'merged' }, one);
        await tx.update(accounts).set({ mergedIntoAccountId: survivor }).where(eq(accounts.id, id));
        await tx.insert(auditLog).values(MERGED_BY_EMPLOYER(id, now, survivor));
        return { id, name, email };
      }
    }
  });
}
