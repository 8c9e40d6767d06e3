/** One message of the outbox: who it went to and when, then the email or the SMS as it arrives. */
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { translate } from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import { emailDocument, smsParts, type OutboxMessage as Message } from '../outbox';
import styles from './styles.module.css';

function When({ at, locale }: { at: string; locale: Locale }): ReactNode {
  const date = new Date(at);
  return (
    <time dateTime={at}>
      {date.toLocaleString(locale === 'fr' ? 'fr-CA' : 'en-US', { dateStyle: 'medium', timeStyle: 'medium' })}
    </time>
  );
}

function Erased(): ReactNode {
  return (
    <p className={styles.erased}>
      {translate({
        id: 'dev.mailbox.erased',
        message: 'Its text was erased once it was delivered.',
        description: 'Mailbox: a message whose body the server no longer keeps',
      })}
    </p>
  );
}

export default function OutboxMessage({ message, locale }: { message: Message; locale: Locale }): ReactNode {
  const isEmail = message.channel === 'email';
  const channel = isEmail
    ? translate({ id: 'dev.mailbox.channel.email', message: 'Email', description: 'Mailbox: an email' })
    : translate({ id: 'dev.mailbox.channel.sms', message: 'Text message', description: 'Mailbox: an SMS' });
  return (
    <article className={styles.message} data-message={message.template} data-channel={message.channel}>
      <header className={styles.header}>
        <span className={styles.channel}>{channel}</span>
        <span className={styles.to}>{message.recipient ?? message.recipientMasked}</span>
        <When at={message.createdAt} locale={locale} />
        <span className={styles.meta}>
          {translate(
            {
              id: 'dev.mailbox.meta',
              message: '{template} · {language} · {status}',
              description: 'Mailbox: the template, language and delivery status of a message',
            },
            { template: message.template, language: message.locale, status: message.status },
          )}
        </span>
      </header>
      {isEmail ? (
        <>
          <h2 className={styles.subject}>{message.subject}</h2>
          {message.html ? (
            <iframe
              className={styles.email}
              title={message.subject ?? channel}
              // No script, no same origin: the email is shown, never run. Its links open a new tab.
              sandbox="allow-popups allow-popups-to-escape-sandbox"
              srcDoc={emailDocument(message.html)}
              loading="lazy"
            />
          ) : (
            <Erased />
          )}
        </>
      ) : message.text ? (
        <div className={styles.phone}>
          <p className={styles.bubble}>
            {smsParts(message.text).map((part, index) =>
              'link' in part ? (
                <Link key={index} href={part.link} target="_blank" rel="noopener noreferrer">
                  {part.link}
                </Link>
              ) : (
                <span key={index}>{part.text}</span>
              ),
            )}
          </p>
        </div>
      ) : (
        <Erased />
      )}
    </article>
  );
}
