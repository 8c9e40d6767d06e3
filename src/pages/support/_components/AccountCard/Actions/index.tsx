import { useState, type ReactNode } from 'react';
import Translate from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import type { SupportAccount } from '@site/src/support/api';
import AccessCode from './AccessCode';
import IssuedCode from './IssuedCode';
import ReleaseEmail from './ReleaseEmail';
import ResendInvitation from './ResendInvitation';
import Unlock from './Unlock';
import { useAction } from './use-action';
import styles from './styles.module.css';

interface Props {
  account: SupportAccount;
  token: string;
  locale: Locale;
  onChange: (account: SupportAccount) => void;
  onUnauthorized: () => void;
}

/** The actions that fit the account's state, and what came of the last one. */
export default function Actions({ account, token, locale, onChange, onUnauthorized }: Props): ReactNode {
  const { run, busy, notice } = useAction({ token, locale, accountId: account.id, onChange, onUnauthorized });
  const [issued, setIssued] = useState<{ code: string; expiresAt: string } | null>(null);
  const action = { run, disabled: busy };
  // Messages to the worker go in their language by default; the agent's when it is not known.
  const workerLocale = account.language.locale ?? locale;

  return (
    <>
      <div role="status">{notice?.tone === 'success' && <p className={styles.success}>{notice.text}</p>}</div>
      <div role="alert">{notice?.tone === 'error' && <p className={styles.error}>{notice.text}</p>}</div>

      {issued && <IssuedCode code={issued.code} expiresAt={issued.expiresAt} locale={locale} />}

      <section>
        <h3>
          <Translate id="support.lookup.section.actions" description="Lookup: heading of the actions">
            Actions
          </Translate>
        </h3>
        <ul className={styles.actions}>
          {account.actions.unlock && <Unlock {...action} />}
          {account.actions.resendInvitation && <ResendInvitation {...action} workerLocale={workerLocale} />}
          <AccessCode
            {...action}
            allowed={account.actions.temporaryAccessCode}
            refusal={account.actions.temporaryAccessCodeRefusal}
            loginHelp={account.actions.loginHelp}
            workerLocale={workerLocale}
            onIssued={setIssued}
          />
          {account.actions.releaseEmail && <ReleaseEmail {...action} email={account.contacts.email} />}
        </ul>
      </section>
    </>
  );
}
