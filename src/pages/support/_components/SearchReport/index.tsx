import type { ReactNode } from 'react';
import Translate from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import { LOCALES } from '@site/shared/locale';
import type { Period } from '@site/src/support/report-period';
import { useSearchReport, type SearchReport as Report } from './use-search-report';
import styles from './styles.module.css';

interface Props {
  token: string;
  locale: Locale;
  period: Period;
  onUnauthorized: () => void;
}

const languageName = (locale: Locale): ReactNode =>
  locale === 'en' ? (
    <Translate id="search.report.language.en" description="Search report: heading of the English searches">
      Searches in English
    </Translate>
  ) : (
    <Translate id="search.report.language.fr" description="Search report: heading of the French searches">
      Searches in French
    </Translate>
  );

function QueryTable({
  caption,
  rows,
  withResults,
}: {
  caption: ReactNode;
  rows: { query: string; searches: number; results?: number }[];
  withResults: boolean;
}): ReactNode {
  if (rows.length === 0)
    return (
      <p>
        {caption}
        {' — '}
        <Translate id="search.report.none" description="Search report: a list with no query in the period">
          none in this period.
        </Translate>
      </p>
    );
  return (
    <div className={styles.scroller}>
      <table className={styles.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <Translate id="search.report.column.query" description="Search report: column of the queries">
                Query
              </Translate>
            </th>
            <th scope="col">
              <Translate
                id="search.report.column.searches"
                description="Search report: column of search counts"
              >
                Searches
              </Translate>
            </th>
            {withResults && (
              <th scope="col">
                <Translate
                  id="search.report.column.results"
                  description="Search report: column of how many results the query had"
                >
                  Results
                </Translate>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.query}>
              <th scope="row" className={styles.query}>
                {row.query}
              </th>
              <td>{row.searches}</td>
              {withResults && <td>{row.results}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LocaleReport({ locale, data }: { locale: Locale; data: Report['locales'][Locale] }): ReactNode {
  return (
    <div className={styles.locale} data-search-locale={locale}>
      <h3>{languageName(locale)}</h3>
      <p>
        <Translate
          id="search.report.totals"
          description="Search report: how many searches, and how many led to an article"
          values={{ searches: data.searches, opened: data.opened }}
        >
          {'Searches: {searches}. With a result opened: {opened}.'}
        </Translate>
      </p>
      <QueryTable
        caption={
          <Translate
            id="search.report.noResults"
            description="Search report: caption of the queries with no result"
          >
            Top queries with no results
          </Translate>
        }
        rows={data.noResults}
        withResults={false}
      />
      <QueryTable
        caption={
          <Translate
            id="search.report.notOpened"
            description="Search report: caption of the queries whose results nobody opened"
          >
            Top queries whose results nobody opened
          </Translate>
        }
        rows={data.notOpened}
        withResults
      />
    </div>
  );
}

/**
 * What workers searched for over the report's period, per language, for the people who write the
 * articles: the queries that found nothing, and those whose results nobody opened.
 */
export default function SearchReport({ token, locale, period, onUnauthorized }: Props): ReactNode {
  const { report, failed } = useSearchReport(token, locale, period, onUnauthorized);
  return (
    <section className={styles.section} aria-labelledby="search-report">
      <h2 id="search-report">
        <Translate id="search.report.title" description="Search report: heading">
          What workers searched for
        </Translate>
      </h2>
      {failed && (
        <p role="alert">
          <Translate id="search.report.failed" description="Search report: it could not be loaded">
            The search report could not be loaded. Try again in a moment.
          </Translate>
        </p>
      )}
      {report && LOCALES.map((code) => <LocaleReport key={code} locale={code} data={report.locales[code]} />)}
    </section>
  );
}
