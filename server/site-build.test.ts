import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { BUILD_SETTINGS_FILE } from '../src/plugins/build-settings';
import { buildStaleness, ensureSiteBuilt } from './site-build';

describe('npm start rebuilds the site when it is missing or stale', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });
  const project = () => {
    const root = mkdtempSync(path.join(tmpdir(), 'site-build-'));
    roots.push(root);
    const write = (file: string, seconds: number) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), file);
      // The file and its folders (a folder's time changes when a file is added or removed).
      for (let part = file; part !== '.'; part = path.dirname(part)) {
        utimesSync(path.join(root, part), seconds, seconds);
      }
    };
    return { root, write };
  };

  it('says what is missing, then what changed, then nothing once the build is newer', () => {
    const { root, write } = project();
    write('docs/workers/a.mdx', 1_000);
    write('src/pages/index.tsx', 1_000);
    expect(buildStaleness(root)).toBe(`${path.join('build', 'index.html')} is missing`);
    write('build/index.html', 2_000);
    expect(buildStaleness(root)).toBe(`${path.join('build', 'fr', 'index.html')} is missing`);
    write('build/fr/index.html', 2_000);
    expect(buildStaleness(root)).toBeUndefined();
    write('i18n/fr/code.json', 3_000);
    expect(buildStaleness(root)).toBe('i18n changed since the last build');
  });

  it('rebuilds when the rules or the brand differ from those the site was built with', () => {
    const { root, write } = project();
    write('build/index.html', 2_000);
    write('build/fr/index.html', 2_000);
    const config = loadConfig({});
    const stamp = (settings: object) => {
      for (const folder of ['build', 'build/fr'])
        writeFileSync(path.join(root, folder, BUILD_SETTINGS_FILE), JSON.stringify(settings));
    };
    // A build from before the stamp existed: its articles may state other numbers.
    expect(buildStaleness(root, config)).toMatch(/rules or the brand differ/);
    stamp({ rules: config.rules, brand: config.brand });
    expect(buildStaleness(root, config)).toBeUndefined();
    const shorter = loadConfig({ CODE_TTL_SECONDS: '300' });
    expect(buildStaleness(root, shorter)).toMatch(/rules or the brand differ/);
    const renamed = loadConfig({ BRAND_PRODUCT_NAME: 'Shiftly' });
    expect(buildStaleness(root, renamed)).toMatch(/rules or the brand differ/);
  });

  it('with SITE_BUILD=never, only checks that the site is there', () => {
    const { root, write } = project();
    const config = loadConfig({
      APP_ENV: 'development',
      SITE_BUILD: 'never',
      SITE_DIR: path.join(root, 'build'),
    });
    const logger = pino({ level: 'silent' });
    expect(() => ensureSiteBuilt(config, logger, root)).toThrow(/has no index\.html/);
    write('build/index.html', 1_000);
    write('docs/newer.mdx', 2_000);
    expect(() => ensureSiteBuilt(config, logger, root)).not.toThrow();
  });

  it('refuses an unknown SITE_BUILD value with a clear message', () => {
    expect(() => loadConfig({ SITE_BUILD: 'sometimes' })).toThrow(/SITE_BUILD.*auto or never/);
  });
});
