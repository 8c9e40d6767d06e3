/**
 * The cause and the effect an audit entry records (its `details`), in the agent's words: why the
 * account was locked, what an unlock cleared, until when code checks are paused. Details the page
 * does not know (a newer API) say nothing rather than something wrong.
 */
import { translate } from '@docusaurus/Translate';
import { channelLabel, contactKindLabel, formatDateTime, languageName, templateLabel } from './labels';
import { noticeChannelLabel } from './notice-labels';

type Details = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const number = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** A contact kind after "for the": lower case in both languages ("the phone number"). */
const contactOf = (kind: unknown) => contactKindLabel(text(kind) ?? '').toLocaleLowerCase();

function sentTo(details: Details, locale: string): string {
  const template = text(details.template);
  const channel = text(details.channel);
  const recipient = text(details.recipient);
  const language = text(details.locale);
  if (!template || !channel || !recipient) return '';
  return translate(
    {
      id: 'support.auditDetails.sent',
      message: '{message} by {channel} to {recipient}, in {language}',
      description: 'Audit log: what an action sent (message, channel and language already translated)',
    },
    {
      message: templateLabel(template),
      channel: channelLabel(channel).toLocaleLowerCase(),
      recipient,
      language: language ? languageName(language, locale) : '—',
    },
  );
}

function unlocked(details: Details, locale: string): string {
  const parts: string[] = [];
  const lockedAt = text(details.lockedAt);
  const attempts = number(details.failedAttempts);
  if (details.wasLocked === true)
    parts.push(
      translate(
        {
          id: 'support.auditDetails.wasLocked',
          message: 'It was locked since {date}, after {count} failed login attempts',
          description: 'Audit log: the cause of the lock an unlock removed',
        },
        { date: formatDateTime(lockedAt, locale), count: attempts ?? '—' },
      ),
    );
  const cleared = Array.isArray(details.codeChecksCleared) ? details.codeChecksCleared : [];
  if (cleared.length > 0)
    parts.push(
      translate(
        {
          id: 'support.auditDetails.codeChecksCleared',
          message: 'code checks reopened for: {contacts}',
          description: 'Audit log: the contacts whose paused code checks an unlock reopened',
        },
        { contacts: cleared.map(contactOf).join(', ') },
      ),
    );
  return parts.join('; ');
}

function paused(details: Details, locale: string): string {
  const contact = contactOf(details.contact);
  if (details.blocked === true)
    return translate(
      {
        id: 'support.auditDetails.blocked',
        message: 'For the {contact}, after too many wrong codes: only support can reopen them (unlock)',
        description: 'Audit log: code checks blocked for a contact',
      },
      { contact },
    );
  return translate(
    {
      id: 'support.auditDetails.paused',
      message: 'For the {contact}, after wrong codes in a row, until {time}',
      description: 'Audit log: code checks paused for a contact, and until when',
    },
    { contact, time: formatDateTime(text(details.until), locale) },
  );
}

export function auditDetailsLabel(entry: { action: string; details: Details }, locale: string): string {
  const { details } = entry;
  switch (entry.action) {
    case 'account.locked':
      return number(details.failedAttempts) === null
        ? ''
        : translate(
            {
              id: 'support.auditDetails.locked',
              message: 'After {count} failed login attempts',
              description: 'Audit log: why the app locked the account',
            },
            { count: number(details.failedAttempts)! },
          );
    case 'support.account-unlocked':
      return unlocked(details, locale);
    case 'code-checks.paused':
      return paused(details, locale);
    case 'support.invitation-resent':
    case 'support.login-help-sent':
      return sentTo(details, locale);
    case 'support.access-code-issued':
      return translate(
        {
          id: 'support.auditDetails.accessCode',
          message: 'Valid until {time}',
          description: 'Audit log: until when a temporary access code works',
        },
        { time: formatDateTime(text(details.expiresAt), locale) },
      );
    case 'support.email-released':
      return text(details.email) ?? '';
    case 'support.notice-published':
      return translate(
        {
          id: 'support.auditDetails.noticePublished',
          message: '{channel}, until {time}: “{text}”',
          description: 'Audit log: a published notice (its channel, its end, its English or French text)',
        },
        {
          channel: noticeChannelLabel(text(details.channel) ?? ''),
          time: formatDateTime(text(details.until), locale),
          text: text(locale === 'fr' ? details.fr : details.en) ?? '',
        },
      );
    case 'support.notice-ended':
      return details.why === 'replaced'
        ? translate({
            id: 'support.auditDetails.noticeReplaced',
            message: 'Replaced by a new notice',
            description: 'Audit log: a notice ended because another one was published',
          })
        : translate(
            {
              id: 'support.auditDetails.noticeEndedEarly',
              message: 'Ended before {time}',
              description: 'Audit log: a notice ended by an agent before the end it had',
            },
            { time: formatDateTime(text(details.until), locale) },
          );
    default:
      return '';
  }
}
