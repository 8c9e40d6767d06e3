import type { ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import type { SupportAccount } from '@site/src/support/api';
import {
  contactKindLabel,
  deactivationLabel,
  formatDateTime,
  languageName,
  loginMethodLabel,
} from '@site/src/support/labels';
import styles from './styles.module.css';

/** Exactly how the worker logs in today: the method, and the contact or name it goes through. */
function LoginRoute({ account }: { account: SupportAccount }): ReactNode {
  const contact = <code translate="no">{account.loginWith.masked}</code>;
  if (account.loginMethod === 'code') {
    if (account.codesBy === 'sms')
      return (
        <Translate
          id="support.lookup.login.codeSms"
          description="Lookup: how the worker logs in"
          values={{ contact }}
        >
          {'A one-time code by text message to {contact}'}
        </Translate>
      );
    if (account.codesBy === 'email')
      return (
        <Translate
          id="support.lookup.login.codeEmail"
          description="Lookup: how the worker logs in"
          values={{ contact }}
        >
          {'A one-time code by email to {contact}'}
        </Translate>
      );
    return (
      <Translate
        id="support.lookup.login.codeNowhere"
        description="Lookup: a code login without a contact that can receive codes"
      >
        A one-time code, but no contact on file can receive one (no email, no North American phone)
      </Translate>
    );
  }
  if (account.loginMethod === 'password')
    return (
      <Translate
        id="support.lookup.login.password"
        description="Lookup: how the worker logs in; kind is “username”, “email address”…"
        values={{ kind: contactKindLabel(account.loginWith.kind).toLocaleLowerCase(), contact }}
      >
        {'A password, with the {kind} {contact}'}
      </Translate>
    );
  return <>{loginMethodLabel(account.loginMethod, account.ssoProvider)}</>;
}

/** What the account is: how it logs in, its contacts and employers, and what holds it back. */
export default function Summary({ account, locale }: { account: SupportAccount; locale: Locale }): ReactNode {
  const date = (iso: string | null) => formatDateTime(iso, locale);
  const blocked = account.codeChecks.filter((check) => check.state !== 'open');
  return (
    <section>
      <h3>
        <Translate id="support.lookup.section.account" description="Lookup: heading of the account details">
          Account
        </Translate>
      </h3>
      <dl className={styles.facts}>
        <dt>
          <Translate id="support.lookup.fact.loginMethod" description="Lookup: how the account logs in">
            Logs in with
          </Translate>
        </dt>
        <dd data-login={account.loginMethod}>
          <LoginRoute account={account} />
        </dd>
        <dt>
          <Translate id="support.lookup.fact.language" description="Lookup: the worker's language">
            Language
          </Translate>
        </dt>
        <dd data-language={account.language.locale ?? ''}>
          {account.language.locale === null
            ? translate({
                id: 'support.lookup.fact.languageUnknown',
                message: 'Not known (no profile language, no help request)',
                description: 'Lookup: the worker’s language is not known',
              })
            : account.language.source === 'profile'
              ? translate(
                  {
                    id: 'support.lookup.fact.languageProfile',
                    message: '{language} (their profile)',
                    description: 'Lookup: the worker’s language, from their profile',
                  },
                  { language: languageName(account.language.locale, locale) },
                )
              : translate(
                  {
                    id: 'support.lookup.fact.languageRequest',
                    message: '{language} (their latest help request)',
                    description: 'Lookup: the worker’s language, from the latest help request',
                  },
                  { language: languageName(account.language.locale, locale) },
                )}
        </dd>
        <dt>
          <Translate id="support.lookup.fact.contacts" description="Lookup: the contacts on file">
            Contacts on file
          </Translate>
        </dt>
        <dd>
          <ul className={styles.plain}>
            {account.contacts.email && (
              <li>
                {contactKindLabel('email')} <code translate="no">{account.contacts.email}</code>{' '}
                {account.emailConfirmed
                  ? translate({
                      id: 'support.lookup.fact.confirmed',
                      message: '(confirmed)',
                      description: 'Lookup: the email is confirmed',
                    })
                  : translate({
                      id: 'support.lookup.fact.unconfirmed',
                      message: '(not confirmed)',
                      description: 'Lookup: the email is not confirmed',
                    })}
              </li>
            )}
            {account.contacts.phone && (
              <li>
                {contactKindLabel('phone')} <code translate="no">{account.contacts.phone}</code>{' '}
                {account.contacts.smsEligible
                  ? translate({
                      id: 'support.lookup.fact.sms',
                      message: '(gets text messages)',
                      description: 'Lookup: the phone is +1',
                    })
                  : translate({
                      id: 'support.lookup.fact.noSms',
                      message: '(outside North America: no text messages)',
                      description: 'Lookup: the phone is not +1',
                    })}
              </li>
            )}
            {account.contacts.username && (
              <li>
                {contactKindLabel('username')} <code translate="no">{account.contacts.username}</code>
              </li>
            )}
          </ul>
        </dd>
        <dt>
          <Translate id="support.lookup.fact.employers" description="Lookup: the employers of the account">
            Employers
          </Translate>
        </dt>
        <dd>
          <ul className={styles.plain}>
            {account.employers.map((employer) => (
              <li key={employer.id}>
                {employer.name}
                {employer.primary &&
                  account.employers.length > 1 &&
                  ` ${translate({ id: 'support.lookup.fact.primary', message: '(primary)', description: 'Lookup: the primary employer' })}`}
                {!employer.active &&
                  ` ${translate({ id: 'support.lookup.fact.employerInactive', message: '(no longer uses the platform)', description: 'Lookup: an employer that left' })}`}
              </li>
            ))}
          </ul>
        </dd>
        {account.locked && (
          <>
            <dt>
              <Translate
                id="support.lookup.fact.lockedSince"
                description="Lookup: when the account was locked"
              >
                Locked since
              </Translate>
            </dt>
            <dd>
              {date(account.lockedAt)}
              {account.lockedUntil
                ? ` → ${date(account.lockedUntil)}`
                : ` ${translate({ id: 'support.lookup.fact.untilUnlocked', message: '(until unlocked)', description: 'Lookup: a lock without an end' })}`}
              {' · '}
              {translate(
                {
                  id: 'support.lookup.fact.failedAttempts',
                  message: '{count} failed attempts',
                  description: 'Lookup: failed login attempts',
                },
                { count: account.failedAttempts },
              )}
            </dd>
          </>
        )}
        {blocked.length > 0 && (
          <>
            <dt>
              <Translate
                id="support.lookup.fact.codeChecks"
                description="Lookup: contacts whose codes cannot be checked"
              >
                Code checks paused
              </Translate>
            </dt>
            <dd>
              <ul className={styles.plain}>
                {blocked.map((check) => (
                  <li key={check.kind}>
                    <code translate="no">{check.masked}</code>{' '}
                    {check.state === 'blocked'
                      ? translate({
                          id: 'support.lookup.fact.blocked',
                          message: 'blocked after too many wrong codes',
                          description: 'Lookup: code checks blocked',
                        })
                      : translate(
                          {
                            id: 'support.lookup.fact.coolingDown',
                            message: 'too many wrong codes: paused until {time}',
                            description: 'Lookup: code checks cooling down',
                          },
                          { time: date(check.until) },
                        )}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {account.deactivationReason && (
          <>
            <dt>
              <Translate
                id="support.lookup.fact.deactivated"
                description="Lookup: why the account is deactivated"
              >
                Deactivated because
              </Translate>
            </dt>
            <dd>{deactivationLabel(account.deactivationReason)}</dd>
          </>
        )}
        {account.mergedInto && (
          <>
            <dt>
              <Translate
                id="support.lookup.fact.mergedInto"
                description="Lookup: the account this one was merged into"
              >
                Merged into
              </Translate>
            </dt>
            <dd>
              {account.mergedInto.name} <code translate="no">{account.mergedInto.loginWith}</code>
            </dd>
          </>
        )}
        {account.mergedFrom.length > 0 && (
          <>
            <dt>
              <Translate
                id="support.lookup.fact.mergedFrom"
                description="Lookup: accounts merged into this one"
              >
                Accounts merged into this one
              </Translate>
            </dt>
            <dd>
              <ul className={styles.plain}>
                {account.mergedFrom.map((merged) => (
                  <li key={merged.id}>
                    {merged.name}{' '}
                    {merged.email ? (
                      <code translate="no">{merged.email}</code>
                    ) : (
                      translate({
                        id: 'support.lookup.fact.emailReleased',
                        message: '(email address released)',
                        description: 'Lookup: a merged account without email',
                      })
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>
          <Translate id="support.lookup.fact.lastLogin" description="Lookup: last login">
            Last login
          </Translate>
        </dt>
        <dd>
          {account.lastLoginAt
            ? date(account.lastLoginAt)
            : translate({
                id: 'support.lookup.fact.never',
                message: 'Not since the help center started recording',
                description: 'Lookup: no login recorded',
              })}
        </dd>
        <dt>
          <Translate id="support.lookup.fact.created" description="Lookup: when the account was created">
            Created
          </Translate>
        </dt>
        <dd>{date(account.createdAt)}</dd>
      </dl>
    </section>
  );
}
