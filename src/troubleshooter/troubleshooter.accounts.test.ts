/** The machine on scripted API answers: the verified account's advice, outages, hand-offs, restore. */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { CheckOutcome } from '../api/worker-help';
import type { Locale } from '../../shared/locale';
import { currentStep, troubleshooterMachine } from './troubleshooter.machine';
import {
  ACCOUNTS,
  CHECK_OUTCOMES,
  SEND_OUTCOMES,
  STATUS_OUTCOMES,
  VERIFY_OUTCOMES,
  startScripted as start,
} from './test-model';

describe('troubleshooter machine: advice tailored to the verified account', () => {
  it.each([
    ['active', 'account-ok'],
    ['invited', 'account-ok'],
    ['password', 'account-ok'],
    ['locked', 'account-locked'],
    ['unconfirmed', 'confirmation-email'],
    ['merged', 'deactivated-merged'],
    ['removed', 'deactivated-removed'],
    ['employerLeft', 'deactivated-employer-left'],
    ['deactivated', 'account-deactivated'],
    ['sso', 'single-sign-on'],
    ['username', 'username-login'],
  ] as const)('a verified %s account leads to %s', async (name, expected) => {
    const { actor, settle, step } = start(
      { check: [CHECK_OUTCOMES.phone], send: [SEND_OUTCOMES.sent], verify: [VERIFY_OUTCOMES[name]] },
      { step: 'enter-contact' },
    );
    actor.send({ type: 'user.submit-contact', contact: '5145550134' });
    await settle();
    actor.send({ type: 'user.submit-code', code: '123456' });
    await settle();
    expect(step()).toBe(expected);
    expect(actor.getSnapshot().context.account).toEqual(ACCOUNTS[name]);
  });

  it('checks the status again with the session, and asks for a new code when the session expired', async () => {
    const { actor, calls, settle, step } = start(
      {
        check: [CHECK_OUTCOMES.phone],
        send: [SEND_OUTCOMES.sent],
        verify: [VERIFY_OUTCOMES.locked],
        status: [STATUS_OUTCOMES.unlocked, STATUS_OUTCOMES.expired],
      },
      { step: 'enter-contact' },
    );
    actor.send({ type: 'user.submit-contact', contact: '5145550134' });
    await settle();
    actor.send({ type: 'user.submit-code', code: '123456' });
    await settle();
    expect(step()).toBe('account-locked');
    actor.send({ type: 'user.refresh-status' });
    await settle();
    expect(step()).toBe('account-ok');
    expect(calls.status).toEqual([{ token: 'session-locked', locale: 'en' }]);
    actor.send({ type: 'user.refresh-status' });
    await settle();
    expect(step()).toBe('enter-contact');
    expect(actor.getSnapshot().context.error).toBe('session-expired');
    expect(actor.getSnapshot().context.session).toBeNull();
  });

  it('does not offer a status check without a session', () => {
    const { actor } = start({}, { step: 'account-locked' });
    expect(actor.getSnapshot().can({ type: 'user.refresh-status' })).toBe(false);
  });
});

describe('troubleshooter machine: when the API cannot be reached', () => {
  it.each([
    [
      'checking the contact',
      { check: [CHECK_OUTCOMES.unreachable, CHECK_OUTCOMES.phone], send: [SEND_OUTCOMES.sent] },
    ],
    ['sending', { check: [CHECK_OUTCOMES.phone], send: [SEND_OUTCOMES.unreachable, SEND_OUTCOMES.sent] }],
  ] as const)('says so while %s, and retries the same request', async (_, script) => {
    const { actor, calls, settle, step } = start(
      { check: [...script.check], send: [...script.send] },
      { step: 'enter-contact' },
    );
    actor.send({ type: 'user.submit-contact', contact: '5145550134' });
    await settle();
    expect(step()).toBe('api-unreachable');
    actor.send({ type: 'user.retry' });
    await settle();
    expect(step()).toBe('code-sent');
    expect(calls.send.at(-1)).toEqual({
      contact: '+15145550134',
      purpose: 'login-code',
      channel: 'sms',
      locale: 'en',
    });
  });

  it('keeps the code to verify it again after an outage', async () => {
    const { actor, calls, settle, step } = start(
      {
        check: [CHECK_OUTCOMES.phone],
        send: [SEND_OUTCOMES.sent],
        verify: [VERIFY_OUTCOMES.unreachable, VERIFY_OUTCOMES.active],
      },
      { step: 'enter-contact' },
    );
    actor.send({ type: 'user.submit-contact', contact: '5145550134' });
    await settle();
    actor.send({ type: 'user.submit-code', code: '654 321' });
    await settle();
    expect(step()).toBe('api-unreachable');
    actor.send({ type: 'user.retry' });
    await settle();
    expect(step()).toBe('account-ok');
    expect(calls.verify).toEqual([
      { contact: '+15145550134', code: '654321', locale: 'en' },
      { contact: '+15145550134', code: '654321', locale: 'en' },
    ]);
  });

  it('treats an actor that throws like an outage, never a blank state', async () => {
    const machine = troubleshooterMachine().provide({
      actors: {
        checkContact: fromPromise<CheckOutcome, { contact: string; locale: Locale }>(async () => {
          throw new TypeError('Failed to fetch');
        }),
      },
    });
    const actor = createActor(machine, { input: { step: 'enter-contact' } }).start();
    actor.send({ type: 'user.submit-contact', contact: 'sam@example.com' });
    await waitFor(actor, (snapshot) => currentStep(snapshot) !== null);
    expect(currentStep(actor.getSnapshot())).toBe('api-unreachable');
    expect(actor.getSnapshot().context.failedOp).toBe('check');
  });
});

describe('troubleshooter machine: escalation and persistence', () => {
  it('remembers why the worker is handed to their employer', () => {
    const { actor, step } = start();
    actor.send({ type: 'user.no-account' });
    actor.send({ type: 'user.ask-employer' });
    expect(step()).toBe('escalate-employer');
    expect(actor.getSnapshot().context.employerReason).toBe('invite');
    expect(actor.getSnapshot().context.trail).toEqual(['what-happens', 'no-account', 'escalate-employer']);
  });

  it('restores a persisted snapshot to the same step and answers', async () => {
    const { actor, settle } = start(
      { check: [CHECK_OUTCOMES.phone], send: [SEND_OUTCOMES.sent] },
      { step: 'enter-contact' },
    );
    actor.send({ type: 'user.submit-contact', contact: '5145550134' });
    await settle();
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const restored = createActor(troubleshooterMachine(), { snapshot: persisted, input: {} }).start();
    expect(currentStep(restored.getSnapshot())).toBe('code-sent');
    expect(restored.getSnapshot().context).toEqual(actor.getSnapshot().context);
  });
});
