import { and, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { insertColumns } from '../db/bulk';
import type { Db } from '../db/client';
import { oneTimeSecrets, type Purpose } from '../db/schema';
import { codeHash, randomCode, randomToken, sameHash, tokenHash, type Keys } from '../lib/crypto';

export interface IssueOptions {
  purpose: Purpose;
  /** The contact the request named (normalized); a code is bound to it. */
  contact: string;
  contactKey: string;
  accountId: string;
  now: Date;
  ttlSeconds: number;
}

export type IssueRequest =
  (IssueOptions & { kind: 'code'; digits: number }) | (IssueOptions & { kind: 'token' });

/**
 * Issues codes and link tokens, storing HMACs only (HMAC(purpose ‖ contact ‖ code) for a code,
 * HMAC(purpose ‖ token) for a token), in two statements per purpose whatever their number: the
 * live secrets of that purpose for each contact or account (asked for through its phone, email or
 * username) are voided, then the new ones inserted. Only the newest works: of two issued here for
 * one contact or account, the earlier is stored already voided. Returns the secrets in order.
 */
export async function issueSecrets(tx: Db, keys: Keys, requests: readonly IssueRequest[]): Promise<string[]> {
  if (requests.length === 0) return [];
  const secrets = requests.map((request) =>
    request.kind === 'code' ? randomCode(request.digits) : randomToken(),
  );
  for (const purpose of new Set(requests.map((request) => request.purpose))) {
    const ofPurpose = requests.filter((request) => request.purpose === purpose);
    await tx
      .update(oneTimeSecrets)
      .set({ voidedAt: ofPurpose[0].now })
      .where(
        and(
          or(
            inArray(oneTimeSecrets.contactKey, [...new Set(ofPurpose.map((request) => request.contactKey))]),
            inArray(oneTimeSecrets.accountId, [...new Set(ofPurpose.map((request) => request.accountId))]),
          ),
          eq(oneTimeSecrets.purpose, purpose),
          isNull(oneTimeSecrets.usedAt),
          isNull(oneTimeSecrets.voidedAt),
        ),
      );
  }
  const supersededAt = (index: number): Date | null => {
    const request = requests[index];
    const later = requests
      .slice(index + 1)
      .some(
        (other) =>
          other.purpose === request.purpose &&
          (other.contactKey === request.contactKey || other.accountId === request.accountId),
      );
    return later ? request.now : null;
  };
  await insertColumns(tx, oneTimeSecrets, [
    ['purpose', 'text', requests.map((request) => request.purpose)],
    ['contact_key', 'text', requests.map((request) => request.contactKey)],
    ['account_id', 'uuid', requests.map((request) => request.accountId)],
    [
      'hash',
      'text',
      requests.map((request, i) =>
        request.kind === 'code'
          ? codeHash(keys, request.purpose, request.contact, secrets[i])
          : tokenHash(keys, request.purpose, secrets[i]),
      ),
    ],
    ['created_at', 'timestamptz', requests.map((request) => request.now.toISOString())],
    [
      'expires_at',
      'timestamptz',
      requests.map((request) => new Date(request.now.getTime() + request.ttlSeconds * 1000).toISOString()),
    ],
    ['voided_at', 'timestamptz', requests.map((_, i) => supersededAt(i)?.toISOString() ?? null)],
  ]);
  return secrets;
}

/** Issues a numeric code (voiding the earlier ones); stores HMAC(purpose ‖ contact ‖ code) only. */
export async function issueCode(tx: Db, keys: Keys, digits: number, options: IssueOptions): Promise<string> {
  const [code] = await issueSecrets(tx, keys, [{ ...options, kind: 'code', digits }]);
  return code;
}

/** Issues a link token, 32 random bytes (voiding the earlier ones); stores HMAC(purpose ‖ token) only. */
export async function issueToken(tx: Db, keys: Keys, options: IssueOptions): Promise<string> {
  const [token] = await issueSecrets(tx, keys, [{ ...options, kind: 'token' }]);
  return token;
}

export type CodeCheck =
  | { outcome: 'accepted'; accountId: string }
  /** `duplicate`: the code just used, sent again (parallel submissions of one code): not a guess. */
  | { outcome: 'rejected'; counted: boolean; duplicate: boolean };

// Compared against when no live code exists, so both paths do the same work.
const DUMMY_HASH = 'x'.repeat(43);

/**
 * Checks a code against the newest live code of the contact, inside the caller's transaction
 * (which already serializes this contact). A wrong guess counts against the code; at
 * `maxGuesses` it is dead. A right one is used up at once.
 */
export async function checkCode(
  tx: Db,
  keys: Keys,
  options: { contact: string; contactKey: string; code: string; now: Date; maxGuesses: number },
): Promise<CodeCheck> {
  const [live] = await tx
    .select()
    .from(oneTimeSecrets)
    .where(
      and(
        eq(oneTimeSecrets.contactKey, options.contactKey),
        eq(oneTimeSecrets.purpose, 'login-code'),
        isNull(oneTimeSecrets.usedAt),
        isNull(oneTimeSecrets.voidedAt),
      ),
    )
    .orderBy(desc(oneTimeSecrets.createdAt))
    .limit(1)
    .for('update');
  const usable =
    live &&
    live.expiresAt.getTime() > options.now.getTime() &&
    live.attempts < options.maxGuesses &&
    live.accountId;
  const candidate = codeHash(keys, 'login-code', options.contact, options.code);
  const matches = sameHash(candidate, usable ? live.hash : DUMMY_HASH);
  if (!usable) {
    const [used] = await tx
      .select({ hash: oneTimeSecrets.hash, expiresAt: oneTimeSecrets.expiresAt })
      .from(oneTimeSecrets)
      .where(
        and(
          eq(oneTimeSecrets.contactKey, options.contactKey),
          eq(oneTimeSecrets.purpose, 'login-code'),
          isNotNull(oneTimeSecrets.usedAt),
        ),
      )
      .orderBy(desc(oneTimeSecrets.usedAt))
      .limit(1);
    const duplicate = Boolean(
      used && used.expiresAt.getTime() > options.now.getTime() && sameHash(candidate, used.hash),
    );
    return { outcome: 'rejected', counted: false, duplicate };
  }
  if (matches) {
    await tx.update(oneTimeSecrets).set({ usedAt: options.now }).where(eq(oneTimeSecrets.id, live.id));
    return { outcome: 'accepted', accountId: live.accountId! };
  }
  await tx
    .update(oneTimeSecrets)
    .set({ attempts: sql`${oneTimeSecrets.attempts} + 1` })
    .where(eq(oneTimeSecrets.id, live.id));
  return { outcome: 'rejected', counted: true, duplicate: false };
}

export type TokenRedemption =
  { outcome: 'valid'; secretId: string; accountId: string; contactKey: string } | { outcome: 'invalid' };

/** Finds and locks a live link token of the given purpose (not yet used, voided or expired). */
export async function findLiveToken(
  tx: Db,
  keys: Keys,
  purpose: Purpose,
  token: string,
  now: Date,
): Promise<TokenRedemption> {
  const hash = tokenHash(keys, purpose, token);
  const [row] = await tx
    .select()
    .from(oneTimeSecrets)
    .where(and(eq(oneTimeSecrets.hash, hash), eq(oneTimeSecrets.purpose, purpose)))
    .limit(1)
    .for('update');
  if (
    !row ||
    !sameHash(row.hash, hash) ||
    row.usedAt ||
    row.voidedAt ||
    row.expiresAt.getTime() <= now.getTime() ||
    !row.accountId
  ) {
    return { outcome: 'invalid' };
  }
  return { outcome: 'valid', secretId: row.id, accountId: row.accountId, contactKey: row.contactKey };
}

export async function markUsed(tx: Db, secretId: string, now: Date): Promise<void> {
  await tx.update(oneTimeSecrets).set({ usedAt: now }).where(eq(oneTimeSecrets.id, secretId));
}
