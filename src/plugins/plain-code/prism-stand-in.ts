/**
 * What the bundles use of `prism-react-renderer` (see ./index.ts): `Prism`, the language registry
 * the theme's client module extends (src/theme/prism-include-languages.ts adds nothing). Code
 * blocks are plain text (src/theme/CodeBlock): nothing highlights.
 */
export const Prism = { languages: {} as Record<string, unknown> };
