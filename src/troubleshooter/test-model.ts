/**
 * Test support (not shipped: no page imports it): the events a graph traversal of the machine may
 * send, including the answers of the API actors, and how to recognize the states that matter. The
 * unit tests, the model-based tests and the Playwright spec all walk the machine with these.
 */
import { createActor, fromPromise, waitFor, type AnyEventObject } from 'xstate';
import type {
  AccountView,
  CheckOutcome,
  ContactCheck,
  HelpRequestOutcome,
  Policy,
  PolicyOutcome,
  StatusOutcome,
  VerifyOutcome,
} from '../api/worker-help';
import type { ServiceStatus, ServiceStatusOutcome } from '../api/service-status';
import type { TroubleshooterInput } from './context';
import { currentStep, troubleshooterMachine, type TroubleshooterSnapshot } from './troubleshooter.machine';
import { CHOICES, END_STEPS, isStepId, type StepId } from './steps';
import { loadRules } from '../../server/config/public';

type Ok<O> = Extract<O, { type: 'ok' }>;

/** When the sample API answers arrive (ms since epoch); resends are tried well after the cooldown. */
export const T0 = 1_700_000_000_000;

/** `GET /api/v1/policy` with the server's default rules (read as the server reads them). */
export const POLICY: Policy = loadRules({});

export const POLICY_OUTCOMES = {
  ok: { type: 'ok', status: 200, data: POLICY, at: T0 },
  unreachable: { type: 'unreachable' },
} satisfies Record<string, PolicyOutcome>;

const OK_CHANNEL = { state: 'ok', waitSeconds: null } as const;
const serviceStatus = (data: Partial<ServiceStatus>): Ok<ServiceStatusOutcome> => ({
  type: 'ok',
  status: 200,
  at: T0,
  data: {
    checkedAt: new Date(T0).toISOString(),
    channels: { sms: OK_CHANNEL, email: OK_CHANNEL },
    notices: [],
    ...data,
  },
});

/** `GET /api/v1/service-status` as the API answers it: all well, texts slow, nothing getting through. */
export const SERVICE_OUTCOMES = {
  ok: serviceStatus({}),
  smsDelayed: serviceStatus({
    channels: { sms: { state: 'delayed', waitSeconds: 300 }, email: OK_CHANNEL },
    notices: [
      { source: 'automatic', channel: 'sms', state: 'delayed', waitSeconds: 300, text: null, until: null },
    ],
  }),
  allDown: serviceStatus({
    channels: { sms: { state: 'down', waitSeconds: null }, email: { state: 'down', waitSeconds: null } },
    notices: [
      { source: 'automatic', channel: 'sms', state: 'down', waitSeconds: null, text: null, until: null },
      { source: 'automatic', channel: 'email', state: 'down', waitSeconds: null, text: null, until: null },
    ],
  }),
  unreachable: { type: 'unreachable' },
} satisfies Record<string, ServiceStatusOutcome>;

export const account = (overrides: Partial<AccountView> = {}): AccountView => ({
  status: 'active',
  loginMethod: 'code',
  smsEligible: true,
  emailOnFile: true,
  emailConfirmed: true,
  loginWith: { kind: 'phone', masked: '+1 •••-•••-0134' },
  deactivationReason: null,
  locked: false,
  lockedUntil: null,
  employerName: 'Northwind Staffing',
  employerCount: 1,
  ...overrides,
});

/** A contact check as the API answers it (`masked` is the server's way of showing the contact). */
const check = (data: Partial<ContactCheck> & Pick<ContactCheck, 'kind'>): Ok<CheckOutcome> => ({
  type: 'ok',
  status: 200,
  at: T0,
  data: {
    normalized: null,
    masked: null,
    smsEligible: false,
    suggestion: null,
    reason: null,
    message: null,
    ...data,
  },
});

export const CHECK_OUTCOMES = {
  phone: check({ kind: 'phone', normalized: '+15145550134', masked: '+1 •••-•••-0134', smsEligible: true }),
  foreignPhone: check({ kind: 'phone', normalized: '+33612345678', masked: '+33 •••-•••-5678' }),
  email: check({ kind: 'email', normalized: 'sam@example.com', masked: 's•m@example.com' }),
  typo: check({
    kind: 'email',
    normalized: 'sam@gmial.com',
    masked: 's•m@gmial.com',
    suggestion: 'sam@gmail.com',
  }),
  /** The check of the address a typo suggestion proposed. */
  suggested: check({ kind: 'email', normalized: 'sam@gmail.com', masked: 's•m@gmail.com' }),
  username: check({ kind: 'username', normalized: 'dlavoie', masked: 'd•••••e' }),
  invalid: check({
    kind: 'invalid',
    reason: 'phone-format',
    message:
      'This phone number is not valid. Include the area code, and the country code if it is outside North America (for example +33).',
  }),
  rejected: {
    type: 'refused',
    status: 400,
    code: 'invalid-request',
    message: 'The field "contact" is missing or not valid.',
  },
  rateLimited: {
    type: 'rate-limited',
    retryAfterSeconds: 30,
    message: 'Too many requests. Please wait 30 seconds before trying again.',
    at: T0,
  },
  unreachable: { type: 'unreachable' },
} satisfies Record<string, CheckOutcome>;

