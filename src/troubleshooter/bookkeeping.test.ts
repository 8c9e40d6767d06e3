import { describe, expect, it } from 'vitest';
import type { VerifyOutcome } from '../api/worker-help';
import {
  afterCheck,
  afterSend,
  afterStatus,
  afterVerify,
  arrival,
  codeDead,
  codeToVerify,
  contactRefusal,
  holdBack,
  resendAllowed,
  restarted,
  sendInput,
  sentRecently,
  triesLeft,
} from './bookkeeping';
import { initialContext, type TroubleshooterContext } from './context';
import {
  ACCOUNTS,
  CHECK_OUTCOMES,
  POLICY,
  SEND_OUTCOMES,
  STATUS_OUTCOMES,
  T0,
  VERIFY_OUTCOMES,
  sentAt,
} from './test-model';

const context = (changes: Partial<TroubleshooterContext> = {}): TroubleshooterContext => ({
  ...initialContext({ locale: 'en' }),
  ...changes,
});
const apply = (base: TroubleshooterContext, changes: Partial<TroubleshooterContext>) => ({
  ...base,
  ...changes,
});

/** A phone was typed and checked by the API. */
const checked = (changes: Partial<TroubleshooterContext> = {}) =>
  apply(context({ contact: '514 555 0134', policy: POLICY }), {
    ...afterCheck(context({ contact: '514 555 0134' }), CHECK_OUTCOMES.phone),
    ...changes,
  });

describe('after a contact check', () => {
  it('keeps the server’s check, the contact to send to and the time of the answer', () => {
    const next = checked();
    expect(next.check?.masked).toBe('+1 •••-•••-0134');
    expect(next.target).toBe('+15145550134');
    expect(next.lastSeenAt).toBe(T0);
  });

  it.each([
    [CHECK_OUTCOMES.rateLimited, { error: 'contact-rate-limited', errorUntil: T0 + 30_000 }],
    [CHECK_OUTCOMES.rejected, { error: 'rejected-contact', apiMessage: CHECK_OUTCOMES.rejected.message }],
    [CHECK_OUTCOMES.username, { error: 'username-contact' }],
    [CHECK_OUTCOMES.invalid, { error: 'invalid-contact', apiMessage: CHECK_OUTCOMES.invalid.data.message }],
  ] as const)('says why a contact cannot be used (%#)', (outcome, expected) => {
    const base = context();
    expect(contactRefusal(apply(base, afterCheck(base, outcome)))).toEqual(expected);
  });
});

describe('after a help request', () => {
  it('waits what the 202 says before the next send, caps included, and shows the server’s masking', () => {
    // The server's fifth send of the hour: its wait runs until the first send is an hour old.
    const next = apply(checked(), afterSend(checked(), sentAt(T0 + 1_000, 3_356)));
    expect(next.request).toEqual({
      contact: '+15145550134',
      masked: '+1 •••-•••-0134',
      purpose: 'login-code',
      outcome: 'sent',
      at: T0 + 1_000,
      expiresAt: T0 + 1_000 + 600_000,
    });
    expect(next.sendLog).toEqual({ sends: 1, cooldowns: { '+15145550134': T0 + 1_000 + 3_356_000 } });
    expect(resendAllowed(next, T0 + 1_000 + 3_355_999)).toBe(false);
    expect(resendAllowed(next, T0 + 1_000 + 3_356_000)).toBe(true);
  });

  it('turns a 429 into the same kind of wait, without counting a message', () => {
    const next = apply(checked(), afterSend(checked(), SEND_OUTCOMES.rateLimited));
    expect(next.requestOutcome).toBe('rate-limited');
    expect(next.sendLog).toEqual({ sends: 0, cooldowns: { '+15145550134': T0 + 1_000 + 45_000 } });
    expect(next.request?.expiresAt).toBeNull();
  });

  it('passes a refusal to the contact form in the API’s words, and remembers an outage to retry it', () => {
    expect(afterSend(checked(), SEND_OUTCOMES.rejected)).toMatchObject({
      requestOutcome: 'rejected',
      error: 'rejected-contact',
      apiMessage: SEND_OUTCOMES.rejected.message,
    });
    expect(afterSend(checked(), SEND_OUTCOMES.unreachable)).toMatchObject({
      requestOutcome: 'unreachable',
      failedOp: 'send',
    });
  });

  it('holds a send back while the last wait runs, keeping the newest message’s lifetime', () => {
    const sent = apply(checked(), afterSend(checked(), SEND_OUTCOMES.sent));
    const again = apply(sent, { ...afterCheck(sent, { ...CHECK_OUTCOMES.phone, at: T0 + 10_000 }) });
    expect(sentRecently(again)).toBe(true);
    expect(holdBack(again).request).toEqual({
      ...sent.request,
      outcome: 'rate-limited',
      at: T0 + 10_000,
    });
  });

  it('shows no contact rather than one the server did not describe', () => {
    const typo = apply(context({ contact: 'sam@gmial.com' }), afterCheck(context(), CHECK_OUTCOMES.typo));
    const elsewhere = apply(typo, { target: 'sam@gmail.com' });
    expect(holdBack(elsewhere).request?.masked).toBeNull();
  });

  it('sends email to an email, a text to a +1 phone, and what was asked for otherwise', () => {
    expect(sendInput(checked())).toEqual({
      contact: '+15145550134',
      purpose: 'login-code',
      channel: 'sms',
      locale: 'en',
    });
    const email = apply(context(), afterCheck(context(), CHECK_OUTCOMES.email));
    expect(sendInput({ ...email, channel: 'sms' }).channel).toBe('email');
    expect(sendInput(context({ contact: 'x', channel: 'email' })).channel).toBe('email');
  });
});

