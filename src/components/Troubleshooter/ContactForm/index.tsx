/** The phone number or email the worker's employer has: typed once, checked by the API, then used. */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import clsx from 'clsx';
import { translate } from '@docusaurus/Translate';
import { NORTH_AMERICA, withCountryCode, type PhoneCountry } from '@site/shared/phone-countries';
import {
  ERROR_STEP,
  type Operation,
  type TroubleshooterContext,
  type TroubleshooterEvent,
} from '@site/src/troubleshooter/context';
import { formatCountdown, useNow } from '../time';
import CountrySelect from './CountrySelect';
import styles from '../styles.module.css';

interface Props {
  context: TroubleshooterContext;
  busy: Operation | null;
  ready: boolean;
  send: (event: TroubleshooterEvent) => void;
}

function submitLabel(purpose: TroubleshooterContext['purpose']): string {
  switch (purpose) {
    case 'unlock':
      return translate({
        id: 'troubleshooter.contact.submit.unlock',
        message: 'Send the unlock email',
        description: 'Submit button of the contact form when asking for an unlock link',
      });
    case 'confirmation':
      return translate({
        id: 'troubleshooter.contact.submit.confirmation',
        message: 'Send the confirmation email',
        description: 'Submit button of the contact form when asking for the confirmation email',
      });
    case 'password-reset':
      return translate({
        id: 'troubleshooter.contact.submit.passwordReset',
        message: 'Send the reset email',
        description: 'Submit button of the contact form when asking for a password reset',
      });
    case 'login-link':
      return translate({
        id: 'troubleshooter.contact.submit.loginLink',
        message: 'Send the login link',
        description: 'Submit button of the contact form when asking for a one-time login link',
      });
    default:
      return translate({
        id: 'troubleshooter.contact.submit.code',
        message: 'Send me a code',
        description: 'Submit button of the contact form when asking for a login code',
      });
  }
}

function ErrorMessage({ context }: { context: TroubleshooterContext }): ReactNode {
  const now = useNow(context.error === 'contact-rate-limited');
  switch (context.error) {
    case 'empty-contact':
      return translate({
        id: 'troubleshooter.contact.error.empty',
        message: 'Enter a phone number or an email address.',
        description: 'Error: the contact field is empty',
      });
    case 'invalid-contact':
      // The API's own explanation, in the worker's language, says what is wrong with it.
      if (context.apiMessage) return context.apiMessage;
      return translate({
        id: 'troubleshooter.contact.error.invalid',
        message: 'This is not a phone number or an email address. Check it and try again.',
        description: 'Error: the contact is neither a phone number nor an email',
      });
    case 'username-contact':
      return translate({
        id: 'troubleshooter.contact.error.username',
        message:
          'We can only send messages to a phone number or an email address. If you log in with a username, enter the phone number or email of your profile.',
        description: 'Error: the worker typed a username',
      });
    case 'rejected-contact':
      return context.apiMessage
        ? translate(
            {
              id: 'troubleshooter.contact.error.rejectedWithReason',
              message: 'We could not use this contact: {reason}',
              description: 'Error: the API refused the contact, with its reason (already translated)',
            },
            { reason: context.apiMessage },
          )
        : translate({
            id: 'troubleshooter.contact.error.rejected',
            message: 'We could not use this contact. Check it and try again.',
            description: 'Error: the API refused the contact',
          });
    case 'contact-rate-limited':
      return translate(
        {
          id: 'troubleshooter.contact.error.tooMany',
          message: 'Too many tries from this connection. You can try again in {time}.',
          description: 'Error: rate limited; time is a countdown like 0:42',
        },
        { time: formatCountdown((context.errorUntil ?? now) - now) },
      );
    case 'session-expired':
      return translate({
        id: 'troubleshooter.contact.error.sessionExpired',
        message: 'Your check has expired. Enter your contact again to get a new code.',
        description: 'Error: the verified session expired',
      });
    default:
      return null;
  }
}

/**
 * The field asks for what the worker logs in with, when we know it: the answer "by email" or "by text
 * message", or a support link's prefill (`?channel=email|sms`). Either way any contact is accepted.
 */
function contactFieldText(channel: TroubleshooterContext['channel']): { label: string; hint: string } {
  if (channel === 'email') {
    return {
      label: translate({
        id: 'troubleshooter.contact.label.email',
        message: 'Your email address',
        description: 'Label of the contact field when the worker logs in by email',
      }),
      hint: translate({
        id: 'troubleshooter.contact.hint.email',
        message: 'The one your employer has, for example name@example.com',
        description: 'Example under the contact field when the worker logs in by email',
      }),
    };
  }
  if (channel === 'sms') {
    return {
      label: translate({
        id: 'troubleshooter.contact.label.sms',
        message: 'Your mobile phone number',
        description: 'Label of the contact field when the worker logs in with text-message codes',
      }),
      hint: translate({
        id: 'troubleshooter.contact.hint.sms',
        message: 'The one your employer has, for example 514 555 0134',
        description: 'Example under the contact field when the worker logs in with text-message codes',
      }),
    };
  }
  return {
    label: translate({
      id: 'troubleshooter.contact.label',
      message: 'Phone number or email',
      description: 'Label of the contact field',
    }),
    hint: translate({
      id: 'troubleshooter.contact.hint',
      message: 'For example 514 555 0134 or name@example.com',
      description: 'Example under the contact field',
    }),
  };
}

export default function ContactForm({ context, busy, ready, send }: Props): ReactNode {
  const id = useId();
  const [value, setValue] = useState(context.contact);
  const [country, setCountry] = useState<PhoneCountry>(NORTH_AMERICA);
  const hasError = context.error !== null && ERROR_STEP[context.error] === 'enter-contact';
  const fieldText = contactFieldText(context.channel);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // The check reads the number with the country's code; North American formats go as typed.
    if (ready && busy === null)
      send({ type: 'user.submit-contact', contact: withCountryCode(value, country) });
  };
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-busy={busy !== null}>
      <label className={styles.label} htmlFor={`${id}-contact`}>
        {fieldText.label}
      </label>
      <p className={styles.hint} id={`${id}-hint`}>
        {fieldText.hint}
      </p>
      <input
        id={`${id}-contact`}
        className={styles.input}
        type="text"
        name="contact"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        inputMode={context.channel === 'email' ? 'email' : context.channel === 'sms' ? 'tel' : 'text'}
        autoComplete={context.channel === 'email' ? 'email' : context.channel === 'sms' ? 'tel' : 'username'}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="send"
        aria-invalid={hasError}
        aria-describedby={clsx(`${id}-hint`, hasError && `${id}-error`)}
      />
      {hasError && (
        <p className={styles.error} id={`${id}-error`} role="alert">
          <ErrorMessage context={context} />
        </p>
      )}
      {context.channel !== 'email' && (
        <CountrySelect id={`${id}-country`} value={country} onChange={setCountry} locale={context.locale} />
      )}
      <button
        type="submit"
        className={clsx(styles.button, styles.primary)}
        disabled={!ready}
        aria-disabled={busy !== null}
        data-event="user.submit-contact"
      >
        {busy === 'check'
          ? translate({
              id: 'troubleshooter.contact.busy.check',
              message: 'Checking…',
              description: 'While the contact is checked',
            })
          : busy === 'send'
            ? translate({
                id: 'troubleshooter.contact.busy.send',
                message: 'Sending…',
                description: 'While the message is being requested',
              })
            : submitLabel(context.purpose)}
      </button>
    </form>
  );
}
