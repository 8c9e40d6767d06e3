import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRepository, formatProblems, type ContentReport } from '../scripts/content-check';

// One run over the repository; each rule is its own test so a failure names the rule and lists
// every offending file and line.
const report = checkRepository(path.resolve(__dirname, '..'));

const rules: Array<[keyof ContentReport, string]> = [
  ['twins', 'every English article has a French twin, and the reverse'],
  ['frontMatter', 'every article has a title and a description'],
  ['headingIds', 'every heading has an explicit, unique, kebab-case id'],
  ['twinHeadingIds', 'twins have the same heading ids in the same order'],
  ['linkContract', 'every page of the link contract exists (docs in both languages, pages)'],
  ['uiStrings', 'every UI string id used in src/ has a French entry in i18n/fr/code.json'],
  ['frenchTypography', 'French articles and translation files use French typography'],
  ['frenchAdmonitions', 'French admonitions have explicit titles'],
  ['brand', 'the brand is not frozen into the French theme translation files'],
  ['ruleNumbers', 'articles write no rule number out: <Rule name="…" /> says it as the server enforces it'],
  ['ruleNames', 'every <Rule> names a known rule, and none is in front matter'],
  ['searchPhrases', 'every article, English and French, lists the search phrases workers type to find it'],
  [
    'glossary',
    'one word per concept (content/glossary.json) in articles and UI strings; French buttons are infinitives',
  ],
];

describe('content', () => {
  it.each(rules)('%s: %s', (rule) => {
    expect(report[rule], `\n${formatProblems(report[rule])}\n`).toEqual([]);
  });
});
