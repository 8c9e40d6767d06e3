/**
 * The troubleshooter's steps as plain data: their stable ids (deep links, translation keys, reference
 * codes), the article section each one points at, and where a deep link to a step that needs earlier
 * answers lands instead. No XState here: the support tools and the page shell import this module, and
 * they must not pull the machine's runtime in.
 */
import type { HelpRequestBody } from '../api/worker-help';

/**
 * Every step, with its number in reference codes. The numbers are a wire format (agents decode old
 * codes): append new steps at the end, never renumber or reuse a number.
 */
export const STEP_NUMBERS = {
  'what-happens': 1,
  'which-message': 2,
  'how-to-log-in': 3,
  'no-account': 4,
  'wrong-details': 5,
  'type-dont-paste': 6,
  'sms-code': 7,
  'phone-not-north-american': 8,
  'email-login': 9,
  'code-not-received': 10,
  'sms-not-received': 11,
  'check-spam': 12,
  'code-rejected': 13,
  'forgot-password': 14,
  'password-rules': 15,
  'no-work-email': 16,
  'login-link': 17,
  'account-locked': 18,
  'confirmation-email': 19,
  'already-confirmed': 20,
  'email-already-used': 21,
  'invalid-credentials': 22,
  'username-login': 23,
  'account-deactivated': 24,
  'deactivated-merged': 25,
  'deactivated-removed': 26,
  'deactivated-employer-left': 27,
  'single-sign-on': 28,
  'update-app': 29,
  'enter-contact': 30,
  'confirm-contact': 31,
  'code-sent': 32,
  'link-sent': 33,
  'message-received': 34,
  'account-ok': 35,
  'api-unreachable': 36,
  'escalate-employer': 37,
  'escalate-support': 38,
  resolved: 39,
  'password-login': 40,
  'phone-format': 41,
  traveling: 42,
  'texts-filtered': 43,
  'new-phone': 44,
  'link-expired': 45,
  'invitation-expired': 46,
  'unexpected-code': 47,
  'wrong-language': 48,
} as const;

export type StepId = keyof typeof STEP_NUMBERS;

export const STEP_IDS = Object.keys(STEP_NUMBERS) as StepId[];

export const START_STEP: StepId = 'what-happens';

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(STEP_NUMBERS, value);
}

/** How a step ends the journey, when it does. */
export type EndKind = 'resolved' | 'escalation' | 'article';

export const END_STEPS: Partial<Record<StepId, EndKind>> = {
  resolved: 'resolved',
  'escalate-employer': 'escalation',
  'escalate-support': 'escalation',
  'single-sign-on': 'article',
  'deactivated-employer-left': 'article',
  'unexpected-code': 'article',
  'wrong-language': 'article',
};

/**
 * Steps that only make sense after earlier answers or an API call (a contact, a sent code, a verified
 * account). A deep link to one of them lands on the step that collects what it needs.
 */
export const DEEP_LINK_FALLBACK: Partial<Record<StepId, StepId>> = {
  'confirm-contact': 'enter-contact',
  'code-sent': 'enter-contact',
  'link-sent': 'enter-contact',
  'account-ok': 'enter-contact',
  'api-unreachable': 'what-happens',
  'escalate-employer': 'what-happens',
  'escalate-support': 'what-happens',
  resolved: 'what-happens',
};

/** Where a deep link `?step=<id>` lands. */
export function deepLinkTarget(step: StepId): StepId {
  return DEEP_LINK_FALLBACK[step] ?? step;
}

const WORKERS = '/docs/workers/login';

