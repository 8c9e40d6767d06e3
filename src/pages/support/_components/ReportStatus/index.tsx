import type { ReactNode } from 'react';
import { translate } from '@docusaurus/Translate';
import type { SupportReport } from '@site/src/support/api';
import { coveredDays } from '@site/src/support/report-period';
import styles from './styles.module.css';

interface Props {
  loading: boolean;
  report: SupportReport | null;
  problem: string;
}

/** What became of the last request, said aloud: a problem, the loading, or the days shown. */
export default function ReportStatus({ loading, report, problem }: Props): ReactNode {
  return (
    <>
      <p role="alert" className={styles.problem}>
        {problem}
      </p>
      <p role="status" className={styles.loaded}>
        {loading
          ? translate({
              id: 'support.reports.loading',
              message: 'Loading the report…',
              description: 'Reports: loading',
            })
          : report
            ? translate(
                {
                  id: 'support.reports.loaded',
                  message: 'Report from {from} to {to}.',
                  description: 'Reports: which period is shown',
                },
                coveredDays(report),
              )
            : ''}
      </p>
    </>
  );
}
