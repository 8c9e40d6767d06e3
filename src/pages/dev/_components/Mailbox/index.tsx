/**
 * The development mailbox: every message the outbox holds, newest first, as its recipient would see
 * it. It reads `/api/dev/outbox`, which exists only in development: elsewhere the page says so.
 */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { translate } from '@docusaurus/Translate';
import { useLocale } from '@site/src/utils/use-locale';
import OutboxMessage from '../OutboxMessage';
import { fetchOutbox, type OutboxMessage as Message } from '../outbox';
import styles from './styles.module.css';

type State =
  { kind: 'loading' } | { kind: 'off' } | { kind: 'unreachable' } | { kind: 'ok'; messages: Message[] };

/** What the page asked the outbox for: a filter, and a new one for each refresh. */
interface Request {
  to: string;
}

export default function Mailbox(): ReactNode {
  const locale = useLocale();
  const id = useId();
  const [to, setTo] = useState('');
  const [request, setRequest] = useState<Request>({ to: '' });
  const [result, setResult] = useState<{ request: Request; state: State } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchOutbox(request.to, locale, controller.signal)
      .then((outcome) => {
        const state: State =
          outcome.type === 'ok'
            ? { kind: 'ok', messages: outcome.data.messages }
            : // No such route: not a development server (production turns the outbox off).
              outcome.type === 'refused' && outcome.status === 404
              ? { kind: 'off' }
              : { kind: 'unreachable' };
        setResult({ request, state });
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [request, locale]);

  // Until the answer to this very request arrives, the page is reading.
  const state: State = result?.request === request ? result.state : { kind: 'loading' };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setRequest({ to: to.trim() });
  };

  return (
    <>
      <form className={styles.filter} onSubmit={onSubmit} role="search">
        <label className={styles.label} htmlFor={id}>
          {translate({
            id: 'dev.mailbox.filter.label',
            message: 'Only the messages about this phone number, email address or username',
            description: 'Mailbox: label of the filter field',
          })}
        </label>
        <div className={styles.row}>
          <input
            id={id}
            className={styles.input}
            value={to}
            onChange={(event) => setTo(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            name="to"
          />
          <button type="submit" className="button button--primary" data-action="filter">
            {translate({
              id: 'dev.mailbox.filter.submit',
              message: 'Show',
              description: 'Mailbox: button that applies the filter',
            })}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setRequest({ to: request.to })}
            data-action="refresh"
          >
            {translate({
              id: 'dev.mailbox.refresh',
              message: 'Refresh',
              description: 'Mailbox: button that reads the outbox again',
            })}
          </button>
        </div>
      </form>
      <div aria-live="polite" data-mailbox={state.kind}>
        {state.kind === 'loading' && (
          <p>
            {translate({
              id: 'dev.mailbox.loading',
              message: 'Reading the outbox…',
              description: 'Mailbox: while the outbox loads',
            })}
          </p>
        )}
        {state.kind === 'off' && (
          <p className={styles.notice}>
            {translate({
              id: 'dev.mailbox.off',
              message:
                'This server keeps no outbox: the mailbox exists in development only (APP_ENV=development), like the rest of /api/dev. In production, messages go out by email and SMS, and their text is erased once delivered.',
              description: 'Mailbox: shown when the server is not a development one',
            })}
          </p>
        )}
        {state.kind === 'unreachable' && (
          <p className={styles.notice}>
            {translate({
              id: 'dev.mailbox.unreachable',
              message: 'The API does not answer. Is the server running (npm start)?',
              description: 'Mailbox: the API could not be reached',
            })}
          </p>
        )}
        {state.kind === 'ok' &&
          (state.messages.length === 0 ? (
            <p>
              {translate({
                id: 'dev.mailbox.empty',
                message: 'No message yet. Ask the troubleshooter for a code, then refresh.',
                description: 'Mailbox: the outbox is empty',
              })}
            </p>
          ) : (
            state.messages.map((message) => (
              <OutboxMessage key={message.id} message={message} locale={locale} />
            ))
          ))}
      </div>
    </>
  );
}
