import { useId, type ReactNode } from 'react';
import clsx from 'clsx';
import Translate from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import type { SupportAccount } from '@site/src/support/api';
import {
  actorLabel,
  auditActionLabel,
  channelLabel,
  deliveryStatusLabel,
  formatDateTime,
  outcomeLabel,
  purposeLabel,
  statusLabel,
  templateLabel,
} from '@site/src/support/labels';
import Actions from './Actions';
import HistoryTable from './HistoryTable';
import Summary from './Summary';
import styles from './styles.module.css';

interface Props {
  account: SupportAccount;
  token: string;
  locale: Locale;
  onChange: (account: SupportAccount) => void;
  onUnauthorized: () => void;
}

type HelpRequest = SupportAccount['helpRequests'][number];
type Delivery = SupportAccount['deliveries'][number];
type AuditEntry = SupportAccount['auditLog'][number];

/** Everything support may know about an account, and the actions that fit its state. */
export default function AccountCard({ account, token, locale, onChange, onUnauthorized }: Props): ReactNode {
  const headingId = useId();
  const date = (iso: string | null) => formatDateTime(iso, locale);

  return (
    <article className={styles.card} aria-labelledby={headingId} data-account-id={account.id}>
      <header className={styles.header}>
        <h2 id={headingId} tabIndex={-1}>
          {account.name}
        </h2>
        <p className={clsx(styles.status, styles[account.status])} data-status={account.status}>
          {statusLabel(account.status)}
        </p>
      </header>

      <Actions
        account={account}
        token={token}
        locale={locale}
        onChange={onChange}
        onUnauthorized={onUnauthorized}
      />

      <Summary account={account} locale={locale} />

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
            cell: (request) => outcomeLabel(request.outcome, request.status),
          },
        ]}
      />

      <HistoryTable<Delivery>
        heading={
          <Translate
            id="support.lookup.section.deliveries"
            description="Lookup: heading of the recent messages"
          >
            Recent messages
          </Translate>
        }
        empty={
          <Translate id="support.lookup.deliveries.none" description="Lookup: no message">
            None.
          </Translate>
        }
        entries={account.deliveries}
        locale={locale}
        columns={[
          {
            heading: (
              <Translate id="support.lookup.column.message" description="Lookup: table column">
                Message
              </Translate>
            ),
            cell: (delivery) =>
              `${templateLabel(delivery.template)} (${channelLabel(delivery.channel)}, ${delivery.locale})`,
          },
          {
            heading: (
              <Translate id="support.lookup.column.to" description="Lookup: table column">
                To
              </Translate>
            ),
            cell: (delivery) => <code translate="no">{delivery.recipient}</code>,
          },
          {
            heading: (
              <Translate id="support.lookup.column.status" description="Lookup: table column">
                Status
              </Translate>
            ),
            cell: (delivery) => (
              <>
                {deliveryStatusLabel(delivery.status)}
                {delivery.sentAt && ` · ${date(delivery.sentAt)}`}
              </>
            ),
          },
        ]}
      />

      <HistoryTable<AuditEntry>
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
        entries={account.auditLog}
        locale={locale}
        columns={[
          {
            heading: (
              <Translate id="support.lookup.column.what" description="Lookup: table column">
                What
              </Translate>
            ),
            cell: (entry) => auditActionLabel(entry.action),
          },
          {
            heading: (
              <Translate id="support.lookup.column.who" description="Lookup: table column">
                Who
              </Translate>
            ),
            cell: (entry) => actorLabel(entry.actor),
          },
        ]}
      />
    </article>
  );
}
