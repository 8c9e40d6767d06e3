import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';

/** Where each locale's build records the settings it was built with (read by `npm start`). */
export const BUILD_SETTINGS_FILE = '.build-settings.json';

/**
 * Records the rules and the brand the site was built with (`customFields`), so that `npm start`
 * rebuilds the site when they differ from the server's: articles then never state a rule the
 * server does not enforce.
 */
export default function buildSettingsPlugin(context: LoadContext): Plugin {
  return {
    name: 'build-settings',
    async postBuild({ outDir }) {
      const { rules, brand } = context.siteConfig.customFields as Record<string, unknown>;
      writeFileSync(path.join(outDir, BUILD_SETTINGS_FILE), `${JSON.stringify({ rules, brand })}\n`);
    },
  };
}
