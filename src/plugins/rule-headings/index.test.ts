import { describe, expect, it } from 'vitest';
import { loadRules } from '../../../server/config/public';
import { ruleText } from '../../../shared/rules-text';
import remarkRuleHeadings from '.';

const rules = loadRules();
const rule = (name: string) => ({
  type: 'mdxJsxTextElement',
  name: 'Rule',
  attributes: [{ type: 'mdxJsxAttribute', name: 'name', value: name }],
  children: [],
  position: { start: { line: 17 } },
});
// "## A code expires after <Rule name="code-lifetime" /> {#expired}", then a paragraph with a rule,
// as MDX parses them.
const article = (name = 'code-lifetime') => ({
  type: 'root',
  children: [
    {
      type: 'heading',
      children: [
        { type: 'text', value: 'A code expires after ' },
        { type: 'strong', children: [rule(name)] },
        { type: 'text', value: ' {#expired}' },
      ],
    },
    { type: 'paragraph', children: [{ type: 'text', value: 'It works for ' }, rule('code-lifetime')] },
  ],
});

type Node = { value?: string; children?: Node[] };
/** The text a node shows (what the table of contents keeps of a heading). */
const textOf = (node: Node): string => node.value ?? (node.children ?? []).map(textOf).join('');

describe('remarkRuleHeadings', () => {
  it('writes a heading’s rule as text, in the build’s language, and leaves the body’s component', () => {
    for (const locale of ['en', 'fr'] as const) {
      const tree = article();
      remarkRuleHeadings({ rules, locale })(tree, { path: 'docs/a.mdx' });
      expect(textOf(tree.children[0])).toBe(
        `A code expires after ${ruleText(rules, 'code-lifetime', locale)} {#expired}`,
      );
      expect(tree.children[1].children[1]).toMatchObject({ type: 'mdxJsxTextElement', name: 'Rule' });
    }
  });

  it('fails the build on an unknown rule, naming the file and line', () => {
    expect(() =>
      remarkRuleHeadings({ rules, locale: 'en' })(article('code-ttl'), { path: 'docs/a.mdx' }),
    ).toThrow('docs/a.mdx:17: <Rule> in a heading needs a known name, not "code-ttl"');
  });
});
