import type { Locale } from './locale';

const UNITS = {
  en: {
    second: ['second', 'seconds'],
    minute: ['minute', 'minutes'],
    hour: ['hour', 'hours'],
    day: ['day', 'days'],
  },
  fr: {
    second: ['seconde', 'secondes'],
    minute: ['minute', 'minutes'],
    hour: ['heure', 'heures'],
    day: ['jour', 'jours'],
  },
} as const;

/**
 * A duration as people say it, in whole units: "60 seconds" is said "1 minute", 86,400 seconds
 * "24 hours" (up to two days), a week "7 days"; anything that is not a whole number of a unit is said in the
 * unit below ("90 seconds"). French plural from 2 (« 1 heure », « 24 heures »).
 */
export function formatDuration(seconds: number, locale: Locale): string {
  const s = Math.max(0, Math.round(seconds));
  const [value, unit] =
    s >= 172_800 && s % 86_400 === 0
      ? [s / 86_400, 'day' as const]
      : s >= 3600 && s % 3600 === 0
        ? [s / 3600, 'hour' as const]
        : s >= 60 && s % 60 === 0
          ? [s / 60, 'minute' as const]
          : [s, 'second' as const];
  const [one, many] = UNITS[locale][unit];
  const plural = locale === 'fr' ? value >= 2 : value !== 1;
  // French keeps a number and its unit together (a no-break space).
  return `${value}${locale === 'fr' ? '\u00a0' : ' '}${plural ? many : one}`;
}

/**
 * A wait the way an error message says it: rounded up, in seconds under 90 s, minutes under two
 * hours, hours beyond ("Please wait 45 seconds", « Attendez 3 minutes »).
 */
export function formatWait(seconds: number, locale: Locale): string {
  const s = Math.max(1, Math.ceil(seconds));
  const minutes = Math.ceil(s / 60);
  const [value, unit] =
    s < 90
      ? [s, 'second' as const]
      : minutes < 120
        ? [minutes, 'minute' as const]
        : [Math.ceil(minutes / 60), 'hour' as const];
  const [one, many] = UNITS[locale][unit];
  return `${value} ${value === 1 ? one : many}`;
}
