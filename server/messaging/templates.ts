import type { Brand, Rules } from '../config';
import { formatDuration } from '../../shared/durations';
import type { DeactivationReason, LoginMethod } from '../db/schema';
import type { Locale } from '../../shared/locale';
import { continuationUrl } from './continuations';
import { EN, FR, employerLabel } from './email-texts';
import { SMS_RENDERERS } from './sms-templates';

/** French typography: a no-break space before : ; ? ! and inside « » (never in URLs: no space there). */
export function frenchTypography(text: string): string {
  return text.replace(/ ([:;?!»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}

/** Every message the API can send. */
export type Template =
  | 'login-code'
  | 'unlock-link'
  | 'confirmation-link'
  | 'password-reset-link'
  | 'login-link'
  | 'deactivated'
  | 'sso-notice'
  | 'locked-notice'
  | 'no-account';

/** Why a login code message says more than "here is your code". */
export type CodeNote = 'invited' | 'not-locked' | 'no-password' | 'already-confirmed' | null;

export interface MessageVars {
  firstName: string | null;
  code?: string;
  link?: string;
  /** How long the code or link stays valid. */
  validSeconds: number;
  note?: CodeNote;
  loginMethod?: LoginMethod;
  username?: string | null;
  employerName?: string | null;
  deactivationReason?: DeactivationReason | null;
  hasEmailOnFile?: boolean;
  /** The host of the public base URL, for the WebOTP line of an SMS. */
  host: string;
  /** The help center's home in the message's language, from the configured base URL (ends with `/`). */
  helpCenterUrl: string;
  brand: Brand;
  /** The password rules the reset page enforces. */
  rules: Pick<Rules, 'passwordMinLength'>;
}

type Block =
  { text: string } | { code: string } | { link: string; label: string } | { next: string; label: string };

interface EmailContent {
  subject: string;
  blocks: Block[];
  /** Says what the link at the end of the message is for. */
  next: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const valid = (v: MessageVars, locale: Locale) => formatDuration(v.validSeconds, locale);

const strings = (locale: Locale) => (locale === 'fr' ? FR : EN);

function methodHint(v: MessageVars, locale: Locale): Block[] {
  if (v.loginMethod === 'password') return [{ text: strings(locale).method.password(v) }];
  if (v.loginMethod === 'sso') return [{ text: strings(locale).method.sso(v) }];
  return [];
}

const emailTemplates: Partial<Record<Template, (v: MessageVars, locale: Locale) => EmailContent>> = {
  'login-code': (v, locale) => {
    const s = strings(locale);
    const note = v.note ? [{ text: s.note[v.note](v) }] : [];
    return locale === 'fr'
      ? {
          subject: `${v.code} est votre code de connexion ${v.brand.productName}`,
          blocks: [
            ...note,
            { text: 'Votre code de connexion :' },
            { code: v.code! },
            {
              text: `Il est valide ${valid(v, locale)} et ne sert qu’une fois. Si vous avez demandé plusieurs codes, seul le plus récent fonctionne : chaque nouveau code annule les précédents. Ne le communiquez à personne.`,
            },
            ...methodHint(v, locale),
          ],
          next: s.next.code,
        }
      : {
          subject: `${v.code} is your ${v.brand.productName} login code`,
          blocks: [
            ...note,
            { text: 'Your login code:' },
            { code: v.code! },
            {
              text: `It is valid for ${valid(v, locale)} and works once. If you asked for several codes, only the newest one works: each new code cancels the earlier ones. Never share it.`,
            },
            ...methodHint(v, locale),
          ],
          next: s.next.code,
        };
  },
  'unlock-link': (v, locale) =>
    locale === 'fr'
      ? {
          subject: `Déverrouillez votre compte ${v.brand.productName}`,
          blocks: [
            { text: 'Votre compte est verrouillé après trop de tentatives de connexion échouées.' },
            { link: v.link!, label: 'Déverrouiller mon compte' },
            { text: `Ce lien ne sert qu’une fois, pendant ${valid(v, locale)}.` },
          ],
          next: FR.next.link,
        }
      : {
          subject: `Unlock your ${v.brand.productName} account`,
          blocks: [
            { text: 'Your account is locked after too many failed login attempts.' },
            { link: v.link!, label: 'Unlock my account' },
            { text: `This link works once, for ${valid(v, locale)}.` },
          ],
          next: EN.next.link,
        },
  'confirmation-link': (v, locale) =>
    locale === 'fr'
      ? {
          subject: `Confirmez votre adresse courriel pour ${v.brand.productName}`,
          blocks: [
            { text: 'Confirmez votre adresse courriel pour pouvoir vous connecter.' },
            { link: v.link!, label: 'Confirmer mon adresse' },
            { text: `Ce lien ne sert qu’une fois, pendant ${valid(v, locale)}.` },
          ],
          next: FR.next.link,
        }
      : {
          subject: `Confirm your email address for ${v.brand.productName}`,
          blocks: [
            { text: 'Confirm your email address so you can log in.' },
            { link: v.link!, label: 'Confirm my address' },
            { text: `This link works once, for ${valid(v, locale)}.` },
          ],
          next: EN.next.link,
        },
  'password-reset-link': (v, locale) =>
    locale === 'fr'
      ? {
          subject: `Réinitialisez votre mot de passe ${v.brand.productName}`,
          blocks: [
            { text: 'Choisissez un nouveau mot de passe avec ce lien :' },
            { link: v.link!, label: 'Choisir un nouveau mot de passe' },
            {
              text: `Ce lien ne sert qu’une fois, pendant ${valid(v, locale)}. Le mot de passe doit compter au moins ${v.rules.passwordMinLength} caractères, ne pas être un mot de passe courant et ne contenir ni votre nom d’utilisateur ni votre adresse courriel. Si votre compte était verrouillé, il sera aussi déverrouillé.`,
            },
            ...methodHint({ ...v, loginMethod: 'password' }, locale),
          ],
          next: FR.next.reset,
        }
      : {
          subject: `Reset your ${v.brand.productName} password`,
          blocks: [
            { text: 'Choose a new password with this link:' },
            { link: v.link!, label: 'Choose a new password' },
            {
              text: `This link works once, for ${valid(v, locale)}. Your password needs at least ${v.rules.passwordMinLength} characters, must not be a common password, and must not contain your username or your email address. If your account was locked, this also unlocks it.`,
            },
            ...methodHint({ ...v, loginMethod: 'password' }, locale),
          ],
          next: EN.next.reset,
        },
  'login-link': (v, locale) =>
    locale === 'fr'
      ? {
          subject: `Votre lien de connexion à usage unique pour ${v.brand.productName}`,
          blocks: [
            { text: 'Connectez-vous sans mot de passe avec ce lien :' },
            { link: v.link!, label: 'Me connecter' },
            { text: `Ce lien ne sert qu’une fois, pendant ${valid(v, locale)}.` },
          ],
          next: FR.next.link,
        }
      : {
          subject: `Your one-time login link for ${v.brand.productName}`,
          blocks: [
            { text: 'Log in without a password with this link:' },
            { link: v.link!, label: 'Log me in' },
            { text: `This link works once, for ${valid(v, locale)}.` },
          ],
          next: EN.next.link,
        },
  deactivated: (v, locale) => {
    const s = strings(locale);
    const reason = s.reason[v.deactivationReason ?? 'unknown'](v);
    return locale === 'fr'
      ? {
          subject: `Votre compte ${v.brand.productName} est désactivé`,
          blocks: [{ text: reason }, { text: 'Aucun code ne peut être envoyé pour ce compte.' }],
          next: s.next.account,
        }
      : {
          subject: `Your ${v.brand.productName} account is deactivated`,
          blocks: [{ text: reason }, { text: 'No code can be sent for this account.' }],
          next: s.next.account,
        };
  },
  'sso-notice': (v, locale) =>
    locale === 'fr'
      ? {
          subject: `Comment vous connecter à ${v.brand.productName}`,
          blocks: [
            {
              text: `${employerLabel(v, 'fr')} utilise l’authentification unique : vous vous connectez avec le compte de votre entreprise, sans mot de passe ${v.brand.productName}. Dans l’application, choisissez de vous connecter avec le compte de votre entreprise.`,
            },
            {
              text: 'Mot de passe d’entreprise oublié ? Le service informatique de votre entreprise peut le réinitialiser.',
            },
          ],
          next: FR.next.sso,
        }
      : {
          subject: `How to log in to ${v.brand.productName}`,
          blocks: [
            {
              text: `${employerLabel(v, 'en')} uses single sign-on: you log in with your company account, not with a ${v.brand.productName} password. In the app, choose to log in with your company account.`,
            },
            { text: 'Forgot your company password? Your company’s IT department can reset it.' },
          ],
          next: EN.next.sso,
        },
  'no-account': (v, locale) =>
    locale === 'fr'
      ? {
          subject: `Votre demande d’aide pour ${v.brand.productName}`,
          blocks: [
            {
              text: `Quelqu’un, sans doute vous, a demandé de l’aide pour se connecter à ${v.brand.productName} avec cette adresse courriel, mais aucun compte ne l’utilise.`,
            },
            {
              text: 'Ce sont les employeurs qui créent les comptes : demandez au vôtre de vous inviter, ou de vérifier l’adresse courriel qu’il a à votre dossier.',
            },
          ],
          next: FR.next.account,
        }
      : {
          subject: `Your help request for ${v.brand.productName}`,
          blocks: [
            {
              text: `Someone, probably you, asked for help logging in to ${v.brand.productName} with this email address, but no account uses it.`,
            },
            {
              text: 'Accounts are created by employers: ask yours to invite you, or to check which email address they have on file for you.',
            },
          ],
          next: EN.next.account,
        },
};

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

const LINK_STYLE =
  'display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold';

/**
 * An email in the recipient's language, as plain text and HTML built from the same blocks. It ends
 * with the link to the troubleshooter step that continues it (continuations.ts).
 */
export function renderEmail(template: Template, locale: Locale, vars: MessageVars): RenderedEmail {
  const render = emailTemplates[template];
  if (!render) throw new Error(`Unknown email template ${template}`);
  const content = render(vars, locale);
  const typo = (text: string) => (locale === 'fr' ? frenchTypography(text) : text);
  const blocks: Block[] = [
    { text: strings(locale).hello(vars) },
    ...content.blocks,
    { text: strings(locale).ignore },
    {
      next: continuationUrl(vars.helpCenterUrl, template, vars.deactivationReason ?? null),
      label: content.next,
    },
  ];
  const text = blocks
    .map((block) =>
      'code' in block
        ? block.code
        : 'next' in block
          ? `${typo(block.label)}\n${block.next}`
          : 'link' in block
            ? block.link
            : typo(block.text),
    )
    .join('\n\n');
  const htmlBlocks = blocks
    .map((block) => {
      if ('code' in block) {
        return `<p style="font-size:28px;font-weight:bold;letter-spacing:4px;margin:16px 0">${escapeHtml(block.code)}</p>`;
      }
      if ('next' in block) {
        const href = escapeHtml(block.next);
        return `<p style="margin-top:24px;overflow-wrap:anywhere">${escapeHtml(typo(block.label))}<br><a href="${href}">${href}</a></p>`;
      }
      if ('link' in block) {
        const href = escapeHtml(block.link);
        return `<p><a href="${href}" style="${LINK_STYLE}">${escapeHtml(typo(block.label))}</a></p><p style="font-size:13px;color:#4b5563;overflow-wrap:anywhere">${href}</p>`;
      }
      return `<p>${escapeHtml(typo(block.text))}</p>`;
    })
    .join('\n');
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(typo(content.subject))}</title></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:16px;line-height:1.5;color:#111827;max-width:560px;margin:0 auto;padding:24px">
${htmlBlocks}
</body></html>`;
  return { subject: typo(content.subject), text, html };
}

/** A one-segment SMS; a code SMS ends with the WebOTP line `@host #code`. */
export function renderSms(template: Template, locale: Locale, vars: MessageVars): string {
  const render = SMS_RENDERERS[template];
  if (!render) throw new Error(`Unknown SMS template ${template}`);
  return render(vars, locale);
}

export const SMS_TEMPLATES = Object.keys(SMS_RENDERERS) as Template[];
export const EMAIL_TEMPLATES = Object.keys(emailTemplates) as Template[];
