import type { ReactNode } from 'react';
import Translate from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import type { SupportAccount } from '@site/src/support/api';
import { channelLabel, formatDateTime, helpRequestResultLabel, purposeLabel } from '@site/src/support/labels';
import HistoryTable from '../HistoryTable';
import styles from './styles.module.css';

type HelpRequest = SupportAccount['helpRequests'][number];

/** When each contact may ask again: what the agent tells a worker who is waiting for a code. */
function NextRequests({ account, locale }: { account: SupportAccount; locale: Locale }): ReactNode {
  if (account.nextHelpRequests.length === 0) return null;
  return (
    <div className={styles.next} data-next-requests>
      <p className={styles.nextTitle}>
        <Translate
          id="support.lookup.next.title"
          description="Lookup: heading of when the next help request is possible"
        >
          Next help request possible:
        </Translate>
      </p>
      <ul>
        {account.nextHelpRequests.map((next) => (
          <li key={next.kind} data-next={next.kind}>
            <code translate="no">{next.masked}</code>{' '}
            {next.at ? (
              <Translate
                id="support.lookup.next.at"
                description="Lookup: a contact may ask again at a given time"
                values={{ time: formatDateTime(next.at, locale) }}
              >
                {'at {time}'}
              </Translate>
            ) : (
              <Translate
                id="support.lookup.next.now"
                description="Lookup: a contact may ask again right away"
              >
                now
              </Translate>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Every help request, the refused ones too, with what came of it. */
export default function HelpRequests({
  account,
  locale,
}: {
  account: SupportAccount;
  locale: Locale;
}): ReactNode {
  return (
    <HistoryTable<HelpRequest>
      heading={
        <Translate
          id="support.lookup.section.requests"
          description="Lookup: heading of the recent help requests"
        >
          Recent help requests
        </Translate>
      }
      empty={
        <Translate id="support.lookup.requests.none" description="Lookup: no help request">
          None.
        </Translate>
      }
      intro={<NextRequests account={account} locale={locale} />}
      entries={account.helpRequests}
      locale={locale}
      columns={[
        {
          heading: (
            <Translate id="support.lookup.column.asked" description="Lookup: table column">
              Asked for
            </Translate>
          ),
          cell: (request) =>
            `${purposeLabel(request.purpose)} (${channelLabel(request.channel)}, ${request.locale})`,
        },
        {
          heading: (
            <Translate id="support.lookup.column.via" description="Lookup: table column">
              With
            </Translate>
          ),
          cell: (request) => <code translate="no">{request.via}</code>,
        },
        {
          heading: (
            <Translate id="support.lookup.column.result" description="Lookup: table column">
              Result
            </Translate>
          ),
          cell: (request) => <span data-result={request.result}>{helpRequestResultLabel(request)}</span>,
        },
      ]}
    />
  );
}
