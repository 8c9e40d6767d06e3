import { useId, type ReactNode } from 'react';
import clsx from 'clsx';
import Translate, { translate } from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import { formatPercent } from '@site/src/support/labels';
import { helpfulShare, type WeekPoint } from '@site/src/support/report-charts';
import { useHelpfulRatio } from '@site/src/support/use-ratio';
import shared from '../styles.module.css';
import styles from './styles.module.css';

const KINDS = ['article', 'troubleshooter'] as const;

function kindLabel(kind: (typeof KINDS)[number]): string {
  return kind === 'article'
    ? translate({
        id: 'support.reports.trend.articles',
        message: 'Articles',
        description: 'Reports: trend series',
      })
    : translate({
        id: 'support.reports.trend.troubleshooter',
        message: 'Troubleshooter',
        description: 'Reports: trend series',
      });
}

/**
 * Helpfulness per week: a bar per week and series, as high as its share of helpful answers (no bar
 * without answers), drawn by hand; the table after it gives the same numbers.
 */
export default function Trend({ weeks, locale }: { weeks: readonly WeekPoint[]; locale: Locale }): ReactNode {
  const id = useId();
  const ratio = useHelpfulRatio();
  const width = weeks.length * 3;
  return (
    <>
      <figure className={styles.figure} data-chart="trend">
        <figcaption id={`${id}-caption`} className={styles.caption}>
          <Translate
            id="support.reports.trend.caption"
            description="Reports: caption of the weekly helpfulness chart"
          >
            Share of helpful answers per week
          </Translate>
        </figcaption>
        <ul className={styles.legend}>
          {KINDS.map((kind) => (
            <li key={kind}>
              <span className={clsx(styles.swatch, styles[kind])} aria-hidden="true" />
              {kindLabel(kind)}
            </li>
          ))}
        </ul>
        <div className={styles.plot}>
          <span className={styles.axis} aria-hidden="true">
            <span>{formatPercent(1, locale)}</span>
            <span>{formatPercent(0.5, locale)}</span>
            <span>{formatPercent(0, locale)}</span>
          </span>
          <svg
            viewBox={`0 0 ${width} 100`}
            preserveAspectRatio="none"
            className={styles.bars}
            role="img"
            aria-labelledby={`${id}-caption`}
            aria-describedby={`${id}-table`}
          >
            <line x1="0" x2={width} y1="50" y2="50" className={styles.grid} />
            <line x1="0" x2={width} y1="100" y2="100" className={styles.grid} />
            {weeks.map((point, index) =>
              KINDS.map((kind, position) => {
                const value = helpfulShare(point[kind]);
                if (value === null) return null;
                return (
                  <rect
                    key={`${point.week}-${kind}`}
                    x={index * 3 + position + 0.5}
                    y={100 - value * 100}
                    width="1"
                    height={Math.max(value * 100, 1)}
                    className={styles[kind]}
                  />
                );
              }),
            )}
          </svg>
        </div>
        {weeks.length > 0 && (
          <p className={styles.range} aria-hidden="true">
            <span>{weeks[0].week}</span>
            <span>{weeks[weeks.length - 1].week}</span>
          </p>
        )}
      </figure>
      <div className={shared.scroller}>
        <table className={shared.table} id={`${id}-table`} data-table="trend">
          <caption>
            <Translate
              id="support.reports.trend.tableCaption"
              description="Reports: caption of the weekly helpfulness table"
            >
              Answers to “Was this helpful?” per week (from Monday)
            </Translate>
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <Translate id="support.reports.column.week" description="Reports: column of weeks">
                  Week of
                </Translate>
              </th>
              {KINDS.map((kind) => (
                <th key={kind} scope="col">
                  {kindLabel(kind)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((point) => (
              <tr key={point.week} data-week={point.week}>
                {/* Days as the period's fields write them: YYYY-MM-DD. */}
                <th scope="row">{point.week}</th>
                {KINDS.map((kind) => (
                  <td key={kind}>
                    {point[kind].yes + point[kind].no === 0 ? '—' : ratio(point[kind], locale)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
