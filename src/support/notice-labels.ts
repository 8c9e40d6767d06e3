/** The words of support's notices: which messages one is about, and where it stands. */
import { translate } from '@docusaurus/Translate';

export function noticeChannelLabel(channel: string): string {
  switch (channel) {
    case 'sms':
      return translate({
        id: 'support.notices.channel.sms',
        message: 'Text messages',
        description: 'What a service notice is about',
      });
    case 'email':
      return translate({
        id: 'support.notices.channel.email',
        message: 'Emails',
        description: 'What a service notice is about',
      });
    default:
      return translate({
        id: 'support.notices.channel.all',
        message: 'All messages',
        description: 'What a service notice is about: text messages and emails',
      });
  }
}

export function noticeStateLabel(notice: { state: string; endedBy: string | null }): string {
  switch (notice.state) {
    case 'active':
      return translate({
        id: 'support.notices.state.active',
        message: 'Shown now',
        description: 'Where a service notice stands',
      });
    case 'ended':
      return translate(
        {
          id: 'support.notices.state.ended',
          message: 'Ended by {agent}',
          description: 'Where a service notice stands: an agent ended it (or replaced it) before its end',
        },
        { agent: notice.endedBy ?? '—' },
      );
    default:
      return translate({
        id: 'support.notices.state.expired',
        message: 'Expired',
        description: 'Where a service notice stands: its end passed',
      });
  }
}
