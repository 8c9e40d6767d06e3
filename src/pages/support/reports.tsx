import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { usePluginData } from '@docusaurus/useGlobalData';
import type { Locale } from '@site/shared/locale';
import { isUnauthorized, supportApi, type SupportReport } from '@site/src/support/api';
import { reasonLabel } from '@site/src/components/Feedback/reason-label';
import { formatDateTime } from '@site/src/support/labels';
import type { LinkIndex } from '@site/src/support/link-index';
import { useSupportSession } from '@site/src/support/session';
import { useLocale } from '@site/src/utils/use-locale';
import SupportLayout from './_components/SupportLayout';
import SignIn from './_components/SignIn';
import { stepText } from '@site/src/troubleshooter/step-messages';
import { isStepId } from '@site/src/troubleshooter/steps';
import styles from './reports.module.css';

/** A troubleshooter step's question in the agent's language (an id the site no longer has stays an id). */
function stepTitle(step: string): string {
  return isStepId(step) ? stepText(step).title : step;
}

const DAY_MS = 86_400_000;
const day = (date: Date) => date.toISOString().slice(0, 10);

/** The last `days` days, today (UTC) included. */
function lastDays(days: number): { from: string; to: string } {
  const today = new Date();
  return { from: day(new Date(today.getTime() - (days - 1) * DAY_MS)), to: day(today) };
}

type Counts = { yes: number; no: number; reasons: Record<string, number> };
type Row = { target: string; title: string; byLocale: Partial<Record<Locale, Counts>> };

function Ratio({ counts, locale }: { counts: Counts | undefined; locale: Locale }): ReactNode {
  if (!counts || counts.yes + counts.no === 0) return <span className={styles.none}>—</span>;
  const total = counts.yes + counts.no;
  const percent = new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { style: 'percent' }).format(
    counts.yes / total,
  );
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
          { yes: counts.yes, total, percent },
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

