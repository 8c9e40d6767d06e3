/** The machine on scripted API answers: the start, deep links, sending a code and checking it. */
import { describe, expect, it } from 'vitest';
import type { VerifyOutcome } from '../api/worker-help';
import {
  CHECK_OUTCOMES,
  POLICY,
  POLICY_OUTCOMES,
  SEND_OUTCOMES,
  T0,
  VERIFY_OUTCOMES,
  sentAt,
  startScripted as start,
} from './test-model';
import { STEP_IDS, deepLinkTarget } from './steps';

const MAX_CODE_ATTEMPTS = POLICY.codeMaxGuesses;

describe('troubleshooter machine: start and deep links', () => {
  it('starts with "what happens when you try to log in?"', () => {
    const { step, actor } = start();
    expect(step()).toBe('what-happens');
    expect(actor.getSnapshot().context.trail).toEqual(['what-happens']);
    expect(actor.getSnapshot().context.notice).toBeNull();
  });

  it.each(STEP_IDS)('a deep link ?step=%s opens that step, or the step that collects what it needs', (id) => {
    const { step, actor } = start({}, { step: id });
    expect(step()).toBe(deepLinkTarget(id));
    expect(actor.getSnapshot().context.notice).toBe(deepLinkTarget(id) === id ? null : 'needs-details');
  });

  it('opens the start with a notice when the step id is unknown', () => {
    const { step, actor } = start({}, { step: 'no-such-step' });
    expect(step()).toBe('what-happens');
    expect(actor.getSnapshot().context.notice).toBe('unknown-step');
    actor.send({ type: 'user.no-account' });
    expect(actor.getSnapshot().context.notice).toBeNull();
  });

  it('takes a channel prefill from a support link and ignores anything else', () => {
    expect(start({}, { step: 'enter-contact', channel: 'email' }).actor.getSnapshot().context.channel).toBe(
      'email',
    );
    expect(start({}, { channel: 'pigeon' }).actor.getSnapshot().context.channel).toBeNull();
  });

  it('starts over from anywhere, forgetting the answers but not the resend cooldowns', async () => {
    const { actor, settle, step } = start({ check: [CHECK_OUTCOMES.phone], send: [SEND_OUTCOMES.sent] });
    actor.send({ type: 'user.waiting-for-code' });
    actor.send({ type: 'user.send-code' });
    actor.send({ type: 'user.submit-contact', contact: '514 555 0134' });
    await settle();
    expect(step()).toBe('code-sent');
    actor.send({ type: 'user.restart' });
    const { context } = actor.getSnapshot();
    expect(step()).toBe('what-happens');
    expect(context.trail).toEqual(['what-happens']);
    expect(context.contact).toBe('');
    expect(context.request).toBeNull();
    expect(context.sendLog.cooldowns['+15145550134']).toBe(SEND_OUTCOMES.sent.at + 60_000);
  });
});

