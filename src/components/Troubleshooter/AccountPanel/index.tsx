/** What the API says about the account, once the worker proved they hold the contact. */
import type { ReactNode } from 'react';
import { translate } from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import type { AccountView } from '@site/src/api/worker-help';
import { accountStatusLabel, loginMethodLabel } from './labels';
import styles from '../styles.module.css';

export default function AccountPanel({
  account,
  locale,
}: {
  account: AccountView;
  locale: Locale;
}): ReactNode {
  return (
    <div className={styles.account} data-account={account.status}>
      <p className={styles.accountTitle}>
        {translate({
          id: 'troubleshooter.account.title',
          message: 'What we found',
          description: 'Heading of the verified account panel',
        })}
      </p>
      <dl className={styles.facts}>
        <dt>
          {translate({
            id: 'troubleshooter.account.statusLabel',
            message: 'Your account',
            description: 'Term: account status',
          })}
        </dt>
        <dd>{accountStatusLabel(account, locale)}</dd>
        <dt>
          {translate({
            id: 'troubleshooter.account.methodLabel',
            message: 'You log in with',
            description: 'Term: login method',
          })}
        </dt>
        <dd>{loginMethodLabel(account)}</dd>
        {account.employerName && (
          <>
            <dt>
              {translate({
                id: 'troubleshooter.account.employerLabel',
                message: 'Employer',
                description: 'Term: employer name',
              })}
            </dt>
            <dd>{account.employerName}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
