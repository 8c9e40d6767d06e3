import type { Channel } from '../../db/schema';
import type { Template } from '../../messaging/templates';
import { LOCALES, normalizeLocale, type Locale } from '../../../shared/locale';
import { isSmsEligible, loginMethodOf, type AccountRecord } from '../accounts';
import { maskContact, type ContactKind } from '../contacts';
import type { ServiceContext } from '../context';
import { pageUrl } from '../messages';

// How a worker logs in today, and the help support can send them to log in again on their own
// (the way out for a worker of several employers, to whom no temporary access code may be issued).

/** Where login codes reach the worker today: a `+1` phone by SMS, else the email; null without either. */
export function codesBy(account: AccountRecord): Channel | null {
  if (loginMethodOf(account) !== 'code') return null;
  if (!account.username && account.phone && isSmsEligible(account)) return 'sms';
  return account.email ? 'email' : null;
}

/** The troubleshooter steps a login-help link opens (ids of src/troubleshooter/steps.ts; a test checks them). */
export const LOGIN_HELP_STEPS = {
  'password-reset-link': 'forgot-password',
  'login-link': 'login-link',
  'login-code': 'code-not-received',
} as const satisfies Partial<Record<Template, string>>;

export type LoginHelpTemplate = keyof typeof LOGIN_HELP_STEPS;

export interface LoginHelpPlan {
  template: LoginHelpTemplate;
  channel: Channel;
  kind: ContactKind;
  to: string;
}

/**
 * What lets the worker log in again by themselves: a password reset link for a password, a
 * one-time login link by email for codes (a code by SMS without an email). Nothing for single
 * sign-on (the company's IT) or a deactivated account (its employer).
 */
export function loginHelpPlan(account: AccountRecord): LoginHelpPlan | null {
  if (account.status === 'deactivated') return null;
  const method = loginMethodOf(account);
  if (method === 'sso') return null;
  if (account.email) {
    const template = method === 'password' ? 'password-reset-link' : 'login-link';
    return { template, channel: 'email', kind: 'email', to: account.email };
  }
  if (method === 'code' && account.phone && isSmsEligible(account))
    return { template: 'login-code', channel: 'sms', kind: 'phone', to: account.phone };
  return null;
}

/** The worker's language: their profile's, else the one of their latest help request; null if neither. */
export function workerLanguage(
  profile: string | null,
  latestRequest: string | null,
): { locale: Locale | null; source: 'profile' | 'help-request' | null } {
  const fromProfile = normalizeLocale(profile);
  if (fromProfile) return { locale: fromProfile, source: 'profile' };
  const fromRequest = normalizeLocale(latestRequest);
  if (fromRequest) return { locale: fromRequest, source: 'help-request' };
  return { locale: null, source: null };
}

/**
 * The login help as the view offers it: the message, and the troubleshooter link that gets it,
 * in each language (from the configured public base URL) for the agent to send instead.
 */
export function loginHelpView(ctx: ServiceContext, account: AccountRecord) {
  const plan = loginHelpPlan(account);
  if (!plan) return null;
  const path = `/troubleshoot?step=${LOGIN_HELP_STEPS[plan.template]}`;
  return {
    template: plan.template,
    channel: plan.channel,
    recipient: maskContact(plan.kind, plan.to),
    links: Object.fromEntries(LOCALES.map((locale) => [locale, pageUrl(ctx, locale, path)])) as Record<
      Locale,
      string
    >,
  };
}
