import type { ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import { reasonLabel } from '@site/src/components/Feedback/reason-label';
import { formatPercent } from '@site/src/support/labels';
import type { Counts, HelpfulnessRow } from '@site/src/support/report-rows';
import shared from '../styles.module.css';
import styles from './styles.module.css';

/** A page's answers in one language: how many helped, and why the others did not, most said first. */
function Ratio({ counts, locale }: { counts: Counts | undefined; locale: Locale }): ReactNode {
  if (!counts || counts.yes + counts.no === 0) return <span className={styles.none}>—</span>;
  const total = counts.yes + counts.no;
  const reasons = Object.entries(counts.reasons).sort((a, b) => b[1] - a[1]);
  return (
    <>
      <span className={styles.ratio}>
        {translate(
          {
            id: 'support.reports.ratio',
            message: '{yes} of {total} helpful ({percent})',
            description: 'Reports: helpful answers out of all answers',
          },
          { yes: counts.yes, total, percent: formatPercent(counts.yes / total, locale) },
        )}
      </span>
      {reasons.length > 0 && (
        <ul className={styles.reasons}>
          {reasons.map(([reason, count]) => (
            <li key={reason}>
              {reasonLabel(reason)} · {count}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

interface Props {
  caption: string;
  rows: readonly HelpfulnessRow[];
  locale: Locale;
}

/** Answers to "Was this helpful?", one page per row, English and French side by side. */
export default function HelpfulnessTable({ caption, rows, locale }: Props): ReactNode {
  return (
    <div className={shared.scroller}>
      <table className={shared.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <Translate id="support.reports.column.page" description="Reports: column of page names">
                Page
              </Translate>
            </th>
            <th scope="col">
              <Translate id="support.reports.column.english" description="Reports: column of English answers">
                In English
              </Translate>
            </th>
            <th scope="col">
              <Translate id="support.reports.column.french" description="Reports: column of French answers">
                In French
              </Translate>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.target} data-target={row.target}>
              <th scope="row">
                {row.title}
                <code className={shared.id}>{row.target}</code>
              </th>
              <td data-locale="en">
                <Ratio counts={row.byLocale.en} locale={locale} />
              </td>
              <td data-locale="fr">
                <Ratio counts={row.byLocale.fr} locale={locale} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
