/**
 * One voice: the glossary (content/glossary.json) names one word per concept in each language and
 * the words not to use. This checks the articles, the UI strings (the French translation files,
 * the English messages of the public pages) and French buttons (infinitives, not imperatives);
 * tests/message-continuations.test.ts runs the same matcher on every message the API sends.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { FR_DOCS, type Problem } from './content-problem';
import { parseFrontMatter, proseLines, stripMarkup } from './markdown';

export type Avoid = string | { text: string; case?: boolean } | { pattern: string };

export interface GlossaryEntry {
  concept: string;
  en: { use: string; avoid: Avoid[] };
  fr: { use: string; avoid: Avoid[] };
  note?: string;
}

export interface Glossary {
  concepts: GlossaryEntry[];
  buttons: { keys: string[] };
}

type Locale = 'en' | 'fr';

interface Matcher {
  regex: RegExp;
  concept: string;
  use: string;
}

export interface CompiledGlossary {
  en: Matcher[];
  fr: Matcher[];
  buttonKeys: RegExp[];
}

export interface Finding {
  index: number;
  found: string;
  concept: string;
  use: string;
}

export const GLOSSARY_FILE = 'content/glossary.json';

export function loadGlossary(root: string): Glossary {
  return JSON.parse(readFileSync(path.join(root, GLOSSARY_FILE), 'utf8')) as Glossary;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phrase as a whole-word regex that any apostrophe and any space (no-break ones too) match. */
