/**
 * French typography (STYLE.md): a no-break space before `: ; ? !` and inside « », the typographic
 * apostrophe, explicit admonition titles; in the articles and in the translation files.
 */
import { FR_THEME, type Problem } from './content-problem';
import { parseFrontMatter, proseLines, stripMarkup } from './markdown';

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';
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
    } else if (char === "'" && /\p{L}/u.test(before ?? '') && /[\p{L}[*_]/u.test(text[index + 1] ?? '')) {
      // Before a letter, or the markup around one: l'[assistant](…), l'**App Store**.
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
