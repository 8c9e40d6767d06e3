/**
 * Articles state every rule (a lifetime, a limit, a length) through `<Rule name="…" />`, which shows
 * it as the server enforces it: a number written out would go stale the day a deployment changes
 * the rule.
 */
import { isRuleName, RULE_NAMES } from '../shared/rules-text';
import type { Problem } from './content-problem';
import { parseFrontMatter, proseLines, ruleTags, stripMarkup } from './markdown';

const SPACE = String.raw`[\s\u00a0\u202f-]`;
/** A number that is not the tail of a word, a version or a phone prefix (`password123`, `1.5`, `+1`). */
const NUMBER = String.raw`(?<![\p{L}\p{N}_.,+])\d+(?:[.,]\d+)?`;
const WORD = String.raw`\p{L}[\p{L}’']*`;
/** Units a rule is counted in, English and French, that may follow a word or two ("10 failed attempts"). */
const UNITS = [
  'seconds?',
  'secondes?',
  'minutes?',
  'hours?',
  'heures?',
  'days?',
  'jours?',
  'weeks?',
  'semaines?',
  'digits?',
  'chiffres?',
  'characters?',
  'caractères?',
  'letters?',
  'lettres?',
  'tries',
  'try',
  'essais?',
  'attempts?',
  'tentatives?',
  'entries',
  'entry',
  'saisies?',
  'guesses?',
  'times',
  'fois',
  `(?:per|an?|par)${SPACE}+(?:hour|day|heure|jour)`,
].join('|');
/** Abbreviations, only right after the number ("10 min", "24 h"). */
const SHORT_UNITS = 'secs?|mins?|hrs?|h|s';
/** An ordinal counts attempts too ("after the 10th", « après la 10e »). */
const ORDINAL = 'st|nd|rd|th|er|re|e|ème|ᵉ';
const RULE_NUMBER = new RegExp(
  `${NUMBER}(?:${SPACE}?(?:${SHORT_UNITS})|${SPACE}+(?:${WORD}${SPACE}+){0,2}(?:${UNITS})|${ORDINAL})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** The rule numbers written out in a line of prose (already free of code spans and markup). */
export function findRuleNumbers(text: string): Array<{ index: number; text: string }> {
  return [...text.matchAll(RULE_NUMBER)].map((match) => ({ index: match.index, text: match[0] }));
}

const numberProblem = (file: string, line: number, found: string, where: 'body' | 'front matter') => ({
  file,
  line,
  message:
    where === 'body'
      ? `rule number written out: "${found}": write it with <Rule name="…" /> (names in shared/rules-text.ts)`
      : `rule number written out in the front matter: "${found}": reword without it (front matter cannot hold <Rule>)`,
});

/**
 * No rule number written out: not in the front matter (title, description… are plain text for
 * search engines and the search index), not in the body outside code spans. A number and its unit
 * may sit on two lines.
 */
export function checkRuleNumbers(file: string, source: string): Problem[] {
  const problems: Problem[] = [];
  const lines = source.split('\n');
  const { lineCount } = parseFrontMatter(source);
  for (let index = 1; index < lineCount - 1; index += 1) {
    const value = /^[A-Za-z_][\w-]*:\s*(.*)$/.exec(lines[index])?.[1] ?? '';
    for (const found of findRuleNumbers(value)) {
      problems.push(numberProblem(file, index + 1, found.text, 'front matter'));
    }
  }
  const prose = proseLines(source).map(({ line, text }) => ({ line, text: stripMarkup(text) }));
  prose.forEach(({ line, text }, index) => {
    const next = prose[index + 1]?.line === line + 1 ? prose[index + 1].text : '';
    for (const found of findRuleNumbers(`${text} ${next}`)) {
      if (found.index < text.length) problems.push(numberProblem(file, line, found.text.trim(), 'body'));
    }
  });
  return problems;
}

/**
 * Every `<Rule>` of the body names a known rule; the front matter holds none (it is plain text:
 * the tag would show as written).
 */
export function checkRuleNames(file: string, source: string): Problem[] {
  const problems: Problem[] = [];
  const { lineCount } = parseFrontMatter(source);
  source
    .split('\n')
    .slice(0, lineCount)
    .forEach((text, index) => {
      for (const tag of ruleTags(text)) {
        problems.push({
          file,
          line: index + 1,
          message: `${tag.source} in the front matter: it is plain text, reword without the rule`,
        });
      }
    });
  for (const { line, text } of proseLines(source)) {
    for (const tag of ruleTags(text)) {
      if (tag.name !== null && isRuleName(tag.name)) continue;
      problems.push({
        file,
        line,
        message: `${tag.source}: ${
          tag.name === null ? 'no name' : `unknown rule "${tag.name}"`
        } (known: ${RULE_NAMES.join(', ')})`,
      });
    }
  }
  return problems;
}
