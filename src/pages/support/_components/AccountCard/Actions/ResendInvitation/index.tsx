import { useState, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { LOCALES, type Locale } from '@site/shared/locale';
import { supportApi } from '@site/src/support/api';
import { channelLabel } from '@site/src/support/labels';
import type { ActionProps } from '../use-action';
import shared from '../styles.module.css';
import styles from './styles.module.css';

/** Each language by its own name, as language menus show them. */
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français' };

/** The invitation goes out in the worker's language, which need not be the agent's. */
export default function ResendInvitation({
  run,
  disabled,
  locale,
}: ActionProps & { locale: Locale }): ReactNode {
  const [messageLocale, setMessageLocale] = useState<Locale>(locale);
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
        <label>
          <Translate id="support.lookup.invite.language" description="Lookup: language of the invitation">
            Language of the invitation
          </Translate>{' '}
          <select value={messageLocale} onChange={(event) => setMessageLocale(event.target.value as Locale)}>
            {LOCALES.map((value) => (
              <option key={value} value={value} lang={value}>
                {LANGUAGE_NAMES[value]}
              </option>
            ))}
          </select>
        </label>
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
