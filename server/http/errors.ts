import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from '@hono/zod-openapi';
import { frenchTypography } from '../messaging/templates';
import type { InvalidReason } from '../services/contacts';
import { formatWait as wait } from '../../shared/durations';
import type { Locale } from '../../shared/locale';
import type { PasswordProblem } from '../services/passwords';

type Vars = { seconds?: number; field?: string; reason?: InvalidReason; count?: number };
type Message = string | ((vars: Vars) => string);

const contactReasons: Record<Locale, Record<InvalidReason, string>> = {
  en: {
    empty: 'Enter your email address or mobile phone number.',
    'too-long': 'This is too long for an email address or a phone number.',
    'control-characters': 'This contains characters an email address or phone number cannot have.',
    'email-format': 'This email address is not valid. Check it for typos.',
    'phone-format':
      'This phone number is not valid. Include the area code, and the country code if it is outside North America (for example +33).',
    'country-code':
      'This number starts with 0, so it is not North American: add the country code (for example +33), or choose the country.',
    unrecognized: 'Enter a valid email address, mobile phone number or username.',
  },
  fr: {
    empty: 'Entrez votre adresse courriel ou votre numéro de cellulaire.',
    'too-long': 'C’est trop long pour une adresse courriel ou un numéro de téléphone.',
    'control-characters':
      'Cela contient des caractères impossibles dans une adresse courriel ou un numéro de téléphone.',
    'email-format': 'Cette adresse courriel n’est pas valide. Vérifiez qu’il n’y a pas de faute de frappe.',
    'phone-format':
      'Ce numéro de téléphone n’est pas valide. Indiquez l’indicatif régional, et l’indicatif du pays hors de l’Amérique du Nord (par exemple +33).',
    'country-code':
      'Ce numéro commence par 0, il n’est donc pas nord-américain : ajoutez l’indicatif du pays (par exemple +33) ou choisissez le pays.',
    unrecognized: 'Entrez une adresse courriel, un numéro de cellulaire ou un nom d’utilisateur valide.',
  },
};

