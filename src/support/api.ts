/**
 * The support API (`/api/v1/support/*`, staff token) on the one typed client: the answers' types
 * are the server routes' own (inferred), so a field the server renames breaks the build here.
 */
import type { z } from '@hono/zod-openapi';
import type { AccessCodeResponse, InvitationResponse } from '@site/server/routes/support-schemas';
import type { Locale } from '@site/shared/locale';
import { api, call, type Outcome } from '../api/client';

const support = api.v1.support;

// The client puts path parameters in the URL as they are.
const param = (accountId: string) => ({ param: { accountId: encodeURIComponent(accountId) } });

/*
 * hc<AppType> cannot tell the account actions apart yet: server/routes/support.ts builds the unlock
 * and email-release paths from a plain `string`, so every `/accounts/:accountId/*` route is typed as
 * an action with no body that answers `{ account }`. Until those paths stay literal, the invitation's
 * body goes through a variable and the extra fields of these two answers are read from their route
 * schemas; once they are, both bridges are no-ops and can go.
 */
type Extra<Schema extends z.ZodType> = Omit<z.infer<Schema>, 'account'>;
const withExtra =
  <E>() =>
  <T>(outcome: Outcome<T>) =>
    outcome as Outcome<T & E>;

export const supportApi = {
  session: (token: string, locale: Locale) =>
    call((options) => support.session.$get({}, options), { locale, token }),
  lookUp: (token: string, locale: Locale, contact: string) =>
    call((options) => support['account-lookups'].$post({ json: { contact, locale } }, options), {
      locale,
      token,
    }),
  resendInvitation: (token: string, locale: Locale, accountId: string, messageLocale: Locale) => {
    const input = { ...param(accountId), json: { locale: messageLocale } };
    return call((options) => support.accounts[':accountId']['invitation-resends'].$post(input, options), {
      locale,
      token,
    }).then(withExtra<Extra<typeof InvitationResponse>>());
  },
  unlock: (token: string, locale: Locale, accountId: string) =>
    call((options) => support.accounts[':accountId'].unlocks.$post(param(accountId), options), {
      locale,
      token,
    }),
  issueAccessCode: (token: string, locale: Locale, accountId: string) =>
    call(
      (options) => support.accounts[':accountId']['temporary-access-codes'].$post(param(accountId), options),
      { locale, token },
    ).then(withExtra<Extra<typeof AccessCodeResponse>>()),
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
export type AccountStatus = SupportAccount['status'];
export type LoginMethod = SupportAccount['loginMethod'];

/** A 401: the token expired or was revoked, so the page signs the agent out and says why. */
export const isUnauthorized = (outcome: Outcome<unknown>): boolean =>
  outcome.type === 'refused' && outcome.status === 401;
