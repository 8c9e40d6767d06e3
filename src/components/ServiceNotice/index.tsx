/**
 * Where a service notice appears (home page, login articles, troubleshooter): a polite live region,
 * empty and taking no room until there is something to say. Its code and the API call come after
 * the page is interactive (an idle moment), so they add nothing to what the page loads first.
 */
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { useLocale } from '@site/src/utils/use-locale';
import type { Locale } from '@site/shared/locale';

type Body = ComponentType<{ locale: Locale }>;

export default function ServiceNotice(): ReactNode {
  const locale = useLocale();
  const [Notices, setNotices] = useState<Body | null>(null);
  useEffect(() => {
    let current = true;
    const load = () =>
      void import('./NoticeList').then(
        (module) => current && setNotices(() => module.default),
        // Offline or a new deployment: no notice is better than an error.
        () => undefined,
      );
    const idle = window.requestIdleCallback?.(load, { timeout: 2000 }) ?? window.setTimeout(load, 200);
    return () => {
      current = false;
      if (window.cancelIdleCallback) window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, []);
  return (
    <div aria-live="polite" data-service-notices>
      {Notices && <Notices locale={locale} />}
    </div>
  );
}
