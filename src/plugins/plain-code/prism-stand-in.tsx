import type { CSSProperties, ReactNode } from 'react';

/**
 * What the theme uses of `prism-react-renderer` (see ./index.ts): `Prism` (the language registry
 * the theme extends) and `Highlight` (render props giving lines of tokens). Every line is a single
 * plain token.
 */
interface Token {
  types: string[];
  content: string;
  empty?: boolean;
}

type Props = Record<string, unknown> & { className?: string; style?: CSSProperties };

export const Prism = { languages: {} as Record<string, unknown> };

export const themes = {};

const join = (...names: (string | undefined)[]) => names.filter(Boolean).join(' ');

export function Highlight({
  code,
  children,
}: {
  code: string;
  language?: string;
  theme?: unknown;
  children: (render: {
    className: string;
    style: CSSProperties;
    tokens: Token[][];
    getLineProps: (input: { line: Token[]; className?: string } & Props) => Props;
    getTokenProps: (input: { token: Token; className?: string } & Props) => Props;
  }) => ReactNode;
}): ReactNode {
  const tokens = code
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => [{ types: ['plain'], content: line, empty: line === '' }]);
  return children({
    className: 'prism-code',
    style: {},
    tokens,
    getLineProps: ({ line: _line, className, ...rest }) => ({
      ...rest,
      className: join('token-line', className),
    }),
    getTokenProps: ({ token, className, ...rest }) => ({
      ...rest,
      className: join('token', ...token.types, className),
      children: token.empty ? '\n' : token.content,
    }),
  });
}
