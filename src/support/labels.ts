/**
 * The words the support pages show for the API's machine values (statuses, message templates,
 * audit actions...), in the page's language. Unknown values (a newer API) are shown as they are.
 */
import { translate } from '@docusaurus/Translate';
import type { AccountStatus, LoginMethod } from './api';

export function statusLabel(status: AccountStatus): string {
  switch (status) {
    case 'active':
      return translate({ id: 'support.status.active', message: 'Active', description: 'Account status' });
    case 'invited':
      return translate({
        id: 'support.status.invited',
        message: 'Invited, never logged in',
        description: 'Account status',
      });
    case 'locked':
      return translate({ id: 'support.status.locked', message: 'Locked', description: 'Account status' });
    case 'unconfirmed':
      return translate({
        id: 'support.status.unconfirmed',
        message: 'Email address not confirmed',
        description: 'Account status',
      });
    case 'deactivated':
      return translate({
        id: 'support.status.deactivated',
        message: 'Deactivated',
        description: 'Account status',
      });
  }
}

export function loginMethodLabel(method: LoginMethod, ssoProvider: string | null): string {
  switch (method) {
    case 'code':
      return translate({
        id: 'support.method.code',
        message: 'A 6-digit code by text message or email',
        description: 'How an account logs in',
      });
    case 'password':
      return translate({
        id: 'support.method.password',
        message: 'A password',
        description: 'How an account logs in',
      });
    case 'sso':
      return ssoProvider
        ? translate(
            {
              id: 'support.method.ssoProvider',
              message: 'The company’s single sign-on ({provider})',
              description: 'How an account logs in, with the provider',
            },
            { provider: ssoProvider },
          )
        : translate({
            id: 'support.method.sso',
            message: 'The company’s single sign-on',
            description: 'How an account logs in',
          });
  }
}

export function contactKindLabel(kind: string): string {
  switch (kind) {
    case 'email':
      return translate({
        id: 'support.contact.email',
        message: 'Email address',
        description: 'A kind of contact',
      });
    case 'phone':
      return translate({
        id: 'support.contact.phone',
        message: 'Phone number',
        description: 'A kind of contact',
      });
    case 'username':
      return translate({
        id: 'support.contact.username',
        message: 'Username',
        description: 'A kind of contact',
      });
    default:
      return kind;
  }
}

export function deactivationLabel(reason: string | null): string {
  switch (reason) {
    case 'merged':
      return translate({
        id: 'support.deactivation.merged',
        message: 'Merged into another account',
        description: 'Why an account is deactivated',
      });
    case 'removed-by-employer':
      return translate({
        id: 'support.deactivation.removed',
        message: 'The employer removed the access',
        description: 'Why an account is deactivated',
      });
    case 'employer-left':
      return translate({
        id: 'support.deactivation.employerLeft',
        message: 'The employer stopped using the platform',
        description: 'Why an account is deactivated',
      });
    default:
      return reason ?? '';
  }
}

export function purposeLabel(purpose: string): string {
  switch (purpose) {
    case 'login-code':
      return translate({
        id: 'support.purpose.login-code',
        message: 'Login code',
        description: 'What a help request asked for',
      });
    case 'unlock':
      return translate({
        id: 'support.purpose.unlock',
        message: 'Unlock',
        description: 'What a help request asked for',
      });
    case 'confirmation':
      return translate({
        id: 'support.purpose.confirmation',
        message: 'Email confirmation',
        description: 'What a help request asked for',
      });
    case 'password-reset':
      return translate({
        id: 'support.purpose.password-reset',
        message: 'Password reset',
        description: 'What a help request asked for',
      });
    case 'login-link':
      return translate({
        id: 'support.purpose.login-link',
        message: 'One-time login link',
        description: 'What a help request asked for',
      });
    default:
      return purpose;
  }
}

