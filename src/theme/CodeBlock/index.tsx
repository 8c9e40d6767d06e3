import type { ReactNode } from 'react';
import clsx from 'clsx';
import type { Props } from '@theme/CodeBlock';

/**
 * Code blocks as plain preformatted text. The help articles have none (a reader on a phone pays
 * for the theme's highlighter, copy and word-wrap buttons on every article otherwise); one added
 * some day still shows, with its title, and scrolls sideways from the keyboard too.
 */
export default function CodeBlock({ children, className, title }: Props): ReactNode {
  return (
    <div className={clsx('theme-code-block', className)}>
      {title && <div className="margin-bottom--xs text--bold">{title}</div>}
      <pre tabIndex={0}>
        <code>{children}</code>
      </pre>
    </div>
  );
}