/** A 202: sent if on file; `retryAfterSeconds` is the server's wait before the next send (caps included). */
export const sentAt = (at: number, retryAfterSeconds = 60): Ok<HelpRequestOutcome> => ({
  type: 'ok',
  status: 202,
  at,
  data: { status: 'sent-if-on-file', retryAfterSeconds, expiresInSeconds: 600 },
});

export const SEND_OUTCOMES = {
  sent: sentAt(T0 + 1_000),
  rateLimited: {
    type: 'rate-limited',
    retryAfterSeconds: 45,
    message: 'Too many requests. Please wait 45 seconds before trying again.',
    at: T0 + 1_000,
  },
  rejected: {
    type: 'refused',
    status: 400,
    code: 'sms-unavailable',
    message: 'Text messages only go to North American (+1) numbers. Use your email address instead.',
  },
  unreachable: { type: 'unreachable' },
} satisfies Record<string, HelpRequestOutcome>;

export const ACCOUNTS = {
  active: account(),
  invited: account({ status: 'invited' }),
  locked: account({ status: 'locked', locked: true, lockedUntil: '2030-01-01T15:30:00.000Z' }),
  unconfirmed: account({
    status: 'unconfirmed',
    emailConfirmed: false,
    loginWith: { kind: 'email', masked: 's•m@example.com' },
  }),
  merged: account({ status: 'deactivated', deactivationReason: 'merged' }),
  removed: account({ status: 'deactivated', deactivationReason: 'removed-by-employer' }),
  employerLeft: account({ status: 'deactivated', deactivationReason: 'employer-left' }),
  deactivated: account({ status: 'deactivated' }),
  sso: account({ loginMethod: 'sso', loginWith: { kind: 'email', masked: 's•m@northwind.example' } }),
  username: account({ loginMethod: 'password', loginWith: { kind: 'username', masked: 'd•••••e' } }),
  password: account({
    loginMethod: 'password',
    loginWith: { kind: 'email', masked: 's•m@example.com' },
  }),
} satisfies Record<string, AccountView>;

export const VERIFY_OUTCOMES: Record<string, VerifyOutcome> = {
  ...Object.fromEntries(
    Object.entries(ACCOUNTS).map(([name, view]) => [
      name,
      {
        type: 'ok',
        status: 200,
        at: T0 + 2_000,
        data: { sessionToken: `session-${name}`, expiresInSeconds: 900, account: view },
      } satisfies VerifyOutcome,
    ]),
  ),
  invalid: {
    type: 'refused',
    status: 400,
    code: 'invalid-or-expired-code',
    message: 'This code is not valid or has expired. Use the newest code you received, or ask for a new one.',
  },
  rateLimited: {
    type: 'rate-limited',
    retryAfterSeconds: 120,
    message: 'Too many requests. Please wait 2 minutes before trying again.',
    at: T0 + 2_000,
  },
  blocked: {
    type: 'refused',
    status: 403,
    code: 'verification-blocked',
    message: 'Too many wrong codes were entered for this contact. Contact support to unblock it.',
  },
  unreachable: { type: 'unreachable' },
};

const status = (view: AccountView): Ok<StatusOutcome> => ({
  type: 'ok',
  status: 200,
  at: T0 + 3_000,
  data: { account: view, expiresInSeconds: 600 },
});

export const STATUS_OUTCOMES = {
  ok: status(ACCOUNTS.active),
  unlocked: status(ACCOUNTS.active),
  expired: {
    type: 'refused',
    status: 401,
    code: 'invalid-session',
    message: 'Your verification has expired. Enter a new code to continue.',
  },
  unreachable: { type: 'unreachable' },
} satisfies Record<string, StatusOutcome>;

const done = (id: string, outputs: Record<string, unknown>): AnyEventObject[] =>
  Object.values(outputs).map((output) => ({ type: `xstate.done.actor.${id}`, output }));

