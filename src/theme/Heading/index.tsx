import type { ReactNode } from 'react';
import clsx from 'clsx';
import Translate, { translate } from '@docusaurus/Translate';
import { useAnchorTargetClassName } from '@docusaurus/theme-common';
import Link from '@docusaurus/Link';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import type { Props } from '@theme/Heading';
import { CopyIcon, CopyStatus, useCopy } from '@site/src/components/CopyButton';
import styles from './styles.module.css';

// As in the theme: the anchor's `#` is drawn by CSS; the link keeps a character of its own.
const ZERO_WIDTH_SPACE = '\u200b';

/**
 * The theme's Heading (ejected), plus a "Copy link to this section" button after the `#` anchor,
 * so support agents and readers can share the exact section. Same rule as the anchor: headings
 * with an id, except h1. The button holds no text (an icon and an accessible name), so the search
 * index and the table of contents are unchanged; a live region next to the heading says "Link copied".
 */
export default function Heading({ as: As, id, ...props }: Props): ReactNode {
  const brokenLinks = useBrokenLinks();
  const anchorTargetClassName = useAnchorTargetClassName(id);
  const { state, copy } = useCopy();

  // H1 headings do not need an id because they don't appear in the TOC.
  if (As === 'h1' || !id) {
    return <As {...props} id={undefined} />;
  }

  brokenLinks.collectAnchor(id);

  const heading = typeof props.children === 'string' ? props.children : id;
  const anchorTitle = translate(
    {
      id: 'theme.common.headingLinkTitle',
      message: 'Direct link to {heading}',
      description: 'Title for link to heading',
    },
    { heading },
  );
  const copyLabel = translate(
    {
      id: 'support.sectionLink.copy',
      message: 'Copy link to this section: {heading}',
      description:
        'Accessible name of the button after an article heading that copies the link to that section',
    },
    { heading },
  );

  return (
    <>
      <As {...props} className={clsx('anchor', anchorTargetClassName, props.className)} id={id}>
        {props.children}
        <Link className="hash-link" to={`#${id}`} aria-label={anchorTitle} title={anchorTitle} translate="no">
          {ZERO_WIDTH_SPACE}
        </Link>
        <button
          type="button"
          className={clsx(styles.copyLink, state === 'copied' && styles.copied)}
          aria-label={copyLabel}
          title={copyLabel}
          data-section-id={id}
          onClick={() =>
            void copy(`${window.location.origin}${window.location.pathname}#${encodeURIComponent(id)}`)
          }
        >
          <CopyIcon copied={state === 'copied'} />
          {state === 'copied' && (
            <span className={styles.copiedText} aria-hidden="true">
              <Translate
                id="support.sectionLink.copied"
                description="Shown next to a heading after copying its link"
              >
                Link copied
              </Translate>
            </span>
          )}
        </button>
      </As>
      <CopyStatus state={state} />
    </>
  );
}