const MESSAGES = {
  'invalid-json': {
    en: 'The request body is not valid JSON.',
    fr: 'Le corps de la requête n’est pas du JSON valide.',
  },
  'invalid-request': {
    en: (v: Vars) =>
      v.field ? `The field "${v.field}" is missing or not valid.` : 'The request is not valid.',
    fr: (v: Vars) =>
      v.field ? `Le champ « ${v.field} » est absent ou n’est pas valide.` : 'La requête n’est pas valide.',
  },
  'unsupported-media-type': {
    en: 'Send the request body as JSON (Content-Type: application/json).',
    fr: 'Envoyez le corps de la requête en JSON (Content-Type : application/json).',
  },
  'payload-too-large': {
    en: 'The request is too large.',
    fr: 'La requête est trop volumineuse.',
  },
  'bad-request': {
    en: 'The request could not be read. Check its address and headers.',
    fr: 'La requête est illisible. Vérifiez son adresse et ses en-têtes.',
  },
  'headers-too-large': {
    en: 'The request headers are too large.',
    fr: 'Les en-têtes de la requête sont trop volumineux.',
  },
  'request-timeout': {
    en: 'The request took too long to arrive. Send it again.',
    fr: 'La requête a mis trop de temps à arriver. Envoyez-la de nouveau.',
  },
  'request-aborted': {
    en: 'The request was interrupted before it arrived whole. Send it again.',
    fr: 'La requête a été interrompue avant d’arriver en entier. Envoyez-la de nouveau.',
  },
  unauthorized: {
    en: 'A valid token is needed here.',
    fr: 'Un jeton valide est nécessaire ici.',
  },
  'not-found': { en: 'There is nothing at this address.', fr: 'Il n’y a rien à cette adresse.' },
  'method-not-allowed': {
    en: 'This method is not allowed here.',
    fr: 'Cette méthode n’est pas permise ici.',
  },
  'rate-limited': {
    en: (v: Vars) => `Too many requests. Please wait ${wait(v.seconds ?? 60, 'en')} before trying again.`,
    fr: (v: Vars) => `Trop de demandes. Attendez ${wait(v.seconds ?? 60, 'fr')} avant de réessayer.`,
  },
  'invalid-contact': {
    en: (v: Vars) => contactReasons.en[v.reason ?? 'unrecognized'],
    fr: (v: Vars) => contactReasons.fr[v.reason ?? 'unrecognized'],
  },
  'sms-unavailable': {
    en: 'Text messages only go to North American (+1) numbers. Use your email address instead.',
    fr: 'Les textos ne sont envoyés qu’aux numéros nord-américains (+1). Utilisez plutôt votre adresse courriel.',
  },
  'phone-required': {
    en: 'To get a text message, enter your mobile phone number.',
    fr: 'Pour recevoir un texto, entrez votre numéro de cellulaire.',
  },
  'email-required': {
    en: 'This is sent by email: enter the email address your employer has on file.',
    fr: 'Cet envoi se fait par courriel : entrez l’adresse courriel que votre employeur a à votre dossier.',
  },
  'invalid-code-format': {
    en: 'A code has 6 digits.',
    fr: 'Un code compte 6 chiffres.',
  },
  'invalid-or-expired-code': {
    en: 'This code is not valid or has expired. Use the newest code you received, or ask for a new one.',
    fr: 'Ce code n’est pas valide ou a expiré. Utilisez le dernier code reçu, ou demandez-en un nouveau.',
  },
  'verification-blocked': {
    en: 'Too many wrong codes were entered for this contact. Contact support to unblock it.',
    fr: 'Trop de codes erronés ont été saisis pour ce contact. Communiquez avec le soutien pour le débloquer.',
  },
  'invalid-session': {
    en: 'Your verification has expired. Enter a new code to continue.',
    fr: 'Votre vérification a expiré. Entrez un nouveau code pour continuer.',
  },
  'invalid-or-expired-link': {
    en: 'This link is not valid, has expired or was already used. Ask for a new one.',
    fr: 'Ce lien n’est pas valide, a expiré ou a déjà servi. Demandez-en un nouveau.',
  },
  'password-too-short': {
    en: (v: Vars) => `Your password needs at least ${v.count} characters.`,
    fr: (v: Vars) => `Votre mot de passe doit compter au moins ${v.count} caractères.`,
  },
  'password-too-long': {
    en: (v: Vars) => `Your password can have at most ${v.count} characters.`,
    fr: (v: Vars) => `Votre mot de passe peut compter au plus ${v.count} caractères.`,
  },
  'password-too-common': {
    en: 'This password is too common and easy to guess. Choose another one.',
    fr: 'Ce mot de passe est trop courant et facile à deviner. Choisissez-en un autre.',
  },
  'password-contains-identity': {
    en: 'Your password must not contain your username or your email address.',
    fr: 'Votre mot de passe ne doit contenir ni votre nom d’utilisateur ni votre adresse courriel.',
  },
  'not-ready': {
    en: 'The service is starting or cannot reach its database.',
    fr: 'Le service démarre ou n’arrive pas à joindre sa base de données.',
  },
  overloaded: {
    en: 'The service is very busy right now. Please try again in a few seconds.',
    fr: 'Le service est très sollicité en ce moment. Veuillez réessayer dans quelques secondes.',
  },
  'service-unavailable': {
    en: 'The service is temporarily unavailable. Please try again in a moment.',
    fr: 'Le service est momentanément indisponible. Veuillez réessayer dans un instant.',
  },
  'support-unauthorized': {
    en: 'Sign in with a valid support token.',
    fr: 'Connectez-vous avec un jeton de soutien valide.',
  },
  'account-not-found': {
    en: 'No account uses this email address, phone number or username.',
    fr: 'Aucun compte n’utilise cette adresse courriel, ce numéro de téléphone ou ce nom d’utilisateur.',
  },
  'not-invited': {
    en: 'This worker has already accepted the invitation: there is no invitation to resend.',
    fr: 'Cette personne a déjà accepté l’invitation : il n’y a pas d’invitation à renvoyer.',
  },
  'no-contact-on-file': {
    en: 'The account has no email address or North American phone number to send to.',
    fr: 'Le compte n’a ni adresse courriel ni numéro nord-américain où envoyer le message.',
  },
  'not-locked': {
    en: 'This account is not locked and its code checks are not blocked.',
    fr: 'Ce compte n’est pas verrouillé et la vérification de ses codes n’est pas bloquée.',
  },
  'several-employers': {
    en: 'This worker belongs to several employers: a temporary access code cannot be issued. Help them reset their login instead.',
    fr: 'Cette personne travaille pour plusieurs employeurs : impossible d’émettre un code d’accès temporaire. Aidez-la plutôt à réinitialiser sa connexion.',
  },
  'account-deactivated': {
    en: 'This account is deactivated: only its employer can reactivate it.',
    fr: 'Ce compte est désactivé : seul son employeur peut le réactiver.',
  },
  'single-sign-on-account': {
    en: 'This worker logs in with their company’s single sign-on: their company’s IT manages the access.',
    fr: 'Cette personne se connecte avec l’authentification unique de son entreprise : c’est le service informatique de l’entreprise qui gère l’accès.',
  },
  'not-merged': {
    en: 'Only the email address of an account merged into another one can be released.',
    fr: 'Seule l’adresse courriel d’un compte fusionné avec un autre peut être libérée.',
  },
  'no-email-on-file': {
    en: 'This account has no email address to release.',
    fr: 'Ce compte n’a pas d’adresse courriel à libérer.',
  },
  'comment-too-long': {
    en: 'Your comment can have at most 500 characters.',
    fr: 'Votre commentaire peut compter au plus 500 caractères.',
  },
  'no-login-help': {
    en: 'Nothing can be sent for this worker to log in again by themselves: the account is deactivated or on single sign-on, or has no contact that can receive it.',
    fr: 'Rien ne peut être envoyé à cette personne pour qu’elle se reconnecte elle-même : le compte est désactivé ou passe par l’authentification unique, ou n’a aucune coordonnée qui puisse le recevoir.',
  },
  'future-period': {
    en: 'This period ends after today: choose days up to today (dates as YYYY-MM-DD).',
    fr: 'Cette période se termine après aujourd’hui : choisissez des jours jusqu’à aujourd’hui (dates au format AAAA-MM-JJ).',
  },
  'invalid-period': {
    en: 'Choose a period of at most 366 days, its start before its end (dates as YYYY-MM-DD).',
    fr: 'Choisissez une période d’au plus 366 jours, dont le début précède la fin (dates au format AAAA-MM-JJ).',
  },
  'invalid-signature': {
    en: 'This request is not signed by the provider, or not for this address.',
    fr: 'Cette requête n’est pas signée par le fournisseur, ou pas pour cette adresse.',
  },
  'notice-end-invalid': {
    en: 'Choose an end in the future, within 7 days.',
    fr: 'Choisissez une fin dans l’avenir, d’ici 7 jours.',
  },
  'notice-not-active': {
    en: 'This notice has already ended.',
    fr: 'Cet avis a déjà pris fin.',
  },
  internal: {
    en: 'Something went wrong on our side. Please try again.',
    fr: 'Un problème est survenu de notre côté. Veuillez réessayer.',
  },
} satisfies Record<string, Record<Locale, Message>>;

