import { COMMENT_MAX } from '../../shared/feedback';
import { z } from '@hono/zod-openapi';
import {
  CHANNELS,
  DEACTIVATION_REASONS,
  FEEDBACK_KINDS,
  FEEDBACK_REASONS,
  LOGIN_METHODS,
  RECEIPT_STATES,
} from '../db/schema';
import { LOCALES } from '../../shared/locale';
import { ContactField, CountryField, LocaleField } from './schemas';

// Schemas of the support tools (staff token) and of the anonymous feedback endpoints.

const CONTACT_KIND = z.enum(['email', 'phone', 'username']);
const ACCOUNT_STATUS = z.enum(['active', 'invited', 'locked', 'unconfirmed', 'deactivated']);
const date = z.string().openapi({ description: 'ISO date-time.', example: '2030-01-15T14:00:00.000Z' });

export const AgentSession = z
  .object({ agent: z.string().openapi({ example: 'Dev Agent' }) })
  .openapi('SupportSession');

export const AccountLookupBody = z
  .object({ contact: ContactField, country: CountryField, locale: LocaleField })
  .openapi('AccountLookup');

const LOCALE = z.enum(LOCALES);

export const AuditEntry = z.object({
  id: z.string().openapi({ description: 'The entry’s id: the cursor of the next page.' }),
  at: date,
  actor: z.string().openapi({ description: '`support:<agent>`, `worker`, `app`, `employer` or `system`.' }),
  action: z.string(),
  details: z.record(z.string(), z.unknown()).openapi({ description: 'The cause and what changed.' }),
});

