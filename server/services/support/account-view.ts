import { desc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  accounts,
  deliveries,
  employers,
  rateLimits,
  type Channel,
  type DeactivationReason,
  type LoginMethod,
  type ReceiptState,
  type StoredAccountStatus,
} from '../../db/schema';
import { contactKey, type Keys } from '../../lib/crypto';
import {
  accountView,
  findAccountById,
  isLocked,
  loginMethodOf,
  statusOf,
  type AccountRecord,
  type AccountStatus,
} from '../accounts';
import { audit } from '../audit';
import { maskEmail, maskPhone, maskUsername, type ContactKind, type ValidContact } from '../contacts';
import type { ServiceContext } from '../context';
import type { Locale } from '../../../shared/locale';
import { agentActor, type AgentRequest } from './agents';
import {
  auditPage,
  helpRequestEntry,
  lookupSummary,
  LOOKUP_ACTION,
  nextHelpRequests,
  recentHelpRequests,
  type AuditEntry,
  type HelpRequestEntry,
  type LookupSummary,
  type NextHelpRequest,
} from './history';
import { codesBy, loginHelpView, workerLanguage, type LoginHelpTemplate } from './login-help';

// What a support agent sees of an account, and what it allows.

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
  /** The worker's language: their profile's, else their latest help request's. */
  language: { locale: Locale | null; source: 'profile' | 'help-request' | null };
  loginMethod: LoginMethod;
  ssoProvider: string | null;
  loginWith: { kind: ContactKind; masked: string };
  /** Where login codes reach the worker today (code login only); null when none can. */
  codesBy: Channel | null;
  employers: { id: string; name: string; loginMethod: LoginMethod; active: boolean; primary: boolean }[];
  mergedInto: { id: string; name: string; loginWith: string } | null;
  mergedFrom: { id: string; name: string; email: string | null }[];
  codeChecks: CodeCheckState[];
  lastLoginAt: string | null;
  createdAt: string;
  helpRequests: (HelpRequestEntry & { channel: Channel })[];
  nextHelpRequests: NextHelpRequest[];
  deliveries: {
    at: string;
    channel: Channel;
    template: string;
    locale: string;
    recipient: string;
    status: string;
    attempts: number;
    sentAt: string | null;
    /** The provider's delivery receipt (services/receipts.ts); null until one arrives. */
    receipt: { state: ReceiptState; reason: string | null; at: string } | null;
  }[];
  /** State changes and actions, newest first (look-ups apart, in `lookups`); `auditNext` pages on. */
  auditLog: AuditEntry[];
  auditNext: string | null;
  lookups: LookupSummary;
  actions: {
    resendInvitation: boolean;
    unlock: boolean;
    temporaryAccessCode: boolean;
    /** Why a temporary access code cannot be issued (the API refuses with this code). */
    temporaryAccessCodeRefusal: AccessCodeRefusal | null;
    releaseEmail: boolean;
    /** What lets the worker log in again by themselves, and the link to send instead. */
    loginHelp: {
      template: LoginHelpTemplate;
      channel: Channel;
      recipient: string;
      links: Record<Locale, string>;
    } | null;
  };
}

export type AccessCodeRefusal = 'several-employers' | 'account-deactivated' | 'single-sign-on-account';

const RECENT = 20;

