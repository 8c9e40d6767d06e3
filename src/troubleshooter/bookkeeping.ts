/**
 * What the troubleshooter writes down when the API answers: pure functions from the context and an
 * answer to the context's changes (the machine's actions assign them), and the questions its guards
 * ask about them. Numbers the API enforces come from its policy (`context.policy`); without it the
 * server's answer decides.
 */
import { normalizeCode } from '../../shared/login-code';
import type {
  CheckOutcome,
  HelpRequestOutcome,
  PolicyOutcome,
  StatusOutcome,
  VerifyOutcome,
} from '../api/worker-help';
import { ERROR_STEP, initialContext, type FormError, type TroubleshooterContext } from './context';
import { nextSendAt, noteSendAnswer } from './send-log';
import type { StepId } from './steps';

type Changes = Partial<TroubleshooterContext>;

/** The reference code encodes the last steps; older ones are of no use to anyone. */
const MAX_TRAIL = 40;

/** The worker arrives on `step`. */
export function arrival(context: TroubleshooterContext, step: StepId): Changes {
  return {
    // Coming back to the same step (a refused code, a corrected contact) is not a new step.
    trail:
      context.trail[context.trail.length - 1] === step
        ? context.trail
        : [...context.trail, step].slice(-MAX_TRAIL),
    // A notice belongs to the step the page opened on; the next answer clears it.
    notice: context.trail.length === 0 ? context.notice : null,
    error: context.error && ERROR_STEP[context.error] === step ? context.error : null,
  };
}

/** Start over: every answer forgotten, but what the API said about sends and its rules. */
export function restarted(context: TroubleshooterContext): TroubleshooterContext {
  return {
    ...initialContext({ locale: context.locale }),
    // Forgetting the cooldowns would let the page offer a resend the API refuses.
    sendLog: context.sendLog,
    lastSeenAt: context.lastSeenAt,
    policy: context.policy,
  };
}

const later = (context: TroubleshooterContext, at: number) => Math.max(context.lastSeenAt, at);

export function afterPolicy(outcome: PolicyOutcome): Changes {
  return outcome.type === 'ok' ? { policy: outcome.data } : {};
}

export function afterCheck(context: TroubleshooterContext, outcome: CheckOutcome): Changes {
  return {
    outcomes: { ...context.outcomes, check: outcome },
    check: outcome.type === 'ok' ? outcome.data : context.check,
    target: outcome.type === 'ok' ? (outcome.data.normalized ?? context.contact) : context.target,
    lastSeenAt: 'at' in outcome ? later(context, outcome.at) : context.lastSeenAt,
    failedOp: outcome.type === 'unreachable' ? 'check' : null,
    error: null,
  };
}

/** The contact cannot be used: why, for the form (the check's answer is in the context). */
export function contactRefusal(context: TroubleshooterContext): Changes {
  const outcome = context.outcomes.check;
  if (outcome?.type === 'rate-limited') {
    return { error: 'contact-rate-limited', errorUntil: outcome.at + outcome.retryAfterSeconds * 1000 };
  }
  if (outcome?.type === 'refused') return { error: 'rejected-contact', apiMessage: outcome.message };
  if (outcome?.type === 'ok' && outcome.data.kind === 'username') return { error: 'username-contact' };
  return { error: 'invalid-contact', apiMessage: outcome?.type === 'ok' ? outcome.data.message : null };
}

export function contactRefused(context: TroubleshooterContext): boolean {
  const outcome = context.outcomes.check;
  return outcome?.type !== 'ok' || outcome.data.kind === 'invalid' || outcome.data.kind === 'username';
}

/** The server's masking of the contact we send to, when its check described that very contact. */
function maskedTarget(context: TroubleshooterContext, contact: string): string | null {
  return context.check?.normalized === contact ? context.check.masked : null;
}

const sendTarget = (context: TroubleshooterContext) => context.target ?? context.contact;

/** A message went to the contact moments ago: asking again now would only earn a 429. */
export function sentRecently(context: TroubleshooterContext): boolean {
  return nextSendAt(context.sendLog, sendTarget(context), context.lastSeenAt) !== null;
}

/** The worker may ask for another message at `at` (the API would accept it). */
export function resendAllowed(context: TroubleshooterContext, at: number): boolean {
  return context.request !== null && nextSendAt(context.sendLog, context.request.contact, at) === null;
}

/** Nothing sent (a recent message still counts): the code step shows the newest one's countdowns. */
export function holdBack(context: TroubleshooterContext): Changes {
  const contact = sendTarget(context);
  return {
    requestOutcome: 'rate-limited',
    request: {
      contact,
      masked: maskedTarget(context, contact),
      purpose: context.purpose,
      outcome: 'rate-limited',
      at: context.lastSeenAt,
      expiresAt: context.request?.contact === contact ? context.request.expiresAt : null,
    },
  };
}

