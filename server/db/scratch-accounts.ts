import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { accountEmployers, accounts } from './schema';

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
): Promise<{ id: string; name: string; email: string }> {
  const tag = randomBytes(4).toString('hex');
  const email = `worker-${tag}@example.com`;
  const name = `Robin Test-${tag}`;
  return db.transaction(async (tx) => {
    const insert = async (values: Partial<typeof accounts.$inferInsert>, employers: string[]) => {
      const [row] = await tx
        .insert(accounts)
        .values({ name, status: 'active', emailConfirmed: true, createdAt: now, updatedAt: now, ...values })
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
      case 'locked':
        return { id: await insert({ email, failedAttempts: 10, lockedAt: now }, one), name, email };
      case 'invited':
        return { id: await insert({ email, status: 'invited', emailConfirmed: false }, one), name, email };
      case 'several-employers':
        return { id: await insert({ email }, ['harbourview-logistics', 'northbay-events']), name, email };
      case 'merged': {
        const survivor = await insert({ email: `worker-${tag}-new@example.com` }, one);
        const id = await insert({ email, status: 'deactivated', deactivationReason: 'merged' }, one);
        await tx.update(accounts).set({ mergedIntoAccountId: survivor }).where(eq(accounts.id, id));
        return { id, name, email };
      }
    }
  });
}
