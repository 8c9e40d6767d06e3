/** The hand-off summary: what the worker tried, for support, as plain lines of text. */
import { translate } from '@docusaurus/Translate';
import type { Locale } from '../../../../shared/locale';
import type { TroubleshooterContext } from '../../../troubleshooter/context';
import type { Purpose } from '../../../troubleshooter/steps';
import { stepText } from '../../../troubleshooter/step-messages';
import { accountStatusLabel, loginMethodLabel } from '../AccountPanel/labels';

function purposeLabel(purpose: Purpose): string {
  switch (purpose) {
    case 'unlock':
      return translate({
        id: 'troubleshooter.summary.purpose.unlock',
        message: 'unlock link',
        description: 'Summary: what was requested',
      });
    case 'confirmation':
      return translate({
        id: 'troubleshooter.summary.purpose.confirmation',
        message: 'confirmation email',
        description: 'Summary: what was requested',
      });
    case 'password-reset':
      return translate({
        id: 'troubleshooter.summary.purpose.passwordReset',
        message: 'password reset email',
        description: 'Summary: what was requested',
      });
    case 'login-link':
      return translate({
        id: 'troubleshooter.summary.purpose.loginLink',
        message: 'one-time login link',
        description: 'Summary: what was requested',
      });
    default:
      return translate({
        id: 'troubleshooter.summary.purpose.code',
        message: 'login code',
        description: 'Summary: what was requested',
      });
  }
}

/**
 * The summary a worker copies or emails to support, in their language: the reference code, the
 * steps taken, the contact checked (as the server masked it), what was asked for and what the API
 * said, and the account found once a code was verified. No contact in clear, no account id.
 */
export function summaryLines(
  context: TroubleshooterContext,
  { code, product, locale, now }: { code: string; product: string; locale: Locale; now: Date },
): string[] {
  const lines = [
    translate(
      {
        id: 'troubleshooter.summary.heading',
        message: 'Login help summary ({product})',
        description: 'First line of the summary to copy',
      },
      { product },
    ),
    translate(
      { id: 'troubleshooter.summary.code', message: 'Reference code: {code}', description: 'Summary line' },
      { code },
    ),
    translate(
      { id: 'troubleshooter.summary.date', message: 'Date: {date}', description: 'Summary line' },
      {
        date: new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
          dateStyle: 'long',
          timeStyle: 'short',
        }).format(now),
      },
    ),
    translate(
      {
        id: 'troubleshooter.summary.steps',
        message: 'Steps taken: {steps}',
        description: 'Summary line: the step titles, joined by arrows',
      },
      { steps: context.trail.map((step) => stepText(step).title).join(' → ') },
    ),
  ];
  const check = context.check;
  if (check?.masked && (check.kind === 'phone' || check.kind === 'email')) {
    const contact = check.masked;
    lines.push(
      check.kind === 'email'
        ? translate(
            {
              id: 'troubleshooter.summary.contact.email',
              message: 'Contact checked: {contact} (email address)',
              description: 'Summary line',
            },
            { contact },
          )
        : check.smsEligible
          ? translate(
              {
                id: 'troubleshooter.summary.contact.sms',
                message: 'Contact checked: {contact} (can receive text messages)',
                description: 'Summary line',
              },
              { contact },
            )
          : translate(
              {
                id: 'troubleshooter.summary.contact.foreign',
                message: 'Contact checked: {contact} (outside North America: no text messages)',
                description: 'Summary line',
              },
              { contact },
            ),
    );
  }
  const what = purposeLabel(context.purpose);
  switch (context.requestOutcome) {
    case 'sent':
      lines.push(
        translate(
          {
            id: 'troubleshooter.summary.request.sent',
            message: 'Requested: {what}, sent if an account uses this contact',
            description: 'Summary line',
          },
          { what },
        ),
      );
      break;
    case 'rate-limited':
      lines.push(
        translate(
          {
            id: 'troubleshooter.summary.request.rateLimited',
            message: 'Requested: {what}, not sent again (one went out moments before)',
            description: 'Summary line',
          },
          { what },
        ),
      );
      break;
    case 'unreachable':
      lines.push(
        translate(
          {
            id: 'troubleshooter.summary.request.unreachable',
            message: 'Requested: {what}, but the service could not be reached',
            description: 'Summary line',
          },
          { what },
        ),
      );
      break;
    case 'rejected':
      lines.push(
        translate(
          {
            id: 'troubleshooter.summary.request.rejected',
            message: 'Requested: {what}, refused by the service',
            description: 'Summary line',
          },
          { what },
        ),
      );
      break;
    default:
  }
  if (context.verification === 'verified' && context.account) {
    lines.push(
      translate({
        id: 'troubleshooter.summary.verified',
        message: 'Code checked: yes',
        description: 'Summary line',
      }),
      translate(
        { id: 'troubleshooter.summary.account', message: 'Account: {status}', description: 'Summary line' },
        { status: accountStatusLabel(context.account, locale) },
      ),
      translate(
        {
          id: 'troubleshooter.summary.method',
          message: 'Logs in with: {method}',
          description: 'Summary line',
        },
        { method: loginMethodLabel(context.account) },
      ),
    );
    if (context.account.employerName) {
      lines.push(
        translate(
          { id: 'troubleshooter.summary.employer', message: 'Employer: {name}', description: 'Summary line' },
          { name: context.account.employerName },
        ),
      );
    }
  } else if (context.verification === 'invalid') {
    lines.push(
      translate({
        id: 'troubleshooter.summary.refused',
        message: 'Code checked: refused',
        description: 'Summary line',
      }),
    );
  } else if (context.verification === 'unreachable') {
    lines.push(
      translate({
        id: 'troubleshooter.summary.verifyUnreachable',
        message: 'Code checked: the service could not be reached',
        description: 'Summary line',
      }),
    );
  }
  return lines;
}
