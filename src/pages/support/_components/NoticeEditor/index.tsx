/**
 * Writing a notice for workers: what it says in English and in French, which messages it is about,
 * until when. Published, it replaces the automatic notice of its channel at once.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import type { Outcome } from '@site/src/api/client';
import { NOTICE_MAX_DAYS, NOTICE_TEXT_MAX } from '@site/shared/service-notices';
import { isUnauthorized, type NoticeBoard, type NoticeInput } from '@site/src/support/api';
import { noticeChannelLabel } from '@site/src/support/notice-labels';
import styles from './styles.module.css';

const CHANNELS = ['sms', 'email', 'all'] as const satisfies readonly NoticeInput['channel'][];

/** A local date and time as `<input type="datetime-local">` takes it. */
function localInput(time: number): string {
  const date = new Date(time);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

interface Props {
  publish: (notice: NoticeInput) => Promise<Outcome<NoticeBoard>>;
  onPublished: (board: NoticeBoard) => void;
  onUnauthorized: () => void;
}

type Result = { tone: 'success' | 'error'; text: string } | null;

export default function NoticeEditor({ publish, onPublished, onUnauthorized }: Props): ReactNode {
  const id = useId();
  const [channel, setChannel] = useState<NoticeInput['channel']>('sms');
  const [en, setEn] = useState('');
  const [fr, setFr] = useState('');
  // An hour from now, to the minute: the usual length of a provider's incident.
  const [until, setUntil] = useState(() => localInput(Date.now() + 3_600_000));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const end = new Date(until);
    if (!en.trim() || !fr.trim() || Number.isNaN(end.getTime())) {
      setResult({
        tone: 'error',
        text: translate({
          id: 'support.notices.editor.incomplete',
          message: 'Write the notice in English and in French, and choose until when it is shown.',
          description: 'Notice editor: a field is empty',
        }),
      });
      return;
    }
    setBusy(true);
    setResult(null);
    const outcome = await publish({ channel, en: en.trim(), fr: fr.trim(), until: end.toISOString() });
    setBusy(false);
    if (outcome.type === 'ok') {
      onPublished(outcome.data);
      setEn('');
      setFr('');
      setResult({
        tone: 'success',
        text: translate({
          id: 'support.notices.editor.published',
          message:
            'Published: workers see it now, on the home page, the login articles and the troubleshooter.',
          description: 'Notice editor: after publishing',
        }),
      });
    } else if (isUnauthorized(outcome)) onUnauthorized();
    else if (outcome.type === 'unreachable')
      setResult({
        tone: 'error',
        text: translate({
          id: 'support.notices.editor.unreachable',
          message: 'The help center API cannot be reached. Nothing was published; try again in a moment.',
          description: 'Notice editor: the API is down',
        }),
      });
    else setResult({ tone: 'error', text: outcome.message });
  }

  const field = (suffix: string) => `${id}-${suffix}`;
  return (
    <form className={styles.editor} onSubmit={(event) => void submit(event)} noValidate>
      <h2>
        <Translate id="support.notices.editor.title" description="Notice editor: heading">
          Publish a notice
        </Translate>
      </h2>
      <p className={styles.help}>
        <Translate id="support.notices.editor.help" description="Notice editor: what a notice does">
          It replaces the automatic notice of the messages it is about, and ends by itself at the time you
          choose. Plain text: say what is wrong, how long it may last, and what workers can do meanwhile.
        </Translate>
      </p>
      <label htmlFor={field('channel')}>
        <Translate
          id="support.notices.editor.channel"
          description="Notice editor: label of the channel choice"
        >
          About
        </Translate>
      </label>
      <select
        id={field('channel')}
        value={channel}
        onChange={(event) => setChannel(event.target.value as NoticeInput['channel'])}
      >
        {CHANNELS.map((each) => (
          <option key={each} value={each}>
            {noticeChannelLabel(each)}
          </option>
        ))}
      </select>
      <label htmlFor={field('en')}>
        <Translate id="support.notices.editor.english" description="Notice editor: label of the English text">
          In English
        </Translate>
      </label>
      <textarea
        id={field('en')}
        lang="en"
        rows={3}
        maxLength={NOTICE_TEXT_MAX}
        value={en}
        onChange={(event) => setEn(event.target.value)}
      />
      <label htmlFor={field('fr')}>
        <Translate id="support.notices.editor.french" description="Notice editor: label of the French text">
          In French
        </Translate>
      </label>
      <textarea
        id={field('fr')}
        lang="fr"
        rows={3}
        maxLength={NOTICE_TEXT_MAX}
        value={fr}
        onChange={(event) => setFr(event.target.value)}
      />
      <label htmlFor={field('until')}>
        <Translate
          id="support.notices.editor.until"
          description="Notice editor: label of the end time"
          values={{ days: NOTICE_MAX_DAYS }}
        >
          {'Shown until (your time, at most {days} days)'}
        </Translate>
      </label>
      <input
        id={field('until')}
        type="datetime-local"
        step={1}
        value={until}
        onChange={(event) => setUntil(event.target.value)}
      />
      <p className={styles.submit}>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy
            ? translate({
                id: 'support.notices.editor.publishing',
                message: 'Publishing…',
                description: 'Notice editor: while publishing',
              })
            : translate({
                id: 'support.notices.editor.publish',
                message: 'Publish the notice',
                description: 'Notice editor: the publish button',
              })}
        </button>
      </p>
      <p role="status" className={result?.tone === 'error' ? styles.error : styles.success}>
        {result?.text}
      </p>
    </form>
  );
}
