import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type { Rules } from '@site/server/config/public';
import { ruleValues, type RulePlaceholders } from '@site/shared/rules-text';
import { useLocale } from './use-locale';

/**
 * The public rules the site was built with (`customFields.rules`, read by docusaurus.config.ts
 * from the same variables and defaults as the server; `npm start` rebuilds the site when they
 * change). For texts only: what the browser enforces comes from the API's answers.
 */
export function useRules(): Rules {
  const { siteConfig } = useDocusaurusContext();
  return siteConfig.customFields?.rules as Rules;
}

/** Every rule said in the page's language, as `translate(…, values)` placeholders (`{codeLifetime}`). */
export function useRuleValues(): RulePlaceholders {
  return ruleValues(useRules(), useLocale());
}
