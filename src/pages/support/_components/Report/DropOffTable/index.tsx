import type { ReactNode } from 'react';
import Translate from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import type { SupportReport } from '@site/src/support/api';
import { formatPercent } from '@site/src/support/labels';
import { stepTitle } from '@site/src/support/step-links';
import shared from '../styles.module.css';

interface Props {
  steps: SupportReport['troubleshooter']['steps'];
  locale: Locale;
}

/** Where workers leave the troubleshooter: per step, the runs that reached it and stopped there. */
export default function DropOffTable({ steps, locale }: Props): ReactNode {
  return (
    <div className={shared.scroller}>
      <table className={shared.table}>
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
                id="support.reports.column.dropoff"
                description="Reports: column of the drop-off rate"
              >
                Drop-off
              </Translate>
            </th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step) => (
            <tr key={step.step} data-step={step.step}>
              <th scope="row">
                {stepTitle(step.step)}
                <code className={shared.id}>{step.step}</code>
              </th>
              <td>{step.reached}</td>
              <td>{step.lastStep}</td>
              <td>{formatPercent(step.reached ? step.lastStep / step.reached : 0, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
