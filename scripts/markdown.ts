/**
 * How the articles' markdown is read: front matter, prose lines, headings, `<Rule>` tags. No
 * imports on purpose: the site build loads this module (the support-links plugin reads headings
 * with it) and must not load the TypeScript compiler or anything else the content check needs.
 */

export interface Heading {
  line: number;
  level: number;
  text: string;
  id: string | null;
}

export interface FrontMatter {
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

/** Inline code spans (`` `a` ``, ``` ``a`b`` ```): their text is shown as is, never read as markup. */
const CODE_SPAN = /`+[^`]*`+/g;

/**
 * Replaces what is not prose (inline code, URLs, link targets, tags, MDX expressions, heading ids)
 * with a neutral letter, so that the punctuation right after it is still checked.
 */
export function stripMarkup(line: string): string {
  return (
    line
      .replace(CODE_SPAN, 'x')
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

export interface RuleTag {
  /** The `name` attribute, null when the tag has none (or not as a plain string). */
  name: string | null;
  /** Offset of the tag in the text it was found in. */
  index: number;
  /** The tag as written: `<Rule name="code-lifetime" />`. */
  source: string;
}

/**
 * The `<Rule name="…" />` tags of a line of markdown, outside code spans (a code span shows the tag,
 * it does not render it). `name="x"`, `name='x'` and `name={'x'}` are all a plain string name.
 */
export function ruleTags(text: string): RuleTag[] {
  const visible = text.replace(CODE_SPAN, (span) => ' '.repeat(span.length));
  return [...visible.matchAll(/<Rule\b([^>]*?)\/?>/g)].map((match) => {
    const name = /\bname=(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/.exec(match[1]);
    return {
      name: name ? (name[1] ?? name[2] ?? name[3]) : null,
      index: match.index,
      source: text.slice(match.index, match.index + match[0].length),
    };
  });
}

/** `text` with each `<Rule>` tag replaced by what `say` returns for its name (as a heading reads). */
export function replaceRuleTags(text: string, say: (name: string | null) => string): string {
  let out = '';
  let last = 0;
  for (const tag of ruleTags(text)) {
    out += text.slice(last, tag.index) + say(tag.name);
    last = tag.index + tag.source.length;
  }
  return out + text.slice(last);
}
