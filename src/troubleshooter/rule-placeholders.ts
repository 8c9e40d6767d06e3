/**
 * The rules as `translate()` placeholders. Docusaurus interpolates `{\w+}` only, so a rule's name
 * (`code-lifetime`) is its placeholder in camel case (`{codeLifetime}`): "The code works for
 * {codeLifetime}." with `translate(…, rulePlaceholders(useRuleValues()))`.
 */
import type { RuleName } from '../../shared/rules-text';

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : S;

export type RulePlaceholders = { [Name in RuleName as Camel<Name>]: string };

const camel = (name: string) => name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

export function rulePlaceholders(values: Record<RuleName, string>): RulePlaceholders {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [camel(name), value]),
  ) as RulePlaceholders;
}