/** Every event the traversal may send (the graph keeps those the current state accepts). */
export function sampleEvents(options: { errors?: boolean } = {}): AnyEventObject[] {
  const events: AnyEventObject[] = [
    ...CHOICES.map((choice) => ({ type: `user.${choice}` })),
    { type: 'user.submit-contact', contact: '514 555 0134' },
    { type: 'user.submit-contact', contact: '   ' },
    { type: 'user.submit-code', code: '123 456' },
    { type: 'user.submit-code', code: '12345' },
    { type: 'user.resend', at: T0 + 3_600_000 },
    { type: 'user.retry' },
    ...done('checkContact', CHECK_OUTCOMES),
    ...done('requestHelp', SEND_OUTCOMES),
    ...done('verifyCode', VERIFY_OUTCOMES),
    ...done('fetchAccountStatus', STATUS_OUTCOMES),
  ];
  if (options.errors) {
    for (const id of ['checkContact', 'requestHelp', 'verifyCode', 'fetchAccountStatus']) {
      events.push({ type: `xstate.error.actor.${id}`, error: new Error('network down') });
    }
  }
  return events;
}

/** The step a snapshot shows (null for the machine's busy and routing states). */
export function stepOf(snapshot: TroubleshooterSnapshot): StepId | null {
  return typeof snapshot.value === 'string' && isStepId(snapshot.value) ? snapshot.value : null;
}

export const isEnd = (snapshot: TroubleshooterSnapshot): boolean => {
  const step = stepOf(snapshot);
  return step !== null && END_STEPS[step] !== undefined;
};

/**
 * What makes two snapshots "the same state" for the graph: the step and the parts of the context
 * that later guards read (what is being sent, a session, which request failed). Timestamps, the
 * trail and the API answers themselves are left out, or every path would be a state of its own.
 */
export function serializeForGraph(snapshot: TroubleshooterSnapshot): string {
  const { context } = snapshot;
  return JSON.stringify([snapshot.value, context.purpose, context.session !== null, context.failedOp]);
}

/** Coarser, for the end-to-end walk: a step and what is being sent. */
export function serializeForWalk(snapshot: TroubleshooterSnapshot): string {
  return JSON.stringify([snapshot.value, snapshot.context.purpose]);
}

/** The sample events a snapshot accepts (restart aside: it is always there and leads to the start). */
export function eventsFor(all: AnyEventObject[]) {
  return (snapshot: TroubleshooterSnapshot): AnyEventObject[] =>
    all.filter((event) => event.type !== 'user.restart' && snapshot.can(event as never));
}

/** The answers a scripted run of the machine gets, in order, per API actor. */
export interface Script {
  /** What `GET /api/v1/policy` answers (the rules the API enforces); the server's defaults unless said. */
  policy?: PolicyOutcome;
  /** What `GET /api/v1/service-status` answers each time it is asked (the last one again after); all well unless said. */
  service?: ServiceStatusOutcome[];
  check?: CheckOutcome[];
  send?: HelpRequestOutcome[];
  verify?: VerifyOutcome[];
  status?: StatusOutcome[];
}

/** The machine with its API actors replaced by scripted answers; records what each call received. */
export function startScripted(script: Script = {}, input: TroubleshooterInput = {}) {
  const calls = {
    check: [] as unknown[],
    send: [] as unknown[],
    verify: [] as unknown[],
    status: [] as unknown[],
  };
  const next = <T>(list: T[] | undefined, name: string): T => {
    const value = list?.shift();
    if (value === undefined) throw new Error(`unexpected ${name} call`);
    return value;
  };
  const machine = troubleshooterMachine().provide({
    actors: {
      fetchPolicy: fromPromise(async () => script.policy ?? POLICY_OUTCOMES.ok),
      fetchServiceStatus: fromPromise(async () =>
        script.service && script.service.length > 1
          ? script.service.shift()!
          : (script.service?.[0] ?? SERVICE_OUTCOMES.ok),
      ),
      checkContact: fromPromise(async ({ input }) => {
        calls.check.push(input);
        return next(script.check, 'check');
      }),
      requestHelp: fromPromise(async ({ input }) => {
        calls.send.push(input);
        return next(script.send, 'send');
      }),
      verifyCode: fromPromise(async ({ input }) => {
        calls.verify.push(input);
        return next(script.verify, 'verify');
      }),
      fetchAccountStatus: fromPromise(async ({ input }) => {
        calls.status.push(input);
        return next(script.status, 'status');
      }),
    },
  });
  const actor = createActor(machine, { input: { locale: 'en', ...input } }).start();
  const settle = () => waitFor(actor, (snapshot) => currentStep(snapshot) !== null, { timeout: 1000 });
  return { actor, calls, settle, step: () => currentStep(actor.getSnapshot()) };
}
