import MDXComponents from '@theme-original/MDXComponents';
import Rule from '@site/src/components/Rule';

/** Components every article can use without importing them. */
export default {
  ...MDXComponents,
  Rule,
};
