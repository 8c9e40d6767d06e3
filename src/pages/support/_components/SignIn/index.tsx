import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import type { SignInResult } from '@site/src/support/session';
import styles from './styles.module.css';

interface Props {
  signIn: (token: string) => Promise<SignInResult>;
  /** The saved token was refused (revoked or changed). */
  expired: boolean;
}

/**
 * The agent types their support token. It is sent in a header, never in a URL (the form never
 * submits itself), and kept in sessionStorage only.
 */
export default function SignIn({ signIn, expired }: Props): ReactNode {
  const id = useId();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  // Shown on demand, to check a typo before asking the team lead for a new token.
  const [shown, setShown] = useState(false);
  const [result, setResult] = useState<SignInResult | 'empty' | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!token.trim()) {
      setResult('empty');
      input.current?.focus();
      return;
    }
    setBusy(true);
    const outcome = await signIn(token);
    setBusy(false);
    setResult(outcome);
    if (outcome !== 'ok') input.current?.select();
  }

  const error =
    result === 'empty'
      ? translate({
          id: 'support.signIn.error.empty',
          message: 'Enter your support token.',
          description: 'Support sign-in: no token typed',
        })
      : result === 'wrong-token'
        ? translate({
            id: 'support.signIn.error.wrong',
            message: 'This support token is not valid. Check it, or ask your team lead for yours.',
            description: 'Support sign-in: the token was refused',
          })
        : result === 'rate-limited'
          ? translate({
              id: 'support.signIn.error.rateLimited',
              message: 'Too many attempts. Wait a few minutes before trying again.',
              description: 'Support sign-in: too many wrong tokens',
            })
          : result === 'unreachable'
            ? translate({
                id: 'support.signIn.error.unreachable',
                message: 'The help center API cannot be reached. Try again in a moment.',
                description: 'Support sign-in: the API is down',
              })
            : null;

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} method="post" noValidate>
      <h2>
        <Translate id="support.signIn.title" description="Support sign-in: heading">
          Sign in to the support tools
        </Translate>
      </h2>
      {expired && (
        <p className={styles.notice}>
          <Translate
            id="support.signIn.expired"
            description="Support sign-in: the saved token no longer works"
          >
            Your support token is no longer accepted. Sign in again.
          </Translate>
        </p>
      )}
      <label htmlFor={id} className={styles.label}>
        <Translate id="support.signIn.label" description="Support sign-in: label of the token field">
          Support token
        </Translate>
      </label>
      <p id={`${id}-hint`} className={styles.hint}>
        <Translate id="support.signIn.hint" description="Support sign-in: where the token is kept">
          It stays in this browser tab only, and is forgotten when you close it.
        </Translate>
      </p>
      <div className={styles.row}>
        <input
          ref={input}
          id={id}
          name="support-token"
          type={shown ? 'text' : 'password'}
          autoComplete="off"
          spellCheck={false}
          className={styles.input}
          value={token}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setToken(event.target.value)}
        />
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={shown}
          aria-controls={id}
          onClick={() => setShown(!shown)}
        >
          <Translate
            id="support.signIn.show"
            description="Support sign-in: toggle that shows the token typed"
          >
            Show the token
          </Translate>
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          <Translate id="support.signIn.submit" description="Support sign-in: submit button">
            Sign in
          </Translate>
        </button>
      </div>
      <p id={`${id}-error`} role="alert" className={styles.error}>
        {error}
      </p>
    </form>
  );
}
