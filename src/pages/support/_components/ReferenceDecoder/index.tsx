import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import {
  decodeReferenceCode,
  EXAMPLE_REFERENCE_CODE,
  foreignCharacters,
  formatReferenceCode,
  normalizeReferenceCode,
  type ReferenceData,
} from '@site/src/troubleshooter/reference-code';
import { formatDateTime, languageName } from '@site/src/support/labels';
import { useLocale } from '@site/src/utils/use-locale';
import { stepText } from '@site/src/troubleshooter/step-messages';
import {
  decodeProblemLabel,
  referenceAccountLabel,
  referenceContactLabel,
  referenceLoginMethodLabel,
  referencePurposeLabel,
  referenceRequestLabel,
  referenceSendsLabel,
  referenceVerificationLabel,
  type DecodeProblem,
  type ProblemDetails,
} from '@site/src/support/reference-labels';
import styles from './styles.module.css';

type Decoded =
  | { state: 'idle' }
  | { state: 'problem'; problem: DecodeProblem; details: ProblemDetails }
  | { state: 'ok'; code: string; data: ReferenceData };

/**
 * Decodes the reference code a worker reads from the troubleshooter's hand-off screen: the steps
 * taken and what the API answered. It runs in the browser with the troubleshooter's own codec (no
 * XState, no API call): a code carries no contact and no account, so it needs no sign-in.
 */
