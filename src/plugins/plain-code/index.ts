import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from '@docusaurus/types';

/**
 * Lighter stand-ins for what the theme bundles into every page:
 * - the help articles have no code to highlight, yet the theme bundles Prism (about 30 KiB
 *   compressed) for its language registry: `prism-react-renderer` points at a stand-in (code
 *   blocks themselves are plain text, src/theme/CodeBlock);
 * - the route-change progress bar uses three calls of `nprogress`: a stand-in does those;
 * - `@docusaurus/utils-common` brings all of `tslib` through its CommonJS entry: the bundles import
 *   its files directly;
 * - the theme's `useWindowSize` switches a phone's layout after hydration as an urgent render: the
 *   stand-in makes that switch a transition (window-size-stand-in.ts);
 * - the navbar's secondary menu (the docs sidebar in a phone's menu) sorted its props with
 *   `localeCompare`, building the ICU collator during that switch (secondary-menu-stand-in.tsx);
 * - `window.docusaurus.prefetch` (links in view fetch their route's files) waits for idle time and
 *   asks for each file once (route-prefetch-stand-in.ts).
 */
const THEME_COMMON = path.dirname(require.resolve('@docusaurus/theme-common'));
const CORE_CLIENT = path.join(path.dirname(require.resolve('@docusaurus/core/package.json')), 'lib/client');

/**
 * Theme and core modules imported by relative paths, replaced by the file they resolve to (without its
 * extension, as the bundler matches it). If an upgrade of Docusaurus moves one, the build stops here
 * rather than quietly bundling the original again.
 */
function internalStandIns(): Record<string, string> {
  const standIns = {
    [path.join(THEME_COMMON, 'hooks/useWindowSize')]: 'window-size-stand-in.ts',
    [path.join(THEME_COMMON, 'contexts/navbarSecondaryMenu/content')]: 'secondary-menu-stand-in.tsx',
    [path.join(CORE_CLIENT, 'docusaurus')]: 'route-prefetch-stand-in.ts',
  };
  const missing = Object.keys(standIns).filter((file) => !existsSync(`${file}.js`));
  if (missing.length > 0)
    throw new Error(`plain-code: Docusaurus no longer has ${missing.join(', ')} (.js): review its stand-in`);
  return Object.fromEntries(
    Object.entries(standIns).map(([file, standIn]) => [file, path.resolve(__dirname, standIn)]),
  );
}

export default function plainCodePlugin(): Plugin {
  return {
    name: 'plain-code',
    configureWebpack() {
      return {
        resolve: {
          alias: {
            'prism-react-renderer$': path.resolve(__dirname, 'prism-stand-in.ts'),
            nprogress$: path.resolve(__dirname, 'nprogress-stand-in.ts'),
            '@docusaurus/utils-common$': path.resolve(__dirname, 'utils-common-entry.ts'),
            ...internalStandIns(),
          },
        },
      };
    },
  };
}
