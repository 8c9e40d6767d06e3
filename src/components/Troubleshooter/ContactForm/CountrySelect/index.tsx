/**
 * The country of a phone number typed without its country code (`06 39 98 01 23`), for the
 * troubleshooter's contact field and the support lookup alike. North America comes first and is the
 * default in both languages: a `+1` number reads the same whatever is chosen.
 */
import { useMemo, type ReactNode } from 'react';
import { translate } from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import {
  NORTH_AMERICA,
  PHONE_COUNTRIES,
  phoneCountryOrder,
  type PhoneCountry,
} from '@site/shared/phone-countries';
import styles from './styles.module.css';

interface Props {
  id: string;
  value: PhoneCountry;
  onChange: (country: PhoneCountry) => void;
  locale: Locale;
  /** Ids of texts that describe the select (a hint, an error). */
  describedBy?: string;
}

/** Each country by its name in the page's language, from the browser's own list (no table to keep). */
function useCountryNames(locale: Locale): (country: PhoneCountry) => string {
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale === 'fr' ? 'fr-CA' : 'en-CA'], { type: 'region' });
    return (country: PhoneCountry) =>
      country === NORTH_AMERICA
        ? translate({
            id: 'phoneCountry.northAmerica',
            message: 'Canada / United States',
            description: 'Country selector of a phone number: the +1 countries',
          })
        : (names.of(country) ?? country);
  }, [locale]);
}

export default function CountrySelect({ id, value, onChange, locale, describedBy }: Props): ReactNode {
  const nameOf = useCountryNames(locale);
  const order = useMemo(() => phoneCountryOrder(locale, nameOf), [locale, nameOf]);
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {translate({
          id: 'phoneCountry.label',
          message: 'Country of the phone number',
          description: 'Label of the country selector next to a contact field',
        })}
      </label>
      <select
        id={id}
        className={styles.select}
        value={value}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value as PhoneCountry)}
      >
        {order.map((country) => (
          <option key={country} value={country}>
            {`${nameOf(country)} (+${PHONE_COUNTRIES[country]})`}
          </option>
        ))}
      </select>
    </div>
  );
}
