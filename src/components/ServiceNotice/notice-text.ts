/**
 * What a service notice says, in the page's language: support's own words, or the automatic
 * notice of a channel in trouble (how long a message may take, not to ask again, the other way
 * to log in).
 */
import { translate } from '@docusaurus/Translate';
import { formatDuration } from '../../../shared/durations';
import type { Locale } from '../../../shared/locale';
import type { ServiceNotice } from '../../api/service-status';

function smsText(notice: ServiceNotice, wait: string | null): string {
  if (notice.state === 'down')
    return translate({
      id: 'serviceNotice.sms.down',
      message:
        'Text messages are not getting through right now. Log in by email instead: asking for another code by text will not help, and each new code cancels the last one.',
      description: 'Service notice while text messages are not getting through',
    });
  return wait
    ? translate(
        {
          id: 'serviceNotice.sms.delayedFor',
          message:
            'Text messages are slow right now: a code can take up to {wait} to arrive. Do not ask again: each new code cancels the last one. You can also log in by email.',
          description: 'Service notice while text messages are late; wait is a duration ("5 minutes")',
        },
        { wait },
      )
    : translate({
        id: 'serviceNotice.sms.delayed',
        message:
          'Text messages are slow right now: some codes arrive late or not at all. Do not ask again: each new code cancels the last one. You can also log in by email.',
        description: 'Service notice while some text messages are late or lost',
      });
}

function emailText(notice: ServiceNotice, wait: string | null): string {
  if (notice.state === 'down')
    return translate({
      id: 'serviceNotice.email.down',
      message:
        'Emails are not getting through right now. If your profile has a North American mobile number, ask for your code by text message instead.',
      description: 'Service notice while emails are not getting through',
    });
  return wait
    ? translate(
        {
          id: 'serviceNotice.email.delayedFor',
          message:
            'Emails are slow right now: a message can take up to {wait} to arrive. Do not ask again: each new code or link cancels the last one. Check your spam or junk folder too.',
          description: 'Service notice while emails are late; wait is a duration ("5 minutes")',
        },
        { wait },
      )
    : translate({
        id: 'serviceNotice.email.delayed',
        message:
          'Emails are slow right now: some messages arrive late. Do not ask again: each new code or link cancels the last one.',
        description: 'Service notice while some emails are late',
      });
}

export function noticeText(notice: ServiceNotice, locale: Locale): string {
  if (notice.text) return notice.text[locale];
  const wait = notice.waitSeconds ? formatDuration(notice.waitSeconds, locale) : null;
  return notice.channel === 'email' ? emailText(notice, wait) : smsText(notice, wait);
}
