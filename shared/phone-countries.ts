/**
 * The countries a phone number may be typed for without its country code: the selector next to
 * the contact fields (the troubleshooter's, the support lookup's) and the API's `country` field.
 * `NA` is the North American Numbering Plan (Canada, the United States and their +1 neighbours),
 * the reading of every number typed without a country code.
 */
import type { Locale } from './locale';

/** Calling codes per country (ISO 3166 region), the ones workers of the help center come from most. */
export const PHONE_COUNTRIES = {
  NA: '1',
  FR: '33',
  BE: '32',
  CH: '41',
  GB: '44',
  DE: '49',
  ES: '34',
  PT: '351',
  IT: '39',
  MA: '212',
  DZ: '213',
  TN: '216',
  SN: '221',
  CI: '225',
  CM: '237',
  CD: '243',
  HT: '509',
  MX: '52',
  CO: '57',
  BR: '55',
  PH: '63',
  IN: '91',
} as const;

export type PhoneCountry = keyof typeof PHONE_COUNTRIES;

export const PHONE_COUNTRY_CODES = Object.keys(PHONE_COUNTRIES) as PhoneCountry[];

export const NORTH_AMERICA: PhoneCountry = 'NA';

export const isPhoneCountry = (value: unknown): value is PhoneCountry =>
  typeof value === 'string' && Object.hasOwn(PHONE_COUNTRIES, value);

/**
 * The selector's order in a language: North America first in both (most workers have `+1`
 * numbers, on the French pages too, and every North American format reads the same whatever is
 * chosen), then France on the French pages, then the others by name.
 */
export function phoneCountryOrder(locale: Locale, nameOf: (country: PhoneCountry) => string): PhoneCountry[] {
  const first: PhoneCountry[] = locale === 'fr' ? ['NA', 'FR'] : ['NA'];
  const rest = PHONE_COUNTRY_CODES.filter((country) => !first.includes(country)).sort((a, b) =>
    nameOf(a).localeCompare(nameOf(b), locale),
  );
  return [...first, ...rest];
}

const PHONE_LIKE = /^\+?[\d\s().\-/]+$/;

/**
 * A national number (a leading trunk `0`, never North American) written with the chosen country's
 * code, for a form whose API call carries no country: `06 39 98 01 23` in France is
 * `+33 06 39 98 01 23`, which the API reads as `+33 6 39 98 01 23`. Anything else, every North
 * American format among it (`011 33…` too), is left exactly as typed.
 */
export function withCountryCode(typed: string, country: PhoneCountry): string {
  const value = typed.normalize('NFKC').trim();
  // 00 is already international; 011 is North America's international prefix.
  if (country === NORTH_AMERICA || !PHONE_LIKE.test(value) || !/^0(?!0|11)/.test(value)) return typed;
  return `+${PHONE_COUNTRIES[country]} ${value}`;
}
