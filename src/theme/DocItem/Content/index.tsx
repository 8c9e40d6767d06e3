import type { ReactNode } from 'react';
import Content from '@theme-original/DocItem/Content';
import type ContentType from '@theme/DocItem/Content';
import type { WrapperProps } from '@docusaurus/types';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import ServiceNotice from '@site/src/components/ServiceNotice';

type Props = WrapperProps<typeof ContentType>;

/** The login articles start with the service notice while messages are slow (nothing otherwise). */
export default function ContentWrapper(props: Props): ReactNode {
  const { metadata } = useDoc();
  return (
    <>
      {metadata.id.startsWith('workers/login/') && <ServiceNotice />}
      <Content {...props} />
    </>
  );
}
