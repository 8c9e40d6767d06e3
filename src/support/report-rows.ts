import type { Locale } from '@site/shared/locale';
import type { SupportReport } from './api';

type Helpfulness = SupportReport['helpfulness'][number];

/** One page's answers in one language. */
export interface Counts {
  yes: number;
  no: number;
  reasons: Helpfulness['reasons'];
}

/** One page (an article or a troubleshooter step), its answers side by side per language. */
export interface HelpfulnessRow {
  target: string;
  title: string;
  byLocale: Partial<Record<Locale, Counts>>;
}

/**
 * The report's answers of one kind, one row per page. `listed` pages come first and stay even
 * without an answer (an article nobody rated is worth seeing); others follow as the report lists
 * them, titled by `titleOf` (a page the site no longer has keeps its id).
 */
export function helpfulnessRows(
  helpfulness: readonly Helpfulness[],
  kind: Helpfulness['kind'],
  listed: readonly { target: string; title: string }[],
  titleOf: (target: string) => string,
): HelpfulnessRow[] {
  const rows = new Map<string, HelpfulnessRow>(
    listed.map(({ target, title }) => [target, { target, title, byLocale: {} }]),
  );
  for (const entry of helpfulness) {
    if (entry.kind !== kind) continue;
    const row = rows.get(entry.target) ?? {
      target: entry.target,
      title: titleOf(entry.target),
      byLocale: {},
    };
    row.byLocale[entry.locale] = { yes: entry.yes, no: entry.no, reasons: entry.reasons };
    rows.set(entry.target, row);
  }
  return [...rows.values()];
}
