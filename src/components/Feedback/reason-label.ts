import { translate } from '@docusaurus/Translate';
import type { FeedbackReason } from '@site/shared/feedback';

/** A "not helpful" reason in the page's language (the form and the support reports). */
export function reasonLabel(reason: FeedbackReason | string): string {
  switch (reason) {
    case 'not-my-problem':
      return translate({
        id: 'feedback.reason.not-my-problem',
        message: 'It is not about my problem',
        description: 'Feedback reason: the page does not match the reader’s problem',
      });
    case 'unclear':
      return translate({
        id: 'feedback.reason.unclear',
        message: 'It is hard to understand',
        description: 'Feedback reason: the page is unclear',
      });
    case 'did-not-work':
      return translate({
        id: 'feedback.reason.did-not-work',
        message: 'I followed it, but it did not work',
        description: 'Feedback reason: the steps did not solve the problem',
      });
    case 'out-of-date':
      return translate({
        id: 'feedback.reason.out-of-date',
        message: 'It does not match what I see in the app',
        description: 'Feedback reason: the page is out of date',
      });
    case 'other':
      return translate({
        id: 'feedback.reason.other',
        message: 'Something else',
        description: 'Feedback reason: another reason',
      });
    default:
      return reason;
  }
}
