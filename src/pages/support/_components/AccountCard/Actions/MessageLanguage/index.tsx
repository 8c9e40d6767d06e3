import type { ReactNode } from 'react';
import { LOCALES, type Locale } from '@site/shared/locale';

/** Each language by its own name, as language menus show them. */
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français' };

interface Props {
  label: ReactNode;
  value: Locale;
  onChange: (locale: Locale) => void;
}

/** The language of a message to the worker: theirs by default, which need not be the agent's. */
export default function MessageLanguage({ label, value, onChange }: Props): ReactNode {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(event) => onChange(event.target.value as Locale)}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LANGUAGE_NAMES[locale]}
          </option>
        ))}
      </select>
    </label>
  );
}
