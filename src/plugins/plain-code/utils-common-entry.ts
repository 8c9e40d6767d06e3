/**
 * `@docusaurus/utils-common` for the bundles: its entry is CommonJS and requires all of `tslib` (about
 * 4 KiB compressed in every page) for one helper; these ES re-exports of the same files let the bundler
 * keep only what the theme calls. Everything the entry exports but the blog's container id (no blog here).
 */
export {
  default as applyTrailingSlash,
  addTrailingSlash,
  addLeadingSlash,
  removeTrailingSlash,
} from '@docusaurus/utils-common/lib/applyTrailingSlash';
export { addPrefix, removeSuffix, addSuffix, removePrefix } from '@docusaurus/utils-common/lib/stringUtils';
export { getErrorCausalChain } from '@docusaurus/utils-common/lib/errorUtils';