describe('troubleshooter machine: sending and verifying a code', () => {
  it('checks the contact, sends a code, and keeps the countdowns the API gave', async () => {
    const { actor, calls, settle, step } = start({
      check: [CHECK_OUTCOMES.phone],
      send: [SEND_OUTCOMES.sent],
    });
    actor.send({ type: 'user.how-to-log-in' });
    actor.send({ type: 'user.phone-plus-one' });
    actor.send({ type: 'user.send-code' });
    expect(step()).toBe('enter-contact');
    actor.send({ type: 'user.submit-contact', contact: '  514 555 0134 ' });
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    await settle();
    expect(step()).toBe('code-sent');
    expect(calls.check).toEqual([{ contact: '514 555 0134', locale: 'en' }]);
    expect(calls.send).toEqual([
      { contact: '+15145550134', purpose: 'login-code', channel: 'sms', locale: 'en' },
    ]);
    const { request, sendLog } = actor.getSnapshot().context;
    expect(request).toEqual({
      contact: '+15145550134',
      masked: '+1 •••-•••-0134',
      purpose: 'login-code',
      outcome: 'sent',
      at: SEND_OUTCOMES.sent.at,
      expiresAt: SEND_OUTCOMES.sent.at + 600_000,
    });
    expect(sendLog.cooldowns['+15145550134']).toBe(SEND_OUTCOMES.sent.at + 60_000);
  });

  it('asks again for an empty contact without calling the API', () => {
    const { actor, calls, step } = start({}, { step: 'enter-contact' });
    actor.send({ type: 'user.submit-contact', contact: '   ' });
    expect(step()).toBe('enter-contact');
    expect(actor.getSnapshot().context.error).toBe('empty-contact');
    expect(calls.check).toHaveLength(0);
  });

  it.each([
    ['invalid', CHECK_OUTCOMES.invalid, 'invalid-contact'],
    ['username', CHECK_OUTCOMES.username, 'username-contact'],
    ['rejected', CHECK_OUTCOMES.rejected, 'rejected-contact'],
    ['rate limited', CHECK_OUTCOMES.rateLimited, 'contact-rate-limited'],
  ] as const)('explains a %s contact on the same step', async (_, outcome, error) => {
    const { actor, calls, settle, step } = start({ check: [outcome] }, { step: 'enter-contact' });
    actor.send({ type: 'user.submit-contact', contact: 'whatever' });
    await settle();
    expect(step()).toBe('enter-contact');
    expect(actor.getSnapshot().context.error).toBe(error);
    expect(actor.getSnapshot().context.contact).toBe('whatever');
    expect(calls.send).toHaveLength(0);
  });

  it('never sends a text to a number outside +1 and offers email instead', async () => {
    const { actor, calls, settle, step } = start(
      { check: [CHECK_OUTCOMES.foreignPhone] },
      { step: 'enter-contact' },
    );
    actor.send({ type: 'user.submit-contact', contact: '+33 6 12 34 56 78' });
    await settle();
    expect(step()).toBe('phone-not-north-american');
    expect(calls.send).toHaveLength(0);
    actor.send({ type: 'user.use-email' });
    expect(step()).toBe('email-login');
    expect(actor.getSnapshot().context.channel).toBe('email');
  });

  it('offers the fix of an email typo and sends to the address the worker picks', async () => {
    const { actor, calls, settle, step } = start(
      { check: [CHECK_OUTCOMES.typo, CHECK_OUTCOMES.suggested], send: [SEND_OUTCOMES.sent] },
      { step: 'enter-contact' },
    );
    actor.send({ type: 'user.submit-contact', contact: 'sam@gmial.com' });
    await settle();
    expect(step()).toBe('confirm-contact');
    actor.send({ type: 'user.use-suggestion' });
    await settle();
    expect(step()).toBe('code-sent');
    expect(calls.send).toEqual([
      { contact: 'sam@gmail.com', purpose: 'login-code', channel: 'email', locale: 'en' },
    ]);
    // The picked address is checked too: the page shows it as the server masks it.
    expect(calls.check.at(-1)).toEqual({ contact: 'sam@gmail.com', locale: 'en' });
    expect(actor.getSnapshot().context.request?.masked).toBe('s•m@gmail.com');
  });

  it('accepts a pasted code with spaces and sends the six digits', async () => {
    const { actor, calls, settle, step } = start(
      { check: [CHECK_OUTCOMES.phone], send: [SEND_OUTCOMES.sent], verify: [VERIFY_OUTCOMES.active] },
      { step: 'enter-contact' },
    );
    actor.send({ type: 'user.submit-contact', contact: '5145550134' });
    await settle();
    actor.send({ type: 'user.submit-code', code: ' 123 456 ' });
    await settle();
    expect(calls.verify).toEqual([{ contact: '+15145550134', code: '123456', locale: 'en' }]);
    expect(step()).toBe('account-ok');
    expect(actor.getSnapshot().context.session).toBe('session-active');
  });

  it('refuses a malformed code locally, counts wrong codes, and stops at the API limit', async () => {
    const wrong = Array.from({ length: MAX_CODE_ATTEMPTS }, () => VERIFY_OUTCOMES.invalid);
    const { actor, calls, settle, step } = start(
      { check: [CHECK_OUTCOMES.phone], send: [SEND_OUTCOMES.sent], verify: wrong },
      { step: 'enter-contact' },
    );
    actor.send({ type: 'user.submit-contact', contact: '5145550134' });
    await settle();
    actor.send({ type: 'user.submit-code', code: '12345' });
    expect(actor.getSnapshot().context.error).toBe('code-format');
    expect(calls.verify).toHaveLength(0);
    for (let attempt = 1; attempt <= MAX_CODE_ATTEMPTS; attempt += 1) {
      actor.send({ type: 'user.submit-code', code: '000000' });
      await settle();
      expect(step()).toBe('code-sent');
      expect(actor.getSnapshot().context.codeAttempts).toBe(attempt);
      expect(actor.getSnapshot().context.error).toBe(
        attempt < MAX_CODE_ATTEMPTS ? 'code-invalid' : 'code-dead',
      );
    }
    actor.send({ type: 'user.submit-code', code: '111111' });
    expect(calls.verify).toHaveLength(MAX_CODE_ATTEMPTS);
    expect(actor.getSnapshot().context.error).toBe('code-dead');
  });

  it('says when code checks are closed for the contact, counts no guess, and offers support, who can reopen them', async () => {
    const { actor, settle, step } = start(
      { check: [CHECK_OUTCOMES.phone], send: [SEND_OUTCOMES.sent], verify: [VERIFY_OUTCOMES.blocked] },
      { step: 'enter-contact' },
    );
    actor.send({ type: 'user.submit-contact', contact: '5145550134' });
    await settle();
    expect(actor.getSnapshot().can({ type: 'user.contact-support' })).toBe(false);
    actor.send({ type: 'user.submit-code', code: '123456' });
    await settle();
    expect(step()).toBe('code-sent');
    expect(actor.getSnapshot().context.error).toBe('code-blocked');
    expect(actor.getSnapshot().context.codeAttempts).toBe(0);
    actor.send({ type: 'user.contact-support' });
    expect(step()).toBe('escalate-support');
  });

  it('without the policy, sends the code as typed and lets the server decide', async () => {
    const badFormat: VerifyOutcome = {
      type: 'refused',
      status: 400,
      code: 'invalid-code-format',
      message: 'A code has 6 digits.',
    };
    const wrong = Array.from({ length: MAX_CODE_ATTEMPTS + 1 }, () => VERIFY_OUTCOMES.invalid);
    const { actor, calls, settle } = start(
      {
        policy: POLICY_OUTCOMES.unreachable,
        check: [CHECK_OUTCOMES.phone],
        send: [SEND_OUTCOMES.sent],
        verify: [badFormat, ...wrong],
      },
      { step: 'enter-contact' },
    );
    actor.send({ type: 'user.submit-contact', contact: '5145550134' });
    await settle();
    expect(actor.getSnapshot().context.policy).toBeNull();
    actor.send({ type: 'user.submit-code', code: ' 12345 ' });
    await settle();
    expect(calls.verify).toEqual([{ contact: '+15145550134', code: '12345', locale: 'en' }]);
    expect(actor.getSnapshot().context.error).toBe('code-format');
    expect(actor.getSnapshot().context.codeAttempts).toBe(0);
    // No limit of its own: every wrong code goes to the server, which keeps refusing it.
    for (let attempt = 1; attempt <= MAX_CODE_ATTEMPTS + 1; attempt += 1) {
      actor.send({ type: 'user.submit-code', code: '000000' });
      await settle();
      expect(actor.getSnapshot().context.error).toBe('code-invalid');
    }
    expect(calls.verify).toHaveLength(MAX_CODE_ATTEMPTS + 2);
  });

  it('offers a resend only once the cooldown is over, and a new code resets the guesses', async () => {
    const { actor, calls, settle, step } = start(
      {
        check: [CHECK_OUTCOMES.phone],
        send: [SEND_OUTCOMES.sent, { ...SEND_OUTCOMES.sent, at: T0 + 120_000 }],
        verify: [VERIFY_OUTCOMES.invalid],
      },
      { step: 'enter-contact' },
    );
    actor.send({ type: 'user.submit-contact', contact: '5145550134' });
    await settle();
    actor.send({ type: 'user.submit-code', code: '000000' });
    await settle();
    expect(actor.getSnapshot().context.codeAttempts).toBe(1);
    const sentAt = SEND_OUTCOMES.sent.at;
    expect(actor.getSnapshot().can({ type: 'user.resend', at: sentAt + 59_000 })).toBe(false);
    actor.send({ type: 'user.resend', at: sentAt + 59_000 });
    expect(calls.send).toHaveLength(1);
    actor.send({ type: 'user.resend', at: sentAt + 60_000 });
    await settle();
    expect(calls.send).toHaveLength(2);
    expect(step()).toBe('code-sent');
    expect(actor.getSnapshot().context.codeAttempts).toBe(0);
    expect(actor.getSnapshot().context.request?.expiresAt).toBe(T0 + 120_000 + 600_000);
  });

  it('does not offer a sixth code within the hour, as the API would refuse it', async () => {
    // The fifth 202 carries the server's hourly cap in its wait: until the first send is an hour old.
    const sends = Array.from({ length: 6 }, (_, i) =>
      sentAt(T0 + i * 61_000, i === 4 ? (3_600_000 - 4 * 61_000) / 1000 : 60),
    );
    const { actor, calls, settle } = start(
      { check: [CHECK_OUTCOMES.phone], send: sends },
      { step: 'enter-contact' },
    );
    actor.send({ type: 'user.submit-contact', contact: '5145550134' });
    await settle();
    for (let i = 1; i < 5; i += 1) {
      actor.send({ type: 'user.resend', at: T0 + i * 61_000 });
      await settle();
    }
    expect(calls.send).toHaveLength(5);
    expect(actor.getSnapshot().can({ type: 'user.resend', at: T0 + 5 * 61_000 })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'user.resend', at: T0 + 3_600_001 })).toBe(true);
  });

  it('shows the code step without sending again when the contact got a message moments ago', async () => {
    const { actor, calls, settle, step } = start(
      {
        check: [CHECK_OUTCOMES.phone, { ...CHECK_OUTCOMES.phone, at: T0 + 10_000 }],
        send: [SEND_OUTCOMES.sent],
      },
      { step: 'enter-contact' },
    );
    actor.send({ type: 'user.submit-contact', contact: '5145550134' });
    await settle();
    actor.send({ type: 'user.change-contact' });
    actor.send({ type: 'user.submit-contact', contact: '5145550134' });
    await settle();
    expect(step()).toBe('code-sent');
    expect(calls.send).toHaveLength(1);
    expect(actor.getSnapshot().context.request?.outcome).toBe('rate-limited');
  });

  it('turns a 429 into a countdown from its Retry-After, not an error', async () => {
    const { actor, settle, step } = start(
      { check: [CHECK_OUTCOMES.phone], send: [SEND_OUTCOMES.rateLimited] },
      { step: 'enter-contact' },
    );
    actor.send({ type: 'user.submit-contact', contact: '5145550134' });
    await settle();
    expect(step()).toBe('code-sent');
    const { context } = actor.getSnapshot();
    expect(context.request?.outcome).toBe('rate-limited');
    expect(context.sendLog.cooldowns['+15145550134']).toBe(SEND_OUTCOMES.rateLimited.at + 45_000);
    expect(actor.getSnapshot().can({ type: 'user.resend', at: SEND_OUTCOMES.rateLimited.at + 44_000 })).toBe(
      false,
    );
    expect(actor.getSnapshot().can({ type: 'user.resend', at: SEND_OUTCOMES.rateLimited.at + 45_000 })).toBe(
      true,
    );
  });

  it('sends an unlock link when the worker asks for one, to the link step', async () => {
    const { actor, calls, settle, step } = start(
      { check: [CHECK_OUTCOMES.email], send: [SEND_OUTCOMES.sent] },
      { step: 'account-locked' },
    );
    actor.send({ type: 'user.send-unlock' });
    actor.send({ type: 'user.submit-contact', contact: 'sam@example.com' });
    await settle();
    expect(step()).toBe('link-sent');
    expect(calls.send).toEqual([
      { contact: 'sam@example.com', purpose: 'unlock', channel: 'email', locale: 'en' },
    ]);
    actor.send({ type: 'user.no-code' });
    expect(step()).toBe('check-spam');
  });
});
