import type { Locale } from './locale';

const MONTHS: Record<Locale, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
};

/**
 * A calendar day in UTC as the language writes it short: "Dec 1, 2026", « 1 déc. 2026 » — the text
 * `Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })`
 * gives (tested against it), without creating a formatter: a browser's first `Intl.DateTimeFormat` loads
 * its locale data, ~54 ms with the CPU slowed 4× (Lighthouse's phone), inside the hydration of every article.
 */
export function formatDay(time: number | string | Date, locale: Locale): string {
  const date = new Date(time);
  const day = date.getUTCDate();
  const month = MONTHS[locale][date.getUTCMonth()];
  const year = date.getUTCFullYear();
  return locale === 'fr' ? `${day}\u00a0${month}\u00a0${year}` : `${month} ${day}, ${year}`;
}