function phrase(text: string, caseSensitive: boolean): RegExp {
  const body = escape(text).replace(/['’]/g, "['’]").replace(/ /g, '[\\s\\u00a0\\u202f]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, caseSensitive ? 'gu' : 'giu');
}

export function compileGlossary(glossary: Glossary): CompiledGlossary {
  const matchers = (locale: Locale) =>
    glossary.concepts.flatMap((entry) =>
      entry[locale].avoid.map((avoid) => ({
        regex:
          typeof avoid === 'string'
            ? phrase(avoid, false)
            : 'pattern' in avoid
              ? new RegExp(avoid.pattern, 'giu')
              : phrase(avoid.text, avoid.case ?? false),
        concept: entry.concept,
        use: entry[locale].use,
      })),
    );
  return {
    en: matchers('en'),
    fr: matchers('fr'),
    buttonKeys: glossary.buttons.keys.map((key) => new RegExp(key)),
  };
}

/** The words of `text` the glossary says not to use, in `locale`. */
export function findAvoidedWords(text: string, locale: Locale, glossary: CompiledGlossary): Finding[] {
  const spaced = text.replace(/[\u00a0\u202f]/g, ' ');
  return glossary[locale].flatMap(({ regex, concept, use }) =>
    [...spaced.matchAll(regex)].map((match) => ({ index: match.index, found: match[0], concept, use })),
  );
}

/**
 * The imperative a French button starts a clause with (« Vérifiez mon compte », « Je ne sais
 * pas : vérifiez… »), or null. Quoted words are the message's, not the button's.
 */
export function findImperative(label: string): string | null {
  const own = label.replace(/«[^»]*»|“[^”]*”|"[^"]*"/g, '');
  const match = /(?:^|[:;]\s*)([\p{L}’'-]*\p{L}ez)(?![\p{L}])/iu.exec(own.trim());
  return match ? match[1] : null;
}

const describe = (finding: Finding) =>
  `"${finding.found}": the glossary says ${finding.use ? `"${finding.use}"` : 'not to write it'} (${finding.concept})`;

/** An article's title, description, sidebar label and prose, against the glossary. */
export function checkGlossaryArticle(
  file: string,
  source: string,
  locale: Locale,
  glossary: CompiledGlossary,
): Problem[] {
  const lines = source.split('\n');
  const { lineCount } = parseFrontMatter(source);
  const texts: Array<{ line: number; text: string }> = [];
  for (let index = 1; index < lineCount - 1; index += 1) {
    const match = /^(title|description|sidebar_label):\s*(.*)$/.exec(lines[index]);
    if (match) texts.push({ line: index + 1, text: match[2] });
  }
  for (const { line, text } of proseLines(source)) {
    if (/^\s*\[[^\]]+\]:\s*\S+/.test(text)) continue;
    texts.push({ line, text: stripMarkup(text) });
  }
  return texts.flatMap(({ line, text }) =>
    findAvoidedWords(text, locale, glossary).map((finding) => ({ file, line, message: describe(finding) })),
  );
}

/** The messages of a translation file (or English messages by id), and French buttons' mood. */
export function checkGlossaryMessages(
  file: string,
  messages: ReadonlyArray<{ id: string; text: string; line?: number }>,
  locale: Locale,
  glossary: CompiledGlossary,
): Problem[] {
  return messages.flatMap(({ id, text, line }) => {
    const prose = text.replace(/\{[^{}]*\}/g, 'x');
    const problems: Problem[] = findAvoidedWords(prose, locale, glossary).map((finding) => ({
      file,
      line,
      message: `"${id}": ${describe(finding)}`,
    }));
    const imperative =
      locale === 'fr' && glossary.buttonKeys.some((key) => key.test(id)) ? findImperative(prose) : null;
    if (imperative) {
      problems.push({
        file,
        line,
        message: `"${id}": button "${text}" starts with the imperative "${imperative}": French buttons are infinitives (« Vérifier… ») or the worker's words`,
      });
    }
    return problems;
  });
}

const literal = (node: ts.Node | undefined): string | null =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;

/** The English messages of a source file: `translate({ id, message })` and `<Translate id>…</Translate>`. */
export function collectEnglishMessages(
  fileName: string,
  source: string,
): Array<{ id: string; text: string; line: number }> {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Array<{ id: string; text: string; line: number }> = [];
  const lineOf = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'translate' &&
      node.arguments[0] &&
      ts.isObjectLiteralExpression(node.arguments[0])
    ) {
      const property = (name: string) =>
        (node.arguments[0] as ts.ObjectLiteralExpression).properties.find(
          (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(file) === name,
        );
      const text = literal(property('message')?.initializer);
      if (text !== null)
        found.push({ id: literal(property('id')?.initializer) ?? text, text, line: lineOf(node) });
    }
    if (ts.isJsxElement(node) && node.openingElement.tagName.getText(file) === 'Translate') {
      const text = node.children
        .map((child) =>
          ts.isJsxText(child)
            ? child.text
            : ts.isJsxExpression(child)
              ? (literal(child.expression) ?? '')
              : '',
        )
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      const idAttribute = node.openingElement.attributes.properties.find(
        (p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText(file) === 'id',
      );
      const id = idAttribute ? literal(idAttribute.initializer) : null;
      if (text) found.push({ id: id ?? text, text, line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const listFiles = (root: string, dir: string, pattern: RegExp): string[] =>
  existsSync(path.join(root, dir))
    ? readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
        .map((file) => `${dir}/${file.split(path.sep).join('/')}`)
        .filter((file) => pattern.test(file))
        .sort()
    : [];

/** Staff pages and test support are not what workers and employers read. */
const NOT_PUBLIC = /^src\/(support|pages\/support)\/|\.test\.|translate-mock|test-model/;

/** Every article, every French translation file and the English messages of the public pages. */
export function checkGlossaryRepository(root: string): Problem[] {
  if (!existsSync(path.join(root, GLOSSARY_FILE))) {
    return [{ file: GLOSSARY_FILE, message: 'the glossary is missing: one word per concept lives there' }];
  }
  const glossary = compileGlossary(loadGlossary(root));
  const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
  const messagesOf = (file: string) =>
    Object.entries(JSON.parse(read(file)) as Record<string, { message?: string }>)
      .filter((entry): entry is [string, { message: string }] => typeof entry[1]?.message === 'string')
      .map(([id, { message }]) => ({ id, text: message }));
  return [
    ...listFiles(root, 'docs', /\.mdx?$/).flatMap((file) =>
      checkGlossaryArticle(file, read(file), 'en', glossary),
    ),
    ...listFiles(root, FR_DOCS, /\.mdx?$/).flatMap((file) =>
      checkGlossaryArticle(file, read(file), 'fr', glossary),
    ),
    ...listFiles(root, 'i18n/fr', /\.json$/)
      .filter((file) => !file.startsWith(`${FR_DOCS}/`))
      .flatMap((file) => checkGlossaryMessages(file, messagesOf(file), 'fr', glossary)),
    ...listFiles(root, 'src', /\.tsx?$/)
      .filter((file) => !NOT_PUBLIC.test(file))
      .flatMap((file) =>
        checkGlossaryMessages(file, collectEnglishMessages(file, read(file)), 'en', glossary),
      ),
  ];
}