export type ErrorCode = keyof typeof MESSAGES;
export const ERROR_CODES = Object.keys(MESSAGES) as ErrorCode[];

export const PASSWORD_ERROR: Record<PasswordProblem, ErrorCode> = {
  'too-short': 'password-too-short',
  'too-long': 'password-too-long',
  'too-common': 'password-too-common',
  'contains-identity': 'password-contains-identity',
};

export function errorMessage(code: ErrorCode, locale: Locale, vars: Vars = {}): string {
  const message: Message = MESSAGES[code][locale];
  const text = typeof message === 'function' ? message(vars) : message;
  return locale === 'fr' ? frenchTypography(text) : text;
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid-contact', description: 'Stable machine code.' }),
      message: z.string().openapi({ description: 'For people, in the request’s language.' }),
    }),
  })
  .openapi('Error');

export type ErrorBody = z.infer<typeof ErrorSchema>;

export function errorBody(code: ErrorCode, locale: Locale, vars: Vars = {}): ErrorBody {
  return { error: { code, message: errorMessage(code, locale, vars) } };
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (see `error.code`).',
  401: 'Missing, unknown or expired session token.',
  404: 'Not found.',
  409: 'Not possible in the account’s current state (see `error.code`).',
  403: 'Verification blocked for this contact; for a provider’s callback, a missing or wrong signature.',
  413: 'Body larger than the limit (8 KiB by default).',
  415: 'Body not sent as JSON.',
  429: 'Too many requests; `Retry-After` gives the seconds to wait.',
  503: 'Not ready, overloaded (`overloaded`: more requests than this instance admits), or the database cannot be reached for now (`Retry-After`).',
};

/** OpenAPI entries for the error answers a route can give. */
export function errorResponses<S extends 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503>(
  ...statuses: S[]
) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: DESCRIPTIONS[status], content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  ) as Record<S, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }>;
}

/** Answers with the error shape; for 429 also `Retry-After`. */
export function apiError<S extends ContentfulStatusCode>(
  c: Context,
  status: S,
  code: ErrorCode,
  locale: Locale,
  vars: Vars = {},
) {
  if (status === 429 && vars.seconds) c.header('Retry-After', String(vars.seconds));
  return c.json(errorBody(code, locale, vars), status);
}
