import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { SupportAgent } from '../config';
import type { Db } from '../db/client';
import {
  accounts,
  auditLog,
  deliveries,
  employers,
  helpRequests,
  rateLimits,
  sessions,
  temporaryAccessCodes,
  type Channel,
  type DeactivationReason,
  type LoginMethod,
  type StoredAccountStatus,
} from '../db/schema';
import { enqueueDelivery } from '../messaging/outbox';
import { renderEmail, renderSms, type MessageVars } from '../messaging/templates';
import {
  accountView,
  findAccountById,
  isLocked,
  loginMethodOf,
  statusOf,
  type AccountRecord,
  type AccountStatus,
} from './accounts';
import { audit } from './audit';
import {
  maskContact,
  maskEmail,
  maskPhone,
  maskUsername,
  type ContactKind,
  type ValidContact,
} from './contacts';
import type { ServiceContext } from './context';
import { contactKey, tokenHash, type Keys } from './crypto';
import { lifetimeSeconds } from './help-requests';
import { takeSendSlot } from './limits';
import type { Locale } from './locale';
import { issueCode, issueToken } from './secrets';

/**
 * Finds the agent a presented support token belongs to. Every configured token is compared, in
 * constant time, as HMACs of equal length: neither the time taken nor an early exit tells how
 * much of a token was right, or which agent came close.
 */
export function createAgentVerifier(keys: Keys, agents: SupportAgent[]) {
  const digest = (token: string) =>
    createHmac('sha256', keys.hmac).update('support-token\u0000').update(token).digest();
  const known = agents.map((agent) => ({ name: agent.name, digest: digest(agent.token) }));
  return (presented: string): string | null => {
    const given = digest(presented);
    let found: string | null = null;
    for (const agent of known) {
      if (timingSafeEqual(agent.digest, given) && found === null) found = agent.name;
    }
    return found;
  };
}

/** How an agent appears in the audit log. */
export const agentActor = (agent: string) => `support:${agent}`;

export interface CodeCheckState {
  kind: ContactKind;
  masked: string;
  state: 'open' | 'cooling-down' | 'blocked';
  until: string | null;
}

/** What a support agent sees of an account: everything but the contacts in clear. */
export interface SupportAccount {
  id: string;
  name: string;
  status: AccountStatus;
  storedStatus: StoredAccountStatus;
  locked: boolean;
  lockedAt: string | null;
  lockedUntil: string | null;
  failedAttempts: number;
  emailConfirmed: boolean;
  deactivationReason: DeactivationReason | null;
  contacts: { email: string | null; phone: string | null; username: string | null; smsEligible: boolean };
  loginMethod: LoginMethod;
  ssoProvider: string | null;
  loginWith: { kind: ContactKind; masked: string };
  employers: { id: string; name: string; loginMethod: LoginMethod; active: boolean; primary: boolean }[];
  mergedInto: { id: string; name: string; loginWith: string } | null;
  mergedFrom: { id: string; name: string; email: string | null }[];
  codeChecks: CodeCheckState[];
  lastLoginAt: string | null;
  createdAt: string;
  helpRequests: {
    at: string;
    via: string;
    purpose: string;
    channel: Channel;
    locale: string;
    status: string;
    outcome: string | null;
  }[];
  deliveries: {
    at: string;
    channel: Channel;
    template: string;
    locale: string;
    recipient: string;
    status: string;
    attempts: number;
    sentAt: string | null;
  }[];
  auditLog: { at: string; actor: string; action: string; details: Record<string, unknown> }[];
  actions: {
    resendInvitation: boolean;
    unlock: boolean;
    temporaryAccessCode: boolean;
    /** Why a temporary access code cannot be issued (the API refuses with this code). */
    temporaryAccessCodeRefusal: AccessCodeRefusal | null;
    releaseEmail: boolean;
  };
}

export type AccessCodeRefusal = 'several-employers' | 'account-deactivated' | 'single-sign-on-account';

const RECENT = 20;