export function afterSend(context: TroubleshooterContext, outcome: HelpRequestOutcome): Changes {
  const contact = sendTarget(context);
  const base = { outcomes: { ...context.outcomes, send: outcome }, error: null, notice: null };
  if (outcome.type === 'ok' || outcome.type === 'rate-limited') {
    const sent = outcome.type === 'ok';
    const wait = sent ? outcome.data.retryAfterSeconds : outcome.retryAfterSeconds;
    return {
      ...base,
      requestOutcome: sent ? 'sent' : 'rate-limited',
      lastSeenAt: later(context, outcome.at),
      failedOp: null,
      ...(sent ? { codeAttempts: 0 } : {}),
      request: {
        contact,
        masked: maskedTarget(context, contact),
        purpose: context.purpose,
        outcome: sent ? 'sent' : 'rate-limited',
        at: outcome.at,
        expiresAt: sent
          ? outcome.at + outcome.data.expiresInSeconds * 1000
          : context.request?.contact === contact
            ? context.request.expiresAt
            : null,
      },
      sendLog: noteSendAnswer(context.sendLog, {
        contact,
        sent,
        until: outcome.at + wait * 1000,
        at: outcome.at,
      }),
    };
  }
  if (outcome.type === 'refused') {
    return { ...base, requestOutcome: 'rejected', error: 'rejected-contact', apiMessage: outcome.message };
  }
  return { ...base, requestOutcome: 'unreachable', failedOp: 'send' };
}

/**
 * The code to verify, as the policy's digits (spaces, dashes and full-width digits are fine), or
 * null when it cannot be a code. Without the policy it goes as typed: the server normalizes it too.
 */
export function codeToVerify(context: TroubleshooterContext, typed: string): string | null {
  return context.policy ? normalizeCode(typed, context.policy.codeDigits) : typed.trim();
}

/** Every guess this code allowed is used: only a new code helps now. */
export function codeDead(context: TroubleshooterContext): boolean {
  return context.policy !== null && context.codeAttempts >= context.policy.codeMaxGuesses;
}

/** Guesses left with the current code, when the policy says how many a code allows. */
export function triesLeft(context: TroubleshooterContext): number | null {
  return context.policy ? Math.max(0, context.policy.codeMaxGuesses - context.codeAttempts) : null;
}

export function afterVerify(context: TroubleshooterContext, outcome: VerifyOutcome): Changes {
  const base = { outcomes: { ...context.outcomes, verify: outcome } };
  switch (outcome.type) {
    case 'ok':
      return {
        ...base,
        verification: 'verified',
        session: outcome.data.sessionToken,
        account: outcome.data.account,
        pendingCode: null,
        error: null,
        failedOp: null,
      };
    case 'refused': {
      // Not a code at all (the policy was not known here): not a guess, nothing counted.
      if (outcome.code === 'invalid-code-format') {
        return { ...base, pendingCode: null, error: 'code-format', failedOp: null };
      }
      // The contact's code checks are closed (the hard cap of wrong codes): no code is judged now.
      if (outcome.code === 'verification-blocked') {
        return { ...base, verification: 'invalid', pendingCode: null, error: 'code-blocked', failedOp: null };
      }
      const attempts = context.codeAttempts + 1;
      const next = { ...context, codeAttempts: attempts };
      const error: FormError = codeDead(next) ? 'code-dead' : 'code-invalid';
      return {
        ...base,
        verification: 'invalid',
        codeAttempts: attempts,
        pendingCode: null,
        error,
        failedOp: null,
      };
    }
    case 'rate-limited':
      return {
        ...base,
        verification: 'invalid',
        pendingCode: null,
        error: 'code-rate-limited',
        errorUntil: outcome.at + outcome.retryAfterSeconds * 1000,
        failedOp: null,
      };
    default:
      return { ...base, verification: 'unreachable', failedOp: 'verify' };
  }
}

/** The session a verified code opened has expired: a new code is needed to see the account again. */
export function sessionExpired(outcome: StatusOutcome | null): boolean {
  return outcome?.type === 'refused' && outcome.code === 'invalid-session';
}

export function afterStatus(context: TroubleshooterContext, outcome: StatusOutcome): Changes {
  const base = { outcomes: { ...context.outcomes, status: outcome } };
  if (outcome.type === 'ok') return { ...base, account: outcome.data.account, failedOp: null, error: null };
  if (sessionExpired(outcome)) {
    return { ...base, account: null, session: null, verification: 'none', error: 'session-expired' };
  }
  return { ...base, failedOp: 'status' };
}

/** Where a help request goes: email to an email, a text to a +1 phone unless the worker asked for email. */
export function sendInput(context: TroubleshooterContext) {
  const kind = context.check?.kind;
  return {
    contact: sendTarget(context),
    purpose: context.purpose,
    channel: kind === 'email' ? ('email' as const) : kind === 'phone' ? ('sms' as const) : context.channel,
    locale: context.locale,
  };
}

export function verifyInput(context: TroubleshooterContext) {
  return {
    contact: context.request?.contact ?? sendTarget(context),
    code: context.pendingCode ?? '',
    locale: context.locale,
  };
}
