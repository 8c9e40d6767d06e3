import type { Channel, Purpose } from '../db/schema';
import type { CodeNote } from '../messaging/templates';
import { isLocked, loginMethodOf, type AccountRecord } from './accounts';
import type { ContactKind } from './contacts';

export type PlannedMessage =
  | { template: 'login-code'; channel: Channel; to: 'contact' | 'account-email'; note: CodeNote }
  | {
      template: 'unlock-link' | 'confirmation-link' | 'password-reset-link' | 'login-link';
      channel: 'email';
      to: 'contact' | 'account-email';
    }
  | {
      template: 'deactivated' | 'sso-notice' | 'locked-notice';
      channel: Channel;
      to: 'contact' | 'account-email';
    }
  | { template: 'no-account'; channel: 'email'; to: 'contact' };

/**
 * The diagnosis a help request gets, carried by the message sent to the contact (SECURITY.md):
 * a code for an active or invited account, an unlock link for a locked one, a confirmation link
 * for an unconfirmed email, why a deactivated one is (its template says whom to contact: support for
 * a merged account or an employer that left, the employer otherwise); for an unknown
 * email a notice (the caller limits it to once a day), for an unknown phone or username nothing.
 * A lockout never blocks recovery: a password reset still goes out, and unlocks.
 */
export function diagnose(input: {
  account: AccountRecord | null;
  contactKind: ContactKind;
  purpose: Purpose;
  channel: Channel;
  now: Date;
}): PlannedMessage[] {
  const { account, contactKind, purpose, channel, now } = input;
  // A username is not an address: messages go to the email on file.
  const to = contactKind === 'username' ? 'account-email' : 'contact';
  if (!account) {
    return contactKind === 'email' ? [{ template: 'no-account', channel: 'email', to: 'contact' }] : [];
  }
  if (to === 'account-email' && !account.email) return [];

  const method = loginMethodOf(account);
  const code = (note: CodeNote): PlannedMessage => ({ template: 'login-code', channel, to, note });
  const emailed = (
    template: 'unlock-link' | 'confirmation-link' | 'password-reset-link' | 'login-link',
  ): PlannedMessage => ({ template, channel: 'email', to });

  if (account.status === 'deactivated') return [{ template: 'deactivated', channel, to }];

  if (method === 'sso' && (purpose === 'password-reset' || purpose === 'login-link')) {
    return [{ template: 'sso-notice', channel, to }];
  }

  if (isLocked(account, now)) {
    if (purpose === 'password-reset' && method === 'password') return [emailed('password-reset-link')];
    if (channel === 'sms') {
      const notice: PlannedMessage = { template: 'locked-notice', channel: 'sms', to };
      return account.email
        ? [notice, { template: 'unlock-link', channel: 'email', to: 'account-email' }]
        : [notice];
    }
    return [emailed('unlock-link')];
  }

  // An invited worker's first emailed code proves the address; only active accounts wait on it.
  const emailUnconfirmed = account.status === 'active' && Boolean(account.email) && !account.emailConfirmed;
  switch (purpose) {
    case 'confirmation':
      return emailUnconfirmed ? [emailed('confirmation-link')] : [code('already-confirmed')];
    case 'password-reset':
      // A reset proves the email, so it also confirms it.
      return method === 'password' ? [emailed('password-reset-link')] : [code('no-password')];
    case 'unlock':
      return emailUnconfirmed ? [emailed('confirmation-link')] : [code('not-locked')];
    case 'login-link':
      return emailUnconfirmed ? [emailed('confirmation-link')] : [emailed('login-link')];
    case 'login-code':
      if (channel === 'email' && emailUnconfirmed) return [emailed('confirmation-link')];
      return [code(account.status === 'invited' ? 'invited' : null)];
  }
}
