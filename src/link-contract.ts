/**
 * The link contract of PRODUCT.md: support agents send these URLs to customers, so they may not move
 * (a moved page keeps a redirect). The same paths exist under `/fr/`. The content check and the
 * end-to-end tests read this list.
 */
export const LINK_CONTRACT = [
  '/',
  '/docs/workers/login/',
  '/docs/workers/login/sms-code',
  '/docs/workers/login/email-login',
  '/docs/workers/login/code-not-received',
  '/docs/workers/login/code-rejected',
  '/docs/workers/login/forgot-password',
  '/docs/workers/login/login-link',
  '/docs/workers/login/account-locked',
  '/docs/workers/login/confirmation-email',
  '/docs/workers/login/email-already-used',
  '/docs/workers/login/invalid-credentials',
  '/docs/workers/login/account-deactivated',
  '/docs/workers/login/single-sign-on',
  '/docs/workers/login/update-app',
  '/docs/employers/worker-cannot-log-in',
  '/troubleshoot',
  '/support/links',
  '/support/lookup',
] as const;

export type ContractPath = (typeof LINK_CONTRACT)[number];

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** The URL of a contract page in a locale: French lives under `/fr/`. */
export function localizedPath(path: string, locale: Locale): string {
  if (locale === 'en') return path;
  return path === '/' ? '/fr/' : `/fr${path}`;
}
