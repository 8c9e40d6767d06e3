import { translate } from '@docusaurus/Translate';
import { usePluralForm } from '@docusaurus/theme-common';
import type { Locale } from '@site/shared/locale';
import { formatPercent } from './labels';

/**
 * "2 of 3 helpful (67 %)": the plural follows the helpful answers, as French needs it
 * (« 0 sur 1 utile », « 2 sur 3 utiles »).
 */
export function useHelpfulRatio(): (counts: { yes: number; no: number }, locale: Locale) => string {
  const { selectMessage } = usePluralForm();
  return ({ yes, no }, locale) =>
    selectMessage(
      yes,
      translate(
        {
          id: 'support.reports.ratio',
          message: '{yes} of {total} helpful ({percent})',
          description:
            'Reports: helpful answers out of all answers (plural forms, by the helpful count, separated by |)',
        },
        { yes, total: yes + no, percent: formatPercent(yes / (yes + no), locale) },
      ),
    );
}
