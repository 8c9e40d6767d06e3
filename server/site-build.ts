import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config';
import { BUILD_SETTINGS_FILE } from '../src/plugins/build-settings';

/** Sources whose change makes build/ stale. */
export const BUILD_INPUTS = [
  'docs',
  'i18n',
  'src',
  'static',
  'docusaurus.config.ts',
  'sidebars.ts',
  'server/config',
  'shared',
  'package-lock.json',
];

function newestMtime(target: string): number {
  let info;
  try {
    info = statSync(target);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** What the site states that the server's settings decide: the public rules and the brand. */
export type SiteSettings = Pick<Config, 'rules' | 'brand'>;

function builtWith(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Why the site in `<root>/build` must be (re)built, or undefined when both locales are built,
 * newer than every source and (given `settings`) built with the same rules and brand.
 */
export function buildStaleness(root: string, settings?: SiteSettings): string | undefined {
  const locales = ['', 'fr'].map((locale) => path.join(root, 'build', locale));
  const pages = locales.map((folder) => path.join(folder, 'index.html'));
  const missing = pages.find((page) => !existsSync(page));
  if (missing) return `${path.relative(root, missing)} is missing`;
  const built = Math.min(...pages.map((page) => statSync(page).mtimeMs));
  const changed = BUILD_INPUTS.find((input) => newestMtime(path.join(root, input)) > built);
  if (changed) return `${changed} changed since the last build`;
  if (!settings) return undefined;
  const expected = JSON.stringify({ rules: settings.rules, brand: settings.brand });
  const differs = locales.some(
    (folder) => JSON.stringify(builtWith(path.join(folder, BUILD_SETTINGS_FILE))) !== expected,
  );
  return differs ? 'the rules or the brand differ from those the site was built with' : undefined;
}

/**
 * `npm start`: when the site is missing or older than its sources, build it first (about a
 * minute). `SITE_BUILD=never` (a production image with the build baked in) only checks it exists;
 * a custom SITE_DIR that has no site is a configuration error.
 */
export function ensureSiteBuilt(config: Config, logger: Logger, root = process.cwd()): void {
  if (!config.serveSite) return;
  const isDefault = path.resolve(config.siteDir) === path.resolve(root, 'build');
  if (!isDefault || config.siteBuild === 'never') {
    if (existsSync(path.join(config.siteDir, 'index.html'))) return;
    throw new Error(
      `SITE_DIR ${config.siteDir} has no index.html (build the site there, or set SERVE_SITE=false)`,
    );
  }
  const why = buildStaleness(root, config);
  if (!why) return;
  logger.info({ why }, 'building the site first: `npm run build`');
  // Canonical links and the sitemap name the public address (SITE_URL, else PUBLIC_BASE_URL in production).
  const env = { ...process.env };
  if (!env.SITE_URL && config.isProduction) env.SITE_URL = config.publicBaseUrl;
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error('the site build failed (see its output above)');
}
