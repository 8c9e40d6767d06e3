/**
 * The support API (`/api/v1/support/*`, staff token) on the one typed client: the answers' types
 * are the server routes' own (inferred), so a field the server renames breaks the build here.
 */
import type { Locale } from '@site/shared/locale';
import type { PhoneCountry } from '@site/shared/phone-countries';
import { api, call, type Outcome } from '../api/client';

const support = api.v1.support;

// The client puts path parameters in the URL as they are.
const param = (accountId: string) => ({ param: { accountId: encodeURIComponent(accountId) } });

export const supportApi = {
  session: (token: string, locale: Locale) =>
    call((options) => support.session.$get({}, options), { locale, token }),
  lookUp: (token: string, locale: Locale, contact: string, country: PhoneCountry) =>
    call((options) => support['account-lookups'].$post({ json: { contact, country, locale } }, options), {
      locale,
      token,
    }),
  auditEntries: (
    token: string,
    locale: Locale,
    accountId: string,
    query: { kind: 'changes' | 'lookups'; before?: string },
  ) =>
    call(
      (options) =>
        support.accounts[':accountId']['audit-entries'].$get({ ...param(accountId), query }, options),
      { locale, token },
    ),
  sendLoginHelp: (token: string, locale: Locale, accountId: string, messageLocale: Locale) =>
    call(
      (options) =>
        support.accounts[':accountId']['login-help'].$post(
          { ...param(accountId), json: { locale: messageLocale } },
          options,
        ),
      { locale, token },
    ),
  resendInvitation: (token: string, locale: Locale, accountId: string, messageLocale: Locale) =>
    call(
      (options) =>
        support.accounts[':accountId']['invitation-resends'].$post(
          { ...param(accountId), json: { locale: messageLocale } },
          options,
        ),
      { locale, token },
    ),
  unlock: (token: string, locale: Locale, accountId: string) =>
    call((options) => support.accounts[':accountId'].unlocks.$post(param(accountId), options), {
      locale,
      token,
    }),
  issueAccessCode: (token: string, locale: Locale, accountId: string) =>
    call(
      (options) => support.accounts[':accountId']['temporary-access-codes'].$post(param(accountId), options),
      { locale, token },
    ),
  releaseEmail: (token: string, locale: Locale, accountId: string) =>
    call((options) => support.accounts[':accountId']['email-releases'].$post(param(accountId), options), {
      locale,
      token,
    }),
  report: (token: string, locale: Locale, from: string, to: string) =>
    call((options) => support.reports.$get({ query: { from, to } }, options), { locale, token }),
};

/** What a successful `supportApi[name]` call answers. */
type Answer<K extends keyof typeof supportApi> = Extract<
  Awaited<ReturnType<(typeof supportApi)[K]>>,
  { type: 'ok' }
>['data'];

/** An account as the lookup and every action answer it. */
export type SupportAccount = Answer<'lookUp'>['account'];
export type SupportReport = Answer<'report'>;
export type AuditPage = Answer<'auditEntries'>;
export type AccountStatus = SupportAccount['status'];
export type LoginMethod = SupportAccount['loginMethod'];

/** A 401: the token expired or was revoked, so the page signs the agent out and says why. */
export const isUnauthorized = (outcome: Outcome<unknown>): boolean =>
  outcome.type === 'refused' && outcome.status === 401;
