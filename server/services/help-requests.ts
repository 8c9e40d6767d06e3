import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { helpRequests, type Channel, type Purpose } from '../db/schema';
import { enqueueDelivery } from '../messaging/outbox';
import { renderEmail, renderSms, type MessageVars } from '../messaging/templates';
import { findAccountByContact, loginMethodOf, type AccountRecord } from './accounts';
import { checkContact, maskContact, type ContactKind, type ValidContact } from './contacts';
import type { ServiceContext } from './context';
import { clientKey, contactKey, decrypt, encrypt } from './crypto';
import { diagnose, PURPOSE_OF_TEMPLATE, type PlannedMessage } from './diagnosis';
import { hitFixedWindow, takeOncePer, takeSendSlot } from './limits';
import type { Locale } from './locale';
import { issueCode, issueToken } from './secrets';

export type ChannelProblem = 'sms-unavailable' | 'phone-required' | 'email-required';

const LINK_PURPOSES: readonly Purpose[] = ['unlock', 'confirmation', 'password-reset', 'login-link'];

/**
 * The channel a request will use, decided from the input alone: SMS only to `+1` numbers and only
 * for codes; links go by email; a username's messages go to the email on file.
 */
export function resolveChannel(
  contact: ValidContact,
  purpose: Purpose,
  requested: Channel | undefined,
): { channel: Channel } | { problem: ChannelProblem } {
  if (contact.kind === 'phone') {
    if (requested === 'email' || LINK_PURPOSES.includes(purpose)) return { problem: 'email-required' };
    if (!contact.smsEligible) return { problem: 'sms-unavailable' };
    return { channel: 'sms' };
  }
  if (requested === 'sms') return { problem: 'phone-required' };
  return { channel: 'email' };
}

/** How long what the request sends stays valid: the same whoever the contact is. */
export function lifetimeSeconds(ctx: ServiceContext, purpose: Purpose): number {
  const s = ctx.config.security;
  if (purpose === 'login-code') return s.codeTtlSeconds;
  if (purpose === 'confirmation') return s.confirmationTtlSeconds;
  return s.linkTtlSeconds;
}

export type ClientLimitKind = 'send' | 'verify';

/** The per-client-address limit (30 sends or 60 verifications per 5 minutes by default). */
export async function checkClientLimit(ctx: ServiceContext, kind: ClientLimitKind, address: string) {
  const s = ctx.config.security;
  return hitFixedWindow(
    ctx.db,
    `ip-${kind}:${clientKey(ctx.keys, address)}`,
    ctx.clock.now(),
    s.ipWindowSeconds,
    kind === 'send' ? s.ipSendLimit : s.ipVerifyLimit,
  );
}

export type AcceptResult =
  | { status: 'accepted'; retryAfterSeconds: number; expiresInSeconds: number }
  | { status: 'rate-limited'; retryAfterSeconds: number };

/**
 * Accepts a help request: takes a send slot for the contact (whether or not it is on file) and
 * queues the request for the worker. Nothing here reads accounts, so the answer and its timing
 * cannot depend on them.
 */
export async function acceptHelpRequest(
  ctx: ServiceContext,
  input: {
    contact: ValidContact;
    purpose: Purpose;
    channel: Channel;
    locale: Locale;
    requestId: string | null;
  },
): Promise<AcceptResult> {
  const now = ctx.clock.now();
  const s = ctx.config.security;
  const key = contactKey(ctx.keys, input.contact.normalized);
  const result = await ctx.db.transaction(async (tx) => {
    const slot = await takeSendSlot(tx, `send:${key}`, now, {
      intervalSeconds: s.resendIntervalSeconds,
      perHour: s.sendsPerHour,
      perDay: s.sendsPerDay,
    });
    if (!slot.allowed) return slot;
    await tx.insert(helpRequests).values({
      createdAt: now,
      contactKey: key,
      contactEnc: encrypt(ctx.keys, input.contact.normalized),
      contactKind: input.contact.kind,
      purpose: input.purpose,
      channel: input.channel,
      locale: input.locale,
      requestId: input.requestId,
    });
    return slot;
  });
  if (!result.allowed) return { status: 'rate-limited', retryAfterSeconds: result.retryAfterSeconds };
  ctx.wake();
  return {
    status: 'accepted',
    retryAfterSeconds: result.retryAfterSeconds,
    expiresInSeconds: lifetimeSeconds(ctx, input.purpose),
  };
}

function firstName(account: AccountRecord | null): string | null {
  return account?.name.split(/\s+/)[0] ?? null;
}

function pageUrl(ctx: ServiceContext, locale: Locale, page: string, token: string): string {
  return `${ctx.config.publicBaseUrl}${locale === 'fr' ? '/fr' : ''}/account/${page}#token=${token}`;
}

const LINK_PAGE = {
  'unlock-link': 'unlock',
  'confirmation-link': 'confirm-email',
  'password-reset-link': 'reset-password',
  'login-link': 'login-link',
} as const;

