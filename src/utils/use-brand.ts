import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type { Brand } from '../../brand.config';

/** The brand of `brand.config.ts`, as the site config carries it to the browser (`customFields.brand`). */
export function useBrand(): Brand {
  const { siteConfig } = useDocusaurusContext();
  return siteConfig.customFields?.brand as Brand;
}

/** The word for the organisation that invites workers, in the page's language. */
export function useEmployerWord(): string {
  const { i18n } = useDocusaurusContext();
  const { employerWord } = useBrand();
  return i18n.currentLocale === 'fr' ? employerWord.fr : employerWord.en;
}
