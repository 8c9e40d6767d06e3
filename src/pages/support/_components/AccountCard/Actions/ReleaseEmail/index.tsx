import { useState, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { supportApi } from '@site/src/support/api';
import type { ActionProps } from '../use-action';
import shared from '../styles.module.css';
import styles from './styles.module.css';

/** Releasing a merged account's email address cannot be undone here: it asks first. */
export default function ReleaseEmail({
  run,
  disabled,
  email,
}: ActionProps & { email: string | null }): ReactNode {
  const [confirming, setConfirming] = useState(false);
  const release = () =>
    run(
      ({ token, locale, accountId }) => supportApi.releaseEmail(token, locale, accountId),
      () => {
        setConfirming(false);
        return translate({
          id: 'support.lookup.release.done',
          message: 'Email address released: another account can use it now.',
          description: 'Lookup: after releasing the email of a merged account',
        });
      },
    );
  return (
    <li>
      {!confirming ? (
        <button
          type="button"
          className="button button--danger button--outline"
          disabled={disabled}
          onClick={() => setConfirming(true)}
        >
          <Translate id="support.lookup.release.button" description="Lookup: release the email button">
            Release the email address
          </Translate>
        </button>
      ) : (
        <div
          className={styles.confirm}
          role="group"
          aria-label={translate({
            id: 'support.lookup.release.confirmLabel',
            message: 'Confirm the release',
            description: 'Lookup: accessible name of the release confirmation',
          })}
        >
          <p>
            {translate(
              {
                id: 'support.lookup.release.confirm',
                message: 'Release {email} from this merged account? It cannot be undone here.',
                description: 'Lookup: confirmation of the email release',
              },
              { email: email ?? '' },
            )}
          </p>
          <button
            type="button"
            className="button button--danger"
            disabled={disabled}
            onClick={() => void release()}
          >
            <Translate id="support.lookup.release.yes" description="Lookup: confirm the release">
              Yes, release it
            </Translate>
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            <Translate id="support.lookup.release.cancel" description="Lookup: cancel the release">
              Cancel
            </Translate>
          </button>
        </div>
      )}
      <p className={shared.help}>
        <Translate id="support.lookup.release.help" description="Lookup: what releasing the email does">
          The worker’s remaining account, or a new invitation, can then use this address.
        </Translate>
      </p>
    </li>
  );
}
