import path from 'node:path';
import type { Plugin } from '@docusaurus/types';

/**
 * Lighter stand-ins for what the theme bundles into every page:
 * - the help articles have no code to highlight, yet the theme bundles Prism (about 30 KiB
 *   compressed) for its language registry: `prism-react-renderer` points at a stand-in (code
 *   blocks themselves are plain text, src/theme/CodeBlock);
 * - the route-change progress bar uses three calls of `nprogress`: a stand-in does those;
 * - `@docusaurus/utils-common` brings all of `tslib` through its CommonJS entry: the bundles import
 *   its files directly.
 */
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
          },
        },
      };
    },
  };
}
