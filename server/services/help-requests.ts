import { and, asc, eq, lte, max as maxOf, sql } from 'drizzle-orm';
import { columnRows, insertColumns } from '../db/bulk';
import { helpRequests, type Channel, type Purpose } from '../db/schema';
import { findAccountsByContacts } from './accounts';
import { mailboxOf, type ContactKind, type ValidContact } from './contacts';
import type { ServiceContext } from './context';
import type { AcceptResult, HelpRequestInput } from './help-request-types';
import { contactKey, decrypt, encrypt } from '../lib/crypto';
import { diagnose } from './diagnosis';
import { clientLimitKey, hitClientLimits, sendRules, takeOncePerEach, takeSendSlots } from './limits';
import type { Locale } from '../../shared/locale';
import { groupCommitPer } from '../lib/group-commit';
import type { ClaimedDelivery, ClaimOnQueue } from '../messaging/outbox';
import { lifetimeSeconds, queueMessages, type MessageOrder } from './messages';

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

/**
 * Accepts a help request: counts it against its client's limit, takes a send slot for the contact
 * (whether or not it is on file) and queues the request for the worker. Nothing here reads accounts, so the answer and its timing
 * cannot depend on them. Requests arriving while a commit is under way are committed together in
 * the next one (group commit): the answer still comes only once the request is committed.
 */
export function acceptHelpRequest(ctx: ServiceContext, input: HelpRequestInput): Promise<AcceptResult> {
  return accept(ctx, input);
}

const accept = groupCommitPer(
  (ctx: ServiceContext) => async (inputs: HelpRequestInput[]) => {
    const now = ctx.clock.now();
    // With PGlite in its thread, the transaction runs there: one message for the group, instead
    // of a round trip to this busy event loop for each statement while it holds the database.
    const results = ctx.databaseThread
      ? await ctx.databaseThread.acceptHelpRequests(inputs, now)
      : await acceptHelpRequestGroup(ctx, inputs, now);
    if (results.some((result) => result.status === 'accepted')) ctx.wake();
    return results;
  },
  200,
);

/**
 * One transaction for a group of help requests, as of `now`: their clients' counts, their send
 * slots, then every row at once. A request over its client's limit is refused before anything else
 * (and, as it names no contact of its own, not kept).
 */
