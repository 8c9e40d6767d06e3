import type { ReactNode } from 'react';
import clsx from 'clsx';
import Translate, { translate } from '@docusaurus/Translate';
import { useCopy, type CopyState } from './use-copy';
import styles from './styles.module.css';

export { copyText, useCopy, type CopyState } from './use-copy';

/** What the live region says after a copy (empty while idle, so nothing is announced). */
export function CopyStatus({ state, className }: { state: CopyState; className?: string }): ReactNode {
  return (
    <span role="status" className={clsx(styles.srOnly, className)}>
      {state === 'copied' &&
        translate({
          id: 'support.copy.copied',
          message: 'Link copied',
          description: 'Announced after copying a link',
        })}
      {state === 'failed' &&
        translate({
          id: 'support.copy.failed',
          message: 'The link could not be copied. Select it and copy it yourself.',
          description: 'Announced when copying a link to the clipboard failed',
        })}
    </span>
  );
}

export function CopyIcon({ copied }: { copied: boolean }): ReactNode {
  return copied ? (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" />
    </svg>
  ) : (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2zm0 16H8V7h11v14z"
      />
    </svg>
  );
}

interface Props {
  /** What is copied. */
  text: string;
  /** The button's accessible name: what it copies, e.g. "Copy the French link to: Account locked". */
  label: string;
  className?: string;
}

/** A "Copy" button with a visible confirmation and a polite live-region announcement. */
export default function CopyButton({ text, label, className }: Props): ReactNode {
  const { state, copy } = useCopy();
  return (
    <span className={styles.wrapper}>
      <button
        type="button"
        className={clsx('button button--sm button--outline button--primary', styles.button, className)}
        aria-label={label}
        title={label}
        onClick={() => void copy(text)}
      >
        <CopyIcon copied={state === 'copied'} />
        <span aria-hidden="true">
          {state === 'copied' ? (
            <Translate id="support.copy.done" description="Copy button text right after copying">
              Copied
            </Translate>
          ) : (
            <Translate id="support.copy.button" description="Copy button text">
              Copy
            </Translate>
          )}
        </span>
      </button>
      <CopyStatus state={state} />
    </span>
  );
}
