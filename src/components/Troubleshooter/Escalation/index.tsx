/**
 * The hand-off: a reference code to read over the phone, a summary in the worker's language to copy,
 * and a ready message to the employer (email or the phone's share sheet) or to support.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useIsBrowser from '@docusaurus/useIsBrowser';
import { translate } from '@docusaurus/Translate';
import type { TroubleshooterContext } from '@site/src/troubleshooter/troubleshooter.machine';
import type { Locale } from '@site/src/troubleshooter/api-client';
import { encodeReferenceCode, referenceDataFor } from '@site/src/troubleshooter/reference-code';
import { maskContact } from '@site/src/troubleshooter/contact';
import { stepText } from '@site/src/troubleshooter/step-messages';
import type { EmployerReason, Purpose } from '@site/src/troubleshooter/steps';
import { useBrand } from '@site/src/utils/use-brand';
import { accountStatusLabel, loginMethodLabel } from '../AccountPanel';
import styles from '../styles.module.css';

interface Props {
  context: TroubleshooterContext;
  kind: 'employer' | 'support';
  locale: Locale;
}

/** The section of the employers' article that tells them how to do what the worker asks. */
const EMPLOYER_SECTION: Record<EmployerReason, string> = {
  invite: 'resend-invitation',
  'check-contact': 'check-contact-details',
  'add-email': 'check-contact-details',
  'access-code': 'temporary-password',
  username: 'check-contact-details',
  'primary-email': 'check-contact-details',
  reactivate: 'reactivate-account',
  general: 'check-contact-details',
};

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

function summaryLines(
  context: TroubleshooterContext,
  code: string,
  product: string,
  locale: Locale,
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
        }).format(new Date()),
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
  if (check && (check.kind === 'phone' || check.kind === 'email')) {
    const contact = maskContact(check.normalized ?? context.contact);
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

function employerMessage(reason: EmployerReason, product: string): { subject: string; request: string } {
  switch (reason) {
    case 'invite':
      return {
        subject: translate(
          {
            id: 'troubleshooter.employer.invite.subject',
            message: 'Please invite me to {product}',
            description: 'Email subject to the employer',
          },
          { product },
        ),
        request: translate(
          {
            id: 'troubleshooter.employer.invite.body',
            message:
              'I cannot log in to {product}: I do not think my account exists yet. Could you invite me, with my phone number or email address?',
            description: 'Email to the employer: the request',
          },
          { product },
        ),
      };
    case 'add-email':
      return {
        subject: translate(
          {
            id: 'troubleshooter.employer.addEmail.subject',
            message: 'Please add my email address in {product}',
            description: 'Email subject to the employer',
          },
          { product },
        ),
        request: translate(
          {
            id: 'troubleshooter.employer.addEmail.body',
            message:
              'My phone number cannot receive the login codes of {product}, so I need to log in by email. Could you add my email address to my profile?',
            description: 'Email to the employer: the request',
          },
          { product },
        ),
      };
    case 'access-code':
      return {
        subject: translate(
          {
            id: 'troubleshooter.employer.accessCode.subject',
            message: 'Temporary access code for {product}',
            description: 'Email subject to the employer',
          },
          { product },
        ),
        request: translate(
          {
            id: 'troubleshooter.employer.accessCode.body',
            message:
              'I forgot my password for {product} and there is no email address in my profile. Could you give me a temporary access code?',
            description: 'Email to the employer: the request',
          },
          { product },
        ),
      };
    case 'username':
      return {
        subject: translate(
          {
            id: 'troubleshooter.employer.username.subject',
            message: 'My username in {product}',
            description: 'Email subject to the employer',
          },
          { product },
        ),
        request: translate(
          {
            id: 'troubleshooter.employer.username.body',
            message:
              'My {product} account logs in with a username and I do not know it. Could you tell me my username?',
            description: 'Email to the employer: the request',
          },
          { product },
        ),
      };
    case 'primary-email':
      return {
        subject: translate(
          {
            id: 'troubleshooter.employer.primaryEmail.subject',
            message: 'My primary email in {product}',
            description: 'Email subject to the employer',
          },
          { product },
        ),
        request: translate(
          {
            id: 'troubleshooter.employer.primaryEmail.body',
            message:
              '{product} tells me "invalid user or password". Could you tell me which email address is the primary one in my profile?',
            description: 'Email to the employer: the request',
          },
          { product },
        ),
      };
    case 'reactivate':
      return {
        subject: translate(
          {
            id: 'troubleshooter.employer.reactivate.subject',
            message: 'Please reactivate my {product} account',
            description: 'Email subject to the employer',
          },
          { product },
        ),
        request: translate(
          {
            id: 'troubleshooter.employer.reactivate.body',
            message:
              'My {product} account was deactivated and I still work with you. Could you reactivate it?',
            description: 'Email to the employer: the request',
          },
          { product },
        ),
      };
    case 'check-contact':
    case 'general':
    default:
      return {
        subject: translate(
          {
            id: 'troubleshooter.employer.checkContact.subject',
            message: 'Please check my details in {product}',
            description: 'Email subject to the employer',
          },
          { product },
        ),
        request: translate(
          {
            id: 'troubleshooter.employer.checkContact.body',
            message:
              'I cannot log in to {product}. Could you check the phone number and email address in my profile? They must be exactly the ones I use to log in.',
            description: 'Email to the employer: the request',
          },
          { product },
        ),
      };
  }
}

function mailto(to: string, subject: string, body: string): string {
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

function CopyBlock({ label, text, name }: { label: string; text: string; name: string }): ReactNode {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'select'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      // No clipboard permission (an old browser, an embedded view): select it for a manual copy.
      area.current?.focus();
      area.current?.select();
      setStatus('select');
    }
  };
  return (
    <div className={styles.copyBlock}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        ref={area}
        className={styles.textarea}
        readOnly
        value={text}
        rows={Math.min(12, text.split('\n').length + 1)}
        data-copy={name}
      />
      <button
        type="button"
        className={clsx(styles.button, styles.secondary)}
        onClick={copy}
        data-action={`copy-${name}`}
      >
        {translate({
          id: 'troubleshooter.copy.button',
          message: 'Copy',
          description: 'Button that copies a text',
        })}
      </button>
      <span className={styles.copyStatus} role="status">
        {status === 'copied'
          ? translate({ id: 'troubleshooter.copy.done', message: 'Copied.', description: 'After copying' })
          : status === 'select'
            ? translate({
                id: 'troubleshooter.copy.manual',
                message: 'Selected: copy it with your device’s copy command.',
                description: 'When automatic copying failed',
              })
            : ''}
      </span>
    </div>
  );
}

