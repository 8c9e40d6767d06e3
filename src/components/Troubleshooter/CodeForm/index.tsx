/** The code the worker received: typed or pasted (spaces are fine), or filled in by the phone (WebOTP). */
import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import clsx from 'clsx';
import { translate } from '@docusaurus/Translate';
import {
  ERROR_STEP,
  type Operation,
  type TroubleshooterContext,
  type TroubleshooterEvent,
} from '@site/src/troubleshooter/context';
import { triesLeft } from '@site/src/troubleshooter/bookkeeping';
import type { RulePlaceholders } from '@site/shared/rules-text';
import { useRuleValues } from '@site/src/utils/use-rules';
import { formatCountdown, useNow } from '../time';
import styles from '../styles.module.css';

interface Props {
  context: TroubleshooterContext;
  busy: Operation | null;
  ready: boolean;
  send: (event: TroubleshooterEvent) => void;
}

interface OtpCredential extends Credential {
  code: string;
}

/** Android's Chrome reads the SMS (it ends with "@host #code") and offers the code: no typing at all. */
function useWebOtp(enabled: boolean, onCode: (code: string) => void): void {
  useEffect(() => {
    if (!enabled || typeof window === 'undefined' || !('OTPCredential' in window)) return undefined;
    const controller = new AbortController();
    navigator.credentials
      .get({ otp: { transport: ['sms'] }, signal: controller.signal } as CredentialRequestOptions)
      .then((credential) => {
        const code = (credential as OtpCredential | null)?.code;
        if (code) onCode(code);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [enabled, onCode]);
}

function ErrorMessage({
  context,
  rules,
}: {
  context: TroubleshooterContext;
  rules: RulePlaceholders;
}): ReactNode {
  const now = useNow(context.error === 'code-rate-limited');
  const left = triesLeft(context);
  switch (context.error) {
    case 'code-format':
      return translate(
        {
          id: 'troubleshooter.code.error.format',
          message: 'A code has {codeDigits} digits. Check it and try again.',
          description: 'Error: the typed code does not have the digits of a code',
        },
        rules,
      );
    case 'code-invalid':
      // The count needs the API's policy; without it the API's refusal alone is said.
      return left === null
        ? translate({
            id: 'troubleshooter.code.error.invalidNoCount',
            message: 'This code is wrong or has expired.',
            description: 'Error: the API refused the code (the number of tries left is not known)',
          })
        : translate(
            {
              id: 'troubleshooter.code.error.invalid',
              message: 'This code is wrong or has expired. Tries left with this code: {left}.',
              description: 'Error: the API refused the code',
            },
            { left },
          );
    case 'code-dead':
      return translate({
        id: 'troubleshooter.code.error.dead',
        message: 'Too many wrong tries: this code no longer works. Ask for a new one.',
        description: 'Error: the code was refused as many times as a code allows',
      });
    case 'code-rate-limited':
      return translate(
        {
          id: 'troubleshooter.code.error.tooMany',
          message: 'Too many tries: code checks are paused for now. You can try again in {time}.',
          description:
            'Error: code verification paused (wrong codes in a row, or too many tries); time is a countdown',
        },
        { time: formatCountdown((context.errorUntil ?? now) - now) },
      );
    case 'code-blocked':
      return translate({
        id: 'troubleshooter.code.error.blocked',
        message:
          'Too many wrong codes in a row for this contact: code checks are closed, and only support can reopen them.',
        description: 'Error: the API closed code checks for this contact (hard cap of wrong codes)',
      });
    default:
      return null;
  }
}

export default function CodeForm({ context, busy, ready, send }: Props): ReactNode {
  const id = useId();
  const rules = useRuleValues();
  // The code typed for the current attempt: a refused code is cleared so the next one is typed afresh.
  const [typed, setTyped] = useState({ code: '', attempt: context.codeAttempts });
  const code = typed.attempt === context.codeAttempts ? typed.code : '';
  const setCode = useCallback(
    (value: string) => setTyped({ code: value, attempt: context.codeAttempts }),
    [context.codeAttempts],
  );
  const dead = context.error === 'code-dead';
  const hasError = context.error !== null && ERROR_STEP[context.error] === 'code-sent';
  const bySms = !(context.request?.contact ?? '').includes('@');
  useWebOtp(ready && bySms && !dead, setCode);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (ready && busy === null) send({ type: 'user.submit-code', code });
  };
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-busy={busy !== null}>
      <label className={styles.label} htmlFor={`${id}-code`}>
        {translate(
          {
            id: 'troubleshooter.code.label',
            message: 'The {codeDigits}-digit code you received',
            description: 'Label of the code field',
          },
          rules,
        )}
      </label>
      <input
        id={`${id}-code`}
        className={clsx(styles.input, styles.codeInput)}
        type="text"
        name="code"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={20}
        enterKeyHint="done"
        disabled={dead}
        aria-invalid={hasError}
        aria-describedby={hasError ? `${id}-error` : undefined}
      />
      {hasError && (
        <p className={styles.error} id={`${id}-error`} role="alert">
          <ErrorMessage context={context} rules={rules} />
        </p>
      )}
      <button
        type="submit"
        className={clsx(styles.button, styles.primary)}
        disabled={!ready || dead}
        aria-disabled={busy !== null}
        data-event="user.submit-code"
      >
        {busy === 'verify'
          ? translate({
              id: 'troubleshooter.code.busy',
              message: 'Checking the code…',
              description: 'While the code is verified',
            })
          : translate({
              id: 'troubleshooter.code.submit',
              message: 'Check my account',
              description: 'Submit button of the code form',
            })}
      </button>
    </form>
  );
}