/** The article section each step matches (paths without the locale: `<Link>` adds `/fr`). */
export const STEP_ARTICLES: Record<StepId, string | null> = {
  'what-happens': `${WORKERS}/#pick-your-problem`,
  'which-message': `${WORKERS}/#pick-your-problem`,
  'how-to-log-in': `${WORKERS}/sms-code#how-it-works`,
  'no-account': `${WORKERS}/#invitation-only`,
  'wrong-details': `${WORKERS}/#wrong-details`,
  'type-dont-paste': `${WORKERS}/#type-dont-paste`,
  'sms-code': `${WORKERS}/sms-code#how-it-works`,
  'phone-not-north-american': `${WORKERS}/sms-code#north-american-numbers`,
  'email-login': `${WORKERS}/email-login#choose-email-login`,
  'code-not-received': `${WORKERS}/code-not-received#be-patient`,
  'sms-not-received': `${WORKERS}/code-not-received#still-nothing`,
  'check-spam': `${WORKERS}/code-not-received#check-spam`,
  'code-rejected': `${WORKERS}/code-rejected#single-use`,
  'forgot-password': `${WORKERS}/forgot-password#reset-by-email`,
  'password-rules': `${WORKERS}/forgot-password#password-rules`,
  'no-work-email': `${WORKERS}/forgot-password#no-work-email`,
  'login-link': `${WORKERS}/login-link#request-a-link`,
  'account-locked': `${WORKERS}/account-locked#unlock-email`,
  'confirmation-email': `${WORKERS}/confirmation-email#request-again`,
  'already-confirmed': `${WORKERS}/confirmation-email#already-confirmed`,
  'email-already-used': `${WORKERS}/email-already-used#what-it-means`,
  'invalid-credentials': `${WORKERS}/invalid-credentials#check-identifier`,
  'username-login': `${WORKERS}/invalid-credentials#username-accounts`,
  'account-deactivated': `${WORKERS}/account-deactivated#what-to-do`,
  'deactivated-merged': `${WORKERS}/account-deactivated#accounts-merged`,
  'deactivated-removed': `${WORKERS}/account-deactivated#removed-by-employer`,
  'deactivated-employer-left': `${WORKERS}/account-deactivated#employer-left`,
  'single-sign-on': `${WORKERS}/single-sign-on#contact-it`,
  'update-app': `${WORKERS}/update-app#how-to-update`,
  'password-login': `${WORKERS}/invalid-credentials#check-identifier`,
  'phone-format': `${WORKERS}/phone-number-format#how-to-type-it`,
  traveling: `${WORKERS}/traveling#before-you-leave`,
  'texts-filtered': `${WORKERS}/texts-filtered#filtered-senders`,
  'new-phone': `${WORKERS}/new-phone#new-number`,
  'link-expired': `${WORKERS}/link-expired#why-expired`,
  'invitation-expired': `${WORKERS}/invitation#expired-invitation`,
  'unexpected-code': `${WORKERS}/unexpected-code#what-to-do`,
  'wrong-language': `${WORKERS}/wrong-language#change-language`,
  'enter-contact': `${WORKERS}/code-not-received#resend-a-code`,
  'confirm-contact': `${WORKERS}/#type-dont-paste`,
  'code-sent': `${WORKERS}/code-not-received#newest-code-only`,
  'link-sent': null, // depends on what was sent: see `articleFor`
  'message-received': `${WORKERS}/#pick-your-problem`,
  'account-ok': `${WORKERS}/#common-causes`,
  'api-unreachable': `${WORKERS}/code-not-received#be-patient`,
  'escalate-employer': `${WORKERS}/#contact-employer`,
  'escalate-support': `${WORKERS}/#contact-employer`,
  resolved: null,
};

/** What a help request asks the API to send (the server's list). */
export type Purpose = HelpRequestBody['purpose'];

/** Every purpose, in the order reference codes number them (a wire format: append, never reorder). */
export const PURPOSES = [
  'login-code',
  'unlock',
  'confirmation',
  'password-reset',
  'login-link',
] as const satisfies readonly Purpose[];

// Does not compile once the server has a purpose that reference codes do not number (nor texts say).
type Expect<T extends true> = T;
type _EveryPurposeNumbered = Expect<
  [Exclude<Purpose, (typeof PURPOSES)[number]>] extends [never] ? true : false
>;

const LINK_ARTICLES: Record<Purpose, string> = {
  'login-code': `${WORKERS}/code-not-received#newest-code-only`,
  unlock: `${WORKERS}/account-locked#request-unlock-again`,
  confirmation: `${WORKERS}/confirmation-email#check-spam`,
  'password-reset': `${WORKERS}/forgot-password#reset-by-email`,
  'login-link': `${WORKERS}/login-link#use-the-link`,
};

/** The article section for a step, given what the worker asked us to send. */
export function articleFor(step: StepId, purpose: Purpose): string | null {
  return step === 'link-sent' ? LINK_ARTICLES[purpose] : STEP_ARTICLES[step];
}

