/**
 * Support's notices as they stand: the one workers see now (as they see it, and a button to end it),
 * the latest ones with how each ended, and their audit log.
 */
import { useState, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import type { Outcome } from '@site/src/api/client';
import { NoticeList } from '@site/src/components/ServiceNotice/NoticeList';
import { auditDetailsLabel } from '@site/src/support/audit-labels';
import { actorLabel, auditActionLabel, formatDateTime } from '@site/src/support/labels';
import { isUnauthorized, type NoticeBoard as Board } from '@site/src/support/api';
import { noticeChannelLabel, noticeStateLabel } from '@site/src/support/notice-labels';
import HistoryTable from '../AccountCard/HistoryTable';
import styles from './styles.module.css';

interface Props {
  board: Board;
  locale: Locale;
  end: (noticeId: string) => Promise<Outcome<Board>>;
  onChange: (board: Board) => void;
  onUnauthorized: () => void;
}

export default function NoticeBoard({ board, locale, end, onChange, onUnauthorized }: Props): ReactNode {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const active = board.active;

  async function endNow(noticeId: string) {
    setBusy(true);
    setProblem('');
    const outcome = await end(noticeId);
    setBusy(false);
    if (outcome.type === 'ok') onChange(outcome.data);
    else if (isUnauthorized(outcome)) onUnauthorized();
    else
      setProblem(
        outcome.type === 'unreachable'
          ? translate({
              id: 'support.notices.board.unreachable',
              message:
                'The help center API cannot be reached. The notice is still shown; try again in a moment.',
              description: 'Notices: the API is down while ending a notice',
            })
          : outcome.message,
      );
  }

  return (
    <>
      <section className={styles.active} data-active-notice={active ? active.id : 'none'}>
        <h2>
          <Translate
            id="support.notices.board.activeTitle"
            description="Notices: heading of the running notice"
          >
            What workers see now
          </Translate>
        </h2>
        {active ? (
          <>
            <NoticeList
              locale={locale}
              notices={[
                {
                  source: 'support',
                  channel: active.channel,
                  state: null,
                  waitSeconds: null,
                  text: active.text,
                  until: active.until,
                },
              ]}
            />
            <p>
              {translate(
                {
                  id: 'support.notices.board.activeSummary',
                  message: '{channel}: published by {agent}, shown until {time}.',
                  description: 'Notices: who published the running notice, what about, until when',
                },
                {
                  channel: noticeChannelLabel(active.channel),
                  agent: active.createdBy,
                  time: formatDateTime(active.until, locale),
                },
              )}
            </p>
            <p>
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => void endNow(active.id)}
              >
                <Translate
                  id="support.notices.board.end"
                  description="Notices: button ending the running notice"
                >
                  End it now
                </Translate>
              </button>
            </p>
          </>
        ) : (
          <p>
            <Translate id="support.notices.board.none" description="Notices: no support notice is running">
              No notice from support. Workers see the automatic notice only while messages are slow.
            </Translate>
          </p>
        )}
        <p role="status" className={styles.problem}>
          {problem}
        </p>
      </section>

      <HistoryTable
        heading={
          <Translate
            id="support.notices.board.recentTitle"
            description="Notices: heading of the latest notices"
          >
            Latest notices
          </Translate>
        }
        empty={
          <Translate id="support.notices.board.recentEmpty" description="Notices: none was ever published">
            No notice yet.
          </Translate>
        }
        entries={board.recent.map((notice) => ({ ...notice, at: notice.createdAt }))}
        locale={locale}
        columns={[
          {
            heading: (
              <Translate id="support.notices.column.about" description="Notices: table column">
                About
              </Translate>
            ),
            cell: (notice) => noticeChannelLabel(notice.channel),
          },
          {
            heading: (
              <Translate id="support.notices.column.text" description="Notices: table column">
                Text
              </Translate>
            ),
            cell: (notice) => notice.text[locale],
          },
          {
            heading: (
              <Translate id="support.notices.column.until" description="Notices: table column">
                Until
              </Translate>
            ),
            cell: (notice) => formatDateTime(notice.until, locale),
          },
          {
            heading: (
              <Translate id="support.notices.column.state" description="Notices: table column">
                Status
              </Translate>
            ),
            cell: (notice) => <span data-notice-state={notice.state}>{noticeStateLabel(notice)}</span>,
          },
        ]}
      />

      <HistoryTable
        heading={
          <Translate id="support.notices.board.auditTitle" description="Notices: heading of their audit log">
            Audit log
          </Translate>
        }
        empty={
          <Translate id="support.notices.board.auditEmpty" description="Notices: nothing in their audit log">
            Nothing yet.
          </Translate>
        }
        entries={board.auditLog}
        locale={locale}
        columns={[
          {
            heading: (
              <Translate id="support.notices.column.who" description="Notices: table column">
                Who
              </Translate>
            ),
            cell: (entry) => actorLabel(entry.actor),
          },
          {
            heading: (
              <Translate id="support.notices.column.what" description="Notices: table column">
                What
              </Translate>
            ),
            cell: (entry) => (
              <span data-audit-action={entry.action}>
                {auditActionLabel(entry.action)}
                {auditDetailsLabel(entry, locale) && ` · ${auditDetailsLabel(entry, locale)}`}
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
