import { useId, useMemo, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { linkIndex } from '@site/src/support/link-index-data';
import type { Locale } from '@site/shared/locale';
import type { SupportReport } from '@site/src/support/api';
import { funnelRows, weekSeries } from '@site/src/support/report-charts';
import { coveredDays } from '@site/src/support/report-period';
import { helpfulnessRows } from '@site/src/support/report-rows';
import { stepTitle } from '@site/src/support/step-links';
import Comments from './Comments';
import DropOffTable from './DropOffTable';
import Funnel from './Funnel';
import HelpfulnessTable from './HelpfulnessTable';
import Trend from './Trend';
import styles from './styles.module.css';

/** A period's report: the articles' helpfulness, the troubleshooter's, and the latest comments. */
export default function Report({ report, locale }: { report: SupportReport; locale: Locale }): ReactNode {
  // The articles as the site has them now (the link builder's index), titled in the page's language.
  const index = linkIndex;
  const articles = useMemo(
    () =>
      helpfulnessRows(
        report.helpfulness,
        'article',
        index.articles.map((article) => ({ target: article.id, title: article.title })),
        (target) => target,
      ),
    [index, report],
  );
  const steps = helpfulnessRows(report.helpfulness, 'troubleshooter', [], stepTitle);
  const funnel = funnelRows(report.troubleshooter, report.troubleshooterByLocale);
  const weeks = weekSeries(report.helpfulnessByWeek, coveredDays(report));
  const dropOffId = useId();
  const titleOf = ({ kind, target }: { kind: string; target: string }) =>
    kind === 'article'
      ? (index.articles.find((article) => article.id === target)?.title ?? target)
      : stepTitle(target);

  return (
    <>
      <section className={styles.section}>
        <h2>
          <Translate
            id="support.reports.section.articles"
            description="Reports: heading of the articles' helpfulness"
          >
            Were the articles helpful?
          </Translate>
        </h2>
        <HelpfulnessTable
          caption={translate({
            id: 'support.reports.articles.caption',
            message: 'Answers to “Was this article helpful?”, per article and language',
            description: 'Reports: caption of the articles table',
          })}
          rows={articles}
          locale={locale}
          rowKind="page"
        />
      </section>

      <section className={styles.section}>
        <h2>
          <Translate id="support.reports.section.trend" description="Reports: heading of the weekly trend">
            Helpfulness week by week
          </Translate>
        </h2>
        <Trend weeks={weeks} locale={locale} />
      </section>

      <section className={styles.section}>
        <h2>
          <Translate
            id="support.reports.section.troubleshooter"
            description="Reports: heading of the troubleshooter part"
          >
            Troubleshooter
          </Translate>
        </h2>
        <p data-runs={report.troubleshooter.runs}>
          {translate(
            {
              id: 'support.reports.runs',
              message: '{runs} runs started in this period.',
              description: 'Reports: number of troubleshooter runs',
            },
            { runs: report.troubleshooter.runs },
          )}
        </p>
        {funnel.length > 0 && (
          <>
            <Funnel rows={funnel} tableId={dropOffId} />
            <DropOffTable id={dropOffId} rows={funnel} locale={locale} />
          </>
        )}
        {steps.length > 0 && (
          <HelpfulnessTable
            caption={translate({
              id: 'support.reports.steps.caption',
              message: 'Answers to “Was this helpful?” on the troubleshooter’s last steps',
              description: 'Reports: caption of the troubleshooter feedback table',
            })}
            rows={steps}
            locale={locale}
            rowKind="step"
          />
        )}
      </section>

      <section className={styles.section}>
        <h2>
          <Translate id="support.reports.section.comments" description="Reports: heading of the comments">
            Latest comments
          </Translate>
        </h2>
        <Comments comments={report.comments} titleOf={titleOf} locale={locale} />
      </section>
    </>
  );
}
