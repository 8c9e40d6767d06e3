import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// What a site build loads of the repository: its config files, and everything under src/ (pages,
// theme, components, local plugins), with what they import in turn. Read from the import
// statements, so that a new import anywhere in that graph is seen without building the site.
const root = path.resolve(__dirname, '..');
const entries = [
  'docusaurus.config.ts',
  'sidebars.ts',
  ...readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(tsx?|jsx?)$/.test(file) && !/\.test\./.test(file))
    .map((file) => path.join('src', file)),
];

/** The modules a file loads at run time: `import type` and `export type` are erased. */
function specifiers(source: string): string[] {
  const fromStatements = [
    ...source.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g),
  ]
    .filter((match) => !match[2])
    .map((match) => match[3]);
  const dynamic = [...source.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
  return [...fromStatements, ...dynamic];
}

const isFile = (file: string) => existsSync(file) && statSync(file).isFile();

/** A repository file for a local specifier (relative or `@site/`), null for a package. */
function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@site/')
    ? path.join(root, specifier.slice('@site/'.length))
    : specifier.startsWith('.')
      ? path.resolve(path.dirname(path.join(root, from)), specifier)
      : null;
  if (base === null) return null;
  const candidates = ['', '.ts', '.tsx', '.js', '.jsx', '/index.ts', '/index.tsx', '/index.js'].map(
    (suffix) => base + suffix,
  );
  const found = candidates.find(isFile);
  return found ? path.relative(root, found) : null;
}

/**
 * The repository files the site build loads, and every package they import, with the import chain
 * that loads it.
 */
function importGraph(): { files: Set<string>; packages: Map<string, string[]> } {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of specifiers(readFileSync(path.join(root, file), 'utf8'))) {
      const local = resolveLocal(file, specifier);
      if (local) visit(local, [...chain, local]);
      else if (!specifier.startsWith('.') && !packages.has(specifier)) packages.set(specifier, chain);
    }
  };
  for (const entry of entries) visit(entry, [entry]);
  return { files: seen, packages };
}

describe('what the site build loads', () => {
  const { files, packages } = importGraph();

  it('reads the import graph (the support-links plugin and its markdown reader are in it)', () => {
    expect(packages.has('@docusaurus/Translate')).toBe(true);
    expect(files).toContain('src/plugins/support-links/index.ts');
    expect(files).toContain('scripts/markdown.ts');
  });

  it('never loads the TypeScript compiler (only the content check needs it)', () => {
    const chain = packages.get('typescript');
    expect(chain, `typescript is loaded through ${chain?.join(' → ')}`).toBeUndefined();
  });
});
