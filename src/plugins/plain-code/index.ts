import path from 'node:path';
import type { Plugin } from '@docusaurus/types';

/**
 * The help articles have no code to highlight, yet the theme bundles Prism (about 30 KiB
 * compressed) into every page. This plugin points `prism-react-renderer` at a small stand-in that
 * renders code blocks as plain text (same markup and classes, no token colours), so a code block
 * added one day still shows correctly, just without highlighting.
 */
export default function plainCodePlugin(): Plugin {
  return {
    name: 'plain-code',
    configureWebpack() {
      return {
        resolve: {
          alias: { 'prism-react-renderer$': path.resolve(__dirname, 'prism-stand-in.tsx') },
        },
      };
    },
  };
}
