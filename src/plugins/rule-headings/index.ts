import type { Rules } from '../../../server/config/public';
import type { Locale } from '../../../shared/locale';
import { isRuleName, ruleText } from '../../../shared/rules-text';

/** The few mdast fields this plugin reads (MDX JSX nodes as `mdast-util-mdx-jsx` makes them). */
interface MdNode {
  type: string;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: MdNode[];
  value?: string;
  position?: { start: { line: number } };
}

export interface RuleHeadingsOptions {
  rules: Rules;
  locale: Locale;
}

/**
 * Writes the rule of each `<Rule name="…" />` of a heading as text, in the build's language. The
 * table of contents keeps a heading as an HTML string that drops components (`<Rule></Rule>`, empty
 * on the page), so a heading such as "A code expires after <Rule name="code-lifetime" />" would
 * lose its number there; the body keeps the component.
 */
export default function remarkRuleHeadings({ rules, locale }: RuleHeadingsOptions) {
  const say = (node: MdNode, file: { path?: string }): MdNode => {
    const name = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'name')?.value;
    if (typeof name !== 'string' || !isRuleName(name)) {
      throw new Error(
        `${file.path ?? 'an article'}:${node.position?.start.line ?? '?'}: <Rule> in a heading needs a known name, not ${JSON.stringify(name ?? null)}`,
      );
    }
    return { type: 'text', value: ruleText(rules, name, locale) };
  };
  const inHeading = (node: MdNode, file: { path?: string }): void => {
    node.children = node.children?.map((child) =>
      child.type === 'mdxJsxTextElement' && child.name === 'Rule' ? say(child, file) : child,
    );
    node.children?.forEach((child) => inHeading(child, file));
  };
  const walk = (node: MdNode, file: { path?: string }): void => {
    if (node.type === 'heading') inHeading(node, file);
    else node.children?.forEach((child) => walk(child, file));
  };
  return (tree: MdNode, file: { path?: string }) => walk(tree, file);
}
