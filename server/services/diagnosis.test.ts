import { describe, expect, it } from 'vitest';
import type { AccountRecord } from './accounts';
import { diagnose } from './diagnosis';

const now = new Date('2030-01-15T14:00:00Z');

function account(
  overrides: Partial<AccountRecord> = {},
  method: 'code' | 'password' | 'sso' = 'code',
): AccountRecord {
  return {
    id: 'a',
    name: 'Alex Martin',
    email: 'alex@example.com',
    phone: '+15145550101',
    username: null,
    status: 'active',
    emailConfirmed: true,
    lockedAt: null,
    lockedUntil: null,
    deactivationReason: null,
    employers: [{ id: 'e', name: 'Harbourview Logistics', loginMethod: method, active: true }],
    ...overrides,
  };
}

const templates = (input: Parameters<typeof diagnose>[0]) =>
  diagnose(input).map((m) => `${m.channel}:${m.template}`);

describe('diagnose', () => {
  it('sends a code to an active or invited account', () => {
    expect(
      diagnose({ account: account(), contactKind: 'phone', purpose: 'login-code', channel: 'sms', now }),
    ).toEqual([{ template: 'login-code', channel: 'sms', to: 'contact', note: null }]);
    expect(
      diagnose({
        account: account({ status: 'invited', emailConfirmed: false }),
        contactKind: 'email',
        purpose: 'login-code',
        channel: 'email',
        now,
      }),
    ).toEqual([{ template: 'login-code', channel: 'email', to: 'contact', note: 'invited' }]);
  });

  it('sends an unlock link, not a code, to a locked account; a lock without end date holds', () => {
    const locked = account({ lockedAt: now, lockedUntil: null });
    expect(
      templates({ account: locked, contactKind: 'email', purpose: 'login-code', channel: 'email', now }),
    ).toEqual(['email:unlock-link']);
    expect(
      templates({ account: locked, contactKind: 'phone', purpose: 'login-code', channel: 'sms', now }),
    ).toEqual(['sms:locked-notice', 'email:unlock-link']);
    const expired = account({ lockedAt: now, lockedUntil: new Date(now.getTime() - 1) });
    expect(
      templates({ account: expired, contactKind: 'email', purpose: 'login-code', channel: 'email', now }),
    ).toEqual(['email:login-code']);
  });

  it('never lets a lockout block a password reset', () => {
    const locked = account({ lockedAt: now, username: 'dlavoie' }, 'password');
    expect(
      templates({
        account: locked,
        contactKind: 'username',
        purpose: 'password-reset',
        channel: 'email',
        now,
      }),
    ).toEqual(['email:password-reset-link']);
  });

  it('sends a confirmation link for an unconfirmed email, and says when it is already confirmed', () => {
    const unconfirmed = account({ emailConfirmed: false, phone: null });
    expect(
      templates({ account: unconfirmed, contactKind: 'email', purpose: 'login-code', channel: 'email', now }),
    ).toEqual(['email:confirmation-link']);
    expect(
      diagnose({ account: account(), contactKind: 'email', purpose: 'confirmation', channel: 'email', now }),
    ).toEqual([{ template: 'login-code', channel: 'email', to: 'contact', note: 'already-confirmed' }]);
  });

  it('tells a deactivated account to contact the employer, with no code', () => {
    for (const reason of ['merged', 'removed-by-employer', 'employer-left'] as const) {
      for (const purpose of [
        'login-code',
        'unlock',
        'password-reset',
        'login-link',
        'confirmation',
      ] as const) {
        expect(
          templates({
            account: account({ status: 'deactivated', deactivationReason: reason }),
            contactKind: 'email',
            purpose,
            channel: 'email',
            now,
          }),
        ).toEqual(['email:deactivated']);
      }
    }
  });

  it('answers an unknown email with a notice and an unknown phone or username with nothing', () => {
    expect(
      templates({ account: null, contactKind: 'email', purpose: 'login-code', channel: 'email', now }),
    ).toEqual(['email:no-account']);
    expect(
      diagnose({ account: null, contactKind: 'phone', purpose: 'login-code', channel: 'sms', now }),
    ).toEqual([]);
    expect(
      diagnose({ account: null, contactKind: 'username', purpose: 'password-reset', channel: 'email', now }),
    ).toEqual([]);
  });

  it('sends a username’s messages to the email on file, or nothing without one', () => {
    const withEmail = account({ username: 'dlavoie' }, 'password');
    expect(
      diagnose({
        account: withEmail,
        contactKind: 'username',
        purpose: 'password-reset',
        channel: 'email',
        now,
      }),
    ).toEqual([{ template: 'password-reset-link', channel: 'email', to: 'account-email' }]);
    expect(
      diagnose({
        account: account({ username: 'dlavoie', email: null }, 'password'),
        contactKind: 'username',
        purpose: 'password-reset',
        channel: 'email',
        now,
      }),
    ).toEqual([]);
  });

  it('explains single sign-on instead of a reset or a login link', () => {
    const sso = account({}, 'sso');
    expect(
      templates({ account: sso, contactKind: 'email', purpose: 'password-reset', channel: 'email', now }),
    ).toEqual(['email:sso-notice']);
    expect(
      templates({ account: sso, contactKind: 'email', purpose: 'login-link', channel: 'email', now }),
    ).toEqual(['email:sso-notice']);
    expect(
      templates({ account: sso, contactKind: 'phone', purpose: 'login-code', channel: 'sms', now }),
    ).toEqual(['sms:login-code']);
  });

  it('answers the other purposes with what helps', () => {
    expect(
      diagnose({ account: account(), contactKind: 'email', purpose: 'unlock', channel: 'email', now })[0],
    ).toMatchObject({
      template: 'login-code',
      note: 'not-locked',
    });
    expect(
      diagnose({
        account: account(),
        contactKind: 'email',
        purpose: 'password-reset',
        channel: 'email',
        now,
      })[0],
    ).toMatchObject({
      template: 'login-code',
      note: 'no-password',
    });
    expect(
      templates({ account: account(), contactKind: 'email', purpose: 'login-link', channel: 'email', now }),
    ).toEqual(['email:login-link']);
  });
});