export default function Escalation({ context, kind, locale }: Props): ReactNode {
  const brand = useBrand();
  const code = encodeReferenceCode(referenceDataFor(context));
  const spelled = code
    .split('')
    .map((char) => (char === '-' ? ',' : char))
    .join(' ');
  const summary = summaryLines(context, code, brand.productName, locale).join('\n');
  const reason = context.employerReason ?? 'general';
  const employerHelp = useBaseUrl('/docs/employers/worker-cannot-log-in', { absolute: true });
  // Known only in the browser: the server render and hydration leave the button out.
  const canShare = useIsBrowser() && typeof navigator.share === 'function';

  const message = employerMessage(reason, brand.productName);
  const employerBody = [
    translate({
      id: 'troubleshooter.employer.greeting',
      message: 'Hello,',
      description: 'Email to the employer: greeting',
    }),
    message.request,
    translate(
      {
        id: 'troubleshooter.employer.reference',
        message: 'Reference code from the login help center: {code}',
        description: 'Email to the employer',
      },
      { code },
    ),
    translate(
      {
        id: 'troubleshooter.employer.howTo',
        message: 'How to do it: {url}',
        description: 'Email to the employer: link to the employers article',
      },
      { url: `${employerHelp}#${EMPLOYER_SECTION[reason]}` },
    ),
    translate({
      id: 'troubleshooter.employer.thanks',
      message: 'Thank you.',
      description: 'Email to the employer: closing',
    }),
  ].join('\n\n');
  const supportSubject = translate(
    {
      id: 'troubleshooter.support.subject',
      message: 'Login help: reference {code}',
      description: 'Email subject to support',
    },
    { code },
  );

  return (
    <div className={styles.escalation}>
      <div className={styles.reference}>
        <p className={styles.referenceLabel} id="troubleshooter-reference">
          {translate({
            id: 'troubleshooter.reference.label',
            message: 'Your reference code',
            description: 'Label of the reference code',
          })}
        </p>
        <p
          className={styles.referenceCode}
          aria-labelledby="troubleshooter-reference"
          data-reference-code={code}
        >
          <span aria-hidden="true">{code}</span>
          <span className={styles.visuallyHidden}>{spelled}</span>
        </p>
        <p className={styles.hint}>
          {kind === 'employer'
            ? translate({
                id: 'troubleshooter.reference.hintEmployer',
                message: 'It is in the message below. If your employer calls support, they can read it out.',
                description: 'Explains the reference code (employer hand-off)',
              })
            : translate({
                id: 'troubleshooter.reference.hintSupport',
                message:
                  'Read it out on the phone or paste it in your message: support will see what you already tried.',
                description: 'Explains the reference code (support hand-off)',
              })}
        </p>
      </div>
      {kind === 'employer' ? (
        <>
          <CopyBlock
            label={translate({
              id: 'troubleshooter.employer.messageLabel',
              message: 'Message to your employer',
              description: 'Label of the ready message',
            })}
            text={employerBody}
            name="employer-message"
          />
          <p className={styles.actions}>
            <Link
              className={clsx(styles.button, styles.primary)}
              href={mailto('', message.subject, employerBody)}
              data-action="email-employer"
            >
              {translate({
                id: 'troubleshooter.employer.email',
                message: 'Send it by email',
                description: 'Opens the mail app with the message',
              })}
            </Link>
            {canShare && (
              <button
                type="button"
                className={clsx(styles.button, styles.secondary)}
                onClick={() =>
                  navigator.share({ title: message.subject, text: employerBody }).catch(() => undefined)
                }
                data-action="share"
              >
                {translate({
                  id: 'troubleshooter.employer.share',
                  message: 'Share…',
                  description: 'Opens the phone share sheet with the message',
                })}
              </button>
            )}
          </p>
        </>
      ) : (
        <p className={styles.actions}>
          <Link
            className={clsx(styles.button, styles.primary)}
            href={mailto(brand.supportEmail, supportSubject, summary)}
            data-action="email-support"
          >
            {translate({
              id: 'troubleshooter.support.email',
              message: 'Email support',
              description: 'Opens the mail app to support with the summary',
            })}
          </Link>
          {brand.supportPhone && (
            <Link
              className={clsx(styles.button, styles.secondary)}
              href={`tel:${brand.supportPhone.replace(/[^\d+]/g, '')}`}
            >
              {translate(
                { id: 'troubleshooter.support.call', message: 'Call {phone}', description: 'Calls support' },
                { phone: brand.supportPhone },
              )}
            </Link>
          )}
        </p>
      )}
      <CopyBlock
        label={translate({
          id: 'troubleshooter.summary.label',
          message: 'Summary of what you tried',
          description: 'Label of the summary to copy',
        })}
        text={summary}
        name="summary"
      />
    </div>
  );
}
