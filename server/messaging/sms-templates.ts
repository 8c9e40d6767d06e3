import type { DeactivationReason } from '../db/schema';
import type { Locale } from '../../shared/locale';
import { continuationUrl } from './continuations';
import type { MessageVars, Template } from './templates';

/** One segment of GSM-7 text. */
export const SMS_MAX_LENGTH = 160;

const minutes = (v: MessageVars) => Math.max(1, Math.round(v.validSeconds / 60));

/**
 * The words of each SMS, before its link. GSM-7 only (one segment): straight apostrophes, no
 * no-break spaces, no ç, ê or ô (é, è, à and É are in it). Short: the link says the rest.
 */
const BODIES: Partial<Record<Template, (v: MessageVars, locale: Locale) => string>> = {
  'login-code': (v, locale) =>
    locale === 'fr'
      ? `${v.brand.productName} : votre code de connexion est ${v.code}, valide ${minutes(v)} min.`
      : `${v.brand.productName}: your login code is ${v.code}. Valid ${minutes(v)} min, works once.`,
  deactivated: (v, locale) => {
    const reason: DeactivationReason | 'unknown' = v.deactivationReason ?? 'unknown';
    const words = {
      en: {
        merged: 'this account was merged with another account. Contact support:',
        'removed-by-employer': 'this account is deactivated (access removed by your employer). Contact them:',
        'employer-left': 'this account is closed because your employer left. Contact support:',
        unknown: 'this account is deactivated. What to do:',
      },
      fr: {
        merged: 'ce compte a été fusionné avec un autre compte. Écrivez au soutien :',
        'removed-by-employer': 'votre employeur a retiré votre accès. Communiquez avec lui :',
        'employer-left': 'ce compte est fermé car votre employeur est parti. Écrivez au soutien :',
        unknown: 'ce compte est désactivé. Que faire :',
      },
    } as const;
    return `${v.brand.productName}${locale === 'fr' ? ' :' : ':'} ${words[locale][reason]}`;
  },
  'locked-notice': (v, locale) =>
    locale === 'fr'
      ? `${v.brand.productName} : votre compte est verrouillé. ${v.hasEmailOnFile ? 'Lien de déverrouillage envoyé par courriel.' : 'Écrivez au soutien.'}`
      : `${v.brand.productName}: your account is locked after too many attempts. ${v.hasEmailOnFile ? 'We emailed you an unlock link.' : 'Contact support.'}`,
};

/**
 * The SMS as sent: its words, the link that continues it, and for a code the WebOTP line, which
 * must come last. The link is left out only when a long brand or host would need a second segment.
 */
export const SMS_RENDERERS: Partial<Record<Template, (v: MessageVars, locale: Locale) => string>> =
  Object.fromEntries(
    Object.entries(BODIES).map(([template, body]) => [
      template,
      (v: MessageVars, locale: Locale) => {
        const words = body(v, locale);
        const next = continuationUrl(v.helpCenterUrl, template as Template, v.deactivationReason ?? null);
        const otp = template === 'login-code' ? `\n\n@${v.host} #${v.code}` : '';
        const whole = `${words}\n${next}${otp}`;
        return whole.length <= SMS_MAX_LENGTH ? whole : `${words}${otp}`;
      },
    ]),
  );
