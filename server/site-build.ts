import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config';

/**
 * `npm start` on a fresh clone: when the site has not been built yet, build it first (about a
 * minute). A custom SITE_DIR that does not exist is a configuration error instead.
 */
export function ensureSiteBuilt(config: Config, logger: Logger): void {
  if (!config.serveSite || existsSync(path.join(config.siteDir, 'index.html'))) return;
  if (path.resolve(config.siteDir) !== path.resolve('build')) {
    throw new Error(
      `SITE_DIR ${config.siteDir} has no index.html (build the site there, or set SERVE_SITE=false)`,
    );
  }
  logger.info('no site build found: running `npm run build` first');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error('the site build failed (see its output above)');
}
