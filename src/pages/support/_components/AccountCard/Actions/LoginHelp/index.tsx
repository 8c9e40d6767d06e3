import { useState, type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Translate, { translate } from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import CopyButton from '@site/src/components/CopyButton';
import { supportApi, type SupportAccount } from '@site/src/support/api';
import { channelLabel, templateLabel } from '@site/src/support/labels';
import MessageLanguage from '../MessageLanguage';
import type { ActionProps } from '../use-action';
import shared from '../styles.module.css';
import styles from './styles.module.css';

type Help = NonNullable<SupportAccount['actions']['loginHelp']>;

interface Props extends ActionProps {
  help: Help;
  workerLocale: Locale;
}

/**
 * The way out when no temporary access code may be issued: what lets the worker log in again by
 * themselves, sent now, or the troubleshooter page that gets it, in their language, to send them.
 */
export default function LoginHelp({ run, disabled, help, workerLocale }: Props): ReactNode {
  const [messageLocale, setMessageLocale] = useState<Locale>(workerLocale);
  const link = help.links[messageLocale];
  const what = {
    message: templateLabel(help.template),
    channel: channelLabel(help.channel).toLocaleLowerCase(),
    recipient: help.recipient,
  };
  const send = () =>
    run(
      (target) => supportApi.sendLoginHelp(target.token, target.locale, target.accountId, messageLocale),
      (data) =>
        translate(
          {
            id: 'support.lookup.loginHelp.done',
            message: '{message} sent by {channel} to {recipient}.',
            description: 'Lookup: after sending the login help (message and channel already translated)',
          },
          { ...what, channel: channelLabel(data.channel).toLocaleLowerCase(), recipient: data.recipient },
        ),
    );
  return (
    <div className={styles.help} data-login-help={help.template}>
      <p>
        <Translate
          id="support.lookup.loginHelp.lead"
          description="Lookup: what the worker of several employers can get instead of a temporary access code"
          values={what}
        >
          {'They can log in again by themselves with a {message}, by {channel} to {recipient}.'}
        </Translate>
      </p>
      <div className={styles.inline}>
        <MessageLanguage
          label={
            <Translate
              id="support.lookup.loginHelp.language"
              description="Lookup: language of the login help"
            >
              Language
            </Translate>
          }
          value={messageLocale}
          onChange={setMessageLocale}
        />
        <button
          type="button"
          className="button button--primary"
          disabled={disabled}
          onClick={() => void send()}
        >
          <Translate id="support.lookup.loginHelp.send" description="Lookup: send the login help button">
            Send it now
          </Translate>
        </button>
      </div>
      <p className={shared.help}>
        <Translate
          id="support.lookup.loginHelp.link"
          description="Lookup: the link to send instead of the message"
        >
          Or send them this page, where they get it themselves:
        </Translate>
      </p>
      <p className={styles.link}>
        <Link to={link} hrefLang={messageLocale} data-login-help-link>
          {link}
        </Link>{' '}
        <CopyButton
          text={link}
          label={translate({
            id: 'support.lookup.loginHelp.copy',
            message: 'Copy the link to send',
            description: 'Lookup: accessible name of the copy button of the login help link',
          })}
        />
      </p>
    </div>
  );
}
