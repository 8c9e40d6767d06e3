import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../../server/config/public';
import { LOCALES } from '../../../shared/locale';
import { buildSearchDocument, loadSearchDocuments, searchPhrases } from './documents';

const siteDir = path.resolve(__dirname, '../../..');
const sayer = { rules: loadRules(), locale: 'en' as const };

describe('the search documents', () => {
  // Moved from e2e/support-feedback.spec.ts with the old plugin's index file: the documents are
  // what the search index holds now.
  it.each(LOCALES)('hold the sections, not the feedback box (%s)', (locale) => {
    const index = JSON.stringify(loadSearchDocuments(siteDir, { ...sayer, locale }));
    expect(index).toContain('request-unlock-again');
    expect(index).not.toMatch(/Was this article helpful|Cet article vous a-t-il aidé/);
  });

  it('read an article as its reader sees it: rules said, markup gone, headings as sections', () => {
    const source = [
      '---',
      'title: "A code"',
      'description: D',
      'search_phrases:',
      '  - code expired',
      '  - "code doesn\'t work"',
      '---',
      '',
      'import Thing from "x";',
      '',
      '## A code expires after <Rule name="code-lifetime" /> {#expired}',
      '',
      'See **[the other article](./other.mdx#x)**, then `retry`.',
      '',
      ':::warning[Older codes]',
      '- <Thing /> one',
      ':::',
    ].join('\n');
    expect(buildSearchDocument({ id: 'a', path: '/docs/a', source }, sayer)).toEqual({
      id: 'a',
      path: '/docs/a',
      title: 'A code',
      description: 'D',
      phrases: ['code expired', "code doesn't work"],
      sections: [{ id: 'expired', title: 'A code expires after 10 minutes' }],
      body: 'See the other article, then retry. Older codes one',
    });
  });

  it('has no phrases for an article without the field', () => {
    expect(searchPhrases('---\ntitle: T\n---\n')).toBeNull();
  });
});
