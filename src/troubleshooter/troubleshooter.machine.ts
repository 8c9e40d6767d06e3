/**
 * The troubleshooter IS this machine: one state per step (its id is the `?step=` deep link and the
 * translation key), answers are `user.*` events, and the API is reached only through the
 * `fromPromise` actors named in `setup()`, given their `input` (tests swap them with `.provide()`).
 *
 * Adding a step: append it to STEP_NUMBERS (steps.ts; numbers are the reference-code format), add
 * its state here with `tags: 'step'` and `entry: visit(id)`, its article section (STEP_ARTICLES),
 * its texts (step-messages.ts) and French (i18n/fr/code.json). The model-based tests then say what
 * is missing: unreachable, a dead end, no French, a wrong STEPS_TO_END.
 */
import { and, assertEvent, assign, fromPromise, setup } from 'xstate';
import type { SnapshotFrom } from 'xstate';
import * as api from './api-client';
import type {
  AccountView,
  Channel,
  CheckOutcome,
  ContactCheck,
  HelpRequestOutcome,
  Locale,
  StatusOutcome,
  VerifyOutcome,
} from './api-client';
import { normalizeCode } from './contact';
import { pruneSendLog, resendAvailability, type SendLog } from './resend-policy';
import {
  STEP_IDS,
  deepLinkTarget,
  isStepId,
  type ChoiceEventType,
  type EmployerReason,
  type Purpose,
  type StepId,
  type SupportReason,
} from './steps';

/**
 * Bump when states or context change shape: a snapshot saved by an older page then starts over
 * cleanly instead of being restored into a machine that no longer understands it.
 */
export const SNAPSHOT_VERSION = 1;

/** Wrong guesses the API accepts per code (SECURITY.md); after that only a new code helps. */
export const MAX_CODE_ATTEMPTS = 5;

const MAX_TRAIL = 40;

export interface TroubleshooterInput {
  /** The `?step=` of a deep link, as found in the URL (validated here). */
  step?: string | null;
  /** Optional prefill from a support link: `?channel=email`. */
  channel?: string | null;
  locale?: Locale;
}

export type FormError =
  | 'empty-contact'
  | 'invalid-contact'
  | 'username-contact'
  | 'rejected-contact'
  | 'contact-rate-limited'
  | 'session-expired'
  | 'code-format'
  | 'code-invalid'
  | 'code-dead'
  | 'code-rate-limited';

/** The step each error is shown on: an error never follows the worker to another step. */
export const ERROR_STEP: Record<FormError, StepId> = {
  'empty-contact': 'enter-contact',
  'invalid-contact': 'enter-contact',
  'username-contact': 'enter-contact',
  'rejected-contact': 'enter-contact',
  'contact-rate-limited': 'enter-contact',
  'session-expired': 'enter-contact',
  'code-format': 'code-sent',
  'code-invalid': 'code-sent',
  'code-dead': 'code-sent',
  'code-rate-limited': 'code-sent',
};

export type Notice = 'unknown-step' | 'needs-details';

/** The last thing we asked the API to send, as the countdowns need it. */
export interface RequestRecord {
  contact: string;
  purpose: Purpose;
  /** `rate-limited`: nothing was sent now (a recent send or a 429): use the newest message. */
  outcome: 'sent' | 'rate-limited';
  at: number;
  expiresAt: number | null;
}

export type Operation = 'check' | 'send' | 'verify' | 'status';

export interface TroubleshooterContext {
  locale: Locale;
  deepLink: string | null;
  notice: Notice | null;
  /** The steps taken, oldest first (the reference code encodes the last ones). */
  trail: StepId[];
  channel: Channel | null;
  purpose: Purpose;
  /** What the worker typed, kept to prefill the field. */
  contact: string;
  /** The normalized contact we send to and verify against. */
  target: string | null;
  check: ContactCheck | null;
  /** The time of the last API answer: guards compare countdowns with it, never with a clock. */
  lastSeenAt: number;
  request: RequestRecord | null;
  sendLog: SendLog;
  requestOutcome: 'none' | 'sent' | 'rate-limited' | 'unreachable' | 'rejected';
  pendingCode: string | null;
  codeAttempts: number;
  verification: 'none' | 'verified' | 'invalid' | 'unreachable';
  session: string | null;
  account: AccountView | null;
  error: FormError | null;
  /** For the rate-limit errors: when trying again makes sense. */
  errorUntil: number | null;
  /** The API's own words for a refused contact, in the worker's language. */
  apiMessage: string | null;
  failedOp: Operation | null;
  outcomes: {
    check: CheckOutcome | null;
    send: HelpRequestOutcome | null;
    verify: VerifyOutcome | null;
    status: StatusOutcome | null;
  };
  employerReason: EmployerReason | null;
  supportReason: SupportReason | null;
}

