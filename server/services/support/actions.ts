import { randomInt } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { accounts, rateLimits, sessions, temporaryAccessCodes, type Channel } from '../../db/schema';
import { contactKey, tokenHash } from '../../lib/crypto';
import type { Locale } from '../../../shared/locale';
import { findAccountById, isLocked, loginMethodOf, type AccountRecord } from '../accounts';
import { audit } from '../audit';
import { maskContact, maskEmail } from '../contacts';
import type { ServiceContext } from '../context';
import { sendRules, takeSendSlot } from '../limits';
import { queueMessage } from '../messages';
import {
  accessCodeRefusal,
  codeCheckStates,
  contactKeysOf,
  invitationChannel,
  supportAccountView,
  type AccessCodeRefusal,
  type SupportAccount,
} from './account-view';
import { agentActor, type AgentRequest } from './agents';
import { loginHelpPlan } from './login-help';

// What a support agent can do to an account: each action in one transaction, audited.

export type ActionRefusal =
  | 'account-not-found'
  | 'not-invited'
  | 'no-login-help'
  | 'no-contact-on-file'
  | 'not-locked'
  | AccessCodeRefusal
  | 'not-merged'
  | 'no-email-on-file';

export type ActionResult<T = object> =
  | ({ status: 'done'; account: SupportAccount } & T)
  | { status: 'refused'; reason: ActionRefusal }
  | { status: 'rate-limited'; retryAfterSeconds: number };

class Refused extends Error {
  constructor(public readonly result: Exclude<ActionResult, { status: 'done' }>) {
    super(result.status);
  }
}

/**
 * Runs one support action on an account in a transaction (the account row locked): `apply`
 * changes it and says what to audit; the refreshed view is returned.
 */
async function act<T extends object>(
  ctx: ServiceContext,
  accountId: string,
  by: AgentRequest,
  action: string,
  apply: (
    tx: Db,
    account: AccountRecord,
    now: Date,
  ) => Promise<{ details: Record<string, unknown>; extra: T }>,
): Promise<ActionResult<T>> {
  const now = ctx.clock.now();
  try {
    const { extra, account } = await ctx.db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(eq(accounts.id, accountId))
        .for('update');
      const account = locked ? await findAccountById(tx, accountId) : null;
      if (!account) throw new Refused({ status: 'refused', reason: 'account-not-found' });
      const { details, extra } = await apply(tx, account, now);
      await audit(tx, {
        at: now,
        actor: agentActor(by.agent),
        action,
        accountId,
        requestId: by.requestId,
        details,
      });
      const after = await findAccountById(tx, accountId);
      return { extra, account: await supportAccountView(ctx, tx, after!) };
    });
    return { status: 'done', account, ...extra };
  } catch (error) {
    if (error instanceof Refused) return error.result as ActionResult<T>;
    throw error;
  }
}

const refuse = (reason: ActionRefusal): never => {
  throw new Refused({ status: 'refused', reason });
};

/** A send slot for the contact, within its send limits like a help request, or the action's 429. */
async function takeSlotOrRefuse(tx: Db, ctx: ServiceContext, key: string, now: Date): Promise<void> {
  const slot = await takeSendSlot(tx, `send:${key}`, now, sendRules(ctx));
  if (!slot.allowed) throw new Refused({ status: 'rate-limited', retryAfterSeconds: slot.retryAfterSeconds });
}

/**
 * Sends the invitation again: a first login code (by SMS to a `+1` phone, else by email), or for
 * an employer on passwords a link to choose one. Within the contact's send limits, like a help request.
 */
export async function resendInvitation(
  ctx: ServiceContext,
  accountId: string,
  locale: Locale,
  by: AgentRequest,
): Promise<ActionResult<{ channel: Channel; recipient: string }>> {
  return act(ctx, accountId, by, 'support.invitation-resent', async (tx, account, now) => {
    if (account.status !== 'invited') refuse('not-invited');
    const target = invitationChannel(account) ?? refuse('no-contact-on-file');
    const key = contactKey(ctx.keys, target.to);
    await takeSlotOrRefuse(tx, ctx, key, now);
    const method = loginMethodOf(account);
    const template =
      method === 'code' ? 'login-code' : method === 'password' ? 'password-reset-link' : 'sso-notice';
    await queueMessage(tx, ctx, {
      template,
      channel: target.channel,
      locale,
      to: { kind: target.kind, value: target.to, key },
      account,
      boundTo: { contact: target.to, key },
      helpRequestId: null,
      note: template === 'login-code' ? 'invited' : undefined,
      now,
    });
    const recipient = maskContact(target.kind, target.to);
    return {
      details: { channel: target.channel, template, recipient, locale },
      extra: { channel: target.channel, recipient },
    };
  }).then((result) => {
    if (result.status === 'done') ctx.wake();
    return result;
  });
}

/**
 * Sends what lets the worker log in again by themselves (a password reset link, a one-time login
 * link, a code by SMS: see loginHelpPlan), in the language the agent chose. Within the contact's
 * send limits, like a help request.
 */
