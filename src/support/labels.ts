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
        message: 'A one-time code by text message or email',
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
    case 'account.locked':
      return translate({
        id: 'support.audit.locked',
        message: 'Locked',
        description: 'An audit log action: the app locked the account',
      });
    case 'code-checks.paused':
      return translate({
        id: 'support.audit.codeChecksPaused',
        message: 'Code checks paused',
        description: 'An audit log action: wrong codes paused the checks of a contact',
      });
    case 'account.merged':
      return translate({
        id: 'support.audit.merged',
        message: 'Merged into another account',
        description: 'An audit log action',
      });
    case 'support.login-help-sent':
      return translate({
        id: 'support.audit.loginHelpSent',
        message: 'Login help sent by support',
        description: 'An audit log action',
      });
    case 'support.notice-published':
      return translate({
        id: 'support.audit.noticePublished',
        message: 'Notice for workers published',
        description: 'An audit log action: support published a service notice',
      });
    case 'support.notice-ended':
      return translate({
        id: 'support.audit.noticeEnded',
        message: 'Notice for workers ended',
        description: 'An audit log action: support ended a service notice before its end',
      });
    default:
      return action;
  }
}

/** `support:Alice` → Alice; `worker` → the worker; the app, the employer, the help center itself. */
export function actorLabel(actor: string): string {
  if (actor.startsWith('support:')) return actor.slice('support:'.length);
  switch (actor) {
    case 'worker':
      return translate({
        id: 'support.audit.actorWorker',
        message: 'The worker',
        description: 'Who did an audited action',
      });
    case 'app':
      return translate({
        id: 'support.audit.actorApp',
        message: 'The app',
        description: 'Who did an audited action: the workforce app (it locks accounts)',
      });
    case 'employer':
      return translate({
        id: 'support.audit.actorEmployer',
        message: 'The employer',
        description: 'Who did an audited action',
      });
    case 'system':
      return translate({
        id: 'support.audit.actorSystem',
        message: 'The help center',
        description: 'Who did an audited action: the help center itself (a pause after wrong codes)',
      });
    default:
      return actor;
  }
}

/** A language by its name in the page's language: "French", « français ». */
export function languageName(language: string, locale: string): string {
  try {
    return (
      new Intl.DisplayNames([locale === 'fr' ? 'fr-CA' : 'en-CA'], { type: 'language' }).of(language) ??
      language
    );
  } catch {
    return language;
  }
}

/** What came of a help request, as the lookup's "Result" column says it. */
export function helpRequestResultLabel(request: {
  result: string;
  refusal: string | null;
  messages: readonly string[];
}): string {
  switch (request.result) {
    case 'queued':
      return translate({
        id: 'support.request.queued',
        message: 'Accepted, being processed',
        description: 'A help request result',
      });
    case 'sent':
      return translate(
        {
          id: 'support.request.sent',
          message: 'Sent: {messages}',
          description: 'A help request result, with the messages sent (already translated)',
        },
        { messages: request.messages.map(templateLabel).join(' + ') },
      );
    case 'nothing-sent':
      return translate({
        id: 'support.request.nothingSent',
        message: 'Accepted, nothing to send',
        description: 'A help request result: the diagnosis sent nothing',
      });
    case 'cooling-down':
      return translate({
        id: 'support.request.coolingDown',
        message: 'Refused: asked again too soon (cool-down)',
        description: 'A help request result',
      });
    case 'limit-reached':
      return translate({
        id: 'support.request.limitReached',
        message: 'Refused: hourly or daily limit reached',
        description: 'A help request result',
      });
    default:
      return refusalLabel(request.refusal);
  }
}

function refusalLabel(refusal: string | null): string {
  switch (refusal) {
    case 'sms-unavailable':
      return translate({
        id: 'support.request.refused.smsUnavailable',
        message: 'Refused: text messages only go to +1 numbers',
        description: 'A help request result',
      });
    case 'email-required':
      return translate({
        id: 'support.request.refused.emailRequired',
        message: 'Refused: links only go by email',
        description: 'A help request result',
      });
    case 'phone-required':
      return translate({
        id: 'support.request.refused.phoneRequired',
        message: 'Refused: a text message needs a phone number',
        description: 'A help request result',
      });
    default:
      return translate(
        {
          id: 'support.request.refused',
          message: 'Refused ({reason})',
          description: 'A help request result, with a machine reason this page does not know',
        },
        { reason: refusal ?? '' },
      );
  }
}