export const SupportAccount = z
  .object({
    id: z.string().openapi({ description: 'Account id (UUID), for the actions.' }),
    name: z.string(),
    status: ACCOUNT_STATUS.openapi({ description: 'The most pressing state, as the worker experiences it.' }),
    storedStatus: z.enum(['invited', 'active', 'deactivated']),
    locked: z.boolean(),
    lockedAt: date.nullable(),
    lockedUntil: date.nullable().openapi({ description: 'Null while locked means until unlocked.' }),
    failedAttempts: z.number().int(),
    emailConfirmed: z.boolean(),
    deactivationReason: z.enum(DEACTIVATION_REASONS).nullable(),
    contacts: z
      .object({
        email: z.string().nullable(),
        phone: z.string().nullable(),
        username: z.string().nullable(),
        smsEligible: z.boolean(),
      })
      .openapi({ description: 'The contacts on file, masked.' }),
    language: z
      .object({
        locale: LOCALE.nullable(),
        source: z.enum(['profile', 'help-request']).nullable(),
      })
      .openapi({ description: 'The worker’s language: their profile’s, else their latest help request’s.' }),
    loginMethod: z.enum(LOGIN_METHODS),
    ssoProvider: z.string().nullable(),
    loginWith: z.object({ kind: CONTACT_KIND, masked: z.string() }),
    codesBy: z
      .enum(CHANNELS)
      .nullable()
      .openapi({ description: 'Where login codes reach the worker today (code login); null when none can.' }),
    employers: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        loginMethod: z.enum(LOGIN_METHODS),
        active: z.boolean().openapi({ description: 'False once the employer stopped using the platform.' }),
        primary: z.boolean(),
      }),
    ),
    mergedInto: z.object({ id: z.string(), name: z.string(), loginWith: z.string() }).nullable(),
    mergedFrom: z.array(z.object({ id: z.string(), name: z.string(), email: z.string().nullable() })),
    codeChecks: z
      .array(
        z.object({
          kind: CONTACT_KIND,
          masked: z.string(),
          state: z.enum(['open', 'cooling-down', 'blocked']),
          until: date.nullable(),
        }),
      )
      .openapi({
        description: 'Whether codes sent to each contact can be checked (after too many wrong ones).',
      }),
    lastLoginAt: date.nullable(),
    createdAt: date,
    helpRequests: z.array(
      z.object({
        at: date,
        via: z.string().openapi({ description: 'The contact the request named, masked.' }),
        purpose: z.string(),
        channel: z.enum(CHANNELS),
        locale: z.string(),
        status: z.string(),
        outcome: z.string().nullable(),
        result: z
          .enum(['queued', 'sent', 'nothing-sent', 'cooling-down', 'limit-reached', 'refused'])
          .openapi({ description: 'What came of it; refused ones are kept too.' }),
        refusal: z
          .string()
          .nullable()
          .openapi({ description: 'Why the input alone refused it (`sms-unavailable`, `email-required`…).' }),
        messages: z.array(z.string()).openapi({ description: 'The messages it sent (templates).' }),
      }),
    ),
    nextHelpRequests: z
      .array(z.object({ kind: CONTACT_KIND, masked: z.string(), at: date.nullable() }))
      .openapi({ description: 'Per contact, when a help request is accepted again; null: now.' }),
    deliveries: z.array(
      z.object({
        at: date,
        channel: z.enum(CHANNELS),
        template: z.string(),
        locale: z.string(),
        recipient: z.string().openapi({ description: 'Masked.' }),
        status: z.string(),
        attempts: z.number().int(),
        sentAt: date.nullable(),
        receipt: z
          .object({
            state: z.enum(RECEIPT_STATES).openapi({
              description:
                '`delivered`; `undelivered` (the carrier could not deliver it); `failed` (the provider gave up on it).',
            }),
            reason: z.string().nullable().openapi({
              description:
                'Why, when not delivered: `unreachable`, `unknown-number`, `landline`, `carrier-filtered`, `blocked`, `opted-out`, `unknown-error`, `error <provider code>`, or an adapter’s own words.',
            }),
            at: date,
          })
          .nullable()
          .openapi({ description: 'The provider’s delivery receipt, once recorded; null until then.' }),
      }),
    ),
    auditLog: z
      .array(AuditEntry)
      .openapi({ description: 'State changes and actions, newest first; look-ups are apart (`lookups`).' }),
    auditNext: z
      .string()
      .nullable()
      .openapi({ description: 'Cursor of the older entries (`GET accounts/{id}/audit-entries`).' }),
    lookups: z
      .object({ count: z.number().int(), lastAt: date.nullable(), lastBy: z.string().nullable() })
      .openapi({ description: 'Support’s look-ups of the account, collapsed.' }),
    actions: z.object({
      resendInvitation: z.boolean(),
      unlock: z.boolean(),
      temporaryAccessCode: z.boolean(),
      temporaryAccessCodeRefusal: z
        .enum(['several-employers', 'account-deactivated', 'single-sign-on-account'])
        .nullable(),
      releaseEmail: z.boolean(),
      loginHelp: z
        .object({
          template: z.enum(['password-reset-link', 'login-link', 'login-code']),
          channel: z.enum(CHANNELS),
          recipient: z.string().openapi({ description: 'Masked.' }),
          links: z
            .record(LOCALE, z.string())
            .openapi({ description: 'The troubleshooter page that gets it, per language, to send instead.' }),
        })
        .nullable()
        .openapi({ description: 'What lets the worker log in again by themselves (`POST …/login-help`).' }),
    }),
  })
  .openapi('SupportAccount');

export const AccountResponse = z.object({ account: SupportAccount }).openapi('SupportAccountResponse');

export const AccountIdParam = z.object({
  accountId: z
    .uuid()
    .openapi({ param: { name: 'accountId', in: 'path' }, example: '6f1c2b1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b' }),
});

export const InvitationBody = z
  .object({
    locale: LocaleField.openapi({ description: 'Language of the invitation message: `en` or `fr`.' }),
  })
  .openapi('InvitationResend');

export const AuditQuery = z.object({
  kind: z
    .enum(['changes', 'lookups'])
    .optional()
    .openapi({
      param: { name: 'kind', in: 'query' },
      description: 'State changes and actions (default), or look-ups.',
    }),
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional()
    .openapi({ param: { name: 'before', in: 'query' }, description: 'The cursor a previous page gave.' }),
});

