import type { ReactNode } from 'react';
import { ruleText, type RuleName } from '@site/shared/rules-text';
import { useLocale } from '@site/src/utils/use-locale';
import { useRules } from '@site/src/utils/use-rules';

/**
 * A rule's number as the server enforces it, in the page's language: `<Rule name="code-lifetime" />`
 * renders "10 minutes" in English and « 10 minutes » in French. Articles write every code
 * lifetime, resend interval, limit and password length through it (the content check refuses
 * the numbers written out).
 */
export default function Rule({ name }: { name: RuleName }): ReactNode {
  return ruleText(useRules(), name, useLocale());
}
