import type { ReactNode } from 'react';
import Footer from '@theme-original/DocItem/Footer';
import type FooterType from '@theme/DocItem/Footer';
import type { WrapperProps } from '@docusaurus/types';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import Feedback from '@site/src/components/Feedback';

type Props = WrapperProps<typeof FooterType>;

/** Every article ends with "Was this helpful?", above the theme's footer (last update...). */
export default function FooterWrapper(props: Props): ReactNode {
  const { metadata } = useDoc();
  return (
    <>
      <Feedback kind="article" target={metadata.id} />
      <Footer {...props} />
    </>
  );
}
