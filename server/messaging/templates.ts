import type { Brand, Rules } from '../config';
import { formatDuration } from '../../shared/durations';
import type { DeactivationReason, LoginMethod } from '../db/schema';
import type { Locale } from '../../shared/locale';

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
  helpCenterUrl: string;
  brand: Brand;
  /** The password rules the reset page enforces. */
  rules: Pick<Rules, 'passwordMinLength'>;
}

type Block = { text: string } | { code: string } | { link: string; label: string };

interface EmailContent {
  subject: string;
  blocks: Block[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const valid = (v: MessageVars, locale: Locale) => formatDuration(v.validSeconds, locale);

function employerLabel(vars: MessageVars, locale: Locale): string {
  return vars.employerName ?? (locale === 'fr' ? 'votre employeur' : 'your employer');
}

const EN = {
  hello: (v: MessageVars) => (v.firstName ? `Hello ${v.firstName},` : 'Hello,'),
  ignore: 'If you did not ask for this, you can ignore this message.',
  help: (v: MessageVars) => `Need more help? ${v.helpCenterUrl}`,
  note: {
    invited: (v: MessageVars) =>
      `Welcome! ${employerLabel(v, 'en')} invited you to ${v.brand.productName}. Use this code to log in for the first time.`,
    'not-locked': () =>
      'You asked to unlock your account, but it is not locked: you can log in with this code.',
    'no-password': () =>
      'You asked to reset a password, but your account does not use one: you log in with a code like this one.',
    'already-confirmed': () =>
      'Your email address is already confirmed: just log in. Here is a code if you need one.',
  },
  method: {
    password: (v: MessageVars) =>
      v.username
        ? `In the app, you log in with your username "${v.username}" and your password (your email address only receives messages).`
        : 'In the app, you log in with your email address and your password.',
    sso: (v: MessageVars) =>
      `${employerLabel(v, 'en')} uses single sign-on: in the app, choose to log in with your company account.`,
  },
  reason: {
    merged: (v: MessageVars) =>
      `This account was merged with another ${v.brand.productName} account of yours and is no longer active. Log in with the other account. If you need this email address on it, contact support (${v.brand.supportEmail}): they can release it.`,
    'removed-by-employer': (v: MessageVars) =>
      `${employerLabel(v, 'en')} removed your access. If you think this is a mistake, contact them.`,
    'employer-left': (v: MessageVars) =>
      `${employerLabel(v, 'en')} no longer uses ${v.brand.productName}, so its accounts were closed. If you work for another company that uses ${v.brand.productName}, ask it to invite you.`,
  },
};

const FR = {
  hello: (v: MessageVars) => (v.firstName ? `Bonjour ${v.firstName},` : 'Bonjour,'),
  ignore: 'Si vous n’avez rien demandé, ignorez ce message.',
  help: (v: MessageVars) => `Besoin d’aide ? ${v.helpCenterUrl}`,
  note: {
    invited: (v: MessageVars) =>
      `Bienvenue ! ${capitalize(employerLabel(v, 'fr'))} vous a invité à utiliser ${v.brand.productName}. Utilisez ce code pour votre première connexion.`,
    'not-locked': () =>
      'Vous avez demandé à déverrouiller votre compte, mais il n’est pas verrouillé : vous pouvez vous connecter avec ce code.',
    'no-password': () =>
      'Vous avez demandé à réinitialiser un mot de passe, mais votre compte n’en utilise pas : vous vous connectez avec un code comme celui-ci.',
    'already-confirmed': () =>
      'Votre adresse courriel est déjà confirmée : connectez-vous simplement. Voici un code au besoin.',
  },
  method: {
    password: (v: MessageVars) =>
      v.username
        ? `Dans l’application, vous vous connectez avec votre nom d’utilisateur « ${v.username} » et votre mot de passe (votre adresse courriel sert seulement à recevoir des messages).`
        : 'Dans l’application, vous vous connectez avec votre adresse courriel et votre mot de passe.',
    sso: (v: MessageVars) =>
      `${capitalize(employerLabel(v, 'fr'))} utilise l’authentification unique : dans l’application, choisissez de vous connecter avec le compte de votre entreprise.`,
  },
  reason: {
    merged: (v: MessageVars) =>
      `Ce compte a été fusionné avec un autre de vos comptes ${v.brand.productName} et n’est plus actif. Connectez-vous avec l’autre compte. S’il vous faut cette adresse courriel sur l’autre compte, écrivez au soutien (${v.brand.supportEmail}) : il peut la libérer.`,
    'removed-by-employer': (v: MessageVars) =>
      `${capitalize(employerLabel(v, 'fr'))} a retiré votre accès. S’il s’agit d’une erreur, communiquez avec lui.`,
    'employer-left': (v: MessageVars) =>
      `${capitalize(employerLabel(v, 'fr'))} n’utilise plus ${v.brand.productName} : ses comptes ont été fermés. Si vous travaillez pour une autre entreprise qui utilise ${v.brand.productName}, demandez-lui de vous inviter.`,
  },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function methodHint(v: MessageVars, locale: Locale): Block[] {
  const strings = locale === 'fr' ? FR : EN;
  if (v.loginMethod === 'password') return [{ text: strings.method.password(v) }];
  if (v.loginMethod === 'sso') return [{ text: strings.method.sso(v) }];
  return [];
}

const emailTemplates: Partial<Record<Template, (v: MessageVars, locale: Locale) => EmailContent>> = {
  'login-code': (v, locale) => {
    const s = locale === 'fr' ? FR : EN;
    const note = v.note ? [{ text: s.note[v.note](v) }] : [];
    return locale === 'fr'
      ? {
          subject: `${v.code} est votre code de connexion ${v.brand.productName}`,
          blocks: [
            ...note,
            { text: 'Votre code de connexion :' },
            { code: v.code! },
            {
              text: `Il est valide ${valid(v, locale)} et ne sert qu’une fois. Si vous avez demandé plusieurs codes, seul le plus récent fonctionne. Ne le communiquez à personne.`,
            },
            ...methodHint(v, locale),
          ],
        }
      : {
          subject: `${v.code} is your ${v.brand.productName} login code`,
          blocks: [
            ...note,
            { text: 'Your login code:' },
            { code: v.code! },
            {
              text: `It is valid for ${valid(v, locale)} and works once. If you asked for several codes, only the newest one works. Never share it.`,
            },
            ...methodHint(v, locale),
          ],
        };
  },
  'unlock-link': (v, locale) =>
    locale === 'fr'
      ? {
          subject: `Déverrouillez votre compte ${v.brand.productName}`,
          blocks: [
            { text: 'Votre compte a été verrouillé après trop de tentatives de connexion infructueuses.' },
            { link: v.link!, label: 'Déverrouiller mon compte' },
            { text: `Ce lien est valide ${valid(v, locale)} et ne sert qu’une fois.` },
          ],
        }
      : {
          subject: `Unlock your ${v.brand.productName} account`,
          blocks: [
            { text: 'Your account was locked after too many failed login attempts.' },
            { link: v.link!, label: 'Unlock my account' },
            { text: `This link is valid for ${valid(v, locale)} and works once.` },
          ],
        },
  'confirmation-link': (v, locale) =>
    locale === 'fr'
      ? {
          subject: `Confirmez votre adresse courriel pour ${v.brand.productName}`,
          blocks: [
            { text: 'Confirmez votre adresse courriel pour pouvoir vous connecter.' },
            { link: v.link!, label: 'Confirmer mon adresse' },
            { text: `Ce lien est valide ${valid(v, locale)} et ne sert qu’une fois.` },
          ],
        }
      : {
          subject: `Confirm your email address for ${v.brand.productName}`,
          blocks: [
            { text: 'Confirm your email address so you can log in.' },
            { link: v.link!, label: 'Confirm my address' },
            { text: `This link is valid for ${valid(v, locale)} and works once.` },
          ],
        },
  'password-reset-link': (v, locale) =>
    locale === 'fr'
      ? {
          subject: `Réinitialisez votre mot de passe ${v.brand.productName}`,
          blocks: [
            { text: 'Choisissez un nouveau mot de passe avec ce lien :' },
            { link: v.link!, label: 'Choisir un nouveau mot de passe' },
            {
              text: `Ce lien est valide ${valid(v, locale)} et ne sert qu’une fois. Le mot de passe doit compter au moins ${v.rules.passwordMinLength} caractères, ne pas être un mot de passe courant et ne contenir ni votre nom d’utilisateur ni votre adresse courriel. Si votre compte était verrouillé, il sera aussi déverrouillé.`,
            },
            ...methodHint({ ...v, loginMethod: 'password' }, locale),
          ],
        }
      : {
          subject: `Reset your ${v.brand.productName} password`,
          blocks: [
            { text: 'Choose a new password with this link:' },
            { link: v.link!, label: 'Choose a new password' },
            {
              text: `This link is valid for ${valid(v, locale)} and works once. Your password needs at least ${v.rules.passwordMinLength} characters, must not be a common password, and must not contain your username or your email address. If your account was locked, this also unlocks it.`,
            },
            ...methodHint({ ...v, loginMethod: 'password' }, locale),
          ],
        },
  'login-link': (v, locale) =>
    locale === 'fr'
      ? {
          subject: `Votre lien de connexion à usage unique pour ${v.brand.productName}`,
          blocks: [
            { text: 'Connectez-vous sans mot de passe avec ce lien :' },
            { link: v.link!, label: 'Me connecter' },
            { text: `Ce lien est valide ${valid(v, locale)} et ne sert qu’une fois.` },
          ],
        }
      : {
          subject: `Your one-time login link for ${v.brand.productName}`,
          blocks: [
            { text: 'Log in without a password with this link:' },
            { link: v.link!, label: 'Log me in' },
            { text: `This link is valid for ${valid(v, locale)} and works once.` },
          ],
        },
  deactivated: (v, locale) => {
    const s = locale === 'fr' ? FR : EN;
    const reason = s.reason[v.deactivationReason ?? 'removed-by-employer'](v);
    return locale === 'fr'
      ? {
          subject: `Votre compte ${v.brand.productName} est désactivé`,
          blocks: [{ text: reason }, { text: 'Aucun code ne peut être envoyé pour ce compte.' }],
        }
      : {
          subject: `Your ${v.brand.productName} account is deactivated`,
          blocks: [{ text: reason }, { text: 'No code can be sent for this account.' }],
        };
  },
  'sso-notice': (v, locale) =>
    locale === 'fr'
      ? {
          subject: `Comment vous connecter à ${v.brand.productName}`,
          blocks: [
            {
              text: `${capitalize(employerLabel(v, 'fr'))} utilise l’authentification unique : vous vous connectez avec le compte de votre entreprise, sans mot de passe ${v.brand.productName}. Dans l’application, choisissez de vous connecter avec le compte de votre entreprise.`,
            },
            {
              text: 'Mot de passe d’entreprise oublié ? Communiquez avec le soutien informatique de votre entreprise.',
            },
          ],
        }
      : {
          subject: `How to log in to ${v.brand.productName}`,
          blocks: [
            {
              text: `${employerLabel(v, 'en')} uses single sign-on: you log in with your company account, not with a ${v.brand.productName} password. In the app, choose to log in with your company account.`,
            },
            { text: 'Forgot your company password? Contact your company’s IT support.' },
          ],
        },
  'no-account': (v, locale) =>
    locale === 'fr'
      ? {
          subject: `Votre demande d’aide pour ${v.brand.productName}`,
          blocks: [
            {
              text: `Quelqu’un (sans doute vous) a demandé de l’aide pour se connecter à ${v.brand.productName} avec cette adresse courriel, mais aucun compte ne l’utilise.`,
            },
            {
              text: 'Les comptes sont créés par les employeurs : demandez à votre employeur de vous inviter, ou de vérifier l’adresse courriel qu’il a à votre dossier.',
            },
          ],
        }
      : {
          subject: `Your help request for ${v.brand.productName}`,
          blocks: [
            {
              text: `Someone (probably you) asked for help logging in to ${v.brand.productName} with this email address, but no account uses it.`,
            },
            {
              text: 'Accounts are created by employers: ask your employer to invite you, or to check which email address they have on file for you.',
            },
          ],
        },
};

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/** An email in the recipient's language, as plain text and HTML built from the same blocks. */
export function renderEmail(template: Template, locale: Locale, vars: MessageVars): RenderedEmail {
  const render = emailTemplates[template];
  if (!render) throw new Error(`Unknown email template ${template}`);
  const s = locale === 'fr' ? FR : EN;
  const content = render(vars, locale);
  const typo = (text: string) => (locale === 'fr' ? frenchTypography(text) : text);
  const blocks: Block[] = [
    { text: s.hello(vars) },
    ...content.blocks,
    { text: s.ignore },
    { text: s.help(vars) },
  ];
  const text = blocks
    .map((block) => ('code' in block ? block.code : 'link' in block ? block.link : typo(block.text)))
    .join('\n\n');
  const htmlBlocks = blocks
    .map((block) => {
      if ('code' in block) {
        return `<p style="font-size:28px;font-weight:bold;letter-spacing:4px;margin:16px 0">${escapeHtml(block.code)}</p>`;
      }
      if ('link' in block) {
        const href = escapeHtml(block.link);
        return `<p><a href="${href}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(typo(block.label))}</a></p><p style="font-size:13px;color:#4b5563">${escapeHtml(block.link)}</p>`;
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

const minutes = (v: MessageVars) => Math.max(1, Math.round(v.validSeconds / 60));

// SMS: GSM-7 only (one 160-character segment), so straight apostrophes and no no-break spaces.
const smsTemplates: Partial<Record<Template, (v: MessageVars, locale: Locale) => string>> = {
  'login-code': (v, locale) =>
    locale === 'fr'
      ? `${v.brand.productName} : votre code de connexion est ${v.code}. Valide ${minutes(v)} min, une seule fois. Ne le partagez pas.\n\n@${v.host} #${v.code}`
      : `${v.brand.productName}: your login code is ${v.code}. Valid ${minutes(v)} min, works once. Never share it.\n\n@${v.host} #${v.code}`,
  deactivated: (v, locale) => {
    const reasons = {
      en: {
        merged: 'merged with another account',
        'removed-by-employer': 'access removed by your employer',
        'employer-left': 'your employer left the platform',
      },
      fr: {
        merged: 'fusionné avec un autre compte',
        'removed-by-employer': 'accès retiré par votre employeur',
        'employer-left': 'votre employeur a quitté la plateforme',
      },
    };
    const reason = reasons[locale][v.deactivationReason ?? 'removed-by-employer'];
    return locale === 'fr'
      ? `${v.brand.productName} : ce compte est désactivé (${reason}). Aucun code ne sera envoyé. Contactez votre employeur.`
      : `${v.brand.productName}: this account is deactivated (${reason}). No code can be sent. Contact your employer.`;
  },
  'locked-notice': (v, locale) =>
    locale === 'fr'
      ? `${v.brand.productName} : votre compte est verrouillé après trop de tentatives. ${v.hasEmailOnFile ? 'Le lien de déverrouillage a été envoyé à votre courriel.' : 'Contactez votre employeur.'}`
      : `${v.brand.productName}: your account is locked after too many attempts. ${v.hasEmailOnFile ? 'We emailed you an unlock link.' : 'Contact your employer.'}`,
};

/** A one-segment SMS; a code SMS ends with the WebOTP line `@host #code`. */
export function renderSms(template: Template, locale: Locale, vars: MessageVars): string {
  const render = smsTemplates[template];
  if (!render) throw new Error(`Unknown SMS template ${template}`);
  return render(vars, locale);
}

export const SMS_TEMPLATES = Object.keys(smsTemplates) as Template[];
export const EMAIL_TEMPLATES = Object.keys(emailTemplates) as Template[];