export async function acceptHelpRequestGroup(
  ctx: ServiceContext,
  inputs: HelpRequestInput[],
  now: Date,
): Promise<AcceptResult[]> {
  const s = ctx.config.security;
  const keys = inputs.map((input) => contactKey(ctx.keys, input.contact.normalized));
  return ctx.db.transaction(async (tx) => {
    const clients = await hitClientLimits(
      tx,
      ctx,
      'send',
      inputs.map((input) => clientLimitKey(ctx, 'send', input.clientAddress)),
      now,
    );
    const admitted = inputs.flatMap((_, i) => (clients[i].allowed ? [i] : []));
    const slots = admitted.length
      ? await takeSendSlots(
          tx,
          admitted.map((i) => `send:${keys[i]}`),
          now,
          sendRules(ctx),
        )
      : [];
    // A refused request is kept too (support sees every attempt), without the contact.
    const refusal = (j: number) =>
      slots[j].allowed
        ? null
        : // A wait longer than the resend interval can only come from the hourly or daily cap.
          slots[j].retryAfterSeconds > s.resendIntervalSeconds
          ? 'limit-reached'
          : 'cooling-down';
    const at = now.toISOString();
    const rows = admitted.map((i) => inputs[i]);
    if (rows.length > 0)
      await insertColumns(tx, helpRequests, [
        ['created_at', 'timestamptz', rows.map(() => at)],
        ['contact_key', 'text', admitted.map((i) => keys[i])],
        [
          'contact_enc',
          'text',
          rows.map((input, j) => (slots[j].allowed ? encrypt(ctx.keys, input.contact.normalized) : null)),
        ],
        ['contact_kind', 'text', rows.map((input) => input.contact.kind)],
        ['purpose', 'text', rows.map((input) => input.purpose)],
        ['channel', 'text', rows.map((input) => input.channel)],
        ['locale', 'text', rows.map((input) => input.locale)],
        ['request_id', 'text', rows.map((input) => input.requestId)],
        ['status', 'text', rows.map((_, j) => (slots[j].allowed ? 'queued' : 'refused'))],
        ['processed_at', 'timestamptz', rows.map((_, j) => (slots[j].allowed ? null : at))],
        ['outcome', 'text', rows.map((_, j) => refusal(j))],
      ]);
    const slotOf = new Map(admitted.map((i, j) => [i, slots[j]]));
    return inputs.map((input, i): AcceptResult => {
      const slot = slotOf.get(i);
      if (!slot) return { status: 'rate-limited', retryAfterSeconds: clients[i].retryAfterSeconds };
      return slot.allowed
        ? {
            status: 'accepted',
            retryAfterSeconds: slot.retryAfterSeconds,
            expiresInSeconds: lifetimeSeconds(ctx, input.purpose),
          }
        : { status: 'rate-limited', retryAfterSeconds: slot.retryAfterSeconds };
    });
  });
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

/** A queued request's contact, as the accept path checked it. */
type QueuedContact = Pick<ValidContact, 'kind' | 'normalized'>;

/** The most queued help requests one worker transaction processes. */
const PROCESS_BATCH = 100;

/**
 * Processes the oldest queued help requests (up to `limit`), in one transaction: diagnose each
 * against its account, issue the codes or tokens, queue the messages (with `claim`, the first ones
 * already taken for sending), forget the contacts. A crash rolls it all back and the requests are
 * processed again, so nothing is lost or sent twice. Another instance's worker skips the rows this
 * one holds. Returns how many were processed, and the messages claimed for the caller to send.
 * With `upToSeq`, only requests queued up to that one (see {@link queuedUpTo}).
 */
export async function processHelpRequestBatch(
  ctx: ServiceContext,
  limit = PROCESS_BATCH,
  claim?: ClaimOnQueue,
  upToSeq?: number,
): Promise<{ processed: number; claimed: ClaimedDelivery[]; oldestWaitedMs: number }> {
  return ctx.db.transaction(async (tx) => {
    // The planner's idea of how many requests are queued comes from statistics taken when the
    // queue was short: trusting it, it read every queued row and sorted them (3 ms a batch with
    // 1,000 queued in the bench, more the further behind the worker is) instead of taking the
    // first ones from the index. Only for this statement: the account look-up needs bitmaps.
    await tx.execute(sql`set local enable_bitmapscan = off`);
    const jobs = await tx
      .select()
      .from(helpRequests)
      .where(
        upToSeq === undefined
          ? eq(helpRequests.status, 'queued')
          : and(eq(helpRequests.status, 'queued'), lte(helpRequests.seq, upToSeq)),
      )
      .orderBy(asc(helpRequests.seq))
      .limit(limit)
      .for('update', { skipLocked: true });
    await tx.execute(sql`set local enable_bitmapscan to default`);
    if (jobs.length === 0) return { processed: 0, claimed: [], oldestWaitedMs: 0 };
    const now = ctx.clock.now();
    // The contact as it was checked when the request was accepted: its kind, and its normalized
    // value, encrypted (authenticated: what is read is what was written). None, nothing to do.
    const contacts = jobs.map((job): QueuedContact | null =>
      job.contactEnc
        ? { kind: job.contactKind as ContactKind, normalized: decrypt(ctx.keys, job.contactEnc) }
        : null,
    );
    const accounts = await findAccountsByContacts(
      tx,
      contacts.filter((contact) => contact !== null),
    );
    const accountOf = (contact: QueuedContact) =>
      accounts.get(`${contact.kind}:${contact.normalized}`) ?? null;
    const plans = jobs.map((job, i) => {
      const contact = contacts[i];
      if (!contact) return [];
      return diagnose({
        account: accountOf(contact),
        contactKind: contact.kind,
        purpose: job.purpose,
        channel: job.channel,
        now,
      });
    });
    // Once a day per mailbox for an unknown address: its tagged variants (`x+1@…`, `x+2@…`) share
    // the one notice, and so do two requests of this batch.
    const noticeKey = (i: number) => {
      const contact = contacts[i]!;
      const mailbox = contact.kind === 'email' ? mailboxOf(contact.normalized) : contact.normalized;
      return `notice:${mailbox === contact.normalized ? jobs[i].contactKey : contactKey(ctx.keys, mailbox)}`;
    };
    const needNotice = jobs
      .map((_, i) => i)
      .filter((i) => contacts[i] !== null && !accountOf(contacts[i]!) && plans[i].length > 0);
    const allowed = await takeOncePerEach(
      tx,
      needNotice.map(noticeKey),
      now,
      ctx.config.security.unknownEmailNoticeSeconds,
    );
    for (const i of needNotice) {
      if (allowed.has(noticeKey(i))) allowed.delete(noticeKey(i));
      else plans[i] = [];
    }
    const orders: MessageOrder[] = [];
    jobs.forEach((job, i) => {
      const contact = contacts[i];
      if (!contact) return;
      const account = accountOf(contact);
      for (const message of plans[i]) {
        // A username is not an address: its messages go to the email on file.
        const to =
          message.to === 'contact'
            ? { kind: contact.kind, value: contact.normalized, key: job.contactKey }
            : { kind: 'email' as const, value: account!.email!, key: contactKey(ctx.keys, account!.email!) };
        orders.push({
          template: message.template,
          channel: message.channel,
          locale: job.locale as Locale,
          to,
          account,
          // Secrets are bound to the contact the worker typed (the one they will verify with).
          boundTo: { contact: contact.normalized, key: job.contactKey },
          helpRequestId: job.id,
          note: message.template === 'login-code' ? message.note : undefined,
          now,
        });
      }
    });
    const claimed = await queueMessages(tx, ctx, orders, claim);
    const outcomes = jobs.map((_, i) => {
      const contact = contacts[i];
      if (!contact) return 'invalid-contact';
      if (plans[i].length) return plans[i].map((message) => message.template).join('+');
      return accountOf(contact) ? 'nothing' : 'unknown-contact';
    });
    const v = columnRows([
      ['id', 'uuid', jobs.map((job) => job.id)],
      ['outcome', 'text', outcomes],
    ]);
    await tx.execute(
      sql`update ${helpRequests} set status = 'done', processed_at = ${now.toISOString()}::timestamptz, contact_enc = null, outcome = v.outcome from (${v}) as v where ${helpRequests.id} = v.id`,
    );
    return { processed: jobs.length, claimed, oldestWaitedMs: now.getTime() - jobs[0].createdAt.getTime() };
  });
}

/**
 * The last help request queued so far (0 when none is): a bound for a worker pass that is to
 * handle only the requests already waiting when it was scheduled.
 */
export async function queuedUpTo(ctx: ServiceContext): Promise<number> {
  const [row] = await ctx.db
    .select({ seq: maxOf(helpRequests.seq) })
    .from(helpRequests)
    .where(eq(helpRequests.status, 'queued'));
  return Number(row?.seq ?? 0);
}

/**
 * Drains the queue (at most `max` requests, up to `upToSeq` when given): how many requests were processed, and how far behind the queue is
 * (`lagMs`: how long the oldest request of the last batch had waited when others were still
 * queued behind it; 0 once a batch emptied the queue). `afterBatch` gets each committed batch's
 * claimed messages (see {@link processHelpRequestBatch}) before the next batch.
 */
export async function processHelpRequests(
  ctx: ServiceContext,
  options: {
    max: number;
    upToSeq?: number;
    claim?: () => ClaimOnQueue;
    afterBatch?: (claimed: ClaimedDelivery[]) => Promise<unknown>;
  },
): Promise<{ processed: number; lagMs: number }> {
  const { max } = options;
  let processed = 0;
  let lagMs = 0;
  while (processed < max) {
    const limit = Math.min(PROCESS_BATCH, max - processed);
    const batch = await processHelpRequestBatch(ctx, limit, options.claim?.(), options.upToSeq);
    // A batch that took fewer than it could emptied the queue.
    lagMs = batch.processed === limit ? batch.oldestWaitedMs : 0;
    if (batch.processed === 0) break;
    processed += batch.processed;
    if (batch.claimed.length) await options.afterBatch?.(batch.claimed);
  }
  return { processed, lagMs };
}
