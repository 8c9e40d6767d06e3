/**
 * The sentences the emails share, in English and French: greetings, the notes of a login code, how
 * to log in, why an account is deactivated, and what the link at the end of each message is for.
 * The templates (templates.ts) put them together.
 */
import type { Locale } from '../../shared/locale';
import type { MessageVars } from './templates';

/** The employer's name, or "Your employer" / « Votre employeur » (a sentence starts with it). */
export function employerLabel(vars: Pick<MessageVars, 'employerName'>, locale: Locale): string {
  return vars.employerName ?? (locale === 'fr' ? 'Votre employeur' : 'Your employer');
}

export const EN = {
  hello: (v: MessageVars) => (v.firstName ? `Hello ${v.firstName},` : 'Hello,'),
  ignore: 'If you did not ask for this, you can ignore this message.',
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
      `This account was merged with another ${v.brand.productName} account of yours and is no longer active: log in with the other one. If you need this email address on it, write to support (${v.brand.supportEmail}): they can release it.`,
    'removed-by-employer': (v: MessageVars) =>
      `Your access to this account was removed by your employer${v.employerName ? `, ${v.employerName}` : ''}. If you think this is a mistake, ask them to reactivate it.`,
    'employer-left': (v: MessageVars) =>
      `This account is closed: ${v.employerName ?? 'your employer'} no longer uses ${v.brand.productName}. Write to support (${v.brand.supportEmail}): they will see what can be done, for example when another employer invites you.`,
    unknown: () => 'This account is deactivated.',
  },
  next: {
    code: 'Code refused or expired? See what to do:',
    link: 'Link expired or not working? See what to do:',
    reset: 'Link expired, or new password refused? See what to do:',
    account: 'What to do now:',
    sso: 'Still cannot log in? See what to do:',
  },
};

export const FR: typeof EN = {
  hello: (v) => (v.firstName ? `Bonjour ${v.firstName},` : 'Bonjour,'),
  ignore: 'Si vous n’avez rien demandé, ignorez ce message.',
  note: {
    invited: (v) =>
      `Bienvenue ! ${employerLabel(v, 'fr')} vous invite à utiliser ${v.brand.productName}. Utilisez ce code pour votre première connexion.`,
    'not-locked': () =>
      'Vous avez demandé à déverrouiller votre compte, mais il n’est pas verrouillé : vous pouvez vous connecter avec ce code.',
    'no-password': () =>
      'Vous avez demandé à réinitialiser un mot de passe, mais votre compte n’en utilise pas : vous vous connectez avec un code comme celui-ci.',
    'already-confirmed': () =>
      'Votre adresse courriel est déjà confirmée : connectez-vous simplement. Voici un code au besoin.',
  },
  method: {
    password: (v) =>
      v.username
        ? `Dans l’application, vous vous connectez avec votre nom d’utilisateur « ${v.username} » et votre mot de passe (votre adresse courriel sert seulement à recevoir des messages).`
        : 'Dans l’application, vous vous connectez avec votre adresse courriel et votre mot de passe.',
    sso: (v) =>
      `${employerLabel(v, 'fr')} utilise l’authentification unique : dans l’application, choisissez de vous connecter avec le compte de votre entreprise.`,
  },
  reason: {
    merged: (v) =>
      `Ce compte a été fusionné avec un autre de vos comptes ${v.brand.productName} et n’est plus actif : connectez-vous avec l’autre. S’il vous faut cette adresse courriel sur l’autre compte, écrivez au soutien (${v.brand.supportEmail}) : il peut la libérer.`,
    'removed-by-employer': (v) =>
      `${employerLabel(v, 'fr')} a retiré votre accès à ce compte. S’il s’agit d’une erreur, demandez-lui de le réactiver.`,
    'employer-left': (v) =>
      `Ce compte est fermé : ${v.employerName ?? 'votre employeur'} n’utilise plus ${v.brand.productName}. Écrivez au soutien (${v.brand.supportEmail}) : il verra ce qui est possible, par exemple si un autre employeur vous invite.`,
    unknown: () => 'Ce compte est désactivé.',
  },
  next: {
    code: 'Code refusé ou expiré ? Voici quoi faire :',
    link: 'Lien expiré ou qui ne fonctionne pas ? Voici quoi faire :',
    reset: 'Lien expiré, ou nouveau mot de passe refusé ? Voici quoi faire :',
    account: 'Que faire maintenant :',
    sso: 'Toujours impossible de vous connecter ? Voici quoi faire :',
  },
};
