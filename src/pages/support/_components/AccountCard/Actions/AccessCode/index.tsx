import type { ReactNode } from 'react';
import type { Locale } from '@site/shared/locale';
import Translate, { translate } from '@docusaurus/Translate';
import { supportApi, type SupportAccount } from '@site/src/support/api';
import LoginHelp from '../LoginHelp';
import type { ActionProps } from '../use-action';
import shared from '../styles.module.css';
import styles from './styles.module.css';

type Refusal = SupportAccount['actions']['temporaryAccessCodeRefusal'];

/** Why the API refuses a temporary access code to this account, in the agent's words. */
function refusalText(refusal: Refusal): string {
  switch (refusal) {
    case 'several-employers':
      return translate({
        id: 'support.lookup.accessCode.refusal.several',
        message:
          'Not possible: this worker belongs to several employers. No one of them may hand out access to the account: help them log in again by themselves instead.',
        description: 'Lookup: why a temporary access code cannot be issued',
      });
    case 'account-deactivated':
      return translate({
        id: 'support.lookup.accessCode.refusal.deactivated',
        message: 'Not possible: the account is deactivated. Only its employer can reactivate it.',
        description: 'Lookup: why a temporary access code cannot be issued',
      });
    case 'single-sign-on-account':
      return translate({
        id: 'support.lookup.accessCode.refusal.sso',
        message:
          'Not possible: this worker logs in with their company’s single sign-on. Their company’s IT manages it.',
        description: 'Lookup: why a temporary access code cannot be issued',
      });
    default:
      return '';
  }
}

interface Props extends ActionProps {
  allowed: boolean;
  refusal: Refusal;
  loginHelp: SupportAccount['actions']['loginHelp'];
  workerLocale: Locale;
  onIssued: (issued: { code: string; expiresAt: string }) => void;
}

/** Issuing a temporary access code, or why it is not possible: always shown, so the agent knows. */
export default function AccessCode({
  run,
  disabled,
  allowed,
  refusal,
  loginHelp,
  workerLocale,
  onIssued,
}: Props): ReactNode {
  const issue = () =>
    run(
      ({ token, locale, accountId }) => supportApi.issueAccessCode(token, locale, accountId),
      (data) => {
        onIssued({ code: data.code, expiresAt: data.expiresAt });
        return translate({
          id: 'support.lookup.accessCode.done',
          message: 'Temporary access code issued. Read it to the worker: it is shown only once.',
          description: 'Lookup: after issuing a temporary access code',
        });
      },
    );
  return (
    <li>
      {allowed ? (
        <>
          <button
            type="button"
            className="button button--secondary"
            disabled={disabled}
            onClick={() => void issue()}
          >
            <Translate
              id="support.lookup.accessCode.button"
              description="Lookup: issue a temporary access code button"
            >
              Issue a temporary access code
            </Translate>
          </button>
          <p className={shared.help}>
            <Translate
              id="support.lookup.accessCode.help"
              description="Lookup: what the temporary access code is"
            >
              For a worker who cannot receive codes: they log in once with it, then set up their login.
            </Translate>
          </p>
        </>
      ) : (
        <>
          <p className={styles.refusal} data-refusal={refusal ?? ''}>
            <strong>
              <Translate
                id="support.lookup.accessCode.title"
                description="Lookup: temporary access code, when refused"
              >
                Temporary access code:
              </Translate>
            </strong>{' '}
            {refusalText(refusal)}
          </p>
          {refusal === 'several-employers' && loginHelp && (
            <LoginHelp run={run} disabled={disabled} help={loginHelp} workerLocale={workerLocale} />
          )}
        </>
      )}
    </li>
  );
}
