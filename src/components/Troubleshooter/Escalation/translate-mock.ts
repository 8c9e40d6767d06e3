/**
 * Test support (no page imports it): `translate()` as Docusaurus runs it, in English (the source's
 * messages) or in French (i18n/fr/code.json), for `vi.mock('@docusaurus/Translate', …)`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const french = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../../i18n/fr/code.json'), 'utf8'),
) as Record<string, { message: string }>;

export const language = { current: 'en' as 'en' | 'fr' };

export function translate(
  { id, message }: { id: string; message: string },
  values?: Record<string, string | number>,
): string {
  const text = language.current === 'fr' ? (french[id]?.message ?? `<missing ${id}>`) : message;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    values?.[name] === undefined ? placeholder : String(values[name]),
  );
}
