import { useState, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { usePluralForm } from '@docusaurus/theme-common';
import type { Locale } from '@site/shared/locale';
import { auditDetailsLabel } from '@site/src/support/audit-labels';
import { isUnauthorized, supportApi, type SupportAccount } from '@site/src/support/api';
import { actorLabel, auditActionLabel, formatDateTime } from '@site/src/support/labels';
import HistoryTable, { type Column } from '../HistoryTable';
import styles from './styles.module.css';

type Entry = SupportAccount['auditLog'][number];
type Kind = 'changes' | 'lookups';

interface Props {
  account: SupportAccount;
  token: string;
  locale: Locale;
  onUnauthorized: () => void;
}

interface Pages {
  entries: Entry[];
  next: string | null;
  loading: boolean;
  failed: boolean;
}

/** Pages of one view of the log, loaded on demand ("Show older entries"). */
function usePages(props: Props, kind: Kind, first: { entries: Entry[]; next: string | null } | null) {
  const [pages, setPages] = useState<Pages>({
    entries: first?.entries ?? [],
    next: first?.next ?? null,
    loading: false,
    failed: false,
  });
  const [started, setStarted] = useState(first !== null);
  const load = async (before?: string) => {
    setStarted(true);
    setPages((current) => ({ ...current, loading: true, failed: false }));
    const outcome = await supportApi.auditEntries(props.token, props.locale, props.account.id, {
      kind,
      before,
    });
    if (isUnauthorized(outcome)) return props.onUnauthorized();
    setPages((current) =>
      outcome.type === 'ok'
        ? {
            entries: [...(before ? current.entries : []), ...outcome.data.entries],
            next: outcome.data.next,
            loading: false,
            failed: false,
          }
        : { ...current, loading: false, failed: true },
    );
  };
  return { pages, started, load };
}

function More({ pages, load }: { pages: Pages; load: (before?: string) => Promise<void> }): ReactNode {
  return (
    <>
      {pages.next && (
        <button
          type="button"
          className="button button--sm button--secondary"
          disabled={pages.loading}
          onClick={() => void load(pages.next!)}
        >
          <Translate id="support.lookup.audit.older" description="Lookup: load older audit log entries">
            Show older entries
          </Translate>
        </button>
      )}
      {pages.failed && (
        <p role="alert" className={styles.problem}>
          <Translate id="support.lookup.audit.failed" description="Lookup: older audit entries did not load">
            The entries could not be loaded. Try again in a moment.
          </Translate>
        </p>
      )}
    </>
  );
}

/**
 * What changed the account and what support did, with the cause, newest first and paged; support's
 * look-ups, one per search, are collapsed into one line and listed only on demand.
 */
export default function AuditLog(props: Props): ReactNode {
  const { account, locale } = props;
  const changes = usePages(props, 'changes', { entries: account.auditLog, next: account.auditNext });
  const lookups = usePages(props, 'lookups', null);
  const { selectMessage } = usePluralForm();
  const columns: Column<Entry>[] = [
    {
      heading: (
        <Translate id="support.lookup.column.what" description="Lookup: table column">
          What
        </Translate>
      ),
      cell: (entry) => {
        const details = auditDetailsLabel(entry, locale);
        return (
          <>
            {auditActionLabel(entry.action)}
            {details && <span className={styles.details}>{details}</span>}
          </>
        );
      },
    },
    {
      heading: (
        <Translate id="support.lookup.column.who" description="Lookup: table column">
          Who
        </Translate>
      ),
      cell: (entry) => actorLabel(entry.actor),
    },
  ];
  const summary =
    account.lookups.count === 0
      ? null
      : selectMessage(
          account.lookups.count,
          translate(
            {
              id: 'support.lookup.audit.lookups',
              message:
                'Looked up by support once, by {agent} on {date}|Looked up by support {count} times, last by {agent} on {date}',
              description: 'Lookup: the collapsed line of support look-ups (plural forms separated by |)',
            },
            {
              count: account.lookups.count,
              agent: actorLabel(account.lookups.lastBy ?? ''),
              date: formatDateTime(account.lookups.lastAt, locale),
            },
          ),
        );
  return (
    <HistoryTable<Entry>
      heading={
        <Translate id="support.lookup.section.audit" description="Lookup: heading of the audit log">
          Audit log
        </Translate>
      }
      empty={
        <Translate id="support.lookup.audit.none" description="Lookup: empty audit log">
          None.
        </Translate>
      }
      entries={changes.pages.entries}
      locale={locale}
      columns={columns}
      footer={
        <>
          <More {...changes} />
          {summary && (
            <details
              className={styles.lookups}
              data-lookups={account.lookups.count}
              onToggle={(event) => {
                if ((event.target as HTMLDetailsElement).open && !lookups.started) void lookups.load();
              }}
            >
              <summary>{summary}</summary>
              {lookups.pages.entries.length > 0 && (
                <ul className={styles.lookupList}>
                  {lookups.pages.entries.map((entry) => (
                    <li key={entry.id}>
                      {formatDateTime(entry.at, locale)} · {actorLabel(entry.actor)}
                    </li>
                  ))}
                </ul>
              )}
              <More {...lookups} />
            </details>
          )}
        </>
      }
    />
  );
}
