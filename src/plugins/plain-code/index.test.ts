import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plainCodePlugin from './index';

describe('the lighter stand-ins', () => {
  it('replace modules that exist by files that exist: theme and core files by their resolved path', () => {
    const configure = plainCodePlugin().configureWebpack as unknown as () => {
      resolve: { alias: Record<string, string> };
    };
    const aliases = Object.entries(configure().resolve.alias);
    for (const [, standIn] of aliases) expect(existsSync(standIn), standIn).toBe(true);
    const internal = aliases.filter(([from]) => path.isAbsolute(from));
    expect(internal.map(([from]) => path.basename(from))).toEqual(['useWindowSize', 'content', 'docusaurus']);
    // The bundler matches the path without its extension: the file itself is the .js beside it.
    for (const [from] of internal) expect(existsSync(`${from}.js`), from).toBe(true);
  });
});
