/**
 * The content check: the rules the link contract and the French style guide set on articles and UI
 * strings, as pure functions over file contents (unit-tested on bad inputs in
 * content-check.test.ts) and one `checkRepository()` that runs them on the repository
 * (tests/content.test.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { LINK_CONTRACT } from '../src/link-contract';

export interface Problem {
  /** Repository-relative path (or a label for in-memory inputs). */
  file: string;
  line?: number;
  message: string;
}

export interface Heading {
  line: number;
  level: number;
  text: string;
  id: string | null;
}

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';
const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// ---------------------------------------------------------------------------------------------
// Markdown structure

interface FrontMatter {
  /** Parsed `key: value` pairs (top-level scalars only: all the articles use). */
  data: Record<string, string>;
  /** Lines of the front matter block including the `---` fences (0 when there is none). */
  lineCount: number;
}

/** Reads the YAML front matter's top-level scalar fields, enough for title, description, slug and id. */
export function parseFrontMatter(source: string): FrontMatter {
  const lines = source.split('\n');
  if (lines[0]?.trim() !== '---') return { data: {}, lineCount: 0 };
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) return { data: {}, lineCount: 0 };
  const data: Record<string, string> = {};
  for (const line of lines.slice(1, end)) {
    const match = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2].trim();
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) {
      value = value.slice(1, -1);
    }
    data[match[1]] = value;
  }
  return { data, lineCount: end + 1 };
}

/**
 * Lines of the body with their 1-based line numbers, minus fenced code blocks (whose `#` lines are
 * not headings and whose punctuation is not prose) and MDX import/export lines.
 */
export function proseLines(source: string): Array<{ line: number; text: string }> {
  const lines = source.split('\n');
  const { lineCount } = parseFrontMatter(source);
  const out: Array<{ line: number; text: string }> = [];
  let fence: string | null = null;
  for (let index = lineCount; index < lines.length; index += 1) {
    const text = lines[index];
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(text);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      continue;
    }
    if (/^(import|export)\s/.test(text)) continue;
    out.push({ line: index + 1, text });
  }
  return out;
}

