/**
 * The worker help endpoints the troubleshooter and the account pages call: the public rules, contact
 * checks, help requests, code verification and the account status a verified code opens. Each
 * answers the {@link Outcome} of {@link call}; every type here is inferred from the server's routes.
 */
import type { InferRequestType } from 'hono/client';
import type { Locale } from '../../shared/locale';
import { api, call, type OkData, type Outcome } from './client';

/**
 * A refusal that means no usable API answered: a route this client is typed against and the server
 * does not know (an older deployment, a static host's catch-all). The worker cannot fix that.
 */
function reachable<T>(outcome: Outcome<T>): Outcome<T> {
  return outcome.type === 'refused' && (outcome.code === 'not-found' || outcome.code === 'method-not-allowed')
    ? { type: 'unreachable' }
    : outcome;
}

export type HelpRequestBody = InferRequestType<(typeof api.v1)['help-requests']['$post']>['json'];
export type Channel = NonNullable<HelpRequestBody['channel']>;

export interface HelpRequestInput {
  contact: string;
  purpose: HelpRequestBody['purpose'];
  channel: Channel | null;
  locale: Locale;
}

/** The rules the API enforces (code digits, guesses per code, resend interval…); cacheable 5 minutes. */
export const fetchPolicy = (input: { locale: Locale }, signal?: AbortSignal) =>
  call((options) => api.v1.policy.$get({}, options), { locale: input.locale, signal }).then(reachable);

/** What the input alone says about a contact, and how screens show it (`masked`). */
export const checkContact = (input: { contact: string; locale: Locale }, signal?: AbortSignal) =>
  call(
    (options) =>
      api.v1['contact-checks'].$post({ json: { contact: input.contact, locale: input.locale } }, options),
    { locale: input.locale, signal },
  ).then(reachable);

/** Sends a code or a link if the contact is on file; the 202 says when another send is accepted. */
export const requestHelp = (input: HelpRequestInput, signal?: AbortSignal) => {
  const json: HelpRequestBody = {
    contact: input.contact,
    purpose: input.purpose,
    locale: input.locale,
    ...(input.channel ? { channel: input.channel } : {}),
  };
  return call((options) => api.v1['help-requests'].$post({ json }, options), {
    locale: input.locale,
    signal,
  }).then(reachable);
};

/** Checks a code the worker received; a right one opens a short session on the account's status. */
export const verifyCode = (input: { contact: string; code: string; locale: Locale }, signal?: AbortSignal) =>
  call(
    (options) =>
      api.v1['code-verifications'].$post(
        { json: { contact: input.contact, code: input.code, locale: input.locale } },
        options,
      ),
    { locale: input.locale, signal },
  ).then(reachable);

/** The account status again, with the session token of a verified code (`401 invalid-session` once it expired). */
export const fetchAccountStatus = (input: { token: string; locale: Locale }, signal?: AbortSignal) =>
  call((options) => api.v1['account-status'].$get({}, options), {
    locale: input.locale,
    token: input.token,
    signal,
  }).then(reachable);

export type PolicyOutcome = Awaited<ReturnType<typeof fetchPolicy>>;
export type CheckOutcome = Awaited<ReturnType<typeof checkContact>>;
export type HelpRequestOutcome = Awaited<ReturnType<typeof requestHelp>>;
export type VerifyOutcome = Awaited<ReturnType<typeof verifyCode>>;
export type StatusOutcome = Awaited<ReturnType<typeof fetchAccountStatus>>;

export type Policy = OkData<PolicyOutcome>;
export type ContactCheck = OkData<CheckOutcome>;
export type HelpRequestAccepted = OkData<HelpRequestOutcome>;
export type Session = OkData<VerifyOutcome>;
/** What the API tells about an account once the worker proved they hold the contact. */
export type AccountView = Session['account'];
