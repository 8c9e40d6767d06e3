import { z } from '@hono/zod-openapi';
import { LocaleField } from './schemas';

// The search events and their report: the zod schemas the routes validate with and the OpenAPI
// document is generated from.

const DOC_ID = /^[a-z0-9]+(?:[-/_][a-z0-9]+)*$/;

export const SearchEventBody = z
  .object({
    query: z.string().max(1000).openapi({
      description:
        'What the reader typed. Stored normalized (lowercase, NFKC, at most 100 characters) with anything that looks like an email address, a phone number or a code replaced by `[email]`, `[phone]` or `[number]`.',
      example: 'compte suspendu',
    }),
    results: z.number().int().min(0).max(1000).openapi({ description: 'How many results the search had.' }),
    opened: z.string().max(200).regex(DOC_ID).nullable().optional().openapi({
      description: 'The doc id of the article the reader opened from the results, if any.',
      example: 'workers/login/account-deactivated',
    }),
    locale: LocaleField,
  })
  .openapi('SearchEvent');

export const SearchEventResponse = z
  .object({ status: z.enum(['recorded', 'ignored']) })
  .openapi('SearchEventRecorded');

const date = z.string().openapi({ format: 'date-time' });
const queryCount = { query: z.string(), searches: z.number().int() };
const localeReport = z.object({
  searches: z.number().int(),
  opened: z.number().int().openapi({ description: 'Searches whose results someone opened.' }),
  noResults: z
    .array(z.object(queryCount))
    .openapi({ description: 'The most frequent queries that found nothing.' }),
  notOpened: z
    .array(z.object({ ...queryCount, results: z.number().int() }))
    .openapi({ description: 'The most frequent queries whose results nobody opened.' }),
});

export const SearchReportResponse = z
  .object({
    from: date,
    to: date.openapi({ description: 'Exclusive end.' }),
    locales: z.object({ en: localeReport, fr: localeReport }),
  })
  .openapi('SearchReport');
