import { useState, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import { supportApi } from '@site/src/support/api';
import { channelLabel } from '@site/src/support/labels';
import MessageLanguage from '../MessageLanguage';
import type { ActionProps } from '../use-action';
import shared from '../styles.module.css';
import styles from './styles.module.css';

/** The invitation goes out in the worker's language (by default), which need not be the agent's. */
export default function ResendInvitation({
  run,
  disabled,
  workerLocale,
}: ActionProps & { workerLocale: Locale }): ReactNode {
  const [messageLocale, setMessageLocale] = useState<Locale>(workerLocale);
  const resend = () =>
    run(
      (target) => supportApi.resendInvitation(target.token, target.locale, target.accountId, messageLocale),
      (data) =>
        translate(
          {
            id: 'support.lookup.invite.done',
            message: 'Invitation sent again by {channel} to {recipient}.',
            description: 'Lookup: after resending the invitation',
          },
          { channel: channelLabel(data.channel).toLowerCase(), recipient: data.recipient },
        ),
    );
  return (
    <li>
      <div className={styles.inline}>
        <MessageLanguage
          label={
            <Translate id="support.lookup.invite.language" description="Lookup: language of the invitation">
              Language of the invitation
            </Translate>
          }
          value={messageLocale}
          onChange={setMessageLocale}
        />
        <button
          type="button"
          className="button button--primary"
          disabled={disabled}
          onClick={() => void resend()}
        >
          <Translate id="support.lookup.invite.button" description="Lookup: resend the invitation button">
            Resend the invitation
          </Translate>
        </button>
      </div>
      <p className={shared.help}>
        <Translate id="support.lookup.invite.help" description="Lookup: what resending the invitation does">
          Sends a first login code again, by text message to a North American phone or else by email.
        </Translate>
      </p>
    </li>
  );
}
