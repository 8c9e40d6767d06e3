/**
 * The troubleshooter IS this machine: one state per step (its id is the `?step=` deep link and the
 * translation key), answers are `user.*` events, and the API is reached only through the
 * `fromPromise` actors named in `setup()`, given their `input` (tests swap them with `.provide()`).
 * What the answers change is computed by the pure functions of bookkeeping.ts.
 *
 * Adding a step: append it to STEP_NUMBERS (steps.ts; numbers are the reference-code format), declare
 * it once with `step(id, config)` (question-steps.ts when it only asks, here when it talks to the
 * API), add its article section (STEP_ARTICLES), its texts (step-messages.ts) and French
 * (i18n/fr/code.json). The model-based tests then say what is missing: unreachable, a dead end, no
 * French, a wrong STEPS_TO_END.
 */
import { and, assertEvent, assign, fromPromise, setup } from 'xstate';
import type { SnapshotFrom } from 'xstate';
import * as api from '../api/worker-help';
import { fetchServiceStatus, type ServiceStatusOutcome } from '../api/service-status';
import type {
  AccountView,
  CheckOutcome,
  HelpRequestOutcome,
  PolicyOutcome,
  StatusOutcome,
  VerifyOutcome,
} from '../api/worker-help';
import type { Locale } from '../../shared/locale';
import * as book from './bookkeeping';
import {
  initialContext,
  type FormError,
  type Notice,
  type Operation,
  type TroubleshooterContext,
  type TroubleshooterEvent,
  type TroubleshooterInput,
} from './context';
import { QUESTION_STEPS } from './question-steps';
import * as advice from './service-advice';
import { fail, purpose, step, toEmployer, toSupport } from './step-state';
import { STEP_IDS, deepLinkTarget, isStepId, type Purpose, type StepId } from './steps';

/**
 * Bump when states or context change shape: a snapshot saved by an older page then starts over
 * cleanly instead of being restored into a machine that no longer understands it.
 */
export const SNAPSHOT_VERSION = 3;

/**
 * Builds the machine (XState resolves every state and transition: about 12 ms on a laptop, four
 * times that on a phone). Built once, on first use, not when this module loads: the troubleshooter's
 * page builds it in a task of its own, between evaluating its chunk and hydrating.
 */
