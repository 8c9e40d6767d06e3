/**
 * The content check: the rules the link contract, the French style guide and the public rules set
 * on articles and UI strings, as pure functions over file contents (unit-tested on bad inputs in
 * content-check.test.ts) and one `checkRepository()` that runs them on the repository
 * (tests/content.test.ts). The checks live by subject in the modules beside this one; the markdown
 * reading in `markdown.ts`, which the site build loads too and which therefore imports nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LINK_CONTRACT } from '../src/link-contract';
import {
  checkFrontMatter,
  checkHeadingIds,
  compareTwinHeadingIds,
  compareTwinSets,
} from './content-articles';
import {
  checkFrenchAdmonitionTitles,
  checkFrenchArticle,
  checkFrenchMessages,
  checkNoFrozenBrand,
} from './content-french';
import { checkGlossaryRepository } from './content-glossary';
import { FR_DOCS, FR_THEME, type Problem } from './content-problem';
import { checkLinkContract, docRoute, pageRoute } from './content-routes';
import { checkRuleNames, checkRuleNumbers } from './content-rules';
import { checkSearchPhrases } from './content-search';
import { checkUiStrings, collectTranslationIds } from './content-ui-strings';

export * from './content-articles';
export * from './content-french';
export * from './content-glossary';
export * from './content-problem';
export * from './content-routes';
export * from './content-rules';
export * from './content-search';
export * from './content-ui-strings';
export * from './markdown';

export interface ContentReport {
  twins: Problem[];
  frontMatter: Problem[];
  headingIds: Problem[];
  twinHeadingIds: Problem[];
  linkContract: Problem[];
  uiStrings: Problem[];
  frenchTypography: Problem[];
  frenchAdmonitions: Problem[];
  brand: Problem[];
  ruleNumbers: Problem[];
  ruleNames: Problem[];
  searchPhrases: Problem[];
  glossary: Problem[];
}

const listFiles = (root: string, dir: string, pattern: RegExp): string[] =>
  existsSync(path.join(root, dir))
    ? readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
        .map((file) => file.split(path.sep).join('/'))
        .filter((file) => pattern.test(file))
        .sort()
    : [];

const readJson = (file: string): Record<string, unknown> =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};

/** Runs every check on the repository at `root`. */
export function checkRepository(root: string): ContentReport {
  const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
  const enArticles = listFiles(root, 'docs', /\.mdx?$/);
  const frArticles = listFiles(root, FR_DOCS, /\.mdx?$/);
  const en = new Map(enArticles.map((file) => [file, read(`docs/${file}`)]));
  const fr = new Map(frArticles.map((file) => [file, read(`${FR_DOCS}/${file}`)]));
  const all = [
    ...[...en].map(([file, source]) => [`docs/${file}`, source] as const),
    ...[...fr].map(([file, source]) => [`${FR_DOCS}/${file}`, source] as const),
  ];

  const sourceFiles = listFiles(root, 'src', /\.(tsx?|jsx?)$/).filter((file) => !/\.test\./.test(file));
  const frenchCode = readJson(path.join(root, 'i18n/fr/code.json'));
  // The translation files only: category metadata (`_category_.json`) in the docs folder is not one.
  const frenchJsonFiles = listFiles(root, 'i18n/fr', /\.json$/)
    .filter((file) => !file.startsWith('docusaurus-plugin-content-docs/current/'))
    .map((file) => `i18n/fr/${file}`);

  return {
    twins: compareTwinSets(enArticles, frArticles),
    frontMatter: all.flatMap(([file, source]) => checkFrontMatter(file, source)),
    headingIds: all.flatMap(([file, source]) => checkHeadingIds(file, source)),
    twinHeadingIds: [...en].flatMap(([file, source]) =>
      fr.has(file) ? compareTwinHeadingIds(`docs/${file}`, source, `${FR_DOCS}/${file}`, fr.get(file)!) : [],
    ),
    linkContract: checkLinkContract(LINK_CONTRACT, {
      enDocs: [...en].map(([file, source]) => docRoute(file, source)),
      frDocs: [...fr].map(([file, source]) => docRoute(file, source)),
      pages: listFiles(root, 'src/pages', /./)
        .map(pageRoute)
        .filter((route): route is string => route !== null),
    }),
    uiStrings: sourceFiles.flatMap((file) =>
      checkUiStrings(`src/${file}`, collectTranslationIds(file, read(`src/${file}`)), frenchCode),
    ),
    frenchTypography: [
      ...[...fr].flatMap(([file, source]) => checkFrenchArticle(`${FR_DOCS}/${file}`, source)),
      ...frenchJsonFiles.flatMap((file) => checkFrenchMessages(file, readJson(path.join(root, file)))),
    ],
    frenchAdmonitions: [...fr].flatMap(([file, source]) =>
      checkFrenchAdmonitionTitles(`${FR_DOCS}/${file}`, source),
    ),
    brand: checkNoFrozenBrand(
      readJson(path.join(root, `${FR_THEME}/navbar.json`)),
      readJson(path.join(root, `${FR_THEME}/footer.json`)),
    ),
    ruleNumbers: all.flatMap(([file, source]) => checkRuleNumbers(file, source)),
    ruleNames: all.flatMap(([file, source]) => checkRuleNames(file, source)),
    searchPhrases: all.flatMap(([file, source]) => checkSearchPhrases(file, source)),
    glossary: checkGlossaryRepository(root),
  };
}
