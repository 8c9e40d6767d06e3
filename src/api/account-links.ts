/**
 * The endpoints the pages of emailed links call: each redeems the link's token (single use) and
 * answers the {@link Outcome} of {@link call}, its success type inferred from the server's route.
 */
import type { Locale } from '../../shared/locale';
import { api, call } from './client';

export interface LinkInput {
  /** From the link's fragment (`#token=…`), never sent in a URL. */
  token: string;
  locale: Locale;
}

export const redeemUnlock = (input: LinkInput) =>
  call((options) => api.v1.unlocks.$post({ json: input }, options), { locale: input.locale });

export const redeemEmailConfirmation = (input: LinkInput) =>
  call((options) => api.v1['email-confirmations'].$post({ json: input }, options), { locale: input.locale });

export const redeemLoginLink = (input: LinkInput) =>
  call((options) => api.v1['login-links'].$post({ json: input }, options), { locale: input.locale });

/** A password that breaks a rule is refused with a `password-*` code and leaves the link usable. */
export const resetPassword = (input: LinkInput & { password: string }) =>
  call((options) => api.v1['password-resets'].$post({ json: input }, options), { locale: input.locale });
