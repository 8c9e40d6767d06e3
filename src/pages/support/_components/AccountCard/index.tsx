import { useId, type ReactNode } from 'react';
import clsx from 'clsx';
import Translate from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import type { SupportAccount } from '@site/src/support/api';
import {
  channelLabel,
  deliveryLabel,
  formatDateTime,
  statusLabel,
  templateLabel,
} from '@site/src/support/labels';
import Actions from './Actions';
import AuditLog from './AuditLog';
import HelpRequests from './HelpRequests';
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

type Delivery = SupportAccount['deliveries'][number];

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

      <HelpRequests account={account} locale={locale} />

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
            // The provider's receipt once the API has one (delivered, or not with its reason).
            cell: (delivery) => (
              <span data-delivery={delivery.receipt?.state ?? delivery.status}>
                {deliveryLabel(delivery)}
                {delivery.sentAt && ` · ${date(delivery.sentAt)}`}
              </span>
            ),
          },
        ]}
      />

      <AuditLog
        // A new entry (an action just done) starts the log over from its first page.
        key={account.auditLog[0]?.id ?? 'none'}
        account={account}
        token={token}
        locale={locale}
        onUnauthorized={onUnauthorized}
      />
    </article>
  );
}
