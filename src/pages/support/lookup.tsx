import '@site/src/i18n/support';
import '@site/src/i18n/troubleshooter';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { NORTH_AMERICA, type PhoneCountry } from '@site/shared/phone-countries';
import CountrySelect from '@site/src/components/Troubleshooter/ContactForm/CountrySelect';
import { isUnauthorized, supportApi, type SupportAccount } from '@site/src/support/api';
import { useLocale } from '@site/src/utils/use-locale';
import SignedInPage from './_components/SignedInPage';
import AccountCard from './_components/AccountCard';
import ReferenceDecoder from './_components/ReferenceDecoder';
import styles from './lookup.module.css';

type Search =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'found'; account: SupportAccount }
  | { state: 'problem'; message: string };

function Lookup({ token, onUnauthorized }: { token: string; onUnauthorized: () => void }): ReactNode {
  const locale = useLocale();
  const id = useId();
  const [contact, setContact] = useState('');
  const [country, setCountry] = useState<PhoneCountry>(NORTH_AMERICA);
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!contact.trim()) {
      setSearch({
        state: 'problem',
        message: translate({
          id: 'support.lookup.search.empty',
          message: 'Enter the worker’s email address, phone number or username.',
          description: 'Lookup: nothing typed in the search',
        }),
      });
      input.current?.focus();
      return;
    }
    setSearch({ state: 'searching' });
    const outcome = await supportApi.lookUp(token, locale, contact, country);
    if (outcome.type === 'ok') setSearch({ state: 'found', account: outcome.data.account });
    else if (isUnauthorized(outcome)) onUnauthorized();
    else if (outcome.type === 'unreachable')
      setSearch({
        state: 'problem',
        message: translate({
          id: 'support.lookup.search.unreachable',
          message: 'The help center API cannot be reached. Try again in a moment.',
          description: 'Lookup: the API is down during a search',
        }),
      });
    else setSearch({ state: 'problem', message: outcome.message });
  }

  return (
    <>
      <form className={styles.search} onSubmit={(event) => void submit(event)} role="search" noValidate>
        <label htmlFor={id}>
          <Translate id="support.lookup.search.label" description="Lookup: label of the contact field">
            Worker’s email address, phone number or username
          </Translate>
        </label>
        <div className={styles.row}>
          <input
            ref={input}
            id={id}
            type="text"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            value={contact}
            aria-describedby={search.state === 'problem' ? `${id}-problem` : undefined}
            aria-invalid={search.state === 'problem' || undefined}
            onChange={(event) => setContact(event.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={search.state === 'searching'}>
            <Translate id="support.lookup.search.submit" description="Lookup: search button">
              Look up
            </Translate>
          </button>
        </div>
        <div className={styles.country}>
          <CountrySelect id={`${id}-country`} value={country} onChange={setCountry} locale={locale} />
        </div>
        <p id={`${id}-problem`} role="alert" className={styles.problem}>
          {search.state === 'problem' ? search.message : ''}
        </p>
        <p role="status" className={styles.srOnly}>
          {search.state === 'searching'
            ? translate({
                id: 'support.lookup.search.searching',
                message: 'Looking up…',
                description: 'Lookup: search in progress',
              })
            : search.state === 'found'
              ? translate(
                  {
                    id: 'support.lookup.search.found',
                    message: 'Account found: {name}',
                    description: 'Lookup: announced when an account is found',
                  },
                  { name: search.account.name },
                )
              : ''}
        </p>
      </form>
      {search.state === 'found' && (
        <AccountCard
          // Another account starts with a clean slate (no message or code of the previous one).
          key={search.account.id}
          account={search.account}
          token={token}
          locale={locale}
          onChange={(account) => setSearch({ state: 'found', account })}
          onUnauthorized={onUnauthorized}
        />
      )}
    </>
  );
}

export default function SupportLookup(): ReactNode {
  return (
    <SignedInPage
      title={translate({
        id: 'support.lookup.meta.title',
        message: 'Support account lookup',
        description: 'Support page title',
      })}
      description={translate({
        id: 'support.lookup.meta.description',
        message: 'Look up a worker’s account, act on it, and read troubleshooter reference codes.',
        description: 'Lookup: meta description',
      })}
      heading={
        <Translate id="support.lookup.title" description="Support page heading">
          Support account lookup
        </Translate>
      }
      after={(signedIn) => (
        // Reference codes carry no contact and no account: decoding them needs no sign-in.
        <ReferenceDecoder signedIn={signedIn} />
      )}
    >
      {(session) => <Lookup token={session.token} onUnauthorized={session.onUnauthorized} />}
    </SignedInPage>
  );
}