/** The HMAC keys of every contact of an account (limits and help requests are keyed by them). */
function contactKeysOf(
  keys: Keys,
  account: AccountRecord,
): { kind: ContactKind; key: string; masked: string }[] {
  const list: { kind: ContactKind; key: string; masked: string }[] = [];
  if (account.email)
    list.push({ kind: 'email', key: contactKey(keys, account.email), masked: maskEmail(account.email) });
  if (account.phone)
    list.push({ kind: 'phone', key: contactKey(keys, account.phone), masked: maskPhone(account.phone) });
  if (account.username)
    list.push({
      kind: 'username',
      key: contactKey(keys, account.username),
      masked: maskUsername(account.username),
    });
  return list;
}

function accessCodeRefusal(account: AccountRecord): AccessCodeRefusal | null {
  if (account.status === 'deactivated') return 'account-deactivated';
  if (account.employers.length > 1) return 'several-employers';
  if (loginMethodOf(account) === 'sso') return 'single-sign-on-account';
  return null;
}

/** Where an invitation goes: a code by SMS to a `+1` phone, else by email; null without either. */
function invitationChannel(
  account: AccountRecord,
): { channel: Channel; kind: ContactKind; to: string } | null {
  if (loginMethodOf(account) === 'code' && account.phone?.startsWith('+1'))
    return { channel: 'sms', kind: 'phone', to: account.phone };
  if (account.email) return { channel: 'email', kind: 'email', to: account.email };
  return null;
}

/**
 * Awaits drizzle queries (lazy: each runs when awaited) one after the other. `db` may be a
 * transaction, whose one connection runs one query at a time (node-postgres deprecates queueing
 * a query on a client that is still running one).
 */
