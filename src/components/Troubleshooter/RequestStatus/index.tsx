/**
 * What was sent, where (as the server masks it), how long it stays valid, and when a new one may be
 * asked for: the resend button exists only once the API would accept it (its last answer's wait).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import clsx from 'clsx';
import { translate } from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import type { Operation, TroubleshooterContext, TroubleshooterEvent } from '@site/src/troubleshooter/context';
import { nextSendAt } from '@site/src/troubleshooter/send-log';
import { requestChannel } from '@site/src/troubleshooter/service-advice';
import { formatDuration } from '@site/shared/durations';
import { useRules } from '@site/src/utils/use-rules';
import { formatClock, formatCountdown, useNow } from '../time';
import styles from '../styles.module.css';

interface Props {
  context: TroubleshooterContext;
  busy: Operation | null;
  ready: boolean;
  send: (event: TroubleshooterEvent) => void;
  locale: Locale;
}

function whatWasSent(purpose: TroubleshooterContext['purpose']): string {
  switch (purpose) {
    case 'unlock':
      return translate({
        id: 'troubleshooter.sent.what.unlock',
        message: 'an unlock link',
        description: 'What was sent (completes "We asked for …")',
      });
    case 'confirmation':
      return translate({
        id: 'troubleshooter.sent.what.confirmation',
        message: 'the confirmation email',
        description: 'What was sent (completes "We asked for …")',
      });
    case 'password-reset':
      return translate({
        id: 'troubleshooter.sent.what.passwordReset',
        message: 'a password reset email',
        description: 'What was sent (completes "We asked for …")',
      });
    case 'login-link':
      return translate({
        id: 'troubleshooter.sent.what.loginLink',
        message: 'a one-time login link',
        description: 'What was sent (completes "We asked for …")',
      });
    default:
      return translate({
        id: 'troubleshooter.sent.what.code',
        message: 'a login code',
        description: 'What was sent (completes "We asked for …")',
      });
  }
}

function resendLabel(purpose: TroubleshooterContext['purpose']): string {
  return purpose === 'login-code'
    ? translate({
        id: 'troubleshooter.resend.code',
        message: 'Send me a new code',
        description: 'Resend button for a login code',
      })
    : translate({
        id: 'troubleshooter.resend.message',
        message: 'Send it again',
        description: 'Resend button for a link or an email',
      });
}

/** Why the message is late, when its channel is: how long it may take, and not to ask again. */
function lateBecause(context: TroubleshooterContext, locale: Locale): string | null {
  const channel = requestChannel(context);
  const health = channel ? context.service?.channels[channel] : undefined;
  if (!channel || !health || health.state === 'ok') return null;
  const wait = health.waitSeconds ? formatDuration(health.waitSeconds, locale) : null;
  if (channel === 'sms') {
    if (health.state === 'down')
      return translate({
        id: 'troubleshooter.sent.smsDown',
        message:
          'Text messages are not getting through right now, so this code may not reach you: log in by email instead.',
        description: 'Under a sent code, while text messages are not getting through',
      });
    return wait
      ? translate(
          {
            id: 'troubleshooter.sent.smsLateFor',
            message:
              'Text messages are slow right now: your code can take up to {wait} to arrive. Wait for it rather than asking for a new one: a new code would cancel it.',
            description: 'Under a sent code, while text messages are late; wait is a duration',
          },
          { wait },
        )
      : translate({
          id: 'troubleshooter.sent.smsLate',
          message:
            'Text messages are slow right now: your code may arrive late. Wait for it rather than asking for a new one: a new code would cancel it.',
          description: 'Under a sent code, while some text messages are late or lost',
        });
  }
  if (health.state === 'down')
    return translate({
      id: 'troubleshooter.sent.emailDown',
      message: 'Emails are not getting through right now, so this message may not reach you for a while.',
      description: 'Under a sent email, while emails are not getting through',
    });
  return wait
    ? translate(
        {
          id: 'troubleshooter.sent.emailLateFor',
          message:
            'Emails are slow right now: your message can take up to {wait} to arrive. Wait for it rather than asking again: a new one would cancel it.',
          description: 'Under a sent email, while emails are late; wait is a duration',
        },
        { wait },
      )
    : translate({
        id: 'troubleshooter.sent.emailLate',
        message:
          'Emails are slow right now: your message may arrive late. Wait for it rather than asking again: a new one would cancel it.',
        description: 'Under a sent email, while some emails are late',
      });
}

