import type { ReactNode } from 'react';
import Translate from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import { reasonLabel } from '@site/src/components/Feedback/reason-label';
import type { SupportReport } from '@site/src/support/api';
import { formatDateTime } from '@site/src/support/labels';
import styles from './styles.module.css';

type Comment = SupportReport['comments'][number];

interface Props {
  comments: readonly Comment[];
  /** The page's title (an article's, a step's question), for the line above each comment. */
  titleOf: (comment: Comment) => string;
  locale: Locale;
}

/** The latest comments, each in the language the reader wrote it in. */
export default function Comments({ comments, titleOf, locale }: Props): ReactNode {
  if (comments.length === 0)
    return (
      <p>
        <Translate id="support.reports.comments.none" description="Reports: no comment in the period">
          No comment in this period.
        </Translate>
      </p>
    );
  return (
    <ul className={styles.comments}>
      {comments.map((comment, position) => (
        <li key={`${comment.at}-${position}`}>
          <p className={styles.meta}>
            {formatDateTime(comment.at, locale)} · {titleOf(comment)} · {comment.locale.toUpperCase()}
            {comment.reasons.length > 0 && ` · ${comment.reasons.map(reasonLabel).join(', ')}`}
          </p>
          <blockquote lang={comment.locale} className={styles.quote}>
            {comment.comment}
          </blockquote>
        </li>
      ))}
    </ul>
  );
}