/** Why the provider says a text message was not delivered (its words when this page does not know them). */
export function receiptReasonLabel(reason: string): string {
  switch (reason) {
    case 'unreachable':
      return translate({
        id: 'support.receipt.unreachable',
        message: 'the phone was unreachable (off or out of coverage)',
        description: 'Why a text message was not delivered (the provider’s reason)',
      });
    case 'unknown-number':
      return translate({
        id: 'support.receipt.unknownNumber',
        message: 'the number does not exist',
        description: 'Why a text message was not delivered (the provider’s reason)',
      });
    case 'landline':
      return translate({
        id: 'support.receipt.landline',
        message: 'a landline, which cannot receive text messages',
        description: 'Why a text message was not delivered (the provider’s reason)',
      });
    case 'carrier-filtered':
      return translate({
        id: 'support.receipt.carrierFiltered',
        message: 'filtered by the carrier',
        description: 'Why a text message was not delivered (the provider’s reason)',
      });
    case 'blocked':
      return translate({
        id: 'support.receipt.blocked',
        message: 'blocked by the carrier or on the phone',
        description: 'Why a text message was not delivered (the provider’s reason)',
      });
    case 'opted-out':
      return translate({
        id: 'support.receipt.optedOut',
        message: 'the worker replied STOP to our texts',
        description: 'Why a text message was not delivered (the provider’s reason)',
      });
    case 'unknown-error':
      return translate({
        id: 'support.receipt.unknownError',
        message: 'an error the carrier did not explain',
        description: 'Why a text message was not delivered (the provider’s reason)',
      });
    default:
      return reason;
  }
}

/** A message's delivery: the provider's receipt once there is one, else where sending stands. */
export function deliveryLabel(delivery: {
  status: string;
  receipt: { state: string; reason: string | null } | null;
}): string {
  const receipt = delivery.receipt;
  if (receipt?.state === 'delivered')
    return translate({
      id: 'support.delivery.delivered',
      message: 'Delivered',
      description: 'A message status',
    });
  if (receipt?.state === 'undelivered')
    return receipt.reason
      ? translate(
          {
            id: 'support.delivery.undeliveredBecause',
            message: 'Not delivered: {reason}',
            description: 'A message status, with the provider’s reason (already translated)',
          },
          { reason: receiptReasonLabel(receipt.reason) },
        )
      : translate({
          id: 'support.delivery.undelivered',
          message: 'Not delivered',
          description: 'A message status',
        });
  if (receipt?.state === 'failed')
    return receipt.reason
      ? translate(
          {
            id: 'support.delivery.providerFailedBecause',
            message: 'The provider gave up on it: {reason}',
            description: 'A message status, with the provider’s reason (already translated)',
          },
          { reason: receiptReasonLabel(receipt.reason) },
        )
      : translate({
          id: 'support.delivery.providerFailed',
          message: 'The provider gave up on it',
          description: 'A message status',
        });
  return deliveryStatusLabel(delivery.status);
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

/** How troubleshooter runs ended at a step: an end step's way, or the worker left. */
export function endingLabel(ending: string): string {
  switch (ending) {
    case 'resolved':
      return translate({
        id: 'support.ending.resolved',
        message: 'Resolved',
        description: 'How a troubleshooter run ended',
      });
    case 'escalation':
      return translate({
        id: 'support.ending.escalation',
        message: 'Handed over (employer or support)',
        description: 'How a troubleshooter run ended',
      });
    case 'article':
      return translate({
        id: 'support.ending.article',
        message: 'Sent to an article',
        description: 'How a troubleshooter run ended',
      });
    default:
      return translate({
        id: 'support.ending.left',
        message: 'Left (closed the page)',
        description: 'How a troubleshooter run ended: the worker stopped before an end step',
      });
  }
}
