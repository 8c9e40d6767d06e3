import { useId, useState, type FormEvent, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { lastDays, type Period } from '@site/src/support/report-period';
import styles from './styles.module.css';

const QUICK_DAYS = [7, 30, 90];

interface Props {
  initial: Period;
  /** A report is on its way: showing another period waits for it. */
  loading: boolean;
  /** A new object each time, so that asking for the same days again reloads them. */
  onShow: (period: Period) => void;
}

/** The period of the report: two days typed in, or one of the last 7, 30 or 90 days at a click. */
export default function ReportPeriod({ initial, loading, onShow }: Props): ReactNode {
  const fromId = useId();
  const toId = useId();
  const formatId = useId();
  // Typed, not picked: a date picker shows the browser's format, the API and its errors say YYYY-MM-DD.
  const dayField = {
    type: 'text',
    inputMode: 'numeric',
    autoComplete: 'off',
    spellCheck: false,
    size: 10,
    maxLength: 10,
    placeholder: translate({
      id: 'support.reports.period.placeholder',
      message: 'YYYY-MM-DD',
      description: 'Reports: placeholder of the day fields (year, month, day)',
    }),
    'aria-describedby': formatId,
  } as const;
  const [period, setPeriod] = useState(initial);

  function submit(event: FormEvent) {
    event.preventDefault();
    onShow({ ...period });
  }

  function quick(days: number) {
    const next = lastDays(days);
    setPeriod(next);
    onShow(next);
  }

  return (
    <form className={styles.period} onSubmit={submit} noValidate>
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
            {...dayField}
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
            {...dayField}
            value={period.to}
            onChange={(event) => setPeriod({ ...period, to: event.target.value })}
          />
          <button type="submit" className="button button--primary" disabled={loading}>
            <Translate id="support.reports.period.show" description="Reports: load the report for the period">
              Show
            </Translate>
          </button>
        </div>
        <p id={formatId} className={styles.format}>
          <Translate id="support.reports.period.format" description="Reports: how to type the days">
            Days as YYYY-MM-DD, up to today.
          </Translate>
        </p>
        <div className={styles.quick}>
          {QUICK_DAYS.map((days) => (
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
  );
}