function HelpfulnessTable({
  caption,
  rows,
  locale,
}: {
  caption: string;
  rows: Row[];
  locale: Locale;
}): ReactNode {
  return (
    <div className={styles.scroller}>
      <table className={styles.table}>
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
                <code className={styles.id}>{row.target}</code>
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

function Report({ report, locale }: { report: SupportReport; locale: Locale }): ReactNode {
  const index = usePluginData('support-links') as LinkIndex;
  const percent = new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { style: 'percent' });

  const articles = useMemo(() => {
    const rows = new Map<string, Row>(
      index.articles.map((article) => [
        article.id,
        { target: article.id, title: article.title, byLocale: {} },
      ]),
    );
    for (const entry of report.helpfulness.filter((item) => item.kind === 'article')) {
      const row = rows.get(entry.target) ?? { target: entry.target, title: entry.target, byLocale: {} };
      row.byLocale[entry.locale] = {
        yes: entry.yes,
        no: entry.no,
        reasons: entry.reasons as Record<string, number>,
      };
      rows.set(entry.target, row);
    }
    return [...rows.values()];
  }, [index, report]);

  const steps = report.helpfulness
    .filter((item) => item.kind === 'troubleshooter')
    .reduce<Row[]>((rows, entry) => {
      let row = rows.find((item) => item.target === entry.target);
      if (!row) {
        row = { target: entry.target, title: stepTitle(entry.target), byLocale: {} };
        rows.push(row);
      }
      row.byLocale[entry.locale] = {
        yes: entry.yes,
        no: entry.no,
        reasons: entry.reasons as Record<string, number>,
      };
      return rows;
    }, []);

  const titleOf = (kind: string, target: string) =>
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
        />
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
        {report.troubleshooter.steps.length > 0 && (
          <div className={styles.scroller}>
            <table className={styles.table}>
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
                {report.troubleshooter.steps.map((step) => (
                  <tr key={step.step} data-step={step.step}>
                    <th scope="row">
                      {stepTitle(step.step)}
                      <code className={styles.id}>{step.step}</code>
                    </th>
                    <td>{step.reached}</td>
                    <td>{step.lastStep}</td>
                    <td>{percent.format(step.reached ? step.lastStep / step.reached : 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
          />
        )}
      </section>

      <section className={styles.section}>
        <h2>
          <Translate id="support.reports.section.comments" description="Reports: heading of the comments">
            Latest comments
          </Translate>
        </h2>
        {report.comments.length === 0 ? (
          <p>
            <Translate id="support.reports.comments.none" description="Reports: no comment in the period">
              No comment in this period.
            </Translate>
          </p>
        ) : (
          <ul className={styles.comments}>
            {report.comments.map((comment, position) => (
              <li key={`${comment.at}-${position}`}>
                <p className={styles.meta}>
                  {formatDateTime(comment.at, locale)} · {titleOf(comment.kind, comment.target)} ·{' '}
                  {comment.locale.toUpperCase()}
                  {comment.reasons.length > 0 && ` · ${comment.reasons.map(reasonLabel).join(', ')}`}
                </p>
                <blockquote lang={comment.locale} className={styles.quote}>
                  {comment.comment}
                </blockquote>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

type Request = { from: string; to: string };
type Result = { request: Request; report: SupportReport | null; problem: string };

function Reports({ token, onUnauthorized }: { token: string; onUnauthorized: () => void }): ReactNode {
  const locale = useLocale();
  const fromId = useId();
  const toId = useId();
  const [period, setPeriod] = useState(() => lastDays(30));
  // The period the report is asked for: changing it loads the report.
  const [request, setRequest] = useState<Request>(period);
  const [result, setResult] = useState<Result | null>(null);
  const loading = result?.request !== request;
  const report = result?.report ?? null;
  const problem = result?.problem ?? '';

  useEffect(() => {
    let cancelled = false;
    void supportApi.report(token, locale, request.from, request.to).then((outcome) => {
      if (cancelled) return;
      if (isUnauthorized(outcome)) {
        onUnauthorized();
        return;
      }
      setResult({
        request,
        report: outcome.type === 'ok' ? outcome.data : null,
        problem:
          outcome.type === 'ok'
            ? ''
            : outcome.type === 'unreachable'
              ? translate({
                  id: 'support.reports.unreachable',
                  message: 'The help center API cannot be reached. Try again in a moment.',
                  description: 'Reports: the API is down',
                })
              : outcome.message,
      });
    });
    return () => {
      cancelled = true;
    };
  }, [token, locale, request, onUnauthorized]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setRequest({ ...period });
  }

  function quick(days: number) {
    const next = lastDays(days);
    setPeriod(next);
    setRequest(next);
  }

  return (
    <>
      <form className={styles.period} onSubmit={submit}>
        <fieldset>
          <legend>
            <Translate id="support.reports.period.legend" description="Reports: legend of the period choice">
              Period (days in UTC, both included)
            </Translate>
          </legend>
          <div className={styles.fields}>
            <label htmlFor={fromId}>
              <Translate id="support.reports.period.from" description="Reports: start day">
                From
              </Translate>
            </label>
            <input
              id={fromId}
              type="date"
              required
              value={period.from}
              onChange={(event) => setPeriod({ ...period, from: event.target.value })}
            />
            <label htmlFor={toId}>
              <Translate id="support.reports.period.to" description="Reports: end day">
                To
              </Translate>
            </label>
            <input
              id={toId}
              type="date"
              required
              value={period.to}
              onChange={(event) => setPeriod({ ...period, to: event.target.value })}
            />
            <button type="submit" className="button button--primary" disabled={loading}>
              <Translate
                id="support.reports.period.show"
                description="Reports: load the report for the period"
              >
                Show
              </Translate>
            </button>
          </div>
          <div className={styles.quick}>
            {[7, 30, 90].map((days) => (
              <button
                key={days}
                type="button"
                className="button button--sm button--secondary"
                onClick={() => quick(days)}
              >
                {translate(
                  {
                    id: 'support.reports.period.last',
                    message: 'Last {days} days',
                    description: 'Reports: quick period',
                  },
                  { days },
                )}
              </button>
            ))}
          </div>
        </fieldset>
      </form>
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
                { from: report.from.slice(0, 10), to: day(new Date(new Date(report.to).getTime() - DAY_MS)) },
              )
            : ''}
      </p>
      {report && <Report report={report} locale={locale} />}
    </>
  );
}

export default function SupportReports(): ReactNode {
  const session = useSupportSession();
  return (
    <SupportLayout
      title={translate({
        id: 'support.reports.meta.title',
        message: 'Support reports',
        description: 'Support page title',
      })}
      description={translate({
        id: 'support.reports.meta.description',
        message: 'Helpfulness of the articles and where workers leave the troubleshooter.',
        description: 'Reports: meta description',
      })}
      agent={session.state === 'signed-in' ? { name: session.agent, signOut: session.signOut } : undefined}
    >
      <h1>
        <Translate id="support.reports.title" description="Support page heading">
          Support reports
        </Translate>
      </h1>
      {session.state === 'checking' && (
        <p role="status">
          <Translate id="support.session.checking" description="Support tools: checking the saved token">
            Checking your session…
          </Translate>
        </p>
      )}
      {session.state === 'signed-out' && <SignIn signIn={session.signIn} expired={session.expired} />}
      {session.state === 'signed-in' && <Reports token={session.token} onUnauthorized={session.expire} />}
    </SupportLayout>
  );
}
