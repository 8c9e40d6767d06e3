import type { ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import { endingLabel, formatPercent } from '@site/src/support/labels';
import type { FunnelRow } from '@site/src/support/report-charts';
import { stepTitle } from '@site/src/support/step-links';
import shared from '../styles.module.css';
import LanguageColumns from '../LanguageColumns';

interface Props {
  id: string;
  rows: readonly FunnelRow[];
  locale: Locale;
}

/** A language's runs at a step: reached, stopped there. */
function InLanguage({ counts }: { counts: { reached: number; stopped: number } | undefined }): ReactNode {
  if (!counts || counts.reached === 0) return '—';
  return translate(
    {
      id: 'support.reports.dropoff.inLanguage',
      message: '{reached} reached, {stopped} stopped there',
      description: 'Reports: the runs of one language at a step',
    },
    counts,
  );
}

/**
 * The funnel in numbers: per step, the runs that reached it and stopped there, how those ended (an
 * end step is not a drop-off), and the same per language of the run.
 */
export default function DropOffTable({ id, rows, locale }: Props): ReactNode {
  return (
    <div className={shared.scroller}>
      <table className={shared.table} id={id}>
        <caption>
          <Translate
            id="support.reports.dropoff.caption"
            description="Reports: caption of the drop-off table"
          >
            Where workers leave the troubleshooter, per step
          </Translate>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Translate id="support.reports.column.step" description="Reports: column of step ids">
                Step
              </Translate>
            </th>
            <th scope="col">
              <Translate
                id="support.reports.column.reached"
                description="Reports: column of runs that reached the step"
              >
                Runs that reached it
              </Translate>
            </th>
            <th scope="col">
              <Translate
                id="support.reports.column.left"
                description="Reports: column of runs that stopped at the step"
              >
                Stopped there
              </Translate>
            </th>
            <th scope="col">
              <Translate
                id="support.reports.column.ending"
                description="Reports: column of how the runs that stopped there ended"
              >
                How they ended
              </Translate>
            </th>
            <LanguageColumns />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.step} data-step={row.step} data-ending={row.ending}>
              <th scope="row">
                {stepTitle(row.step)}
                <code className={shared.id}>{row.step}</code>
              </th>
              <td>{row.reached}</td>
              <td>{row.stopped}</td>
              <td>
                {row.ending === 'left'
                  ? translate(
                      {
                        id: 'support.reports.dropoff.left',
                        message: 'Left: {percent} of the runs that reached it',
                        description: 'Reports: the drop-off of a step that is not an end',
                      },
                      { percent: formatPercent(row.leftShare, locale) },
                    )
                  : endingLabel(row.ending)}
              </td>
              <td data-locale="en">
                <InLanguage counts={row.byLocale.en} />
              </td>
              <td data-locale="fr">
                <InLanguage counts={row.byLocale.fr} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