async function oneAtATime<T extends readonly unknown[]>(
  queries: readonly [...T],
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/** The full support view of an account. */
export async function supportAccountView(
  ctx: ServiceContext,
  db: Db,
  account: AccountRecord,
): Promise<SupportAccount> {
  const now = ctx.clock.now();
  const contacts = contactKeysOf(ctx.keys, account);
  const keys = contacts.map((contact) => contact.key);
  const [row] = await db.select().from(accounts).where(eq(accounts.id, account.id)).limit(1);
  const [employerRows, requestRows, deliveryRows, auditRows, failureRows, mergedFrom] = await oneAtATime([
    db.select({ id: employers.id, ssoProvider: employers.ssoProvider }).from(employers),
    keys.length
      ? db
          .select()
          .from(helpRequests)
          .where(inArray(helpRequests.contactKey, keys))
          .orderBy(desc(helpRequests.seq))
          .limit(RECENT)
      : Promise.resolve([]),
    db
      .select()
      .from(deliveries)
      .where(
        keys.length
          ? or(eq(deliveries.accountId, account.id), inArray(deliveries.contactKey, keys))
          : eq(deliveries.accountId, account.id),
      )
      .orderBy(desc(deliveries.seq))
      .limit(RECENT),
    db
      .select()
      .from(auditLog)
      .where(eq(auditLog.accountId, account.id))
      .orderBy(desc(auditLog.id))
      .limit(RECENT),
    keys.length
      ? db
          .select()
          .from(rateLimits)
          .where(
            inArray(
              rateLimits.key,
              keys.map((key) => `fail:${key}`),
            ),
          )
      : Promise.resolve([]),
    db
      .select({ id: accounts.id, name: accounts.name, email: accounts.email })
      .from(accounts)
      .where(eq(accounts.mergedIntoAccountId, account.id)),
  ]);
  const ssoProviders = new Map(employerRows.map((employer) => [employer.id, employer.ssoProvider]));
  const codeChecks: CodeCheckState[] = contacts.map((contact) => {
    const failures = failureRows.find((limit) => limit.key === `fail:${contact.key}`);
    const blocked = Boolean(failures && failures.level < 0);
    const coolingUntil =
      failures?.blockedUntil && failures.blockedUntil.getTime() > now.getTime()
        ? failures.blockedUntil
        : null;
    return {
      kind: contact.kind,
      masked: contact.masked,
      state: blocked ? 'blocked' : coolingUntil ? 'cooling-down' : 'open',
      until: !blocked && coolingUntil ? coolingUntil.toISOString() : null,
    };
  });
  let mergedInto: SupportAccount['mergedInto'] = null;
  if (row.mergedIntoAccountId) {
    const survivor = await findAccountById(db, row.mergedIntoAccountId);
    if (survivor)
      mergedInto = {
        id: survivor.id,
        name: survivor.name,
        loginWith: accountView(survivor, now).loginWith.masked,
      };
  }
  const maskedOf = (kind: string) => contacts.find((contact) => contact.kind === kind)?.masked ?? kind;
  const view = accountView(account, now);
  const locked = isLocked(account, now);
  const refusal = accessCodeRefusal(account);
  return {
    id: account.id,
    name: account.name,
    status: statusOf(account, now),
    storedStatus: account.status,
    locked,
    lockedAt: locked && account.lockedAt ? account.lockedAt.toISOString() : null,
    lockedUntil: view.lockedUntil,
    failedAttempts: row.failedAttempts,
    emailConfirmed: account.emailConfirmed,
    deactivationReason: account.deactivationReason,
    contacts: {
      email: account.email ? maskEmail(account.email) : null,
      phone: account.phone ? maskPhone(account.phone) : null,
      username: account.username ? maskUsername(account.username) : null,
      smsEligible: view.smsEligible,
    },
    loginMethod: view.loginMethod,
    ssoProvider: account.employers[0] ? (ssoProviders.get(account.employers[0].id) ?? null) : null,
    loginWith: view.loginWith,
    employers: account.employers.map((employer, index) => ({ ...employer, primary: index === 0 })),
    mergedInto,
    mergedFrom: mergedFrom.map((merged) => ({
      id: merged.id,
      name: merged.name,
      email: merged.email ? maskEmail(merged.email) : null,
    })),
    codeChecks,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    helpRequests: requestRows.map((request) => ({
      at: request.createdAt.toISOString(),
      via: maskedOf(request.contactKind),
      purpose: request.purpose,
      channel: request.channel,
      locale: request.locale,
      status: request.status,
      outcome: request.outcome,
    })),
    deliveries: deliveryRows.map((delivery) => ({
      at: delivery.createdAt.toISOString(),
      channel: delivery.channel,
      template: delivery.template,
      locale: delivery.locale,
      recipient: delivery.recipientMasked,
      status: delivery.status,
      attempts: delivery.attempts,
      sentAt: delivery.sentAt?.toISOString() ?? null,
    })),
    auditLog: auditRows.map((entry) => ({
      at: entry.at.toISOString(),
      actor: entry.actor,
      action: entry.action,
      details: entry.details,
    })),
    actions: {
      resendInvitation: account.status === 'invited' && invitationChannel(account) !== null,
      unlock: locked || codeChecks.some((check) => check.state !== 'open'),
      temporaryAccessCode: refusal === null,
      temporaryAccessCodeRefusal: refusal,
      releaseEmail:
        account.status === 'deactivated' && account.deactivationReason === 'merged' && Boolean(account.email),
    },
  };
}

export interface AgentRequest {
  agent: string;
  requestId: string | null;
}

/** Looks an account up by one of its contacts; the view is written to the audit log. */
export async function lookUpAccount(
  ctx: ServiceContext,
  contact: ValidContact,
  by: AgentRequest,
): Promise<SupportAccount | null> {
  const column = { email: accounts.email, phone: accounts.phone, username: accounts.username }[contact.kind];
  const [row] = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(column, contact.normalized))
    .limit(1);
  const account = row ? await findAccountById(ctx.db, row.id) : null;
  if (!account) return null;
  await audit(ctx.db, {
    at: ctx.clock.now(),
    actor: agentActor(by.agent),
    action: 'support.account-viewed',
    accountId: account.id,
    requestId: by.requestId,
    details: { via: contact.kind },
  });
  return supportAccountView(ctx, ctx.db, account);
}