describe('checking a code', () => {
  it('reads a typed code with the policy’s digits, or sends it as typed without the policy', () => {
    expect(codeToVerify(checked(), ' １２３ ４５６ ')).toBe('123456');
    expect(codeToVerify(checked(), '12345')).toBeNull();
    expect(codeToVerify(checked({ policy: { ...POLICY, codeDigits: 8 } }), '1234 5678')).toBe('12345678');
    expect(codeToVerify(checked({ policy: null }), ' 12345 ')).toBe('12345');
  });

  it('counts wrong codes up to the policy’s guesses; without it, counts without a limit', () => {
    let next = checked();
    for (let attempt = 1; attempt <= POLICY.codeMaxGuesses; attempt += 1) {
      next = apply(next, afterVerify(next, VERIFY_OUTCOMES.invalid));
      expect(triesLeft(next)).toBe(POLICY.codeMaxGuesses - attempt);
    }
    expect(next.error).toBe('code-dead');
    expect(codeDead(next)).toBe(true);
    const unknown = { ...next, policy: null };
    expect(codeDead(unknown)).toBe(false);
    expect(triesLeft(unknown)).toBeNull();
  });

  it('does not count a code the server found malformed as a guess', () => {
    const badFormat: VerifyOutcome = {
      type: 'refused',
      status: 400,
      code: 'invalid-code-format',
      message: 'A code has 6 digits.',
    };
    expect(afterVerify(checked(), badFormat)).toMatchObject({ error: 'code-format' });
    expect(afterVerify(checked(), badFormat).codeAttempts).toBeUndefined();
  });

  it('keeps the session and the account of a right code, and the wait of a 429', () => {
    expect(afterVerify(checked(), VERIFY_OUTCOMES.locked)).toMatchObject({
      verification: 'verified',
      session: 'session-locked',
      account: ACCOUNTS.locked,
    });
    expect(afterVerify(checked(), VERIFY_OUTCOMES.rateLimited)).toMatchObject({
      error: 'code-rate-limited',
      errorUntil: T0 + 2_000 + 120_000,
    });
  });

  it('asks for a new code when the session expired (401 invalid-session)', () => {
    const verified = apply(checked(), afterVerify(checked(), VERIFY_OUTCOMES.locked));
    expect(afterStatus(verified, STATUS_OUTCOMES.expired)).toMatchObject({
      session: null,
      account: null,
      verification: 'none',
      error: 'session-expired',
    });
    expect(afterStatus(verified, STATUS_OUTCOMES.unreachable)).toMatchObject({ failedOp: 'status' });
    expect(afterStatus(verified, STATUS_OUTCOMES.ok).account).toEqual(ACCOUNTS.active);
  });
});

describe('the trail and starting over', () => {
  it('adds each new step once and keeps an error on the step it belongs to', () => {
    const start = apply(context(), arrival(context(), 'what-happens'));
    expect(arrival(start, 'what-happens').trail).toEqual(['what-happens']);
    const failed = apply(start, { trail: ['what-happens', 'code-sent'], error: 'code-invalid' });
    expect(arrival(failed, 'code-sent').error).toBe('code-invalid');
    expect(arrival(failed, 'check-spam').error).toBeNull();
  });

  it('forgets the answers on a restart, not the waits or the rules the API gave', () => {
    const sent = apply(checked(), afterSend(checked(), SEND_OUTCOMES.sent));
    const again = restarted(sent);
    expect(again.request).toBeNull();
    expect(again.contact).toBe('');
    expect(again.sendLog).toEqual(sent.sendLog);
    expect(again.policy).toEqual(POLICY);
  });
});
