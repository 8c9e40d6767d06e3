/** How the account's status and login method are said: on the panel and in the hand-off summary. */
import { translate } from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import type { AccountView } from '@site/src/api/worker-help';
import { formatClock } from '../time';

export function accountStatusLabel(account: AccountView, locale: Locale): string {
  switch (account.status) {
    case 'active':
      return translate({
        id: 'troubleshooter.account.status.active',
        message: 'Active',
        description: 'Account status',
      });
    case 'invited':
      return translate({
        id: 'troubleshooter.account.status.invited',
        message: 'Invited, never logged in yet',
        description: 'Account status',
      });
    case 'locked':
      return account.lockedUntil
        ? translate(
            {
              id: 'troubleshooter.account.status.lockedUntil',
              message: 'Locked until {time}',
              description: 'Account status with the end of the lockout',
            },
            { time: formatClock(account.lockedUntil, locale) },
          )
        : translate({
            id: 'troubleshooter.account.status.locked',
            message: 'Locked until it is unlocked (no end time)',
            description:
              'Account status: a lock without an end time lasts until the unlock link, a reset or support',
          });
    case 'unconfirmed':
      return translate({
        id: 'troubleshooter.account.status.unconfirmed',
        message: 'Email address not confirmed yet',
        description: 'Account status',
      });
    default:
      switch (account.deactivationReason) {
        case 'merged':
          return translate({
            id: 'troubleshooter.account.status.merged',
            message: 'Deactivated: merged into another account',
            description: 'Account status',
          });
        case 'removed-by-employer':
          return translate({
            id: 'troubleshooter.account.status.removed',
            message: 'Deactivated by your employer',
            description: 'Account status',
          });
        case 'employer-left':
          return translate({
            id: 'troubleshooter.account.status.employerLeft',
            message: 'Closed: your employer stopped using the app',
            description: 'Account status',
          });
        default:
          return translate({
            id: 'troubleshooter.account.status.deactivated',
            message: 'Deactivated',
            description: 'Account status',
          });
      }
  }
}

export function loginMethodLabel(account: AccountView): string {
  const identifier = account.loginWith?.masked ?? '';
  switch (account.loginMethod) {
    case 'sso':
      return translate({
        id: 'troubleshooter.account.method.sso',
        message: 'Your company account (single sign-on)',
        description: 'How the worker logs in',
      });
    case 'password':
      return account.loginWith?.kind === 'username'
        ? translate(
            {
              id: 'troubleshooter.account.method.username',
              message: 'The username {identifier} and your password',
              description: 'How the worker logs in',
            },
            { identifier },
          )
        : translate(
            {
              id: 'troubleshooter.account.method.password',
              message: 'Your email {identifier} and your password',
              description: 'How the worker logs in',
            },
            { identifier },
          );
    default:
      return account.smsEligible
        ? translate({
            id: 'troubleshooter.account.method.sms',
            message: 'A code by text message to your +1 number',
            description: 'How the worker logs in',
          })
        : translate({
            id: 'troubleshooter.account.method.email',
            message: 'A code by email',
            description: 'How the worker logs in',
          });
  }
}