const createTroubleshooterMachine = () =>
  setup({
    types: {
      context: {} as TroubleshooterContext,
      events: {} as TroubleshooterEvent,
      input: {} as TroubleshooterInput | undefined,
      tags: {} as 'step' | 'busy',
    },
    actors: {
      fetchPolicy: fromPromise<PolicyOutcome, { locale: Locale }>(({ input, signal }) =>
        api.fetchPolicy(input, signal),
      ),
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
      fetchServiceStatus: fromPromise<ServiceStatusOutcome, { locale: Locale }>(({ input }) =>
        fetchServiceStatus(input.locale),
      ),
    },
    actions: {
      visit: assign(({ context }, params: { step: StepId }) => book.arrival(context, params.step)),
      setNotice: assign((_, params: { notice: Notice }) => ({ notice: params.notice })),
      restart: assign(({ context }) => book.restarted(context)),
      choosePurpose: assign(({ context }, params: { purpose: Purpose; channel: api.Channel | null }) => ({
        purpose: params.purpose,
        channel: params.channel ?? context.channel,
        error: null,
      })),
      escalateToEmployer: assign((_, params: { reason: TroubleshooterContext['employerReason'] }) => ({
        employerReason: params.reason,
        supportReason: null,
      })),
      escalateToSupport: assign((_, params: { reason: TroubleshooterContext['supportReason'] }) => ({
        supportReason: params.reason,
        employerReason: null,
      })),
      flagError: assign((_, params: { error: FormError }) => ({ error: params.error })),
      storePolicy: assign((_, outcome: PolicyOutcome) => book.afterPolicy(outcome)),
      // An unanswered status keeps what was known: no news is not good news, nor bad.
      storeService: assign(({ context }, outcome: ServiceStatusOutcome) => ({
        service: outcome.type === 'ok' ? outcome.data : context.service,
      })),
      storeContact: assign(({ event }) => {
        assertEvent(event, 'user.submit-contact');
        return { contact: event.contact.trim(), error: null, errorUntil: null, apiMessage: null };
      }),
      storeCheck: assign(({ context }, outcome: CheckOutcome) => book.afterCheck(context, outcome)),
      refuseContact: assign(({ context }) => book.contactRefusal(context)),
      // The suggested address is checked like a typed one: the server says how to show it.
      takeSuggestion: assign(({ context }) => ({ contact: context.check?.suggestion ?? context.contact })),
      holdBackSend: assign(({ context }) => book.holdBack(context)),
      storeSend: assign(({ context }, outcome: HelpRequestOutcome) => book.afterSend(context, outcome)),
      storeCode: assign(({ context, event }) => {
        assertEvent(event, 'user.submit-code');
        return { pendingCode: book.codeToVerify(context, event.code), error: null };
      }),
      storeVerification: assign(({ context }, outcome: VerifyOutcome) => book.afterVerify(context, outcome)),
      storeStatus: assign(({ context }, outcome: StatusOutcome) => book.afterStatus(context, outcome)),
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
      checkRefused: ({ context }) => book.contactRefused(context),
      phoneWithoutSms: ({ context }) => context.check?.kind === 'phone' && !context.check.smsEligible,
      hasSuggestion: ({ context }) => Boolean(context.check?.suggestion),
      sentRecently: ({ context }) => book.sentRecently(context),
      sendAnswered: ({ context }) => {
        const type = context.outcomes.send?.type;
        return type === 'ok' || type === 'rate-limited';
      },
      sendRejected: ({ context }) => context.outcomes.send?.type === 'refused',
      purposeIsCode: ({ context }) => context.purpose === 'login-code',
      sentByEmail: ({ context }) => (context.request?.contact ?? context.contact).includes('@'),
      hasCodeRequest: ({ context }) => context.request?.purpose === 'login-code',
      hasLinkRequest: ({ context }) => context.request !== null && context.request.purpose !== 'login-code',
      codeMalformed: ({ context, event }) =>
        event.type === 'user.submit-code' && book.codeToVerify(context, event.code) === null,
      codeDead: ({ context }) => book.codeDead(context),
      codeChecksBlocked: ({ context }) => context.error === 'code-blocked',
      resendAllowed: ({ context, event }) =>
        event.type === 'user.resend' && book.resendAllowed(context, event.at),
      verified: ({ context }) => context.outcomes.verify?.type === 'ok',
      verifyUnreachable: ({ context }) => context.outcomes.verify?.type === 'unreachable',
      statusOk: ({ context }) => context.outcomes.status?.type === 'ok',
      statusExpired: ({ context }) => book.sessionExpired(context.outcomes.status),
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
      smsTrouble: ({ context }) => advice.emailInstead(context),
      requestSmsTrouble: ({ context }) =>
        advice.requestChannel(context) === 'sms' && advice.emailInstead(context),
    },
  }).createMachine({
    id: 'troubleshooter',
    context: ({ input }) => initialContext(input),
    initial: 'route',
    invoke: [
      // The rules the API enforces, fetched once; the page works without them (the API decides then).
      {
        id: 'fetchPolicy',
        src: 'fetchPolicy',
        input: ({ context }) => ({ locale: context.locale }),
        onDone: { actions: { type: 'storePolicy', params: ({ event }) => event.output } },
        onError: {},
      },
      // Whether messages are getting through: the steps about a message that does not come adapt.
      advice.askServiceStatus('fetchServiceStatus'),
    ],
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

      ...QUESTION_STEPS,

      ...step('enter-contact', {
        on: {
          'user.submit-contact': [
            { guard: 'contactEmpty', actions: fail('empty-contact') },
            { target: 'checking-contact', actions: 'storeContact' },
          ],
          'user.tell-employer': toEmployer('check-contact'),
        },
      }),
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
      ...step('confirm-contact', {
        on: {
          'user.use-suggestion': { target: 'checking-contact', actions: 'takeSuggestion' },
          'user.keep-contact': 'before-send',
          'user.change-contact': 'enter-contact',
        },
      }),
      // A message went to this contact moments ago: asking again now would only earn a 429.
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
          input: ({ context }) => book.sendInput(context),
          onDone: {
            target: 'after-send',
            actions: { type: 'storeSend', params: ({ event }) => event.output },
          },
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
      ...step('code-sent', {
        // Asked again on arrival: the wait the countdown explains is the one of now.
        invoke: advice.askServiceStatus('refreshServiceStatus'),
        on: {
          'user.use-email': {
            guard: 'requestSmsTrouble',
            target: 'email-login',
            actions: purpose('login-code', 'email'),
          },
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
          // Only support can reopen code checks closed after too many wrong codes.
          'user.contact-support': { guard: 'codeChecksBlocked', ...toSupport('still-stuck') },
        },
      }),
      ...step('link-sent', {
        on: {
          'user.resend': { guard: 'resendAllowed', target: 'before-send', actions: 'noteTime' },
          'user.no-code': [{ guard: 'sentByEmail', target: 'check-spam' }, { target: 'sms-not-received' }],
          'user.link-expired': 'link-expired',
          'user.other-message': 'message-received',
          'user.change-contact': 'enter-contact',
          'user.works': 'resolved',
        },
      }),
      verifying: {
        tags: 'busy',
        invoke: {
          id: 'verifyCode',
          src: 'verifyCode',
          input: ({ context }) => book.verifyInput(context),
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
          {
            guard: { type: 'deactivatedBecause', params: { reason: 'merged' } },
            target: 'deactivated-merged',
          },
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
      ...step('account-ok', {
        on: {
          'user.works': 'resolved',
          'user.refresh-status': { guard: 'hasSession', target: 'refreshing-status' },
          'user.still-stuck': toSupport('still-stuck'),
        },
      }),
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
      ...step('api-unreachable', {
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
      }),

      ...step('escalate-employer'),
      ...step('escalate-support'),
      ...step('resolved'),
    },
  });

export type TroubleshooterMachine = ReturnType<typeof createTroubleshooterMachine>;

let machine: TroubleshooterMachine | null = null;

/** The troubleshooter's machine, built on the first call. */
export function troubleshooterMachine(): TroubleshooterMachine {
  return (machine ??= createTroubleshooterMachine());
}
export type TroubleshooterSnapshot = SnapshotFrom<TroubleshooterMachine>;

/** The step a snapshot shows, or null while the machine is busy talking to the API. */
export function currentStep(snapshot: TroubleshooterSnapshot): StepId | null {
  const value = snapshot.value;
  return typeof value === 'string' && isStepId(value) && snapshot.hasTag('step') ? value : null;
}
