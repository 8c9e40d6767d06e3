/**
 * The structure every article keeps in both languages: a title and a description, an explicit
 * kebab-case id on every heading, and a French twin with the same ids in the same order.
 */
import { FR_DOCS, type Problem } from './content-problem';
import { extractHeadings, parseFrontMatter } from './markdown';

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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
