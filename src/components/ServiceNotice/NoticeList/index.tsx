/** The service notices themselves (loaded after the page is interactive, see ../index.tsx). */
import { useEffect, useState, type ReactNode } from 'react';
import clsx from 'clsx';
import type { Locale } from '@site/shared/locale';
import { fetchServiceStatus, type ServiceNotice } from '@site/src/api/service-status';
import { noticeText } from '../notice-text';
import styles from './styles.module.css';

export function NoticeList({ notices, locale }: { notices: ServiceNotice[]; locale: Locale }): ReactNode {
  if (notices.length === 0) return null;
  return (
    <div className={styles.list}>
      {notices.map((notice) => (
        <p
          key={`${notice.source}:${notice.channel}`}
          className={clsx(
            'alert',
            notice.state === 'down' ? 'alert--danger' : 'alert--warning',
            styles.notice,
          )}
          data-service-notice={notice.channel}
          data-source={notice.source}
          data-state={notice.state ?? 'support'}
        >
          {noticeText(notice, locale)}
        </p>
      ))}
    </div>
  );
}

/** Asks the API once, and shows what there is to say (nothing when all is well or it cannot answer). */
export default function CurrentNotices({ locale }: { locale: Locale }): ReactNode {
  const [notices, setNotices] = useState<ServiceNotice[]>([]);
  useEffect(() => {
    let current = true;
    void fetchServiceStatus(locale).then((outcome) => {
      if (current && outcome.type === 'ok') setNotices(outcome.data.notices);
    });
    return () => {
      current = false;
    };
  }, [locale]);
  return <NoticeList notices={notices} locale={locale} />;
}