export function templateLabel(template: string): string {
  switch (template) {
    case 'login-code':
      return translate({
        id: 'support.template.login-code',
        message: 'Login code',
        description: 'A message sent',
      });
    case 'unlock-link':
      return translate({
        id: 'support.template.unlock-link',
        message: 'Unlock link',
        description: 'A message sent',
      });
    case 'confirmation-link':
      return translate({
        id: 'support.template.confirmation-link',
        message: 'Confirmation link',
        description: 'A message sent',
      });
    case 'password-reset-link':
      return translate({
        id: 'support.template.password-reset-link',
        message: 'Password reset link',
        description: 'A message sent',
      });
    case 'login-link':
      return translate({
        id: 'support.template.login-link',
        message: 'One-time login link',
        description: 'A message sent',
      });
    case 'deactivated':
      return translate({
        id: 'support.template.deactivated',
        message: 'Account deactivated notice',
        description: 'A message sent',
      });
    case 'sso-notice':
      return translate({
        id: 'support.template.sso-notice',
        message: 'Single sign-on notice',
        description: 'A message sent',
      });
    case 'locked-notice':
      return translate({
        id: 'support.template.locked-notice',
        message: 'Locked notice',
        description: 'A message sent',
      });
    case 'no-account':
      return translate({
        id: 'support.template.no-account',
        message: '“No account uses this address”',
        description: 'A message sent',
      });
    case 'nothing':
      return translate({
        id: 'support.template.nothing',
        message: 'Nothing sent',
        description: 'A help request outcome',
      });
    case 'unknown-contact':
      return translate({
        id: 'support.template.unknown-contact',
        message: 'Nothing sent (unknown contact)',
        description: 'A help request outcome',
      });
    default:
      return template;
  }
}

/** A help request's outcome: the templates it sent, joined by `+`. */
export function outcomeLabel(outcome: string | null, status: string): string {
  if (!outcome) return deliveryStatusLabel(status);
  return outcome.split('+').map(templateLabel).join(' + ');
}

export function deliveryStatusLabel(status: string): string {
  switch (status) {
    case 'pending':
    case 'queued':
      return translate({
        id: 'support.delivery.pending',
        message: 'Waiting to be sent',
        description: 'A message status',
      });
    case 'sending':
      return translate({
        id: 'support.delivery.sending',
        message: 'Sending',
        description: 'A message status',
      });
    case 'sent':
    case 'done':
      return translate({ id: 'support.delivery.sent', message: 'Sent', description: 'A message status' });
    case 'failed':
      return translate({ id: 'support.delivery.failed', message: 'Failed', description: 'A message status' });
    case 'uncertain':
      return translate({
        id: 'support.delivery.uncertain',
        message: 'Maybe sent (the provider did not confirm)',
        description: 'A message status',
      });
    default:
      return status;
  }
}

export function channelLabel(channel: string): string {
  return channel === 'sms'
    ? translate({ id: 'support.channel.sms', message: 'Text message', description: 'A message channel' })
    : translate({ id: 'support.channel.email', message: 'Email', description: 'A message channel' });
}

export function auditActionLabel(action: string): string {
  switch (action) {
    case 'support.account-viewed':
      return translate({
        id: 'support.audit.viewed',
        message: 'Looked up by support',
        description: 'An audit log action',
      });
    case 'support.account-unlocked':
      return translate({
        id: 'support.audit.unlocked',
        message: 'Unlocked by support',
        description: 'An audit log action',
      });
    case 'support.invitation-resent':
      return translate({
        id: 'support.audit.invitationResent',
        message: 'Invitation sent again by support',
        description: 'An audit log action',
      });
    case 'support.access-code-issued':
      return translate({
        id: 'support.audit.accessCode',
        message: 'Temporary access code issued by support',
        description: 'An audit log action',
      });
    case 'support.email-released':
      return translate({
        id: 'support.audit.emailReleased',
        message: 'Email address released by support',
        description: 'An audit log action',
      });
    case 'account.unlocked':
      return translate({
        id: 'support.audit.workerUnlocked',
        message: 'Unlocked with the emailed link',
        description: 'An audit log action',
      });
    case 'email.confirmed':
      return translate({
        id: 'support.audit.emailConfirmed',
        message: 'Email address confirmed',
        description: 'An audit log action',
      });
    case 'password.reset':
      return translate({
        id: 'support.audit.passwordReset',
        message: 'Password changed',
        description: 'An audit log action',
      });
    case 'login-link.used':
      return translate({
        id: 'support.audit.loginLink',
        message: 'Logged in with a one-time link',
        description: 'An audit log action',
      });
    case 'code.verified':
      return translate({
        id: 'support.audit.codeVerified',
        message: 'Entered a correct code',
        description: 'An audit log action',
      });
    default:
      return action;
  }
}

/** `support:Alice` → Alice; `worker` → the worker. */
export function actorLabel(actor: string): string {
  if (actor.startsWith('support:')) return actor.slice('support:'.length);
  if (actor === 'worker')
    return translate({
      id: 'support.audit.actorWorker',
      message: 'The worker',
      description: 'Who did an audited action',
    });
  return actor;
}

/** Date and time in the page's language. */
export function formatDateTime(iso: string | null, locale: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** A share (0 to 1) as a percentage in the page's language. */
export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { style: 'percent' }).format(share);
}
