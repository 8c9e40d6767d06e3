import { z } from '@hono/zod-openapi';
import { PHONE_COUNTRY_CODES } from '../../shared/phone-countries';
import { CHANNELS, DEACTIVATION_REASONS, LOGIN_METHODS, PURPOSES } from '../db/schema';
import { INVALID_REASONS } from '../services/contacts';

// The zod schemas that validate requests are the ones the OpenAPI document is generated from.

export const LocaleField = z.string().max(64).optional().openapi({
  description: 'Language of messages and errors: `en` or `fr` (else Accept-Language, else `en`).',
  example: 'fr',
});

export const ContactField = z.string().max(2000).openapi({
  description: 'Email address, mobile phone number or username, as typed.',
  example: '+1 514 555 0101',
});

export const CountryField = z.enum(PHONE_COUNTRY_CODES).optional().openapi({
  description:
    'The country of a phone number typed without its country code: `NA` (Canada, the United States: the default) or an ISO 3166 region such as `FR`. A number that reads as North American stays one whatever the country.',
  example: 'FR',
});

export const ContactCheckRequest = z
  .object({ contact: ContactField, country: CountryField, locale: LocaleField })
  .openapi('ContactCheckRequest');

export const ContactCheckResponse = z
  .object({
    kind: z.enum(['email', 'phone', 'username', 'invalid']),
    normalized: z
      .string()
      .nullable()
      .openapi({ description: 'Lowercased email or E.164 phone.', example: '+15145550101' }),
    masked: z.string().nullable().openapi({
      description: 'The contact as screens show it (most of it hidden); null when invalid.',
      example: '+1 •••-•••-0101',
    }),
    smsEligible: z.boolean().openapi({ description: 'A `+1` number: a code can go by SMS.' }),
    suggestion: z.string().nullable().openapi({
      description: 'The likely intended email when the domain looks mistyped.',
      example: 'sam@gmail.com',
    }),
    reason: z.enum(INVALID_REASONS).nullable(),
    message: z.string().nullable().openapi({ description: 'Why the input is invalid, for people.' }),
  })
  .openapi('ContactCheck');

export const HelpRequestBody = z
  .object({
    contact: ContactField,
    purpose: z.enum(PURPOSES).openapi({ description: 'What the worker asks for.' }),
    channel: z
      .enum(CHANNELS)
      .optional()
      .openapi({ description: 'Defaults to SMS for a phone, email otherwise.' }),
    locale: LocaleField,
  })
  .openapi('HelpRequest');

export const HelpRequestAccepted = z
  .object({
    status: z.literal('sent-if-on-file'),
    retryAfterSeconds: z
      .number()
      .int()
      .openapi({ description: 'Seconds before another request for this contact is accepted.', example: 60 }),
    expiresInSeconds: z
      .number()
      .int()
      .openapi({ description: 'How long a code or link sent now stays valid.', example: 600 }),
  })
  .openapi('HelpRequestAccepted');

export const AccountView = z
  .object({
    status: z.enum(['active', 'invited', 'locked', 'unconfirmed', 'deactivated']),
    loginMethod: z.enum(LOGIN_METHODS),
    smsEligible: z.boolean().openapi({ description: 'The phone on file is a `+1` number.' }),
    emailOnFile: z.boolean(),
    emailConfirmed: z.boolean(),
    loginWith: z
      .object({
        kind: z.enum(['email', 'phone', 'username']),
        masked: z.string().openapi({ example: 'd•••••e' }),
      })
      .openapi({ description: 'The identifier to log in with, masked.' }),
    deactivationReason: z.enum(DEACTIVATION_REASONS).nullable(),
    locked: z.boolean(),
    lockedUntil: z
      .string()
      .nullable()
      .openapi({ description: 'ISO date; null while locked means until unlocked.' }),
    employerName: z.string().nullable(),
    employerCount: z.number().int(),
  })
  .openapi('AccountView');

export const CodeVerificationBody = z
  .object({
    contact: ContactField,
    code: z.string().max(100).openapi({ example: '123456' }),
    locale: LocaleField,
  })
  .openapi('CodeVerification');

export const SessionResponse = z
  .object({
    sessionToken: z.string().openapi({ description: 'Bearer token for `GET /api/v1/account-status`.' }),
    expiresInSeconds: z.number().int(),
    account: AccountView,
  })
  .openapi('Session');

export const AccountStatusResponse = z
  .object({ account: AccountView, expiresInSeconds: z.number().int() })
  .openapi('AccountStatus');

export const TokenBody = z
  .object({
    token: z.string().max(200).openapi({ description: 'From the link’s fragment (`#token=…`).' }),
    locale: LocaleField,
  })
  .openapi('LinkToken');

export const PasswordResetBody = z
  .object({
    token: z.string().max(200),
    password: z
      .string()
      .max(4096)
      .openapi({ description: 'At least 10 characters, not common, not the username or email.' }),
    locale: LocaleField,
  })
  .openapi('PasswordReset');

export const LoginLinkResponse = SessionResponse.extend({
  continueUrl: z
    .string()
    .nullable()
    .openapi({ description: 'Where to continue in the app, when configured.' }),
}).openapi('LoginLinkSession');
