import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type { Brand } from '@site/server/config/public';

/** The brand (server/config/public.ts), as the site config carries it to the browser (`customFields.brand`). */
export function useBrand(): Brand {
  const { siteConfig } = useDocusaurusContext();
  return siteConfig.customFields?.brand as Brand;
}

/** The word for the organization that invites workers, in the page's language. */
export function useEmployerWord(): string {
  const { i18n } = useDocusaurusContext();
  const { employerWord } = useBrand();
  return i18n.currentLocale === 'fr' ? employerWord.fr : employerWord.en;
}
