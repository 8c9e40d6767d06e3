import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type { Locale } from '@site/shared/locale';

/** The page's language. */
export function useLocale(): Locale {
  const { i18n } = useDocusaurusContext();
  return i18n.currentLocale === 'fr' ? 'fr' : 'en';
}