export type ActionRefusal =
  | 'account-not-found'
  | 'not-invited'
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

function pageUrl(ctx: ServiceContext, locale: Locale, page: string, token: string): string {
  return `${ctx.config.publicBaseUrl}${locale === 'fr' ? '/fr' : ''}/account/${page}#token=${token}`;
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
  const s = ctx.config.security;
  return act(ctx, accountId, by, 'support.invitation-resent', async (tx, account, now) => {
    if (account.status !== 'invited') refuse('not-invited');
    const target = invitationChannel(account) ?? refuse('no-contact-on-file');
    const key = contactKey(ctx.keys, target.to);
    const slot = await takeSendSlot(tx, `send:${key}`, now, {
      intervalSeconds: s.resendIntervalSeconds,
      perHour: s.sendsPerHour,
      perDay: s.sendsPerDay,
    });
    if (!slot.allowed)
      throw new Refused({ status: 'rate-limited', retryAfterSeconds: slot.retryAfterSeconds });
    const method = loginMethodOf(account);
    const template =
      method === 'code' ? 'login-code' : method === 'password' ? 'password-reset-link' : 'sso-notice';
    const vars: MessageVars = {
      firstName: account.name.split(/\s+/)[0] ?? null,
      host: new URL(ctx.config.publicBaseUrl).hostname,
      helpCenterUrl: `${ctx.config.publicBaseUrl}${locale === 'fr' ? '/fr' : ''}/`,
      loginMethod: method,
      username: account.username,
      employerName: account.employers[0]?.name ?? null,
      deactivationReason: null,
      hasEmailOnFile: Boolean(account.email),
      validMinutes: 0,
    };
    const codes: string[] = [];
    const links: string[] = [];
    const issue = { contact: target.to, contactKey: key, accountId: account.id, now };
    if (template === 'login-code') {
      const ttlSeconds = lifetimeSeconds(ctx, 'login-code');
      const code = await issueCode(tx, ctx.keys, s.codeDigits, {
        ...issue,
        purpose: 'login-code',
        ttlSeconds,
      });
      codes.push(code);
      Object.assign(vars, { code, note: 'invited', validMinutes: Math.round(ttlSeconds / 60) });
    } else if (template === 'password-reset-link') {
      const ttlSeconds = lifetimeSeconds(ctx, 'password-reset');
      const token = await issueToken(tx, ctx.keys, { ...issue, purpose: 'password-reset', ttlSeconds });
      const link = pageUrl(ctx, locale, 'reset-password', token);
      links.push(link);
      Object.assign(vars, { link, validMinutes: Math.round(ttlSeconds / 60) });
    }
    const email = target.channel === 'email' ? renderEmail(template, locale, vars) : null;
    const recipient = maskContact(target.kind, target.to);
    await enqueueDelivery(tx, ctx.keys, {
      helpRequestId: null,
      accountId: account.id,
      contactKey: key,
      channel: target.channel,
      template,
      locale,
      recipientMasked: recipient,
      payload: {
        to: target.to,
        subject: email?.subject ?? null,
        text: email ? email.text : renderSms(template, locale, vars),
        html: email?.html ?? null,
        codes,
        links,
      },
      now,
    });
    return {
      details: { channel: target.channel, template, recipient, locale },
      extra: { channel: target.channel, recipient },
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
    const before = await supportAccountView(ctx, tx, account);
    const wasLocked = before.locked;
    const blocked = before.codeChecks.filter((check) => check.state !== 'open');
    if (!wasLocked && blocked.length === 0) refuse('not-locked');
    const failureKeys = contactKeysOf(ctx.keys, account).map((contact) => `fail:${contact.key}`);
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
    return {
      details: { wasLocked, codeChecksCleared: blocked.map((check) => check.kind) },
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