export default function ReferenceDecoder({ signedIn }: { signedIn: boolean }): ReactNode {
  const id = useId();
  const headingId = `${id}-heading`;
  const [value, setValue] = useState('');
  const [decoded, setDecoded] = useState<Decoded>({ state: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (normalizeReferenceCode(value) === '') {
      setDecoded({ state: 'problem', problem: 'empty', details: {} });
      input.current?.focus();
      return;
    }
    const result = decodeReferenceCode(value);
    if (result.ok) {
      setDecoded({
        state: 'ok',
        code: formatReferenceCode(normalizeReferenceCode(value)),
        data: result.data,
      });
    } else {
      setDecoded({
        state: 'problem',
        problem: result.reason,
        details: result.reason === 'length' ? result : { characters: foreignCharacters(value) },
      });
      input.current?.focus();
    }
  }

  const problem = decoded.state === 'problem';
  return (
    <section className={styles.decoder} aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Translate id="support.reference.title" description="Reference decoder: heading">
          Decode a troubleshooter reference code
        </Translate>
      </h2>
      <p className={styles.lead}>
        <Translate
          id="support.reference.lead"
          description="Reference decoder: what it does and why no sign-in"
        >
          When the troubleshooter hands a worker over, it shows a short reference code. It says which steps
          they took and what the help center answered, and nothing about who they are: no sign-in needed.
        </Translate>
      </p>
      <form onSubmit={submit} noValidate className={styles.form}>
        <label htmlFor={id}>
          <Translate id="support.reference.label" description="Reference decoder: label of the code field">
            Reference code
          </Translate>
        </label>
        <p id={`${id}-hint`} className={styles.hint}>
          <Translate
            id="support.reference.hint"
            description="Reference decoder: hint under the code field"
            values={{ example: EXAMPLE_REFERENCE_CODE }}
          >
            {'As the worker reads it, for example {example}. Spaces, dashes and lower case are fine.'}
          </Translate>
        </p>
        <div className={styles.row}>
          <input
            ref={input}
            id={id}
            name="reference-code"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={value}
            aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
            aria-invalid={problem || undefined}
            onChange={(event) => setValue(event.target.value)}
          />
          <button type="submit" className="button button--primary">
            <Translate id="support.reference.submit" description="Reference decoder: decode button">
              Decode
            </Translate>
          </button>
        </div>
        <p id={`${id}-problem`} role="alert" className={styles.problem}>
          {problem ? decodeProblemLabel(decoded.problem, decoded.details) : ''}
        </p>
        <p role="status" className={styles.srOnly}>
          {decoded.state === 'ok'
            ? translate(
                {
                  id: 'support.reference.decoded',
                  message: 'Code {code} decoded.',
                  description: 'Reference decoder: announced when a code is decoded',
                },
                { code: decoded.code },
              )
            : ''}
        </p>
      </form>
      {decoded.state === 'ok' && <Details code={decoded.code} data={decoded.data} signedIn={signedIn} />}
    </section>
  );
}

function Details({
  code,
  data,
  signedIn,
}: {
  code: string;
  data: ReferenceData;
  signedIn: boolean;
}): ReactNode {
  const locale = useLocale();
  const older = translate({
    id: 'support.reference.fact.notInCode',
    message: 'Not in this code (made before codes carried it)',
    description: 'Reference decoder: an older code without its time or language',
  });
  return (
    <div className={styles.result} data-reference={code}>
      <h3>
        {translate(
          {
            id: 'support.reference.result.title',
            message: 'Reference code {code}',
            description: 'Reference decoder: heading of a decoded code',
          },
          { code },
        )}
      </h3>
      <h4>
        <Translate id="support.reference.steps.title" description="Reference decoder: heading of the steps">
          Steps taken, oldest first
        </Translate>
      </h4>
      {data.truncated && (
        <p className={styles.note}>
          <Translate
            id="support.reference.steps.truncated"
            description="Reference decoder: earlier steps did not fit in the code"
          >
            Earlier steps did not fit in the code: these are the last ones.
          </Translate>
        </p>
      )}
      <ol className={styles.steps} data-steps>
        {data.path.map((step, position) => (
          // The same step can come back (after Back): its position tells them apart.
          <li key={`${position}-${step}`} data-step={step}>
            {stepText(step).title} <code>{step}</code>
          </li>
        ))}
      </ol>
      <h4>
        <Translate
          id="support.reference.results.title"
          description="Reference decoder: heading of the API results"
        >
          What the help center answered
        </Translate>
      </h4>
      <dl className={styles.facts}>
        <Fact
          name="time"
          term={translate({
            id: 'support.reference.fact.time',
            message: 'When',
            description: 'Reference decoder: when the worker was on the hand-off screen (to the minute)',
          })}
          value={data.at ? formatDateTime(data.at, locale) : older}
        />
        <Fact
          name="language"
          term={translate({
            id: 'support.reference.fact.language',
            message: 'Language',
            description: 'Reference decoder: the language of the troubleshooter the worker used',
          })}
          value={data.locale ? languageName(data.locale, locale) : older}
        />
        <Fact
          name="contact"
          term={translate({
            id: 'support.reference.fact.contact',
            message: 'Contact typed',
            description: 'Reference decoder: what kind of contact the worker typed',
          })}
          value={referenceContactLabel(data.contact)}
        />
        <Fact
          name="purpose"
          term={translate({
            id: 'support.reference.fact.purpose',
            message: 'Asked for',
            description: 'Reference decoder: what the worker asked to receive',
          })}
          value={referencePurposeLabel(data.purpose)}
        />
        <Fact
          name="request"
          term={translate({
            id: 'support.reference.fact.request',
            message: 'Help request',
            description: 'Reference decoder: outcome of the help request',
          })}
          value={referenceRequestLabel(data.request)}
        />
        <Fact
          name="sends"
          term={translate({
            id: 'support.reference.fact.sends',
            message: 'Messages sent',
            description: 'Reference decoder: how many messages the API accepted to send',
          })}
          value={referenceSendsLabel(data.sends)}
        />
        <Fact
          name="verification"
          term={translate({
            id: 'support.reference.fact.verification',
            message: 'Code check',
            description: 'Reference decoder: result of the code verification',
          })}
          value={referenceVerificationLabel(data.verification)}
        />
        <Fact
          name="account"
          term={translate({
            id: 'support.reference.fact.account',
            message: 'Account status',
            description: 'Reference decoder: the account state found after verification',
          })}
          value={referenceAccountLabel(data.account)}
        />
        <Fact
          name="login-method"
          term={translate({
            id: 'support.reference.fact.loginMethod',
            message: 'Logs in with',
            description: 'Reference decoder: the account’s login method',
          })}
          value={referenceLoginMethodLabel(data.loginMethod)}
        />
        {data.username && (
          <Fact
            name="username"
            term={translate({
              id: 'support.reference.fact.username',
              message: 'Username',
              description: 'Reference decoder: the account logs in with a username',
            })}
            value={translate({
              id: 'support.reference.fact.usernameYes',
              message: 'Logs in with a username, not an email address',
              description: 'Reference decoder: the account logs in with a username',
            })}
          />
        )}
      </dl>
      <p className={styles.note}>
        {signedIn ? (
          <Translate
            id="support.reference.nextSignedIn"
            description="Reference decoder: what to do next, signed in"
          >
            To see the account itself, look it up above by the worker’s email address or phone number.
          </Translate>
        ) : (
          <Translate id="support.reference.next" description="Reference decoder: what to do next">
            To see the account itself, sign in and look it up by the worker’s email address or phone number.
          </Translate>
        )}
      </p>
    </div>
  );
}

function Fact({ name, term, value }: { name: string; term: string; value: string }): ReactNode {
  return (
    <div data-fact={name}>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