export async function sendLoginHelp(
  ctx: ServiceContext,
  accountId: string,
  locale: Locale,
  by: AgentRequest,
): Promise<ActionResult<{ channel: Channel; recipient: string }>> {
  return act(ctx, accountId, by, 'support.login-help-sent', async (tx, account, now) => {
    const plan = loginHelpPlan(account) ?? refuse('no-login-help');
    const key = contactKey(ctx.keys, plan.to);
    await takeSlotOrRefuse(tx, ctx, key, now);
    await queueMessage(tx, ctx, {
      template: plan.template,
      channel: plan.channel,
      locale,
      to: { kind: plan.kind, value: plan.to, key },
      account,
      boundTo: { contact: plan.to, key },
      helpRequestId: null,
      now,
    });
    const recipient = maskContact(plan.kind, plan.to);
    return {
      details: { channel: plan.channel, template: plan.template, recipient, locale },
      extra: { channel: plan.channel, recipient },
    };
  }).then((result) => {
    if (result.status === 'done') ctx.wake();
    return result;
  });
}

/** Unlocks the account and clears the code-check cool-downs and blocks of its contacts. */
export async function unlockAccount(
  ctx: ServiceContext,
  accountId: string,
  by: AgentRequest,
): Promise<ActionResult> {
  return act(ctx, accountId, by, 'support.account-unlocked', async (tx, account, now) => {
    const contacts = contactKeysOf(ctx.keys, account);
    const wasLocked = isLocked(account, now);
    const blocked = (await codeCheckStates(tx, contacts, now)).filter((check) => check.state !== 'open');
    if (!wasLocked && blocked.length === 0) refuse('not-locked');
    const [row] = await tx
      .select({ failedAttempts: accounts.failedAttempts })
      .from(accounts)
      .where(eq(accounts.id, account.id));
    const failureKeys = contacts.map((contact) => `fail:${contact.key}`);
    if (failureKeys.length) {
      await tx
        .update(rateLimits)
        .set({ count: 0, level: 0, blockedUntil: null })
        .where(inArray(rateLimits.key, failureKeys));
    }
    await tx
      .update(accounts)
      .set({ lockedAt: null, lockedUntil: null, failedAttempts: 0, updatedAt: now })
      .where(eq(accounts.id, account.id));
    // What held the account back, kept here: the account itself forgets it once unlocked.
    return {
      details: {
        wasLocked,
        lockedAt: wasLocked ? (account.lockedAt?.toISOString() ?? null) : null,
        failedAttempts: row.failedAttempts,
        codeChecksCleared: blocked.map((check) => check.kind),
        codeChecks: blocked.map((check) => ({ kind: check.kind, state: check.state, until: check.until })),
      },
      extra: {},
    };
  });
}

const ACCESS_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 8 characters (about 39 bits) without look-alikes, grouped for reading aloud: `K7M2-Q9XT`. */
function randomAccessCode(): string {
  const chars = Array.from({ length: 8 }, () => ACCESS_CODE_ALPHABET[randomInt(ACCESS_CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/**
 * Issues a temporary access code for the worker to log in with once (shown to the agent once,
 * stored as an HMAC). Refused for a worker of several employers (no one employer may hand out
 * access to the others' account), a deactivated account or single sign-on.
 */
export async function issueTemporaryAccessCode(
  ctx: ServiceContext,
  accountId: string,
  by: AgentRequest,
): Promise<ActionResult<{ code: string; expiresAt: string }>> {
  return act(ctx, accountId, by, 'support.access-code-issued', async (tx, account, now) => {
    const refusal = accessCodeRefusal(account);
    if (refusal) refuse(refusal);
    await tx
      .update(temporaryAccessCodes)
      .set({ voidedAt: now })
      .where(
        and(
          eq(temporaryAccessCodes.accountId, account.id),
          isNull(temporaryAccessCodes.usedAt),
          isNull(temporaryAccessCodes.voidedAt),
        ),
      );
    const code = randomAccessCode();
    const expiresAt = new Date(now.getTime() + ctx.config.support.accessCodeTtlSeconds * 1000);
    await tx.insert(temporaryAccessCodes).values({
      accountId: account.id,
      hash: tokenHash(ctx.keys, 'temporary-access', code.replace('-', '')),
      issuedBy: by.agent,
      createdAt: now,
      expiresAt,
    });
    return {
      details: { expiresAt: expiresAt.toISOString() },
      extra: { code, expiresAt: expiresAt.toISOString() },
    };
  });
}

/**
 * Frees the email address of an account that was merged into another one, so the worker's
 * remaining account (or a new invitation) can use it. The merged account keeps its history.
 */
export async function releaseMergedEmail(
  ctx: ServiceContext,
  accountId: string,
  by: AgentRequest,
): Promise<ActionResult> {
  return act(ctx, accountId, by, 'support.email-released', async (tx, account, now) => {
    if (account.status !== 'deactivated' || account.deactivationReason !== 'merged') refuse('not-merged');
    if (!account.email) refuse('no-email-on-file');
    await tx
      .update(accounts)
      .set({ email: null, emailConfirmed: false, updatedAt: now })
      .where(eq(accounts.id, account.id));
    await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.accountId, account.id), isNull(sessions.revokedAt)));
    return { details: { email: maskEmail(account.email!) }, extra: {} };
  });
}
