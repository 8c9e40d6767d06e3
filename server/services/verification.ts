import { eq } from 'drizzle-orm';
import { accounts } from '../db/schema';
import { accountView, findAccountById, type AccountView } from './accounts';
import type { ValidContact } from './contacts';
import type { ServiceContext } from './context';
import { contactKey } from '../lib/crypto';
import { lockFailures, recordFailure, resetFailures, type FailureState } from './limits';
import { checkCode } from './secrets';
import { audit } from './audit';
import { openSession } from './sessions';

export type VerifyResult =
  | { status: 'verified'; sessionToken: string; expiresInSeconds: number; account: AccountView }
  | { status: 'invalid' }
  | { status: 'cooling-down'; retryAfterSeconds: number }
  | { status: 'blocked' };

/** A code of the configured length, from what a person may type or paste ("１２３ ４５６", "123-456"). */
export function normalizeCode(raw: string, digits: number): string | null {
  const code = raw.normalize('NFKC').replace(/[\s\u200b-\u200d\u2060\ufeff-]/g, '');
  return new RegExp(`^\\d{${digits}}$`).test(code) ? code : null;
}

/**
 * Verifies a code for a contact. Every verification of one contact runs serialized (the failure
 * counter row is locked), so parallel guesses are counted one by one and one code gives one
 * success. The answer is the same for an unknown contact as for a wrong code.
 */
export async function verifyCode(
  ctx: ServiceContext,
  input: { contact: ValidContact; code: string; requestId: string | null },
): Promise<VerifyResult> {
  const now = ctx.clock.now();
  const s = ctx.config.security;
  const key = contactKey(ctx.keys, input.contact.normalized);
  const failuresKey = `fail:${key}`;
  return ctx.db.transaction(async (tx): Promise<VerifyResult> => {
    const failures = await lockFailures(tx, failuresKey, now);
    if (failures.state === 'blocked') return { status: 'blocked' };
    if (failures.state === 'cooling-down')
      return { status: 'cooling-down', retryAfterSeconds: failures.retryAfterSeconds };
    const check = await checkCode(tx, ctx.keys, {
      contact: input.contact.normalized,
      contactKey: key,
      code: input.code,
      now,
      maxGuesses: s.codeMaxGuesses,
    });
    if (check.outcome === 'rejected') {
      // The losers of parallel submissions of one right code are not failures of the account.
      if (check.duplicate) return { status: 'invalid' };
      const after = await recordFailure(tx, failuresKey, now, {
        failuresBeforeCooldown: s.failuresBeforeCooldown,
        cooldownSeconds: s.cooldownSeconds,
        hardCap: s.failuresHardCap,
      });
      if (after.state !== 'open') await auditPause(tx, input.contact, now, after, input.requestId);
      return { status: 'invalid' };
    }
    await resetFailures(tx, failuresKey);
    const account = await findAccountById(tx, check.accountId);
    if (!account) return { status: 'invalid' };
    const session = await openSession(tx, ctx, account.id, key, now);
    await audit(tx, {
      at: now,
      actor: 'worker',
      action: 'code.verified',
      accountId: account.id,
      requestId: input.requestId,
    });
    return {
      status: 'verified',
      sessionToken: session.token,
      expiresInSeconds: session.expiresInSeconds,
      account: accountView(account, now),
    };
  });
}

/**
 * A pause of code checks is a change support must see with its cause, on the account the
 * contact belongs to. The same query runs for a contact on file or not; nothing of it reaches the
 * answer, which is the same `invalid` either way.
 */
async function auditPause(
  tx: Parameters<typeof recordFailure>[0],
  contact: ValidContact,
  now: Date,
  state: Exclude<FailureState, { state: 'open' }>,
  requestId: string | null,
): Promise<void> {
  const column = { email: accounts.email, phone: accounts.phone, username: accounts.username }[contact.kind];
  const [owner] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(column, contact.normalized))
    .limit(1);
  if (!owner) return;
  await audit(tx, {
    at: now,
    actor: 'system',
    action: 'code-checks.paused',
    accountId: owner.id,
    requestId,
    details: {
      cause: 'wrong-codes',
      contact: contact.kind,
      blocked: state.state === 'blocked',
      until:
        state.state === 'cooling-down'
          ? new Date(now.getTime() + state.retryAfterSeconds * 1000).toISOString()
          : null,
    },
  });
}
