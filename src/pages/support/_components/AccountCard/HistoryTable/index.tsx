import type { ReactNode } from 'react';
import Translate from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import { formatDateTime } from '@site/src/support/labels';
import styles from './styles.module.css';

export interface Column<T> {
  heading: ReactNode;
  cell: (entry: T) => ReactNode;
}

interface Props<T extends { at: string }> {
  heading: ReactNode;
  /** What the section says when there is nothing to list. */
  empty: ReactNode;
  /** Newest first, as the API lists them. */
  entries: readonly T[];
  /** The columns after "When", which every history starts with. */
  columns: readonly Column<T>[];
  locale: Locale;
  /** Said before the table (what the rows add up to). */
  intro?: ReactNode;
  /** After the table: what else there is (older entries, look-ups). */
  footer?: ReactNode;
}

/** One of an account's histories (help requests, messages, audit log): when, then what happened. */
export default function HistoryTable<T extends { at: string }>({
  heading,
  empty,
  entries,
  columns,
  locale,
  intro,
  footer,
}: Props<T>): ReactNode {
  return (
    <section>
      <h3>{heading}</h3>
      {intro}
      {entries.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className={styles.scroller}>
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <Translate id="support.lookup.column.when" description="Lookup: table column">
                    When
                  </Translate>
                </th>
                {columns.map((column, position) => (
                  <th key={position} scope="col">
                    {column.heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                // Two entries can share a timestamp: the position tells them apart.
                <tr key={`${entry.at}-${index}`}>
                  <td>{formatDateTime(entry.at, locale)}</td>
                  {columns.map((column, position) => (
                    <td key={position}>{column.cell(entry)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {footer}
    </section>
  );
}