/** The HMAC keys of every contact of an account (limits and help requests are keyed by them). */
export function contactKeysOf(
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

export function accessCodeRefusal(account: AccountRecord): AccessCodeRefusal | null {
  if (account.status === 'deactivated') return 'account-deactivated';
  if (account.employers.length > 1) return 'several-employers';
  if (loginMethodOf(account) === 'sso') return 'single-sign-on-account';
  return null;
}

/** Where an invitation goes: a code by SMS to a `+1` phone, else by email; null without either. */
export function invitationChannel(
  account: AccountRecord,
): { channel: Channel; kind: ContactKind; to: string } | null {
  if (loginMethodOf(account) === 'code' && account.phone?.startsWith('+1'))
    return { channel: 'sms', kind: 'phone', to: account.phone };
  if (account.email) return { channel: 'email', kind: 'email', to: account.email };
  return null;
}

/** Where code checks stand for each contact of an account (paused after wrong codes, or blocked). */
export async function codeCheckStates(
  db: Db,
  contacts: { kind: ContactKind; key: string; masked: string }[],
  now: Date,
): Promise<CodeCheckState[]> {
  const failureRows = contacts.length
    ? await db
        .select()
        .from(rateLimits)
        .where(
          inArray(
            rateLimits.key,
            contacts.map((contact) => `fail:${contact.key}`),
          ),
        )
    : [];
  return contacts.map((contact): CodeCheckState => {
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
}

/**
 * Runs queries one after the other: each is started only once the previous one has answered.
 * `db` may be a transaction, whose one connection runs one query at a time (node-postgres
 * deprecates queueing a query on a client that is still running one).
 */
async function oneAtATime<T extends readonly unknown[]>(queries: {
  readonly [K in keyof T]: () => T[K];
}): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results: unknown[] = [];
  for (const query of queries as readonly (() => unknown)[]) results.push(await query());
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
  const [employerRows, requestRows, deliveryRows, audit, lookups, mergedFrom] = await oneAtATime([
    () => db.select({ id: employers.id, ssoProvider: employers.ssoProvider }).from(employers),
    () => recentHelpRequests(db, keys, RECENT),
    () =>
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
    () => auditPage(db, account.id, { kind: 'changes' }),
    () => lookupSummary(db, account.id),
    () =>
      db
        .select({ id: accounts.id, name: accounts.name, email: accounts.email })
        .from(accounts)
        .where(eq(accounts.mergedIntoAccountId, account.id)),
  ]);
  const ssoProviders = new Map(employerRows.map((employer) => [employer.id, employer.ssoProvider]));
  const codeChecks = await codeCheckStates(db, contacts, now);
  const nextRequests = await nextHelpRequests(ctx, db, contacts, now);
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
  const language = workerLanguage(row.locale, requestRows[0]?.locale ?? null);
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
    language,
    loginMethod: view.loginMethod,
    ssoProvider: account.employers[0] ? (ssoProviders.get(account.employers[0].id) ?? null) : null,
    loginWith: view.loginWith,
    codesBy: codesBy(account),
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
      ...helpRequestEntry(request, maskedOf(request.contactKind)),
      channel: request.channel,
    })),
    nextHelpRequests: nextRequests,
    deliveries: deliveryRows.map((delivery) => ({
      at: delivery.createdAt.toISOString(),
      channel: delivery.channel,
      template: delivery.template,
      locale: delivery.locale,
      recipient: delivery.recipientMasked,
      status: delivery.status,
      attempts: delivery.attempts,
      sentAt: delivery.sentAt?.toISOString() ?? null,
      receipt:
        delivery.receiptState && delivery.receiptAt
          ? {
              state: delivery.receiptState,
              reason: delivery.receiptReason,
              at: delivery.receiptAt.toISOString(),
            }
          : null,
    })),
    auditLog: audit.entries,
    auditNext: audit.next,
    lookups,
    actions: {
      resendInvitation: account.status === 'invited' && invitationChannel(account) !== null,
      unlock: locked || codeChecks.some((check) => check.state !== 'open'),
      temporaryAccessCode: refusal === null,
      temporaryAccessCodeRefusal: refusal,
      releaseEmail:
        account.status === 'deactivated' && account.deactivationReason === 'merged' && Boolean(account.email),
      loginHelp: loginHelpView(ctx, account),
    },
  };
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
    action: LOOKUP_ACTION,
    accountId: account.id,
    requestId: by.requestId,
    details: { via: contact.kind },
  });
  return supportAccountView(ctx, ctx.db, account);
}
