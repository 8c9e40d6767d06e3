import { useId, type ReactNode } from 'react';
import clsx from 'clsx';
import Translate, { translate } from '@docusaurus/Translate';
import { ENDINGS, endings, type FunnelRow } from '@site/src/support/report-charts';
import { endingLabel } from '@site/src/support/labels';
import { stepTitle } from '@site/src/support/step-links';
import styles from './styles.module.css';

interface Props {
  rows: readonly FunnelRow[];
  /** The id of the table that says the same in numbers (the chart's accessible twin). */
  tableId: string;
}

/**
 * The troubleshooter as a funnel: one bar per step, as long as the runs that reached it, its end the
 * runs that stopped there, colored by how they ended. Drawn by hand (no chart library on the page);
 * the table beside it carries the same numbers for screen readers and copying.
 */
export default function Funnel({ rows, tableId }: Props): ReactNode {
  const id = useId();
  const most = Math.max(1, ...rows.map((row) => row.reached));
  const totals = endings(rows);
  const share = (count: number) => (count / most) * 100;
  return (
    <figure className={styles.figure} data-chart="funnel">
      <figcaption id={`${id}-caption`} className={styles.caption}>
        <Translate id="support.reports.funnel.caption" description="Reports: caption of the funnel chart">
          Troubleshooter funnel: runs that reached each step, and how those that stopped there ended
        </Translate>
      </figcaption>
      <ul
        className={styles.legend}
        aria-label={translate({
          id: 'support.reports.funnel.endings',
          message: 'How the runs ended',
          description: 'Reports: the list of how runs ended, with counts',
        })}
      >
        {ENDINGS.map((ending) => (
          <li key={ending} data-ending={ending}>
            <span className={clsx(styles.swatch, styles[ending])} aria-hidden="true" />
            {translate(
              {
                id: 'support.reports.funnel.ending',
                message: '{ending}: {count}',
                description: 'Reports: how many runs ended one way (the way already translated)',
              },
              { ending: endingLabel(ending), count: totals[ending] },
            )}
          </li>
        ))}
      </ul>
      <div role="img" aria-labelledby={`${id}-caption`} aria-describedby={tableId} className={styles.bars}>
        {rows.map((row) => (
          <div key={row.step} className={styles.row} data-step={row.step}>
            <span className={styles.label}>
              {stepTitle(row.step)} · {row.reached}
            </span>
            <svg
              viewBox="0 0 100 12"
              preserveAspectRatio="none"
              className={styles.bar}
              aria-hidden="true"
              focusable="false"
            >
              <rect
                x="0"
                y="0"
                width={share(row.reached - row.stopped)}
                height="12"
                className={styles.continued}
              />
              <rect
                x={share(row.reached - row.stopped)}
                y="0"
                width={share(row.stopped)}
                height="12"
                className={styles[row.ending]}
              />
            </svg>
          </div>
        ))}
      </div>
    </figure>
  );
}