/** The ATX headings (`## Title {#id}`) of an article, outside code blocks. */
export function extractHeadings(source: string): Heading[] {
  const headings: Heading[] = [];
  for (const { line, text } of proseLines(source)) {
    const match = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
    if (!match) continue;
    const idMatch = /\s*\{#([^}\s]*)\}$/.exec(match[2]);
    headings.push({
      line,
      level: match[1].length,
      text: idMatch ? match[2].slice(0, idMatch.index).trim() : match[2],
      id: idMatch ? idMatch[1] : null,
    });
  }
  return headings;
}

/** Every heading has an explicit, kebab-case id, unique in its article. */
export function checkHeadingIds(file: string, source: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  for (const heading of extractHeadings(source)) {
    if (heading.id === null) {
      problems.push({
        file,
        line: heading.line,
        message: `heading "${heading.text}" has no explicit id: write it as \`${'#'.repeat(heading.level)} ${heading.text} {#some-id}\``,
      });
      continue;
    }
    if (!KEBAB_ID.test(heading.id)) {
      problems.push({
        file,
        line: heading.line,
        message: `heading id "${heading.id}" is not kebab-case (lowercase letters, digits and dashes)`,
      });
    }
    const previous = seen.get(heading.id);
    if (previous !== undefined) {
      problems.push({
        file,
        line: heading.line,
        message: `heading id "${heading.id}" is already used on line ${previous}`,
      });
    } else {
      seen.set(heading.id, heading.line);
    }
  }
  return problems;
}

/** The French twin has the same heading ids as the English article, in the same order. */
export function compareTwinHeadingIds(
  enFile: string,
  enSource: string,
  frFile: string,
  frSource: string,
): Problem[] {
  const en = extractHeadings(enSource).map((h) => h.id ?? '(no id)');
  const fr = extractHeadings(frSource).map((h) => h.id ?? '(no id)');
  if (en.length === fr.length && en.every((id, index) => id === fr[index])) return [];
  const missing = en.filter((id) => !fr.includes(id));
  const extra = fr.filter((id) => !en.includes(id));
  const details = [
    missing.length ? `missing in French: ${missing.join(', ')}` : '',
    extra.length ? `only in French: ${extra.join(', ')}` : '',
    !missing.length && !extra.length ? 'same ids in a different order' : '',
  ].filter(Boolean);
  return [
    {
      file: frFile,
      message: `heading ids differ from ${enFile} (${details.join('; ')}): English [${en.join(', ')}], French [${fr.join(', ')}]`,
    },
  ];
}

/** Articles state a title and a description (the search results and link previews show them). */
export function checkFrontMatter(file: string, source: string): Problem[] {
  const { data } = parseFrontMatter(source);
  return (['title', 'description'] as const)
    .filter((key) => !data[key])
    .map((key) => ({ file, line: 1, message: `front matter has no ${key}` }));
}

/** Relative article paths present on one side only. */
export function compareTwinSets(enFiles: readonly string[], frFiles: readonly string[]): Problem[] {
  const en = new Set(enFiles);
  const fr = new Set(frFiles);
  return [
    ...enFiles
      .filter((file) => !fr.has(file))
      .map((file) => ({ file: `docs/${file}`, message: `has no French twin at ${FR_DOCS}/${file}` })),
    ...frFiles
      .filter((file) => !en.has(file))
      .map((file) => ({ file: `${FR_DOCS}/${file}`, message: `has no English original at docs/${file}` })),
  ];
}

// ---------------------------------------------------------------------------------------------
// Routes

const stripNumberPrefix = (segment: string): string => segment.replace(/^\d+[-_.]\s*/, '');

/**
 * The URL Docusaurus gives a doc (route base `/docs`): the `slug` front matter when set, else its
 * folders plus its `id` (front matter) or file name; `index`, `README` and a file named like its
 * folder are the folder's index page (trailing slash).
 */
export function docRoute(relativeFile: string, source: string): string {
  const { data } = parseFrontMatter(source);
  const dir = path.posix.dirname(relativeFile);
  const dirSegments = dir === '.' ? [] : dir.split('/').map(stripNumberPrefix);
  if (data.slug) {
    if (data.slug.startsWith('/')) return `/docs${data.slug === '/' ? '/' : data.slug}`;
    return `/docs/${[...dirSegments, data.slug].join('/')}`;
  }
  const base = stripNumberPrefix(path.posix.basename(relativeFile).replace(/\.mdx?$/, ''));
  const isIndex =
    !data.id && (/^(index|readme)$/i.test(base) || base === dirSegments[dirSegments.length - 1]);
  if (isIndex) return `/docs/${dirSegments.join('/')}${dirSegments.length ? '/' : ''}`;
  return `/docs/${[...dirSegments, data.id ?? base].join('/')}`;
}

/** The URL of a file of `src/pages` (null for files the pages plugin ignores). */
export function pageRoute(relativeFile: string): string | null {
  if (!/\.(tsx|jsx|ts|js|mdx?)$/.test(relativeFile)) return null;
  if (relativeFile.split('/').some((segment) => segment.startsWith('_'))) return null;
  if (/\.test\.|__tests__/.test(relativeFile)) return null;
  const withoutExt = relativeFile.replace(/\.(tsx|jsx|ts|js|mdx?)$/, '');
  if (withoutExt === 'index') return '/';
  if (withoutExt.endsWith('/index')) return `/${withoutExt.slice(0, -'/index'.length)}/`;
  return `/${withoutExt}`;
}

const sameRoute = (a: string, b: string): boolean =>
  (a.length > 1 ? a.replace(/\/$/, '') : a) === (b.length > 1 ? b.replace(/\/$/, '') : b);

/** Every contract path is served by a doc (in each locale) or a page. */
export function checkLinkContract(
  contract: readonly string[],
  routes: { enDocs: readonly string[]; frDocs: readonly string[]; pages: readonly string[] },
): Problem[] {
  const problems: Problem[] = [];
  for (const contractPath of contract) {
    if (contractPath.startsWith('/docs/')) {
      if (!routes.enDocs.some((route) => sameRoute(route, contractPath))) {
        problems.push({ file: 'docs/', message: `no English article serves ${contractPath}` });
      }
      if (!routes.frDocs.some((route) => sameRoute(route, contractPath))) {
        problems.push({ file: `${FR_DOCS}/`, message: `no French article serves /fr${contractPath}` });
      }
    } else if (!routes.pages.some((route) => sameRoute(route, contractPath))) {
      problems.push({ file: 'src/pages/', message: `no page serves ${contractPath}` });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// UI strings

export interface TranslationUse {
  id: string | null;
  line: number;
}

const literalText = (node: ts.Node | undefined): string | null =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;

/**
 * The translation ids a source file uses, as `write-translations` sees them: `<Translate id>` and
 * `translate({ id })`, falling back to the message when there is no id. `id: null` marks a call
 * whose id is not a string literal (it cannot be extracted or checked).
 */
export function collectTranslationIds(fileName: string, source: string): TranslationUse[] {
  const sourceFile = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const uses: TranslationUse[] = [];
  const lineOf = (node: ts.Node) => sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1;

  const visit = (node: ts.Node): void => {
    if (
      (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) &&
      node.tagName.getText(sourceFile) === 'Translate'
    ) {
      const idAttribute = node.attributes.properties.find(
        (property): property is ts.JsxAttribute =>
          ts.isJsxAttribute(property) && property.name.getText(sourceFile) === 'id',
      );
      if (idAttribute) {
        const initializer = idAttribute.initializer;
        const value =
          initializer && ts.isJsxExpression(initializer)
            ? literalText(initializer.expression)
            : literalText(initializer);
        uses.push({ id: value, line: lineOf(node) });
      } else if (ts.isJsxOpeningElement(node) && ts.isJsxElement(node.parent)) {
        const message = node.parent.children
          .map((child) =>
            ts.isJsxText(child)
              ? child.text
              : ts.isJsxExpression(child)
                ? (literalText(child.expression) ?? '\u0000')
                : '\u0000',
          )
          .join('')
          .trim()
          .replace(/\s+/g, ' ');
        uses.push({ id: message.includes('\u0000') ? null : message, line: lineOf(node) });
      }
    }
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'translate' &&
      node.arguments[0] &&
      ts.isObjectLiteralExpression(node.arguments[0])
    ) {
      const property = (name: string) =>
        (node.arguments[0] as ts.ObjectLiteralExpression).properties.find(
          (p): p is ts.PropertyAssignment =>
            ts.isPropertyAssignment(p) && p.name.getText(sourceFile) === name,
        );
      const idProperty = property('id');
      const messageProperty = property('message');
      const id = idProperty ? literalText(idProperty.initializer) : literalText(messageProperty?.initializer);
      uses.push({ id, line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return uses;
}

/** Every id a source file uses has an entry in the French code.json. */
export function checkUiStrings(
  file: string,
  uses: readonly TranslationUse[],
  frenchMessages: Readonly<Record<string, unknown>>,
): Problem[] {
  return uses.flatMap(({ id, line }) => {
    if (id === null) {
      return [
        { file, line, message: 'translation id is not a string literal: it cannot be extracted or checked' },
      ];
    }
    if (!Object.hasOwn(frenchMessages, id)) {
      return [{ file, line, message: `UI string "${id}" has no entry in i18n/fr/code.json` }];
    }
    return [];
  });
}

// ---------------------------------------------------------------------------------------------
// French typography

const NBSP_ENTITY = /(&nbsp;|&#160;|&#xa0;|&#8239;|&#x202f;)$/i;
const isNbsp = (char: string | undefined): boolean => char === NBSP || char === NARROW_NBSP;

export interface TypographyIssue {
  /** 0-based offset in the checked text. */
  index: number;
  message: string;
}

/**
 * French rules for running text: a non-breaking space (U+00A0 or the narrow U+202F) before `:` `;`
 * `?` `!`, and inside « »; the typographic apostrophe (’) between letters. The text must already be
 * free of code, URLs and markup.
 */
export function checkFrenchText(text: string): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    const before = text[index - 1];
    if (char === ':' || char === ';' || char === '?' || char === '!') {
      if (index === 0 || before === '\n') continue;
      // The semicolon that ends a character reference (&nbsp;) is not punctuation.
      if (char === ';' && /&#?\w+$/.test(text.slice(0, index))) continue;
      if (isNbsp(before) || NBSP_ENTITY.test(text.slice(0, index))) continue;
      // The space goes before the first mark of a group like "?!" or "!!".
      if ((char === '?' || char === '!') && (before === '?' || before === '!')) continue;
      // Times and ratios (10:30, 4:3) are not punctuation.
      if (char === ':' && /\d/.test(before) && /\d/.test(text[index + 1] ?? '')) continue;
      issues.push({
        index,
        message:
          before === ' '
            ? `plain space before "${char}": use a non-breaking space (U+00A0)`
            : `no space before "${char}": French puts a non-breaking space (U+00A0) before it`,
      });
    } else if (char === "'" && /\p{L}/u.test(before ?? '') && /\p{L}/u.test(text[index + 1] ?? '')) {
      issues.push({ index, message: 'straight apostrophe: French text uses the typographic one (’)' });
    } else if (char === '«') {
      const after = text[index + 1];
      if (!isNbsp(after) && !/^(&nbsp;|&#160;|&#xa0;|&#8239;|&#x202f;)/i.test(text.slice(index + 1))) {
        issues.push({ index, message: 'no non-breaking space after "«"' });
      }
    } else if (char === '»') {
      if (!isNbsp(before) && !NBSP_ENTITY.test(text.slice(0, index))) {
        issues.push({ index, message: 'no non-breaking space before "»"' });
      }
    }
  }
  return issues;
}

/**
 * Replaces what is not prose (inline code, URLs, link targets, tags, MDX expressions, heading ids)
 * with a neutral letter, so that the punctuation right after it is still checked.
 */
export function stripMarkup(line: string): string {
  return (
    line
      .replace(/`+[^`]*`+/g, 'x')
      .replace(/<!--.*?-->/g, '')
      .replace(/\{\/\*.*?\*\/\}/g, '')
      .replace(/\s*\{#[^}]*\}\s*$/, '')
      // A link keeps its text and loses its target; an image loses everything.
      .replace(/!\[[^\]]*\]\([^)]*\)/g, 'x')
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/\]\[[^\]]*\]/g, ']')
      .replace(/<[A-Za-z/][^>]*>/g, 'x')
      .replace(/\b[a-z][a-z+.-]*:\/\/\S+/gi, 'x')
      .replace(/\b(mailto|tel):\S+/gi, 'x')
      .replace(/\{[^{}]*\}/g, 'x')
  );
}

/** The French typography of an article: its title and description, then every prose line. */
export function checkFrenchArticle(file: string, source: string): Problem[] {
  const problems: Problem[] = [];
  const lines = source.split('\n');
  const { lineCount } = parseFrontMatter(source);
  for (let index = 1; index < lineCount - 1; index += 1) {
    const match = /^(title|description|sidebar_label):\s*(.*)$/.exec(lines[index]);
    if (!match) continue;
    for (const issue of checkFrenchText(match[2].replace(/^["']|["']$/g, ''))) {
      problems.push({ file, line: index + 1, message: `${issue.message}: ${match[0].trim()}` });
    }
  }
  for (const { line, text } of proseLines(source)) {
    // Link reference definitions are URLs; an admonition fence keeps only its title.
    if (/^\s*\[[^\]]+\]:\s*\S+/.test(text)) continue;
    const prose = stripMarkup(text.replace(/^\s*:{3,}[\w-]*\s*/, ''));
    for (const issue of checkFrenchText(prose)) {
      problems.push({ file, line, message: `${issue.message}: "${excerpt(prose, issue.index)}"` });
    }
  }
  return problems;
}

const excerpt = (text: string, index: number): string =>
  text
    .slice(Math.max(0, index - 25), index + 1)
    .replaceAll(NBSP, '⍽')
    .trim();

/** French admonitions carry an explicit title (`:::tip[Bon à savoir]`), not the theme's generic one. */
export function checkFrenchAdmonitionTitles(file: string, source: string): Problem[] {
  return proseLines(source).flatMap(({ line, text }) => {
    const match = /^\s*:{3,}([\w-]+)(.*)$/.exec(text);
    if (!match) return [];
    const title = match[2].replace(/\{[^}]*\}/g, '').trim();
    return title ? [] : [{ file, line, message: `admonition ":::${match[1]}" has no explicit title` }];
  });
}

/** The French messages of a translation file (code.json, navbar.json...) follow French typography. */
export function checkFrenchMessages(file: string, messages: Readonly<Record<string, unknown>>): Problem[] {
  return Object.entries(messages).flatMap(([id, entry]) => {
    const message = (entry as { message?: unknown })?.message;
    if (typeof message !== 'string') return [{ file, message: `"${id}" has no message` }];
    // ICU placeholders ({count}) are not prose.
    const prose = message.replace(/\{[^{}]*\}/g, 'x');
    return checkFrenchText(prose).map((issue) => ({
      file,
      message: `"${id}": ${issue.message}: "${excerpt(prose, issue.index)}"`,
    }));
  });
}

/**
 * The brand lives in server/config/public.ts only. `write-translations` copies the navbar title and the
 * footer copyright into the theme's translation files, which would freeze the default brand name
 * in French: those keys must stay out.
 */
export function checkNoFrozenBrand(
  navbar: Readonly<Record<string, unknown>>,
  footer: Readonly<Record<string, unknown>>,
): Problem[] {
  return [
    ...('title' in navbar
      ? [
          {
            file: `${FR_THEME}/navbar.json`,
            message: '"title" must not be translated here (server/config/public.ts)',
          },
        ]
      : []),
    ...('copyright' in footer
      ? [
          {
            file: `${FR_THEME}/footer.json`,
            message: '"copyright" must not be translated here (server/config/public.ts)',
          },
        ]
      : []),
  ];
}

// ---------------------------------------------------------------------------------------------
// The repository

export const FR_DOCS = 'i18n/fr/docusaurus-plugin-content-docs/current';
export const FR_THEME = 'i18n/fr/docusaurus-theme-classic';

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
  };
}

/** One line per problem, for test failure messages. */
export const formatProblems = (problems: readonly Problem[]): string =>
  problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('\n');
