import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accounts, type Purpose } from '../db/schema';
import { accountView, findAccountById, type AccountView } from './accounts';
import { audit } from './audit';
import type { ServiceContext } from './context';
import { checkPassword, hashPassword, type PasswordProblem } from './passwords';
import { findLiveToken, markUsed } from './secrets';
import { openSession, revokeSessions } from './sessions';

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

type Redeemed<T> = { status: 'done'; result: T } | { status: 'invalid-link' };

/**
 * Redeems a link token of one purpose, once: finds and locks it, runs `apply` in the same
 * transaction, marks it used. Says nothing about why a link does not work.
 */
async function redeem<T>(
  ctx: ServiceContext,
  purpose: Purpose,
  token: string,
  apply: (tx: Db, accountId: string, contactKey: string, now: Date) => Promise<T>,
): Promise<Redeemed<T>> {
  if (!TOKEN_FORMAT.test(token)) return { status: 'invalid-link' };
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const found = await findLiveToken(tx, ctx.keys, purpose, token, now);
    if (found.outcome === 'invalid') return { status: 'invalid-link' } as const;
    const result = await apply(tx, found.accountId, found.contactKey, now);
    await markUsed(tx, found.secretId, now);
    return { status: 'done', result } as const;
  });
}

/** Unlocks the account the link was sent for. */
export async function redeemUnlock(ctx: ServiceContext, token: string, requestId: string | null) {
  return redeem(ctx, 'unlock', token, async (tx, accountId, _contactKey, now) => {
    await tx
      .update(accounts)
      .set({ lockedAt: null, lockedUntil: null, failedAttempts: 0, updatedAt: now })
      .where(eq(accounts.id, accountId));
    await audit(tx, { at: now, actor: 'worker', action: 'account.unlocked', accountId, requestId });
    return { status: 'unlocked' as const };
  });
}

/** Confirms the email address the link was sent to. */
export async function redeemConfirmation(ctx: ServiceContext, token: string, requestId: string | null) {
  return redeem(ctx, 'confirmation', token, async (tx, accountId, _contactKey, now) => {
    await tx.update(accounts).set({ emailConfirmed: true, updatedAt: now }).where(eq(accounts.id, accountId));
    await audit(tx, { at: now, actor: 'worker', action: 'email.confirmed', accountId, requestId });
    return { status: 'confirmed' as const };
  });
}

class Rejected extends Error {
  constructor(public problem: PasswordProblem) {
    super(problem);
  }
}

export type PasswordResetResult =
  | { status: 'password-changed' }
  | { status: 'invalid-link' }
  | { status: 'rejected'; problem: PasswordProblem };

/**
 * Sets a new password through a reset link. A password that breaks a rule leaves the link
 * usable; a success also unlocks the account, confirms the email and ends open sessions.
 */
export async function redeemPasswordReset(
  ctx: ServiceContext,
  token: string,
  password: string,
  requestId: string | null,
): Promise<PasswordResetResult> {
  // Hashing is slow on purpose: do it before taking the row lock.
  const hashed = password.length <= 1024 ? await hashPassword(password) : null;
  try {
    const outcome = await redeem(ctx, 'password-reset', token, async (tx, accountId, _contactKey, now) => {
      const account = await findAccountById(tx, accountId);
      const problem = checkPassword(
        password,
        { username: account?.username, email: account?.email },
        ctx.config.security,
      );
      // Throwing rolls the transaction back: the link stays usable.
      if (problem || !hashed) throw new Rejected(problem ?? 'too-long');
      await tx
        .update(accounts)
        .set({
          passwordHash: hashed,
          lockedAt: null,
          lockedUntil: null,
          failedAttempts: 0,
          emailConfirmed: sql`${accounts.emailConfirmed} or ${accounts.email} is not null`,
          updatedAt: now,
        })
        .where(eq(accounts.id, accountId));
      await revokeSessions(tx, accountId, now);
      await audit(tx, { at: now, actor: 'worker', action: 'password.reset', accountId, requestId });
    });
    return outcome.status === 'done' ? { status: 'password-changed' } : outcome;
  } catch (error) {
    if (error instanceof Rejected) return { status: 'rejected', problem: error.problem };
    throw error;
  }
}

/** Logs in with a one-time link: a session like the one a correct code opens. */
export async function redeemLoginLink(
  ctx: ServiceContext,
  token: string,
  requestId: string | null,
): Promise<Redeemed<{ sessionToken: string; expiresInSeconds: number; account: AccountView }>> {
  return redeem(ctx, 'login-link', token, async (tx, accountId, contactKey, now) => {
    const account = await findAccountById(tx, accountId);
    const session = await openSession(tx, ctx, accountId, contactKey, now);
    await tx.update(accounts).set({ lastLoginAt: now }).where(eq(accounts.id, accountId));
    await audit(tx, { at: now, actor: 'worker', action: 'login-link.used', accountId, requestId });
    return {
      sessionToken: session.token,
      expiresInSeconds: session.expiresInSeconds,
      account: accountView(account!, now),
    };
  });
}
