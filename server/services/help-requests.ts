import { asc, eq } from 'drizzle-orm';
import { helpRequests, type Channel, type Purpose } from '../db/schema';
import { findAccountByContact } from './accounts';
import { checkContact, mailboxOf, type ValidContact } from './contacts';
import type { ServiceContext } from './context';
import { contactKey, decrypt, encrypt } from '../lib/crypto';
import { diagnose } from './diagnosis';
import { takeOncePer, takeSendSlot } from './limits';
import type { Locale } from '../../shared/locale';
import { lifetimeSeconds, queueMessage } from './messages';

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
    // A refused request is kept too (support sees every attempt), without the contact.
    await tx.insert(helpRequests).values({
      createdAt: now,
      contactKey: key,
      contactEnc: slot.allowed ? encrypt(ctx.keys, input.contact.normalized) : null,
      contactKind: input.contact.kind,
      purpose: input.purpose,
      channel: input.channel,
      locale: input.locale,
      requestId: input.requestId,
      ...(slot.allowed
        ? {}
        : {
            status: 'refused' as const,
            processedAt: now,
            // A wait longer than the resend interval can only come from the hourly or daily cap.
            outcome: slot.retryAfterSeconds > s.resendIntervalSeconds ? 'limit-reached' : 'cooling-down',
          }),
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

/**
 * Keeps a request the input alone refused (a phone that cannot get texts, a link asked by phone),
 * for support to see every attempt; nothing about any account.
 */
export async function recordRefusedRequest(
  ctx: ServiceContext,
  input: {
    contact: ValidContact;
    purpose: Purpose;
    channel: Channel | null;
    locale: Locale;
    requestId: string | null;
    problem: ChannelProblem;
  },
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.insert(helpRequests).values({
    createdAt: now,
    contactKey: contactKey(ctx.keys, input.contact.normalized),
    contactKind: input.contact.kind,
    purpose: input.purpose,
    channel: input.channel ?? (input.contact.kind === 'phone' ? 'sms' : 'email'),
    locale: input.locale,
    requestId: input.requestId,
    status: 'refused',
    processedAt: now,
    outcome: input.problem,
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
        // Once a day per mailbox: its tagged variants (`x+1@…`, `x+2@…`) share the one notice.
        const mailbox = checked.kind === 'email' ? mailboxOf(checked.normalized) : checked.normalized;
        const allowed = await takeOncePer(
          tx,
          `notice:${mailbox === checked.normalized ? job.contactKey : contactKey(ctx.keys, mailbox)}`,
          now,
          ctx.config.security.unknownEmailNoticeSeconds,
        );
        if (!allowed) plan = [];
      }
      for (const message of plan) {
        // A username is not an address: its messages go to the email on file.
        const to =
          message.to === 'contact'
            ? { kind: checked.kind, value: checked.normalized, key: job.contactKey }
            : { kind: 'email' as const, value: account!.email!, key: contactKey(ctx.keys, account!.email!) };
        await queueMessage(tx, ctx, {
          template: message.template,
          channel: message.channel,
          locale: job.locale as Locale,
          to,
          account,
          // Secrets are bound to the contact the worker typed (the one they will verify with).
          boundTo: { contact: checked.normalized, key: job.contactKey },
          helpRequestId: job.id,
          note: message.template === 'login-code' ? message.note : undefined,
          now,
        });
      }
      outcome = plan.length
        ? plan.map((message) => message.template).join('+')
        : account
          ? 'nothing'
          : 'unknown-contact';
    }
    await tx
      .update(helpRequests)
      .set({ status: 'done', processedAt: now, outcome, contactEnc: null })
      .where(eq(helpRequests.id, job.id));
    return true;
  });
}

/** Drains the queue (bounded), returning how many requests were processed. */
export async function processHelpRequests(ctx: ServiceContext, max = 100): Promise<number> {
  let processed = 0;
  while (processed < max && (await processNextHelpRequest(ctx))) processed++;
  return processed;
}
