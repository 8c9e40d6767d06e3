import type { ReactNode } from 'react';
import Translate from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import { reasonLabel } from '@site/src/components/Feedback/reason-label';
import type { Counts, HelpfulnessRow } from '@site/src/support/report-rows';
import { useHelpfulRatio } from '@site/src/support/use-ratio';
import shared from '../styles.module.css';
import styles from './styles.module.css';
import LanguageColumns from '../LanguageColumns';

/** A page's answers in one language: how many helped, and why the others did not, most said first. */
function Ratio({ counts, locale }: { counts: Counts | undefined; locale: Locale }): ReactNode {
  const ratio = useHelpfulRatio();
  if (!counts || counts.yes + counts.no === 0) return <span className={styles.none}>—</span>;
  const reasons = Object.entries(counts.reasons).sort((a, b) => b[1] - a[1]);
  return (
    <>
      <span className={styles.ratio}>{ratio(counts, locale)}</span>
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
  /** What a row is: an article's page, or a troubleshooter step. */
  rowKind: 'page' | 'step';
}

/** Answers to "Was this helpful?", one page per row, English and French side by side. */
export default function HelpfulnessTable({ caption, rows, locale, rowKind }: Props): ReactNode {
  return (
    <div className={shared.scroller}>
      <table className={shared.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              {rowKind === 'page' ? (
                <Translate id="support.reports.column.page" description="Reports: column of page names">
                  Page
                </Translate>
              ) : (
                <Translate id="support.reports.column.step" description="Reports: column of step ids">
                  Step
                </Translate>
              )}
            </th>
            <LanguageColumns />
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