/**
 * The answers a worker can give, one event `user.<choice>` each. The buttons of a step are the
 * choices its state accepts, in the order the machine lists them.
 */
export const CHOICES = [
  'works',
  'still-stuck',
  'waiting-for-code',
  'code-refused',
  'error-message',
  'forgot-password',
  'no-account',
  'how-to-log-in',
  'uses-sso',
  'check-my-account',
  'msg-locked',
  'msg-invalid',
  'msg-email-taken',
  'msg-deactivated',
  'msg-confirm-email',
  'msg-update-app',
  'msg-other',
  'phone-plus-one',
  'phone-other',
  'no-phone',
  'invited-already',
  'ask-employer',
  'check-contact',
  'details-correct',
  'tell-employer',
  'send-code',
  'no-code',
  'not-plus-one',
  'use-email',
  'no-email-on-profile',
  'by-email',
  'by-text',
  'send-reset',
  'password-rules',
  'no-work-email',
  'login-link',
  'ask-access-code',
  'several-companies',
  'send-link',
  'send-unlock',
  'send-confirmation',
  'says-confirmed',
  'reset-password',
  'was-merged',
  'username',
  'ask-primary-email',
  'dont-know-username',
  'reason-merged',
  'reason-removed',
  'reason-employer-left',
  'ask-release',
  'ask-reactivate',
  'use-suggestion',
  'keep-contact',
  'other-message',
  'change-contact',
  'got-code',
  'got-unlock-link',
  'got-confirmation-link',
  'got-no-account',
  'got-reset-link',
  'got-login-link',
  'got-sso',
  'got-merged',
  'got-removed',
  'got-closed',
  'wrong-language',
  'uses-password',
  'phone-format',
  'traveling',
  'texts-filtered',
  'new-phone',
  'link-expired',
  'ask-new-link',
  'invitation-expired',
  'unexpected-code',
  'refresh-status',
  'contact-employer',
  'contact-support',
] as const;

export type Choice = (typeof CHOICES)[number];
export type ChoiceEventType = `user.${Choice}`;

/** Why the worker is handed to their employer: it picks the ready-made message. */
export type EmployerReason =
  | 'invite'
  | 'check-contact'
  | 'add-email'
  | 'access-code'
  | 'username'
  | 'primary-email'
  | 'reactivate'
  | 'general';

/** Why the worker is handed to support. */
export type SupportReason =
  | 'several-companies'
  | 'release-email'
  | 'password-refused'
  | 'locked'
  | 'email-taken'
  | 'update-app'
  | 'still-stuck'
  | 'api-down';

/**
 * The fewest answers from each step to an end (resolved, an article or an escalation): the progress
 * bar's estimate of what is left. A model-based test recomputes it from the machine's graph.
 */
export const STEPS_TO_END: Record<StepId, number> = {
  'what-happens': 1,
  'which-message': 2,
  'how-to-log-in': 1,
  'no-account': 1,
  'wrong-details': 1,
  'type-dont-paste': 1,
  'sms-code': 1,
  'phone-not-north-american': 2,
  'email-login': 1,
  'code-not-received': 1,
  'sms-not-received': 2,
  'check-spam': 1,
  'code-rejected': 1,
  'forgot-password': 1,
  'password-rules': 1,
  'no-work-email': 1,
  'login-link': 1,
  'account-locked': 1,
  'confirmation-email': 1,
  'already-confirmed': 1,
  'email-already-used': 1,
  'invalid-credentials': 1,
  'username-login': 1,
  'account-deactivated': 1,
  'deactivated-merged': 1,
  'deactivated-removed': 1,
  'deactivated-employer-left': 0,
  'single-sign-on': 0,
  'update-app': 1,
  'enter-contact': 1,
  'confirm-contact': 2,
  'code-sent': 1,
  'link-sent': 1,
  'message-received': 1,
  'account-ok': 1,
  'api-unreachable': 1,
  'escalate-employer': 0,
  'escalate-support': 0,
  resolved: 0,
  'password-login': 1,
  'phone-format': 1,
  traveling: 1,
  'texts-filtered': 1,
  'new-phone': 1,
  'link-expired': 1,
  'invitation-expired': 1,
  'unexpected-code': 0,
  'wrong-language': 0,
};
