import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  bigserial,
} from 'drizzle-orm/pg-core';
import type { FeedbackReason } from '../../shared/feedback';

export { FEEDBACK_REASONS, type FeedbackReason } from '../../shared/feedback';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const LOGIN_METHODS = ['code', 'password', 'sso'] as const;
export type LoginMethod = (typeof LOGIN_METHODS)[number];

export const ACCOUNT_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type StoredAccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const DEACTIVATION_REASONS = ['merged', 'removed-by-employer', 'employer-left'] as const;
export type DeactivationReason = (typeof DEACTIVATION_REASONS)[number];

/** What a help request asks for; also the purpose of the code or token it issues. */
export const PURPOSES = ['login-code', 'unlock', 'confirmation', 'password-reset', 'login-link'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const CHANNELS = ['sms', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'uncertain'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * A provider's final word on a sent message (its delivery receipt): it reached the phone, the
 * carrier could not deliver it, or the provider itself gave up on it.
 */
export const RECEIPT_STATES = ['delivered', 'undelivered', 'failed'] as const;
export type ReceiptState = (typeof RECEIPT_STATES)[number];

/** What a support notice is about: one channel, or every message. */
export const NOTICE_CHANNELS = ['sms', 'email', 'all'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((value) => `'${value}'`).join(', ')})`);

export const employers = pgTable(
  'employers',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    loginMethod: text('login_method').$type<LoginMethod>().notNull(),
    ssoProvider: text('sso_provider'),
    /** False once the employer stopped using the platform. */
    active: boolean('active').notNull().default(true),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  () => [check('employers_login_method_check', oneOf('login_method', LOGIN_METHODS))],
);

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** Normalized: NFKC, trimmed, lowercase. */
    email: text('email'),
    /** E.164. */
    phone: text('phone'),
    /** Lowercase; only accounts that log in with a username have one. */
    username: text('username'),
    status: text('status').$type<StoredAccountStatus>().notNull(),
    emailConfirmed: boolean('email_confirmed').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    /** Set while the account is locked; `locked_until` null means until unlocked. */
    lockedAt: at('locked_at'),
    lockedUntil: at('locked_until'),
    deactivationReason: text('deactivation_reason').$type<DeactivationReason>(),
    mergedIntoAccountId: uuid('merged_into_account_id'),
    passwordHash: text('password_hash'),
    /** The language of the worker's profile (`en`, `fr`), as their employer set it; null when unknown. */
    locale: text('locale'),
    lastLoginAt: at('last_login_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accounts_email_key').on(t.email),
    uniqueIndex('accounts_phone_key').on(t.phone),
    uniqueIndex('accounts_username_key').on(t.username),
    check('accounts_status_check', oneOf('status', ACCOUNT_STATUSES)),
    check(
      'accounts_deactivation_reason_check',
      sql`deactivation_reason is null or ${oneOf('deactivation_reason', DEACTIVATION_REASONS)}`,
    ),
  ],
);

export const accountEmployers = pgTable(
  'account_employers',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    employerId: text('employer_id')
      .notNull()
      .references(() => employers.id, { onDelete: 'cascade' }),
    isPrimary: boolean('is_primary').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.employerId] })],
);

/** Codes and link tokens: only their HMAC is stored, never the value. */
export const oneTimeSecrets = pgTable(
  'one_time_secrets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose').$type<Purpose>().notNull(),
    contactKey: text('contact_key').notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    hash: text('hash').notNull(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    usedAt: at('used_at'),
    voidedAt: at('voided_at'),
  },
  (t) => [
    uniqueIndex('one_time_secrets_hash_key').on(t.hash),
    index('one_time_secrets_contact_idx').on(t.contactKey, t.purpose, t.createdAt),
    check('one_time_secrets_purpose_check', oneOf('purpose', PURPOSES)),
  ],
);

/** Short-lived sessions opened by a correct code or a one-time login link. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    contactKey: text('contact_key').notNull(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    revokedAt: at('revoked_at'),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash)],
);

/**
 * Accepted help requests, queued for the worker: the HTTP answer never depends on whether the
 * contact is on file. The contact is kept encrypted only until the request is processed.
 */
export const helpRequests = pgTable(
  'help_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Arrival order (timestamps can tie). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    createdAt: at('created_at').notNull(),
    contactKey: text('contact_key').notNull(),
    contactEnc: text('contact_enc'),
    contactKind: text('contact_kind').notNull(),
    purpose: text('purpose').$type<Purpose>().notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    locale: text('locale').notNull(),
    requestId: text('request_id'),
    /** `refused`: held back by a limit or by what the input alone shows (outcome says which). */
    status: text('status').$type<'queued' | 'done' | 'refused'>().notNull().default('queued'),
    processedAt: at('processed_at'),
    outcome: text('outcome'),
  },
  (t) => [
    // Only the queued ones: the worker's claim reads them in order and stops at its batch, and
    // marking a request done takes it out of the index instead of adding an entry.
    index('help_requests_queued_idx')
      .on(t.seq)
      .where(sql`${t.status} = 'queued'`),
    index('help_requests_contact_idx').on(t.contactKey, t.createdAt),
  ],
);

/** The outbox: every outgoing message, delivered by the background worker with retries. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Creation order (timestamps can tie). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    createdAt: at('created_at').notNull(),
    helpRequestId: uuid('help_request_id').references(() => helpRequests.id, { onDelete: 'set null' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    contactKey: text('contact_key').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    recipientMasked: text('recipient_masked').notNull(),
    /** AES-256-GCM of the recipient and message; erased after delivery in production. */
    payloadEnc: text('payload_enc'),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull(),
    leaseUntil: at('lease_until'),
    sentAt: at('sent_at'),
    transport: text('transport'),
    providerMessageId: text('provider_message_id'),
    lastError: text('last_error'),
    /** The provider's delivery receipt (SMS): its final state, its reason when not delivered, when. */
    receiptState: text('receipt_state').$type<ReceiptState>(),
    receiptReason: text('receipt_reason'),
    receiptAt: at('receipt_at'),
  },
  (t) => [
    // Only the messages waiting to be sent, and those being sent (their leases are checked).
    index('deliveries_pending_idx')
      .on(t.nextAttemptAt, t.seq)
      .where(sql`${t.status} = 'pending'`),
    index('deliveries_sending_idx')
      .on(t.leaseUntil)
      .where(sql`${t.status} = 'sending'`),
    index('deliveries_contact_idx').on(t.contactKey, t.createdAt),
    // Channel health reads the last minutes of each channel; receipts find their message by the provider's id.
    index('deliveries_channel_created_idx').on(t.channel, t.createdAt),
    index('deliveries_provider_message_idx').on(t.providerMessageId),
    check('deliveries_status_check', oneOf('status', DELIVERY_STATUSES)),
    check(
      'deliveries_receipt_state_check',
      sql`receipt_state is null or ${oneOf('receipt_state', RECEIPT_STATES)}`,
    ),
  ],
);

/**
 * Counters for cool-downs and limits, keyed by a purpose prefix and an HMAC of the contact or
 * client address (never the value itself).
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    /** Epoch milliseconds of recent events, for sliding windows. */
    hits: jsonb('hits').$type<number[]>().notNull().default([]),
    count: integer('count').notNull().default(0),
    windowStart: at('window_start'),
    level: integer('level').notNull().default(0),
    blockedUntil: at('blocked_until'),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('rate_limits_expires_idx').on(t.expiresAt)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: at('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_log_account_idx').on(t.accountId, t.at)],
);

export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** What "Was this helpful?" is about: an article (doc id) or a troubleshooter end step (step id). */
export const FEEDBACK_KINDS = ['article', 'troubleshooter'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** Anonymous answers to "Was this helpful?": no contact, no address, no identifier of the reader. */
export const feedback = pgTable(
  'feedback',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: at('at').notNull(),
    kind: text('kind').$type<FeedbackKind>().notNull(),
    target: text('target').notNull(),
    locale: text('locale').notNull(),
    helpful: boolean('helpful').notNull(),
    reasons: jsonb('reasons').$type<FeedbackReason[]>().notNull().default([]),
    comment: text('comment'),
  },
  (t) => [
    index('feedback_at_idx').on(t.at),
    check('feedback_kind_check', oneOf('kind', FEEDBACK_KINDS)),
    check('feedback_comment_length_check', sql`char_length(comment) <= 500`),
  ],
);

/**
 * The steps troubleshooter runs went through, for drop-off reports. A run is a random id the page
 * makes; nothing links it to a contact or an account.
 */
export const troubleshooterEvents = pgTable(
  'troubleshooter_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: at('at').notNull(),
    runId: text('run_id').notNull(),
    step: text('step').notNull(),
    locale: text('locale').notNull(),
  },
  (t) => [
    index('troubleshooter_events_at_idx').on(t.at),
    index('troubleshooter_events_run_idx').on(t.runId, t.id),
  ],
);

/** Temporary access codes support gives a worker over the phone: only their HMAC is stored. */
export const temporaryAccessCodes = pgTable(
  'temporary_access_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    hash: text('hash').notNull(),
    issuedBy: text('issued_by').notNull(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    voidedAt: at('voided_at'),
  },
  (t) => [
    uniqueIndex('temporary_access_codes_hash_key').on(t.hash),
    index('temporary_access_codes_account_idx').on(t.accountId, t.createdAt),
  ],
);

/**
 * Searches on the help center, for the people who write the articles: the query as normalized
 * and stripped of contacts and codes (server/services/search-events.ts), its language, how many
 * results it had and the article opened. Nothing about the reader.
 */
export const searchEvents = pgTable(
  'search_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: at('at').notNull(),
    locale: text('locale').notNull(),
    query: text('query').notNull(),
    results: integer('results').notNull(),
    opened: text('opened'),
  },
  (t) => [
    index('search_events_at_idx').on(t.at),
    check('search_events_query_length_check', sql`char_length(query) <= 100`),
  ],
);

/**
 * Notices support writes for workers while messages have trouble (English and French, a channel,
 * an end): shown by the public service status until `ends_at`, or until an agent ends it sooner.
 */
export const serviceNotices = pgTable(
  'service_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    createdAt: at('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    channel: text('channel').$type<NoticeChannel>().notNull(),
    textEn: text('text_en').notNull(),
    textFr: text('text_fr').notNull(),
    endsAt: at('ends_at').notNull(),
    endedAt: at('ended_at'),
    endedBy: text('ended_by'),
  },
  (t) => [
    index('service_notices_ends_idx').on(t.endsAt),
    check('service_notices_channel_check', oneOf('channel', NOTICE_CHANNELS)),
  ],
);
