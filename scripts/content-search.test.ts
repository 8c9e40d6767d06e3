import { describe, expect, it } from 'vitest';
import { checkSearchPhrases } from './content-search';

const article = (frontMatter: string) => `---\ntitle: T\ndescription: D\n${frontMatter}\n---\n\nText.\n`;
const messages = (source: string) => checkSearchPhrases('a.mdx', source).map((problem) => problem.message);

describe('search phrases', () => {
  it('accepts a block list of five distinct phrases, quoted or not', () => {
    expect(
      messages(
        article("search_phrases:\n  - code expired\n  - \"code doesn't work\"\n  - 'old code'\n  - a\n  - b"),
      ),
    ).toEqual([]);
  });

  it('asks for them when the article has none', () => {
    expect(messages(article(''))).toEqual([
      'front matter has no search_phrases (what workers type to find this article, in its language)',
    ]);
  });

  it('refuses another YAML form, too few phrases, duplicates and empty ones', () => {
    expect(messages(article('search_phrases: [a, b]'))).toEqual([
      'search_phrases must be a block list, one "  - phrase" line each',
    ]);
    expect(messages(article('search_phrases:\n  - a\n  - b'))).toEqual([
      'search_phrases lists 2 phrases: write at least 5',
    ]);
    expect(messages(article('search_phrases:\n  - Locked\n  - a\n  - locked\n  - ""\n  - c'))).toEqual([
      'search_phrases lists "locked" twice',
      'search_phrases has an empty phrase',
    ]);
  });
});