export default function RequestStatus({ context, busy, ready, send, locale }: Props): ReactNode {
  const request = context.request;
  const now = useNow(request !== null);
  const until = request ? nextSendAt(context.sendLog, request.contact, now) : null;
  const allowed = request !== null && until === null;
  // A wait longer than the resend interval means a cap on sends per hour or day was reached.
  const rules = useRules();
  const interval = (context.policy ?? rules).resendIntervalSeconds * 1000;
  const capped = request !== null && until !== null && until - request.at > interval;
  const [announce, setAnnounce] = useState('');
  const wasAllowed = useRef(allowed);

  // Say it once when a resend becomes possible; the ticking countdown itself stays silent.
  useEffect(() => {
    if (allowed && !wasAllowed.current) {
      setAnnounce(
        translate({
          id: 'troubleshooter.resend.nowAllowed',
          message: 'You can ask for a new one now.',
          description: 'Announced when the resend countdown ends',
        }),
      );
    }
    wasAllowed.current = allowed;
  }, [allowed]);

  if (!request) return null;
  const contact = request.masked;
  const expiresIn = request.expiresAt !== null ? request.expiresAt - now : null;
  const late = lateBecause(context, locale);

  return (
    <div className={styles.status} data-request={request.outcome}>
      {request.outcome === 'sent' ? (
        <p>
          {contact === null
            ? translate(
                {
                  id: 'troubleshooter.sent.summaryNoContact',
                  message: 'We asked for {what}.',
                  description: 'After a help request, when no contact check described the contact',
                },
                { what: whatWasSent(request.purpose) },
              )
            : translate(
                {
                  id: 'troubleshooter.sent.summary',
                  message: 'We asked for {what} for {contact}.',
                  description: 'After a help request; contact is masked',
                },
                { what: whatWasSent(request.purpose), contact },
              )}
        </p>
      ) : (
        <p className={styles.notice}>
          {contact === null
            ? translate({
                id: 'troubleshooter.sent.heldBackNoContact',
                message:
                  'We did not send another message: one went out moments ago, and a new one would cancel it. Use the newest message you received.',
                description: 'When the resend was refused because of the cooldown (contact not known)',
              })
            : translate(
                {
                  id: 'troubleshooter.sent.heldBack',
                  message:
                    'We did not send another message: one went to {contact} moments ago, and a new one would cancel it. Use the newest message you received.',
                  description: 'When the resend was refused because of the cooldown',
                },
                { contact },
              )}
        </p>
      )}
      {late && (
        <p className={styles.notice} data-countdown="late">
          {late}
        </p>
      )}
      {expiresIn !== null &&
        (expiresIn > 0 ? (
          <p role="timer" data-countdown="expires">
            {request.purpose === 'login-code'
              ? translate(
                  {
                    id: 'troubleshooter.sent.expiresIn',
                    message: 'The code stays valid for {time}.',
                    description: 'Countdown until the code expires',
                  },
                  { time: formatCountdown(expiresIn) },
                )
              : translate(
                  {
                    id: 'troubleshooter.sent.linkExpiresIn',
                    message: 'The link stays valid for {time}.',
                    description: 'Countdown until the link expires',
                  },
                  { time: formatCountdown(expiresIn) },
                )}
          </p>
        ) : (
          <p className={styles.notice} data-countdown="expired">
            {request.purpose === 'login-code'
              ? translate({
                  id: 'troubleshooter.sent.expired',
                  message: 'This code has expired: ask for a new one.',
                  description: 'When the code expired',
                })
              : translate({
                  id: 'troubleshooter.sent.linkExpired',
                  message: 'This link has expired: ask for a new one.',
                  description: 'When the link expired',
                })}
          </p>
        ))}
      {allowed ? (
        <button
          type="button"
          className={clsx(styles.button, styles.secondary)}
          onClick={() => send({ type: 'user.resend', at: Date.now() })}
          disabled={!ready || busy !== null}
          data-event="user.resend"
        >
          {busy === 'send'
            ? translate({
                id: 'troubleshooter.resend.busy',
                message: 'Sending…',
                description: 'While a new message is requested',
              })
            : resendLabel(request.purpose)}
        </button>
      ) : until !== null && !capped ? (
        <p role="timer" data-countdown="resend">
          {translate(
            {
              id: 'troubleshooter.resend.wait',
              message: 'You can ask for a new one in {time}.',
              description: 'Countdown until a resend is allowed',
            },
            { time: formatCountdown(until - now) },
          )}
        </p>
      ) : until !== null ? (
        <p data-countdown="limit">
          {translate(
            {
              id: 'troubleshooter.resend.limit',
              message: 'You have asked for several messages already. You can ask again at {time}.',
              description: 'When the hourly or daily limit of messages is reached',
            },
            { time: formatClock(until, locale) },
          )}
        </p>
      ) : null}
      <p className={styles.visuallyHidden} role="status">
        {announce}
      </p>
    </div>
  );
}
