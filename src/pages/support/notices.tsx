import '@site/src/i18n/support';
import { useEffect, useState, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { isUnauthorized, supportApi, type NoticeBoard as Board } from '@site/src/support/api';
import { useLocale } from '@site/src/utils/use-locale';
import NoticeBoard from './_components/NoticeBoard';
import NoticeEditor from './_components/NoticeEditor';
import SignedInPage from './_components/SignedInPage';

function Notices({ token, onUnauthorized }: { token: string; onUnauthorized: () => void }): ReactNode {
  const locale = useLocale();
  const [board, setBoard] = useState<Board | null>(null);
  const [unreachable, setUnreachable] = useState(false);

  useEffect(() => {
    let current = true;
    void supportApi.notices(token, locale).then((outcome) => {
      if (!current) return;
      if (outcome.type === 'ok') setBoard(outcome.data);
      else if (isUnauthorized(outcome)) onUnauthorized();
      else setUnreachable(true);
    });
    return () => {
      current = false;
    };
  }, [token, locale, onUnauthorized]);

  return (
    <>
      <NoticeEditor
        publish={(notice) => supportApi.publishNotice(token, locale, notice)}
        onPublished={setBoard}
        onUnauthorized={onUnauthorized}
      />
      {board ? (
        <NoticeBoard
          board={board}
          locale={locale}
          end={(noticeId) => supportApi.endNotice(token, locale, noticeId)}
          onChange={setBoard}
          onUnauthorized={onUnauthorized}
        />
      ) : (
        <p role="status">
          {unreachable
            ? translate({
                id: 'support.notices.unreachable',
                message:
                  'The help center API cannot be reached, so the notices cannot be shown. Try again in a moment.',
                description: 'Notices: the API is down',
              })
            : translate({
                id: 'support.notices.loading',
                message: 'Loading the notices…',
                description: 'Notices: while they load',
              })}
        </p>
      )}
    </>
  );
}

export default function SupportNotices(): ReactNode {
  return (
    <SignedInPage
      title={translate({
        id: 'support.notices.meta.title',
        message: 'Notices for workers',
        description: 'Support page title',
      })}
      description={translate({
        id: 'support.notices.meta.description',
        message: 'Tell workers when messages are slow, in English and French, until a time you choose.',
        description: 'Notices: meta description',
      })}
      heading={
        <Translate id="support.notices.title" description="Support page heading">
          Notices for workers
        </Translate>
      }
    >
      {(session) => <Notices token={session.token} onUnauthorized={session.onUnauthorized} />}
    </SignedInPage>
  );
}
