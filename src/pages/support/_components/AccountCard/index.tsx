import { useId, useRef, useState, type ReactNode } from 'react';
import clsx from 'clsx';
import Translate, { translate } from '@docusaurus/Translate';
import CopyButton from '@site/src/components/CopyButton';
import type { Locale } from '@site/shared/locale';
import type { Outcome } from '@site/src/api/client';
import { isUnauthorized, supportApi, type SupportAccount } from '@site/src/support/api';
import {
  actorLabel,
  auditActionLabel,
  channelLabel,
  contactKindLabel,
  deactivationLabel,
  deliveryStatusLabel,
  formatDateTime,
  loginMethodLabel,
  outcomeLabel,
  purposeLabel,
  statusLabel,
  templateLabel,
} from '@site/src/support/labels';
import styles from './styles.module.css';

interface Props {
  account: SupportAccount;
  token: string;
  locale: Locale;
  onChange: (account: SupportAccount) => void;
  onUnauthorized: () => void;
}

/** Each language by its own name, as language menus show them. */
const LANGUAGE_NAMES = { en: 'English', fr: 'Français' } as const;

type Notice = { tone: 'success' | 'error'; text: string } | null;

function refusalText(code: string | null): string {
  switch (code) {
    case 'several-employers':
      return translate({
        id: 'support.lookup.accessCode.refusal.several',
        message:
          'Not possible: this worker belongs to several employers. Help them reset their login instead.',
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

/** Everything support may know about an account, and the actions that fit its state. */
export default function AccountCard({ account, token, locale, onChange, onUnauthorized }: Props): ReactNode {
  const headingId = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [accessCode, setAccessCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const [confirmRelease, setConfirmRelease] = useState(false);
  const [inviteLocale, setInviteLocale] = useState<Locale>(locale);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const date = (iso: string | null) => formatDateTime(iso, locale);

  async function run<T extends { account: SupportAccount }>(
    name: string,
    call: () => Promise<Outcome<T>>,
    success: (data: T) => string,
  ) {
    setBusy(name);
    setNotice(null);
    const outcome = await call();
    setBusy(null);
    if (outcome.type === 'ok') {
      onChange(outcome.data.account);
      setNotice({ tone: 'success', text: success(outcome.data) });
    } else if (isUnauthorized(outcome)) {
      onUnauthorized();
    } else if (outcome.type === 'unreachable') {
      setNotice({
        tone: 'error',
        text: translate({
          id: 'support.lookup.error.unreachable',
          message: 'The help center API cannot be reached. Nothing was changed; try again in a moment.',
          description: 'Lookup: the API is down',
        }),
      });
    } else {
      setNotice({ tone: 'error', text: outcome.message });
    }
  }

  const unlock = () =>
    run(
      'unlock',
      () => supportApi.unlock(token, locale, account.id),
      () =>
        translate({
          id: 'support.lookup.unlock.done',
          message: 'Account unlocked. The worker can log in again now.',
          description: 'Lookup: after unlocking',
        }),
    );
  const resend = () =>
    run(
      'invite',
      () => supportApi.resendInvitation(token, locale, account.id, inviteLocale),
      (data) =>
        translate(
          {
            id: 'support.lookup.invite.done',
            message: 'Invitation sent again by {channel} to {recipient}.',
            description: 'Lookup: after resending the invitation',
          },
          { channel: channelLabel(data.channel).toLowerCase(), recipient: data.recipient },
        ),
    );
  const issueCode = () =>
    run(
      'code',
      async () => {
        const outcome = await supportApi.issueAccessCode(token, locale, account.id);
        if (outcome.type === 'ok')
          setAccessCode({ code: outcome.data.code, expiresAt: outcome.data.expiresAt });
        return outcome;
      },
      () =>
        translate({
          id: 'support.lookup.accessCode.done',
          message: 'Temporary access code issued. Read it to the worker: it is shown only once.',
          description: 'Lookup: after issuing a temporary access code',
        }),
    );
  const release = () =>
    run(
      'release',
      () => supportApi.releaseEmail(token, locale, account.id),
      () => {
        setConfirmRelease(false);
        return translate({
          id: 'support.lookup.release.done',
          message: 'Email address released: another account can use it now.',
          description: 'Lookup: after releasing the email of a merged account',
        });
      },
    );

  const blocked = account.codeChecks.filter((check) => check.state !== 'open');

  return (
    <article className={styles.card} aria-labelledby={headingId} data-account-id={account.id}>
      <header className={styles.header}>
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {account.name}
        </h2>
        <p className={clsx(styles.status, styles[account.status])} data-status={account.status}>
          {statusLabel(account.status)}
        </p>
      </header>

      <div role="status" className={styles.noticeRegion}>
        {notice?.tone === 'success' && <p className={styles.success}>{notice.text}</p>}
      </div>
      <div role="alert" className={styles.noticeRegion}>
        {notice?.tone === 'error' && <p className={styles.error}>{notice.text}</p>}
      </div>

      {accessCode && (
        <div className={styles.accessCode}>
          <p>
            <Translate
              id="support.lookup.accessCode.label"
              description="Lookup: label of the issued temporary access code"
            >
              Temporary access code
            </Translate>
          </p>
          <p className={styles.code} translate="no" data-access-code>
            {accessCode.code}
          </p>
          <p>
            {translate(
              {
                id: 'support.lookup.accessCode.expires',
                message: 'Valid once, until {time}. Issuing another one voids it.',
                description: 'Lookup: when the temporary access code expires',
              },
              { time: date(accessCode.expiresAt) },
            )}
          </p>
          <CopyButton
            text={accessCode.code}
            label={translate({
              id: 'support.lookup.accessCode.copy',
              message: 'Copy the temporary access code',
              description: 'Lookup: copy button of the access code',
            })}
          />
        </div>
      )}

      <section className={styles.section}>
        <h3>
          <Translate id="support.lookup.section.actions" description="Lookup: heading of the actions">
            Actions
          </Translate>
        </h3>
        <ul className={styles.actions}>
          {account.actions.unlock && (
            <li>
              <button
                type="button"
                className="button button--primary"
                disabled={busy !== null}
                onClick={() => void unlock()}
              >
                <Translate id="support.lookup.unlock.button" description="Lookup: unlock button">
                  Unlock the account
                </Translate>
              </button>
              <p className={styles.help}>
                <Translate id="support.lookup.unlock.help" description="Lookup: what unlocking does">
                  Ends the lock after failed attempts, and lets codes be checked again.
                </Translate>
              </p>
            </li>
          )}
          {account.actions.resendInvitation && (
            <li>
              <div className={styles.inline}>
                <label>
                  <Translate
                    id="support.lookup.invite.language"
                    description="Lookup: language of the invitation"
                  >
                    Language of the invitation
                  </Translate>{' '}
                  <select
                    value={inviteLocale}
                    onChange={(event) => setInviteLocale(event.target.value as Locale)}
                  >
                    {(['en', 'fr'] as const).map((value) => (
                      <option key={value} value={value} lang={value}>
                        {LANGUAGE_NAMES[value]}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  className="button button--primary"
                  disabled={busy !== null}
                  onClick={() => void resend()}
                >
                  <Translate
                    id="support.lookup.invite.button"
                    description="Lookup: resend the invitation button"
                  >
                    Resend the invitation
                  </Translate>
                </button>
              </div>
              <p className={styles.help}>
                <Translate
                  id="support.lookup.invite.help"
                  description="Lookup: what resending the invitation does"
                >
                  Sends a first login code again, by text message to a North American phone or else by email.
                </Translate>
              </p>
            </li>
          )}
          <li>
            {account.actions.temporaryAccessCode ? (
              <>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy !== null}
                  onClick={() => void issueCode()}
                >
                  <Translate
                    id="support.lookup.accessCode.button"
                    description="Lookup: issue a temporary access code button"
                  >
                    Issue a temporary access code
                  </Translate>
                </button>
                <p className={styles.help}>
                  <Translate
                    id="support.lookup.accessCode.help"
                    description="Lookup: what the temporary access code is"
                  >
                    For a worker who cannot receive codes: they log in once with it, then set up their login.
                  </Translate>
                </p>
              </>
            ) : (
              <p className={styles.refusal} data-refusal={account.actions.temporaryAccessCodeRefusal ?? ''}>
                <strong>
                  <Translate
                    id="support.lookup.accessCode.title"
                    description="Lookup: temporary access code, when refused"
                  >
                    Temporary access code:
                  </Translate>
                </strong>{' '}
                {refusalText(account.actions.temporaryAccessCodeRefusal)}
              </p>
            )}
          </li>
          {account.actions.releaseEmail && (
            <li>
              {!confirmRelease ? (
                <button
                  type="button"
                  className="button button--danger button--outline"
                  disabled={busy !== null}
                  onClick={() => setConfirmRelease(true)}
                >
                  <Translate
                    id="support.lookup.release.button"
                    description="Lookup: release the email button"
                  >
                    Release the email address
                  </Translate>
                </button>
              ) : (
                <div
                  className={styles.confirm}
                  role="group"
                  aria-label={translate({
                    id: 'support.lookup.release.confirmLabel',
                    message: 'Confirm the release',
                    description: 'Lookup: accessible name of the release confirmation',
                  })}
                >
                  <p>
                    {translate(
                      {
                        id: 'support.lookup.release.confirm',
                        message: 'Release {email} from this merged account? It cannot be undone here.',
                        description: 'Lookup: confirmation of the email release',
                      },
                      { email: account.contacts.email ?? '' },
                    )}
                  </p>
                  <button
                    type="button"
                    className="button button--danger"
                    disabled={busy !== null}
                    onClick={() => void release()}
                  >
                    <Translate id="support.lookup.release.yes" description="Lookup: confirm the release">
                      Yes, release it
                    </Translate>
                  </button>{' '}
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setConfirmRelease(false)}
                  >
                    <Translate id="support.lookup.release.cancel" description="Lookup: cancel the release">
                      Cancel
                    </Translate>
                  </button>
                </div>
              )}
              <p className={styles.help}>
                <Translate
                  id="support.lookup.release.help"
                  description="Lookup: what releasing the email does"
                >
                  The worker’s remaining account, or a new invitation, can then use this address.
                </Translate>
              </p>
            </li>
          )}
        </ul>
      </section>

      <section className={styles.section}>
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
          <dd>
            {loginMethodLabel(account.loginMethod, account.ssoProvider)}
            <br />
            {contactKindLabel(account.loginWith.kind)} <code translate="no">{account.loginWith.masked}</code>
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

      <section className={styles.section}>
        <h3>
          <Translate
            id="support.lookup.section.requests"
            description="Lookup: heading of the recent help requests"
          >
            Recent help requests
          </Translate>
        </h3>
        {account.helpRequests.length === 0 ? (
          <p>
            <Translate id="support.lookup.requests.none" description="Lookup: no help request">
              None.
            </Translate>
          </p>
        ) : (
          <div className={styles.scroller}>
            <table>
              <thead>
                <tr>
                  <th scope="col">
                    <Translate id="support.lookup.column.when" description="Lookup: table column">
                      When
                    </Translate>
                  </th>
                  <th scope="col">
                    <Translate id="support.lookup.column.asked" description="Lookup: table column">
                      Asked for
                    </Translate>
                  </th>
                  <th scope="col">
                    <Translate id="support.lookup.column.via" description="Lookup: table column">
                      With
                    </Translate>
                  </th>
                  <th scope="col">
                    <Translate id="support.lookup.column.result" description="Lookup: table column">
                      Result
                    </Translate>
                  </th>
                </tr>
              </thead>
              <tbody>
                {account.helpRequests.map((request, index) => (
                  <tr key={`${request.at}-${index}`}>
                    <td>{date(request.at)}</td>
                    <td>
                      {`${purposeLabel(request.purpose)} (${channelLabel(request.channel)}, ${request.locale})`}
                    </td>
                    <td>
                      <code translate="no">{request.via}</code>
                    </td>
                    <td>{outcomeLabel(request.outcome, request.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className={styles.section}>
        <h3>
          <Translate
            id="support.lookup.section.deliveries"
            description="Lookup: heading of the recent messages"
          >
            Recent messages
          </Translate>
        </h3>
        {account.deliveries.length === 0 ? (
          <p>
            <Translate id="support.lookup.deliveries.none" description="Lookup: no message">
              None.
            </Translate>
          </p>
        ) : (
          <div className={styles.scroller}>
            <table>
              <thead>
                <tr>
                  <th scope="col">
                    <Translate id="support.lookup.column.when" description="Lookup: table column">
                      When
                    </Translate>
                  </th>
                  <th scope="col">
                    <Translate id="support.lookup.column.message" description="Lookup: table column">
                      Message
                    </Translate>
                  </th>
                  <th scope="col">
                    <Translate id="support.lookup.column.to" description="Lookup: table column">
                      To
                    </Translate>
                  </th>
                  <th scope="col">
                    <Translate id="support.lookup.column.status" description="Lookup: table column">
                      Status
                    </Translate>
                  </th>
                </tr>
              </thead>
              <tbody>
                {account.deliveries.map((delivery, index) => (
                  <tr key={`${delivery.at}-${index}`}>
                    <td>{date(delivery.at)}</td>
                    <td>
                      {`${templateLabel(delivery.template)} (${channelLabel(delivery.channel)}, ${delivery.locale})`}
                    </td>
                    <td>
                      <code translate="no">{delivery.recipient}</code>
                    </td>
                    <td>
                      {deliveryStatusLabel(delivery.status)}
                      {delivery.sentAt && ` · ${date(delivery.sentAt)}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className={styles.section}>
        <h3>
          <Translate id="support.lookup.section.audit" description="Lookup: heading of the audit log">
            Audit log
          </Translate>
        </h3>
        {account.auditLog.length === 0 ? (
          <p>
            <Translate id="support.lookup.audit.none" description="Lookup: empty audit log">
              None.
            </Translate>
          </p>
        ) : (
          <div className={styles.scroller}>
            <table>
              <thead>
                <tr>
                  <th scope="col">
                    <Translate id="support.lookup.column.when" description="Lookup: table column">
                      When
                    </Translate>
                  </th>
                  <th scope="col">
                    <Translate id="support.lookup.column.what" description="Lookup: table column">
                      What
                    </Translate>
                  </th>
                  <th scope="col">
                    <Translate id="support.lookup.column.who" description="Lookup: table column">
                      Who
                    </Translate>
                  </th>
                </tr>
              </thead>
              <tbody>
                {account.auditLog.map((entry, index) => (
                  <tr key={`${entry.at}-${index}`}>
                    <td>{date(entry.at)}</td>
                    <td>{auditActionLabel(entry.action)}</td>
                    <td>{actorLabel(entry.actor)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}
