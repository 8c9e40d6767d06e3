import type { ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { supportApi } from '@site/src/support/api';
import type { ActionProps } from '../use-action';
import styles from '../styles.module.css';

export default function Unlock({ run, disabled }: ActionProps): ReactNode {
  const unlock = () =>
    run(
      ({ token, locale, accountId }) => supportApi.unlock(token, locale, accountId),
      () =>
        translate({
          id: 'support.lookup.unlock.done',
          message: 'Account unlocked. The worker can log in again now.',
          description: 'Lookup: after unlocking',
        }),
    );
  return (
    <li>
      <button
        type="button"
        className="button button--primary"
        disabled={disabled}
        onClick={() => void unlock()}
      >
        <Translate id="support.lookup.unlock.button" description="Lookup: unlock button">
          Unlock the account
        </Translate>
      </button>
      <p className={styles.help}>
        <Translate id="support.lookup.unlock.help" description="Lookup: what unlocking does">
          Ends the lock after failed attempts, and lets codes be checked again.
        </Translate>
      </p>
    </li>
  );
}
