import type { ReactNode } from 'react';

/**
 * The help center has no announcement bar (`themeConfig.announcementBar` is not set), and the
 * theme's would still ship its code on every page. A service notice, when there is one, is a
 * component of its own.
 */
export default function AnnouncementBar(): ReactNode {
  return null;
}