export type TroubleshooterEvent =
  | { type: ChoiceEventType }
  | { type: 'user.restart' }
  | { type: 'user.submit-contact'; contact: string }
  | { type: 'user.submit-code'; code: string }
  | { type: 'user.resend'; at: number }
  | { type: 'user.retry' };

/** Events that have their own controls on the page rather than a choice button. */
export const FORM_EVENTS = [
  'user.restart',
  'user.submit-contact',
  'user.submit-code',
  'user.resend',
  'user.retry',
] as const;

function initialContext(input: TroubleshooterInput | undefined): TroubleshooterContext {
  const channel = input?.channel === 'sms' || input?.channel === 'email' ? input.channel : null;
  return {
    locale: input?.locale === 'fr' ? 'fr' : 'en',
    deepLink: typeof input?.step === 'string' && input.step !== '' ? input.step : null,
    notice: null,
    trail: [],
    channel,
    purpose: 'login-code',
    contact: '',
    target: null,
    check: null,
    lastSeenAt: 0,
    request: null,
    sendLog: { sends: [], cooldowns: {} },
    requestOutcome: 'none',
    pendingCode: null,
    codeAttempts: 0,
    verification: 'none',
    session: null,
    account: null,
    error: null,
    errorUntil: null,
    apiMessage: null,
    failedOp: null,
    outcomes: { check: null, send: null, verify: null, status: null },
    employerReason: null,
    supportReason: null,
  };
}

const visit = (step: StepId) => ({ type: 'visit', params: { step } }) as const;
const purpose = (value: Purpose, channel: Channel | null = null) =>
  ({ type: 'choosePurpose', params: { purpose: value, channel } }) as const;
const toEmployer = (reason: EmployerReason) =>
  ({ target: 'escalate-employer', actions: { type: 'escalateToEmployer', params: { reason } } }) as const;
const toSupport = (reason: SupportReason) =>
  ({ target: 'escalate-support', actions: { type: 'escalateToSupport', params: { reason } } }) as const;
const fail = (error: FormError) => ({ type: 'flagError', params: { error } }) as const;

