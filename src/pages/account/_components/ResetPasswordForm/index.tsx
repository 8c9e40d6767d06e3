import { useId, useState, type FormEvent, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { resetPassword } from '@site/src/api/account-links';
import { useLocale } from '@site/src/utils/use-locale';
import { useRuleValues } from '@site/src/utils/use-rules';
import { BusyLabel, LinkFailed, MissingToken, Offline, Outcome, WaitNotice } from '../Outcome';
import { useLinkToken } from '../use-link-token';
import { usePolicy } from '../use-policy';
import styles from './styles.module.css';

const STEP = 'forgot-password';
const ARTICLE = '/docs/workers/login/forgot-password';

type Result =
  | { kind: 'none' }
  | { kind: 'done' }
  | { kind: 'field'; message: string }
  | { kind: 'link'; message: string }
  | { kind: 'wait'; message: string }
  | { kind: 'offline' };

/**
 * The new-password form of a reset link; the server checks every rule, this form the obvious ones
 * first (with the API's policy, when it answered).
 */
export default function ResetPasswordForm(): ReactNode {
  const locale = useLocale();
  const rules = useRuleValues();
  const policy = usePolicy();
  const token = useLinkToken();
  const id = useId();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [show, setShow] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [working, setWorking] = useState(false);
  const [result, setResult] = useState<Result>({ kind: 'none' });

  if (token === null) return <MissingToken step={STEP} article={ARTICLE} />;
  if (result.kind === 'done') {
    return (
      <Outcome
        tone="success"
        title={
          <Translate id="account.reset.done.title" description="Heading once the password is changed">
            Your password is changed
          </Translate>
        }
      >
        <p>
          <Translate id="account.reset.done.body" description="Advice once the password is changed">
            Log in with your new password. If your account was locked, it is unlocked too.
          </Translate>
        </p>
      </Outcome>
    );
  }

  const length = [...password.normalize('NFKC')].length;
  const tooShort = policy !== null && length < policy.passwordMinLength;
  const mismatch = again !== password;
  const localError = !submitted
    ? null
    : tooShort
      ? translate(
          {
            id: 'account.reset.error.tooShort',
            message: 'Your password needs at least {passwordMinLength} characters.',
            description: 'Error when the new password is too short',
          },
          rules,
        )
      : null;
  const againError =
    submitted && mismatch
      ? translate({
          id: 'account.reset.error.mismatch',
          message: 'The two passwords are different.',
          description: 'Error when the confirmation differs from the password',
        })
      : null;
  const passwordError = localError ?? (result.kind === 'field' ? result.message : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!token || tooShort || mismatch) return;
    setWorking(true);
    const outcome = await resetPassword({ token, password, locale });
    setWorking(false);
    if (outcome.type === 'ok') setResult({ kind: 'done' });
    else if (outcome.type === 'unreachable') setResult({ kind: 'offline' });
    else if (outcome.type === 'rate-limited') setResult({ kind: 'wait', message: outcome.message });
    else if (outcome.code.startsWith('password-')) setResult({ kind: 'field', message: outcome.message });
    else setResult({ kind: 'link', message: outcome.message });
  };

  return (
    <>
      <p>
        <Translate id="account.reset.intro" description="Reset page explanation">
          Choose the new password for your account.
        </Translate>
      </p>
      <div className={styles.rules} id={`${id}-rules`}>
        <p className="margin-bottom--xs">
          <Translate id="account.reset.rules.title" description="Heading of the password rules">
            Your password must:
          </Translate>
        </p>
        <ul>
          <li>
            <Translate id="account.reset.rules.length" description="Password rule: length" values={rules}>
              {'have at least {passwordMinLength} characters'}
            </Translate>
          </li>
          <li>
            <Translate id="account.reset.rules.common" description="Password rule: not common">
              not be a common password
            </Translate>
          </li>
          <li>
            <Translate id="account.reset.rules.identity" description="Password rule: no username or email">
              not contain your username or your email address
            </Translate>
          </li>
        </ul>
      </div>
      {result.kind === 'offline' && <Offline onRetry={() => setResult({ kind: 'none' })} />}
      {result.kind === 'wait' && <WaitNotice message={result.message} />}
      {result.kind === 'link' ? (
        <LinkFailed message={result.message} step={STEP} article={ARTICLE} />
      ) : (
        <form onSubmit={submit} noValidate className={styles.form}>
          <div className={styles.field}>
            <label htmlFor={`${id}-password`}>
              <Translate id="account.reset.password.label" description="Label of the new password field">
                New password
              </Translate>
            </label>
            <input
              id={`${id}-password`}
              type={show ? 'text' : 'password'}
              autoComplete="new-password"
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
                if (result.kind === 'field') setResult({ kind: 'none' });
              }}
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={`${id}-rules${passwordError ? ` ${id}-password-error` : ''}`}
              maxLength={512}
              required
            />
            {passwordError && (
              <p id={`${id}-password-error`} className={styles.error} role="alert">
                {passwordError}
              </p>
            )}
          </div>
          <div className={styles.field}>
            <label htmlFor={`${id}-again`}>
              <Translate
                id="account.reset.again.label"
                description="Label of the password confirmation field"
              >
                Type it again
              </Translate>
            </label>
            <input
              id={`${id}-again`}
              type={show ? 'text' : 'password'}
              autoComplete="new-password"
              value={again}
              onChange={(event) => setAgain(event.target.value)}
              aria-invalid={againError ? true : undefined}
              aria-describedby={againError ? `${id}-again-error` : undefined}
              maxLength={512}
              required
            />
            {againError && (
              <p id={`${id}-again-error`} className={styles.error} role="alert">
                {againError}
              </p>
            )}
          </div>
          <label className={styles.show}>
            <input type="checkbox" checked={show} onChange={(event) => setShow(event.target.checked)} />{' '}
            <Translate id="account.reset.show" description="Checkbox to show the passwords in clear">
              Show the passwords
            </Translate>
          </label>
          <button
            type="submit"
            className="button button--primary button--lg"
            disabled={token === undefined || working}
            aria-busy={working}
          >
            <BusyLabel busy={working}>
              <Translate id="account.reset.submit" description="Button to save the new password">
                Change my password
              </Translate>
            </BusyLabel>
          </button>
        </form>
      )}
    </>
  );
}
