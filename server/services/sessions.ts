import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sessions } from '../db/schema';
import { accountView, findAccountById, type AccountView } from './accounts';
import type { ServiceContext } from './context';
import { randomToken, sameHash, tokenHash } from '../lib/crypto';

/** Opens a short-lived session bound to the account and the contact that proved it. */
export async function openSession(
  tx: Db,
  ctx: ServiceContext,
  accountId: string,
  contactKey: string,
  now: Date,
): Promise<{ token: string; expiresInSeconds: number }> {
  const token = randomToken();
  const ttl = ctx.config.security.sessionTtlSeconds;
  await tx.insert(sessions).values({
    tokenHash: tokenHash(ctx.keys, 'session', token),
    accountId,
    contactKey,
    createdAt: now,
    expiresAt: new Date(now.getTime() + ttl * 1000),
  });
  return { token, expiresInSeconds: ttl };
}

/** The account view for a live session token, or null (unknown, expired or revoked). */
export async function accountForSession(
  ctx: ServiceContext,
  token: string,
): Promise<{ account: AccountView; expiresInSeconds: number } | null> {
  const now = ctx.clock.now();
  const hash = tokenHash(ctx.keys, 'session', token);
  const [session] = await ctx.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!session || !sameHash(session.tokenHash, hash)) return null;
  const account = await findAccountById(ctx.db, session.accountId);
  if (!account) return null;
  return {
    account: accountView(account, now),
    expiresInSeconds: Math.floor((session.expiresAt.getTime() - now.getTime()) / 1000),
  };
}

/** Ends every session of an account (after a password change). */
export async function revokeSessions(tx: Db, accountId: string, now: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt)));
}