export const troubleshooterMachine = setup({
  types: {
    context: {} as TroubleshooterContext,
    events: {} as TroubleshooterEvent,
    input: {} as TroubleshooterInput | undefined,
    tags: {} as 'step' | 'busy',
  },
  actors: {
    checkContact: fromPromise<CheckOutcome, { contact: string; locale: Locale }>(({ input, signal }) =>
      api.checkContact(input, signal),
    ),
    requestHelp: fromPromise<HelpRequestOutcome, api.HelpRequestInput>(({ input, signal }) =>
      api.requestHelp(input, signal),
    ),
    verifyCode: fromPromise<VerifyOutcome, { contact: string; code: string; locale: Locale }>(
      ({ input, signal }) => api.verifyCode(input, signal),
    ),
    fetchAccountStatus: fromPromise<StatusOutcome, { token: string; locale: Locale }>(({ input, signal }) =>
      api.fetchAccountStatus(input, signal),
    ),
  },
  actions: {
    visit: assign(({ context }, params: { step: StepId }) => ({
      // Coming back to the same step (a refused code, a corrected contact) is not a new step.
      trail:
        context.trail[context.trail.length - 1] === params.step
          ? context.trail
          : [...context.trail, params.step].slice(-MAX_TRAIL),
      // A notice belongs to the step the page opened on; the next answer clears it.
      notice: context.trail.length === 0 ? context.notice : null,
      error: context.error && ERROR_STEP[context.error] === params.step ? context.error : null,
    })),
    setNotice: assign((_, params: { notice: Notice }) => ({ notice: params.notice })),
    restart: assign(({ context }) => ({
      ...initialContext({ locale: context.locale }),
      // Forgetting the cooldowns would let the page offer a resend the API refuses.
      sendLog: context.sendLog,
      lastSeenAt: context.lastSeenAt,
    })),
    choosePurpose: assign(({ context }, params: { purpose: Purpose; channel: Channel | null }) => ({
      purpose: params.purpose,
      channel: params.channel ?? context.channel,
      error: null,
    })),
    escalateToEmployer: assign((_, params: { reason: EmployerReason }) => ({
      employerReason: params.reason,
      supportReason: null,
    })),
    escalateToSupport: assign((_, params: { reason: SupportReason }) => ({
      supportReason: params.reason,
      employerReason: null,
    })),
    flagError: assign((_, params: { error: FormError }) => ({ error: params.error })),
    storeContact: assign(({ event }) => {
      assertEvent(event, 'user.submit-contact');
      return { contact: event.contact.trim(), error: null, errorUntil: null, apiMessage: null };
    }),
    storeCheck: assign(({ context }, outcome: CheckOutcome) => ({
      outcomes: { ...context.outcomes, check: outcome },
      check: outcome.type === 'ok' ? outcome.check : context.check,
      target: outcome.type === 'ok' ? (outcome.check.normalized ?? context.contact) : context.target,
      lastSeenAt: 'at' in outcome ? Math.max(context.lastSeenAt, outcome.at) : context.lastSeenAt,
      failedOp: outcome.type === 'unreachable' ? 'check' : null,
      error: null,
    })),
    refuseContact: assign(({ context }) => {
      const outcome = context.outcomes.check;
      if (outcome?.type === 'rate-limited') {
        return { error: 'contact-rate-limited', errorUntil: outcome.at + outcome.retryAfterSeconds * 1000 };
      }
      if (outcome?.type === 'rejected') return { error: 'rejected-contact', apiMessage: outcome.message };
      if (outcome?.type === 'ok' && outcome.check.kind === 'username') return { error: 'username-contact' };
      return { error: 'invalid-contact', apiMessage: outcome?.type === 'ok' ? outcome.check.message : null };
    }),
    takeSuggestion: assign(({ context }) => ({
      target: context.check?.suggestion ?? context.target,
      contact: context.check?.suggestion ?? context.contact,
    })),
    holdBackSend: assign(({ context }) => ({
      requestOutcome: 'rate-limited',
      request: {
        contact: context.target ?? context.contact,
        purpose: context.purpose,
        outcome: 'rate-limited',
        at: context.lastSeenAt,
        expiresAt:
          context.request && context.request.contact === context.target ? context.request.expiresAt : null,
      },
    })),
    storeSend: assign(({ context }, outcome: HelpRequestOutcome) => {
      const contact = context.target ?? context.contact;
      const base = { outcomes: { ...context.outcomes, send: outcome }, error: null, notice: null };
      if (outcome.type === 'sent') {
        const log = pruneSendLog(context.sendLog, outcome.at);
        return {
          ...base,
          requestOutcome: 'sent' as const,
          lastSeenAt: Math.max(context.lastSeenAt, outcome.at),
          codeAttempts: 0,
          failedOp: null,
          request: {
            contact,
            purpose: context.purpose,
            outcome: 'sent' as const,
            at: outcome.at,
            expiresAt: outcome.at + outcome.expiresInSeconds * 1000,
          },
          sendLog: {
            sends: [...log.sends, { contact, at: outcome.at }],
            cooldowns: { ...log.cooldowns, [contact]: outcome.at + outcome.retryAfterSeconds * 1000 },
          },
        };
      }
      if (outcome.type === 'rate-limited') {
        const log = pruneSendLog(context.sendLog, outcome.at);
        return {
          ...base,
          requestOutcome: 'rate-limited' as const,
          lastSeenAt: Math.max(context.lastSeenAt, outcome.at),
          failedOp: null,
          request: {
            contact,
            purpose: context.purpose,
            outcome: 'rate-limited' as const,
            at: outcome.at,
            expiresAt: context.request?.contact === contact ? context.request.expiresAt : null,
          },
          sendLog: {
            sends: log.sends,
            cooldowns: { ...log.cooldowns, [contact]: outcome.at + outcome.retryAfterSeconds * 1000 },
          },
        };
      }
      if (outcome.type === 'rejected') {
        return {
          ...base,
          requestOutcome: 'rejected' as const,
          error: 'rejected-contact' as const,
          apiMessage: outcome.message,
        };
      }
      return { ...base, requestOutcome: 'unreachable' as const, failedOp: 'send' as const };
    }),
    storeCode: assign(({ event }) => {
      assertEvent(event, 'user.submit-code');
      return { pendingCode: normalizeCode(event.code), error: null };
    }),
    storeVerification: assign(({ context }, outcome: VerifyOutcome) => {
      const base = { outcomes: { ...context.outcomes, verify: outcome } };
      switch (outcome.type) {
        case 'verified':
          return {
            ...base,
            verification: 'verified' as const,
            session: outcome.sessionToken,
            account: outcome.account,
            pendingCode: null,
            error: null,
            failedOp: null,
          };
        case 'invalid': {
          const attempts = context.codeAttempts + 1;
          return {
            ...base,
            verification: 'invalid' as const,
            codeAttempts: attempts,
            pendingCode: null,
            error: attempts >= MAX_CODE_ATTEMPTS ? ('code-dead' as const) : ('code-invalid' as const),
            failedOp: null,
          };
        }
        case 'rate-limited':
          return {
            ...base,
            verification: 'invalid' as const,
            pendingCode: null,
            error: 'code-rate-limited' as const,
            errorUntil: outcome.at + outcome.retryAfterSeconds * 1000,
            failedOp: null,
          };
        default:
          return { ...base, verification: 'unreachable' as const, failedOp: 'verify' as const };
      }
    }),
    storeStatus: assign(({ context }, outcome: StatusOutcome) => {
      const base = { outcomes: { ...context.outcomes, status: outcome } };
      if (outcome.type === 'ok') return { ...base, account: outcome.account, failedOp: null, error: null };
      if (outcome.type === 'expired') {
        return {
          ...base,
          account: null,
          session: null,
          verification: 'none' as const,
          error: 'session-expired' as const,
        };
      }
      return { ...base, failedOp: 'status' as const };
    }),
    noteTime: assign(({ context, event }) => {
      assertEvent(event, 'user.resend');
      return { lastSeenAt: Math.max(context.lastSeenAt, event.at) };
    }),
    storeFailure: assign((_, params: { op: Operation }) => ({ failedOp: params.op })),
  },
  guards: {
    deepLinkIs: ({ context }, params: { step: StepId }) => context.deepLink === params.step,
    hasDeepLink: ({ context }) => context.deepLink !== null,
    contactEmpty: ({ event }) => event.type === 'user.submit-contact' && event.contact.trim() === '',
    checkUnreachable: ({ context }) => context.outcomes.check?.type === 'unreachable',
    checkRefused: ({ context }) => {
      const outcome = context.outcomes.check;
      return outcome?.type !== 'ok' || outcome.check.kind === 'invalid' || outcome.check.kind === 'username';
    },
    phoneWithoutSms: ({ context }) => context.check?.kind === 'phone' && !context.check.smsEligible,
    hasSuggestion: ({ context }) => Boolean(context.check?.suggestion),
    sentRecently: ({ context }) =>
      !resendAvailability(context.sendLog, context.target ?? context.contact, context.lastSeenAt).allowed,
    sendAnswered: ({ context }) => {
      const type = context.outcomes.send?.type;
      return type === 'sent' || type === 'rate-limited';
    },
    sendRejected: ({ context }) => context.outcomes.send?.type === 'rejected',
    purposeIsCode: ({ context }) => context.purpose === 'login-code',
    sentByEmail: ({ context }) => (context.request?.contact ?? context.contact).includes('@'),
    hasCodeRequest: ({ context }) => context.request?.purpose === 'login-code',
    codeMalformed: ({ event }) => event.type === 'user.submit-code' && normalizeCode(event.code) === null,
    codeDead: ({ context }) => context.codeAttempts >= MAX_CODE_ATTEMPTS,
    resendAllowed: ({ context, event }) =>
      event.type === 'user.resend' &&
      context.request !== null &&
      resendAvailability(context.sendLog, context.request.contact, event.at).allowed,
    verified: ({ context }) => context.outcomes.verify?.type === 'verified',
    verifyUnreachable: ({ context }) => context.outcomes.verify?.type === 'unreachable',
    statusOk: ({ context }) => context.outcomes.status?.type === 'ok',
    statusExpired: ({ context }) => context.outcomes.status?.type === 'expired',
    hasSession: ({ context }) => context.session !== null,
    accountIs: ({ context }, params: { status: AccountView['status'] }) =>
      context.account?.status === params.status,
    deactivatedBecause: ({ context }, params: { reason: NonNullable<AccountView['deactivationReason']> }) =>
      context.account?.status === 'deactivated' && context.account.deactivationReason === params.reason,
    logsInWith: ({ context }, params: { method: AccountView['loginMethod'] }) =>
      context.account?.loginMethod === params.method,
    logsInWithUsername: ({ context }) =>
      context.account?.loginMethod === 'password' && context.account.loginWith?.kind === 'username',
    failedOpIs: ({ context }, params: { op: Operation }) => context.failedOp === params.op,
  },
}).createMachine({
  id: 'troubleshooter',
  context: ({ input }) => initialContext(input),
  initial: 'route',
  on: {
    'user.restart': { target: '.what-happens', actions: 'restart' },
  },
  states: {
    // Opens the step of a deep link `?step=<id>`, or the start (with a notice when the id is unknown).
    route: {
      always: [
        ...STEP_IDS.map((step) => ({
          guard: { type: 'deepLinkIs' as const, params: { step } },
          target: deepLinkTarget(step),
          actions:
            deepLinkTarget(step) === step
              ? []
              : [{ type: 'setNotice' as const, params: { notice: 'needs-details' as const } }],
        })),
        {
          guard: 'hasDeepLink',
          target: 'what-happens',
          actions: { type: 'setNotice', params: { notice: 'unknown-step' } },
        },
        { target: 'what-happens' },
      ],
    },

    'what-happens': {
      tags: 'step',
      entry: visit('what-happens'),
      on: {
        'user.waiting-for-code': 'code-not-received',
        'user.code-refused': 'code-rejected',
        'user.error-message': 'which-message',
        'user.forgot-password': 'forgot-password',
        'user.no-account': 'no-account',
        'user.how-to-log-in': 'how-to-log-in',
        'user.uses-sso': 'single-sign-on',
        'user.check-my-account': { target: 'enter-contact', actions: purpose('login-code') },
      },
    },
    'which-message': {
      tags: 'step',
      entry: visit('which-message'),
      on: {
        'user.msg-locked': 'account-locked',
        'user.msg-invalid': 'invalid-credentials',
        'user.msg-email-taken': 'email-already-used',
        'user.msg-deactivated': 'account-deactivated',
        'user.msg-confirm-email': 'confirmation-email',
        'user.msg-update-app': 'update-app',
        'user.msg-other': { target: 'enter-contact', actions: purpose('login-code') },
      },
    },
    'how-to-log-in': {
      tags: 'step',
      entry: visit('how-to-log-in'),
      on: {
        'user.phone-plus-one': 'sms-code',
        'user.phone-other': 'phone-not-north-american',
        'user.no-phone': 'email-login',
      },
    },
    'no-account': {
      tags: 'step',
      entry: visit('no-account'),
      on: {
        'user.ask-employer': toEmployer('invite'),
        'user.invited-already': 'wrong-details',
      },
    },
    'wrong-details': {
      tags: 'step',
      entry: visit('wrong-details'),
      on: {
        'user.check-contact': { target: 'enter-contact', actions: purpose('login-code') },
        'user.details-correct': 'type-dont-paste',
        'user.tell-employer': toEmployer('check-contact'),
      },
    },
    'type-dont-paste': {
      tags: 'step',
      entry: visit('type-dont-paste'),
      on: {
        'user.works': 'resolved',
        'user.still-stuck': toEmployer('check-contact'),
      },
    },
    'sms-code': {
      tags: 'step',
      entry: visit('sms-code'),
      on: {
        'user.send-code': { target: 'enter-contact', actions: purpose('login-code', 'sms') },
        'user.works': 'resolved',
        'user.no-code': 'code-not-received',
        'user.not-plus-one': 'phone-not-north-american',
      },
    },
    'phone-not-north-american': {
      tags: 'step',
      entry: visit('phone-not-north-american'),
      on: {
        'user.use-email': { target: 'email-login', actions: purpose('login-code', 'email') },
      },
    },
    'email-login': {
      tags: 'step',
      entry: visit('email-login'),
      on: {
        'user.send-code': { target: 'enter-contact', actions: purpose('login-code', 'email') },
        'user.works': 'resolved',
        'user.no-code': 'check-spam',
        'user.no-email-on-profile': toEmployer('add-email'),
      },
    },
    'code-not-received': {
      tags: 'step',
      entry: visit('code-not-received'),
      on: {
        'user.works': 'resolved',
        'user.by-email': 'check-spam',
        'user.by-text': 'sms-not-received',
        'user.send-code': { target: 'enter-contact', actions: purpose('login-code') },
      },
    },
    'sms-not-received': {
      tags: 'step',
      entry: visit('sms-not-received'),
      on: {
        'user.not-plus-one': 'phone-not-north-american',
        'user.send-code': { target: 'enter-contact', actions: purpose('login-code', 'sms') },
        'user.still-stuck': 'wrong-details',
      },
    },
    'check-spam': {
      tags: 'step',
      entry: visit('check-spam'),
      on: {
        'user.works': 'resolved',
        'user.send-code': { target: 'enter-contact', actions: purpose('login-code', 'email') },
        'user.still-stuck': 'wrong-details',
      },
    },
    'code-rejected': {
      tags: 'step',
      entry: visit('code-rejected'),
      on: {
        'user.works': 'resolved',
        'user.send-code': { target: 'enter-contact', actions: purpose('login-code') },
        'user.still-stuck': 'type-dont-paste',
      },
    },
    'forgot-password': {
      tags: 'step',
      entry: visit('forgot-password'),
      on: {
        'user.send-reset': { target: 'enter-contact', actions: purpose('password-reset') },
        'user.password-rules': 'password-rules',
        'user.no-work-email': 'no-work-email',
        'user.login-link': 'login-link',
        'user.uses-sso': 'single-sign-on',
        'user.works': 'resolved',
      },
    },
    'password-rules': {
      tags: 'step',
      entry: visit('password-rules'),
      on: {
        'user.works': 'resolved',
        'user.still-stuck': toSupport('password-refused'),
      },
    },
    'no-work-email': {
      tags: 'step',
      entry: visit('no-work-email'),
      on: {
        'user.ask-access-code': toEmployer('access-code'),
        'user.several-companies': toSupport('several-companies'),
      },
    },
    'login-link': {
      tags: 'step',
      entry: visit('login-link'),
      on: {
        'user.send-link': { target: 'enter-contact', actions: purpose('login-link') },
        'user.works': 'resolved',
        'user.still-stuck': 'forgot-password',
      },
    },
    'account-locked': {
      tags: 'step',
      entry: visit('account-locked'),
      on: {
        'user.send-unlock': { target: 'enter-contact', actions: purpose('unlock') },
        'user.forgot-password': 'forgot-password',
        'user.refresh-status': { guard: 'hasSession', target: 'refreshing-status' },
        'user.works': 'resolved',
        'user.still-stuck': toSupport('locked'),
      },
    },
    'confirmation-email': {
      tags: 'step',
      entry: visit('confirmation-email'),
      on: {
        'user.send-confirmation': { target: 'enter-contact', actions: purpose('confirmation') },
        'user.says-confirmed': 'already-confirmed',
        'user.works': 'resolved',
      },
    },
    'already-confirmed': {
      tags: 'step',
      entry: visit('already-confirmed'),
      on: {
        'user.works': 'resolved',
        'user.still-stuck': 'invalid-credentials',
      },
    },
    'email-already-used': {
      tags: 'step',
      entry: visit('email-already-used'),
      on: {
        'user.reset-password': 'forgot-password',
        'user.was-merged': 'deactivated-merged',
        'user.still-stuck': toSupport('email-taken'),
      },
    },
    'invalid-credentials': {
      tags: 'step',
      entry: visit('invalid-credentials'),
      on: {
        'user.username': 'username-login',
        'user.reset-password': 'forgot-password',
        'user.check-my-account': { target: 'enter-contact', actions: purpose('login-code') },
        'user.ask-primary-email': toEmployer('primary-email'),
      },
    },
    'username-login': {
      tags: 'step',
      entry: visit('username-login'),
      on: {
        'user.works': 'resolved',
        'user.dont-know-username': toEmployer('username'),
      },
    },
    'account-deactivated': {
      tags: 'step',
      entry: visit('account-deactivated'),
      on: {
        'user.reason-merged': 'deactivated-merged',
        'user.reason-removed': 'deactivated-removed',
        'user.reason-employer-left': 'deactivated-employer-left',
        'user.check-my-account': { target: 'enter-contact', actions: purpose('login-code') },
      },
    },
    'deactivated-merged': {
      tags: 'step',
      entry: visit('deactivated-merged'),
      on: {
        'user.works': 'resolved',
        'user.ask-release': toSupport('release-email'),
      },
    },
    'deactivated-removed': {
      tags: 'step',
      entry: visit('deactivated-removed'),
      on: {
        'user.ask-reactivate': toEmployer('reactivate'),
      },
    },
    // Ends here: nothing in the app can reopen it; the article says what the worker can do.
    'deactivated-employer-left': {
      tags: 'step',
      entry: visit('deactivated-employer-left'),
    },
    // Ends here: only the company's IT can help with its single sign-on.
    'single-sign-on': {
      tags: 'step',
      entry: visit('single-sign-on'),
    },
    'update-app': {
      tags: 'step',
      entry: visit('update-app'),
      on: {
        'user.works': 'resolved',
        'user.still-stuck': toSupport('update-app'),
      },
    },

    'enter-contact': {
      tags: 'step',
      entry: visit('enter-contact'),
      on: {
        'user.submit-contact': [
          { guard: 'contactEmpty', actions: fail('empty-contact') },
          { target: 'checking-contact', actions: 'storeContact' },
        ],
        'user.tell-employer': toEmployer('check-contact'),
      },
    },
    'checking-contact': {
      tags: 'busy',
      invoke: {
        id: 'checkContact',
        src: 'checkContact',
        input: ({ context }) => ({ contact: context.contact, locale: context.locale }),
        onDone: {
          target: 'after-check',
          actions: { type: 'storeCheck', params: ({ event }) => event.output },
        },
        onError: { target: 'api-unreachable', actions: { type: 'storeFailure', params: { op: 'check' } } },
      },
    },
    'after-check': {
      always: [
        { guard: 'checkUnreachable', target: 'api-unreachable' },
        { guard: 'checkRefused', target: 'enter-contact', actions: 'refuseContact' },
        { guard: 'phoneWithoutSms', target: 'phone-not-north-american' },
        { guard: 'hasSuggestion', target: 'confirm-contact' },
        { target: 'before-send' },
      ],
    },
    'confirm-contact': {
      tags: 'step',
      entry: visit('confirm-contact'),
      on: {
        'user.use-suggestion': { target: 'before-send', actions: 'takeSuggestion' },
        'user.keep-contact': 'before-send',
        'user.change-contact': 'enter-contact',
      },
    },
    // The API allows one send per contact per minute: asking again sooner would only earn a 429.
    'before-send': {
      always: [
        { guard: and(['sentRecently', 'purposeIsCode']), target: 'code-sent', actions: 'holdBackSend' },
        { guard: 'sentRecently', target: 'link-sent', actions: 'holdBackSend' },
        { target: 'sending' },
      ],
    },
    sending: {
      tags: 'busy',
      invoke: {
        id: 'requestHelp',
        src: 'requestHelp',
        input: ({ context }) => ({
          contact: context.target ?? context.contact,
          purpose: context.purpose,
          // Email contacts get email; a +1 phone gets a text unless the worker asked for email.
          channel:
            context.check?.kind === 'email'
              ? 'email'
              : context.check?.kind === 'phone'
                ? 'sms'
                : context.channel,
          locale: context.locale,
        }),
        onDone: { target: 'after-send', actions: { type: 'storeSend', params: ({ event }) => event.output } },
        onError: { target: 'api-unreachable', actions: { type: 'storeFailure', params: { op: 'send' } } },
      },
    },
    'after-send': {
      always: [
        { guard: 'sendRejected', target: 'enter-contact' },
        { guard: and(['sendAnswered', 'purposeIsCode']), target: 'code-sent' },
        { guard: 'sendAnswered', target: 'link-sent' },
        { target: 'api-unreachable' },
      ],
    },
    'code-sent': {
      tags: 'step',
      entry: visit('code-sent'),
      on: {
        'user.submit-code': [
          { guard: 'codeMalformed', actions: fail('code-format') },
          { guard: 'codeDead', actions: fail('code-dead') },
          { target: 'verifying', actions: 'storeCode' },
        ],
        'user.resend': { guard: 'resendAllowed', target: 'before-send', actions: 'noteTime' },
        'user.no-code': [{ guard: 'sentByEmail', target: 'check-spam' }, { target: 'sms-not-received' }],
        'user.other-message': 'message-received',
        'user.change-contact': 'enter-contact',
        'user.works': 'resolved',
      },
    },
    'link-sent': {
      tags: 'step',
      entry: visit('link-sent'),
      on: {
        'user.resend': { guard: 'resendAllowed', target: 'before-send', actions: 'noteTime' },
        'user.no-code': [{ guard: 'sentByEmail', target: 'check-spam' }, { target: 'sms-not-received' }],
        'user.other-message': 'message-received',
        'user.change-contact': 'enter-contact',
        'user.works': 'resolved',
      },
    },
    verifying: {
      tags: 'busy',
      invoke: {
        id: 'verifyCode',
        src: 'verifyCode',
        input: ({ context }) => ({
          contact: context.request?.contact ?? context.target ?? context.contact,
          code: context.pendingCode ?? '',
          locale: context.locale,
        }),
        onDone: {
          target: 'after-verify',
          actions: { type: 'storeVerification', params: ({ event }) => event.output },
        },
        onError: { target: 'api-unreachable', actions: { type: 'storeFailure', params: { op: 'verify' } } },
      },
    },
    'after-verify': {
      always: [
        { guard: 'verified', target: 'account-router' },
        { guard: 'verifyUnreachable', target: 'api-unreachable' },
        { target: 'code-sent' },
      ],
    },
    // Tailors the next step to the account's real status, once the worker proved they hold the contact.
    'account-router': {
      always: [
        { guard: { type: 'deactivatedBecause', params: { reason: 'merged' } }, target: 'deactivated-merged' },
        {
          guard: { type: 'deactivatedBecause', params: { reason: 'removed-by-employer' } },
          target: 'deactivated-removed',
        },
        {
          guard: { type: 'deactivatedBecause', params: { reason: 'employer-left' } },
          target: 'deactivated-employer-left',
        },
        { guard: { type: 'accountIs', params: { status: 'deactivated' } }, target: 'account-deactivated' },
        { guard: { type: 'accountIs', params: { status: 'locked' } }, target: 'account-locked' },
        { guard: { type: 'logsInWith', params: { method: 'sso' } }, target: 'single-sign-on' },
        { guard: { type: 'accountIs', params: { status: 'unconfirmed' } }, target: 'confirmation-email' },
        { guard: 'logsInWithUsername', target: 'username-login' },
        { target: 'account-ok' },
      ],
    },
    'message-received': {
      tags: 'step',
      entry: visit('message-received'),
      on: {
        'user.got-code': [
          { guard: 'hasCodeRequest', target: 'code-sent' },
          { target: 'enter-contact', actions: purpose('login-code') },
        ],
        'user.got-unlock-link': 'account-locked',
        'user.got-confirmation-link': 'confirmation-email',
        'user.got-no-account': 'no-account',
        'user.got-contact-employer': 'account-deactivated',
      },
    },
    'account-ok': {
      tags: 'step',
      entry: visit('account-ok'),
      on: {
        'user.works': 'resolved',
        'user.refresh-status': { guard: 'hasSession', target: 'refreshing-status' },
        'user.still-stuck': toSupport('still-stuck'),
      },
    },
    'refreshing-status': {
      tags: 'busy',
      invoke: {
        id: 'fetchAccountStatus',
        src: 'fetchAccountStatus',
        input: ({ context }) => ({ token: context.session ?? '', locale: context.locale }),
        onDone: {
          target: 'after-status',
          actions: { type: 'storeStatus', params: ({ event }) => event.output },
        },
        onError: { target: 'api-unreachable', actions: { type: 'storeFailure', params: { op: 'status' } } },
      },
    },
    'after-status': {
      always: [
        { guard: 'statusOk', target: 'account-router' },
        { guard: 'statusExpired', target: 'enter-contact' },
        { target: 'api-unreachable' },
      ],
    },
    // The API could not be reached: say so, give the advice that needs no service, offer a retry.
    'api-unreachable': {
      tags: 'step',
      entry: visit('api-unreachable'),
      on: {
        'user.retry': [
          { guard: { type: 'failedOpIs', params: { op: 'check' } }, target: 'checking-contact' },
          { guard: { type: 'failedOpIs', params: { op: 'send' } }, target: 'sending' },
          { guard: { type: 'failedOpIs', params: { op: 'verify' } }, target: 'verifying' },
          { guard: { type: 'failedOpIs', params: { op: 'status' } }, target: 'refreshing-status' },
          { target: 'what-happens' },
        ],
        'user.works': 'resolved',
        'user.contact-employer': toEmployer('general'),
        'user.contact-support': toSupport('api-down'),
      },
    },

    'escalate-employer': { tags: 'step', entry: visit('escalate-employer') },
    'escalate-support': { tags: 'step', entry: visit('escalate-support') },
    resolved: { tags: 'step', entry: visit('resolved') },
  },
});

export type TroubleshooterMachine = typeof troubleshooterMachine;
export type TroubleshooterSnapshot = SnapshotFrom<TroubleshooterMachine>;

/** The step a snapshot shows, or null while the machine is busy talking to the API. */
export function currentStep(snapshot: TroubleshooterSnapshot): StepId | null {
  const value = snapshot.value;
  return typeof value === 'string' && isStepId(value) && snapshot.hasTag('step') ? value : null;
}
