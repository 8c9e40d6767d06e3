/**
 * The support API (`/api/v1/support/*`, staff token) on the one typed client: the answers' types
 * are the server routes' own (inferred), so a field the server renames breaks the build here.
 */
import type { InferRequestType } from 'hono/client';
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
  notices: (token: string, locale: Locale) =>
    call((options) => support['service-notices'].$get({}, options), { locale, token }),
  publishNotice: (token: string, locale: Locale, notice: NoticeInput) =>
    call((options) => support['service-notices'].$post({ json: notice }, options), { locale, token }),
  endNotice: (token: string, locale: Locale, noticeId: string) =>
    call(
      (options) =>
        support['service-notices'][':noticeId'].endings.$post(
          { param: { noticeId: encodeURIComponent(noticeId) } },
          options,
        ),
      { locale, token },
    ),
};

/** What an agent publishes: the notice in both languages, its channel, its end (ISO). */
export type NoticeInput = InferRequestType<(typeof support)['service-notices']['$post']>['json'];

/** What a successful `supportApi[name]` call answers. */
type Answer<K extends keyof typeof supportApi> = Extract<
  Awaited<ReturnType<(typeof supportApi)[K]>>,
  { type: 'ok' }
>['data'];

/** An account as the lookup and every action answer it. */
export type SupportAccount = Answer<'lookUp'>['account'];
export type SupportReport = Answer<'report'>;
export type AuditPage = Answer<'auditEntries'>;
export type NoticeBoard = Answer<'notices'>;
export type SupportNotice = NoticeBoard['recent'][number];
export type AccountStatus = SupportAccount['status'];
export type LoginMethod = SupportAccount['loginMethod'];

/** A 401: the token expired or was revoked, so the page signs the agent out and says why. */
export const isUnauthorized = (outcome: Outcome<unknown>): boolean =>
  outcome.type === 'refused' && outcome.status === 401;