async function sendPlanned(
  tx: Db,
  ctx: ServiceContext,
  job: typeof helpRequests.$inferSelect,
  contact: { kind: ContactKind; normalized: string },
  account: AccountRecord | null,
  message: PlannedMessage,
  now: Date,
): Promise<void> {
  const locale = job.locale as Locale;
  const s = ctx.config.security;
  const recipient = message.to === 'contact' ? contact.normalized : account!.email!;
  const recipientKind: ContactKind = message.to === 'contact' ? contact.kind : 'email';
  const base = {
    firstName: firstName(account),
    host: new URL(ctx.config.publicBaseUrl).hostname,
    helpCenterUrl: `${ctx.config.publicBaseUrl}${locale === 'fr' ? '/fr' : ''}/`,
    loginMethod: account ? loginMethodOf(account) : undefined,
    username: account?.username ?? null,
    employerName: account?.employers[0]?.name ?? null,
    deactivationReason: account?.deactivationReason ?? null,
    hasEmailOnFile: Boolean(account?.email),
  };
  let vars: MessageVars = { ...base, validMinutes: 0 };
  const codes: string[] = [];
  const links: string[] = [];
  if (message.template in PURPOSE_OF_TEMPLATE) {
    const purpose = PURPOSE_OF_TEMPLATE[message.template as keyof typeof PURPOSE_OF_TEMPLATE];
    const ttlSeconds = lifetimeSeconds(ctx, purpose);
    // Secrets are bound to the contact the worker typed (the one they will verify with).
    const issue = {
      purpose,
      contact: contact.normalized,
      contactKey: job.contactKey,
      accountId: account!.id,
      now,
      ttlSeconds,
    };
    vars = { ...vars, validMinutes: Math.round(ttlSeconds / 60) };
    if (message.template === 'login-code') {
      const code = await issueCode(tx, ctx.keys, s.codeDigits, issue);
      codes.push(code);
      vars = { ...vars, code, note: message.note };
    } else {
      const token = await issueToken(tx, ctx.keys, issue);
      const link = pageUrl(ctx, locale, LINK_PAGE[message.template as keyof typeof LINK_PAGE], token);
      links.push(link);
      vars = { ...vars, link };
    }
  }
  const email = message.channel === 'email' ? renderEmail(message.template, locale, vars) : null;
  await enqueueDelivery(tx, ctx.keys, {
    helpRequestId: job.id,
    accountId: account?.id ?? null,
    contactKey:
      recipientKind === contact.kind && recipient === contact.normalized
        ? job.contactKey
        : contactKey(ctx.keys, recipient),
    channel: message.channel,
    template: message.template,
    locale,
    recipientMasked: maskContact(recipientKind, recipient),
    payload: {
      to: recipient,
      subject: email?.subject ?? null,
      text: email ? email.text : renderSms(message.template, locale, vars),
      html: email?.html ?? null,
      codes,
      links,
    },
    now,
  });
}

/**
 * Processes the oldest queued help request, in one transaction: diagnose, issue the code or
 * token, queue the messages, forget the contact. A crash rolls it all back and the request is
 * processed again, so nothing is lost or sent twice. Returns false when the queue is empty.
 */
export async function processNextHelpRequest(ctx: ServiceContext): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [job] = await tx
      .select()
      .from(helpRequests)
      .where(eq(helpRequests.status, 'queued'))
      .orderBy(asc(helpRequests.seq))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!job) return false;
    const now = ctx.clock.now();
    const checked = checkContact(job.contactEnc ? decrypt(ctx.keys, job.contactEnc) : '');
    let outcome = 'invalid-contact';
    if (checked.kind !== 'invalid') {
      const account = await findAccountByContact(tx, checked.kind, checked.normalized);
      let plan = diagnose({
        account,
        contactKind: checked.kind,
        purpose: job.purpose,
        channel: job.channel,
        now,
      });
      if (!account && plan.length > 0) {
        const allowed = await takeOncePer(
          tx,
          `notice:${job.contactKey}`,
          now,
          ctx.config.security.unknownEmailNoticeSeconds,
        );
        if (!allowed) plan = [];
      }
      for (const message of plan) await sendPlanned(tx, ctx, job, checked, account, message, now);
      outcome = plan.length
        ? plan.map((message) => message.template).join('+')
        : account
          ? 'nothing'
          : 'unknown-contact';
    }
    await tx
      .update(helpRequests)
      .set({ status: 'done', processedAt: now, outcome, contactEnc: null })
      .where(and(eq(helpRequests.id, job.id)));
    return true;
  });
}

/** Drains the queue (bounded), returning how many requests were processed. */
export async function processHelpRequests(ctx: ServiceContext, max = 100): Promise<number> {
  let processed = 0;
  while (processed < max && (await processNextHelpRequest(ctx))) processed++;
  return processed;
}