export const AuditResponse = z
  .object({ entries: z.array(AuditEntry), next: z.string().nullable() })
  .openapi('SupportAuditPage');

export const InvitationResponse = AccountResponse.extend({
  channel: z.enum(CHANNELS),
  recipient: z.string().openapi({ description: 'Masked.' }),
}).openapi('InvitationResent');

export const AccessCodeResponse = AccountResponse.extend({
  code: z.string().openapi({ description: 'Shown once; only its HMAC is stored.', example: 'K7M2-Q9XT' }),
  expiresAt: date,
}).openapi('TemporaryAccessCode');

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .openapi({ description: 'A day, `YYYY-MM-DD` (UTC), included.' });

export const ReportQuery = z.object({
  from: day.openapi({ param: { name: 'from', in: 'query' }, example: '2030-01-01' }),
  to: day.openapi({ param: { name: 'to', in: 'query' }, example: '2030-01-31' }),
});

const StepRuns = z.object({
  runs: z.number().int().openapi({ description: 'Runs started in the period.' }),
  steps: z.array(
    z.object({
      step: z.string(),
      reached: z.number().int(),
      lastStep: z.number().int().openapi({ description: 'Runs that stopped at this step.' }),
    }),
  ),
});

export const ReportResponse = z
  .object({
    from: date,
    to: date.openapi({ description: 'Exclusive end.' }),
    helpfulness: z.array(
      z.object({
        kind: z.enum(FEEDBACK_KINDS),
        target: z.string(),
        locale: z.enum(['en', 'fr']),
        yes: z.number().int(),
        no: z.number().int(),
        reasons: z.record(z.string(), z.number().int()),
      }),
    ),
    comments: z.array(
      z.object({
        at: date,
        kind: z.enum(FEEDBACK_KINDS),
        target: z.string(),
        locale: z.enum(['en', 'fr']),
        reasons: z.array(z.enum(FEEDBACK_REASONS)),
        comment: z.string(),
      }),
    ),
    troubleshooter: StepRuns,
    troubleshooterByLocale: z
      .record(LOCALE, StepRuns)
      .openapi({ description: 'The same per language of the run (the one it started in).' }),
    helpfulnessByWeek: z
      .array(
        z.object({
          week: z.string().openapi({ description: 'Its Monday, `YYYY-MM-DD` (UTC).', example: '2030-01-14' }),
          kind: z.enum(FEEDBACK_KINDS),
          yes: z.number().int(),
          no: z.number().int(),
        }),
      )
      .openapi({ description: 'Answers per week and kind, oldest first: the trend.' }),
  })
  .openapi('SupportReport');

const PAGE_ID = /^[a-z0-9]+(?:[-/_][a-z0-9]+)*$/;

export const FeedbackBody = z
  .object({
    kind: z.enum(FEEDBACK_KINDS),
    target: z.string().max(200).regex(PAGE_ID).openapi({
      description: 'The article’s doc id, or the troubleshooter step id.',
      example: 'workers/login/account-locked',
    }),
    helpful: z.boolean(),
    reasons: z
      .array(z.enum(FEEDBACK_REASONS))
      .max(FEEDBACK_REASONS.length)
      .optional()
      .openapi({ description: 'Why it did not help (with `helpful: false`).' }),
    comment: z
      .string()
      .max(4000)
      .nullable()
      .optional()
      .openapi({ description: `At most ${COMMENT_MAX} characters, with \`helpful: false\`.` }),
    locale: LocaleField,
  })
  .openapi('Feedback');

export const RecordedResponse = z.object({ status: z.literal('recorded') }).openapi('Recorded');

export const EventResponse = z
  .object({ status: z.enum(['recorded', 'ignored']) })
  .openapi('TroubleshooterEventRecorded');

export const TroubleshooterEventBody = z
  .object({
    runId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,64}$/)
      .openapi({ description: 'A random id the page makes for one run; never tied to a person.' }),
    step: z
      .string()
      .max(64)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      .openapi({ example: 'code-not-received' }),
    locale: LocaleField,
  })
  .openapi('TroubleshooterEvent');
