/**
 * Test support (not shipped: no page imports it): the events a graph traversal of the machine may
 * send, including the answers of the API actors, and how to recognise the states that matter. The
 * unit tests, the model-based tests and the Playwright spec all walk the machine with these.
 */
import type { AnyEventObject } from 'xstate';
import type {
  AccountView,
  CheckOutcome,
  HelpRequestOutcome,
  StatusOutcome,
  VerifyOutcome,
} from './api-client';
import type { TroubleshooterSnapshot } from './troubleshooter.machine';
import { CHOICES, END_STEPS, isStepId, type StepId } from './steps';

/** When the sample API answers arrive (ms since epoch); resends are tried well after the cooldown. */
export const T0 = 1_700_000_000_000;

export const account = (overrides: Partial<AccountView> = {}): AccountView => ({
  status: 'active',
  loginMethod: 'code',
  smsEligible: true,
  emailOnFile: true,
  loginWith: { kind: 'phone', masked: '+1 ••• •••-••34' },
  deactivationReason: null,
  lockedUntil: null,
  employerName: 'Northwind Staffing',
  employerCount: 1,
  ...overrides,
});

export const CHECK_OUTCOMES = {
  phone: {
    type: 'ok',
    at: T0,
    check: { kind: 'phone', normalized: '+15145550134', smsEligible: true, suggestion: null, message: null },
  },
  foreignPhone: {
    type: 'ok',
    at: T0,
    check: { kind: 'phone', normalized: '+33612345678', smsEligible: false, suggestion: null, message: null },
  },
  email: {
    type: 'ok',
    at: T0,
    check: {
      kind: 'email',
      normalized: 'sam@example.com',
      smsEligible: false,
      suggestion: null,
      message: null,
    },
  },
  typo: {
    type: 'ok',
    at: T0,
    check: {
      kind: 'email',
      normalized: 'sam@gmial.com',
      smsEligible: false,
      suggestion: 'sam@gmail.com',
      message: null,
    },
  },
  username: {
    type: 'ok',
    at: T0,
    check: { kind: 'username', normalized: null, smsEligible: false, suggestion: null, message: null },
  },
  invalid: {
    type: 'ok',
    at: T0,
    check: {
      kind: 'invalid',
      normalized: null,
      smsEligible: false,
      suggestion: null,
      message: 'This phone number is too short.',
    },
  },
  rejected: { type: 'rejected', code: 'invalid_body', message: 'The contact is missing.' },
  rateLimited: { type: 'rate-limited', retryAfterSeconds: 30, at: T0 },
  unreachable: { type: 'unreachable' },
} satisfies Record<string, CheckOutcome>;

export const SEND_OUTCOMES = {
  sent: { type: 'sent', retryAfterSeconds: 60, expiresInSeconds: 600, at: T0 + 1_000 },
  rateLimited: { type: 'rate-limited', retryAfterSeconds: 45, at: T0 + 1_000 },
  rejected: { type: 'rejected', code: 'sms_not_possible', message: 'Text messages go to +1 numbers only.' },
  unreachable: { type: 'unreachable' },
} satisfies Record<string, HelpRequestOutcome>;

export const ACCOUNTS = {
  active: account(),
  invited: account({ status: 'invited' }),
  locked: account({ status: 'locked', lockedUntil: '2030-01-01T15:30:00.000Z' }),
  unconfirmed: account({
    status: 'unconfirmed',
    loginWith: { kind: 'email', masked: 's•••@example.com' },
  }),
  merged: account({ status: 'deactivated', deactivationReason: 'merged' }),
  removed: account({ status: 'deactivated', deactivationReason: 'removed-by-employer' }),
  employerLeft: account({ status: 'deactivated', deactivationReason: 'employer-left' }),
  deactivated: account({ status: 'deactivated' }),
  sso: account({ loginMethod: 'sso', loginWith: { kind: 'email', masked: 's•••@northwind.example' } }),
  username: account({ loginMethod: 'password', loginWith: { kind: 'username', masked: 'sa•••42' } }),
  password: account({
    loginMethod: 'password',
    loginWith: { kind: 'email', masked: 's•••@example.com' },
  }),
} satisfies Record<string, AccountView>;

export const VERIFY_OUTCOMES: Record<string, VerifyOutcome> = {
  ...Object.fromEntries(
    Object.entries(ACCOUNTS).map(([name, view]) => [
      name,
      { type: 'verified', sessionToken: `session-${name}`, account: view } satisfies VerifyOutcome,
    ]),
  ),
  invalid: { type: 'invalid' },
  rateLimited: { type: 'rate-limited', retryAfterSeconds: 120, at: T0 + 2_000 },
  unreachable: { type: 'unreachable' },
};

export const STATUS_OUTCOMES = {
  ok: { type: 'ok', account: ACCOUNTS.active },
  unlocked: { type: 'ok', account: ACCOUNTS.active },
  expired: { type: 'expired' },
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
